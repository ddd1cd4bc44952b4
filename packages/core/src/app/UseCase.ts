/**
 * The steps every use-case of the application takes, in this order and with no way around
 * them:
 *
 * 1. **decode** the actor and the whole input with their Schemas ({@link decodeRequest}),
 *    collecting every problem — nothing has been read or written yet, so a bad request
 *    changes nothing;
 * 2. **authorize** the actor for the action on the resource (`Access.authorize`), the
 *    resource's scope taken from the stored record when there is one ({@link load});
 * 3. apply the **pure rule** (`Pathway.transition`, `BudgetRules`…);
 * 4. **commit**: one `store.transaction` that writes every document with its audit event
 *    ({@link commit}) — the hash of the encoded record, never the record itself. A version
 *    that moved since the caller read it is a `StoreError` `Conflict`, and nothing is written.
 *
 * @since 0.1.0
 */
import { Effect, Option, Result, type Schema, Stream } from "effect"
import * as Access from "../Access.js"
import * as Audit from "../Audit.js"
import type * as Collection from "../Collection.js"
import * as InvalidInput from "../InvalidInput.js"
import { textProblem } from "../internal/storeText.js"
import type * as Store from "../Store.js"
import * as StoreError from "../StoreError.js"
import { NotFound } from "./NotFound.js"

/**
 * An actor as a caller passes it: the encoded form of `Access.Actor` (plain strings). A decoded
 * `Access.Actor` is one too.
 *
 * @since 0.1.0
 * @category models
 */
export type ActorInput = typeof Access.Actor.Encoded

/**
 * The failures every use-case may return besides its rule's own: the input does not decode,
 * the actor may not do it, or the store failed (a `Conflict` when someone was first).
 *
 * @since 0.1.0
 * @category errors
 */
export type Failure = InvalidInput.InvalidInput | Access.NotAuthorized | StoreError.StoreError

/**
 * A decoded request: the actor and the input.
 *
 * @since 0.1.0
 * @category models
 */
export interface Request<A> {
  readonly actor: Access.Actor
  readonly input: A
}

const decodeActor = InvalidInput.decoder(Access.Actor, "actor")

const actorProblems = (actor: unknown): Result.Result<Access.Actor, ReadonlyArray<InvalidInput.Problem>> => {
  const decoded = decodeActor(actor)
  if (Result.isFailure(decoded)) return Result.fail(decoded.failure.problems)
  const id = decoded.success.id
  const problem = id.trim().length === 0 ? "the actor id must not be blank" : textProblem(id)
  return problem === undefined ? Result.succeed(decoded.success) : Result.fail([{ path: "id", message: problem }])
}

/**
 * `inner` as a path under `outer`: `prefixPath("actor", "projects[0]")` is `actor.projects[0]`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const prefixPath = (outer: string, inner: string): string =>
  inner === "" ? outer : outer === "" ? inner : inner.startsWith("[") ? `${outer}${inner}` : `${outer}.${inner}`

const key = (p: InvalidInput.Problem) => `${p.path}\u0000${p.message}`

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Every string of `input` (in arrays and plain objects, at any depth) that no Store adapter can
 * hold — a U+0000 or a lone surrogate — as a problem at its path. A Schema accepts such text, the
 * store would refuse it only when writing (`ConstraintViolation`): refused here, with the rest of
 * the request, it is bad input at a named field, like any other.
 *
 * @since 0.1.0
 * @category rules
 */
export const unstorableText = (input: unknown): ReadonlyArray<InvalidInput.Problem> => {
  const problems: Array<InvalidInput.Problem> = []
  const seen = new Set<object>()
  const walk = (value: unknown, path: ReadonlyArray<PropertyKey>): void => {
    if (typeof value === "string") {
      const problem = textProblem(value)
      if (problem !== undefined) problems.push({ path: InvalidInput.formatPath(path), message: problem })
      return
    }
    if (value === null || typeof value !== "object" || seen.has(value)) return
    seen.add(value)
    if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(v, [...path, i])
    else if (isPlain(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k])
  }
  walk(input, [])
  return problems
}

/**
 * Builds an `InvalidInput` from a non-empty list of problems.
 *
 * @since 0.1.0
 * @category constructors
 */
export const invalid = (
  what: string,
  first: InvalidInput.Problem,
  ...rest: ReadonlyArray<InvalidInput.Problem>
): InvalidInput.InvalidInput => new InvalidInput.InvalidInput({ what, problems: [first, ...rest] })

