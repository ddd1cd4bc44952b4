/**
 * What an HTML report lets out. The tables of `PublishedDataset` (built from 800 persons with
 * codici fiscali and birth dates, released by `Disclosure.publish`) in one report, charts
 * included, the page scanned for codici fiscali (by shape), the persons' codes and birth dates
 * (three formats) and the names behind the codes: nothing may be found. A table with a personal
 * column is refused. Partner: the person cells are the keyed HMAC-SHA-256 of the code, computed
 * here with node:crypto — stable for one key, different under another.
 */
import { createHmac, randomBytes } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { PersonalData, PublishedDataset } from "@quartieri/testing"
import { Report } from "../src/index.js"

const dataset = PublishedDataset.make(1)
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe("a published report holds no personal data", () => {
  it("every table, with its chart: no codice fiscale, birth date or name", async () => {
    const html = text(
      await Report.toBytes(
        { tables: dataset.tables, profile: "published" },
        { title: "Abitare la Comunità", asOf: "2019-04-01" }
      )
    )
    const found = PersonalData.scan(html, dataset.needles)
    console.info(
      `[privacy] html: 1 published report (${dataset.tables.length} tables), ${html.length} characters scanned for ${dataset.needles.length} needles: ${found.length} leaks`
    )
    expect(found).toEqual([])
  })

  it("a personal column is refused before a byte is written", async () => {
    await expect(
      Report.toBytes({ tables: [PublishedDataset.partnerTable(dataset.persons)], profile: "published" })
    ).rejects.toMatchObject({ _tag: "ExportError", reason: "PersonalDataRefused" })
  })

  it("partner: the keyed HMAC of the code, the same for one key, different for another", async () => {
    const table = PublishedDataset.partnerTable(dataset.persons)
    const codes = table.rows.map((r) => String(r.person))
    const hmac = (key: Uint8Array, value: string) => createHmac("sha256", key).update(value, "utf8").digest("hex")
    const page = async (key: Uint8Array) => text(await Report.toBytes({ tables: [table], profile: "partner", key }))
    const k1 = randomBytes(32)
    const k2 = randomBytes(32)
    const first = await page(k1)
    const other = await page(k2)
    expect(PersonalData.scan(first, dataset.needles)).toEqual([])
    expect(await page(Uint8Array.from(k1))).toBe(first)
    for (const c of codes) {
      expect(first).toContain(hmac(k1, c))
      expect(first).not.toContain(hmac(k2, c))
      expect(other).toContain(hmac(k2, c))
    }
  })
})
