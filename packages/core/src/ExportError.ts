/**
 * The one error of the `Exporter` port. Whatever goes wrong while a dataset leaves the library
 * is an `ExportError` whose `reason` says what a caller can do about it:
 *
 * - `PersonalDataRefused` — the privacy profile forbids what the dataset holds (a personal
 *   column in a published export, a partner export without a pseudonymisation key); drop or
 *   pseudonymise the columns, or choose another profile.
 * - `InvalidData` — a table is malformed (see `Reporting.Table.problems`) or an option is not
 *   acceptable; the same call fails again.
 * - `Io` — the format library or the sink failed while writing.
 *
 * The message names the table, the column and the row when there is one.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * What went wrong, as far as a caller needs to know.
 *
 * @since 0.1.0
 * @category models
 */
export const Reason = Schema.Literals(["PersonalDataRefused", "InvalidData", "Io"])
/** @since 0.1.0 @category models */
export type Reason = typeof Reason.Type

/**
 * An export failure: its reason, a sentence of detail, the table id, column id and row index
 * (0-based, as in `Table.rows`) when they are known, and the underlying cause.
 *
 * @since 0.1.0
 * @category errors
 */
export class ExportError extends Schema.TaggedError<ExportError>()("ExportError", {
  reason: Reason,
  detail: Schema.String,
  table: Schema.optionalKey(Schema.String),
  column: Schema.optionalKey(Schema.String),
  row: Schema.optionalKey(Schema.Number),
  cause: Schema.optionalKey(Schema.Defect())
}) {
  override get message(): string {
    const where = [
      this.table === undefined ? undefined : `table ${this.table}`,
      this.column === undefined ? undefined : `column ${this.column}`,
      this.row === undefined ? undefined : `row ${this.row}`
    ].filter((s) => s !== undefined)
    return `${this.reason}${where.length === 0 ? "" : ` (${where.join(", ")})`}: ${this.detail}`
  }
}
