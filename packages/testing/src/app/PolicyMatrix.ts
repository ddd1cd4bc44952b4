/**
 * The access policy through the use-cases, on any Store adapter: for an actor and an
 * operation, the operation must be refused with `NotAuthorized` exactly when the spec table of
 * docs/concepts/access.md (restated here without the library's helpers) says so; a refusal
 * writes nothing; every committed write has its audit event; the audit chain verifies; and a
 * Region officer never receives personal data. {@link check} runs one pair on a seeded store
 * inside a transaction that is rolled back (`StoreState.isolated`), so a SQLite file or a
 * PostgreSQL database is seeded once for thousands of runs.
 *
 * @since 0.1.0
 */
import { App, Audit, Store, type StoreError } from "@quartieri/core"
import { Effect, Exit, type Layer, Option, Result } from "effect"
import * as fc from "fast-check"
import * as R from "./Requests.js"
import * as StoreState from "./StoreState.js"

// ---------------------------------------------------------------------------------------------
// the spec table, written independently
// ---------------------------------------------------------------------------------------------

type Actor = App.UseCase.ActorInput

/**
 * The kinds of resource of the spec table.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind =
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

/**
 * A resource as the spec table sees it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Resource {
  readonly kind: Kind
  readonly project?: string
  readonly laboratorio?: string
  readonly pathway?: string
  readonly organisation?: string
}

/**
 * What an operation asks: read, write, verify — and `erase`, a write that only a capofila
 * coordinator may make (GDPR art. 17, the controller's decision).
 *
 * @since 0.1.0
 * @category models
 */
export type Action = "read" | "write" | "verify" | "erase"

const personal = new Set<Kind>(["household", "person", "pathway", "attendance", "eligibility-decision"])

/**
 * The spec table of docs/concepts/access.md: whether `actor` may do `action` on `r`.
 *
 * @since 0.1.0
 * @category rules
 */
export const spec = (actor: Actor, action: Action, r: Resource): boolean => {
  if (action === "erase") return actor._tag === "CapofilaCoordinator" && spec(actor, "write", r)
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
// the records, as seeded
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

/**
 * The seed of the matrix: `Requests.seedAll`, two eligibility decisions (d1 for h1 and w1, d3
 * for h3), claim 1 of each project and one more expenditure each.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seed: Effect.Effect<void, never, App.Quartieri.Quartieri> = Effect.gen(function* () {
  const q = yield* App.Quartieri.Quartieri
  yield* R.seedAll
  yield* q.evaluateEligibility(R.coordinator, {
    id: "d1",
    ruleSet: "sap-access",
    household: "h1",
    pathway: "w1",
    asOf: "2019-04-15",
    facts: R.sapFacts
  })
  yield* q.evaluateEligibility(R.coordinator, {
    id: "d3",
    ruleSet: "sap-access",
    household: "h3",
    asOf: "2019-04-15",
    facts: R.sapFacts
  })
  for (const [project, e] of [
    ["p1", "e1"],
    ["p2", "e2"]
  ] as const)
    yield* q.submitClaim(R.coordinator, {
      project,
      claim: {
        number: 1,
        period: { start: "2019-01-01", end: "2019-06-30" },
        submittedOn: "2019-07-15",
        expenditures: [e]
      }
    })
  yield* q.recordExpenditure(R.coordinator, R.expenditure("p1", "e1b"))
  yield* q.recordExpenditure(R.coordinator, R.expenditure("p2", "e2b"))
}).pipe(Effect.orDie)

/**
 * The use-cases over `store`, with the {@link seed} written once when the layer is built (see
 * `StoreState.seeded`).
 *
 * @since 0.1.0
 * @category layers
 */
export const seeded = <ROut, E>(
  store: Layer.Layer<Store.Store | ROut, E>
): Layer.Layer<App.Quartieri.Quartieri | App.Quartieri.Areas | Store.Store | ROut, E> => StoreState.seeded(seed, store)

const versionOf = (collection: App.Collections.AnyCollection, id: string) =>
  Effect.flatMap(Store.Store, (store) =>
    Effect.map(store.get(collection, id), (d) => Option.match(d, { onNone: () => 1, onSome: (x) => x.version }))
  )

// ---------------------------------------------------------------------------------------------
// operations
// ---------------------------------------------------------------------------------------------

/**
 * An operation: what it does, on which resources the policy is asked, and whether it succeeds
 * when allowed (otherwise the allowed outcome may be a rule's refusal, never `NotAuthorized`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Operation {
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

/**
 * Every operation of the matrix: each use-case on records of both projects, of every
 * laboratorio and pathway.
 *
 * @since 0.1.0
 * @category constructors
 */
export const operations: ReadonlyArray<Operation> = [
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
            facts: R.sapFacts
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
  ...(Object.keys(persons) as Array<keyof typeof persons>).flatMap(
    (p): ReadonlyArray<Operation> => [
      {
        name: `getPerson ${p}`,
        checks: [["read", { kind: "person", ...hhScope(persons[p]) }]],
        succeeds: true,
        run: (q, a) => q.getPerson(a, { id: p })
      },
      {
        name: `erasePerson ${p}`,
        checks: [["erase", { kind: "person", ...hhScope(persons[p]) }]],
        succeeds: true,
        run: (q, a) => q.erasePerson(a, { personId: p, reason: "consent-withdrawn" })
      }
    ]
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
        run: (q, a) => q.registerHousehold(a, R.household("h9", labs[l], l, ["h9-a"]))
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
      run: (q, a) => q.createLaboratorio(a, R.laboratorio("l4", p))
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
        run: (q, a) => Effect.flatMap(versionOf(App.Collections.Budgets, p), (v) => q.defineBudget(a, R.budget(p, v)))
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
        run: (q, a) => q.recordExpenditure(a, R.expenditure(p, "e9", line))
      })
    )
  ),
  {
    name: "registerProject p3",
    checks: [["write", { kind: "project", project: "p3" }]],
    succeeds: true,
    run: (q, a) => q.registerProject(a, R.project("p3"))
  },
  {
    name: "readAuditLog",
    checks: [["read", { kind: "audit-log" }]],
    succeeds: true,
    run: (q, a) => q.readAuditLog(a, { limit: 5 })
  }
]

