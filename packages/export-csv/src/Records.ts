/**
 * Records (households, persons, participants — or any record Schema) to and from CSV, for the
 * imports and exports of integrators and of the Comuni's own spreadsheets. Nested fields map to
 * flat columns as `Columns` says (dotted names, JSON in a cell for arrays); cells are written
 * and read in the dialect (`Dialect`), and text cells are neutralised against formula
 * injection and restored on import (`FormulaInjection`).
 *
 * **Import** ({@link parseRecords}) decodes every row with the record's own decoder, which
 * reports every problem, and returns per-row errors: the row number as the user sees it in a
 * spreadsheet (the header is row 1, the first record row 2; a multi-line cell is still one
 * row), the column name and the reason. The caller chooses the mode explicitly:
 * `all-or-nothing` returns no record at all when any row fails, `valid-rows-only` returns the
 * rows that decode and the errors of the others.
 *
 * **Export** ({@link exportRecords}) writes a header of the column names, then one row per
 * record. Records are micro-data: a record type with personal or special-category fields
 * (`Sensitivity`) leaves only under the `internal` profile; for partners and publication,
 * export a report `Table` through the profile instead.
 *
 * @since 0.1.0
 */
import {
  RecordFormat as CoreRecordFormat,
  Exporter,
  FormulaInjection,
  type Household,
  type InvalidInput,
  type Person,
  type Privacy,
  type Reporting
} from "@quartieri/core"
import { parse } from "csv-parse/sync"
import { Effect, Result, Schema, Stream } from "effect"
import * as Columns from "./Columns.js"
import * as Dialect from "./Dialect.js"
import { line } from "./TableCsv.js"

/**
 * A record format (`RecordFormat` of core): households, persons, participants or any record
 * Schema.
 *
 * @since 0.1.0
 * @category models
 */
export type RecordFormat<A> = CoreRecordFormat.RecordFormat<A>

/**
 * The record formats of core, for `parseRecords({ schema: Records.person, … })`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const household: RecordFormat<Household.Household> = CoreRecordFormat.household
/** @since 0.1.0 @category models */
export const person: RecordFormat<Person.Person> = CoreRecordFormat.person
/** @since 0.1.0 @category models */
export const participant: RecordFormat<Reporting.Participant.Participant> = CoreRecordFormat.participant
/** @since 0.1.0 @category constructors */
export const formatOf: typeof CoreRecordFormat.make = CoreRecordFormat.make

const plans = new WeakMap<object, ReadonlyArray<Columns.Column>>()

/**
 * The flat columns of a record format, in order (computed once per Schema).
 *
 * @since 0.1.0
 * @category utils
 */
export const columns = <A>(format: RecordFormat<A>): ReadonlyArray<Columns.Column> => {
  const known = plans.get(format.schema)
  if (known !== undefined) return known
  const cols = Columns.columnsOf(Columns.treeOf(format.schema))
  plans.set(format.schema, cols)
  return cols
}

