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
import { Store } from "@quartieri/core"
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
          const result = yield* Contention.run(open, plan)
          const { checked } = result
          console.info(Contention.summary("postgres", plan, result))
          expect(checked.problems).toEqual([])
          expect(checked.updates).toBe(plan.writers * plan.updates)
          expect(checked.entries).toBe(plan.writers * plan.updates)
          expect(checked.auditEntries).toBe(plan.households + plan.writers * plan.updates)
          expect(result.conflicts).toBeGreaterThan(0)
        }).pipe(Effect.scoped),
      soak ? 3_600_000 : 180_000
    )
  })
}
