/**
 * The use-cases, worked by hand on the memory store: a whole project life (registry, sessions,
 * eligibility, a pathway from referral to services, spending, a claim verified by the Region,
 * reports), and the refusals — not authorized, not found, stale version, bad input, broken
 * rule — each of which writes nothing.
 */
import { createHash } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Option, Stream } from "effect"
import { App, Collection, Store } from "../../src/index.js"
import * as F from "./fixtures.js"

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/** Canonical JSON written here (sorted keys, no whitespace), independently of the library. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  return JSON.stringify(value)
}
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")

// the requests of a pathway and of an eligibility check, as a portal sends them (AppRequests)
const { enrol, sapFacts } = F

const isee = { value: 1_200_000, dsuDate: "2019-03-01", validUntil: "2019-12-31" }

/** The store's state as a list of (collection, id, version) and the audit log's length. */
const state = Effect.gen(function* () {
  const store = yield* Store.Store
  const docs: Array<string> = []
  for (const c of App.Collections.all) {
    const all: ReadonlyArray<Store.Versioned<unknown>> = yield* Stream.runCollect(
      store.query(c as App.Collections.AnyCollection)
    )
    for (const d of all) docs.push(`${c.name}/${d.id}@${d.version}`)
  }
  return { docs, audit: (yield* F.auditLog).length }
})

const q = App.Quartieri.Quartieri

// ---------------------------------------------------------------------------------------------
// a whole project life
// ---------------------------------------------------------------------------------------------

