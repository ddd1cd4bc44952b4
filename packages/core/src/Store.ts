/**
 * The storage port: one generic document store for every collection, with optimistic
 * concurrency, streaming queries on indexed fields with opaque cursors, transactions, and an
 * append-only hash-chained audit log. Adapters (memory, SQLite, PostgreSQL, your own) provide
 * the `Store` service; a use-case writes a document and its audit event in one `transaction`:
 *
 * ```ts
 * const store = yield* Store.Store
 * yield* store.transaction(Effect.gen(function* () {
 *   yield* store.put(Households, household, expectedVersion)   // Conflict if someone was first
 *   yield* store.appendAudit(yield* Audit.event({ actor, action: "household.update", collection: Households, record: household }))
 * }))
 * ```
 *
 * `make` builds the service from a `StoreBackend.Backend`, so every adapter shares the same
 * encoding, validation, cursors and paging (see StoreBackend.ts).
 *
 * @since 0.1.0
 */
import { Context, Effect, Option, Stream } from "effect"
import * as Audit from "./Audit.js"
import * as Collection from "./Collection.js"
import { decodeCursor, encodeCursor } from "./internal/cursor.js"
import type { Backend, Capabilities, PageRequest, PageRow, Position, Where } from "./StoreBackend.js"
import * as StoreError from "./StoreError.js"

/**
 * What an adapter promises (`durable`, `concurrentWriters`, `savepoints`, `maxDocumentBytes`) and
 * a query condition on one index; both defined in StoreBackend.ts.
 *
 * @since 0.1.0
 * @category models
 */
export type { Capabilities, Where } from "./StoreBackend.js"

/**
 * A document with its id and its version (1 after the first write, +1 at every write).
 *
 * @since 0.1.0
 * @category models
 */
export interface Versioned<A> {
  readonly id: string
  readonly version: number
  readonly value: A
}

/**
 * A query: documents matching `where` (on one index), ordered by `orderBy` (an index; by id
 * when absent) with ties broken by id, after the opaque cursor `after`, at most `limit` of them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Query {
  readonly where?: Where
  readonly orderBy?: string
  readonly after?: string
  readonly limit?: number
}

/**
 * One page of a query and the cursor of the next page (`None` on the last page).
 *
 * @since 0.1.0
 * @category models
 */
export interface Page<A> {
  readonly items: ReadonlyArray<Versioned<A>>
  readonly next: Option.Option<string>
}

/**
 * The Store service.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** What this adapter promises beyond the contract. */
  readonly capabilities: Capabilities
  /** The document with this id, or `None`. A stored document that no longer decodes is `Corrupted`. */
  readonly get: <A, I>(
    collection: Collection.Collection<A, I>,
    id: string
  ) => Effect.Effect<Option.Option<Versioned<A>>, StoreError.StoreError>
  /**
   * Writes `document` if the stored version is `expectedVersion` (0: it must not exist) and
   * returns the new version; otherwise a `Conflict` — never a lost update.
   */
  readonly put: <A, I>(
    collection: Collection.Collection<A, I>,
    document: A,
    expectedVersion: number
  ) => Effect.Effect<number, StoreError.StoreError>
  /** Deletes the document if its version is `expectedVersion`; otherwise a `Conflict`. */
  readonly delete: <A, I>(
    collection: Collection.Collection<A, I>,
    id: string,
    expectedVersion: number
  ) => Effect.Effect<void, StoreError.StoreError>
  /** Every matching document, read in pages, in the query's order. */
  readonly query: <A, I>(
    collection: Collection.Collection<A, I>,
    query?: Query
  ) => Stream.Stream<Versioned<A>, StoreError.StoreError>
  /** One page (`limit`, default {@link defaultPageSize}) and the cursor of the next one. */
  readonly page: <A, I>(
    collection: Collection.Collection<A, I>,
    query?: Query
  ) => Effect.Effect<Page<A>, StoreError.StoreError>
  /** Runs `effect` all or nothing; nested calls are savepoints. */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreError.StoreError, R>
  /** Appends an event to the audit log and returns the sealed entry. */
  readonly appendAudit: (event: Audit.Event) => Effect.Effect<Audit.Entry, StoreError.StoreError>
  /** The audit log in `seq` order, from the beginning or after entry `after`. */
  readonly auditLog: (options?: { readonly after?: number }) => Stream.Stream<Audit.Entry, StoreError.StoreError>
}

