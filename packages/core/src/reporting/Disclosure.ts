/**
 * Disclosure control for published tables: no published figure may let a reader single out a
 * person. A count of persons or households below a threshold (5 by default, see
 * {@link threshold}) is suppressed — the **primary** suppression — and, because a suppressed
 * cell could be recomputed from the totals around it, further cells are suppressed — the
 * **complementary** suppression — until no suppressed cell can be recomputed from what is
 * published. The published table shows `●` ({@link Table.suppressedMark}) in their place, and
 * its {@link Table.SuppressionLog} lists every suppressed cell with its reason and the
 * threshold. Columns marked personal or special-category data are dropped.
 *
 * ## Which cells, and which totals
 * The cells protected are the cells of **count** measures (`unit: "count"`), margins included,
 * except those a {@link Layout} exempts (counts of things rather than people: laboratori,
 * sessions). What adds up to what is the layout: {@link Grid}s of cells in which the last row
 * totals the rows above it and/or the last column totals the columns before it. A table with a
 * `_T` ({@link Table.total}) row is read by {@link inferLayout}; other shapes (a women / men /
 * total breakdown in columns, for instance) are described with {@link grid}.
 *
 * ## Zero cells
 * A zero is **not** suppressed: the primary rule is `1 ≤ n < threshold`. A zero identifies no
 * one (it says a group is empty, which the reader of an ERP report may legitimately know), and a
 * suppressed zero would be weak protection anyway, since a count cannot go below zero. For the
 * same reason zeros are never chosen as complementary cells (except as a last resort in a grid
 * declared non-additive, where no better cell exists).
 *
 * ## The algorithm (per grid)
 * Think of a grid as a bipartite graph: one node per row, one per column, and one edge per
 * suppressed cell. A row is *constrained* when the grid has a total column (its cells must add
 * up), a column when the grid has a total row. A suppressed cell can be recomputed exactly when
 * every solution of the published equations gives it the same value; for such equations (each
 * cell in one row sum and one column sum, coefficients ±1) that happens exactly when its edge
 * is a **bridge** of the graph once every unconstrained node is joined to an extra "ground"
 * node. Otherwise the cell lies on a cycle of suppressed cells (or on a path between two
 * unconstrained lines), and adding +1, −1, +1, … around it gives another table that publishes
 * the same figures — a valid one, since every suppressed cell is at least 1.
 *
 * 1. **Primary**: every protected cell with `1 ≤ n < threshold`.
 * 2. **Lines** (the classic rule): while a constrained row or column holds exactly one
 *    suppressed cell, suppress the smallest positive cell of that line (ties: the first in row,
 *    then column order) — a line with one hidden cell gives it away by subtraction.
 * 3. **Bridges**: the line rule is necessary but not sufficient (two protected blocks joined
 *    by one cell, for instance). While the graph has a bridge, take the first bridge in cell
 *    order, split the graph there into its two sides, and suppress the smallest positive cell
 *    that joins the two sides (which puts the bridge on a cycle); when none exists, the
 *    smallest positive cell that touches one side; then any positive cell. Then go back to 2.
 * 4. **Derived cells**: a cell computed from others of its row (a rate from a count, see
 *    {@link Dependency}) is suppressed when one of them is. Steps 2–4 repeat to a fixpoint.
 *
 * Every step only adds cells, so it ends; suppressing every positive cell leaves no bridge, so
 * it always ends safe. Choosing the smallest candidate keeps the information lost small, but
 * the result is not an optimal suppression pattern (that is a hard problem, solved in tools
 * like τ-ARGUS by linear programming); the guarantee is safety, tested by brute force in
 * `Disclosure.property.test.ts`.
 *
 * Limits: each table is protected on its own — the same counts published in two differently
 * cut tables are not protected jointly; and a grid declared non-additive (distinct persons
 * over overlapping groups, whose total is not the sum of its parts) gets the same pattern as an
 * additive one, a conservative heuristic rather than a proof.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as Calendar from "../Calendar.js"
import type { LegalReference } from "../LegalReference.js"
import * as Parameter from "../Parameter.js"
import * as Table from "./Table.js"

// ---------------------------------------------------------------------------------------------
// parameters
// ---------------------------------------------------------------------------------------------

/**
 * The source of {@link threshold}: **none found**. No act read for this project fixes a
 * minimum frequency for the ESF or ERP reports; 5 is a common statistical-office practice
 * (threshold rules of 3 to 10 are usual), not a rule of the Region.
 *
 * @since 0.1.0
 * @category parameters
 */
