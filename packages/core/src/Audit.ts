/**
 * The audit log: an append-only, hash-chained record of who did what to which document, and
 * when. Each entry carries the SHA-256 of the encoded record (not the record itself, so the
 * log never duplicates personal data and never needs rewriting to erase it), the hash of the
 * previous entry, and its own hash over all of that. Changing, removing or reordering any
 * entry breaks the chain at that entry, and {@link verify} names it.
 *
 * Hashes are taken over canonical JSON (RFC 8785: sorted keys, no whitespace) with
 * `@noble/hashes` (docs/decisions/0007-noble-hashes.md). Time is an ISO instant the caller
 * passes in; {@link event} takes it from Effect's `Clock`, so core never reads the system clock
 * and tests control time with `TestClock`.
 *
 * What the chain cannot show alone: that entries were cut off the end, or that the whole log was
 * rebuilt by someone able to rewrite every row. Publish or store the head hash elsewhere (a
 * report, a signed e-mail) to anchor it.
 *
 * @since 0.1.0
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import { Clock, Effect, Option, Result, Schema, Stream } from "effect"
import * as Collection from "./Collection.js"
import { canonicalJson } from "./internal/json.js"
import { textProblem } from "./internal/storeText.js"
import * as StoreError from "./StoreError.js"

/**
 * A SHA-256 digest in lower-case hexadecimal.
 *
 * @since 0.1.0
 * @category models
 */
export const Hash = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[0-9a-f]{64}$/, { message: "expected a SHA-256 digest: 64 lower-case hex digits" }))
)

/**
 * An ISO 8601 instant with a `Z` or an offset (`2026-11-22T09:30:00.000Z`).
 *
 * @since 0.1.0
 * @category models
 */
export const Instant = Schema.String.pipe(
  Schema.check(
    Schema.isPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/, {
      message: "expected an ISO 8601 instant such as 2026-11-22T09:30:00.000Z"
    }),
    Schema.makeFilter((s: string) => instantExists(s) || "expected an instant that exists in the calendar")
  )
)

const instantExists = (s: string): boolean => {
  const [y, mo, d, h, mi, se] = [
    s.slice(0, 4),
    s.slice(5, 7),
    s.slice(8, 10),
    s.slice(11, 13),
    s.slice(14, 16),
    s.slice(17, 19)
  ].map(Number) as [number, number, number, number, number, number]
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(s)
  const offsetOk = offset === null || (Number(offset[2]) <= 23 && Number(offset[3]) <= 59)
  return days !== undefined && d >= 1 && d <= days && h <= 23 && mi <= 59 && se <= 59 && offsetOk
}

const Text = Schema.String.pipe(
  Schema.check(
    Schema.isMinLength(1, { message: "expected a non-empty text" }),
    Schema.makeFilter((s: string) => textProblem(s) ?? true)
  )
)

/**
 * What a use-case appends: when, who, what, to which document, and the hash of the encoded
 * record as written (or of `null` for a deletion).
 *
 * @since 0.1.0
 * @category models
 */
export const Event = Schema.Struct({
  time: Instant,
  actor: Text,
  action: Text,
  entity: Text,
  id: Text,
  recordHash: Hash
})
/** @since 0.1.0 @category models */
export type Event = typeof Event.Type

/**
 * A stored entry: the event with its position (`seq`, from 1), the previous entry's hash
 * ({@link genesis} for the first) and its own hash.
 *
 * @since 0.1.0
 * @category models
 */
export const Entry = Schema.Struct({
  seq: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1))),
  ...Event.fields,
  previousHash: Hash,
  hash: Hash
})
/** @since 0.1.0 @category models */
export type Entry = typeof Entry.Type

/**
 * The previous hash of the first entry: 64 zeros.
 *
 * @since 0.1.0
 * @category parameters
 */
export const genesis = "0".repeat(64)

/**
 * SHA-256 of a text's UTF-8 bytes, in hex.
 *
 * @since 0.1.0
 * @category utils
 */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)))

/**
 * The canonical JSON text (RFC 8785) of a JSON value: the bytes every hash is taken over.
 *
 * @since 0.1.0
 * @category formatting
 */
export const canonical = (value: unknown): string => canonicalJson(value as never)

/**
 * The hash an entry must carry: SHA-256 of the canonical JSON of all its other fields.
 *
 * @since 0.1.0
 * @category rules
 */
export const hashOf = (entry: Omit<Entry, "hash">): string =>
  sha256Hex(
    canonicalJson({
      seq: entry.seq,
      time: entry.time,
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      id: entry.id,
      recordHash: entry.recordHash,
      previousHash: entry.previousHash
    })
  )

