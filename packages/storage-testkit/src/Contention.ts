/**
 * The concurrency workload of the reliability tests: many writers updating a few shared
 * households at once through the real `recordArrears` use-case, each update a read, a change
 * and a write at the version read, retried on `Conflict` — and the check that nothing was lost:
 * every household holds exactly the arrears entries of the updates that succeeded on it, at the
 * version that count implies, and the audit log has one event per committed write, each
 * carrying the hash of the state that write produced.
 *
 * Every update appends an arrears entry whose `owed` amount is unique to the (writer, update)
 * pair, dated one day after the previous entry: a lost update is a missing amount, a write
 * applied twice a repeated one, a write applied on a stale state a repeated date.
 *
 * @since 0.1.0
 */
import { App, Audit, Store, StoreError } from "@quartieri/core"
import { Effect, Option, Result, Schema, Stream } from "effect"
import { sha256Canonical } from "./BatchImport.js"

/**
 * The size of a run: `writers` concurrent writers, each making `updates` successful updates
 * on households drawn at random (seeded) among `households`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plan {
  readonly writers: number
  readonly updates: number
  readonly households: number
  readonly seed: number
}

/**
 * The coordinator the writers act as (the households are of project `p1`).
 *
 * @since 0.1.0
 * @category parameters
 */
export const actor = {
  _tag: "CapofilaCoordinator",
  id: "contention-writer",
  organisation: "comune-a",
  projects: ["p1"]
} as const

/**
 * The id of shared household `n`: `shared-07`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const householdId = (n: number): string => `shared-${String(n).padStart(2, "0")}`

/**
 * The amount that identifies update `update` of writer `writer`, in cents (never 0).
 *
 * @since 0.1.0
 * @category constructors
 */
export const owedOf = (writer: number, update: number): number => writer * 1_000_000 + update + 1

/**
 * The date of the arrears entry at position `n` of a ledger: 2000-01-01 plus `n` days.
 *
 * @since 0.1.0
 * @category constructors
 */
export const entryDate = (n: number): string =>
  new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)

/**
 * Shared household `n` before any update, encoded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const encodedHousehold = (n: number): typeof App.Records.HouseholdRecord.Encoded => ({
  id: householdId(n),
  tenancy: { complesso: "c1", unit: `A-${n}`, leaseStart: "1999-06-01", sap: true },
  members: [{ person: `${householdId(n)}-a`, relation: "intestatario", from: "1999-06-01" }],
  isee: [],
  arrears: [],
  project: "p1",
  laboratorio: "l1"
})

const decodeHousehold = Schema.decodeUnknownSync(App.Records.HouseholdRecord)
const encodeHousehold = Schema.encodeSync(App.Records.HouseholdRecord)

/**
 * Creates the shared households, each with its `household.register` audit event.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seed = (store: Store.Service, households: number): Effect.Effect<void, StoreError.StoreError> =>
  Effect.forEach(
    Array.from({ length: households }, (_, n) => n),
    (n) =>
      store.transaction(
        Effect.gen(function* () {
          const household = decodeHousehold(encodedHousehold(n))
          yield* store.put(App.Collections.Households, household, 0)
          yield* store.appendAudit(
            yield* Audit.event({
              actor: actor.id,
              action: "household.register",
              collection: App.Collections.Households,
              record: household
            })
          )
        })
      ),
    { discard: true }
  )

/**
 * What one writer did: the updates that succeeded (household and amount), and the conflicts it
 * met — all of them, and those the database itself raised at the write (`operation` `put`)
 * rather than the use-case on its own read — and the most attempts one update needed.
 *
 * @since 0.1.0
 * @category models
 */
export interface WriterReport {
  readonly writer: number
  readonly applied: ReadonlyArray<{ readonly household: string; readonly owed: number }>
  readonly conflicts: number
  readonly conflictsAtWrite: number
  readonly maxAttempts: number
}

/**
 * A writer failed with something other than a `Conflict`, or an update did not succeed within
 * `attempts` tries.
 *
 * @since 0.1.0
 * @category errors
 */
export class WriterFailed extends Schema.TaggedError<WriterFailed>()("WriterFailed", {
  writer: Schema.Number,
  update: Schema.Number,
  attempts: Schema.Number,
  detail: Schema.String,
  cause: Schema.optionalKey(Schema.Defect())
}) {}

/**
 * The most tries one update may take before the writer gives up.
 *
 * @since 0.1.0
 * @category parameters
 */
export const maxAttempts = 1_000