export const thresholdSource: LegalReference = {
  act: "nessuna fonte trovata",
  confidence: "unverified",
  note: "minimum cell frequency: 5 is a common statistical-disclosure practice, no act found for ESF/ERP reports"
}

/**
 * The minimum count a published cell may show: counts from 1 to `threshold − 1` are
 * suppressed. Default 5, **unverified** (no act found, see {@link thresholdSource}), in force
 * from 2014-01-01, the start of the 2014-2020 programming period (a convention: no act dates it).
 *
 * @since 0.1.0
 * @category parameters
 */
export const threshold: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "reporting.disclosure.threshold",
    title: {
      it: "Frequenza minima di una cella pubblicata",
      en: "Minimum frequency of a published cell"
    },
    unit: "count",
    source: thresholdSource
  },
  Calendar.unsafeMake("2014-01-01"),
  5
)

/**
 * The default reading of {@link threshold}: 5, from 2014-01-01, unverified.
 *
 * @since 0.1.0
 * @category parameters
 */
export const defaultThreshold: Parameter.Reading<number> = {
  id: threshold.id,
  value: 5,
  from: Calendar.unsafeMake("2014-01-01"),
  source: thresholdSource
}

// ---------------------------------------------------------------------------------------------
// policies
// ---------------------------------------------------------------------------------------------

/**
 * How a table is released: `Published` (disclosure control on, with the threshold read) or
 * `Internal` (off: for the staff who already see the micro-data), which must say why.
 *
 * @since 0.1.0
 * @category models
 */
export type Policy =
  | { readonly _tag: "Published"; readonly threshold: Parameter.Reading<number> }
  | { readonly _tag: "Internal"; readonly reason: string }

/**
 * The policy for anything that leaves the project: suppression on, sensitive columns dropped.
 *
 * @since 0.1.0
 * @category constructors
 */
export const published = (reading: Parameter.Reading<number> = defaultThreshold): Policy => ({
  _tag: "Published",
  threshold: reading
})

/**
 * Disclosure control off — only explicitly, with the reason recorded (e.g. "monitoring meeting
 * of the partnership"). Nothing is suppressed and no column is dropped.
 *
 * @since 0.1.0
 * @category constructors
 */
export const internal = (reason: string): Policy => ({ _tag: "Internal", reason })

// ---------------------------------------------------------------------------------------------
// layout
// ---------------------------------------------------------------------------------------------

/**
 * A cell of a table: its row index and its column id.
 *
 * @since 0.1.0
 * @category models
 */
export interface CellRef {
  readonly row: number
  readonly column: string
}

/**
 * A grid of count cells that add up: `cells[i][j]`, where, when `totalRow`, the last row is
 * the sum of the rows above it and, when `totalColumn`, the last column is the sum of the
 * columns before it (the corner is then the grand total). `additive: false` declares totals
 * that are not sums (distinct persons over overlapping groups): they are not checked, and the
 * grid is protected as if they were.
 *
 * @since 0.1.0
 * @category models
 */
export interface Grid {
  readonly cells: ReadonlyArray<ReadonlyArray<CellRef>>
  readonly totalRow: boolean
  readonly totalColumn: boolean
  readonly additive: boolean
}

/**
 * In every row, `column` is computed from the columns `on` (an achievement rate from an actual
 * count): it is suppressed whenever one of them is.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dependency {
  readonly column: string
  readonly on: ReadonlyArray<string>
}

/**
 * The additive structure of a table: its grids (each cell in one grid at most), the derived
 * columns, and the count cells that are exempt from the threshold because they count things,
 * not people (laboratori, sessions, targets).
 *
 * @since 0.1.0
 * @category models
 */
export interface Layout {
  readonly grids: ReadonlyArray<Grid>
  readonly dependencies: ReadonlyArray<Dependency>
  readonly exempt: ReadonlyArray<CellRef>
}

/**
 * A layout with no structure: every count cell stands alone. Right only for tables with no
 * totals at all.
 *
 * @since 0.1.0
 * @category constructors
 */
export const noStructure: Layout = { grids: [], dependencies: [], exempt: [] }

