/**
 * The access policy through the use-cases: for random actors × operations × records, an
 * operation is refused with `NotAuthorized` exactly when the spec table (docs/concepts/
 * access.md, restated below without the library's helpers) says so; a Region officer never
 * receives personal data; every committed write has its audit event, a refused operation
 * writes nothing, and the audit chain verifies.
 */
import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Effect, Exit, Option, Result, Stream } from "effect"
import { App, Audit, Store } from "../../src/index.js"
import * as F from "./fixtures.js"

// ---------------------------------------------------------------------------------------------
// the spec table, written independently
// ---------------------------------------------------------------------------------------------

type Actor = App.UseCase.ActorInput
type Kind =
  | "household"
  | "person"
  | "pathway"
  | "attendance"
  | "eligibility-decision"
  | "laboratorio"
  | "session"
  | "project"
  | "budget"
  | "expenditure"
  | "claim"
  | "report"
  | "audit-log"
interface Resource {
  readonly kind: Kind
  readonly project?: string
  readonly laboratorio?: string
  readonly pathway?: string
  readonly organisation?: string
}
type Action = "read" | "write" | "verify"

const personal = new Set<Kind>(["household", "person", "pathway", "attendance", "eligibility-decision"])
const spec = (actor: Actor, action: Action, r: Resource): boolean => {
  if (actor._tag === "Auditor") return action === "read"
  if (r.kind === "audit-log") return false
  if (actor._tag === "RegionOfficer") {
    if (personal.has(r.kind)) return false
    return action === "read" || (action === "verify" && r.kind === "claim")
  }
  if (action === "verify") return false
  const inProject = r.project !== undefined && actor.projects.includes(r.project)
  if (actor._tag === "CapofilaCoordinator") return inProject
  const serves =
    (r.laboratorio !== undefined && actor.laboratori.includes(r.laboratorio)) ||
    (r.pathway !== undefined && actor.pathways.includes(r.pathway))
  if (!inProject) return false
  if (personal.has(r.kind)) return serves
  if (action === "write") return serves || r.organisation === actor.organisation
  return true
}

// ---------------------------------------------------------------------------------------------
// the records, as seeded (see fixtures.seedAll and the extra seed below)
// ---------------------------------------------------------------------------------------------

const labs = { l1: "p1", l2: "p1", l3: "p2" } as const
const households = { h1: ["p1", "l1"], h2: ["p1", "l2"], h3: ["p2", "l3"] } as const
const persons = { "h1-a": "h1", "h1-b": "h1", "h2-a": "h2", "h3-a": "h3" } as const
const pathways = { w1: ["p1", "h1"], w2: ["p2", "h3"] } as const
const decisions = { d1: ["h1", "w1"], d3: ["h3", undefined] } as const
const lines = { "l-a": "org-a", "l-b": "org-b" } as const
type Lab = keyof typeof labs
type Hh = keyof typeof households
type Pw = keyof typeof pathways

const sapFacts = {
  citizenship: "italiana",
  residesOrWorksInLombardy: true,
  yearsInLombardy: 6,
  isee: 1_200_000,
  patrimonio: 2_000_000,
  householdSize: 2,
  pse: "1.57",
  ownsAdequateDwelling: false
}

const seed = Effect.gen(function* () {
  const q = yield* App.Quartieri.Quartieri
  yield* F.seedAll
  yield* q.evaluateEligibility(F.coordinator, {
    id: "d1",
    ruleSet: "sap-access",
    household: "h1",
    pathway: "w1",
    asOf: "2019-04-15",
    facts: sapFacts
  })
  yield* q.evaluateEligibility(F.coordinator, {
    id: "d3",
    ruleSet: "sap-access",
    household: "h3",
    asOf: "2019-04-15",
    facts: sapFacts
  })
  for (const [project, e] of [
    ["p1", "e1"],
    ["p2", "e2"]
  ] as const)
    yield* q.submitClaim(F.coordinator, {
      project,
      claim: {
        number: 1,
        period: { start: "2019-01-01", end: "2019-06-30" },
        submittedOn: "2019-07-15",
        expenditures: [e]
      }
    })
  yield* q.recordExpenditure(F.coordinator, F.expenditure("p1", "e1b"))
  yield* q.recordExpenditure(F.coordinator, F.expenditure("p2", "e2b"))
})