describe("a project's life through the use-cases", () => {
  it.effect("every write is stored with its audit event, and the chain verifies", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* F.seedAll
      // 2 projects + 2 budgets + 3 laboratori + 3 households with 4 persons + 2 pathways + 2 expenditures
      expect((yield* F.auditLog).length).toBe(18)

      const h1 = yield* app.updateIsee(F.coordinator, { household: "h1", expectedVersion: 1, isee })
      expect([h1.version, h1.value.isee]).toEqual([2, [isee]])
      const arrears = { date: "2019-04-30", owed: 90_000, monthsInArrears: 3, cause: "incolpevole" }
      const h1b = yield* app.recordArrears(F.partner, { household: "h1", expectedVersion: 2, entry: arrears })
      expect([h1b.version, h1b.value.arrears, h1b.value.isee]).toEqual([3, [arrears], [isee]])

      const session = yield* app.recordSession(F.partner, {
        laboratorio: "l1",
        session: { id: "s1", activity: "l1-sportello", date: "2019-06-04", durationMinutes: 120 },
        attendance: { named: ["h1-a", "h1-b"], anonymous: 2 }
      })
      expect(session.session.value.kind).toBe("sportello-e-ascolto")
      expect(session.attendance?.value).toEqual({
        session: "s1",
        laboratorio: "l1",
        project: "p1",
        named: ["h1-a", "h1-b"],
        anonymous: 2
      })

      const decision = yield* app.evaluateEligibility(F.partner, {
        id: "d1",
        ruleSet: "sap-access",
        household: "h1",
        pathway: "w1",
        asOf: "2019-04-15",
        facts: sapFacts
      })
      expect(decision.value.decision.outcome).toBe("eligible")
      // the hash of the canonical inputs, computed here: { asOf, facts, ruleSet }
      const pse = "1.57"
      expect(decision.value.decision.inputHash).toBe(
        `sha256:${sha256(canonical({ asOf: "2019-04-15", facts: { ...sapFacts, pse }, ruleSet: { id: "sap-access", version: "1.0.0" } }))}`
      )

      const eligibility = { decisionId: "d1", outcome: "eligible", asOf: "2019-04-15" }
      let w1 = yield* app.movePathway(F.partner, {
        pathway: "w1",
        expectedVersion: 1,
        command: { command: "assess", date: "2019-05-02", eligibility }
      })
      w1 = yield* app.movePathway(F.partner, { pathway: "w1", expectedVersion: 2, command: enrol })
      w1 = yield* app.movePathway(F.partner, {
        pathway: "w1",
        expectedVersion: 3,
        command: { command: "start", date: "2019-06-01" }
      })
      w1 = yield* app.recordServiceDelivery(F.partner, {
        pathway: "w1",
        expectedVersion: 4,
        date: "2019-06-10",
        service: { kind: "guidance", hours: 2, organisation: "org-a" }
      })
      expect([w1.version, w1.value.state.status, w1.value.phase]).toEqual([5, "active", "participant"])

      yield* app.recordExpenditure(F.coordinator, F.expenditure("p1", "e3", "l-b", 300_000))
      const submitted = yield* app.submitClaim(F.coordinator, {
        project: "p1",
        claim: {
          number: 1,
          period: { start: "2019-01-01", end: "2019-06-30" },
          submittedOn: "2019-07-15",
          expenditures: ["e1", "e3"]
        }
      })
      expect([submitted.claim.id, submitted.budget.version, submitted.budget.value.claims]).toEqual(["p1:1", 2, 1])
      const verified = yield* app.verifyClaim(F.region, {
        project: "p1",
        number: 1,
        expectedVersion: 1,
        verifiedOn: "2019-10-01",
        verifiedAmount: 400_000
      })
      expect(verified.value.status).toEqual({ _tag: "Verified", verifiedOn: "2019-10-01", verifiedAmount: 400_000 })

      // 18 + isee + arrears + session and sheet + decision + 4 pathway moves + expenditure
      // + claim and budget + verification
      const log = yield* F.auditLog
      expect(log.length).toBe(31)
      expect(log.length).toBe(yield* F.committedWrites)
      const audit = yield* app.readAuditLog(F.auditor, {})
      expect(audit.chain).toEqual({ valid: true, count: 31, head: { seq: 31, hash: log[30]?.hash } })
      expect(log.slice(18).map((e) => `${e.actor} ${e.action} ${e.entity}/${e.id}`)).toEqual([
        "u-capofila household.isee households/h1",
        "u-partner household.arrears households/h1",
        "u-partner session.record sessions/s1",
        "u-partner attendance.record attendance/s1",
        "u-partner eligibility.decide eligibility_decisions/d1",
        "u-partner pathway.assess pathways/w1",
        "u-partner pathway.enrol pathways/w1",
        "u-partner pathway.start pathways/w1",
        "u-partner pathway.recordService pathways/w1",
        "u-capofila expenditure.record expenditures/e3",
        "u-capofila claim.submit claims/p1:1",
        "u-capofila budget.claim-counted budgets/p1",
        "u-region claim.verify claims/p1:1"
      ])
      // the audit log holds the hash of the stored document, not the document
      const store = yield* Store.Store
      const stored = Option.getOrThrow(yield* store.get(App.Collections.Households, "h1"))
      const encoded = yield* Collection.encode(App.Collections.Households, stored.value)
      expect(JSON.parse(encoded.json)).toEqual(h1b.value)
      expect(log[19]?.recordHash).toBe(sha256(canonical(JSON.parse(encoded.json))))
      expect(JSON.stringify(log)).not.toContain("incolpevole")

      // budget execution: claim 1 verified at € 4.000 over e1 (€ 1.200) and e3 (€ 3.000),
      // spread in proportion: 400 000 × 120 000 / 420 000 = 114 285,7 → 114 286 (largest
      // remainder), 400 000 × 300 000 / 420 000 = 285 714,3 → 285 714
      const internal = yield* app.runReport(F.coordinator, { report: "budget-execution", project: "p1" })
      expect(internal.disclosure).toBe("internal")
      const byPartner = internal.tables[0]
      expect(byPartner?.rows.map((r) => [r.partner, r.planned, r.claimed, r.verified])).toEqual([
        ["org-a", 10_000_000, 120_000, 114_286],
        ["org-b", 5_000_000, 300_000, 285_714],
        ["_T", 15_000_000, 420_000, 400_000]
      ])

      // involvement at p1: one session of 2 hours, 2 named + 2 anonymous = 4 persons; for the
      // Region a count of 4 is under the threshold of 5, and is suppressed
      const mine = yield* app.runReport(F.partner, { report: "involvement", project: "p1" })
      const theirs = yield* app.runReport(F.region, { report: "involvement", project: "p1" })
      const totalRow = (r: App.Reports.Report) => r.tables[0]?.rows.find((x) => x.kind === "_T")
      expect(totalRow(mine)).toMatchObject({ sessions: 1, hours: 2, attendances: 4, persons_involved: 4 })
      expect(theirs.disclosure).toBe("published")
      expect(totalRow(theirs)).toMatchObject({ sessions: 1, attendances: "●", persons_involved: "●" })
      expect(theirs.tables[0]?.suppression?.policy).toBe("published")

      // reports write nothing
      expect((yield* F.auditLog).length).toBe(31)
    }).pipe(Effect.provide(F.layer()))
  )
})

