/**
 * Decoding at the API boundary: every use-case, given random JSON (or a valid request with a
 * random part replaced or removed), never throws or dies, returns every problem, and writes
 * nothing unless the request was valid — in which case every write has its audit event.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Fuzz } from "@quartieri/testing"
import { Effect, Exit, ManagedRuntime, Option, Result, Stream } from "effect"
import { App, Audit, Store } from "../../src/index.js"
import * as F from "./fixtures.js"

type Name = App.Quartieri.UseCaseName

const isee = { value: 1_200_000, dsuDate: "2019-03-01", validUntil: "2019-12-31" }

/** A valid request of every use-case on the seeded store (fixtures.seedAll). */
const templates: { readonly [K in Name]: unknown } = {
  registerProject: F.project("p5"),
  defineBudget: F.budget("p1", 1),
  getProject: { id: "p1" },
  getBudget: { project: "p1" },
  registerHousehold: F.household("h8", "p1", "l1", ["h8-a", "h8-b"]),
  updateIsee: { household: "h1", expectedVersion: 1, isee },
  recordArrears: {
    household: "h2",
    expectedVersion: 1,
    entry: { date: "2019-04-30", owed: 90_000, monthsInArrears: 3, cause: "incolpevole" }
  },
  getHousehold: { id: "h1" },
  getPerson: { id: "h1-a" },
  listHouseholds: { laboratorio: "l1" },
  erasePerson: { personId: "h2-a", reason: "consent-withdrawn" },
  createLaboratorio: F.laboratorio("l8", "p1"),
  recordSession: {
    laboratorio: "l1",
    session: { id: "s8", activity: "l1-sportello", date: "2019-06-04", durationMinutes: 120 },
    attendance: { named: ["h1-a"], anonymous: 2 }
  },
  getLaboratorio: { id: "l1" },
  openPathway: { id: "w8", person: "h2-a", household: "h2", project: "p1", date: "2019-05-01" },
  movePathway: {
    pathway: "w1",
    expectedVersion: 1,
    command: { command: "drop", date: "2019-06-01", reason: "trasferita" }
  },
  recordServiceDelivery: {
    pathway: "w2",
    expectedVersion: 1,
    date: "2019-06-10",
    service: { kind: "guidance", hours: 2, organisation: "org-a" }
  },
  getPathway: { id: "w1" },
  evaluateEligibility: {
    id: "d8",
    ruleSet: "sap-access",
    household: "h1",
    asOf: "2019-04-15",
    facts: { citizenship: "italiana", isee: 1_200_000, pse: "1.57" }
  },
  getDecision: { id: "d8" },
  recordExpenditure: F.expenditure("p1", "e8"),
  submitClaim: {
    project: "p1",
    claim: {
      number: 1,
      period: { start: "2019-01-01", end: "2019-06-30" },
      submittedOn: "2019-07-15",
      expenditures: ["e1"]
    }
  },
  verifyClaim: { project: "p2", number: 1, expectedVersion: 1, verifiedOn: "2019-10-01", verifiedAmount: 100_000 },
  runReport: {
    report: "indicators",
    project: "p1",
    set: "esf-2014",
    period: { start: "2019-01-01", end: "2020-12-31" }
  },
  readAuditLog: { after: 0, limit: 10 }
}

/** Who runs each request: someone allowed to, so that only the input decides. */
const actorFor = (name: Name): App.UseCase.ActorInput =>
  name === "readAuditLog"
    ? F.auditor
    : name === "verifyClaim"
      ? F.region
      : {
          _tag: "CapofilaCoordinator",
          id: "u-capofila",
          organisation: "comune-ripalta-cremasca",
          projects: ["p1", "p2", "p5"]
        }

// one seeded store for the whole file: a request that decodes badly writes nothing, so runs do
// not disturb each other (the mutated-request property checks its own writes)
const runtime = ManagedRuntime.make(F.layer())
const ready = runtime.runPromise(F.seedAll)
afterAll(() => runtime.dispose())

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

interface Outcome {
  readonly exit: Exit.Exit<unknown, unknown>
  readonly before: { readonly docs: ReadonlyArray<string>; readonly audit: number }
  readonly after: { readonly docs: ReadonlyArray<string>; readonly audit: number }
  readonly writes: number
  readonly chainVerifies: boolean
}

const call = (name: Name, actor: unknown, input: unknown): Promise<Outcome> =>
  ready.then(() =>
    runtime.runPromise(
      Effect.gen(function* () {
        const q = yield* App.Quartieri.Quartieri
        const before = yield* state
        const method = q[name] as (a: unknown, i: unknown) => Effect.Effect<unknown, unknown>
        // a synchronous throw would escape the Effect: catch it so the test reports it
        const exit = yield* Effect.exit(Effect.suspend(() => method(actor, input)))
        const after = yield* state
        const log = yield* F.auditLog
        return {
          exit,
          before,
          after,
          writes: yield* F.committedWrites,
          chainVerifies: Result.isSuccess(Audit.verify(log))
        }
      })
    )
  )

const failureOf = (exit: Exit.Exit<unknown, unknown>) =>
  Exit.isFailure(exit) ? Exit.findErrorOption(exit) : Option.none()

