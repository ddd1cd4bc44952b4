/**
 * Fuzzing the CSV importer (`Records.parseRecords`) with garbage text and near-valid files — a
 * valid export with one cell changed (wrong type, out of range, unicode, a huge text, empty), a
 * column removed, added or repeated, a stray quote, the file cut short. For every file, in both
 * dialects and both modes: it never throws; every error is located (a spreadsheet row ≥ 1, the
 * column when there is one) and says why; `all-or-nothing` returns no record when anything
 * failed; and every record it returns re-validates (encoded and decoded again, the same), so
 * no invalid record is ever accepted. `Fuzz.runs()` runs per format and kind.
 */
import { afterAll, beforeAll, describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { ExportArbitraries, Fuzz } from "@quartieri/testing"
import { parse } from "csv-parse/sync"
import { stringify } from "csv-stringify/sync"
import { Result, Schema } from "effect"
import * as ExportCsv from "../src/index.js"

const { Records } = ExportCsv
type Dialect = "rfc4180" | "excel-it"
type Mode = "all-or-nothing" | "valid-rows-only"

const formats = [
  {
    format: Records.household as ExportCsv.Records.RecordFormat<unknown>,
    valid: ExportArbitraries.household as fc.Arbitrary<unknown>
  },
  {
    format: Records.person as ExportCsv.Records.RecordFormat<unknown>,
    valid: ExportArbitraries.person as fc.Arbitrary<unknown>
  },
  {
    format: Records.participant as ExportCsv.Records.RecordFormat<unknown>,
    valid: ExportArbitraries.participant as fc.Arbitrary<unknown>
  }
] as const

const dialects: ReadonlyArray<Dialect> = ["rfc4180", "excel-it"]
const delimiter = (d: Dialect) => ExportCsv.Dialect.specs[d].delimiter

// a pool of valid files per format and dialect, written by the exporter
const pool = new Map<string, ReadonlyArray<string>>()
beforeAll(async () => {
  for (const { format, valid } of formats)
    for (const d of dialects) {
      const files: Array<string> = []
      for (const records of fc.sample(fc.array(valid, { minLength: 1, maxLength: 4 }), { numRuns: 12, seed: 42 }))
        files.push(
          new TextDecoder().decode(
            await Records.recordsToBytes(records, { schema: format, profile: "internal", dialect: d })
          )
        )
      pool.set(`${format.name}/${d}`, files)
    }
})

const figures = new Map<string, { files: number; records: number; errors: number }>()
afterAll(() => {
  const rows = [...figures.entries()].map(
    ([k, f]) => `${k}: ${f.files} files, ${f.records} records accepted and re-validated, ${f.errors} located errors`
  )
  console.info(`[fuzz] CSV import\n${rows.join("\n")}`)
})

/** Imports `text` and checks every promise of the importer; returns nothing, fails on a broken one. */
const check = (
  label: string,
  text: string,
  format: ExportCsv.Records.RecordFormat<unknown>,
  d: Dialect,
  mode: Mode
) => {
  let parsed: ExportCsv.Records.Parsed<unknown>
  try {
    parsed = Records.parseRecords(text, { schema: format, mode, dialect: d })
  } catch (e) {
    throw new Error(`parseRecords threw: ${String(e)}`)
  }
  const lines = text.split(/\r\n|\n|\r/).length
  for (const e of parsed.errors) {
    expect(Number.isInteger(e.row) && e.row >= 1 && e.row <= lines + 1, `row ${e.row} of ${lines} lines`).toBe(true)
    expect(typeof e.reason === "string" && e.reason.trim().length > 0, "a reason").toBe(true)
    // a header cell left empty is named by its position
    if (e.column !== undefined && e.column === "")
      expect(e.reason, "an unnamed column's position").toMatch(/position \d+/)
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

// ---------------------------------------------------------------------------------------------
// garbage
// ---------------------------------------------------------------------------------------------

const tokens = [
  ";",
  ",",
  '"',
  '""',
  "\r\n",
  "\n",
  "\r",
  "\uFEFF",
  "=",
  "'",
  "sì",
  "no",
  "true",
  "01/04/2019",
  "2019-04-01",
  "1234,56",
  "{",
  "}",
  "[",
  "]",
  ":",
  "null",
  "id",
  "tenancy.unit",
  "members",
  "birthDate",
  "\u0000",
  "😀",
  "è",
  " "
]
const garbageText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((t) => t.join(""))
)

// ---------------------------------------------------------------------------------------------
// near-valid files
// ---------------------------------------------------------------------------------------------

const cellValue = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "abc",
    "-1",
    "1e309",
    "NaN",
    "31/02/2019",
    "2019-02-29",
    "00/00/0000",
    "sì?",
    "[",
    "{}",
    '[{"person":1}]',
    "null",
    "'=1+1",
    "=1+1",
    "\u0000",
    "\uD800",
    "😀👩‍👩‍👧",
    "e\u0301"
  ),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer({ min: 10_000, max: 100_000 }).map((n) => "x".repeat(n))
)