// ---------------------------------------------------------------------------------------------
// refusals write nothing
// ---------------------------------------------------------------------------------------------

describe("refusals", () => {
  it.effect("the policy: who may read a household, and NotFound only for those who could see it", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* F.seedAll
      const tag = (e: Effect.Effect<unknown, { readonly _tag: string }>) =>
        Effect.match(e, { onFailure: (x) => x._tag, onSuccess: () => "ok" })
      expect(yield* tag(app.getHousehold(F.region, { id: "h1" }))).toBe("NotAuthorized")
      expect(yield* tag(app.getHousehold(F.partner, { id: "h1" }))).toBe("ok")
      expect(yield* tag(app.getHousehold(F.partner, { id: "h2" }))).toBe("NotAuthorized")
      expect(yield* tag(app.getHousehold(F.coordinator, { id: "h3" }))).toBe("ok")
      expect(yield* tag(app.getHousehold(F.auditor, { id: "h3" }))).toBe("ok")
      // a household that does not exist: only the auditor, who may read every household, learns it
      expect(yield* tag(app.getHousehold(F.partner, { id: "h9" }))).toBe("NotAuthorized")
      expect(yield* tag(app.getHousehold(F.coordinator, { id: "h9" }))).toBe("NotAuthorized")
      expect(yield* tag(app.getHousehold(F.auditor, { id: "h9" }))).toBe("NotFound")
      // the partner's organisation is org-a: line l-b belongs to org-b
      expect(yield* tag(app.recordExpenditure(F.partner, F.expenditure("p1", "e8", "l-a")))).toBe("ok")
      expect(yield* tag(app.recordExpenditure(F.partner, F.expenditure("p1", "e9", "l-b")))).toBe("NotAuthorized")
      expect(yield* tag(app.readAuditLog(F.coordinator, {}))).toBe("NotAuthorized")
      expect(yield* tag(app.updateIsee(F.auditor, { household: "h1", expectedVersion: 1, isee }))).toBe("NotAuthorized")
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("a stale version is a Conflict and writes nothing", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* F.seedAll
      yield* app.updateIsee(F.coordinator, { household: "h1", expectedVersion: 1, isee })
      const before = yield* state
      const error = yield* Effect.flip(
        app.updateIsee(F.coordinator, {
          household: "h1",
          expectedVersion: 1,
          isee: { ...isee, dsuDate: "2019-04-01" }
        })
      )
      expect(error._tag === "StoreError" && [error.reason, error.expectedVersion, error.actualVersion]).toEqual([
        "Conflict",
        1,
        2
      ])
      expect(yield* state).toEqual(before)
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("bad input: every problem of actor and input at once, nothing read or written", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* F.seedAll
      const before = yield* state
      const good = F.household("h7", "p1", "l1", ["h7-a"])
      const error = yield* Effect.flip(
        app.registerHousehold(
          { _tag: "PartnerOperator", id: " ", organisation: "org-a", projects: ["p1"], laboratori: [], pathways: [] },
          {
            ...good,
            laboratorio: "l 1",
            household: { ...good.household, tenancy: { ...good.household.tenancy, unit: " " } },
            persons: [{ ...F.person("h7-a"), birthDate: "2019-02-30", codiceFiscale: "RSSMRA80A01H501X" }]
          }
        )
      )
      expect(error._tag).toBe("InvalidInput")
      if (error._tag !== "InvalidInput") return
      expect(error.problems.map((p) => p.path)).toEqual([
        "actor.id",
        "laboratorio",
        "household.tenancy.unit",
        "persons[0].codiceFiscale",
        "persons[0].birthDate"
      ])
      expect(yield* state).toEqual(before)
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("a refused pathway command writes nothing", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* F.seedAll
      const before = yield* state
      const error = yield* Effect.flip(
        app.movePathway(F.partner, {
          pathway: "w1",
          expectedVersion: 1,
          command: { command: "start", date: "2019-06-01" }
        })
      )
      expect(error._tag === "PathwayTransitionNotAllowed" && [error.state, error.reason]).toEqual([
        "candidate",
        "not-accepted"
      ])
      // an assessment must rest on a stored decision with the outcome it states
      const forged = yield* Effect.flip(
        app.movePathway(F.partner, {
          pathway: "w1",
          expectedVersion: 1,
          command: {
            command: "assess",
            date: "2019-05-02",
            eligibility: { decisionId: "d-none", outcome: "eligible", asOf: "2019-04-15" }
          }
        })
      )
      expect(forged._tag === "InvalidInput" && forged.problems).toEqual([
        { path: "command.eligibility", message: 'no eligibility decision "d-none" is stored' }
      ])
      expect(yield* state).toEqual(before)
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("registerHousehold: a mistyped member id is named at both ends, nothing written", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* F.seedAll
      const before = yield* state
      const request = F.household("h9", "p1", "l1", ["h9-a", "h9-b"])
      const [first, second] = request.household.members
      if (first === undefined || second === undefined) throw new Error("two members")
      // the second member typed as "h9-x", its person record supplied as "h9-b"
      const refused = yield* Effect.flip(
        app.registerHousehold(F.coordinator, {
          ...request,
          household: { ...request.household, members: [first, { ...second, person: "h9-x" }] }
        })
      )
      expect(refused._tag === "InvalidInput" && refused.problems).toEqual([
        { path: "persons[1].id", message: 'person "h9-b" is not a member of the household' },
        {
          path: "household.members[1].person",
          message:
            'member "h9-x" has no record among the persons supplied, which list "h9-b" instead: is one of the ids mistyped?'
        }
      ])
      expect(yield* state).toEqual(before)
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("registerProject: the call's partnership rules too, every violation, nothing written", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* F.seedAll
      const before = yield* state
      const p9 = F.project("p9")
      // without its two accredited labour operators, and ending after the avviso's latest end
      const members = p9.partnership.members.filter(
        (m) => m.organisation.id !== "coop-koala" && m.organisation.id !== "consorzio-mestieri"
      )
      const refused = yield* Effect.flip(
        app.registerProject(
          { _tag: "CapofilaCoordinator", id: "u-capofila", organisation: "comune-ripalta-cremasca", projects: ["p9"] },
          { ...p9, partnership: { members }, period: { start: "2019-01-01", end: "2020-08-31" } }
        )
      )
      expect(refused._tag === "ProjectStructureInvalid" && refused.violations.map((v) => v.rule)).toEqual([
        "project.latest-end",
        "partnership.labour-operator"
      ])
      expect(yield* state).toEqual(before)
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("budget rules: every violation, nothing written", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* F.seedAll
      const before = yield* state
      const late = F.expenditure("p1", "e5")
      const outside = yield* Effect.flip(
        app.recordExpenditure(F.coordinator, { ...late, expenditure: { ...late.expenditure, date: "2020-06-01" } })
      )
      expect(outside._tag === "BudgetRuleViolated" && outside.violations.map((v) => v.rule)).toEqual([
        "expenditure.outside-eligibility-period"
      ])
      const claim = {
        number: 2,
        period: { start: "2019-01-01", end: "2019-06-30" },
        submittedOn: "2019-07-15",
        expenditures: ["e1", "e2"]
      }
      const wrong = yield* Effect.flip(app.submitClaim(F.coordinator, { project: "p1", claim }))
      // claim 2 before claim 1, and e2 is an expenditure of p2
      expect(wrong._tag === "BudgetRuleViolated" && wrong.violations.map((v) => v.rule)).toEqual([
        "claim.number-not-next",
        "claim.unknown-expenditure"
      ])
      expect(yield* state).toEqual(before)
    }).pipe(Effect.provide(F.layer()))
  )
})
