import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { Reporting } from "../../src/index.js"

const { Disclosure, Table } = Reporting

// ---------------------------------------------------------------------------------------------
// random small tables with margins
// ---------------------------------------------------------------------------------------------

interface Case {
  readonly inner: ReadonlyArray<ReadonlyArray<number>>
  readonly totalRow: boolean
  readonly totalColumn: boolean
  readonly threshold: number
}

// small counts, many of them under the threshold, some zeros
// (and tables where small cells sit among large ones: the patterns that need the bridge step)
const count = fc.oneof(
  fc.integer({ min: 0, max: 6 }),
  fc.integer({ min: 0, max: 30 }),
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 9, max: 20 })
)
const arbCase: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    m: fc.integer({ min: 1, max: 4 }),
    totalRow: fc.boolean(),
    totalColumn: fc.boolean(),
    threshold: fc.oneof(fc.constant(5), fc.integer({ min: 1, max: 8 }))
  })
  .chain(({ n, m, totalRow, totalColumn, threshold }) =>
    fc
      .array(fc.array(count, { minLength: m, maxLength: m }), { minLength: n, maxLength: n })
      .map((inner) => ({ inner, totalRow, totalColumn, threshold }))
  )

// Two margins, 3×3 or 4×4, small cells scattered among large ones: the shapes where the line
// rule alone leaves a cell recomputable (two protected blocks joined by one cell).
const arbPatterned: fc.Arbitrary<Case> = fc
  .record({ n: fc.integer({ min: 3, max: 4 }), m: fc.integer({ min: 3, max: 4 }) })
  .chain(({ n, m }) =>
    fc
      .array(
        fc.array(
          fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
            { weight: 5, arbitrary: fc.integer({ min: 9, max: 20 }) },
            { weight: 1, arbitrary: fc.constant(0) }
          ),
          { minLength: m, maxLength: m }
        ),
        { minLength: n, maxLength: n }
      )
      .map((inner) => ({ inner, totalRow: true, totalColumn: true, threshold: 5 }))
  )

/** The full grid: inner cells, then the total column and the total row, computed here by hand-rolled sums. */
const fullGrid = (c: Case): Array<Array<number>> => {
  const rows = c.inner.map((r) => (c.totalColumn ? [...r, r.reduce((a, b) => a + b, 0)] : [...r]))
  if (c.totalRow) {
    const width = rows[0]?.length ?? 0
    rows.push(Array.from({ length: width }, (_, j) => rows.reduce((a, r) => a + (r[j] ?? 0), 0)))
  }
  return rows
}

const columnIds = (c: Case): Array<string> => {
  const m = c.inner[0]?.length ?? 0
  return [...Array.from({ length: m }, (_, j) => `c${j}`), ...(c.totalColumn ? ["total"] : [])]
}

const tableOf = (c: Case): Reporting.Table.Table => {
  const grid = fullGrid(c)
  const ids = columnIds(c)
  return {
    id: "random",
    title: { it: "casuale", en: "random" },
    columns: [
      Table.dimension("area", { it: "area", en: "area" }, "code"),
      ...ids.map((id) => Table.measure(id, { it: id, en: id }, "count")),
      Table.measure("secret", { it: "codice fiscale", en: "tax code" }, "text", "personal")
    ],
    rows: grid.map((r, i) => ({
      area: c.totalRow && i === grid.length - 1 ? Table.total : `a${i}`,
      ...Object.fromEntries(ids.map((id, j) => [id, r[j] ?? 0])),
      secret: "RSSMRA80A01H501U"
    })),
    notes: []
  }
}

const layoutOf = (c: Case): Reporting.Disclosure.Layout => ({
  grids: [
    Disclosure.grid({
      rows: fullGrid(c).map((_, i) => i),
      columns: columnIds(c),
      totalRow: c.totalRow,
      totalColumn: c.totalColumn
    })
  ],
  dependencies: [],
  exempt: []
})

const publishCase = (c: Case) => {
  const reading = { ...Disclosure.defaultThreshold, value: c.threshold }
  const r = Disclosure.publish(tableOf(c), Disclosure.published(reading), layoutOf(c))
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}

// ---------------------------------------------------------------------------------------------
// the independent check: the published equations, and a brute-force search for another table
// ---------------------------------------------------------------------------------------------

type Cell = readonly [number, number]

/** The additive equations of the grid as lists of (cell, coefficient): parts +1, total −1. */
const equations = (c: Case): Array<Array<readonly [Cell, number]>> => {
  const grid = fullGrid(c)
  const n = grid.length
  const m = grid[0]?.length ?? 0
  const eqs: Array<Array<readonly [Cell, number]>> = []
  if (c.totalColumn)
    for (let i = 0; i < n; i++) eqs.push(Array.from({ length: m }, (_, j) => [[i, j] as Cell, j === m - 1 ? -1 : 1]))
  if (c.totalRow)
    for (let j = 0; j < m; j++) eqs.push(Array.from({ length: n }, (_, i) => [[i, j] as Cell, i === n - 1 ? -1 : 1]))
  return eqs
}

/**
 * Whether some non-negative integer table, equal to the original on every published cell and
 * satisfying every equation, gives `target` another value. Brute force: each suppressed cell is
 * searched over {x − 1, x, x + 1}, the target over {x − 1, x + 1}, with pruning on the
 * equations (the sum of the changes of a line must be reachable by its unassigned cells).
 */
