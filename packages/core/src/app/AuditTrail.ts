/**
 * The audit-trail use-case: an auditor reads the audit log — who did what to which record, and
 * when — with the verification of its hash chain, so that a changed, removed or reordered entry
 * is named. Only auditors read it (`Access`: the audit log is for auditors).
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Result, Schema, Stream } from "effect"
import * as Audit from "../Audit.js"
import * as Store from "../Store.js"
import * as UseCase from "./UseCase.js"

const Count = (what: string, min: number) =>
  Schema.Number.pipe(
    Schema.check(
      Schema.makeFilter(
        (n: number) => (Number.isSafeInteger(n) && n >= min) || `expected ${what}, got ${JSON.stringify(n)}`
      )
    )
  )

/**
 * Input of `readAuditLog`: the entries after `after` (a `seq`; from the beginning when absent),
 * at most `limit` of them (default {@link defaultLimit}, at most `Store.maxPageSize`).
 *
 * @since 0.1.0
 * @category models
 */
export const ReadAuditLogInput = Schema.Struct({
  after: Schema.optionalKey(Count("a seq, 0 or more", 0)),
  limit: Schema.optionalKey(
    Count(`a number of entries from 1 to ${Store.maxPageSize}`, 1).pipe(
      Schema.check(
        Schema.makeFilter(
          (n: number) => n <= Store.maxPageSize || `expected at most ${Store.maxPageSize} entries, got ${n}`
        )
      )
    )
  )
})
/** @since 0.1.0 @category models */
export type ReadAuditLogInput = typeof ReadAuditLogInput.Encoded

/**
 * How many entries `readAuditLog` returns when no limit is given.
 *
 * @since 0.1.0
 * @category parameters
 */
export const defaultLimit = 1000

/**
 * The state of the whole chain: verified (how many entries, and the head to anchor elsewhere),
 * or broken at an entry.
 *
 * @since 0.1.0
 * @category models
 */
export type Chain =
  | { readonly valid: true; readonly count: number; readonly head: Audit.Verified["head"] }
  | { readonly valid: false; readonly broken: Audit.BrokenLink }

/**
 * What `readAuditLog` returns: the entries asked for, and the verification of the whole chain.
 *
 * @since 0.1.0
 * @category models
 */
export interface AuditLog {
  readonly entries: ReadonlyArray<Audit.Entry>
  readonly chain: Chain
}

/**
 * The audit-trail use-case.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Reads entries of the audit log and verifies the whole chain (auditors only). */
  readonly readAuditLog: (actor: UseCase.ActorInput, input: unknown) => Effect.Effect<AuditLog, UseCase.Failure>
}

/**
 * The audit-trail use-case's service key.
 *
 * @since 0.1.0
 * @category services
 */
export class AuditTrail extends Context.Service<AuditTrail, Service>()("@quartieri/core/app/AuditTrail") {}

const decodeRead = UseCase.decodeRequest(ReadAuditLogInput, "readAuditLog")

/**
 * Builds the audit-trail use-case on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const readAuditLog: Service["readAuditLog"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeRead(actor, input)
      yield* UseCase.authorize(who, "read", { kind: "audit-log" })
      const entries = yield* Stream.runCollect(
        Stream.take(store.auditLog(req.after === undefined ? {} : { after: req.after }), req.limit ?? defaultLimit)
      )
      const verified = yield* Audit.verifyStream(store.auditLog())
      const chain: Chain = Result.isSuccess(verified)
        ? { valid: true, count: verified.success.count, head: verified.success.head }
        : { valid: false, broken: verified.failure }
      return { entries, chain }
    })

  return { readAuditLog }
})

/**
 * The audit-trail use-case over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<AuditTrail, never, Store.Store> = Layer.effect(AuditTrail, make)