const versionOf = (collection: App.Collections.AnyCollection, id: string) =>
  Effect.flatMap(Store.Store, (store) =>
    Effect.map(store.get(collection, id), (d) => Option.match(d, { onNone: () => 1, onSome: (x) => x.version }))
  )

// ---------------------------------------------------------------------------------------------
// operations: what each does, on which resources the policy is asked, and whether it succeeds
// when allowed (otherwise the allowed outcome may be a rule's refusal, never NotAuthorized)
// ---------------------------------------------------------------------------------------------

interface Operation {
  readonly name: string
  readonly checks: ReadonlyArray<readonly [Action, Resource]>
  readonly succeeds: boolean
  readonly run: (
    q: App.Quartieri.Service,
    actor: Actor
  ) => Effect.Effect<unknown, { readonly _tag: string }, Store.Store>
}

const hhScope = (h: Hh) => ({ project: households[h][0], laboratorio: households[h][1] })
const pwScope = (w: Pw) => ({ project: pathways[w][0], pathway: w })
const isee = { value: 1_100_000, dsuDate: "2019-05-01", validUntil: "2019-12-31" }

const operations: ReadonlyArray<Operation> = [
  ...(Object.keys(households) as Array<Hh>).flatMap(
    (h): ReadonlyArray<Operation> => [
      {
        name: `getHousehold ${h}`,
        checks: [["read", { kind: "household", ...hhScope(h) }]],
        succeeds: true,
        run: (q, a) => q.getHousehold(a, { id: h })
      },
      {
        name: `updateIsee ${h}`,
        checks: [["write", { kind: "household", ...hhScope(h) }]],
        succeeds: true,
        run: (q, a) =>
          Effect.flatMap(versionOf(App.Collections.Households, h), (v) =>
            q.updateIsee(a, { household: h, expectedVersion: v, isee })
          )
      },
      {
        name: `recordArrears ${h}`,
        checks: [["write", { kind: "household", ...hhScope(h) }]],
        succeeds: true,
        run: (q, a) =>
          Effect.flatMap(versionOf(App.Collections.Households, h), (v) =>
            q.recordArrears(a, {
              household: h,
              expectedVersion: v,
              entry: { date: "2019-05-31", owed: 60_000, monthsInArrears: 2, cause: "unknown" }
            })
          )
      },
      {
        name: `evaluateEligibility ${h}`,
        checks: [["write", { kind: "eligibility-decision", ...hhScope(h) }]],
        succeeds: true,
        run: (q, a) =>
          q.evaluateEligibility(a, {
            id: "d-new",
            ruleSet: "sap-access",
            household: h,
            asOf: "2019-04-15",
            facts: sapFacts
          })
      },
      {
        name: `openPathway for ${h}`,
        checks: [["write", { kind: "pathway", project: households[h][0], pathway: "w3" }]],
        succeeds: true,
        run: (q, a) =>
          q.openPathway(a, {
            id: "w3",
            person: `${h}-a`,
            household: h,
            project: households[h][0],
            date: "2019-05-01"
          })
      }
    ]
  ),
  ...(Object.keys(persons) as Array<keyof typeof persons>).map(
    (p): Operation => ({
      name: `getPerson ${p}`,
      checks: [["read", { kind: "person", ...hhScope(persons[p]) }]],
      succeeds: true,
      run: (q, a) => q.getPerson(a, { id: p })
    })
  ),
  ...(Object.keys(labs) as Array<Lab>).flatMap(
    (l): ReadonlyArray<Operation> => [
      {
        name: `getLaboratorio ${l}`,
        checks: [["read", { kind: "laboratorio", project: labs[l], laboratorio: l }]],
        succeeds: true,
        run: (q, a) => q.getLaboratorio(a, { id: l })
      },
      {
        name: `listHouseholds ${l}`,
        checks: [
          ["read", { kind: "laboratorio", project: labs[l], laboratorio: l }],
          ["read", { kind: "household", project: labs[l], laboratorio: l }]
        ],
        succeeds: true,
        run: (q, a) => q.listHouseholds(a, { laboratorio: l })
      },
      {
        name: `registerHousehold in ${l}`,
        checks: [
          ["write", { kind: "household", project: labs[l], laboratorio: l }],
          ["write", { kind: "person", project: labs[l], laboratorio: l }]
        ],
        succeeds: true,
        run: (q, a) => q.registerHousehold(a, F.household("h9", labs[l], l, ["h9-a"]))
      },
      {
        name: `recordSession at ${l}`,
        checks: [
          ["write", { kind: "session", project: labs[l], laboratorio: l }],
          ["write", { kind: "attendance", project: labs[l], laboratorio: l }]
        ],
        succeeds: true,
        run: (q, a) =>
          q.recordSession(a, {
            laboratorio: l,
            session: { id: "s9", activity: `${l}-feste`, date: "2019-06-04", durationMinutes: 90 },
            attendance: { anonymous: 12 }
          })
      }
    ]
  ),
  ...(["p1", "p2"] as const).map(
    (p): Operation => ({
      name: `createLaboratorio l4 in ${p}`,
      checks: [["write", { kind: "laboratorio", project: p, laboratorio: "l4" }]],
      succeeds: true,
      run: (q, a) => q.createLaboratorio(a, F.laboratorio("l4", p))
    })
  ),
  ...(Object.keys(pathways) as Array<Pw>).flatMap(
    (w): ReadonlyArray<Operation> => [
      {
        name: `getPathway ${w}`,
        checks: [["read", { kind: "pathway", ...pwScope(w) }]],
        succeeds: true,
        run: (q, a) => q.getPathway(a, { id: w })
      },
      {
        name: `movePathway ${w} assess`,
        checks: [["write", { kind: "pathway", ...pwScope(w) }]],
        succeeds: true,
        run: (q, a) =>
          q.movePathway(a, {
            pathway: w,
            expectedVersion: 1,
            command: {
              command: "assess",
              date: "2019-05-02",
              eligibility: { decisionId: w === "w1" ? "d1" : "d3", outcome: "eligible", asOf: "2019-04-15" }
            }
          })
      },
      {
        name: `recordServiceDelivery ${w} (a candidate: refused by the state machine)`,
        checks: [["write", { kind: "pathway", ...pwScope(w) }]],
        succeeds: false,
        run: (q, a) =>
          q.recordServiceDelivery(a, {
            pathway: w,
            expectedVersion: 1,
            date: "2019-06-10",
            service: { kind: "guidance", hours: 2, organisation: "org-a" }
          })
      }
    ]
  ),
  ...(Object.keys(decisions) as Array<keyof typeof decisions>).map((d): Operation => {
    const [h, w] = decisions[d]
    return {
      name: `getDecision ${d}`,
      checks: [["read", { kind: "eligibility-decision", ...hhScope(h), ...(w === undefined ? {} : { pathway: w }) }]],
      succeeds: true,
      run: (q, a) => q.getDecision(a, { id: d })
    }
  }),
  ...(["p1", "p2"] as const).flatMap(
    (p): ReadonlyArray<Operation> => [
      {
        name: `getProject ${p}`,
        checks: [["read", { kind: "project", project: p }]],
        succeeds: true,
        run: (q, a) => q.getProject(a, { id: p })
      },
      {
        name: `getBudget ${p}`,
        checks: [["read", { kind: "budget", project: p }]],
        succeeds: true,
        run: (q, a) => q.getBudget(a, { project: p })
      },
      {
        name: `defineBudget ${p} (revision)`,
        checks: [["write", { kind: "budget", project: p }]],
        succeeds: true,
        run: (q, a) => Effect.flatMap(versionOf(App.Collections.Budgets, p), (v) => q.defineBudget(a, F.budget(p, v)))
      },
      {
        name: `submitClaim ${p}`,
        checks: [
          ["write", { kind: "claim", project: p }],
          ["write", { kind: "budget", project: p }]
        ],
        succeeds: true,
        run: (q, a) =>
          q.submitClaim(a, {
            project: p,
            claim: {
              number: 2,
              period: { start: "2019-07-01", end: "2019-12-31" },
              submittedOn: "2020-01-15",
              expenditures: [p === "p1" ? "e1b" : "e2b"]
            }
          })
      },
      {
        name: `verifyClaim ${p}:1`,
        checks: [["verify", { kind: "claim", project: p }]],
        succeeds: true,
        run: (q, a) =>
          q.verifyClaim(a, {
            project: p,
            number: 1,
            expectedVersion: 1,
            verifiedOn: "2019-10-01",
            verifiedAmount: 100_000
          })
      },
      {
        name: `runReport involvement ${p}`,
        checks: [["read", { kind: "report", project: p }]],
        succeeds: true,
        run: (q, a) => q.runReport(a, { report: "involvement", project: p })
      },
      {
        name: `runReport budget-execution ${p}`,
        checks: [["read", { kind: "report", project: p }]],
        succeeds: true,
        run: (q, a) => q.runReport(a, { report: "budget-execution", project: p })
      },
      {
        name: `runReport indicators ${p}`,
        checks: [["read", { kind: "report", project: p }]],
        succeeds: true,
        run: (q, a) =>
          q.runReport(a, {
            report: "indicators",
            project: p,
            set: "esf-2014",
            period: { start: "2019-01-01", end: "2020-12-31" }
          })
      }
    ]
  ),
  ...(Object.keys(lines) as Array<keyof typeof lines>).flatMap((line) =>
    (["p1", "p2"] as const).map(
      (p): Operation => ({
        name: `recordExpenditure ${p} on ${line}`,
        checks: [["write", { kind: "expenditure", project: p, organisation: lines[line] }]],
        succeeds: true,
        run: (q, a) => q.recordExpenditure(a, F.expenditure(p, "e9", line))
      })
    )
  ),
  {
    name: "registerProject p3",
    checks: [["write", { kind: "project", project: "p3" }]],
    succeeds: true,
    run: (q, a) => q.registerProject(a, F.project("p3"))
  },
  {
    name: "readAuditLog",
    checks: [["read", { kind: "audit-log" }]],
    succeeds: true,
    run: (q, a) => q.readAuditLog(a, { limit: 5 })
  }
]

