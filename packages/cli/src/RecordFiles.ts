/**
 * Registry files as municipal staff send them: households or persons, in CSV (the Italian Excel
 * dialect by default, or RFC 4180) or JSON (an array, or NDJSON: one record a line). The format
 * is read from the extension (`.csv`, `.json`, `.ndjson`, `.jsonl`); the columns and fields are
 * those of the record formats of `@quartieri/export-csv` and `@quartieri/export-json` (the
 * JSON Schemas in `@quartieri/export-json/schemas` describe them).
 *
 * Every problem is reported with where it is — the row and column of a CSV as the spreadsheet
 * shows them (the header is row 1), the record and field path of a JSON file — and a record id
 * used twice in the same file is a problem too. A file that cannot be read at all (missing,
 * unknown extension) is a usage error.
 *
 * @since 0.1.0
 */
import { readFileSync } from "node:fs"
import { extname, resolve } from "node:path"
import type { Household, Person } from "@quartieri/core"
import * as ExportCsv from "@quartieri/export-csv"
import * as ExportJson from "@quartieri/export-json"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import { text } from "./Text.js"

/**
 * The kinds of record a file holds.
 *
 * @since 0.1.0
 * @category models
 */
export const kinds = ["households", "persons"] as const

/**
 * A kind of record.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind = (typeof kinds)[number]

/**
 * The record of a kind.
 *
 * @since 0.1.0
 * @category models
 */
export type RecordOf<K extends Kind> = K extends "households" ? Household.Household : Person.Person

/**
 * The formats of a file.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = "csv" | "json" | "ndjson"

/**
 * The CSV dialects.
 *
 * @since 0.1.0
 * @category models
 */
export const dialects = ["excel-it", "rfc4180"] as const

/**
 * A file read: its format, how many records it holds, the records that decode and every
 * problem; each record with its position (the CSV row, or the JSON record number).
 *
 * @since 0.1.0
 * @category models
 */
export interface Parsed<A> {
  readonly path: string
  readonly format: Format
  readonly count: number
  readonly records: ReadonlyArray<A>
  readonly problems: ReadonlyArray<ExitCode.Detail>
}

/**
 * The format of a file from its extension, or `undefined`.
 *
 * @since 0.1.0
 * @category utils
 */
export const formatOf = (path: string): Format | undefined => {
  const ext = extname(path).toLowerCase()
  return ext === ".csv"
    ? "csv"
    : ext === ".json"
      ? "json"
      : ext === ".ndjson" || ext === ".jsonl"
        ? "ndjson"
        : undefined
}

const usage = (kind: string, it: string, en: string) => ExitCode.fail(ExitCode.ExitCode.usage, kind, text(it, en))

const rowWhere = (row: number, column?: string) =>
  text(
    column === undefined ? `riga ${row}` : `riga ${row}, colonna ${column}`,
    column === undefined ? `row ${row}` : `row ${row}, column ${column}`
  )

const recordWhere = (record: number, path?: string) =>
  text(
    path === undefined ? `record ${record}` : `record ${record}, campo ${path}`,
    path === undefined ? `record ${record}` : `record ${record}, field ${path}`
  )

/**
 * Reads the text of a file, or fails with a usage error (exit code 2) when it cannot be read.
 *
 * @since 0.1.0
 * @category constructors
 */
export const readText = (path: string, cwd: string): Effect.Effect<string, ExitCode.CliFailure> =>
  Effect.try({
    try: () => readFileSync(resolve(cwd, path), "utf8"),
    catch: (e) => {
      const code = (e as { readonly code?: unknown }).code
      return code === "ENOENT"
        ? usage("file-not-found", `file non trovato: ${path}`, `file not found: ${path}`)
        : usage(
            "file-unreadable",
            `impossibile leggere ${path}: ${e instanceof Error ? e.message : String(e)}`,
            `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`
          )
    }
  })

/**
 * Reads a file of records of `kind`: every record that decodes and every problem.
 *
 * @since 0.1.0
 * @category constructors
 */
