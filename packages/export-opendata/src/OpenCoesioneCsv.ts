/**
 * OpenCoesione's CSV dialect, as an `Exporter`: `;` as separator, the column ids as header
 * (`COD_LOCALE_PROGETTO;CUP;…`), dates as `YYYYMMDD`, multiple values already joined with `:::`
 * by the tables, amounts in euros with two decimals and a **decimal comma** and no thousands
 * separator (`209989,54`). facts.md §5.1 confirms the separator, the date form and the
 * multi-value separator, and that *older* OpenCoesione exports write a decimal comma; the
 * current form is not in our sources, so the comma is the default and `decimalSeparator: "."`
 * is the other choice. Quoting is csv-stringify's (node-csv): a field is quoted when it holds
 * `;`, `"`, a line feed or a carriage return, and `"` is doubled.
 *
 * Cells by column unit: `cents` → euros (`-12,34` for a negative amount); `basis-points` →
 * a percentage with two decimals (`870` → `8,70`); `date` → `YYYYMMDD` (an ISO date is
 * required); other numbers as they are, with the chosen decimal separator; text as it is;
 * `null` → an empty field. A suppressed cell (`●`) is written as an empty field too: an
 * OpenCoesione value is a number, and a suppressed value must not be published. Text is not
 * altered (no formula neutralisation: these files are open data for machines, and a changed
 * name would be a false one); open them in a spreadsheet with the import wizard.
 *
 * One file holds one table: pass the table id in `options.table` when the dataset has several.
 * Rows are written one at a time; nothing but the current row is formatted in memory.
 *
 * @since 0.1.0
 */
import { ExportError, Exporter, Reporting } from "@quartieri/core"
import { stringify } from "csv-stringify/sync"
import { Effect, Layer, Result, Stream } from "effect"
import type { Options as TableOptions, Tables } from "./OpenCoesione.js"
import * as OpenCoesione from "./OpenCoesione.js"
import type { ProjectRecord } from "./ProjectRecord.js"

/**
 * The options of the dialect: the table to write (by id, when the dataset has several), the
 * decimal separator (`,` by default), the record delimiter (`\n` by default, `\r\n` for
 * Windows tools) and whether to start with a UTF-8 byte-order mark (no by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends Exporter.Options {
  readonly table?: string
  readonly decimalSeparator?: "," | "."
  readonly recordDelimiter?: "\n" | "\r\n"
  readonly bom?: boolean
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Amount in cents as euros with two decimals and no thousands separator: `20998954` →
 * `209989,54` (or `209989.54`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatAmount = (cents: number, decimalSeparator: "," | "." = ","): string => {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  const euros = Math.floor(abs / 100)
  const rest = abs - euros * 100
  return `${sign}${euros}${decimalSeparator}${String(rest).padStart(2, "0")}`
}

/**
 * An ISO calendar date as OpenCoesione writes it: `2019-01-01` → `20190101`; `undefined` for
 * anything that is not an ISO date.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatDate = (iso: string): string | undefined => {
  const m = isoDate.exec(iso)
  return m === null ? undefined : `${m[1]}${m[2]}${m[3]}`
}

/**
 * One cell as written in the file, or why it cannot be.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatCell = (
  column: Reporting.Table.Column,
  value: Reporting.Table.CellValue | undefined,
  decimalSeparator: "," | "." = ","
): Result.Result<string, string> => {
  if (value === null || value === undefined || value === Reporting.Table.suppressedMark) return Result.succeed("")
  if (column.unit === "date") {
    const d = typeof value === "string" ? formatDate(value) : undefined
    return d === undefined
      ? Result.fail(`expected an ISO date (YYYY-MM-DD), got ${JSON.stringify(value)}`)
      : Result.succeed(d)
  }
  if (typeof value === "string") return Result.succeed(value)
  if (column.unit === "cents") return Result.succeed(formatAmount(value, decimalSeparator))
  if (column.unit === "basis-points") return Result.succeed(formatAmount(value, decimalSeparator))
  return Result.succeed(String(value).replace(".", decimalSeparator))
}

// A field holding a line break of any kind is quoted: csv-stringify quotes only the record
// delimiter itself, so with CRLF a lone LF would end the row and shift every later column.
const line = (cells: ReadonlyArray<string>, delimiter: "\n" | "\r\n"): string =>
  stringify([cells as Array<string>], {
    delimiter: ";",
    record_delimiter: delimiter === "\n" ? "unix" : "windows",
    quoted_match: /[\r\n]/
  })

const pick = (tables: ReadonlyArray<Reporting.Table.Table>, id: string | undefined) => {
  if (id !== undefined) {
    const t = tables.find((x) => x.id === id)
    return t === undefined
      ? Result.fail(
          new ExportError.ExportError({
            reason: "InvalidData",
            detail: `the dataset has no table ${JSON.stringify(id)} (it has ${tables.map((x) => x.id).join(", ") || "none"})`,
            table: id
          })
        )
      : Result.succeed(t)
  }
  const [only, ...rest] = tables
  return only !== undefined && rest.length === 0
    ? Result.succeed(only)
    : Result.fail(
        new ExportError.ExportError({
          reason: "InvalidData",
          detail: `an OpenCoesione CSV file holds one table and the dataset has ${tables.length}: name one in options.table`
        })
      )
}

/**
 * Writes one table of a dataset in the OpenCoesione dialect, a row at a time, after
 * `Exporter.prepare` (table checks and the privacy profile).
 *
 * @since 0.1.0
 * @category constructors
 */