/**
 * Links an event after `previous` (none for the first entry): the next `seq`, the previous
 * hash and the entry's own hash. Adapters call it while holding the log's write lock.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seal = (previous: Option.Option<Entry>, event: Event): Entry => {
  const body = {
    seq: Option.match(previous, { onNone: () => 1, onSome: (p) => p.seq + 1 }),
    time: event.time,
    actor: event.actor,
    action: event.action,
    entity: event.entity,
    id: event.id,
    recordHash: event.recordHash,
    previousHash: Option.match(previous, { onNone: () => genesis, onSome: (p) => p.hash })
  }
  return { ...body, hash: hashOf(body) }
}

const decodeEvent = Schema.decodeUnknownResult(Event)

/**
 * Checks an event before it is appended; a bad field is a `ConstraintViolation`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const validateEvent = (event: Event): Effect.Effect<Event, StoreError.StoreError> => {
  const decoded = decodeEvent(event, { errors: "all" })
  return Result.isSuccess(decoded)
    ? Effect.succeed(decoded.success)
    : Effect.fail(
        StoreError.constraintViolation({
          operation: "appendAudit",
          detail: `the audit event is not valid: ${decoded.failure.message}`,
          cause: decoded.failure
        })
      )
}

/**
 * Builds an event with a time the caller supplies (an ISO instant) and the hash of a record
 * already encoded as JSON text by {@link Collection.encode} (`null` for a deletion).
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeEvent = (input: {
  readonly time: string
  readonly actor: string
  readonly action: string
  readonly entity: string
  readonly id: string
  readonly recordJson: string | null
}): Event => ({
  time: input.time,
  actor: input.actor,
  action: input.action,
  entity: input.entity,
  id: input.id,
  recordHash: sha256Hex(input.recordJson ?? "null")
})

/**
 * Builds the event for a write: the time from Effect's `Clock`, the entity from the
 * collection, the id from the record (or `id` for a deletion, where `record` is `null`), and
 * the hash of the record's canonical encoded JSON, the same text the store writes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const event = <A, I>(input: {
  readonly actor: string
  readonly action: string
  readonly collection: Collection.Collection<A, I>
  readonly record: A | null
  readonly id?: string
}): Effect.Effect<Event, StoreError.StoreError> =>
  Effect.gen(function* () {
    const millis = yield* Clock.currentTimeMillis
    const time = new Date(millis).toISOString()
    const encoded =
      input.record === null ? null : yield* Collection.encode(input.collection, input.record, "appendAudit")
    const id = encoded?.id ?? input.id
    if (id === undefined || (input.id !== undefined && input.id !== id)) {
      return yield* StoreError.constraintViolation({
        operation: "appendAudit",
        collection: input.collection.name,
        detail:
          id === undefined
            ? "an audit event without a record needs the id of the document"
            : `the id ${JSON.stringify(input.id)} differs from the record's id ${JSON.stringify(id)}`
      })
    }
    return makeEvent({
      time,
      actor: input.actor,
      action: input.action,
      entity: input.collection.name,
      id,
      recordJson: encoded?.json ?? null
    })
  })

/**
 * The first broken link of a chain: at `seq`, which check failed and what was expected.
 *
 * @since 0.1.0
 * @category errors
 */
export class BrokenLink extends Schema.TaggedError<BrokenLink>()("BrokenLink", {
  seq: Schema.Number,
  check: Schema.Literals(["sequence", "previous-hash", "hash"]),
  detail: Schema.String
}) {
  override get message(): string {
    return `audit chain broken at entry ${this.seq} (${this.check}): ${this.detail}`
  }
}

/**
 * A verified stretch of chain: how many entries, and the last one's `seq` and `hash` (the
 * head to anchor elsewhere; `undefined` for an empty log).
 *
 * @since 0.1.0
 * @category models
 */
export interface Verified {
  readonly count: number
  readonly head: { readonly seq: number; readonly hash: string } | undefined
}

/**
 * Where verification starts: from the beginning of the log (the default), or after an entry
 * already trusted (its `seq` and `hash`), to verify only what was appended since.
 *
 * @since 0.1.0
 * @category models
 */
export interface From {
  readonly seq: number
  readonly hash: string
}

interface Checker {
  readonly step: (entry: Entry) => BrokenLink | undefined
  readonly result: () => Verified
}

const checker = (from: From | undefined): Checker => {
  let expectedSeq = (from?.seq ?? 0) + 1
  let previousHash = from?.hash ?? genesis
  let count = 0
  let head: Verified["head"] = from === undefined ? undefined : { seq: from.seq, hash: from.hash }
  return {
    step: (entry) => {
      if (entry.seq !== expectedSeq) {
        return new BrokenLink({
          seq: entry.seq,
          check: "sequence",
          detail: `expected entry ${expectedSeq}, found entry ${entry.seq}`
        })
      }
      if (entry.previousHash !== previousHash) {
        return new BrokenLink({
          seq: entry.seq,
          check: "previous-hash",
          detail: `previous hash ${entry.previousHash} is not the hash of the entry before (${previousHash})`
        })
      }
      const hash = hashOf(entry)
      if (entry.hash !== hash) {
        return new BrokenLink({
          seq: entry.seq,
          check: "hash",
          detail: `stored hash ${entry.hash} differs from the hash of the entry's content (${hash})`
        })
      }
      expectedSeq++
      previousHash = entry.hash
      count++
      head = { seq: entry.seq, hash: entry.hash }
      return undefined
    },
    result: () => ({ count, head })
  }
}

/**
 * Verifies a chain in order: consecutive `seq`, each previous hash equal to the hash of the
 * entry before, each hash equal to the hash of its content. Fails with the first broken link.
 *
 * @since 0.1.0
 * @category rules
 */
export const verify = (entries: Iterable<Entry>, from?: From): Result.Result<Verified, BrokenLink> => {
  const check = checker(from)
  for (const entry of entries) {
    const broken = check.step(entry)
    if (broken !== undefined) return Result.fail(broken)
  }
  return Result.succeed(check.result())
}

/**
 * {@link verify} over a stream (such as `Store.auditLog`), in one pass and constant memory;
 * stops reading at the first broken link.
 *
 * @since 0.1.0
 * @category rules
 */
export const verifyStream = <E, R>(
  entries: Stream.Stream<Entry, E, R>,
  from?: From
): Effect.Effect<Result.Result<Verified, BrokenLink>, E, R> =>
  Effect.suspend(() => {
    const check = checker(from)
    let broken: BrokenLink | undefined
    return Stream.runForEachWhile(entries, (entry) =>
      Effect.sync(() => {
        broken = check.step(entry)
        return broken === undefined
      })
    ).pipe(Effect.map(() => (broken === undefined ? Result.succeed(check.result()) : Result.fail(broken))))
  })
