/**
 * Use-cases of the registry of households and persons: register a household with its members'
 * person records, record a new ISEE attestation, record the rent-arrears situation on a date,
 * and read them. A household belongs to a project and to the laboratorio that works with it:
 * that is the scope a partner operator is allowed to see.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Result, Schema } from "effect"
import * as Household from "../Household.js"
import * as Ids from "../Ids.js"
import type * as InvalidInput from "../InvalidInput.js"
import * as Person from "../Person.js"
import * as Store from "../Store.js"
import * as Collections from "./Collections.js"
import { PersonErased } from "./Erasure.js"
import type { NotFound } from "./NotFound.js"
import * as Records from "./Records.js"
import * as UseCase from "./UseCase.js"

/**
 * Input of `registerHousehold`: the project and laboratorio that work with the household, the
 * household, and the person records of its members (each a member of the household, listed
 * once; members without a record are allowed: the registry then says "undetermined").
 *
 * @since 0.1.0
 * @category models
 */
export const RegisterHouseholdInput = Schema.Struct({
  project: Ids.ProjectId,
  laboratorio: Ids.LaboratorioId,
  household: Household.Household,
  persons: Schema.optionalKey(Schema.Array(Person.Person))
}).pipe(
  Schema.check(
    Schema.makeFilter(
      (r: {
        readonly household: { readonly members: ReadonlyArray<{ readonly person: string }> }
        readonly persons?: ReadonlyArray<{ readonly id: string }>
      }) => {
        const members = new Set(r.household.members.map((m) => m.person))
        const seen = new Map<string, number>()
        const issues: Array<Schema.FilterIssue> = []
        ;(r.persons ?? []).forEach((p, i) => {
          if (!members.has(p.id))
            issues.push({
              path: ["persons", i, "id"],
              issue: `person ${JSON.stringify(p.id)} is not a member of the household`
            })
          const earlier = seen.get(p.id)
          if (earlier === undefined) seen.set(p.id, i)
          else
            issues.push({
              path: ["persons", i, "id"],
              issue: `person ${JSON.stringify(p.id)} is listed twice (positions ${earlier + 1} and ${i + 1})`
            })
        })
        // a supplied person who is not a member, beside a member without a supplied record: most
        // likely one id mistyped on one side, so the member's field is named too (a form shows
        // the problem next to both)
        const supplied = new Set((r.persons ?? []).map((p) => p.id))
        const strays = (r.persons ?? []).filter((p) => !members.has(p.id)).map((p) => JSON.stringify(p.id))
        if (strays.length > 0)
          r.household.members.forEach((m, j) => {
            if (!supplied.has(m.person))
              issues.push({
                path: ["household", "members", j, "person"],
                issue: `member ${JSON.stringify(m.person)} has no record among the persons supplied, which list ${strays.join(", ")} instead: is one of the ids mistyped?`
              })
          })
        return issues.length === 0 ? true : issues
      }
    )
  )
)
/** @since 0.1.0 @category models */
export type RegisterHouseholdInput = typeof RegisterHouseholdInput.Encoded

/**
 * Input of `updateIsee`: the household, the version read, and the ISEE attestation (it
 * replaces an attestation with the same DSU date: a corrected one).
 *
 * @since 0.1.0
 * @category models
 */
export const UpdateIseeInput = Schema.Struct({
  household: Ids.HouseholdId,
  expectedVersion: Records.ExpectedVersion,
  isee: Household.Isee
})
/** @since 0.1.0 @category models */
export type UpdateIseeInput = typeof UpdateIseeInput.Encoded

/**
 * Input of `recordArrears`: the household, the version read, and the arrears situation on a
 * date (it replaces an entry of the same date).
 *
 * @since 0.1.0
 * @category models
 */
export const RecordArrearsInput = Schema.Struct({
  household: Ids.HouseholdId,
  expectedVersion: Records.ExpectedVersion,
  entry: Household.ArrearsEntry
})
/** @since 0.1.0 @category models */
export type RecordArrearsInput = typeof RecordArrearsInput.Encoded

/**
 * Input of `getHousehold`: the household's id.
 *
 * @since 0.1.0
 * @category models
 */
export const GetHouseholdInput = Schema.Struct({ id: Ids.HouseholdId })
/** @since 0.1.0 @category models */
export type GetHouseholdInput = typeof GetHouseholdInput.Encoded

/**
 * Input of `getPerson`: the person's id.
 *
 * @since 0.1.0
 * @category models
 */