/**
 * A grid over a wide table: the rows `rows` (the total row last, when `totalRow`) by the
 * columns `columns` (the total column last, when `totalColumn`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const grid = (spec: {
  readonly rows: ReadonlyArray<number>
  readonly columns: ReadonlyArray<string>
  readonly totalRow: boolean
  readonly totalColumn: boolean
  readonly additive?: boolean
}): Grid => ({
  cells: spec.rows.map((row) => spec.columns.map((column) => ({ row, column }))),
  totalRow: spec.totalRow,
  totalColumn: spec.totalColumn,
  additive: spec.additive ?? true
})

/**
 * Every cell of the columns `columns`: for {@link Layout.exempt}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const cellsOf = (table: Table.Table, columns: ReadonlyArray<string>): ReadonlyArray<CellRef> =>
  table.rows.flatMap((_, row) => columns.map((column) => ({ row, column })))

// ---------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------

/**
 * The table cannot be published as asked: it is malformed, or its layout does not fit it
 * (a cell that does not exist or is not a count, a total that is not the sum of its parts, a
 * cell in two grids, a layout that cannot be inferred). Every problem is listed.
 *
 * @since 0.1.0
 * @category errors
 */
export class CannotPublish extends Schema.TaggedError<CannotPublish>()("CannotPublish", {
  table: Schema.String,
  problems: Schema.NonEmptyArray(Schema.String)
}) {
  override get message(): string {
    return `table ${this.table} cannot be published: ${this.problems.join("; ")}`
  }
}

const fail = (table: string, problems: ReadonlyArray<string>): Result.Result<never, CannotPublish> => {
  const [first, ...rest] = problems
  return Result.fail(new CannotPublish({ table, problems: [first ?? "unknown problem", ...rest] }))
}

// ---------------------------------------------------------------------------------------------
// inferring the layout
// ---------------------------------------------------------------------------------------------

const isCountMeasure = (c: Table.Column): boolean =>
  c.role === "measure" && c.unit === "count" && c.sensitivity === "none"

const distinctInOrder = (values: ReadonlyArray<Table.CellValue>): Array<Table.CellValue> => {
  const seen = new Set<Table.CellValue>()
  const out: Array<Table.CellValue> = []
  for (const v of values)
    if (!seen.has(v)) {
      seen.add(v)
      out.push(v)
    }
  // the total last
  return [...out.filter((v) => v !== Table.total), ...out.filter((v) => v === Table.total)]
}

/**
 * Whether every total of a grid is the sum of its parts (each line fully numeric): an additive
 * grid.
 *
 * @since 0.1.0
 * @category rules
 */
export const isAdditive = (table: Table.Table, g: Grid): boolean => {
  const value = (c: CellRef) => table.rows[c.row]?.[c.column]
  const lines: Array<ReadonlyArray<CellRef>> = []
  const n = g.cells.length
  const m = g.cells[0]?.length ?? 0
  if (g.totalColumn) for (const row of g.cells) lines.push(row)
  if (g.totalRow) for (let j = 0; j < m; j++) lines.push(g.cells.map((row) => row[j] as CellRef))
  return (
    n > 0 &&
    lines.every((line) => {
      const parts = line.slice(0, -1).map(value)
      const total = value(line[line.length - 1] as CellRef)
      return (
        typeof total === "number" &&
        parts.every((p) => typeof p === "number") &&
        parts.reduce<number>((a, b) => a + (b as number), 0) === total
      )
    })
  )
}

/**
 * Reads the layout of a table from its `_T` rows ({@link Table.total}). The dimension columns
 * that classify rows are those of unit `code` or `date`; a `text` dimension is a description of
 * its row (a label) and is ignored here.
 * - one dimension column: for each count measure, the rows form a column whose `_T` row is
 *   the total (no `_T` row: no total, the cells stand alone);
 * - two dimension columns (a long table, e.g. quartiere × sex) with a `_T` in either: for each
 *   count measure, the grid of the first dimension's values by the second's, `_T` last in
 *   each; every combination must then be present once;
 * - no dimension, or more than two without a `_T`: the cells stand alone.
 *
 * A grid whose totals are the sums of its parts is additive; otherwise it is declared
 * non-additive (distinct persons over overlapping groups). Columns holding a `null` are left out
 * of the grids. Fails when the shape is ambiguous: several `_T` rows for one dimension, a long
 * table with a missing or repeated combination, `_T` with more than two dimensions.
 *
 * @since 0.1.0
 * @category constructors
 */