export const stream = (
  dataset: Exporter.Dataset,
  options: Options = {}
): Stream.Stream<Uint8Array, ExportError.ExportError> =>
  Stream.suspend(() => {
    const prepared = Result.flatMap(Exporter.prepare(dataset), (tables) => pick(tables, options.table))
    if (Result.isFailure(prepared)) return Stream.fail(prepared.failure)
    const table = prepared.success
    const sep = options.decimalSeparator ?? ","
    const delimiter = options.recordDelimiter ?? "\n"
    const header =
      (options.bom === true ? "\uFEFF" : "") +
      line(
        table.columns.map((c) => c.id),
        delimiter
      )
    const rows = Stream.fromIterable(table.rows.entries()).pipe(
      Stream.mapEffect(([index, row]) => {
        const cells: Array<string> = []
        for (const column of table.columns) {
          const cell = formatCell(column, row[column.id], sep)
          if (Result.isFailure(cell))
            return Effect.fail(
              new ExportError.ExportError({
                reason: "InvalidData",
                detail: cell.failure,
                table: table.id,
                column: column.id,
                row: index
              })
            )
          cells.push(cell.success)
        }
        return Effect.succeed(Exporter.utf8(line(cells, delimiter)))
      })
    )
    return Stream.concat(Stream.succeed(Exporter.utf8(header)), rows)
  })

/**
 * The dialect as an `Exporter.Shape`, with default options (the options passed to `export`
 * override them).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (defaults: Options = {}): Exporter.Shape<Options> => ({
  format: "opencoesione-csv",
  mediaType: "text/csv; charset=utf-8",
  extension: "csv",
  export: (dataset, options) => stream(dataset, { ...defaults, ...options })
})

/**
 * The `Exporter` service writing OpenCoesione CSV.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (defaults: Options = {}): Layer.Layer<Exporter.Exporter> =>
  Layer.succeed(Exporter.Exporter, make(defaults))

/**
 * The plain-function form: the whole file as bytes; rejects with the `ExportError`.
 *
 * @since 0.1.0
 * @category utils
 */
export const toBytes = (dataset: Exporter.Dataset, options: Options = {}): Promise<Uint8Array> =>
  Exporter.collect(stream(dataset, options))

/**
 * The four OpenCoesione files of `records` (`progetti.csv`, `soggetti.csv`,
 * `localizzazioni.csv`, `indicatori.csv`), each written under the `published` profile: the
 * plain-function way to produce an open-data release. Rejects with the `ExportError`.
 *
 * @since 0.1.0
 * @category utils
 */
export const files = async (
  records: ReadonlyArray<ProjectRecord>,
  tableOptions: TableOptions,
  options: Omit<Options, "table"> = {}
): Promise<Readonly<Record<`${keyof Tables}.csv`, Uint8Array>>> => {
  const built = OpenCoesione.tables(records, tableOptions)
  if (Result.isFailure(built)) throw built.failure
  const t = built.success
  const write = (table: Reporting.Table.Table) => toBytes({ tables: [table], profile: "published" }, options)
  return {
    "progetti.csv": await write(t.progetti),
    "soggetti.csv": await write(t.soggetti),
    "localizzazioni.csv": await write(t.localizzazioni),
    "indicatori.csv": await write(t.indicatori)
  }
}
