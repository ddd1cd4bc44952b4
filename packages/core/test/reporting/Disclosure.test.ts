import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import { Reporting } from "../../src/index.js"

const { Disclosure, Table } = Reporting
const S = Table.suppressedMark

/** A wide table: area × c0…c(m−1) and a total column, the last row `_T`. */
const wide = (grid: ReadonlyArray<ReadonlyArray<number>>): Reporting.Table.Table => {
  const m = (grid[0]?.length ?? 1) - 1
  const ids = [...Array.from({ length: m }, (_, j) => `c${j}`), "total"]
  return {
    id: "hand",
    title: { it: "prova", en: "test" },
    columns: [
      Table.dimension("area", { it: "area", en: "area" }, "code"),
      ...ids.map((id) => Table.measure(id, { it: id, en: id }))
    ],
    rows: grid.map((r, i) => ({
      area: i === grid.length - 1 ? Table.total : `r${i}`,
      ...Object.fromEntries(ids.map((id, j) => [id, r[j] ?? 0]))
    })),
    notes: []
  }
}

const publishWide = (grid: ReadonlyArray<ReadonlyArray<number>>) => {
  const t = wide(grid)
  const ids = t.columns.slice(1).map((c) => c.id)
  const layout: Reporting.Disclosure.Layout = {
    grids: [Disclosure.grid({ rows: t.rows.map((_, i) => i), columns: ids, totalRow: true, totalColumn: true })],
    dependencies: [],
    exempt: []
  }
  const r = Disclosure.publish(t, Disclosure.published(), layout)
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return { cells: r.success.table.rows.map((row) => ids.map((id) => row[id])), log: r.success.log }
}

describe("Disclosure.publish, hand-worked", () => {
  it("a 2×2 table with margins: the line rule to a fixpoint", () => {
    //        c0  c1 | T
    //   r0    3   0 |  3     primary: 3, 3 (r0 total), 3 (c0 total)
    //   r1    0   7 |  7     row _T has one hidden cell → its smallest other positive, 7;
    //   _T    3   7 | 10     then column c1 → 7 (r1); column T → 7 (r1 total); stable.
    // The hidden cells form one cycle r0–c0–_T–c1–r1–T: each can move by ±1 together.
    const { cells, log } = publishWide([
      [3, 0, 3],
      [0, 7, 7],
      [3, 7, 10]
    ])
    expect(cells).toEqual([
      [S, 0, S],
      [0, S, S],
      [S, S, 10]
    ])
    expect(log.cells.map((c) => [c.row, c.column, c.reason])).toEqual([
      [0, "c0", "primary"],
      [0, "total", "primary"],
      [1, "c1", "complementary"],
      [1, "total", "complementary"],
      [2, "c0", "primary"],
      [2, "c1", "complementary"]
    ])
    expect(log.threshold).toBe(5)
    expect(log.source.confidence).toBe("unverified")
  })

  it("two protected blocks joined by one cell: the bridge step", () => {
    //        c0  c1  c2  c3 |  T
    //   r0    1   2   3   9 | 15
    //   r1    2   1   9   9 | 21
    //   r2    9   9   1   2 | 21
    //   r3    9   9   2   1 | 21
    //   _T   21  21  15  21 | 78
    // Primary: the nine cells under 5. Every row and column holds 0 or ≥ 2 of them, so the
    // line rule adds nothing — yet (r0, c2) = 3 can be recomputed: rows r0 + r1 minus columns
    // c0 + c1 leave x02 + x03 + x12 + x13 − x20 − x21 − x30 − x31, all published but x02.
    // (r0, c2) is the bridge between the blocks {r0 r1 c0 c1} and {r2 r3 c2 c3}; the cells
    // joining them are all 9, so the first, (r0, c3), is suppressed: x02 + x03 = 12 is all
    // that is left, and it no longer fixes x02.
    const { cells, log } = publishWide([
      [1, 2, 3, 9, 15],
      [2, 1, 9, 9, 21],
      [9, 9, 1, 2, 21],
      [9, 9, 2, 1, 21],
      [21, 21, 15, 21, 78]
    ])
    expect(cells).toEqual([
      [S, S, S, S, 15],
      [S, S, 9, 9, 21],
      [9, 9, S, S, 21],
      [9, 9, S, S, 21],
      [21, 21, 15, 21, 78]
    ])
    expect(log.cells.filter((c) => c.reason === "complementary").map((c) => [c.row, c.column])).toEqual([[0, "c3"]])
  })

  it("a one-dimension table with a _T row: each count column is a line", () => {
    const t: Reporting.Table.Table = {
      id: "by-quartiere",
      title: { it: "per quartiere", en: "by quartiere" },
      columns: [
        Table.dimension("quartiere", { it: "Quartiere", en: "Quartiere" }, "code"),
        Table.dimension("name", { it: "Nome", en: "Name" }, "text"),
        Table.measure("households", { it: "Nuclei", en: "Households" }),
        Table.measure("hours", { it: "Ore", en: "Hours" }, "hours"),
        Table.measure("cf", { it: "Codice fiscale referente", en: "Contact's tax code" }, "code", "personal")
      ],
      rows: [
        { quartiere: "q1", name: "Zaist", households: 12, hours: 3, cf: "X" },
        { quartiere: "q2", name: "Borgo Loreto", households: 2, hours: 1, cf: "Y" },
        { quartiere: "q3", name: "San Bernardo", households: 6, hours: 2, cf: "Z" },
        { quartiere: Table.total, name: "totale", households: 20, hours: 6, cf: null }
      ],
      notes: []
    }
    const r = Disclosure.publish(t, Disclosure.published())
    expect(Result.isSuccess(r)).toBe(true)
    if (Result.isFailure(r)) return
    // 2 is primary; the column then holds one hidden cell, so the smallest other positive one,
    // q3's 6, goes too. Hours are not counts. The personal column is dropped.
    expect(r.success.table.rows.map((x) => [x.households, x.hours])).toEqual([
      [12, 3],
      [S, 1],
      [S, 2],
      [20, 6]
    ])
    expect(r.success.table.columns.map((c) => c.id)).toEqual(["quartiere", "name", "households", "hours"])
    expect(r.success.log.droppedColumns).toEqual(["cf"])
    expect(r.success.table.suppression).toEqual(r.success.log)
  })

  it("refuses a layout whose totals are not sums, listing every problem", () => {
    const t = wide([
      [3, 4, 8],
      [3, 4, 7]
    ])
    const layout: Reporting.Disclosure.Layout = {
      grids: [
        Disclosure.grid({ rows: [0, 1], columns: ["c0", "c1", "total"], totalRow: true, totalColumn: true }),
        Disclosure.grid({ rows: [0], columns: ["nope"], totalRow: false, totalColumn: false })
      ],
      dependencies: [],
      exempt: []
    }
    const r = Disclosure.publish(t, Disclosure.published(), layout)
    expect(Result.isFailure(r) && r.failure.problems).toEqual([
      "grid 1: a total is not the sum of its parts (declare the grid non-additive if it counts overlapping groups)",
      "cell (row 0, nope): the table has no column nope"
    ])
  })

  it("a threshold that is not a whole number ≥ 1 is refused", () => {
    const r = Disclosure.publish(wide([[1, 1]]), Disclosure.published({ ...Disclosure.defaultThreshold, value: 0 }))
    expect(Result.isFailure(r) && r.failure.problems).toEqual(["the threshold must be a whole number ≥ 1, got 0"])
  })
})
