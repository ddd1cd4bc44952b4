import { describe, expect, it } from "@effect/vitest"
import { SeedProjects } from "@quartieri/testing"
import { Result, Schema } from "effect"
import { Calendar, Call, Project } from "../src/index.js"

const d = Calendar.unsafeMake

// IntERPreti di cambiamento as the seed data gives it (@quartieri/testing, docs/concepts/
// seed-projects.md): period 2019-01-01 (the seed's "da gennaio 2019") to 2020-05-16 (the avviso's
// latest end) — no other date is known; two sub-projects 9.4.2 and 9.1.3; four complexes.
const seedProject = SeedProjects.interpreti.project
if (seedProject === undefined) throw new Error("the IntERPreti seed has a project record")
const interpretiInput: Project.ProjectEncoded = seedProject
const [lab, inclusione] = interpretiInput.subProjects
if (lab === undefined || inclusione === undefined) throw new Error("the IntERPreti seed has two sub-projects")

const decodeSync = Schema.decodeUnknownSync(Project.Project)
const interpreti = decodeSync(interpretiInput)
const variant = (patch: Partial<Project.ProjectEncoded>) => decodeSync({ ...interpretiInput, ...patch })

const violationsOf = (r: Result.Result<void, Project.ProjectStructureInvalid>) =>
  Result.isFailure(r) ? r.failure.violations.map((v) => [v.rule, v.subject, v.message]) : []

describe("Project.checkStructure, 2017 avviso", () => {
  it("IntERPreti di cambiamento is valid", () => {
    expect(Project.checkStructure(Call.avviso2017, interpreti)).toEqual(Result.void)
  })

  it("without the inclusione attiva it fails with that violation only", () => {
    const r = Project.checkStructure(Call.avviso2017, variant({ subProjects: [lab] }))
    expect(violationsOf(r)).toEqual([
      [
        "project.required-sub-project",
        "inclusione-attiva",
        "the project has no Active inclusion (inclusione attiva) sub-project: the call requires one on azione 9.1.3"
      ]
    ])
    expect(Result.isFailure(r) && r.failure.violations[0]?.messageIt).toBe(
      "il progetto non ha il sottoprogetto Inclusione attiva: l'avviso lo richiede sull'azione 9.1.3"
    )
  })

  it("ending after 16/05/2020 fails (the whole 'biennio 2019/2020' is not allowed)", () => {
    const r = Project.checkStructure(Call.avviso2017, variant({ period: { start: "2019-01-01", end: "2020-12-31" } }))
    expect(violationsOf(r)).toEqual([
      [
        "project.latest-end",
        "interpreti-di-cambiamento",
        "the project ends on 2020-12-31, after 2020-05-16, the latest end the call allows"
      ]
    ])
    expect(Result.isFailure(r) && r.failure.violations[0]?.source.confidence).toBe("confirmed")
  })

  it("lasting more than 24 months fails", () => {
    const r = Project.checkStructure(Call.avviso2017, variant({ period: { start: "2018-01-01", end: "2020-05-16" } }))
    expect(violationsOf(r)).toEqual([
      [
        "project.max-duration",
        "interpreti-di-cambiamento",
        "the project runs from 2018-01-01 to 2020-05-16, more than 24 months: starting on 2018-01-01 it must end by 2020-01-01"
      ]
    ])
    expect(Result.isFailure(r) && r.failure.violations[0]?.messageIt).toBe(
      "il progetto dura dal 2018-01-01 al 2020-05-16, più di 24 mesi: iniziando il 2018-01-01 deve concludersi entro il 2020-01-01"
    )
  })

  it("24 months end on the same-numbered day (art. 2963 c.c., our reading)", () => {
    const ok = variant({ period: { start: "2018-05-16", end: "2020-05-16" } })
    expect(Project.checkStructure(Call.avviso2017, ok)).toEqual(Result.void)
    const oneDayMore = variant({ period: { start: "2018-05-15", end: "2020-05-16" } })
    expect(violationsOf(Project.checkStructure(Call.avviso2017, oneDayMore)).map((v) => v[0])).toEqual([
      "project.max-duration"
    ])
  })

  it("reports every violation at once, in order", () => {
    const r = Project.checkStructure(
      Call.avviso2017,
      variant({
        subProjects: [
          { ...lab, action: "9.1.3" },
          { id: "extra", kind: "laboratorio-sociale", action: "K.1" }
        ],
        period: { start: "2019-01-01", end: "2021-06-30" }
      })
    )
    expect(violationsOf(r).map(([rule, subject]) => [rule, subject])).toEqual([
      ["project.sub-project-action", "interpreti-laboratorio-sociale"],
      ["project.sub-project-action", "extra"],
      ["project.required-sub-project", "inclusione-attiva"],
      ["project.action-not-in-call", "extra"],
      ["project.max-duration", "interpreti-di-cambiamento"],
      ["project.latest-end", "interpreti-di-cambiamento"]
    ])
    expect(Result.isFailure(r) && r.failure.violations[3]?.message).toBe(
      "sub-project extra is on azione K.1, which the call does not fund (it funds 9.4.2, 9.1.3)"
    )
  })

  it("the error says how many rules are broken, in English and Italian", () => {
    const r = Project.checkStructure(
      Call.avviso2017,
      variant({ subProjects: [lab], period: { start: "2019-01-01", end: "2020-12-31" } })
    )
    expect(Result.isFailure(r) && r.failure._tag).toBe("ProjectStructureInvalid")
    expect(Result.isFailure(r) && r.failure.message).toBe(
      "the project breaks 2 rules of its call: the project has no Active inclusion (inclusione attiva) sub-project: the call requires one on azione 9.1.3; the project ends on 2020-12-31, after 2020-05-16, the latest end the call allows"
    )
    expect(Result.isFailure(r) && r.failure.messageIt).toBe(
      "il progetto viola 2 regole dell'avviso: il progetto non ha il sottoprogetto Inclusione attiva: l'avviso lo richiede sull'azione 9.1.3; il progetto termina il 2020-12-31, dopo il 2020-05-16, termine ultimo fissato dall'avviso"
    )
  })

  it("a period without an end cannot respect the limits", () => {
    const r = Project.checkStructure(Call.avviso2017, variant({ period: { start: "2019-01-01" } }))
    expect(violationsOf(r)).toEqual([
      [
        "project.period-open-ended",
        "interpreti-di-cambiamento",
        "the project period has no end: the call limits its duration"
      ]
    ])
  })

  it("a limit not yet in force at the date asked is reported, not skipped", () => {
    const r = Project.checkStructure(Call.avviso2017, interpreti, { asOf: d("2017-01-01") })
    expect(violationsOf(r).map((v) => v[0])).toEqual(["project.limit-not-in-force", "project.limit-not-in-force"])
  })
})

