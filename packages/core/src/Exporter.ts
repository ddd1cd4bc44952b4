/**
 * The `Exporter` port: how a dataset of report tables leaves the library — CSV, XLSX, JSON,
 * open-data files, an HTML report. Every adapter (`@quartieri/export-*`) provides this service
 * and the same plain-function form (`toBytes`) for callers outside Effect.
 *
 * An export is a **stream of bytes**, written a row at a time, so a large register never sits
 * whole in memory. Before writing, every adapter calls {@link prepare}: each table is checked
 * (`Reporting.Table.problems`) and passed through the privacy profile of the dataset
 * (`Privacy.applyProfile`), so no exporter can forget to drop or pseudonymise a column.
 *
 * @since 0.1.0
 */
import { utf8ToBytes } from "@noble/hashes/utils.js"
import { Context, Effect, Result, Stream } from "effect"
import { ExportError } from "./ExportError.js"
import * as Privacy from "./Privacy.js"
import * as Table from "./reporting/Table.js"

export {
  /**
   * The error of the port (also its own module, `ExportError`).
   *
   * @since 0.1.0
   * @category errors
   */
  ExportError
} from "./ExportError.js"

/**
 * What is exported: the tables, in order, and the privacy profile of the recipient. `key` is
 * the pseudonymisation key of the `partner` profile (at least `Privacy.minimumKeyBytes` bytes);
 * keep it out of the export and out of logs.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dataset {
  readonly tables: ReadonlyArray<Table.Table>
  readonly profile: Privacy.Profile
  readonly key?: Uint8Array
}

/**
 * Options every exporter understands: the language of headers and labels (Italian by default,
 * for the Comuni and the Region). Each adapter extends them with its own (a CSV dialect, a
 * sheet layout).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly language?: "it" | "en"
}

/**
 * An exporter: its format name, media type and file extension, and `export`, which turns a
 * dataset into a stream of bytes. An adapter types its own options as `Shape<ItsOptions>`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shape<O extends Options = Options> {
  readonly format: string
  readonly mediaType: string
  readonly extension: string
  readonly export: (dataset: Dataset, options?: O) => Stream.Stream<Uint8Array, ExportError>
}

/**
 * The `Exporter` service. Provide it with an adapter's layer (`ExportCsv.layer(defaults)`);
 * options passed to `export` through the service are the common {@link Options}, format options
 * come from the layer.
 *
 * @since 0.1.0
 * @category services
 */
export class Exporter extends Context.Service<Exporter, Shape>()("@quartieri/core/Exporter") {}

/**
 * Checks every table of a dataset and applies its privacy profile: the tables as they may be
 * written, or the first problem as an `ExportError` (`InvalidData` for a malformed table,
 * `PersonalDataRefused` from the profile).
 *
 * @since 0.1.0
 * @category rules
 */
export const prepare = (dataset: Dataset): Result.Result<ReadonlyArray<Table.Table>, ExportError> => {
  const out: Array<Table.Table> = []
  for (const table of dataset.tables) {
    const [problem] = Table.problems(table)
    if (problem !== undefined) {
      const m = /^rows\[(\d+)\]\.(.*)$/.exec(problem.path)
      return Result.fail(
        new ExportError({
          reason: "InvalidData",
          detail: `${problem.path}: ${problem.message}`,
          table: table.id,
          ...(m?.[1] !== undefined && m[2] !== undefined ? { row: Number(m[1]), column: m[2] } : {})
        })
      )
    }
    const applied = Privacy.applyProfile(table, dataset.profile, dataset.key)
    if (Result.isFailure(applied)) return Result.fail(applied.failure)
    out.push(applied.success)
  }
  return Result.succeed(out)
}

/**
 * Collects a stream of bytes into one array: the `toBytes` form of an exporter for callers
 * outside Effect. Rejects with the `ExportError`.
 *
 * @since 0.1.0
 * @category utils
 */
export const collect = (bytes: Stream.Stream<Uint8Array, ExportError>): Promise<Uint8Array> =>
  Effect.runPromise(
    Stream.runCollect(bytes).pipe(
      Effect.map((chunks) => {
        const size = chunks.reduce((n, c) => n + c.length, 0)
        const out = new Uint8Array(size)
        let at = 0
        for (const c of chunks) {
          out.set(c, at)
          at += c.length
        }
        return out
      })
    )
  )

/**
 * The UTF-8 bytes of a text: how text formats turn their lines into stream chunks.
 *
 * @since 0.1.0
 * @category utils
 */
export const utf8 = (text: string): Uint8Array => utf8ToBytes(text)
