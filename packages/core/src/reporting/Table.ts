/**
 * The typed table every report and every exporter speaks: rows of plain cells plus column
 * metadata (Italian and English label, unit, sensitivity, dimension or measure). Indicators,
 * programme results, targets, budget execution and the registry composition all come out as
 * `Table`s, so one exporter (CSV, XLSX, a portal page) and one disclosure control
 * (`Reporting.Disclosure.publish`) serve them all.
 *
 * A cell is a string, a number or `null` (not available). Suppression is *not* `null`: a
 * published table replaces a suppressed value with {@link suppressedMark} and lists it in its
 * {@link SuppressionLog}, so a reader can tell "we don't know" from "we won't say".
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as InvalidInput from "../InvalidInput.js"
import type { LegalReference } from "../LegalReference.js"

/**
 * What a column holds: a `count` of persons or things, an amount in `cents`, a rate in
 * `basis-points`, `hours`, free `text`, an ISO `date` or a `code` (an indicator code, a CUP,
 * an ISTAT code).
 *
 * @since 0.1.0
 * @category models
 */
export type Unit = "count" | "cents" | "basis-points" | "hours" | "text" | "date" | "code"

/**
 * One cell: `null` means not available (unknown, no target, not applicable). A suppressed
 * cell is never `null`; see {@link suppressedMark}.
 *
 * @since 0.1.0
 * @category models
 */
export type CellValue = string | number | null

/**
 * A bilingual text (labels, titles, notes).
 *
 * @since 0.1.0
 * @category models
 */
export interface Text {
  readonly it: string
  readonly en: string
}

/**
 * A column: stable id (the key in every row), label, unit, sensitivity of what it reveals
 * about a person (`personal`, `special-category` under GDPR art. 9, or `none`) and role:
 * a `dimension` classifies rows (project, Comune, sex), a `measure` is counted or summed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  readonly id: string
  readonly label: { readonly it: string; readonly en: string }
  readonly unit: Unit
  readonly sensitivity: "none" | "personal" | "special-category"
  readonly role: "dimension" | "measure"
}

/**
 * Why a cell was suppressed: `primary` (a count under the threshold) or `complementary`
 * (suppressed so that a primary cell cannot be recomputed from the published totals).
 *
 * @since 0.1.0
 * @category models
 */
export type SuppressionReason = "primary" | "complementary"

/**
 * One suppressed cell: its row index in the table, its column id, the reason and the
 * threshold in force.
 *
 * @since 0.1.0
 * @category models
 */
export interface SuppressedCell {
  readonly row: number
  readonly column: string
  readonly reason: SuppressionReason
  readonly threshold: number
}

/**
 * What disclosure control did to a table: the policy applied, the threshold and its source,
 * the suppressed cells (in row, then column order) and the columns dropped because they are
 * personal or special-category data.
 *
 * @since 0.1.0
 * @category models
 */
export interface SuppressionLog {
  readonly policy: "published" | "internal"
  readonly threshold: number
  readonly source: LegalReference
  readonly cells: ReadonlyArray<SuppressedCell>
  readonly droppedColumns: ReadonlyArray<string>
}

/**
 * A table: id, title, columns, rows (one record per row, keyed by column id), notes, the
 * source of its definitions if any, and — once published — its suppression log.
 *
 * @since 0.1.0
 * @category models
 */
export interface Table {
  readonly id: string
  readonly title: { readonly it: string; readonly en: string }
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<Readonly<Record<string, CellValue>>>
  readonly notes: ReadonlyArray<{ readonly it: string; readonly en: string }>
  readonly source?: LegalReference
  readonly suppression?: SuppressionLog
}

/**
 * The mark that replaces a suppressed value in a published table.
 *
 * @since 0.1.0
 * @category models
 */
export const suppressedMark = "●"

/**
 * The code of a total in a dimension column: `_T`, the code SDMX data sets (Eurostat, ISTAT) use
 * for "total" (from memory: a convention, not a rule of ours to verify). A row whose dimension cell is
 * `_T` is the total of the rows with the other values of that dimension; disclosure control
 * reads it to find the margins of a table (`Disclosure.inferLayout`).
 *
 * @since 0.1.0
 * @category models
 */
export const total = "_T"

/**
 * A dimension column (not sensitive unless told).
 *
 * @since 0.1.0
 * @category constructors
 */