export const GetPersonInput = Schema.Struct({ id: Ids.PersonId })
/** @since 0.1.0 @category models */
export type GetPersonInput = typeof GetPersonInput.Encoded

/**
 * Input of `listHouseholds`: the laboratorio.
 *
 * @since 0.1.0
 * @category models
 */
export const ListHouseholdsInput = Schema.Struct({ laboratorio: Ids.LaboratorioId })
/** @since 0.1.0 @category models */
export type ListHouseholdsInput = typeof ListHouseholdsInput.Encoded

/**
 * What `registerHousehold` wrote: the household and its persons, with their versions.
 *
 * @since 0.1.0
 * @category models
 */
export interface Registered {
  readonly household: Store.Versioned<Records.HouseholdRecord>
  readonly persons: ReadonlyArray<Store.Versioned<Records.PersonRecord>>
}

/**
 * The registry use-cases.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Registers a household and its members' person records, all or nothing. */
  readonly registerHousehold: (actor: UseCase.ActorInput, input: unknown) => Effect.Effect<Registered, UseCase.Failure>
  /** Records an ISEE attestation of a household. */
  readonly updateIsee: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.HouseholdRecord>, UseCase.Failure | NotFound>
  /** Records the rent-arrears situation of a household on a date. */
  readonly recordArrears: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.HouseholdRecord>, UseCase.Failure | NotFound>
  /** Reads a household. */
  readonly getHousehold: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.HouseholdRecord>, UseCase.Failure | NotFound>
  /** Reads a person (`PersonErased` once the person has been erased, to those in scope). */
  readonly getPerson: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.PersonRecord>, UseCase.Failure | NotFound | PersonErased>
  /** Lists the households of a laboratorio, in id order. */
  readonly listHouseholds: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<ReadonlyArray<Store.Versioned<Records.HouseholdRecord>>, UseCase.Failure | NotFound>
}

/**
 * The registry use-cases' service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Registry extends Context.Service<Registry, Service>()("@quartieri/core/app/Registry") {}

// ---------------------------------------------------------------------------------------------
// rules
// ---------------------------------------------------------------------------------------------

/**
 * The household with `isee` recorded: it replaces the attestation with the same DSU date, if
 * any; attestations stay in DSU date order.
 *
 * @since 0.1.0
 * @category rules
 */
export const withIsee = <H extends Household.Household>(household: H, isee: Household.Isee): H => ({
  ...household,
  isee: [...household.isee.filter((r) => r.dsuDate !== isee.dsuDate), isee].sort((a, b) =>
    a.dsuDate < b.dsuDate ? -1 : a.dsuDate > b.dsuDate ? 1 : 0
  )
})

/**
 * The household with the arrears `entry` recorded: it replaces the entry of the same date, if
 * any; entries stay in date order.
 *
 * @since 0.1.0
 * @category rules
 */
export const withArrears = <H extends Household.Household>(household: H, entry: Household.ArrearsEntry): H => ({
  ...household,
  arrears: [...household.arrears.filter((e) => e.date !== entry.date), entry].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0
  )
})

/**
 * The scope of a household for the policy.
 *
 * @since 0.1.0
 * @category utils
 */
export const householdScope = (h: Records.HouseholdRecord) =>
  ({ kind: "household", project: h.project, laboratorio: h.laboratorio }) as const

// Person.decode also reports the cross-field rules of a person whose other fields are wrong.
const personProblems = (input: unknown): ReadonlyArray<InvalidInput.Problem> => {
  const persons = (input as { readonly persons?: unknown } | null)?.persons
  if (!Array.isArray(persons)) return []
  return persons.flatMap((raw: unknown, i) => {
    const decoded = Person.decode(raw)
    return Result.isSuccess(decoded)
      ? []
      : decoded.failure.problems.map((p) => ({ path: UseCase.prefixPath(`persons[${i}]`, p.path), message: p.message }))
  })
}

const decodeRegister = UseCase.decodeRequest(RegisterHouseholdInput, "registerHousehold", (input) =>
  typeof input === "object" && input !== null ? personProblems(input) : []
)
const decodeIsee = UseCase.decodeRequest(UpdateIseeInput, "updateIsee")
const decodeArrears = UseCase.decodeRequest(RecordArrearsInput, "recordArrears")
const decodeGetHousehold = UseCase.decodeRequest(GetHouseholdInput, "getHousehold")
const decodeGetPerson = UseCase.decodeRequest(GetPersonInput, "getPerson")
const decodeList = UseCase.decodeRequest(ListHouseholdsInput, "listHouseholds")