type Grid = Array<Array<string>>
const mutateGrid = fc.oneof(
  fc.tuple(fc.constant("cell" as const), fc.nat(), fc.nat(), cellValue),
  fc.tuple(fc.constant("drop-column" as const), fc.nat(), fc.nat(), fc.constant("")),
  fc.tuple(fc.constant("extra-column" as const), fc.nat(), fc.nat(), cellValue),
  fc.tuple(fc.constant("repeat-header" as const), fc.nat(), fc.nat(), fc.constant("")),
  fc.tuple(fc.constant("short-row" as const), fc.nat(), fc.nat(), fc.constant(""))
)
const applyGrid = (grid: Grid, [kind, a, b, value]: readonly [string, number, number, string]): Grid => {
  const rows = grid.map((r) => [...r])
  const width = rows[0]?.length ?? 1
  const r = a % rows.length
  const c = b % width
  if (kind === "cell") (rows[r] as Array<string>)[c] = value
  if (kind === "drop-column") for (const row of rows) row.splice(c, 1)
  if (kind === "extra-column")
    rows.forEach((row, i) => {
      row.push(i === 0 ? `extra${value.length}` : value)
    })
  if (kind === "repeat-header") (rows[0] as Array<string>)[c] = (rows[0] as Array<string>)[(c + 1) % width] ?? ""
  if (kind === "short-row" && r > 0) (rows[r] as Array<string>).pop()
  return rows
}
const mutateText = fc.oneof(
  fc.tuple(fc.constant("cut" as const), fc.nat()),
  fc.tuple(fc.constant("quote" as const), fc.nat()),
  fc.tuple(fc.constant("delimiter" as const), fc.nat())
)

const nearValid = (name: string, d: Dialect) =>
  fc
    .tuple(
      fc.nat(),
      fc.oneof(
        mutateGrid.map((m) => ({ grid: m })),
        mutateText.map((m) => ({ text: m }))
      )
    )
    .map(([i, m]) => {
      const files = pool.get(`${name}/${d}`) ?? []
      const text = files[i % files.length] ?? ""
      if ("text" in m) {
        const [kind, at] = m.text
        const p = at % (text.length + 1)
        return kind === "cut"
          ? text.slice(0, p)
          : `${text.slice(0, p)}${kind === "quote" ? '"' : delimiter(d)}${text.slice(p)}`
      }
      const grid = parse(text, { delimiter: delimiter(d), bom: true, relax_column_count: true }) as Grid
      const body = stringify(applyGrid(grid, m.grid), { delimiter: delimiter(d), record_delimiter: "\r\n" })
      return d === "excel-it" ? `\uFEFF${body}` : body
    })

const mode = fc.constantFrom<Mode>("all-or-nothing", "valid-rows-only")
const dialect = fc.constantFrom<Dialect>(...dialects)
const runs = Fuzz.runs()
const timeout = Fuzz.timeout(120_000)

describe("the CSV importer under fuzzing", () => {
  for (const { format } of formats) {
    describe(format.name, () => {
      test.prop([garbageText, dialect, mode], { numRuns: runs })(
        "garbage: never throws; errors located; no invalid record",
        (text, d, m) => check(`${format.name} garbage`, text, format, d, m),
        timeout
      )

      test.prop([dialect, mode, fc.nat()], { numRuns: 20 })(
        "the pool files import cleanly (the mutations start from them)",
        (d, m, i) => {
          const files = pool.get(`${format.name}/${d}`) ?? []
          const parsed = Records.parseRecords(files[i % files.length] ?? "", { schema: format, mode: m, dialect: d })
          expect(parsed.errors).toEqual([])
          expect(parsed.records.length).toBeGreaterThan(0)
        }
      )

      test.prop([dialect.chain((d) => nearValid(format.name, d).map((text) => ({ d, text }))), mode], {
        numRuns: runs
      })(
        "near-valid files: never throws; errors located; no invalid record",
        ({ d, text }, m) => check(`${format.name} near-valid`, text, format, d, m),
        timeout
      )
    })
  }
})