const hasAnotherValue = (c: Case, suppressed: ReadonlyArray<Cell>, target: Cell): boolean => {
  const grid = fullGrid(c)
  const key = (x: Cell) => `${x[0]},${x[1]}`
  const order = [target, ...suppressed.filter((x) => key(x) !== key(target))]
  const index = new Map(order.map((x, k) => [key(x), k]))
  const eqs = equations(c)
    .map((eq) =>
      eq.filter(([cell]) => index.has(key(cell))).map(([cell, coef]) => [index.get(key(cell)) as number, coef] as const)
    )
    .filter((eq) => eq.length > 0)
  const delta = new Array<number>(order.length).fill(0)
  const feasible = (k: number): boolean =>
    eqs.every((eq) => {
      let sum = 0
      let open = 0
      for (const [v, coef] of eq) {
        if (v < k) sum += coef * (delta[v] ?? 0)
        else open++
      }
      return Math.abs(sum) <= open
    })
  const search = (k: number): boolean => {
    if (!feasible(k)) return false
    if (k === order.length) return true
    const [i, j] = order[k] as Cell
    const x = grid[i]?.[j] ?? 0
    const options = k === 0 ? [-1, 1] : [0, -1, 1]
    for (const d of options) {
      if (x + d < 0) continue
      delta[k] = d
      if (search(k + 1)) return true
    }
    delta[k] = 0
    return false
  }
  return search(0)
}

// ---------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------

describe("Disclosure.publish on random tables up to 4×4 with margins", () => {
  const notRecomputable = (c: Case) => {
    const { log } = publishCase(c)
    const ids = columnIds(c)
    const suppressed = log.cells.map((s) => [s.row, ids.indexOf(s.column)] as Cell)
    for (const cell of suppressed) expect(hasAnotherValue(c, suppressed, cell)).toBe(true)
  }

  test.prop([arbCase], { numRuns: 300 })(
    "no suppressed cell can be recomputed from the published totals",
    notRecomputable
  )

  test.prop([arbPatterned], { numRuns: 400 })(
    "no suppressed cell can be recomputed, small cells among large ones",
    notRecomputable
  )

  test.prop([arbCase], { numRuns: 300 })(
    "each row or column with a total holds no suppressed cell or at least two",
    (c) => {
      const { log } = publishCase(c)
      const ids = columnIds(c)
      const suppressed = new Set(log.cells.map((s) => `${s.row},${ids.indexOf(s.column)}`))
      for (const eq of equations(c)) {
        const k = eq.filter(([[i, j]]) => suppressed.has(`${i},${j}`)).length
        expect(k === 0 || k >= 2).toBe(true)
      }
    }
  )

  test.prop([arbCase], { numRuns: 300 })(
    "no published count is under the threshold, and every cell under it is marked primary",
    (c) => {
      const { table, log } = publishCase(c)
      const grid = fullGrid(c)
      const ids = columnIds(c)
      grid.forEach((r, i) => {
        r.forEach((x, j) => {
          const shown = table.rows[i]?.[ids[j] as string]
          const entry = log.cells.find((s) => s.row === i && s.column === ids[j])
          if (x >= 1 && x < c.threshold) {
            expect(shown).toBe(Table.suppressedMark)
            expect(entry?.reason).toBe("primary")
          } else if (entry === undefined) expect(shown).toBe(x)
          else {
            expect(shown).toBe(Table.suppressedMark)
            expect(entry.reason).toBe("complementary")
            expect(x).toBeGreaterThan(0) // a zero is never hidden in an additive grid
          }
        })
      })
    }
  )

  test.prop([arbCase], { numRuns: 200 })(
    "published totals equal the sum of their breakdowns; personal columns are dropped",
    (c) => {
      const { table, log } = publishCase(c)
      expect(table.columns.map((col) => col.id)).not.toContain("secret")
      expect(log.droppedColumns).toEqual(["secret"])
      const ids = columnIds(c)
      const m = c.inner[0]?.length ?? 0
      const value = (i: number, id: string) => table.rows[i]?.[id]
      // wherever a line is fully published, its parts add up to its total
      if (c.totalColumn)
        table.rows.forEach((_, i) => {
          const cells = ids.map((id) => value(i, id))
          if (cells.every((x) => typeof x === "number"))
            expect(cells.slice(0, m).reduce<number>((a, b) => a + (b as number), 0)).toBe(cells[m])
        })
      if (c.totalRow)
        ids.forEach((id) => {
          const cells = table.rows.map((_, i) => value(i, id))
          if (cells.every((x) => typeof x === "number"))
            expect(cells.slice(0, -1).reduce<number>((a, b) => a + (b as number), 0)).toBe(cells.at(-1))
        })
    }
  )

  test.prop([arbCase])("the inferred layout of a one-dimension table with a _T row is its column grid", (c0) => {
    // one count column per grid: rows and the _T row
    const c = { ...c0, totalRow: true, totalColumn: false }
    const inferred = Disclosure.inferLayout(tableOf(c))
    expect(Result.isSuccess(inferred)).toBe(true)
    if (Result.isFailure(inferred)) return
    const reading = { ...Disclosure.defaultThreshold, value: c.threshold }
    const a = Disclosure.publish(tableOf(c), Disclosure.published(reading))
    const ids = columnIds(c)
    const suppressed = Result.isSuccess(a) ? a.success.log.cells : []
    // each column is its own line: 0 or ≥ 2 suppressed cells in it
    for (const id of ids) {
      const k = suppressed.filter((s) => s.column === id).length
      expect(k === 0 || k >= 2).toBe(true)
    }
  })

  test.prop([arbCase])("internal reports change nothing, and say why", (c) => {
    const r = Disclosure.publish(tableOf(c), Disclosure.internal("riunione di monitoraggio del partenariato"))
    expect(Result.isSuccess(r)).toBe(true)
    if (Result.isFailure(r)) return
    expect(r.success.table.rows).toEqual(tableOf(c).rows)
    expect(r.success.log.cells).toEqual([])
    expect(r.success.log.policy).toBe("internal")
  })
})
