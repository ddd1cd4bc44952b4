/**
 * Injection through the use-cases, on any Store adapter: every text field of every write
 * use-case's request — the actor's id included, which goes into the audit log — is replaced by
 * hostile text (SQL metacharacters, unicode, HTML), and the request is run on a seeded store
 * inside a rolled-back transaction (`StoreState.isolated`). The text must come back as data:
 * either the request is refused with a typed error located at that field (an id or a date that
 * the text is not; or by the policy or a rule, when the text is a well-formed id that names
 * nothing the actor may act on), or it succeeds and the very same string is read back from the
 * store. A store error is a failure: even a text no adapter can hold (U+0000, a lone surrogate)
 * must be refused by the decoding, at its field, before the store is reached. In
 * every case nothing breaks: no defect, every write has its audit event, the chain verifies, a
 * refusal writes nothing, and every collection still reads.
 *
 * @since 0.1.0
 */
import { App, Audit, type Store, type StoreError } from "@quartieri/core"
import { Effect, Exit, type Layer, Option, Result } from "effect"
import * as Fuzz from "../security/Fuzz.js"
import * as ErasureScenario from "./ErasureScenario.js"
import * as R from "./Requests.js"
import * as StoreState from "./StoreState.js"

type Name = App.Quartieri.UseCaseName

/**
 * A write request: the use-case, the actor and the input, valid on the seed
 * (`ErasureScenario.setup`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Target {
  readonly name: Name
  readonly actor: App.UseCase.ActorInput
  readonly input: unknown
}

const coordinator: App.UseCase.ActorInput = {
  _tag: "CapofilaCoordinator",
  id: "u-capofila",
  organisation: "comune-ripalta-cremasca",
  projects: ["p1", "p2", "p5"]
}
const isee = { value: 1_200_000, dsuDate: "2019-03-01", validUntil: "2019-12-31" }

/**
 * The seed the targets are valid on.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seed: Effect.Effect<void, never, App.Quartieri.Quartieri> = ErasureScenario.setup

/**
 * The use-cases over `store`, with the {@link seed} written once (see `StoreState.seeded`).
 *
 * @since 0.1.0
 * @category layers
 */
export const seeded = <ROut, E>(
  store: Layer.Layer<Store.Store | ROut, E>
): Layer.Layer<App.Quartieri.Quartieri | App.Quartieri.Areas | Store.Store | ROut, E> => StoreState.seeded(seed, store)

/**
 * Every write use-case, with a request that succeeds on the seed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const targets: ReadonlyArray<Target> = [
  { name: "registerProject", actor: coordinator, input: R.project("p5") },
  { name: "defineBudget", actor: coordinator, input: R.budget("p1", 1) },
  { name: "registerHousehold", actor: coordinator, input: R.household("h8", "p1", "l1", ["h8-a", "h8-b"]) },
  { name: "updateIsee", actor: coordinator, input: { household: "h1", expectedVersion: 1, isee } },
  {
    name: "recordArrears",
    actor: coordinator,
    input: {
      household: "h2",
      expectedVersion: 1,
      entry: {
        date: "2019-04-30",
        owed: 90_000,
        monthsInArrears: 3,
        cause: "incolpevole",
        repaymentPlan: { signedOn: "2019-04-30", instalments: 3, amount: 90_000 }
      }
    }
  },
  { name: "createLaboratorio", actor: coordinator, input: R.laboratorio("l8", "p1") },
  {
    name: "recordSession",
    actor: coordinator,
    input: {
      laboratorio: "l1",
      session: { id: "s8", activity: "l1-feste", date: "2019-06-04", durationMinutes: 120 },
      attendance: { named: ["h1-a"], anonymous: 2 }
    }
  },
  {
    name: "openPathway",
    actor: coordinator,
    input: { id: "w8", person: "h2-a", household: "h2", project: "p1", date: "2019-05-01" }
  },
  {
    name: "movePathway",
    actor: coordinator,
    input: { pathway: "w1", expectedVersion: 1, command: { command: "drop", date: "2019-06-01", reason: "trasferita" } }
  },
  {
    name: "recordServiceDelivery",
    actor: coordinator,
    input: {
      pathway: ErasureScenario.subject.pathway,
      expectedVersion: 5,
      date: "2019-06-12",
      service: { kind: "guidance", hours: 2, organisation: "org-a" }
    }
  },
  {
    name: "evaluateEligibility",
    actor: coordinator,
    input: { id: "d8", ruleSet: "sap-access", household: "h1", asOf: "2019-04-15", facts: R.sapFacts }
  },
  { name: "recordExpenditure", actor: coordinator, input: R.expenditure("p1", "e8") },
  {
    name: "submitClaim",
    actor: coordinator,
    input: {
      project: "p1",
      claim: {
        number: 1,
        period: { start: "2019-01-01", end: "2019-06-30" },
        submittedOn: "2019-07-15",
        expenditures: ["e1"]
      }
    }
  },
  { name: "erasePerson", actor: coordinator, input: { personId: "h1-b", reason: "objection" } }
]

/**
 * A text field of a target: the target and the path of a string in `{ actor, input }`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Field {
  readonly target: Target
  readonly path: Fuzz.Path
}

/**
 * The text a field holds in its target's valid request.
 *
 * @since 0.1.0
 * @category utils
 */
export const original = (field: Field): string =>
  Fuzz.get({ actor: field.target.actor, input: field.target.input }, field.path) as string

