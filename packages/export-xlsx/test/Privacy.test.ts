/**
 * What a workbook lets out. Published: the tables of `PublishedDataset` (built from 800 persons
 * with codici fiscali and birth dates, released by `Disclosure.publish`) in one workbook, every
 * XML part of the archive unzipped and scanned — cells, shared strings, sheet names, the notes
 * sheet, the document properties — for codici fiscali (by shape), the persons' codes and birth
 * dates (three formats) and the names behind the codes: nothing may be found. A table with a
 * personal column is refused. Partner: the person cells are the keyed HMAC-SHA-256 of the code,
 * computed here with node:crypto — stable for one key, different under another.
 */
import { createHmac, randomBytes } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { PersonalData, PublishedDataset } from "@quartieri/testing"
import ExcelJS from "exceljs"
import * as ExportXlsx from "../src/index.js"
import { entries } from "./unzip.js"

const dataset = PublishedDataset.make(1)

describe("a published workbook holds no personal data", () => {
  it("every part of the archive: no codice fiscale, birth date or name", async () => {
    const zip = await ExportXlsx.toBytes({ tables: dataset.tables, profile: "published" })
    const parts = entries(zip)
    const found = parts.flatMap((p) =>
      PersonalData.scan(p.data.toString("utf8"), dataset.needles).map((f) => `${p.name}: ${f}`)
    )
    const bytes = parts.reduce((n, p) => n + p.data.length, 0)
    console.info(
      `[privacy] xlsx: 1 published workbook (${dataset.tables.length} sheets + notes), ${parts.length} parts, ${bytes} bytes of XML scanned for ${dataset.needles.length} needles: ${found.length} leaks`
    )
    expect(parts.some((p) => p.name.startsWith("xl/worksheets/"))).toBe(true)
    expect(found).toEqual([])
  })

  it("a personal column is refused before a byte is written", async () => {
    await expect(
      ExportXlsx.toBytes({ tables: [PublishedDataset.partnerTable(dataset.persons)], profile: "published" })
    ).rejects.toMatchObject({ _tag: "ExportError", reason: "PersonalDataRefused" })
  })
})

describe("partner workbooks: pseudonyms", () => {
  const table = PublishedDataset.partnerTable(dataset.persons)
  const codes = table.rows.map((r) => String(r.person))
  const hmac = (key: Uint8Array, value: string) => createHmac("sha256", key).update(value, "utf8").digest("hex")
  const pseudonyms = async (key: Uint8Array) => {
    const zip = await ExportXlsx.toBytes({ tables: [table], profile: "partner", key })
    for (const p of entries(zip))
      expect(PersonalData.scan(p.data.toString("utf8"), dataset.needles), p.name).toEqual([])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(zip) as unknown as ArrayBuffer)
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet
    return codes.map((_, i) => String(sheet.getRow(i + 2).getCell(1).value))
  }

  it("are the keyed HMAC of the code: the same for one key, different for another", async () => {
    const k1 = randomBytes(32)
    const k2 = randomBytes(32)
    const first = await pseudonyms(k1)
    expect(first).toEqual(codes.map((c) => hmac(k1, c)))
    expect(await pseudonyms(Uint8Array.from(k1))).toEqual(first)
    const other = await pseudonyms(k2)
    expect(other).toEqual(codes.map((c) => hmac(k2, c)))
    expect(other.filter((p) => first.includes(p))).toEqual([])
  })
})