/**
 * A random operation.
 *
 * @since 0.1.0
 * @category constructors
 */
export const operation: fc.Arbitrary<Operation> = fc.constantFrom(...operations)

const subset = <A>(values: ReadonlyArray<A>) => fc.subarray([...values])

/**
 * A random actor of any role, with a random scope over the seeded projects, laboratori and
 * pathways (and some that do not exist).
 *
 * @since 0.1.0
 * @category constructors
 */
export const actor: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant<Actor>(R.region),
  fc.constant<Actor>(R.auditor),
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
  "decision",
  "erased"
])
const personalValues = new Set([...Object.keys(households), ...Object.keys(persons)])

/**
 * Every personal key or id of the seed found in `value`, with its path.
 *
 * @since 0.1.0
 * @category utils
 */
export const personalData = (value: unknown, path = "$"): ReadonlyArray<string> => {
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
// the check
// ---------------------------------------------------------------------------------------------

/**
 * What one run found: the outcome (`ok`, an error tag, or `defect`), whether the spec allows it,
 * and every broken expectation (empty when the run is right).
 *
 * @since 0.1.0
 * @category models
 */
export interface Verdict {
  readonly label: string
  readonly outcome: string
  readonly allowed: boolean
  readonly problems: ReadonlyArray<string>
}

/**
 * Runs `op` as `actor` on the seeded store (see {@link seeded}), rolled back afterwards, and
 * checks it: refused with `NotAuthorized` exactly when the spec says so, otherwise a success
 * (or, for an operation that the rules refuse, a typed error that is not `NotAuthorized`); a
 * refusal writes nothing and appends no audit entry; committed writes equal audit entries; the
 * chain verifies; a Region officer's result holds no personal key or id, and reports reach them
 * published, with no personal column.
 *
 * @since 0.1.0
 * @category constructors
 */
export const check = (
  a: Actor,
  op: Operation
): Effect.Effect<Verdict, StoreError.StoreError, App.Quartieri.Quartieri | Store.Store> =>
  Effect.flatMap(
    StoreState.isolated(
      Effect.gen(function* () {
        const q = yield* App.Quartieri.Quartieri
        const label = `${a._tag} ${JSON.stringify(a)} — ${op.name}`
        const problems: Array<string> = []
        const before = yield* StoreState.documents
        const logBefore = (yield* StoreState.auditLog).length
        const exit = yield* Effect.exit(op.run(q, a))
        const allowed = op.checks.every(([action, r]) => spec(a, action, r))
        const outcome = Exit.isSuccess(exit)
          ? "ok"
          : Option.match(Exit.findErrorOption(exit), { onNone: () => "defect", onSome: (e) => e._tag })
        if (!allowed && outcome !== "NotAuthorized") problems.push(`expected NotAuthorized, got ${outcome}`)
        if (allowed && op.succeeds && outcome !== "ok") problems.push(`expected success, got ${outcome}`)
        if (allowed && !op.succeeds && (outcome === "NotAuthorized" || outcome === "defect"))
          problems.push(`expected a rule's refusal, got ${outcome}`)
        const log = yield* StoreState.auditLog
        const after = yield* StoreState.documents
        const writes = after.reduce((sum, d) => sum + Number(d.slice(d.lastIndexOf("@") + 1)), 0)
        if (log.length !== writes) problems.push(`${writes} committed writes but ${log.length} audit entries`)
        if (outcome !== "ok") {
          if (JSON.stringify(after) !== JSON.stringify(before)) problems.push("a refused operation changed the store")
          if (log.length !== logBefore) problems.push("a refused operation appended to the audit log")
        }
        if (!Result.isSuccess(Audit.verify(log))) problems.push("the audit chain does not verify")
        if (a._tag === "RegionOfficer" && Exit.isSuccess(exit)) {
          for (const leak of personalData(exit.value)) problems.push(`the Region received ${leak}`)
          const report = exit.value as Partial<App.Reports.Report>
          for (const t of report.tables ?? []) {
            if (t.suppression?.policy !== "published") problems.push(`table ${t.id} reached the Region unpublished`)
            for (const c of t.columns.filter((c) => c.sensitivity !== "none"))
              problems.push(`table ${t.id} reached the Region with the ${c.sensitivity} column ${c.id}`)
          }
        }
        return { label, outcome, allowed, problems }
      })
    ),
    (exit) =>
      Exit.isSuccess(exit)
        ? Effect.succeed(exit.value)
        : Effect.succeed({
            label: `${a._tag} — ${op.name}`,
            outcome: "defect",
            allowed: false,
            problems: [`the check itself failed: ${String(Exit.isFailure(exit) ? exit.cause : "")}`]
          })
  )
