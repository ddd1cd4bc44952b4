/**
 * Fuzzing the JSON importer (`Records.parseRecords`) with garbage text and near-valid files — a
 * valid export with one record mutated at one field (wrong type, out of range, unicode, a huge
 * string, a missing or an extra key), or the text itself broken (cut short, a stray brace). For
 * every file, in both framings and both modes: it never throws; every error is located (the
 * record's line or position ≥ 1 and the field path when there is one; position 0 only for a
 * document that is not a JSON array at all, and then it is the only error); `all-or-nothing`
 * returns no record when anything failed; every record returned re-validates. `Fuzz.runs()`
 * runs per format and kind.
 */
import { afterAll, beforeAll, describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { ExportArbitraries, Fuzz } from "@quartieri/testing"
import { Result, Schema } from "effect"
import * as ExportJson from "../src/index.js"

const { Records } = ExportJson
type Framing = "ndjson" | "document"
type Mode = "all-or-nothing" | "valid-rows-only"
type Format = ExportJson.Records.ExportOptions<unknown>["schema"]

const formats: ReadonlyArray<{ readonly format: Format; readonly valid: fc.Arbitrary<unknown> }> = [
  { format: Records.formats.household as Format, valid: ExportArbitraries.household },
  { format: Records.formats.person as Format, valid: ExportArbitraries.person },
  { format: Records.formats.participant as Format, valid: ExportArbitraries.participant }
]

// a pool of valid exports per format: the parsed records, re-framed by the mutation
const pool = new Map<string, ReadonlyArray<ReadonlyArray<unknown>>>()
beforeAll(async () => {
  for (const { format, valid } of formats) {
    const files: Array<ReadonlyArray<unknown>> = []
    for (const records of fc.sample(fc.array(valid, { minLength: 1, maxLength: 4 }), { numRuns: 12, seed: 42 })) {
      const text = new TextDecoder().decode(
        await Records.recordsToBytes(records, { schema: format, profile: "internal", framing: "ndjson" })
      )
      files.push(
        text
          .split("\n")
          .filter((l) => l !== "")
          .map((l) => JSON.parse(l) as unknown)
      )
    }
    pool.set(format.name, files)
  }
})

const figures = new Map<string, { files: number; records: number; errors: number }>()
afterAll(() => {
  const rows = [...figures.entries()].map(
    ([k, f]) => `${k}: ${f.files} files, ${f.records} records accepted and re-validated, ${f.errors} located errors`
  )
  console.info(`[fuzz] JSON import\n${rows.join("\n")}`)
})

const check = (label: string, text: string, format: Format, framing: Framing, mode: Mode) => {
  let parsed: ExportJson.Records.Parsed<unknown>
  try {
    parsed = Records.parseRecords(text, { schema: format, mode, framing })
  } catch (e) {
    throw new Error(`parseRecords threw: ${String(e)}`)
  }
  for (const e of parsed.errors) {
    expect(Number.isInteger(e.record) && e.record >= 0, `record ${e.record}`).toBe(true)
    if (e.record === 0) {
      // the document as a whole is not a JSON array: one error, no record
      expect(framing).toBe("document")
      expect(parsed.errors.length).toBe(1)
      expect(parsed.records).toEqual([])
    }
    expect(typeof e.reason === "string" && e.reason.trim().length > 0, "a reason").toBe(true)
    if (e.path !== undefined) expect(e.path.length, "a field path").toBeGreaterThan(0)
  }
  if (mode === "all-or-nothing" && parsed.errors.length > 0) expect(parsed.records).toEqual([])
  const encode = Schema.encodeUnknownSync(format.schema as Schema.Codec<unknown, unknown, never, never>)
  for (const r of parsed.records) {
    const again = format.decode(encode(r))
    if (Result.isFailure(again)) throw new Error(`an accepted record does not re-validate: ${again.failure.message}`)
    expect(again.success).toEqual(r)
  }
  const f = figures.get(label) ?? { files: 0, records: 0, errors: 0 }
  figures.set(label, {
    files: f.files + 1,
    records: f.records + parsed.records.length,
    errors: f.errors + parsed.errors.length
  })
}

const tokens = [
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  '"',
  "\n",
  "\r\n",
  "null",
  "true",
  "1e999",
  "-0",
  '"id"',
  '"members"',
  '"birthDate"',
  '"2019-04-01"',
  "\\u0000",
  "\\ud800",
  "😀",
  " ",
  "__proto__",
  '{"__proto__":{"x":1}}'
]
const garbageText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.json(),
  fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((t) => t.join(""))
)

const frame = (records: ReadonlyArray<unknown>, framing: Framing): string =>
  framing === "ndjson" ? `${records.map((r) => JSON.stringify(r)).join("\n")}\n` : JSON.stringify(records)

const nearValid = (name: string, framing: Framing): fc.Arbitrary<string> =>
  fc.tuple(fc.nat(), fc.nat()).chain(([i, j]) => {
    const files = pool.get(name) ?? []
    const records = files[i % files.length] ?? []
    const k = j % Math.max(1, records.length)
    const recordMutation = Fuzz.mutation(records[k] ?? {}).map(({ input }) =>
      frame(
        records.map((r, n) => (n === k ? input : r)),
        framing
      )
    )
    const textMutation = fc.tuple(fc.constantFrom("cut", "brace", "comma"), fc.nat()).map(([kind, at]) => {
      const text = frame(records, framing)
      const p = at % (text.length + 1)
      return kind === "cut" ? text.slice(0, p) : `${text.slice(0, p)}${kind === "brace" ? "{" : ","}${text.slice(p)}`
    })
    return fc.oneof({ arbitrary: recordMutation, weight: 4 }, { arbitrary: textMutation, weight: 1 })
  })

const framing = fc.constantFrom<Framing>("ndjson", "document")
const mode = fc.constantFrom<Mode>("all-or-nothing", "valid-rows-only")
const runs = Fuzz.runs()
const timeout = Fuzz.timeout(120_000)

describe("the JSON importer under fuzzing", () => {
  for (const { format } of formats) {
    describe(format.name, () => {
      test.prop([garbageText, framing, mode], { numRuns: runs })(
        "garbage: never throws; errors located; no invalid record",
        (text, f, m) => check(`${format.name} garbage`, text, format, f, m),
        timeout
      )

      test.prop([framing, mode, fc.nat()], { numRuns: 20 })(
        "the pool files import cleanly (the mutations start from them)",
        (f, m, i) => {
          const files = pool.get(format.name) ?? []
          const parsed = Records.parseRecords(frame(files[i % files.length] ?? [], f), {
            schema: format,
            mode: m,
            framing: f
          })
          expect(parsed.errors).toEqual([])
          expect(parsed.records.length).toBeGreaterThan(0)
        }
      )

      test.prop([framing.chain((f) => nearValid(format.name, f).map((text) => ({ f, text }))), mode], {
        numRuns: runs
      })(
        "near-valid files: never throws; errors located; no invalid record",
        ({ f, text }, m) => check(`${format.name} near-valid`, text, format, f, m),
        timeout
      )
    })
  }
})
