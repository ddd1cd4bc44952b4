import { describe, expect, it } from "@effect/vitest"
import { Population } from "@quartieri/testing"
import * as ExportJson from "../src/index.js"

const { Records } = ExportJson
const person = ExportJson.Records.formats.person

describe("JSON records", () => {
  const persons = Population.abitareLaComunita(5).persons.slice(0, 2)

  it("ndjson: one encoded record per line; document: one array", async () => {
    const nd = new TextDecoder().decode(await Records.recordsToBytes(persons, { schema: person, profile: "internal" }))
    expect(nd.split("\n").length).toBe(3)
    const doc = new TextDecoder().decode(
      await Records.recordsToBytes(persons, { schema: person, profile: "internal", framing: "document" })
    )
    expect(JSON.parse(doc)).toEqual(
      nd
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l))
    )
  })

  it("reports every problem of every record with its line", () => {
    const text = '{"id":"p1"}\n\nnot json\n'
    const parsed = Records.parseRecords(text, { schema: person, mode: "valid-rows-only" })
    expect(parsed.count).toBe(2)
    expect(parsed.errors[0]).toMatchObject({ record: 1, path: "recordedOn", reason: "Missing key" })
    expect(parsed.errors.at(-1)).toMatchObject({ record: 3 })
    expect(parsed.errors.at(-1)?.reason).toMatch(/^not JSON/)
  })

  it("all-or-nothing keeps no record when one fails", async () => {
    const nd = new TextDecoder().decode(await Records.recordsToBytes(persons, { schema: person, profile: "internal" }))
    const some = Records.parseRecords(`${nd}{}\n`, { schema: person, mode: "valid-rows-only" })
    expect(some.records).toEqual(persons)
    const none = Records.parseRecords(`${nd}{}\n`, { schema: person, mode: "all-or-nothing" })
    expect(none.records).toEqual([])
  })

  it("refuses personal records outside the internal profile", async () => {
    await expect(Records.recordsToBytes(persons, { schema: person, profile: "partner" })).rejects.toMatchObject({
      reason: "PersonalDataRefused"
    })
  })
})