export const inferLayout = (table: Table.Table): Result.Result<Layout, CannotPublish> => {
  // a text dimension (a description) labels its row; codes and dates classify it
  const dims = table.columns.filter((c) => c.role === "dimension" && c.unit !== "text")
  const counts = table.columns.filter(isCountMeasure)
  const hasNull = (column: string) => table.rows.some((r) => r[column] === null || r[column] === undefined)
  const grids: Array<Grid> = []
  const [d1, d2] = dims
  if (dims.length === 1 && d1 !== undefined) {
    const totals = table.rows.flatMap((r, i) => (r[d1.id] === Table.total ? [i] : []))
    if (totals.length > 1)
      return fail(table.id, [`rows ${totals.join(", ")} are all totals (${Table.total}) of ${d1.id}`])
    const [t] = totals
    if (t !== undefined && table.rows.length > 1) {
      const parts = table.rows.flatMap((_, i) => (i === t ? [] : [i]))
      for (const c of counts) {
        if (hasNull(c.id)) continue
        const g = grid({ rows: [...parts, t], columns: [c.id], totalRow: true, totalColumn: false })
        grids.push({ ...g, additive: isAdditive(table, g) })
      }
    }
  } else if (
    dims.length === 2 &&
    d1 !== undefined &&
    d2 !== undefined &&
    table.rows.some((r) => r[d1.id] === Table.total || r[d2.id] === Table.total)
  ) {
    const keys1 = distinctInOrder(table.rows.map((r) => r[d1.id] ?? null))
    const keys2 = distinctInOrder(table.rows.map((r) => r[d2.id] ?? null))
    const at = new Map<string, Array<number>>()
    table.rows.forEach((r, i) => {
      const key = JSON.stringify([r[d1.id] ?? null, r[d2.id] ?? null])
      at.set(key, [...(at.get(key) ?? []), i])
    })
    const problems: Array<string> = []
    const matrix = keys1.map((k1) =>
      keys2.map((k2) => {
        const rows = at.get(JSON.stringify([k1, k2])) ?? []
        if (rows.length !== 1)
          problems.push(
            `${d1.id} = ${String(k1)} and ${d2.id} = ${String(k2)} ${rows.length === 0 ? "has no row" : `has ${rows.length} rows`}: give the layout explicitly`
          )
        return rows[0] ?? -1
      })
    )
    if (problems.length > 0) return fail(table.id, problems)
    const totalRow = keys1.includes(Table.total) && keys1.length > 1
    const totalColumn = keys2.includes(Table.total) && keys2.length > 1
    if (totalRow || totalColumn)
      for (const c of counts) {
        if (hasNull(c.id)) continue
        const g: Grid = {
          cells: matrix.map((row) => row.map((i) => ({ row: i, column: c.id }))),
          totalRow,
          totalColumn,
          additive: true
        }
        grids.push({ ...g, additive: isAdditive(table, g) })
      }
  } else if (dims.length > 2 && table.rows.some((r) => dims.some((d) => r[d.id] === Table.total))) {
    return fail(table.id, [
      `the table has ${dims.length} dimensions and totals (${Table.total}): give the layout explicitly`
    ])
  }
  return Result.succeed({ grids, dependencies: [], exempt: [] })
}

// ---------------------------------------------------------------------------------------------
// validation
// ---------------------------------------------------------------------------------------------