/**
 * Every text field of every target (every string of the actor and of the input).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fields: ReadonlyArray<Field> = targets.flatMap((target) =>
  Fuzz.stringPaths({ actor: target.actor, input: target.input }).map((path) => ({ target, path }))
)

/**
 * Whether the store keeps what `field` holds: its own value is not in the store before the
 * valid request and is read back after it. (A field whose value was already stored, such as the
 * actor's organisation, which a project's partnership also names, counts as not kept.) Fails
 * with the refusal when the valid request does not succeed on the seed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const persists = (
  field: Field
): Effect.Effect<boolean, StoreError.StoreError | string, App.Quartieri.Quartieri | Store.Store> =>
  Effect.flatMap(
    StoreState.isolated(
      Effect.gen(function* () {
        const q = yield* App.Quartieri.Quartieri
        const value = original(field)
        const present = Effect.map(StoreState.contents, (docs) => docs.some(([, , v]) => strings(v).includes(value)))
        const before = yield* present
        const method = q[field.target.name] as (a: unknown, i: unknown) => Effect.Effect<unknown, unknown>
        const exit = yield* Effect.exit(method(field.target.actor, field.target.input))
        if (Exit.isFailure(exit)) return `${field.target.name} fails on the seed: ${String(exit.cause)}`
        return !before && (yield* present)
      })
    ),
    (exit) =>
      Exit.isSuccess(exit)
        ? typeof exit.value === "string"
          ? Effect.fail(exit.value)
          : Effect.succeed(exit.value)
        : Effect.fail(String(exit.cause))
  )

/**
 * How a probe ended: the text was stored and read back, or refused (and how), and every broken
 * expectation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Probe {
  readonly label: string
  readonly outcome: "stored" | "accepted" | "refused" | "defect"
  readonly refusal?: string
  readonly problems: ReadonlyArray<string>
}

const strings = (value: unknown): ReadonlyArray<string> => {
  if (typeof value === "string") return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(strings)
  return []
}

const related = (problemPath: string, fieldPath: string): boolean =>
  problemPath === fieldPath ||
  fieldPath.startsWith(`${problemPath}.`) ||
  fieldPath.startsWith(`${problemPath}[`) ||
  problemPath.startsWith(`${fieldPath}.`) ||
  problemPath.startsWith(`${fieldPath}[`)

/**
 * Runs `field`'s target with `text` in the field, on the seeded store, rolled back afterwards,
 * and checks it (see the module header). The outcome is `stored` when the request succeeded and
 * the text is read back from the store, `accepted` when it succeeded without storing the text —
 * an error when `persisted` says the field is stored (find out with the field's own value:
 * the actor's scope, for one, is never stored).
 *
 * @since 0.1.0
 * @category constructors
 */
export const probe = (
  field: Field,
  text: string,
  persisted: boolean
): Effect.Effect<Probe, StoreError.StoreError, App.Quartieri.Quartieri | Store.Store> => {
  const where = Fuzz.formatPath(field.path)
  const label = `${field.target.name} ${where} = ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)}`
  const request = Fuzz.setAt({ actor: field.target.actor, input: field.target.input }, field.path, text) as {
    readonly actor: unknown
    readonly input: unknown
  }
  return Effect.map(
    StoreState.isolated(
      Effect.gen(function* () {
        const q = yield* App.Quartieri.Quartieri
        const problems: Array<string> = []
        const before = yield* StoreState.documents
        const logBefore = (yield* StoreState.auditLog).length
        const method = q[field.target.name] as (a: unknown, i: unknown) => Effect.Effect<unknown, unknown>
        const exit = yield* Effect.exit(Effect.suspend(() => method(request.actor, request.input)))
        const error = Exit.isFailure(exit) ? Option.getOrUndefined(Exit.findErrorOption(exit)) : undefined
        // every collection still reads, whatever happened
        const contents = yield* StoreState.contents
        const log = yield* StoreState.auditLog
        if (log.length !== (yield* StoreState.committedWrites)) problems.push("a write without its audit event")
        if (!Result.isSuccess(Audit.verify(log))) problems.push("the audit chain does not verify")
        if (Exit.isSuccess(exit)) {
          const stored = new Set([...contents.flatMap(([, , v]) => strings(v)), ...log.map((e) => e.actor)])
          if (stored.has(text)) return { label, outcome: "stored" as const, problems }
          if (persisted) problems.push("accepted, but the text is not stored as given")
          return { label, outcome: "accepted" as const, problems }
        }
        if (error === undefined) return { label, outcome: "defect" as const, problems: [...problems, "a defect"] }
        const e = error as {
          readonly _tag?: string
          readonly reason?: string
          readonly problems?: ReadonlyArray<{ readonly path: string }>
        }
        if (JSON.stringify(yield* StoreState.documents) !== JSON.stringify(before))
          problems.push("a refusal changed the store")
        if (log.length !== logBefore) problems.push("a refusal appended to the audit log")
        const refusal = e._tag === "StoreError" ? `StoreError ${e.reason}` : String(e._tag)
        const fieldPath = field.path[0] === "actor" ? where : Fuzz.formatPath(field.path.slice(1))
        if (e._tag === "InvalidInput") {
          if (!(e.problems ?? []).some((p) => related(p.path, fieldPath)))
            problems.push(`refused at ${(e.problems ?? []).map((p) => p.path).join(", ")}, not at ${fieldPath}`)
        } else if (e._tag === "StoreError") problems.push(`refused by the store (${refusal}), not by the decoding`)
        // any other typed refusal (NotAuthorized, NotFound, a rule's error) took the text as data:
        // as an id or a scope that names nothing the actor may act on
        return { label, outcome: "refused" as const, refusal, problems }
      })
    ),
    (exit): Probe =>
      Exit.isSuccess(exit)
        ? exit.value
        : {
            label,
            outcome: "defect",
            problems: [`the probe itself failed: ${String(Exit.isFailure(exit) ? exit.cause : "")}`]
          }
  )
}