const expectWellFormed = (o: Outcome, label: string, input?: unknown) => {
  // never a defect: a success or a typed failure
  expect(Exit.isSuccess(o.exit) || Option.isSome(failureOf(o.exit)), label).toBe(true)
  const failure = Option.getOrUndefined(failureOf(o.exit)) as { readonly _tag?: string } | undefined
  if (failure?._tag === "InvalidInput") {
    const problems = (failure as unknown as { readonly problems: ReadonlyArray<{ path: unknown; message: unknown }> })
      .problems
    expect(problems.length, label).toBeGreaterThan(0)
    for (const p of problems) expect([typeof p.path, typeof p.message], label).toEqual(["string", "string"])
    // every problem of a request that is a record names its field
    expect(Fuzz.unlocated(input, problems as ReadonlyArray<{ path: string; message: string }>), label).toBeUndefined()
  }
  // every committed write has its audit event, and the chain verifies
  expect(o.after.audit, label).toBe(o.writes)
  expect(o.chainVerifies, label).toBe(true)
  // a failure writes nothing
  if (Exit.isFailure(o.exit)) expect(o.after, label).toEqual(o.before)
}

const names = App.Quartieri.useCases
const name = fc.constantFrom(...names)

/** Replaces (or removes) the value at a random path of a JSON value. */
const mutate = (value: unknown, path: ReadonlyArray<number>, replacement: unknown, remove: boolean): unknown => {
  if (value === null || typeof value !== "object") return replacement
  const keys = Object.keys(value)
  const [step, ...rest] = path
  if (keys.length === 0 || step === undefined) return replacement
  const key = keys[step % keys.length] as string
  const child = (value as Record<string, unknown>)[key]
  if (Array.isArray(value)) {
    const copy = [...value]
    copy[Number(key)] = mutate(child, rest, replacement, remove)
    return copy
  }
  if (remove && rest.length === 0) {
    const { [key]: _removed, ...others } = value as Record<string, unknown>
    return others
  }
  return { ...value, [key]: mutate(child, rest, replacement, remove) }
}

// Fuzz.runs() per property: 1,000 (100,000 under QUARTIERI_SOAK=1)
const runs = Fuzz.runs()
const timeout = Fuzz.timeout(120_000)

describe("decoding at the API boundary", () => {
  test.prop([name, fc.jsonValue()], { numRuns: runs })(
    "random JSON: never throws, typed failure, nothing written",
    (n, input) =>
      call(n, actorFor(n), input).then((o) => {
        expectWellFormed(o, `${n} ${JSON.stringify(input)}`, input)
        expect(o.after, n).toEqual(o.before)
      }),
    timeout
  )

  test.prop([name, fc.jsonValue(), fc.jsonValue()], { numRuns: runs })(
    "a random actor and input",
    (n, actor, input) =>
      call(n, actor, input).then((o) => {
        expectWellFormed(o, `${n} ${JSON.stringify(actor)} ${JSON.stringify(input)}`, input)
        expect(o.after, n).toEqual(o.before)
      }),
    timeout
  )

  test.prop([name, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), fc.boolean()], {
    numRuns: runs
  })(
    "a valid request with one part replaced or removed: no write without its audit event",
    (n, path, value, remove) => {
      const input = mutate(templates[n], path, value, remove)
      return call(n, actorFor(n), input).then((o) => expectWellFormed(o, `${n} ${JSON.stringify(input)}`, input))
    },
    timeout
  )

  // the generic near-valid mutations of the decoders' fuzzing, on every use-case's request
  test.prop([name.chain((n) => Fuzz.mutation(templates[n]).map((m) => ({ n, ...m })))], { numRuns: runs })(
    "a valid request with one field mutated (type, range, unicode, size, missing or extra key)",
    ({ n, input, mutation }) =>
      call(n, actorFor(n), input).then((o) =>
        expectWellFormed(o, `${n} ${mutation.kind} at ${Fuzz.formatPath(mutation.path)}`, input)
      ),
    timeout
  )

  // every problem at once: the actor and (up to) two fields broken together, all reported
  it.each(names.map((n) => [n] as const))("%s reports every problem", async (n) => {
    const template = templates[n] as Record<string, unknown>
    const broken = n === "runReport" ? ["project", "period"] : Object.keys(template).slice(0, 2)
    const input = Object.fromEntries(Object.entries(template).map(([k, v]) => [k, broken.includes(k) ? null : v]))
    const o = await call(n, { ...F.coordinator, id: "" }, input)
    const failure = Option.getOrUndefined(failureOf(o.exit)) as
      | { readonly _tag: string; readonly problems: ReadonlyArray<{ readonly path: string }> }
      | undefined
    expect(failure?._tag).toBe("InvalidInput")
    const paths = new Set(failure?.problems.map((p) => p.path))
    for (const expected of ["actor.id", ...broken]) expect([...paths], n).toContain(expected)
    expect(o.after).toEqual(o.before)
  })

  it("the templates are valid requests", async () => {
    // the checks above are only meaningful if the unbroken requests decode
    for (const n of names) {
      const o = await call(n, actorFor(n), templates[n])
      const failure = Option.getOrUndefined(failureOf(o.exit)) as { readonly _tag?: string } | undefined
      expect([n, failure?._tag]).not.toEqual([n, "InvalidInput"])
    }
  })
})