const layoutProblems = (table: Table.Table, layout: Layout): Array<string> => {
  const problems: Array<string> = []
  const columns = new Map(table.columns.map((c) => [c.id, c]))
  const where = (c: CellRef) => `cell (row ${c.row}, ${c.column})`
  const exists = (c: CellRef): boolean => {
    if (!Number.isInteger(c.row) || c.row < 0 || c.row >= table.rows.length) {
      problems.push(`${where(c)}: the table has no row ${c.row}`)
      return false
    }
    if (!columns.has(c.column)) {
      problems.push(`${where(c)}: the table has no column ${c.column}`)
      return false
    }
    return true
  }
  const inGrid = new Set<string>()
  layout.grids.forEach((g, k) => {
    const width = g.cells[0]?.length ?? 0
    if (g.cells.length === 0 || width === 0) problems.push(`grid ${k + 1} is empty`)
    if (g.cells.some((row) => row.length !== width)) problems.push(`grid ${k + 1}: rows of different lengths`)
    if (g.totalRow && g.cells.length < 2) problems.push(`grid ${k + 1}: a total row needs at least one row above it`)
    if (g.totalColumn && width < 2) problems.push(`grid ${k + 1}: a total column needs at least one column before it`)
    for (const row of g.cells)
      for (const c of row) {
        if (!exists(c)) continue
        const column = columns.get(c.column) as Table.Column
        const key = `${c.row}\u0000${c.column}`
        if (inGrid.has(key)) problems.push(`${where(c)} is in more than one grid`)
        inGrid.add(key)
        if (column.role !== "measure" || column.unit !== "count")
          problems.push(`${where(c)}: grids hold count measures, ${c.column} is a ${column.unit} ${column.role}`)
        else if (column.sensitivity !== "none")
          problems.push(`${where(c)}: ${c.column} is ${column.sensitivity} data and is dropped, not published`)
        else if (typeof table.rows[c.row]?.[c.column] !== "number")
          problems.push(`${where(c)}: expected a count, got ${JSON.stringify(table.rows[c.row]?.[c.column])}`)
      }
    if (problems.length === 0 && g.additive && !isAdditive(table, g))
      problems.push(
        `grid ${k + 1}: a total is not the sum of its parts (declare the grid non-additive if it counts overlapping groups)`
      )
  })
  for (const dep of layout.dependencies)
    for (const id of [dep.column, ...dep.on])
      if (!columns.has(id)) problems.push(`dependency of ${dep.column}: the table has no column ${id}`)
  for (const c of layout.exempt) exists(c)
  return problems
}

// ---------------------------------------------------------------------------------------------
// the algorithm
// ---------------------------------------------------------------------------------------------

interface Cand {
  readonly i: number
  readonly j: number
  readonly v: number
}
const better = (a: Cand, b: Cand | undefined): boolean =>
  b === undefined || a.v < b.v || (a.v === b.v && (a.i < b.i || (a.i === b.i && a.j < b.j)))

/**
 * The bridges among the suppressed cells of a grid: the cells that can be recomputed. Nodes are
 * rows `0..n-1`, columns `n..n+m-1` and the ground `n+m`, joined to every unconstrained line.
 */
const bridges = (
  s: ReadonlyArray<ReadonlyArray<boolean>>,
  n: number,
  m: number,
  rowsConstrained: boolean,
  columnsConstrained: boolean
): Array<readonly [number, number]> => {
  const ground = n + m
  const edges: Array<{ readonly a: number; readonly b: number; readonly cell?: readonly [number, number] }> = []
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (s[i]?.[j]) edges.push({ a: i, b: n + j, cell: [i, j] })
  if (!rowsConstrained) for (let i = 0; i < n; i++) edges.push({ a: i, b: ground })
  if (!columnsConstrained) for (let j = 0; j < m; j++) edges.push({ a: n + j, b: ground })
  const adjacency: Array<Array<number>> = Array.from({ length: n + m + 1 }, () => [])
  edges.forEach((e, k) => {
    adjacency[e.a]?.push(k)
    adjacency[e.b]?.push(k)
  })
  const order = new Array<number>(n + m + 1).fill(-1)
  const low = new Array<number>(n + m + 1).fill(0)
  const isBridge = new Array<boolean>(edges.length).fill(false)
  let time = 0
  const visit = (u: number, parentEdge: number): void => {
    order[u] = low[u] = time++
    for (const k of adjacency[u] ?? []) {
      if (k === parentEdge) continue
      const e = edges[k] as (typeof edges)[number]
      const w = e.a === u ? e.b : e.a
      if ((order[w] ?? -1) === -1) {
        visit(w, k)
        low[u] = Math.min(low[u] ?? 0, low[w] ?? 0)
        if ((low[w] ?? 0) > (order[u] ?? 0)) isBridge[k] = true
      } else low[u] = Math.min(low[u] ?? 0, order[w] ?? 0)
    }
  }
  for (let u = 0; u <= ground; u++) if ((order[u] ?? -1) === -1) visit(u, -1)
  return edges.flatMap((e, k) => (isBridge[k] && e.cell !== undefined ? [e.cell] : []))
}