/** mulberry32: a small seeded generator, so a run's choice of households can be replayed. */
const random = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const problemOf = (error: unknown): string | undefined => {
  if (!StoreError.isStoreError(error)) return `failed with ${String((error as { _tag?: unknown })?._tag ?? error)}`
  if (error.reason !== "Conflict") return `failed with StoreError ${error.reason}: ${error.message}`
  if (!error.isRetryable) return "a Conflict that is not retryable"
  return undefined
}

/**
 * Writer number `index`: `plan.updates` times, picks a household, reads it (outside any
 * transaction, as a portal would), and records an arrears entry at the version read through
 * `registry.recordArrears`; on a `Conflict` it reads again and retries. Anything but a typed,
 * retryable `StoreError` `Conflict` stops it with {@link WriterFailed}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const writer = (
  store: Store.Service,
  registry: App.Registry.Service,
  plan: Plan,
  index: number
): Effect.Effect<WriterReport, WriterFailed> =>
  Effect.gen(function* () {
    const next = random(plan.seed * 7919 + index)
    const applied: Array<{ household: string; owed: number }> = []
    let conflicts = 0
    let conflictsAtWrite = 0
    let most = 0
    for (let update = 0; update < plan.updates; update++) {
      const household = householdId(Math.floor(next() * plan.households))
      const owed = owedOf(index, update)
      const failed = (attempts: number, detail: string, cause?: unknown) =>
        new WriterFailed({ writer: index, update, attempts, detail, ...(cause === undefined ? {} : { cause }) })
      let attempts = 0
      while (true) {
        attempts++
        if (attempts > maxAttempts) return yield* failed(attempts - 1, `no success after ${maxAttempts} attempts`)
        const current = yield* Effect.mapError(store.get(App.Collections.Households, household), (e) =>
          failed(attempts, `read failed: ${e.message}`, e)
        )
        if (Option.isNone(current)) return yield* failed(attempts, `household ${household} is missing`)
        const outcome = yield* Effect.result(
          registry.recordArrears(actor, {
            household,
            expectedVersion: current.value.version,
            entry: {
              date: entryDate(current.value.value.arrears.length),
              owed,
              monthsInArrears: 1,
              cause: "unknown"
            }
          })
        )
        if (Result.isSuccess(outcome)) break
        const problem = problemOf(outcome.failure)
        if (problem !== undefined) return yield* failed(attempts, problem, outcome.failure)
        conflicts++
        if ((outcome.failure as StoreError.StoreError).operation === "put") conflictsAtWrite++
      }
      applied.push({ household, owed })
      most = Math.max(most, attempts)
    }
    return { writer: index, applied, conflicts, conflictsAtWrite, maxAttempts: most }
  })

/**
 * The outcome of {@link check}: every problem found, and the figures checked.
 *
 * @since 0.1.0
 * @category models
 */
export interface Checked {
  readonly problems: ReadonlyArray<string>
  /** Successful updates, as the writers report them. */
  readonly updates: number
  /** Arrears entries found in the households. */
  readonly entries: number
  /** Audit entries verified. */
  readonly auditEntries: number
}

/**
 * Checks the households and the audit log against what the writers report: for each
 * household, its arrears amounts are exactly those of the updates that succeeded on it, dated
 * on consecutive days from 2000-01-01, at version 1 + that count; the chain verifies; each
 * household has one `household.register` event and then one `household.arrears` event per
 * update, the k-th carrying the hash of the household with its first k entries.
 *
 * @since 0.1.0
 * @category constructors
 */