const at = (value: unknown, path: ReadonlyArray<string>): unknown => {
  let v = value
  for (const key of path) {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

const writeCell = (dialect: Dialect.Dialect, kind: Columns.Kind, v: unknown): string => {
  if (v === undefined) return ""
  if (kind === "date" && typeof v === "string") return Dialect.formatDate(dialect, v)
  if (kind === "number" && typeof v === "number") return Dialect.formatNumber(dialect, v)
  if (kind === "boolean" && typeof v === "boolean") return Dialect.formatBoolean(dialect, v)
  if (kind === "string" && typeof v === "string") return FormulaInjection.neutralise(v)
  return FormulaInjection.neutralise(JSON.stringify(v) ?? "null")
}

/**
 * The cells of one encoded record, in the order of `cols`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const cellsOf = (
  dialect: Dialect.Dialect,
  cols: ReadonlyArray<Columns.Column>,
  encoded: unknown
): ReadonlyArray<string> =>
  cols.map((c) => writeCell(dialect, c.kind, c.path.length === 0 ? encoded : at(encoded, c.path)))

/**
 * Options of a records export: the format, the dialect (`excel-it` by default) and the privacy
 * profile of the recipient.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExportOptions<A> {
  readonly schema: RecordFormat<A>
  readonly profile: Privacy.Profile
  readonly dialect?: Dialect.Dialect
}

/**
 * The CSV of records, streamed a row at a time: the header of column names, then one row per
 * record (encoded with the Schema). Fails with `PersonalDataRefused` (see `RecordFormat.checkProfile`)
 * or `InvalidData` naming the row of a record that does not encode.
 *
 * @since 0.1.0
 * @category constructors
 */
export const exportRecords = <A, E = never>(
  records: Iterable<A> | Stream.Stream<A, E>,
  options: ExportOptions<A>
): Stream.Stream<Uint8Array, Exporter.ExportError | E> => {
  const dialect = options.dialect ?? "excel-it"
  const format = options.schema
  const refused = CoreRecordFormat.checkProfile(format, options.profile)
  if (refused !== undefined) return Stream.fail(refused)
  const cols = columns(format)
  const encode = Schema.encodeUnknownResult(format.schema)
  const source: Stream.Stream<A, E> = Stream.isStream(records) ? records : Stream.fromIterable(records)
  const header = Stream.succeed(
    Exporter.utf8(
      line(
        dialect,
        cols.map((c) => c.name),
        true
      )
    )
  )
  const rows = source.pipe(
    Stream.zipWithIndex,
    Stream.mapEffect(([record, i]) => {
      const encoded = encode(record)
      if (Result.isFailure(encoded))
        return Effect.fail(
          new Exporter.ExportError({
            reason: "InvalidData",
            detail: `the record does not encode: ${encoded.failure.message}`,
            table: format.name,
            row: i
          })
        )
      return Effect.succeed(Exporter.utf8(line(dialect, cellsOf(dialect, cols, encoded.success))))
    })
  )
  return Stream.concat(header, rows)
}

/**
 * The CSV of records as one byte array, for callers outside Effect.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordsToBytes = <A>(records: Iterable<A>, options: ExportOptions<A>): Promise<Uint8Array> =>
  Exporter.collect(exportRecords(records, options))

// ---------------------------------------------------------------------------------------------
// import
// ---------------------------------------------------------------------------------------------

/**
 * A problem of one row: the row as a spreadsheet numbers it (header = 1), the column when the
 * problem is in one, and the reason.
 *
 * @since 0.1.0
 * @category models
 */
export interface RowError {
  readonly row: number
  readonly column?: string
  readonly reason: string
}

/**
 * `all-or-nothing`: no record at all when any row fails; `valid-rows-only`: the rows that
 * decode.
 *
 * @since 0.1.0
 * @category models
 */
export type Mode = "all-or-nothing" | "valid-rows-only"

/**
 * What an import gives back: the records, every row error (in row order), and the number of
 * data rows read (empty rows are skipped but keep their number).
 *
 * @since 0.1.0
 * @category models
 */
export interface Parsed<A> {
  readonly records: ReadonlyArray<A>
  readonly errors: ReadonlyArray<RowError>
  readonly rows: number
}

/**
 * Options of an import: the format, the mode (no default: the caller chooses) and the dialect
 * (`excel-it` by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParseOptions<A> {
  readonly schema: RecordFormat<A>
  readonly mode: Mode
  readonly dialect?: Dialect.Dialect
}

const readCell = (
  dialect: Dialect.Dialect,
  kind: Columns.Kind,
  cell: string
): { readonly value: unknown } | { readonly error: string } => {
  switch (kind) {
    case "string":
      return { value: FormulaInjection.restore(cell) }
    case "date": {
      const d = Dialect.parseDate(dialect, cell)
      return d === undefined
        ? {
            error: `expected a date ${dialect === "excel-it" ? "dd/mm/yyyy" : "yyyy-mm-dd"}, got ${JSON.stringify(cell)}`
          }
        : { value: d }
    }
    case "number": {
      const n = Dialect.parseNumber(dialect, cell)
      return n === undefined
        ? {
            error: `expected a number${dialect === "excel-it" ? " with a decimal comma" : ""}, got ${JSON.stringify(cell)}`
          }
        : { value: n }
    }
    case "boolean": {
      const b = Dialect.parseBoolean(cell)
      return b === undefined
        ? {
            error: `expected ${Dialect.specs[dialect].yes} or ${Dialect.specs[dialect].no}, got ${JSON.stringify(cell)}`
          }
        : { value: b }
    }
    case "json":
      try {
        return { value: JSON.parse(FormulaInjection.restore(cell)) }
      } catch {
        return { error: `expected JSON (such as [] or [{"…": …}]), got ${JSON.stringify(cell.slice(0, 60))}` }
      }
  }
}

const setAt = (target: Record<string, unknown>, path: ReadonlyArray<string>, value: unknown): void => {
  let o = target
  path.forEach((key, i) => {
    if (i === path.length - 1) o[key] = value
    else {
      const next = o[key]
      if (typeof next === "object" && next !== null) o = next as Record<string, unknown>
      else {
        const created: Record<string, unknown> = {}
        o[key] = created
        o = created
      }
    }
  })
}

const hasAt = (target: Record<string, unknown>, path: ReadonlyArray<string>): boolean =>
  path.length === 0 || typeof at(target, path) === "object"

const columnOf = (cols: ReadonlyArray<Columns.Column>, path: string): string | undefined => {
  let best: string | undefined
  for (const c of cols)
    if (path === c.name || path.startsWith(`${c.name}.`) || path.startsWith(`${c.name}[`))
      if (best === undefined || c.name.length > best.length) best = c.name
  return best
}

const reasonOf = (p: InvalidInput.Problem, column: string | undefined): string => {
  const message = p.message === "Missing key" ? "a value is required (the cell is empty)" : p.message
  return column === undefined || p.path === column || p.path === ""
    ? message
    : `${p.path.slice(column.length).replace(/^\./, "")}: ${message}`
}

/**
 * Reads a CSV of records (see the module header). Never throws: a file that is not CSV at all,
 * or whose header names an unknown or repeated column, gives errors on row 1 and no record.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseRecords = <A>(csvText: string, options: ParseOptions<A>): Parsed<A> => {
  const dialect = options.dialect ?? "excel-it"
  const format = options.schema
  const cols = columns(format)
  let table: Array<Array<string>>
  try {
    table = parse(csvText, {
      delimiter: Dialect.specs[dialect].delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false
    }) as Array<Array<string>>
  } catch (e) {
    // csv-parse counts the records read before the failing one (the header included)
    const before = (e as { records?: number }).records
    return {
      records: [],
      errors: [
        {
          row: typeof before === "number" ? before + 1 : 1,
          reason: `not a readable CSV file (the file is rejected whole): ${(e as Error).message}`
        }
      ],
      rows: 0
    }
  }
  const [header, ...body] = table
  if (header === undefined)
    return { records: [], errors: [{ row: 1, reason: "the file is empty: a header row is required" }], rows: 0 }
  const byName = new Map(cols.map((c) => [c.name, c]))
  const names = header.map((h) => FormulaInjection.restore(h).trim())
  const headerErrors: Array<RowError> = []
  names.forEach((n, i) => {
    if (!byName.has(n))
      headerErrors.push({
        row: 1,
        column: n,
        reason: `unknown column "${n}" in position ${i + 1}: a ${format.name} file has the columns ${cols.map((c) => c.name).join(", ")}`
      })
    else if (names.indexOf(n) !== i) headerErrors.push({ row: 1, column: n, reason: `column "${n}" appears twice` })
  })
  if (headerErrors.length > 0) return { records: [], errors: headerErrors, rows: body.length }

  const records: Array<A> = []
  const errors: Array<RowError> = []
  let rows = 0
  body.forEach((cells, i) => {
    const row = i + 2
    if (cells.length === 1 && cells[0] === "" && names.length !== 1) return
    rows++
    const rowErrors: Array<RowError> = []
    if (cells.length !== names.length)
      rowErrors.push({ row, reason: `expected ${names.length} cells, found ${cells.length}` })
    const input: Record<string, unknown> = {}
    const failed = new Set<string>()
    const emptyRequiredText: Array<Columns.Column> = []
    let rootValue: unknown
    names.forEach((name, j) => {
      const col = byName.get(name) as Columns.Column
      const cell = cells[j] ?? ""
      if (cell === "") {
        if (col.required && col.kind === "string") emptyRequiredText.push(col)
        return
      }
      const read = readCell(dialect, col.kind, cell)
      if ("error" in read) {
        failed.add(col.name)
        rowErrors.push({ row, column: col.name, reason: read.error })
      } else if (col.path.length === 0) rootValue = read.value
      else setAt(input, col.path, read.value)
    })
    for (const col of emptyRequiredText) if (hasAt(input, col.path.slice(0, -1))) setAt(input, col.path, "")
    const decoded = format.decode(cols.length === 1 && cols[0]?.path.length === 0 ? rootValue : input)
    if (Result.isFailure(decoded))
      for (const p of decoded.failure.problems) {
        const column = columnOf(cols, p.path)
        if (column !== undefined && failed.has(column)) continue
        rowErrors.push({
          row,
          ...(column === undefined ? (p.path === "" ? {} : { column: p.path }) : { column }),
          reason: reasonOf(p, column)
        })
      }
    if (rowErrors.length > 0 || Result.isFailure(decoded)) errors.push(...rowErrors)
    else records.push(decoded.success)
  })
  return { records: options.mode === "all-or-nothing" && errors.length > 0 ? [] : records, errors, rows }
}
