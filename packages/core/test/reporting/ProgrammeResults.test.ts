import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import {
  type AttendanceRegister,
  Calendar,
  Call,
  type Household,
  Ids,
  IstatComune,
  Reporting,
  type Session,
  Site
} from "../../src/index.js"
import { entries, periods, w1 } from "./fixtures.js"

const { Disclosure, ProgrammeResults, Table } = Reporting
const d = Calendar.unsafeMake

const results = ProgrammeResults.compute(entries, { periods })

// Every expected value below is worked out by hand from the fixture (fixtures.ts).
const row = (
  key: string,
  dimension: string,
  v: readonly [number, number, number, number, number, number, number, number, number, number, number]
) => ({
  [dimension]: key,
  laboratori: v[0],
  personsInvolved: v[1],
  personsInvolvedUpTo: v[2],
  householdsReached: v[3],
  personsInPathways: v[4],
  involvedAlsoInPathways: v[5],
  pathwaysEnrolled: v[6],
  pathwaysCompleted: v[7],
  sessions: v[8],
  sessionHours: v[9],
  pathwayHours: v[10]
})

//                     lab  inv  upTo  hh  inPw  also  enr  cmp  ses  hLab  hPw
// whole input:         3    8    11   4    3     1     3    1    4     5    13
//   laboratori L1 L2 L3; named p1 p2 p3 (3) + largest head-count 5 = 8, + all head-counts 8 = 11;
//   households h1 h2 (sessions) ∪ h1 h3 h5 (pathways) = 4; in pathways p1 p4 p6 (w3 never
//   enrolled); p1 is both; w1 completed (w4 dropped); 315 minutes = 5,25 h → 5;
//   3 + 2,5 + 4 + 1,25 + 2 = 12,75 h → 13.
const total = [3, 8, 11, 4, 3, 1, 3, 1, 4, 5, 13] as const

