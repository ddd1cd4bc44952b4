/**
 * The contract a storage adapter implements: a handful of operations on encoded rows. The
 * `Store` service that use-cases see is built from it by `Store.make`, which adds everything
 * that must behave the same in every adapter — Schema encoding and decoding, validation of
 * ids, versions, index values and queries, opaque cursors, streaming by pages, the audit
 * chain's hashing and the nested-transaction rule — so an adapter stays small and cannot get
 * those wrong. (The same split as abstract-level's public methods over `_get`/`_put`.)
 *
 * What each operation must guarantee is written on it; the conformance kit
 * (`@quartieri/storage-testkit`) checks all of it.
 *
 * @since 0.1.0
 */
import type { Effect, Option } from "effect"
import type * as Audit from "./Audit.js"
import type * as Collection from "./Collection.js"
import { compareIds, compareIndexValues } from "./Collection.js"
import type { StoreError } from "./StoreError.js"

/**
 * What an adapter promises beyond the contract; declared by the adapter, checked by the kit.
 *
 * - `durable`: committed writes survive closing and re-opening the store.
 * - `concurrentWriters`: several handles (connections, processes) may write the same data at
 *   the same time; conflicts are still detected, nothing is lost.
 * - `savepoints`: a nested `transaction` rolls back on its own. Without them, a nested
 *   `transaction` is refused with a `ConstraintViolation` (never silently flattened).
 * - `maxDocumentBytes`: the largest encoded document accepted (UTF-8 bytes of its JSON), or
 *   `null` when only memory limits it. A larger one is a `ConstraintViolation`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Capabilities {
  readonly durable: boolean
  readonly concurrentWriters: boolean
  readonly savepoints: boolean
  readonly maxDocumentBytes: number | null
}

/**
 * A condition on one index: equal to a value (`null` matches documents without a value), or
 * within a range (any of `gt`, `gte`, `lt`, `lte`; ranges never match `null`; no bound at
 * all matches every non-null value).
 *
 * @since 0.1.0
 * @category models
 */
export type Where =
  | { readonly index: string; readonly equals: Collection.IndexValue }
  | {
      readonly index: string
      readonly gt?: string | number
      readonly gte?: string | number
      readonly lt?: string | number
      readonly lte?: string | number
    }

/**
 * A stored document as an adapter returns it: id, version, and the JSON text it was given.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  readonly id: string
  readonly version: number
  readonly json: string
}

/**
 * A row of a page, with `key`: its stored value of the `orderBy` index (`null` when the page
 * is ordered by id). Cursors are made from it.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageRow extends Row {
  readonly key: Collection.IndexValue
}

/**
 * A position in an ordering: the value of the `orderBy` index (`null` when ordering by id)
 * and the id.
 *
 * @since 0.1.0
 * @category models
 */
export interface Position {
  readonly key: Collection.IndexValue
  readonly id: string
}

/**
 * One page to read, already validated: the live documents that match `where`, ordered by
 * (`orderBy` value, id) — `null` first, numbers numerically, strings and ids by code point —
 * or by id alone when `orderBy` is `undefined`, strictly after `after`, at most `limit`.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageRequest {
  readonly where: Where | undefined
  readonly orderBy: string | undefined
  readonly after: Position | undefined
  readonly limit: number
}

/**
 * The operations an adapter implements. Every operation outside a `transaction` is atomic on
 * its own; inside one, it sees the transaction's own writes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Backend {
  readonly capabilities: Capabilities
  /** The live document with this id, if any (a deleted one is `None`). */
  readonly get: (collection: Collection.Layout, id: string) => Effect.Effect<Option.Option<Row>, StoreError>
  /**
   * Writes the document if its current version is `expectedVersion` (0: it must not exist;
   * after a delete it does not exist) and returns the new version. Versions only grow, also
   * across delete and re-create, so a writer holding a version from before a delete can never
   * overwrite the re-created document. A mismatch fails with `StoreError.versionConflict`.
   */
  readonly put: (
    collection: Collection.Layout,
    document: Collection.EncodedDocument,
    expectedVersion: number
  ) => Effect.Effect<number, StoreError>
  /** Deletes the live document if its version is `expectedVersion` (≥ 1), else a version conflict. */
  readonly delete: (
    collection: Collection.Layout,
    id: string,
    expectedVersion: number
  ) => Effect.Effect<void, StoreError>
  /** One page, as {@link PageRequest} describes. */
  readonly page: (
    collection: Collection.Layout,
    request: PageRequest
  ) => Effect.Effect<ReadonlyArray<PageRow>, StoreError>
  /**
   * Runs `effect` all or nothing: commits when it succeeds; rolls every write back (documents
   * and audit entries) when it fails, dies or is interrupted. Nested calls use savepoints when
   * the adapter declares them (`Store.make` refuses nesting otherwise).
   */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StoreError, R>
  /**
   * Appends one audit entry atomically: reads the last entry, calls `seal` with it, stores the
   * result, returns it. Appends are serialised (no two entries share a `seq`); inside a
   * transaction the entry commits or rolls back with it.
   */
  readonly appendAudit: (
    seal: (previous: Option.Option<Audit.Entry>) => Audit.Entry
  ) => Effect.Effect<Audit.Entry, StoreError>
  /** At most `limit` entries with `seq > afterSeq`, in `seq` order. */
  readonly auditPage: (afterSeq: number, limit: number) => Effect.Effect<ReadonlyArray<Audit.Entry>, StoreError>
}

/**
 * Helper for adapters that filter in memory: `true` when an index value satisfies `where`.
 *
 * @since 0.1.0
 * @category utils
 */
export const matches = (where: Where, value: Collection.IndexValue): boolean => {
  if ("equals" in where)
    return value === null
      ? where.equals === null
      : where.equals !== null && compareIndexValues(value, where.equals) === 0
  if (value === null) return false
  if (where.gt !== undefined && !(compareIndexValues(value, where.gt) > 0)) return false
  if (where.gte !== undefined && !(compareIndexValues(value, where.gte) >= 0)) return false
  if (where.lt !== undefined && !(compareIndexValues(value, where.lt) < 0)) return false
  if (where.lte !== undefined && !(compareIndexValues(value, where.lte) <= 0)) return false
  return true
}

/**
 * Helper for adapters that sort in memory: the order of {@link PageRequest} on positions.
 *
 * @since 0.1.0
 * @category utils
 */
export const comparePositions = (a: Position, b: Position): number => {
  const byKey = compareIndexValues(a.key, b.key)
  return byKey !== 0 ? byKey : compareIds(a.id, b.id)
}