const operation = fc.constantFrom(...operations)

// ---------------------------------------------------------------------------------------------
// actors
// ---------------------------------------------------------------------------------------------

const subset = <A>(values: ReadonlyArray<A>) => fc.subarray([...values])
const actor: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant<Actor>(F.region),
  fc.constant<Actor>(F.auditor),
  fc
    .record({ organisation: fc.constantFrom("org-a", "org-b"), projects: subset(["p1", "p2", "p3"]) })
    .map((x): Actor => ({ _tag: "CapofilaCoordinator", id: "u-c", ...x })),
  fc
    .record({
      organisation: fc.constantFrom("org-a", "org-b"),
      projects: subset(["p1", "p2"]),
      laboratori: subset(["l1", "l2", "l3", "l4"]),
      pathways: subset(["w1", "w2", "w3"])
    })
    .map((x): Actor => ({ _tag: "PartnerOperator", id: "u-o", ...x }))
)

// ---------------------------------------------------------------------------------------------
// what a Region officer must never receive
// ---------------------------------------------------------------------------------------------

// keys that only personal records have (a project's partnership also has "members": of organisations)
const personalKeys = new Set([
  "isee",
  "arrears",
  "tenancy",
  "socialServices",
  "birthDate",
  "codiceFiscale",
  "citizenship",
  "labourMarket",
  "specialCategory",
  "enrolment",
  "named",
  "decision"
])
const personalValues = new Set([...Object.keys(households), ...Object.keys(persons)])