/** The nodes reachable from `start` without crossing the suppressed cell `cut`. */
const side = (
  s: ReadonlyArray<ReadonlyArray<boolean>>,
  n: number,
  m: number,
  rowsConstrained: boolean,
  columnsConstrained: boolean,
  cut: readonly [number, number],
  start: number
): Set<number> => {
  const ground = n + m
  const seen = new Set<number>([start])
  const queue = [start]
  const neighbours = (u: number): Array<number> => {
    const out: Array<number> = []
    if (u === ground) {
      if (!rowsConstrained) for (let i = 0; i < n; i++) out.push(i)
      if (!columnsConstrained) for (let j = 0; j < m; j++) out.push(n + j)
    } else if (u < n) {
      for (let j = 0; j < m; j++) if (s[u]?.[j] && !(u === cut[0] && j === cut[1])) out.push(n + j)
      if (!rowsConstrained) out.push(ground)
    } else {
      const j = u - n
      for (let i = 0; i < n; i++) if (s[i]?.[j] && !(i === cut[0] && j === cut[1])) out.push(i)
      if (!columnsConstrained) out.push(ground)
    }
    return out
  }
  while (queue.length > 0) {
    const u = queue.pop() as number
    for (const w of neighbours(u))
      if (!seen.has(w)) {
        seen.add(w)
        queue.push(w)
      }
  }
  return seen
}

/**
 * Complementary suppression in one grid: `values[i][j]` the counts, `suppressed[i][j]` marked
 * in place; returns the cells it added, in the order it added them. See the module note.
 */
const protectGrid = (
  values: ReadonlyArray<ReadonlyArray<number>>,
  suppressed: Array<Array<boolean>>,
  totalRow: boolean,
  totalColumn: boolean
): Array<readonly [number, number]> => {
  const n = values.length
  const m = values[0]?.length ?? 0
  const rowsConstrained = totalColumn
  const columnsConstrained = totalRow
  const added: Array<readonly [number, number]> = []
  if (!rowsConstrained && !columnsConstrained) return added
  const v = (i: number, j: number) => values[i]?.[j] ?? 0
  const isS = (i: number, j: number) => suppressed[i]?.[j] === true
  const mark = (i: number, j: number) => {
    ;(suppressed[i] as Array<boolean>)[j] = true
    added.push([i, j])
  }
  const lines: Array<Array<readonly [number, number]>> = []
  if (rowsConstrained) for (let i = 0; i < n; i++) lines.push(Array.from({ length: m }, (_, j) => [i, j] as const))
  if (columnsConstrained) for (let j = 0; j < m; j++) lines.push(Array.from({ length: n }, (_, i) => [i, j] as const))

  for (;;) {
    // 2. lines with exactly one suppressed cell
    let changed = true
    while (changed) {
      changed = false
      for (const line of lines) {
        if (line.filter(([i, j]) => isS(i, j)).length !== 1) continue
        let best: Cand | undefined
        for (const [i, j] of line) {
          const c = { i, j, v: v(i, j) }
          if (!isS(i, j) && c.v > 0 && better(c, best)) best = c
        }
        if (best !== undefined) {
          mark(best.i, best.j)
          changed = true
        }
      }
    }
    // 3. bridges
    const [first] = bridges(suppressed, n, m, rowsConstrained, columnsConstrained)
    if (first === undefined) return added
    const a = side(suppressed, n, m, rowsConstrained, columnsConstrained, first, first[0])
    const b = side(suppressed, n, m, rowsConstrained, columnsConstrained, first, n + first[1])
    const tiers: Array<Cand | undefined> = [undefined, undefined, undefined, undefined, undefined]
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        if (isS(i, j)) continue
        const c = { i, j, v: v(i, j) }
        const crossing = (a.has(i) && b.has(n + j)) || (b.has(i) && a.has(n + j))
        const touching = a.has(i) || b.has(i) || a.has(n + j) || b.has(n + j)
        const tier = c.v > 0 ? (crossing ? 0 : touching ? 1 : 2) : crossing ? 3 : 4
        if (better(c, tiers[tier])) tiers[tier] = c
      }
    const pick = tiers.find((c) => c !== undefined)
    if (pick === undefined) return added // every cell suppressed: nothing more to do
    mark(pick.i, pick.j)
  }
}

/**
 * The cells to suppress in a table under a layout and a threshold, in row then column order,
 * with their reasons. The layout must fit the table (see {@link publish}, which checks it).
 *
 * @since 0.1.0
 * @category rules
 */