describe("ProgrammeResults, hand-worked", () => {
  it("by quartiere: persons and households do not add up (p3 and h2 are in QA and QB)", () => {
    expect(ProgrammeResults.table(results, "quartiere").rows).toEqual([
      // QA: L1; p1 p2 p3 + 5 = 8, up to 3 + 8 = 11; h1 h2; p1; p1; w1; w1; s1 s2; 210' = 3,5 h → 4; 5,5 h → 6
      row("QA", "quartiere", [1, 8, 11, 2, 1, 1, 1, 1, 2, 4, 6]),
      // QB: L2; p3 + 0 = 1; h2 (s3) h3 (w2); p4; none; w2; none; s3; 60' → 1; 4 + 1,25 = 5,25 → 5
      row("QB", "quartiere", [1, 1, 1, 2, 1, 0, 1, 0, 1, 1, 5]),
      // QC: L3; nobody known (no sheet); h5 (w4); p6; none; w4; none (dropped); s4; 45' → 1; 2
      row("QC", "quartiere", [1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 2]),
      row(Table.total, "quartiere", total)
    ])
  })

  it("by project, programme and Comune", () => {
    // P1 = QA ∪ QB: L1 L2; p1 p2 p3 + 5 = 8, up to 11; h1 h2 h3; p1 p4; p1; w1 w2; w1;
    // s1 s2 s3; 270' = 4,5 h → 5; 5,5 + 5,25 = 10,75 → 11
    const p1 = [2, 8, 11, 3, 2, 1, 2, 1, 3, 5, 11] as const
    const p2 = [1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 2] as const
    expect(ProgrammeResults.table(results, "project").rows).toEqual([
      row("P1", "project", p1),
      row("P2", "project", p2),
      row(Table.total, "project", total)
    ])
    expect(ProgrammeResults.table(results, "programme").rows).toEqual([
      row("por-fse-2014-2020-lombardia", "programme", p1),
      row("pr-fse-plus-2021-2027-lombardia", "programme", p2),
      row(Table.total, "programme", total)
    ])
    // Milano 015146 (QC), Crema 019035 (QB), Cremona 019036 (QA), in code order
    expect(ProgrammeResults.table(results, "comune").rows.map((r) => r.comune)).toEqual([
      "015146",
      "019035",
      "019036",
      Table.total
    ])
  })

  it("by period", () => {
    // 2019: s1 s2; pathways overlapping 2019: w1 (Apr–Oct), w2 (from Nov).
    //   L1; p1 p2 p3 + 5 = 8, up to 11; h1 h2 ∪ h1 h3 = 3; p1 p4; p1; w1 w2 enrolled in 2019;
    //   w1 completed; 2 sessions; 210' → 4; 3 + 2,5 + 4 = 9,5 → 10
    expect(ProgrammeResults.table(results, "total", "2019").rows).toEqual([
      row(Table.total, "total", [1, 8, 11, 3, 2, 1, 2, 1, 2, 4, 10])
    ])
    // 2020: s3 s4; pathways overlapping 2020: w2 (active), w4 (Jan–Mar); w1 left in 2019.
    //   L2 L3; p3 + 0 = 1; h2 ∪ h3 h5 = 3; p4 p6; none; w4 enrolled in 2020; none completed;
    //   2 sessions; 105' = 1,75 → 2; 1,25 + 2 = 3,25 → 3
    expect(ProgrammeResults.table(results, "total", "2020").rows).toEqual([
      row(Table.total, "total", [2, 1, 1, 3, 2, 0, 1, 0, 2, 2, 3])
    ])
  })

  it("keeps exact hours and both bounds in the figures", () => {
    const f = ProgrammeResults.figuresFor(results, "total")
    expect(f?.sessionMinutes).toBe(315)
    expect(f?.pathwayHours).toBe(12.75)
    expect(f?.involvement.personsInvolved).toEqual({ lower: 8, upper: 11 })
    expect(f?.personsInvolved).toBe(8) // the published bound
    expect(f?.involvement.sessionsWithoutSheet).toBe(1)
  })

  it("a prospect adds nothing; the fold does not depend on the order of the records", () => {
    const reversed = ProgrammeResults.compute([...entries].reverse(), { periods })
    expect(reversed).toEqual(results)
    const onlyProspect = ProgrammeResults.compute(
      entries.filter((e) => e._tag === "Pathway" && e.pathway.phase === "prospect")
    )
    expect(onlyProspect.groups).toEqual([])
  })

  it("published by quartiere: small persons counts are suppressed, laboratori are exempt", () => {
    const t = ProgrammeResults.table(results, "quartiere")
    const layout = ProgrammeResults.layout(t)
    expect(Result.isSuccess(layout)).toBe(true)
    if (Result.isFailure(layout)) return
    const published = Disclosure.publish(t, Disclosure.published(), layout.success)
    expect(Result.isSuccess(published)).toBe(true)
    if (Result.isFailure(published)) return
    const rows = published.success.table.rows
    // laboratori 1, 1, 1, 3: not people, never suppressed
    expect(rows.map((r) => r.laboratori)).toEqual([1, 1, 1, 3])
    // persons involved 8, 1, 0, 8: the 1 is primary; the column is a line with its _T row,
    // so a second cell goes: the smallest positive one, QA's 8 (before the _T row's 8)
    expect(rows.map((r) => r.personsInvolved)).toEqual([Table.suppressedMark, Table.suppressedMark, 0, 8])
    const personsLog = published.success.log.cells.filter((c) => c.column === "personsInvolved")
    expect(personsLog).toEqual([
      { row: 0, column: "personsInvolved", reason: "complementary", threshold: 5 },
      { row: 1, column: "personsInvolved", reason: "primary", threshold: 5 }
    ])
    // hours are not counts: published as they are
    expect(rows.map((r) => r.pathwayHours)).toEqual([6, 5, 2, 13])
  })
})