/**
 * The Store service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Store extends Context.Service<Store, Service>()("@quartieri/core/Store") {}

/**
 * The page size of `page` when the query has no `limit`.
 *
 * @since 0.1.0
 * @category parameters
 */
export const defaultPageSize = 100

/**
 * The largest `limit` a `page` accepts.
 *
 * @since 0.1.0
 * @category parameters
 */
export const maxPageSize = 10_000

/**
 * How many documents (or audit entries) `query` and `auditLog` read per round trip.
 *
 * @since 0.1.0
 * @category parameters
 */
export const streamPageSize = 256

const cursorVersion = 1

interface Resolved {
  readonly where: Where | undefined
  readonly orderBy: string | undefined
  readonly after: Position | undefined
}

const resolve = <A, I>(
  collection: Collection.Collection<A, I>,
  query: Query,
  operation: string
): Effect.Effect<Resolved, StoreError.StoreError> =>
  Effect.suspend((): Effect.Effect<Resolved, StoreError.StoreError> => {
    const fail = (detail: string) =>
      Effect.fail(StoreError.constraintViolation({ operation, collection: collection.name, detail }))
    const indexType = (name: string) => collection.indexes[name]?.type
    const where = query.where
    if (where !== undefined) {
      const type = indexType(where.index)
      if (type === undefined) return fail(`the collection has no index ${JSON.stringify(where.index)}`)
      if ("equals" in where) {
        const problem = Collection.indexValueProblem(type, where.equals)
        if (problem !== undefined) return fail(`where ${where.index} equals: ${problem}`)
      } else {
        for (const bound of ["gt", "gte", "lt", "lte"] as const) {
          const value = where[bound]
          if (value === undefined) continue
          const problem = value === null ? "a bound cannot be null" : Collection.indexValueProblem(type, value)
          if (problem !== undefined) return fail(`where ${where.index} ${bound}: ${problem}`)
        }
      }
    }
    const orderBy = query.orderBy
    if (orderBy !== undefined && indexType(orderBy) === undefined) {
      return fail(`the collection has no index ${JSON.stringify(orderBy)} to order by`)
    }
    if (query.limit !== undefined && !(Number.isSafeInteger(query.limit) && query.limit >= 1)) {
      return fail(`limit must be a positive integer, not ${query.limit}`)
    }
    if (query.after === undefined) return Effect.succeed({ where, orderBy, after: undefined })
    const decoded = decodeCursor(query.after)
    const invalid = () => fail("the cursor is not one this store issued for this collection and ordering")
    if (!Array.isArray(decoded) || decoded.length !== 5) return invalid()
    const [version, name, order, key, id] = decoded as ReadonlyArray<unknown>
    if (version !== cursorVersion || name !== collection.name || (order ?? undefined) !== orderBy) return invalid()
    if (typeof id !== "string" || Collection.idProblem(id) !== undefined) return invalid()
    if (orderBy === undefined ? key !== null : Collection.indexValueProblem(indexType(orderBy) ?? "string", key)) {
      return invalid()
    }
    return Effect.succeed({ where, orderBy, after: { key: key as Collection.IndexValue, id } })
  })

const cursorOf = (collection: string, orderBy: string | undefined, row: PageRow): string =>
  encodeCursor([cursorVersion, collection, orderBy ?? null, row.key, row.id])

let instances = 0