export const dimension = (
  id: string,
  label: Text,
  unit: Unit = "text",
  sensitivity: Column["sensitivity"] = "none"
): Column => ({ id, label, unit, sensitivity, role: "dimension" })

/**
 * A measure column (not sensitive unless told).
 *
 * @since 0.1.0
 * @category constructors
 */
export const measure = (
  id: string,
  label: Text,
  unit: Unit = "count",
  sensitivity: Column["sensitivity"] = "none"
): Column => ({ id, label, unit, sensitivity, role: "measure" })

const integerUnits: ReadonlySet<Unit> = new Set<Unit>(["count", "cents", "hours", "basis-points"])

/**
 * Every problem of a table: duplicate or empty column ids, rows missing a column or carrying
 * an unknown key, numbers in text columns, non-integer (or non-finite) values in measures of
 * unit count, cents, hours or basis points, negative counts. An empty list means the table is
 * well formed. A cell holding {@link suppressedMark} is accepted in any column.
 *
 * @since 0.1.0
 * @category rules
 */
export const problems = (table: Table): ReadonlyArray<InvalidInput.Problem> => {
  const out: Array<InvalidInput.Problem> = []
  const ids = new Set<string>()
  table.columns.forEach((c, i) => {
    if (c.id === "") out.push({ path: `columns[${i}].id`, message: "a column id must not be empty" })
    if (ids.has(c.id)) out.push({ path: `columns[${i}].id`, message: `duplicate column id "${c.id}"` })
    ids.add(c.id)
  })
  table.rows.forEach((row, r) => {
    for (const key of Object.keys(row))
      if (!ids.has(key)) out.push({ path: `rows[${r}].${key}`, message: `"${key}" is not a column of the table` })
    for (const c of table.columns) {
      const path = `rows[${r}].${c.id}`
      if (!Object.hasOwn(row, c.id)) {
        out.push({ path, message: `missing column "${c.id}" (use null for a value that is not available)` })
        continue
      }
      const v = row[c.id]
      if (v === null || v === undefined || v === suppressedMark) continue
      if (typeof v === "number") {
        if (!Number.isFinite(v)) out.push({ path, message: `expected a finite number, got ${v}` })
        else if (c.role === "measure" && integerUnits.has(c.unit) && !Number.isSafeInteger(v))
          out.push({ path, message: `expected a whole number of ${c.unit}, got ${v}` })
        else if (c.unit === "count" && v < 0) out.push({ path, message: `a count cannot be negative, got ${v}` })
        else if (c.unit === "text" || c.unit === "date" || c.unit === "code")
          out.push({ path, message: `expected a ${c.unit} string, got the number ${v}` })
      } else if (c.role === "measure" && integerUnits.has(c.unit)) {
        out.push({ path, message: `expected a number of ${c.unit}, got the string "${v}"` })
      }
    }
  })
  return out
}

/**
 * Checks a table (see {@link problems}) and returns it, or every problem found.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (table: Table): Result.Result<Table, InvalidInput.InvalidInput> => {
  const [first, ...rest] = problems(table)
  return first === undefined
    ? Result.succeed(table)
    : Result.fail(new InvalidInput.InvalidInput({ what: `Table ${table.id}`, problems: [first, ...rest] }))
}

/**
 * Like {@link make} but throws: for tables built by library code, where a malformed table is a
 * programming error, never bad user input.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeUnsafe = (table: Table): Table => {
  const checked = make(table)
  if (Result.isFailure(checked)) throw checked.failure
  return checked.success
}

/**
 * The column with id `id`, if any.
 *
 * @since 0.1.0
 * @category utils
 */
export const column = (table: Table, id: string): Column | undefined => table.columns.find((c) => c.id === id)

/**
 * The dimension columns, in order.
 *
 * @since 0.1.0
 * @category utils
 */
export const dimensions = (table: Table): ReadonlyArray<Column> => table.columns.filter((c) => c.role === "dimension")

/**
 * The measure columns, in order.
 *
 * @since 0.1.0
 * @category utils
 */
export const measures = (table: Table): ReadonlyArray<Column> => table.columns.filter((c) => c.role === "measure")

/**
 * The values of one column, in row order.
 *
 * @since 0.1.0
 * @category utils
 */
export const values = (table: Table, id: string): ReadonlyArray<CellValue> => table.rows.map((r) => r[id] ?? null)