/** Every personal key or id found in `value`, with its path. */
const personalData = (value: unknown, path = "$"): ReadonlyArray<string> => {
  if (typeof value === "string") return personalValues.has(value) ? [`${path} = ${value}`] : []
  if (Array.isArray(value)) return value.flatMap((v, i) => personalData(v, `${path}[${i}]`))
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => [
      ...(personalKeys.has(k) ? [`${path}.${k}`] : []),
      ...personalData(v, `${path}.${k}`)
    ])
  return []
}

// ---------------------------------------------------------------------------------------------
// the property
// ---------------------------------------------------------------------------------------------

const snapshot = Effect.gen(function* () {
  const store = yield* Store.Store
  const docs: Array<string> = []
  for (const c of App.Collections.all) {
    const all: ReadonlyArray<Store.Versioned<unknown>> = yield* Stream.runCollect(
      store.query(c as App.Collections.AnyCollection)
    )
    for (const d of all) docs.push(`${c.name}/${d.id}@${d.version}`)
  }
  return docs
})

const check = (a: Actor, op: Operation) =>
  Effect.gen(function* () {
    const q = yield* App.Quartieri.Quartieri
    yield* seed
    const before = yield* snapshot
    const logBefore = (yield* F.auditLog).length
    const exit = yield* Effect.exit(op.run(q, a))
    const allowed = op.checks.every(([action, r]) => spec(a, action, r))
    const outcome = Exit.isSuccess(exit)
      ? "ok"
      : Option.match(Exit.findErrorOption(exit), { onNone: () => "defect", onSome: (e) => e._tag })
    const label = `${a._tag} ${JSON.stringify(a)} — ${op.name}`
    if (!allowed) expect(outcome, label).toBe("NotAuthorized")
    else if (op.succeeds) expect(outcome, label).toBe("ok")
    else expect(outcome, label).not.toMatch(/^(NotAuthorized|defect)$/)

    // no write without its audit event; a refusal writes nothing; the chain verifies
    const log = yield* F.auditLog
    expect(log.length, label).toBe(yield* F.committedWrites)
    if (outcome !== "ok") {
      expect(yield* snapshot, label).toEqual(before)
      expect(log.length, label).toBe(logBefore)
    }
    expect(Result.isSuccess(Audit.verify(log)), label).toBe(true)

    // a Region officer never receives personal data, and reports reach them published only
    if (a._tag === "RegionOfficer" && Exit.isSuccess(exit)) {
      expect(personalData(exit.value), label).toEqual([])
      const report = exit.value as Partial<App.Reports.Report>
      for (const t of report.tables ?? []) {
        expect(t.suppression?.policy, label).toBe("published")
        expect(
          t.columns.filter((c) => c.sensitivity !== "none"),
          label
        ).toEqual([])
      }
    }
  }).pipe(Effect.provide(F.layer()))

describe("the policy through the use-cases", () => {
  // every operation for a partner operator, whose rights depend most on their scope (project,
  // laboratori, pathways, organisation); the other roles are met often by the random runs below
  const scoped: ReadonlyArray<Actor> = [F.partner]
  it.live(
    "every operation, for a partner operator of p1 at l1 and w1",
    () =>
      Effect.forEach(scoped, (a) => Effect.forEach(operations, (op) => check(a, op), { discard: true }), {
        discard: true
      }),
    30_000
  )

  test.prop([actor, operation], { numRuns: 120 })(
    "refused exactly when the spec table says so; no write without its audit event",
    (a, op) => Effect.runPromise(check(a, op))
  )
})