export const read = <K extends Kind>(
  path: string,
  kind: K,
  options: { readonly cwd: string; readonly dialect?: (typeof dialects)[number] }
): Effect.Effect<Parsed<RecordOf<K>>, ExitCode.CliFailure> =>
  Effect.gen(function* () {
    const format = formatOf(path)
    if (format === undefined)
      return yield* usage(
        "unknown-format",
        `formato non riconosciuto per ${path}: usa un file .csv, .json o .ndjson`,
        `unknown format for ${path}: use a .csv, .json or .ndjson file`
      )
    const content = yield* readText(path, options.cwd)
    const problems: Array<ExitCode.Detail> = []
    let records: ReadonlyArray<RecordOf<K>>
    let count: number
    let positions: ReadonlyArray<number>
    if (format === "csv") {
      const schema = (
        kind === "households" ? ExportCsv.Records.household : ExportCsv.Records.person
      ) as ExportCsv.Records.RecordFormat<RecordOf<K>>
      const parsed = ExportCsv.parseRecords(content, {
        schema,
        mode: "valid-rows-only",
        dialect: options.dialect ?? "excel-it"
      })
      for (const e of parsed.errors)
        problems.push({
          where: rowWhere(e.row, e.column),
          row: e.row,
          ...(e.column === undefined ? {} : { column: e.column }),
          message: text(e.reason, e.reason)
        })
      records = parsed.records
      count = parsed.rows
      // the rows of the records: the data rows that produced no error, in order
      const failed = new Set(parsed.errors.map((e) => e.row))
      positions = dataRows(content).filter((r) => !failed.has(r))
    } else {
      const schema = (
        kind === "households" ? ExportJson.Records.formats.household : ExportJson.Records.formats.person
      ) as Parameters<typeof ExportJson.Records.parseRecords<RecordOf<K>>>[1]["schema"]
      const parsed = ExportJson.Records.parseRecords(content, {
        schema,
        mode: "valid-rows-only",
        framing: format === "json" ? "document" : "ndjson"
      })
      for (const e of parsed.errors)
        problems.push({
          where: recordWhere(e.record, e.path),
          row: e.record,
          ...(e.path === undefined ? {} : { column: e.path }),
          message: text(e.reason, e.reason)
        })
      records = parsed.records
      count = parsed.count
      const failed = new Set(parsed.errors.map((e) => e.record))
      positions = Array.from({ length: count }, (_, i) => i + 1).filter((r) => !failed.has(r))
    }
    // an id used twice in one file
    const seen = new Map<string, number>()
    records.forEach((r, i) => {
      const at = positions[i] ?? i + 1
      const earlier = seen.get(r.id)
      if (earlier === undefined) seen.set(r.id, at)
      else
        problems.push({
          where: format === "csv" ? rowWhere(at, "id") : recordWhere(at, "id"),
          row: at,
          column: "id",
          message: text(
            `l'identificativo ${JSON.stringify(r.id)} è già usato (${format === "csv" ? "riga" : "record"} ${earlier})`,
            `the id ${JSON.stringify(r.id)} is already used (${format === "csv" ? "row" : "record"} ${earlier})`
          )
        })
    })
    return { path, format, count, records, problems }
  })

/**
 * The spreadsheet row numbers of the non-empty data rows of a CSV text (the header is row 1);
 * a quoted cell with line breaks stays one row.
 *
 * @since 0.1.0
 * @category utils
 */
export const dataRows = (csv: string): ReadonlyArray<number> => {
  const rows: Array<number> = []
  let row = 1
  let quoted = false
  let empty = true
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]
    if (ch === '"') quoted = !quoted
    if (!quoted && (ch === "\n" || (ch === "\r" && csv[i + 1] !== "\n"))) {
      if (row > 1 && !empty) rows.push(row)
      row++
      empty = true
      continue
    }
    if (ch !== "\r" && ch !== "\uFEFF") empty = false
  }
  if (row > 1 && !empty) rows.push(row)
  return rows
}
