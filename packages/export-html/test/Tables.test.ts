import { describe, expect, it } from "@effect/vitest"
import { type Calendar, Reporting } from "@quartieri/core"
import { Result } from "effect"
import { LaboratorioActivity, PathwayFunnel } from "../src/index.js"
import { input } from "./fixtures.js"

const d = (s: string) => s as Calendar.CalendarDate

describe("months", () => {
  it("from the month of the start to the month of the end, leap February included", () => {
    expect(LaboratorioActivity.months(d("2019-11-15"), d("2020-02-03"))).toEqual([
      { id: "2019-11", start: "2019-11-01", end: "2019-11-30" },
      { id: "2019-12", start: "2019-12-01", end: "2019-12-31" },
      { id: "2020-01", start: "2020-01-01", end: "2020-01-31" },
      { id: "2020-02", start: "2020-02-01", end: "2020-02-29" }
    ])
  })
  it("one month when start and end share it", () => {
    expect(LaboratorioActivity.months(d("2019-05-02"), d("2019-05-30")).map((m) => m.id)).toEqual(["2019-05"])
  })
})

describe("the funnel table", () => {
  const pathways = input.pathways ?? []
  // counted here by phase and status, independently of PathwayFunnel.placeOf
  const by = (f: (p: (typeof pathways)[number]) => boolean) => pathways.filter(f).length
  const expected = {
    notEnrolled: by((p) => p.phase === "prospect"),
    inProgress: by((p) => p.phase === "participant" && ["enrolled", "active", "suspended"].includes(p.state.status)),
    dropped: by((p) => p.phase === "participant" && p.state.status === "dropped"),
    completed: by((p) => p.phase === "participant" && p.state.status === "completed")
  }

  it("partitions the pathways; the total row is their sum", () => {
    const t = PathwayFunnel.table(pathways)
    expect(t.rows).toEqual([
      { project: "interpreti-di-cambiamento", ...expected, candidates: 40 },
      { project: Reporting.Table.total, ...expected, candidates: 40 }
    ])
    expect(expected.notEnrolled + expected.inProgress + expected.dropped + expected.completed).toBe(40)
  })

  it("published: no suppressed part can be recomputed from the published total", () => {
    const t = PathwayFunnel.table(pathways)
    const p = Reporting.Disclosure.publish(t, Reporting.Disclosure.published(), PathwayFunnel.layout(t))
    if (Result.isFailure(p)) throw p.failure
    const row = p.success.table.rows.at(-1) ?? {}
    const parts = ["notEnrolled", "inProgress", "dropped", "completed"]
    const hidden = parts.filter((k) => row[k] === Reporting.Table.suppressedMark)
    // never exactly one hidden part next to a published total
    expect(hidden.length === 1 && typeof row["candidates"] === "number").toBe(false)
    // every primary-suppressed count is below the threshold and at least 1
    for (const c of p.success.log.cells.filter((c) => c.reason === "primary")) {
      const v = t.rows[c.row]?.[c.column]
      expect(typeof v === "number" && v >= 1 && v < 5).toBe(true)
    }
  })
})

describe("the activity table", () => {
  it("one row per month and the programme total, sessions exempt from suppression", () => {
    const results = input.results
    if (results === undefined) throw new Error("the fixture has results")
    const t = LaboratorioActivity.table(results, "project", "interpreti-di-cambiamento")
    expect(t.rows.map((r) => r["month"])).toEqual([...results.periods.map((p) => p.id), Reporting.Table.total])
    const sessions = t.rows
      .slice(0, -1)
      .reduce((n, r) => n + (typeof r["sessions"] === "number" ? r["sessions"] : 0), 0)
    expect(t.rows.at(-1)?.["sessions"]).toBe(sessions) // sessions add up; persons do not
    expect(LaboratorioActivity.layout(t).exempt.filter((c) => c.column === "sessions").length).toBe(t.rows.length)
  })
})