export const check = (
  store: Store.Service,
  plan: Plan,
  reports: ReadonlyArray<WriterReport>
): Effect.Effect<Checked, StoreError.StoreError> =>
  Effect.gen(function* () {
    const problems: Array<string> = []
    const expected = new Map<string, Array<number>>()
    for (const report of reports) {
      for (const { household, owed } of report.applied) {
        const list = expected.get(household) ?? []
        list.push(owed)
        expected.set(household, list)
      }
    }
    const finals = new Map<string, typeof App.Records.HouseholdRecord.Encoded>()
    let entries = 0
    for (let n = 0; n < plan.households; n++) {
      const id = householdId(n)
      const found = yield* store.get(App.Collections.Households, id)
      if (Option.isNone(found)) {
        problems.push(`household ${id} is missing`)
        continue
      }
      const encoded = encodeHousehold(found.value.value)
      finals.set(id, encoded)
      const want = [...(expected.get(id) ?? [])].sort((a, b) => a - b)
      const got = encoded.arrears.map((e) => e.owed).sort((a, b) => a - b)
      entries += got.length
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        const lost = want.filter((o) => !got.includes(o))
        const extra = got.filter((o) => !want.includes(o))
        problems.push(
          `household ${id}: lost updates ${JSON.stringify(lost)}, unexpected entries ${JSON.stringify(extra)}`
        )
      }
      const dates = encoded.arrears.map((e) => e.date)
      const consecutive = dates.map((_, i) => entryDate(i))
      if (JSON.stringify(dates) !== JSON.stringify(consecutive)) {
        problems.push(`household ${id}: entries are not on consecutive days from 2000-01-01`)
      }
      if (found.value.version !== 1 + want.length) {
        problems.push(`household ${id} is at version ${found.value.version}, expected ${1 + want.length}`)
      }
    }

    const log = yield* Stream.runCollect(store.auditLog())
    const chain = Audit.verify(log)
    if (Result.isFailure(chain)) problems.push(`the audit chain is broken: ${chain.failure.message}`)
    const byHousehold = new Map<string, Array<Audit.Entry>>()
    for (const entry of log) {
      const list = byHousehold.get(entry.id) ?? []
      list.push(entry)
      byHousehold.set(entry.id, list)
    }
    for (const [id, encoded] of finals) {
      const events = byHousehold.get(id) ?? []
      const actions = events.map((e) => e.action)
      const wanted = ["household.register", ...encoded.arrears.map(() => "household.arrears")]
      if (JSON.stringify(actions) !== JSON.stringify(wanted)) {
        problems.push(`household ${id}: audit actions ${actions.length}, expected ${wanted.length}`)
        continue
      }
      for (let k = 0; k < events.length; k++) {
        const state = { ...encoded, arrears: encoded.arrears.slice(0, k) }
        if (events[k]?.recordHash !== (yield* sha256Canonical(state))) {
          problems.push(`household ${id}: audit event ${k + 1} does not carry the hash of the state it recorded`)
          break
        }
      }
    }
    const stray = log.filter((e) => !finals.has(e.id))
    if (stray.length > 0) problems.push(`${stray.length} audit entries are about no shared household`)
    return {
      problems,
      updates: reports.reduce((n, r) => n + r.applied.length, 0),
      entries,
      auditEntries: log.length
    }
  })

/**
 * What {@link run} measured: the check, the time the writers took, and their conflicts.
 *
 * @since 0.1.0
 * @category models
 */
export interface Run {
  readonly checked: Checked
  readonly seconds: number
  /** Conflicts met by the writers, all retried. */
  readonly conflicts: number
  /** Of those, the ones the database raised at the write (the rest the use-case saw first). */
  readonly conflictsAtWrite: number
  /** The most attempts one update needed. */
  readonly maxAttempts: number
}

/**
 * The whole workload on an adapter: `open` gives a new store handle on the same database each
 * time it runs (its own connection or pool, as another process or server would have); one
 * handle seeds the households, `plan.writers` others write at once, and the first checks.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = <E, R>(
  open: Effect.Effect<Store.Service, E, R>,
  plan: Plan
): Effect.Effect<Run, E | StoreError.StoreError | WriterFailed, R> =>
  Effect.gen(function* () {
    const first = yield* open
    yield* seed(first, plan.households)
    const handles = yield* Effect.forEach(Array.from({ length: plan.writers }), () => open)
    const started = Date.now()
    const reports = yield* Effect.forEach(
      handles,
      (store, w) =>
        Effect.flatMap(Effect.provideService(App.Registry.make, Store.Store, store), (registry) =>
          writer(store, registry, plan, w)
        ),
      { concurrency: "unbounded" }
    )
    const seconds = (Date.now() - started) / 1000
    const checked = yield* check(first, plan, reports)
    return {
      checked,
      seconds,
      conflicts: reports.reduce((n, r) => n + r.conflicts, 0),
      conflictsAtWrite: reports.reduce((n, r) => n + r.conflictsAtWrite, 0),
      maxAttempts: Math.max(...reports.map((r) => r.maxAttempts))
    }
  })

/**
 * The line of figures a test prints for docs/security.md.
 *
 * @since 0.1.0
 * @category utils
 */
export const summary = (adapter: string, plan: Plan, r: Run): string =>
  `[reliability] ${adapter} writers (seed ${plan.seed}): ${r.checked.updates} updates in ${r.seconds.toFixed(1)} s, ${r.conflicts} conflicts ` +
  `(${r.conflictsAtWrite} raised by the database at the write), most attempts for one update ${r.maxAttempts}, ` +
  `${r.checked.entries} arrears entries and ${r.checked.auditEntries} audit entries checked, lost 0`
