/**
 * What a JSON file lets out. Published: all the tables of `PublishedDataset` (built from 800
 * persons with codici fiscali and birth dates, released by `Disclosure.publish`) in one document
 * and as NDJSON, the bytes scanned for codici fiscali (by shape), the persons' codes and birth
 * dates (three formats) and the names behind the codes — nothing may be found; records and a
 * table with a personal column are refused. Partner: the person cells are the keyed
 * HMAC-SHA-256 of the code, computed here with node:crypto — stable for one key, different under
 * another — and the code never.
 */
import { createHmac, randomBytes } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { PersonalData, PublishedDataset } from "@quartieri/testing"
import * as ExportJson from "../src/index.js"

const dataset = PublishedDataset.make(1)
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe("published JSON files hold no personal data", () => {
  it("every table, document and NDJSON: no codice fiscale, birth date or name", async () => {
    let bytes = 0
    const found: Array<string> = []
    for (const framing of ["document", "ndjson"] as const) {
      const out = await ExportJson.toBytes({ tables: dataset.tables, profile: "published" }, { framing })
      bytes += out.length
      found.push(...PersonalData.scan(text(out), dataset.needles).map((f) => `${framing}: ${f}`))
    }
    console.info(
      `[privacy] json: 2 published files (${dataset.tables.length} tables each), ${bytes} bytes scanned for ${dataset.needles.length} needles: ${found.length} leaks`
    )
    expect(found).toEqual([])
  })

  it("records and personal columns are refused before a byte is written", async () => {
    await expect(
      ExportJson.Records.recordsToBytes(dataset.persons, {
        schema: ExportJson.Records.formats.person,
        profile: "published"
      })
    ).rejects.toMatchObject({ _tag: "ExportError" })
    await expect(
      ExportJson.toBytes({ tables: [PublishedDataset.partnerTable(dataset.persons)], profile: "published" })
    ).rejects.toMatchObject({ _tag: "ExportError", reason: "PersonalDataRefused" })
  })
})

describe("partner JSON files: pseudonyms", () => {
  const table = PublishedDataset.partnerTable(dataset.persons)
  const codes = table.rows.map((r) => String(r.person))
  const hmac = (key: Uint8Array, value: string) => createHmac("sha256", key).update(value, "utf8").digest("hex")
  const pseudonyms = async (key: Uint8Array) => {
    const out = text(await ExportJson.toBytes({ tables: [table], profile: "partner", key }))
    expect(PersonalData.scan(out, dataset.needles)).toEqual([])
    const doc = JSON.parse(out) as { tables: ReadonlyArray<{ rows: ReadonlyArray<{ person: string }> }> }
    return doc.tables[0]?.rows.map((r) => r.person) ?? []
  }

  it("are the keyed HMAC of the code: the same for one key, different for another", async () => {
    const k1 = randomBytes(32)
    const k2 = randomBytes(48)
    const first = await pseudonyms(k1)
    expect(first).toEqual(codes.map((c) => hmac(k1, c)))
    expect(await pseudonyms(Uint8Array.from(k1))).toEqual(first)
    const other = await pseudonyms(k2)
    expect(other).toEqual(codes.map((c) => hmac(k2, c)))
    expect(other.filter((p) => first.includes(p))).toEqual([])
  })
})
