/**
 * Concurrency under load on PostgreSQL: 8 writers, each with its own connection pool (its own
 * store handle, as 8 application servers would have), make 1,000 successful updates each on 50
 * shared households through the `recordArrears` use-case — read, change, write at the version
 * read, retry on `Conflict`. Afterwards no update is lost or applied twice, every conflict was a
 * typed retryable `StoreError` `Conflict`, every update eventually succeeded, and the audit
 * chain verifies with one event per committed write. `QUARTIERI_SOAK=1` runs 5,000 updates
 * per writer. Skipped locally without a server, failed in CI (see pg.ts).
 */
import { describe, expect, it } from "@effect/vitest"
import { App, Store } from "@quartieri/core"
import { PostgresStore } from "@quartieri/storage-postgres"
import { Contention } from "@quartieri/storage-testkit"
import { Context, Effect, Layer } from "effect"
import { freshPrefix, pgUrl } from "./pg.js"

const soak = process.env.QUARTIERI_SOAK === "1"
const plan: Contention.Plan = {
  writers: 8,
  updates: soak ? 5_000 : 1_000,
  households: 50,
  seed: Number(process.env.QUARTIERI_SEED ?? Date.now() % 1_000_000)
}

if (pgUrl !== undefined) {
  const url = pgUrl
  const prefix = freshPrefix()

  describe("PostgreSQL, 8 writers with a pool each", () => {
    it.live(
      `${plan.writers} writers × ${plan.updates} updates on ${plan.households} shared households: no lost update`,
      () =>
        Effect.gen(function* () {
          const open = Effect.map(
            Layer.build(Layer.fresh(PostgresStore.layer({ url, prefix, maxConnections: 2 }))),
            (context) => Context.get(context, Store.Store)
          )
          const first = yield* open
          yield* Contention.seed(first, plan.households)
          const handles = yield* Effect.forEach(Array.from({ length: plan.writers }), () => open)
          const started = Date.now()
          const reports = yield* Effect.forEach(
            handles,
            (store, w) =>
              Effect.flatMap(Effect.provideService(App.Registry.make, Store.Store, store), (registry) =>
                Contention.writer(store, registry, plan, w)
              ),
            { concurrency: "unbounded" }
          )
          const seconds = (Date.now() - started) / 1000
          const checked = yield* Contention.check(first, plan, reports)
          const conflicts = reports.reduce((n, r) => n + r.conflicts, 0)
          const atWrite = reports.reduce((n, r) => n + r.conflictsAtWrite, 0)
          console.info(
            `[reliability] postgres writers (seed ${plan.seed}): ${checked.updates} updates in ${seconds.toFixed(1)} s, ${conflicts} conflicts ` +
              `(${atWrite} raised by the database at the write), most attempts for one update ${Math.max(...reports.map((r) => r.maxAttempts))}, ` +
              `${checked.entries} arrears entries and ${checked.auditEntries} audit entries checked, lost 0`
          )
          expect(checked.problems).toEqual([])
          expect(checked.updates).toBe(plan.writers * plan.updates)
          expect(checked.entries).toBe(plan.writers * plan.updates)
          expect(checked.auditEntries).toBe(plan.households + plan.writers * plan.updates)
          expect(conflicts).toBeGreaterThan(0)
        }).pipe(Effect.scoped),
      soak ? 3_600_000 : 180_000
    )
  })
}
