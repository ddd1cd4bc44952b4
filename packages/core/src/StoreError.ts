/**
 * The one infrastructure error of the `Store` port. Domain outcomes are their own tagged
 * errors; everything that goes wrong in storage is a `StoreError` whose `reason` says what a
 * caller can do about it:
 *
 * - `Unavailable` — the store could not be reached or timed out; retrying may succeed.
 * - `Conflict` — the expected version did not match (optimistic concurrency) or the database
 *   aborted a transaction because of a concurrent one; re-read and retry.
 * - `ConstraintViolation` — the request itself is not acceptable (a document that does not
 *   encode, text the store cannot hold, a bad cursor); retrying the same request fails again.
 * - `Corrupted` — stored data no longer decodes; it names the collection and the id.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * What went wrong, as far as a caller needs to know: `Unavailable` (cannot reach the store,
 * timed out, busy: retry later), `Conflict` (someone else wrote first: re-read and retry),
 * `ConstraintViolation` (the write breaks a rule of the store), `Corrupted` (stored data no
 * longer decodes), `Refused` (the database refuses the operation for a reason no retry fixes:
 * credentials, permissions, SQL it does not accept — a schema or version it does not have).
 *
 * @since 0.1.0
 * @category models
 */
export const Reason = Schema.Literals(["Unavailable", "Conflict", "ConstraintViolation", "Corrupted", "Refused"])
/** @since 0.1.0 @category models */
export type Reason = typeof Reason.Type

/**
 * A storage failure: its reason, the operation (`put`, `query`, `transaction`, …), the
 * collection and document id when there is one, a sentence of detail, and the underlying cause.
 * For a `Conflict` on a version, `expectedVersion` and `actualVersion` (0 = no document) say
 * what the caller expected and what the store had.
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  reason: Reason,
  operation: Schema.String,
  collection: Schema.optionalKey(Schema.String),
  id: Schema.optionalKey(Schema.String),
  detail: Schema.String,
  expectedVersion: Schema.optionalKey(Schema.Number),
  actualVersion: Schema.optionalKey(Schema.Number),
  cause: Schema.optionalKey(Schema.Defect())
}) {
  /**
   * `true` when the same call may succeed later: `Unavailable`, and `Conflict` after a re-read.
   *
   * @since 0.1.0
   */
  get isRetryable(): boolean {
    return this.reason === "Unavailable" || this.reason === "Conflict"
  }

  override get message(): string {
    const where =
      this.collection === undefined
        ? ""
        : this.id === undefined
          ? ` ${this.collection}`
          : ` ${this.collection}/${this.id}`
    return `${this.operation}${where}: ${this.reason}: ${this.detail}`
  }
}

/**
 * The fields of a {@link StoreError} other than its reason.
 *
 * @since 0.1.0
 * @category models
 */
export interface Details {
  readonly operation: string
  readonly detail: string
  readonly collection?: string
  readonly id?: string
  readonly cause?: unknown
}

const make =
  (reason: Reason) =>
  (details: Details): StoreError =>
    new StoreError({ reason, ...details })

/**
 * An `Unavailable` error.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unavailable: (details: Details) => StoreError = make("Unavailable")

/**
 * A `ConstraintViolation` error.
 *
 * @since 0.1.0
 * @category constructors
 */
export const constraintViolation: (details: Details) => StoreError = make("ConstraintViolation")

/**
 * A `Corrupted` error.
 *
 * @since 0.1.0
 * @category constructors
 */
export const corrupted: (details: Details) => StoreError = make("Corrupted")

/**
 * A `Refused` error: the database refuses the operation, and retrying will not change that.
 *
 * @since 0.1.0
 * @category constructors
 */
export const refused: (details: Details) => StoreError = make("Refused")

/**
 * A version `Conflict`: the caller expected `expected`, the store holds `actual` (0 when the
 * document does not exist).
 *
 * @since 0.1.0
 * @category constructors
 */
export const versionConflict = (details: {
  readonly operation: string
  readonly collection: string
  readonly id: string
  readonly expected: number
  readonly actual: number
}): StoreError =>
  new StoreError({
    reason: "Conflict",
    operation: details.operation,
    collection: details.collection,
    id: details.id,
    expectedVersion: details.expected,
    actualVersion: details.actual,
    detail:
      details.actual === 0
        ? `expected version ${details.expected}, but the document does not exist`
        : details.expected === 0
          ? `expected no document, but version ${details.actual} exists`
          : `expected version ${details.expected}, but the stored version is ${details.actual}`
  })

/**
 * A `Conflict` that is not about one document's version (a serialization failure or a
 * deadlock the database resolved by aborting this transaction).
 *
 * @since 0.1.0
 * @category constructors
 */
export const conflict: (details: Details) => StoreError = make("Conflict")

/**
 * `true` for a {@link StoreError}.
 *
 * @since 0.1.0
 * @category utils
 */
export const isStoreError = (u: unknown): u is StoreError => u instanceof StoreError
