import { describe, expect, it } from "@effect/vitest"
import { SeedProjects } from "@quartieri/testing"
import { Result, Schema } from "effect"
import { Calendar, Ids, Project, Reporting } from "../../src/index.js"
import { A, entries, participant, periods, s1 } from "./fixtures.js"

const { Disclosure, ProgrammeResults, Table, Targets } = Reporting
const d = Calendar.unsafeMake

const results = ProgrammeResults.compute(entries, { periods })
const projects = [
  {
    id: Ids.ProjectId.make("P1"),
    targets: [
      { indicator: "personalised-pathways", value: 28 },
      { indicator: "laboratori-sociali", value: 4 }
    ]
  },
  { id: Ids.ProjectId.make("P2"), targets: [] },
  {
    id: Ids.ProjectId.make("P3"),
    targets: [
      { indicator: "personalised-pathways", value: 0 },
      { indicator: "laboratori-sociali", value: 2 }
    ]
  }
] satisfies ReadonlyArray<Pick<Project.Project, "id" | "targets">>

describe("Targets, hand-worked on the fixture", () => {
  // Actuals (fixtures.ts): P1 enrolled w1 and w2 → 2 pathways, held sessions in L1 and L2 →
  // 2 laboratori; P2 enrolled w4 → 1 (w3 never enrolled), L3 → 1; P3 has no records → 0.
  it("compares every indicator of every project", () => {
    expect(Targets.table(Targets.compare(projects, results)).rows).toEqual([
      // 2 / 28 = 0,0714… → 714 bp, rounded down
      row("P1", "personalised-pathways", "Percorsi personalizzati", 28, 2, 714, "below"),
      // 2 / 4 → 5.000 bp
      row("P1", "laboratori-sociali", "Laboratori sociali attivati", 4, 2, 5_000, "below"),
      // no target declared: null, not zero
      row("P2", "personalised-pathways", "Percorsi personalizzati", null, 1, null, "no-target"),
      row("P2", "laboratori-sociali", "Laboratori sociali attivati", null, 1, null, "no-target"),
      // a target of zero has no rate
      row("P3", "personalised-pathways", "Percorsi personalizzati", 0, 0, null, "zero-target"),
      row("P3", "laboratori-sociali", "Laboratori sociali attivati", 2, 0, 0, "below")
    ])
  })

  it("in a period", () => {
    // 2019: P1 enrolled w1 (April) and w2 (November), and only L1 held sessions
    const c = Targets.compare([projects[0] as (typeof projects)[0]], results, "2019")
    expect(c.map((x) => [x.indicator, x.actual, x.achievement])).toEqual([
      ["personalised-pathways", 2, 714],
      ["laboratori-sociali", 1, 2_500]
    ])
  })

  it("published: the small actual is hidden with the rate and status derived from it", () => {
    const t = Targets.table(Targets.compare(projects, results))
    const published = Disclosure.publish(t, Disclosure.published(), Targets.layout(t))
    expect(Result.isSuccess(published)).toBe(true)
    if (Result.isFailure(published)) return
    const rows = published.success.table.rows
    // P1 pathways: actual 2 (primary), rate and status (complementary); the target stays
    expect([rows[0]?.target, rows[0]?.actual, rows[0]?.achievement, rows[0]?.status]).toEqual([
      28,
      Table.suppressedMark,
      Table.suppressedMark,
      Table.suppressedMark
    ])
    // laboratori count places, not people: published as they are
    expect([rows[1]?.actual, rows[1]?.achievement]).toEqual([2, 5_000])
    // P2 pathways: actual 1 hidden; no rate to hide (null stays null)
    expect([rows[2]?.target, rows[2]?.actual, rows[2]?.achievement]).toEqual([null, Table.suppressedMark, null])
    // P3 pathways: 0 is not suppressed
    expect(rows[4]?.actual).toBe(0)
  })
})

const row = (
  project: string,
  indicator: string,
  indicatorLabel: string,
  target: number | null,
  actual: number,
  achievement: number | null,
  status: string
) => ({ project, indicator, indicatorLabel, target, actual, achievement, status })

describe("Targets of IntERPreti di cambiamento (seed 000: 28 pathways, 4 laboratori)", () => {
  const seed = SeedProjects.interpreti.project
  if (seed === undefined) throw new Error("the IntERPreti seed has a project record")
  const interpreti = Schema.decodeUnknownSync(Project.Project)(seed)
  const where = { ...A, project: interpreti.id }
  const laboratori = ["ripalta", "santa-maria", "ombriano", "san-bernardino"].map((l) => ({
    ...s1,
    where,
    laboratorio: Ids.LaboratorioId.make(l)
  }))
  const pathways = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      _tag: "Pathway" as const,
      where,
      pathway: participant(`pip-${i + 1}`, `p-${i + 1}`, `h-${i + 1}`, interpreti.id, "2019-03-01", {
        status: "active",
        since: d("2019-03-15")
      })
    }))

  it("28 pathways and 4 laboratori meet the targets: 10.000 bp", () => {
    const r = ProgrammeResults.compute([...laboratori, ...pathways(28)])
    expect(
      Targets.compare([interpreti], r).map((c) => [c.indicator, c.target, c.actual, c.achievement, c.status])
    ).toEqual([
      ["personalised-pathways", 28, 28, 10_000, "met"],
      ["laboratori-sociali", 4, 4, 10_000, "met"]
    ])
  })

  it("30 pathways are above target: 30 / 28 = 1,0714… → 10.714 bp", () => {
    const r = ProgrammeResults.compute([...laboratori.slice(0, 3), ...pathways(30)])
    expect(Targets.compare([interpreti], r).map((c) => [c.actual, c.achievement, c.status])).toEqual([
      [30, 10_714, "above"],
      [3, 7_500, "below"]
    ])
  })
})