export const suppressionPattern = (
  table: Table.Table,
  layout: Layout,
  thresholdValue: number
): ReadonlyArray<Table.SuppressedCell> => {
  const key = (row: number, column: string) => `${row}\u0000${column}`
  const reasons = new Map<string, Table.SuppressionReason>()
  const exempt = new Set(layout.exempt.map((c) => key(c.row, c.column)))
  const counts = table.columns.filter(isCountMeasure)
  // 1. primary
  table.rows.forEach((r, row) => {
    for (const c of counts) {
      const value = r[c.id]
      if (typeof value === "number" && value >= 1 && value < thresholdValue && !exempt.has(key(row, c.id)))
        reasons.set(key(row, c.id), "primary")
    }
  })
  // 2–4, to a fixpoint
  for (let changed = true; changed; ) {
    changed = false
    for (const g of layout.grids) {
      const values = g.cells.map((row) =>
        row.map((c) => {
          const value = table.rows[c.row]?.[c.column]
          return typeof value === "number" ? value : 0
        })
      )
      const suppressed = g.cells.map((row) => row.map((c) => reasons.has(key(c.row, c.column))))
      for (const [i, j] of protectGrid(values, suppressed, g.totalRow, g.totalColumn)) {
        const c = g.cells[i]?.[j] as CellRef
        reasons.set(key(c.row, c.column), "complementary")
        changed = true
      }
    }
    table.rows.forEach((_, row) => {
      for (const dep of layout.dependencies)
        if (!reasons.has(key(row, dep.column)) && dep.on.some((on) => reasons.has(key(row, on)))) {
          const value = table.rows[row]?.[dep.column]
          if (value === null || value === undefined) continue // nothing to hide
          reasons.set(key(row, dep.column), "complementary")
          changed = true
        }
    })
  }
  return table.rows.flatMap((_, row) =>
    table.columns.flatMap((c) => {
      const reason = reasons.get(key(row, c.id))
      return reason === undefined ? [] : [{ row, column: c.id, reason, threshold: thresholdValue }]
    })
  )
}

// ---------------------------------------------------------------------------------------------
// publishing
// ---------------------------------------------------------------------------------------------

/**
 * A table as released, with what disclosure control did to it (also in `table.suppression`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Published {
  readonly table: Table.Table
  readonly log: Table.SuppressionLog
}

/**
 * Releases a table under a policy. `Published`: suppresses the cells of {@link suppressionPattern}
 * (shown as `●`), drops the columns marked personal or special-category data, and attaches the
 * log. `Internal`: the table as it is, with a log that says so (policy `internal`, threshold
 * 0, the reason in the source's note). The layout defaults to
 * {@link inferLayout}. Fails with every problem when the table is malformed, the threshold is
 * not a whole number ≥ 1, or the layout does not fit.
 *
 * @since 0.1.0
 * @category rules
 */
export const publish = (
  table: Table.Table,
  policy: Policy,
  layout?: Layout
): Result.Result<Published, CannotPublish> => {
  const malformed = Table.problems(table).map((p) => `${p.path}: ${p.message}`)
  if (malformed.length > 0) return fail(table.id, malformed)
  if (policy._tag === "Internal") {
    const log: Table.SuppressionLog = {
      policy: "internal",
      threshold: 0,
      source: { act: "controllo disattivato per uso interno", confidence: "confirmed", note: policy.reason },
      cells: [],
      droppedColumns: []
    }
    return Result.succeed({ table: { ...table, suppression: log }, log })
  }
  const t = policy.threshold.value
  if (!Number.isSafeInteger(t) || t < 1) return fail(table.id, [`the threshold must be a whole number ≥ 1, got ${t}`])
  let chosen = layout
  if (chosen === undefined) {
    const inferred = inferLayout(table)
    if (Result.isFailure(inferred)) return Result.fail(inferred.failure)
    chosen = inferred.success
  }
  const problems = layoutProblems(table, chosen)
  if (problems.length > 0) return fail(table.id, problems)
  const cells = suppressionPattern(table, chosen, t)
  const hidden = new Set(cells.map((c) => `${c.row}\u0000${c.column}`))
  const dropped = table.columns.filter((c) => c.sensitivity !== "none").map((c) => c.id)
  const kept = table.columns.filter((c) => c.sensitivity === "none")
  const log: Table.SuppressionLog = {
    policy: "published",
    threshold: t,
    source: policy.threshold.source,
    cells,
    droppedColumns: dropped
  }
  const rows = table.rows.map((r, row) =>
    Object.fromEntries(
      kept.map((c) => [c.id, hidden.has(`${row}\u0000${c.id}`) ? Table.suppressedMark : (r[c.id] ?? null)])
    )
  )
  return Result.succeed({ table: { ...table, columns: kept, rows, suppression: log }, log })
}