/**
 * Builds the registry use-cases on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const registerHousehold: Service["registerHousehold"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeRegister(actor, input)
      const scope = { project: req.project, laboratorio: req.laboratorio }
      yield* UseCase.authorize(who, "write", { kind: "household", ...scope })
      yield* UseCase.authorize(who, "write", { kind: "person", ...scope })
      const lab = yield* store.get(Collections.Laboratori, req.laboratorio)
      if (lab._tag === "None" || lab.value.value.project !== req.project)
        return yield* UseCase.invalid("registerHousehold", {
          path: "laboratorio",
          message:
            lab._tag === "None"
              ? `laboratorio ${JSON.stringify(req.laboratorio)} does not exist`
              : `laboratorio ${JSON.stringify(req.laboratorio)} is not a laboratorio of project ${JSON.stringify(req.project)}`
        })
      const household: Records.HouseholdRecord = { ...req.household, ...scope }
      const persons: ReadonlyArray<Records.PersonRecord> = (req.persons ?? []).map((p) => ({
        ...p,
        ...scope,
        household: household.id
      }))
      const versions = yield* UseCase.commit(store, who, [
        UseCase.write(Collections.Households, household, 0, "household.register"),
        ...persons.map((p) => UseCase.write(Collections.Persons, p, 0, "person.register"))
      ])
      return {
        household: { id: household.id, version: versions[0] ?? 1, value: household },
        persons: persons.map((p, i) => ({ id: p.id, version: versions[i + 1] ?? 1, value: p }))
      }
    })

  const updateHousehold =
    <I extends { readonly household: Ids.HouseholdId; readonly expectedVersion: number }>(
      decode: (actor: unknown, input: unknown) => Effect.Effect<UseCase.Request<I>, InvalidInput.InvalidInput>,
      operation: string,
      action: string,
      change: (household: Records.HouseholdRecord, input: I) => Records.HouseholdRecord
    ) =>
    (actor: UseCase.ActorInput, input: unknown) =>
      Effect.gen(function* () {
        const { actor: who, input: req } = yield* decode(actor, input)
        const current = yield* UseCase.load(store, Collections.Households, req.household, {
          actor: who,
          action: "write",
          kind: "household",
          scope: householdScope
        })
        yield* UseCase.expectVersion(Collections.Households, current, req.expectedVersion, operation)
        const updated = change(current.value, req)
        return yield* UseCase.commitOne(store, who, Collections.Households, updated, req.expectedVersion, action)
      })

  const updateIsee: Service["updateIsee"] = updateHousehold(decodeIsee, "updateIsee", "household.isee", (h, req) =>
    withIsee(h, req.isee)
  )

  const recordArrears: Service["recordArrears"] = updateHousehold(
    decodeArrears,
    "recordArrears",
    "household.arrears",
    (h, req) => withArrears(h, req.entry)
  )

  const getHousehold: Service["getHousehold"] = (actor, input) =>
    Effect.gen(function* () {
      const request = yield* decodeGetHousehold(actor, input)
      return yield* UseCase.load(store, Collections.Households, request.input.id, {
        actor: request.actor,
        action: "read",
        kind: "household",
        scope: householdScope
      })
    })

  const getPerson: Service["getPerson"] = (actor, input) =>
    Effect.gen(function* () {
      const request = yield* decodeGetPerson(actor, input)
      const found = yield* UseCase.load(store, Collections.Persons, request.input.id, {
        actor: request.actor,
        action: "read",
        kind: "person",
        scope: (p) => ({ kind: "person", project: p.project, laboratorio: p.laboratorio })
      })
      const person = found.value
      if (Records.isErased(person))
        return yield* new PersonErased({ id: person.id, at: person.erased.at, reason: person.erased.reason })
      return { ...found, value: person }
    })

  const listHouseholds: Service["listHouseholds"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeList(actor, input)
      const lab = yield* UseCase.load(store, Collections.Laboratori, req.laboratorio, {
        actor: who,
        action: "read",
        kind: "laboratorio",
        scope: (l) => ({ kind: "laboratorio", project: l.project, laboratorio: l.id })
      })
      yield* UseCase.authorize(who, "read", {
        kind: "household",
        project: lab.value.project,
        laboratorio: lab.value.id
      })
      return yield* UseCase.queryBy(store, Collections.Households, "laboratorio", lab.id)
    })

  return { registerHousehold, updateIsee, recordArrears, getHousehold, getPerson, listHouseholds }
})

/**
 * The registry use-cases over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Registry, never, Store.Store> = Layer.effect(Registry, make)