/**
 * A decoder for a use-case's request: the actor (`Access.Actor`, with a non-blank id fit for
 * the audit log) and the input (`schema`, and no text a store cannot hold:
 * {@link unstorableText}), every problem of both reported together — the actor's under `actor`. `extra` adds checks that a Schema cannot express on raw input (the
 * facts of an eligibility rule set); it runs on every input and must never throw.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeRequest = <S extends Schema.Decoder<unknown, never>>(
  schema: S,
  what: string,
  extra?: (input: unknown) => ReadonlyArray<InvalidInput.Problem>
) => {
  const decodeInput = InvalidInput.decoder(schema, what)
  return (actor: unknown, input: unknown): Effect.Effect<Request<S["Type"]>, InvalidInput.InvalidInput> =>
    Effect.suspend(() => {
      const decodedActor = actorProblems(actor)
      const decodedInput = decodeInput(input)
      const problems: Array<InvalidInput.Problem> = []
      const seen = new Set<string>()
      const add = (p: InvalidInput.Problem) => {
        if (seen.has(key(p))) return
        seen.add(key(p))
        problems.push(p)
      }
      if (Result.isFailure(decodedActor))
        for (const p of decodedActor.failure) add({ path: prefixPath("actor", p.path), message: p.message })
      if (Result.isFailure(decodedInput)) for (const p of decodedInput.failure.problems) add(p)
      for (const p of unstorableText(input)) add(p)
      if (extra !== undefined) for (const p of extra(input)) add(p)
      const [first, ...rest] = problems
      if (first !== undefined) return Effect.fail(invalid(what, first, ...rest))
      if (Result.isFailure(decodedActor) || Result.isFailure(decodedInput))
        return Effect.fail(invalid(what, { path: "", message: "invalid request" }))
      return Effect.succeed({ actor: decodedActor.success, input: decodedInput.success })
    })
}

/**
 * Asks the policy: succeeds when `actor` may do `action` on `resource`, fails with
 * `NotAuthorized` otherwise.
 *
 * @since 0.1.0
 * @category rules
 */
export const authorize = (
  actor: Access.Actor,
  action: Access.Action,
  resource: Access.Resource
): Effect.Effect<void, Access.NotAuthorized> => Effect.fromResult(Access.authorize(actor, action, resource))

/**
 * Reads document `id` for an action: authorizes the actor on the stored record's scope and
 * returns it. When there is no such document the actor is authorized on the bare kind of
 * resource (no project, no laboratorio), which only an actor who may act on every record of
 * that kind passes: they get `NotFound`, everyone else `NotAuthorized`, so nobody learns
 * whether a record outside their scope exists. When the request itself names the scope the
 * record would have (`missing`: the project of a budget), that scope is authorized instead.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = <A, I>(
  store: Store.Service,
  collection: Collection.Collection<A, I>,
  id: string,
  access: {
    readonly actor: Access.Actor
    readonly action: Access.Action
    readonly kind: Access.ResourceKind
    readonly scope: (record: A) => Access.Resource
    /** The resource to authorize when there is no such document (default: the bare kind). */
    readonly missing?: Access.Resource
  }
): Effect.Effect<Store.Versioned<A>, Access.NotAuthorized | NotFound | StoreError.StoreError> =>
  Effect.gen(function* () {
    const found = yield* store.get(collection, id)
    if (Option.isNone(found)) {
      yield* authorize(access.actor, access.action, access.missing ?? { kind: access.kind })
      return yield* new NotFound({ collection: collection.name, id })
    }
    yield* authorize(access.actor, access.action, access.scope(found.value.value))
    return found.value
  })

/**
 * Fails with a version `Conflict` when the document read is not at the version the caller
 * expects to update: the caller decided on another state than the one stored.
 *
 * @since 0.1.0
 * @category rules
 */
export const expectVersion = (
  collection: { readonly name: string },
  document: Store.Versioned<unknown>,
  expected: number,
  operation: string
): Effect.Effect<void, StoreError.StoreError> =>
  document.version === expected
    ? Effect.void
    : Effect.fail(
        StoreError.versionConflict({
          operation,
          collection: collection.name,
          id: document.id,
          expected,
          actual: document.version
        })
      )

/**
 * One document to write, at the version the use-case expects to find (0: it must not exist),
 * and the audit action it is recorded under (`household.register`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Write {
  readonly collection: string
  readonly action: string
  readonly run: (store: Store.Service, actor: string) => Effect.Effect<number, StoreError.StoreError>
}

/**
 * Declares a write of `record` to `collection`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const write = <A, I>(
  collection: Collection.Collection<A, I>,
  record: A,
  expectedVersion: number,
  action: string
): Write => ({
  collection: collection.name,
  action,
  run: (store, actor) =>
    Effect.gen(function* () {
      const version = yield* store.put(collection, record, expectedVersion)
      yield* store.appendAudit(yield* Audit.event({ actor, action, collection, record }))
      return version
    })
})

/**
 * Writes every document and its audit event in **one** transaction: all of them or none. Returns
 * the new versions, in order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const commit = (
  store: Store.Service,
  actor: Access.Actor,
  writes: ReadonlyArray<Write>
): Effect.Effect<ReadonlyArray<number>, StoreError.StoreError> =>
  store.transaction(Effect.forEach(writes, (w) => w.run(store, actor.id)))

/**
 * Writes one document and its audit event in one transaction and returns it with its new
 * version.
 *
 * @since 0.1.0
 * @category constructors
 */
export const commitOne = <A, I>(
  store: Store.Service,
  actor: Access.Actor,
  collection: Collection.Collection<A, I>,
  record: A,
  expectedVersion: number,
  action: string
): Effect.Effect<Store.Versioned<A>, StoreError.StoreError> =>
  Effect.map(commit(store, actor, [write(collection, record, expectedVersion, action)]), (versions) => ({
    id: collection.idOf(record),
    version: versions[0] ?? expectedVersion + 1,
    value: record
  }))

/**
 * Every document of `collection` whose index `index` equals `value`, in id order.
 *
 * @since 0.1.0
 * @category utils
 */
export const queryBy = <A, I>(
  store: Store.Service,
  collection: Collection.Collection<A, I>,
  index: string,
  value: string | number
): Effect.Effect<ReadonlyArray<Store.Versioned<A>>, StoreError.StoreError> =>
  Stream.runCollect(store.query(collection, { where: { index, equals: value } }))
