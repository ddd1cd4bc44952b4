/**
 * What the open-data files let out. Every table of `PublishedDataset` (built from 800 persons
 * with codici fiscali and birth dates, released by `Disclosure.publish`) written in the
 * OpenCoesione dialect, and the four OpenCoesione files and the IATI activity of the seed
 * projects, scanned for codici fiscali of persons (by shape), the persons' codes and birth dates
 * (ISO, Italian and `YYYYMMDD`, OpenCoesione's own date format) and the names behind the codes:
 * nothing may be found. A table with a personal column is refused.
 */
import { describe, expect, it } from "@effect/vitest"
import { Calendar } from "@quartieri/core"
import { PersonalData, PublishedDataset } from "@quartieri/testing"
import { IatiXml, OpenCoesioneCsv } from "../src/index.js"
import { abitare, interpreti } from "./fixtures.js"

const dataset = PublishedDataset.make(1)
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const updatedOn = Calendar.unsafeMake("2024-06-30")

describe("published open-data files hold no personal data", () => {
  it("every table in the OpenCoesione dialect, the four OpenCoesione files and the IATI activity", async () => {
    const files: Array<readonly [string, Uint8Array]> = []
    for (const table of dataset.tables)
      files.push([
        table.id,
        await OpenCoesioneCsv.toBytes({ tables: [table], profile: "published" }, { table: table.id })
      ])
    for (const [name, bytes] of Object.entries(await OpenCoesioneCsv.files([interpreti, abitare], { updatedOn })))
      files.push([name, bytes])
    files.push(["iati.xml", await IatiXml.toBytes([interpreti], { updatedOn })])
    const found = files.flatMap(([name, bytes]) =>
      PersonalData.scan(text(bytes), dataset.needles).map((f) => `${name}: ${f}`)
    )
    const bytes = files.reduce((n, [, b]) => n + b.length, 0)
    console.info(
      `[privacy] opendata: ${files.length} published files, ${bytes} bytes scanned for ${dataset.needles.length} needles: ${found.length} leaks`
    )
    expect(found).toEqual([])
  })

  it("a personal column is refused before a byte is written", async () => {
    await expect(
      OpenCoesioneCsv.toBytes({ tables: [PublishedDataset.partnerTable(dataset.persons)], profile: "published" })
    ).rejects.toMatchObject({ _tag: "ExportError", reason: "PersonalDataRefused" })
  })
})
