/**
 * Report tables as CSV: the `Exporter` of `@quartieri/export-csv`. One file holds one table:
 * a header row, then one record per table row, written {@link recordsPerChunk} rows at a time
 * with `csv-stringify` (never a hand-written quoter; one call per row would cost ten times as
 * much, since each call sets csv-stringify up anew). Each cell is written by the unit of its
 * column:
 *
 * - `count`, `hours`: the number; `cents`: euros with two decimals (`1234.56` / `1234,56`);
 *   `basis-points`: a percentage with two decimals (`12.34` for 1234 bp) — the header says
 *   `(€)` or `(%)`;
 * - `date`: in the dialect (`2019-04-01` / `01/04/2019`);
 * - `text`, `code`: the text, neutralised against formula injection (`FormulaInjection`);
 * - `null` (not available): an empty cell; a suppressed cell: `●`.
 *
 * The privacy profile of the dataset is applied first (`Exporter.prepare`), so a published
 * export with a personal column fails before a byte is written.
 *
 * @since 0.1.0
 */
import { Exporter, FormulaInjection, Reporting } from "@quartieri/core"
import { stringify } from "csv-stringify/sync"
import { Effect, Layer, Result, Stream } from "effect"
import * as Dialect from "./Dialect.js"

type Table = Reporting.Table.Table
type Column = Reporting.Table.Column

/**
 * Options of the CSV exporter: the dialect (`excel-it` by default, the file a Comune opens),
 * the header (`label`: the column labels in `language`, the default; `id`: the column ids, for
 * machines), and which table of the dataset to write when it holds more than one.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends Exporter.Options {
  readonly dialect?: Dialect.Dialect
  readonly header?: "label" | "id"
  readonly table?: string
}

const numericUnits: ReadonlySet<Reporting.Table.Unit> = new Set(["count", "cents", "hours", "basis-points"])

/**
 * Whether a column is declared numeric (unit count, cents, hours or basis points): its cells
 * are written from numbers and are not neutralised.
 *
 * @since 0.1.0
 * @category utils
 */
export const isNumeric = (column: Column): boolean => numericUnits.has(column.unit)

/**
 * The header of a column: its label in the language, with `(€)` for cents and `(%)` for basis
 * points, or its id.
 *
 * @since 0.1.0
 * @category formatting
 */
export const headerOf = (column: Column, options: Options = {}): string => {
  if (options.header === "id") return column.id
  const label = column.label[options.language ?? "it"]
  return column.unit === "cents" ? `${label} (€)` : column.unit === "basis-points" ? `${label} (%)` : label
}

/**
 * One cell as text, by the unit of its column (see the module header).
 *
 * @since 0.1.0
 * @category formatting
 */
export const cellText = (dialect: Dialect.Dialect, column: Column, value: Reporting.Table.CellValue): string => {
  if (value === null) return ""
  if (value === Reporting.Table.suppressedMark) return value
  if (typeof value === "number") {
    switch (column.unit) {
      case "cents":
        return Dialect.formatCents(dialect, value)
      case "basis-points":
        return Dialect.formatBasisPoints(dialect, value)
      default:
        return Dialect.formatNumber(dialect, value)
    }
  }
  const text = column.unit === "date" ? Dialect.formatDate(dialect, value) : value
  return isNumeric(column) ? text : FormulaInjection.neutralise(text)
}

/**
 * One CSV record (with its line end) from cells already as text. A cell holding a line break
 * of any kind — CR, LF or both — is quoted: csv-stringify quotes only the dialect's own record
 * delimiter (CRLF), so a lone LF or CR would otherwise end the row in every reader, and the
 * text after it would start a new row — where a formula trigger is no longer neutralised.
 *
 * @since 0.1.0
 * @category formatting
 */
export const line = (dialect: Dialect.Dialect, cells: ReadonlyArray<string>, first = false): string =>
  lines(dialect, [cells], first)

/**
 * Several CSV records (each with its line end) from cells already as text, in one
 * `csv-stringify` call: the same text as one {@link line} per record.
 *
 * @since 0.1.0
 * @category formatting
 */
export const lines = (
  dialect: Dialect.Dialect,
  records: ReadonlyArray<ReadonlyArray<string>>,
  first = false
): string => {
  const spec = Dialect.specs[dialect]
  return stringify(records as Array<Array<string>>, {
    delimiter: spec.delimiter,
    record_delimiter: spec.recordDelimiter,
    quoted_match: /[\r\n]/,
    bom: first && spec.bom
  })
}

/**
 * How many records of a table go in one chunk of the byte stream (the header is a chunk of its
 * own): enough to pay for a `csv-stringify` call, few enough to keep a chunk small.
 *
 * @since 0.1.0
 * @category parameters
 */
export const recordsPerChunk = 256

function* tableLines(table: Table, options: Options): Generator<Uint8Array> {
  const dialect = options.dialect ?? "excel-it"
  yield Exporter.utf8(
    line(
      dialect,
      table.columns.map((c) => FormulaInjection.neutralise(headerOf(c, options))),
      true
    )
  )
  for (let start = 0; start < table.rows.length; start += recordsPerChunk) {
    const records = table.rows
      .slice(start, start + recordsPerChunk)
      .map((row) => table.columns.map((c) => cellText(dialect, c, row[c.id] ?? null)))
    yield Exporter.utf8(lines(dialect, records))
  }
}

const choose = (tables: ReadonlyArray<Table>, id: string | undefined): Result.Result<Table, Exporter.ExportError> => {
  const found = id === undefined ? (tables.length === 1 ? tables[0] : undefined) : tables.find((t) => t.id === id)
  if (found !== undefined) return Result.succeed(found)
  const ids = tables.map((t) => t.id).join(", ")
  return Result.fail(
    new Exporter.ExportError({
      reason: "InvalidData",
      detail:
        id === undefined
          ? `a CSV file holds one table, the dataset has ${tables.length}; choose one with the table option (${ids})`
          : `no table "${id}" in the dataset (${ids})`
    })
  )
}

/**
 * The CSV of one table of a dataset, as a stream of byte chunks (the header, then one chunk per
 * {@link recordsPerChunk} records), after the
 * privacy profile.
 *
 * @since 0.1.0
 * @category constructors
 */
export const exportDataset = (
  dataset: Exporter.Dataset,
  options: Options = {}
): Stream.Stream<Uint8Array, Exporter.ExportError> =>
  Stream.unwrap(
    Effect.suspend(() => {
      const prepared = Exporter.prepare(dataset)
      if (Result.isFailure(prepared)) return Effect.fail(prepared.failure)
      const table = choose(prepared.success, options.table)
      if (Result.isFailure(table)) return Effect.fail(table.failure)
      return Effect.succeed(Stream.fromIterable(tableLines(table.success, options)))
    })
  )

/**
 * The CSV exporter with default options (overridden by those given to `export`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (defaults: Options = {}): Exporter.Shape<Options> => ({
  format: "csv",
  mediaType: "text/csv; charset=utf-8",
  extension: "csv",
  export: (dataset, options) => exportDataset(dataset, { ...defaults, ...options })
})

/**
 * A layer providing the `Exporter` service as CSV.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (defaults: Options = {}): Layer.Layer<Exporter.Exporter> =>
  Layer.succeed(Exporter.Exporter, make(defaults))

/**
 * The CSV of a dataset as one byte array, for callers outside Effect; rejects with the
 * `ExportError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toBytes = (dataset: Exporter.Dataset, options: Options = {}): Promise<Uint8Array> =>
  Exporter.collect(exportDataset(dataset, options))