/**
 * Builds the Store service on an adapter's backend.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (backend: Backend): Service => {
  const depth = Context.Reference<number>(`@quartieri/core/Store/transactionDepth/${instances++}`, {
    defaultValue: () => 0
  })
  const capabilities = backend.capabilities

  const checkId = (operation: string, collection: string, id: string) => {
    const problem = typeof id === "string" ? Collection.idProblem(id) : "the id is not a string"
    return problem === undefined
      ? Effect.void
      : Effect.fail(StoreError.constraintViolation({ operation, collection, detail: problem }))
  }

  const versionError = (
    operation: string,
    collection: string,
    id: string,
    version: number,
    min: number
  ): StoreError.StoreError | undefined =>
    Number.isSafeInteger(version) && version >= min
      ? undefined
      : StoreError.constraintViolation({
          operation,
          collection,
          id,
          detail: `the expected version must be an integer ≥ ${min}, not ${version}`
        })

  const checkVersion = (operation: string, collection: string, id: string, version: number, min: number) => {
    const error = versionError(operation, collection, id, version, min)
    return error === undefined ? Effect.void : Effect.fail(error)
  }

  const decodeRows = <A, I>(collection: Collection.Collection<A, I>, rows: ReadonlyArray<PageRow>, operation: string) =>
    Effect.forEach(rows, (row) =>
      Effect.map(
        Collection.decode(collection, row.id, row.json, operation),
        (value): Versioned<A> => ({ id: row.id, version: row.version, value })
      )
    )

  const request = (resolved: Resolved, limit: number): PageRequest => ({
    where: resolved.where,
    orderBy: resolved.orderBy,
    after: resolved.after,
    limit
  })

  const service: Service = {
    capabilities,

    get: (collection, id) =>
      Effect.gen(function* () {
        yield* checkId("get", collection.name, id)
        const row = yield* backend.get(collection.layout, id)
        if (Option.isNone(row)) return Option.none()
        const value = yield* Collection.decode(collection, row.value.id, row.value.json, "get")
        return Option.some({ id: row.value.id, version: row.value.version, value })
      }),

    // the hot path of an import: a flatMap, not a generator
    put: (collection, document, expectedVersion) =>
      Effect.flatMap(
        Collection.encode(collection, document, "put"),
        (encoded): Effect.Effect<number, StoreError.StoreError> => {
          const badVersion = versionError("put", collection.name, encoded.id, expectedVersion, 0)
          if (badVersion !== undefined) return Effect.fail(badVersion)
          if (capabilities.maxDocumentBytes !== null && encoded.bytes > capabilities.maxDocumentBytes) {
            return Effect.fail(
              StoreError.constraintViolation({
                operation: "put",
                collection: collection.name,
                id: encoded.id,
                detail: `the encoded document has ${encoded.bytes} bytes; this store accepts at most ${capabilities.maxDocumentBytes}`
              })
            )
          }
          return backend.put(collection.layout, encoded, expectedVersion)
        }
      ),

    delete: (collection, id, expectedVersion) =>
      Effect.gen(function* () {
        yield* checkId("delete", collection.name, id)
        yield* checkVersion("delete", collection.name, id, expectedVersion, 1)
        yield* backend.delete(collection.layout, id, expectedVersion)
      }),

    query: (collection, query = {}) =>
      Stream.unwrap(
        Effect.map(resolve(collection, query, "query"), (resolved) =>
          Stream.paginate({ after: resolved.after, remaining: query.limit ?? Number.POSITIVE_INFINITY }, (state) =>
            Effect.gen(function* () {
              const size = Math.min(streamPageSize, state.remaining)
              const rows = yield* backend.page(collection.layout, request({ ...resolved, after: state.after }, size))
              const items = yield* decodeRows(collection, rows, "query")
              const last = rows.at(-1)
              const remaining = state.remaining - rows.length
              const next =
                last !== undefined && rows.length === size && remaining > 0
                  ? Option.some({ after: { key: last.key, id: last.id }, remaining })
                  : Option.none()
              return [items, next] as const
            })
          )
        )
      ),

    page: (collection, query = {}) =>
      Effect.gen(function* () {
        const resolved = yield* resolve(collection, query, "page")
        const limit = query.limit ?? defaultPageSize
        if (limit > maxPageSize) {
          return yield* StoreError.constraintViolation({
            operation: "page",
            collection: collection.name,
            detail: `limit ${limit} is above the largest page, ${maxPageSize}`
          })
        }
        const rows = yield* backend.page(collection.layout, request(resolved, limit + 1))
        const kept = rows.slice(0, limit)
        const items = yield* decodeRows(collection, kept, "page")
        const last = kept.at(-1)
        const next =
          rows.length > limit && last !== undefined
            ? Option.some(cursorOf(collection.name, resolved.orderBy, last))
            : Option.none()
        return { items, next }
      }),

    transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) =>
      Effect.gen(function* () {
        const level = yield* depth
        if (level > 0 && !capabilities.savepoints) {
          return yield* StoreError.constraintViolation({
            operation: "transaction",
            detail: "nested transactions need savepoints, which this store does not support"
          })
        }
        return yield* backend.transaction(Effect.provideService(effect, depth, level + 1))
      }),

    appendAudit: (event) =>
      Effect.flatMap(Audit.validateEvent(event), (valid) =>
        backend.appendAudit((previous) => Audit.seal(previous, valid))
      ),

    auditLog: (options = {}) =>
      Stream.paginate(options.after ?? 0, (after) =>
        Effect.map(backend.auditPage(after, streamPageSize), (entries) => {
          const last = entries.at(-1)
          return [
            entries,
            last !== undefined && entries.length === streamPageSize ? Option.some(last.seq) : Option.none()
          ] as const
        })
      )
  }
  return service
}