describe("Project.checkRegistration: structure and partnership together", () => {
  const rulesOf = (r: Result.Result<void, Project.ProjectStructureInvalid>) =>
    Result.isFailure(r) ? r.failure.violations.map((v) => v.rule) : []
  // the seed partnership without its two accredited labour operators (Cooperativa Koala and
  // Consorzio Mestieri): the 2017 avviso wants one (partnership.labour-operator)
  const withoutLabour = {
    members: interpretiInput.partnership.members.filter(
      (m) => m.organisation.id !== "coop-koala" && m.organisation.id !== "consorzio-mestieri"
    )
  }

  it("IntERPreti di cambiamento as seeded passes both", () => {
    expect(Project.checkRegistration(Call.avviso2017, interpreti)).toEqual(Result.void)
  })

  it("a partnership the call refuses is a violation of the registration, with its rule and source", () => {
    const r = Project.checkRegistration(Call.avviso2017, variant({ partnership: withoutLabour }))
    expect(rulesOf(r)).toEqual(["partnership.labour-operator"])
    expect(Result.isFailure(r) && r.failure.violations[0]?.source.act).toContain("15/11/2017")
    // the structure alone is fine: checkStructure does not look at the partnership
    expect(Project.checkStructure(Call.avviso2017, variant({ partnership: withoutLabour }))).toEqual(Result.void)
  })

  it("every violation at once: an end after the avviso's latest end and the missing labour operator", () => {
    const r = Project.checkRegistration(
      Call.avviso2017,
      variant({ partnership: withoutLabour, period: { start: "2019-01-01", end: "2020-08-31" } })
    )
    expect(rulesOf(r)).toEqual(["project.latest-end", "partnership.labour-operator"])
  })

  it("Abitare la Comunità as seeded: only its end (agosto 2020) is refused; its partnership passes", () => {
    const seed = SeedProjects.abitareLaComunita.project
    if (seed === undefined) throw new Error("the Abitare la Comunità seed has a project record")
    expect(rulesOf(Project.checkRegistration(Call.avviso2017, decodeSync(seed)))).toEqual(["project.latest-end"])
  })
})

describe("Project.checkStructure, other calls", () => {
  it("IntERPreti checked against the Milano call: wrong call, and 9.1.3 is not funded there", () => {
    const r = Project.checkStructure(Call.milanoDgr2717, interpreti)
    expect(violationsOf(r).map(([rule, subject]) => [rule, subject])).toEqual([
      ["project.call", "interpreti-di-cambiamento"],
      ["project.action-not-in-call", "interpreti-inclusione-attiva"]
    ])
  })

  it("the Milano call sets no sub-projects and no duration limit (none was found)", () => {
    const p = variant({ call: "milano-dgr-xi-2717-2019", subProjects: [lab], period: { start: "2020-11-01" } })
    expect(Project.checkStructure(Call.milanoDgr2717, p)).toEqual(Result.void)
  })
})

describe("Project decoding", () => {
  it("a CUP is checked when present", () => {
    // J51H17000030007 is a real CUP from facts.md §4.3, not IntERPreti's (unknown).
    expect(Project.decode({ ...interpretiInput, cup: "J51H17000030007" })._tag).toBe("Success")
    const r = Project.decode({ ...interpretiInput, cup: "J51H1700003000" })
    expect(Result.isFailure(r) && r.failure.problems).toEqual([
      { path: "cup", message: "expected 15 characters, got 14" }
    ])
  })

  it("lists every problem with its path", () => {
    const r = Project.decode({
      ...interpretiInput,
      subProjects: [lab, { ...inclusione, kind: "inclusione", action: "9.9.9" }],
      sites: ["crema-ombriano", "crema-ombriano"],
      period: { start: "2020-05-16", end: "2019-01-01" },
      targets: [{ indicator: "personalised-pathways", value: -1 }],
      status: { status: "funded" }
    })
    expect(Result.isFailure(r) && r.failure.problems.map((p) => p.path)).toEqual([
      "subProjects[1].kind",
      "subProjects[1].action",
      "sites[1]",
      "period.end",
      "targets[0].value",
      "status.since"
    ])
    expect(Result.isFailure(r) && r.failure.problems[2]?.message).toBe(
      'site "crema-ombriano" is listed twice (positions 1 and 2)'
    )
  })
})
