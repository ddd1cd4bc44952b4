/**
 * Concurrency under load on a SQLite file in WAL mode: 8 writers, each on its own connection
 * (its own store handle, as 8 processes would have), make 1,000 successful updates each on 50
 * shared households through the `recordArrears` use-case — read, change, write at the version
 * read, retry on `Conflict`. Afterwards no update is lost or applied twice, every conflict was a
 * typed retryable `StoreError` `Conflict`, every update eventually succeeded, and the audit
 * chain verifies with one event per committed write. `QUARTIERI_SOAK=1` runs 5,000 updates
 * per writer.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { Contention } from "@quartieri/storage-testkit"
import { Context, Effect, Layer } from "effect"

const soak = process.env.QUARTIERI_SOAK === "1"
const plan: Contention.Plan = {
  writers: 8,
  updates: soak ? 5_000 : 1_000,
  households: 50,
  seed: Number(process.env.QUARTIERI_SEED ?? Date.now() % 1_000_000)
}

describe("SQLite file (WAL), 8 writers on separate connections", () => {
  it.live(
    `${plan.writers} writers × ${plan.updates} updates on ${plan.households} shared households: no lost update`,
    () =>
      Effect.gen(function* () {
        const dir = mkdtempSync(join(tmpdir(), "quartieri-sqlite-writers-"))
        yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
        const filename = join(dir, "store.db")
        const open = Effect.map(Layer.build(Layer.fresh(SqliteStore.layer({ filename }))), (context) =>
          Context.get(context, Store.Store)
        )
        const result = yield* Contention.run(open, plan)
        const { checked } = result
        console.info(Contention.summary("sqlite", plan, result))
        expect(checked.problems).toEqual([])
        expect(checked.updates).toBe(plan.writers * plan.updates)
        expect(checked.entries).toBe(plan.writers * plan.updates)
        expect(checked.auditEntries).toBe(plan.households + plan.writers * plan.updates)
        expect(result.conflicts).toBeGreaterThan(0)
      }).pipe(Effect.scoped),
    soak ? 3_600_000 : 180_000
  )
})
