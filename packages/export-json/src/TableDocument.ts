/**
 * The JSON form of report tables, for integrators: the `Table` of core as it is — column
 * metadata (bilingual labels, unit, sensitivity, role), rows keyed by column id, notes, source
 * and suppression log — so that nothing a report says is lost on the way. Amounts stay integer
 * **cents** and rates integer **basis points** (the column's `unit` says which): JSON readers
 * get exact numbers, never a rounded float.
 *
 * Two framings, both streamed a row at a time:
 * - `document`: one JSON value `{ "tables": [ { …table, "rows": [ … ] } ] }`;
 * - `ndjson`: one JSON value per line — for each table a line `{"table": {…metadata}}`, then
 *   one line `{"table": "<id>", "row": {…}}` per row (newline-delimited JSON, `\n` line ends).
 *
 * {@link Tables} is the Schema of the document form (and of its JSON Schema); {@link parse}
 * reads a document back.
 *
 * @since 0.1.0
 */
import { Exporter, InvalidInput, type Reporting } from "@quartieri/core"
import { Effect, Layer, Result, Schema, Stream } from "effect"

const Text = Schema.Struct({ it: Schema.String, en: Schema.String })

/**
 * The Schema of a column.
 *
 * @since 0.1.0
 * @category models
 */
export const Column = Schema.Struct({
  id: Schema.String,
  label: Text,
  unit: Schema.Literals(["count", "cents", "basis-points", "hours", "text", "date", "code"]),
  sensitivity: Schema.Literals(["none", "personal", "special-category"]),
  role: Schema.Literals(["dimension", "measure"])
})

/**
 * The Schema of a cell: text, a finite number or `null` (not available); `●` is a suppressed
 * cell.
 *
 * @since 0.1.0
 * @category models
 */
export const Cell = Schema.Union([Schema.String, Schema.Finite, Schema.Null])

const Source = Schema.Struct({
  act: Schema.String,
  article: Schema.optionalKey(Schema.String),
  url: Schema.optionalKey(Schema.String),
  confidence: Schema.Literals(["confirmed", "unverified"]),
  note: Schema.optionalKey(Schema.String)
})

/**
 * The Schema of one table.
 *
 * @since 0.1.0
 * @category models
 */
export const Table = Schema.Struct({
  id: Schema.String,
  title: Text,
  columns: Schema.Array(Column),
  rows: Schema.Array(Schema.Record(Schema.String, Cell)),
  notes: Schema.Array(Text),
  source: Schema.optionalKey(Source),
  suppression: Schema.optionalKey(
    Schema.Struct({
      policy: Schema.Literals(["published", "internal"]),
      threshold: Schema.Number,
      source: Source,
      cells: Schema.Array(
        Schema.Struct({
          row: Schema.Number,
          column: Schema.String,
          reason: Schema.Literals(["primary", "complementary"]),
          threshold: Schema.Number
        })
      ),
      droppedColumns: Schema.Array(Schema.String)
    })
  )
})

/**
 * The Schema of a tables document.
 *
 * @since 0.1.0
 * @category models
 */
export const Tables = Schema.Struct({ tables: Schema.Array(Table) })

/**
 * The framing: one JSON `document` or `ndjson` lines.
 *
 * @since 0.1.0
 * @category models
 */
export type Framing = "document" | "ndjson"

/**
 * Options of the JSON exporter: the framing (`document` by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends Exporter.Options {
  readonly framing?: Framing
}

const metadata = (t: Reporting.Table.Table): Omit<Reporting.Table.Table, "rows"> => {
  const { rows: _, ...rest } = t
  return rest
}

function* documentChunks(tables: ReadonlyArray<Reporting.Table.Table>): Generator<string> {
  yield '{"tables":['
  for (const [i, t] of tables.entries()) {
    const meta = JSON.stringify(metadata(t))
    yield `${i === 0 ? "" : ","}${meta.slice(0, -1)}${meta.length > 2 ? "," : ""}"rows":[`
    for (const [r, row] of t.rows.entries()) yield `${r === 0 ? "" : ","}${JSON.stringify(row)}`
    yield "]}"
  }
  yield "]}\n"
}

function* ndjsonLines(tables: ReadonlyArray<Reporting.Table.Table>): Generator<string> {
  for (const t of tables) {
    yield `${JSON.stringify({ table: metadata(t) })}\n`
    for (const row of t.rows) yield `${JSON.stringify({ table: t.id, row })}\n`
  }
}

/**
 * The JSON of a dataset, streamed, after the privacy profile.
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
      const chunks =
        (options.framing ?? "document") === "ndjson" ? ndjsonLines(prepared.success) : documentChunks(prepared.success)
      return Effect.succeed(Stream.fromIterable(chunks).pipe(Stream.map(Exporter.utf8)))
    })
  )

/**
 * The JSON exporter with default options.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (defaults: Options = {}): Exporter.Shape<Options> => ({
  format: "json",
  mediaType: (defaults.framing ?? "document") === "ndjson" ? "application/x-ndjson" : "application/json",
  extension: (defaults.framing ?? "document") === "ndjson" ? "ndjson" : "json",
  export: (dataset, options) => exportDataset(dataset, { ...defaults, ...options })
})

/**
 * A layer providing the `Exporter` service as JSON.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (defaults: Options = {}): Layer.Layer<Exporter.Exporter> =>
  Layer.succeed(Exporter.Exporter, make(defaults))

/**
 * The JSON of a dataset as one byte array, for callers outside Effect.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toBytes = (dataset: Exporter.Dataset, options: Options = {}): Promise<Uint8Array> =>
  Exporter.collect(exportDataset(dataset, options))

const decodeTables = InvalidInput.decoder(Tables, "Tables")

/**
 * Reads a tables document back (every problem reported, never throws). The tables are checked
 * again with `Reporting.Table.problems` by the exporters that use them, not here.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parse = (text: string): Result.Result<ReadonlyArray<Reporting.Table.Table>, InvalidInput.InvalidInput> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return Result.fail(
      new InvalidInput.InvalidInput({
        what: "Tables",
        problems: [{ path: "", message: `not JSON: ${(e as Error).message}` }]
      })
    )
  }
  return Result.map(decodeTables(json), (d) => d.tables as ReadonlyArray<Reporting.Table.Table>)
}
