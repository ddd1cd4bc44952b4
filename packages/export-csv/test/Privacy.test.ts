/**
 * What a CSV file lets out. Published: every table of `PublishedDataset` (built from 800
 * persons with codici fiscali and birth dates, released by `Disclosure.publish`) is written in
 * both dialects and its bytes scanned for codici fiscali (by shape), the persons' codes and birth
 * dates (three formats) and the names behind the codes — nothing may be found; records and a
 * table with a personal column are refused before a byte is written. Partner: the person column
 * leaves as the keyed HMAC-SHA-256 of the code, computed here with node:crypto — the same for
 * one key, run after run, and different under another key — and the code itself never.
 */
import { createHmac, randomBytes } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { PersonalData, PublishedDataset } from "@quartieri/testing"
import { parse } from "csv-parse/sync"
import * as ExportCsv from "../src/index.js"

const dataset = PublishedDataset.make(1)
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const dialects = ["rfc4180", "excel-it"] as const

describe("published CSV files hold no personal data", () => {
  it("every table, both dialects: no codice fiscale, birth date or name", async () => {
    let bytes = 0
    const found: Array<string> = []
    for (const table of dataset.tables)
      for (const dialect of dialects) {
        const out = await ExportCsv.toBytes({ tables: [table], profile: "published" }, { dialect })
        bytes += out.length
        found.push(...PersonalData.scan(text(out), dataset.needles).map((f) => `${table.id} ${dialect}: ${f}`))
      }
    console.info(
      `[privacy] csv: ${dataset.tables.length * dialects.length} published files, ${bytes} bytes scanned for ${dataset.needles.length} needles from ${dataset.persons.length} persons: ${found.length} leaks`
    )
    expect(found).toEqual([])
  })

  it("records and personal columns are refused before a byte is written", async () => {
    await expect(
      ExportCsv.Records.recordsToBytes(dataset.persons, { schema: ExportCsv.Records.person, profile: "published" })
    ).rejects.toMatchObject({ _tag: "ExportError" })
    await expect(
      ExportCsv.toBytes({ tables: [PublishedDataset.partnerTable(dataset.persons)], profile: "published" })
    ).rejects.toMatchObject({ _tag: "ExportError", reason: "PersonalDataRefused" })
  })
})

describe("partner CSV files: pseudonyms", () => {
  const table = PublishedDataset.partnerTable(dataset.persons)
  const codes = table.rows.map((r) => String(r.person))
  const hmac = (key: Uint8Array, value: string) => createHmac("sha256", key).update(value, "utf8").digest("hex")
  const pseudonyms = async (key: Uint8Array) => {
    const out = text(await ExportCsv.toBytes({ tables: [table], profile: "partner", key }, { dialect: "rfc4180" }))
    expect(PersonalData.scan(out, dataset.needles)).toEqual([])
    const [, ...rows] = parse(out, { delimiter: "," }) as Array<Array<string>>
    return rows.map((r) => r[0])
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