describe("ProgrammeResults.sessionEntries and pathwayEntries", () => {
  const cremona = IstatComune.knownComuni["019036"].istat
  const complesso: Site.Complesso = {
    id: Ids.SiteId.make("c-1"),
    quartiere: Site.QuartiereId.make("q-1"),
    address: "via Esempio 1",
    comune: cremona,
    owner: Ids.OrganisationId.make("aler"),
    housingUnits: 20
  }
  const household = (id: string, person: string, from: string, to?: string): Household.Household => ({
    id: Ids.HouseholdId.make(id),
    tenancy: { complesso: complesso.id, unit: id, leaseStart: d("2000-01-01"), sap: true },
    members: [
      {
        person: Ids.PersonId.make(person),
        relation: "intestatario",
        from: d(from),
        ...(to === undefined ? {} : { to: d(to) })
      }
    ],
    isee: [],
    arrears: []
  })
  // p1 lived in h1 until 2019-03-31, then in h2
  const households = [household("h1", "p1", "2000-01-01", "2019-03-31"), household("h2", "p1", "2019-04-01")]
  const register: AttendanceRegister.AttendanceRegister = {
    laboratori: [
      {
        id: Ids.LaboratorioId.make("L1"),
        project: Ids.ProjectId.make("P1"),
        site: complesso.id,
        name: "Laboratorio",
        presidio: { openingHours: [] },
        staff: []
      }
    ],
    activities: [{ id: "a1" as never, laboratorio: Ids.LaboratorioId.make("L1"), kind: "eventi-tematici" }],
    sessions: [
      { id: "s1" as Session.SessionId, activity: "a1" as never, date: d("2019-03-30"), durationMinutes: 60 },
      { id: "s2" as Session.SessionId, activity: "a1" as never, date: d("2019-04-02"), durationMinutes: 30 }
    ],
    attendance: [
      {
        session: "s1" as Session.SessionId,
        laboratorio: Ids.LaboratorioId.make("L1"),
        named: [Ids.PersonId.make("p1")],
        anonymous: 2
      },
      {
        session: "s2" as Session.SessionId,
        laboratorio: Ids.LaboratorioId.make("L1"),
        named: [Ids.PersonId.make("p1")],
        anonymous: 0
      }
    ]
  }
  const context = {
    projects: [{ id: Ids.ProjectId.make("P1"), call: Call.avviso2017.id }],
    complessi: [complesso],
    households
  }

  it("places each session and finds the household of each named person on its date", () => {
    const built = ProgrammeResults.sessionEntries(register, context)
    expect(built.problems).toEqual([])
    expect(built.entries.map((e) => [e.where, e.households])).toEqual([
      [{ project: "P1", programme: "por-fse-2014-2020-lombardia", quartiere: "q-1", comune: "019036" }, ["h1"]],
      [{ project: "P1", programme: "por-fse-2014-2020-lombardia", quartiere: "q-1", comune: "019036" }, ["h2"]]
    ])
    // p1 once, + largest head-count 2 = 3; households h1 and h2 (the same person moved)
    const f = ProgrammeResults.figuresFor(ProgrammeResults.compute(built.entries), "total")
    expect([f?.personsInvolved, f?.householdsReached, f?.sessionMinutes]).toEqual([3, 2, 90])
  })

  it("reports what it cannot place", () => {
    const built = ProgrammeResults.sessionEntries(register, { ...context, projects: [] })
    expect(built.entries).toEqual([])
    expect(built.problems).toEqual([
      "session s1: project P1 or its call is unknown",
      "session s2: project P1 or its call is unknown"
    ])
    expect(ProgrammeResults.pathwayEntries([w1], { ...context, households: [] }).problems).toEqual([
      "pathway w1: household h1 is unknown"
    ])
    // with the household known, w1 is placed in its complesso
    expect(ProgrammeResults.pathwayEntries([w1], context).entries.map((e) => e.where.quartiere)).toEqual(["q-1"])
  })
})
