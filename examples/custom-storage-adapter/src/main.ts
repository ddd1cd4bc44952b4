/**
 * A short run of the JSON-file store: a household written with its audit event in one
 * transaction, a stale write refused, the chain verified.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Audit, Collection, Store } from "@quartieri/core"
import { Effect, Result, Schema, Stream } from "effect"
import * as JsonFileStore from "./JsonFileStore.js"

const Household = Schema.Struct({ id: Schema.String, comune: Schema.String, members: Schema.Int })
const Households = Collection.make({
  name: "households",
  schema: Household,
  id: "id",
  indexes: { comune: Collection.string((h: typeof Household.Type) => h.comune) }
})

const file = join(mkdtempSync(join(tmpdir(), "quartieri-json-")), "store.json")

const program = Effect.gen(function* () {
  const store = yield* Store.Store
  const household = { id: "h-001", comune: "Milano", members: 3 }
  yield* store.transaction(
    Effect.gen(function* () {
      yield* store.put(Households, household, 0)
      yield* store.appendAudit(
        yield* Audit.event({
          actor: "operatore@comune",
          action: "household.create",
          collection: Households,
          record: household
        })
      )
    })
  )
  const stale = yield* Effect.flip(store.put(Households, { ...household, members: 4 }, 0))
  console.log(`stale write: ${stale.message}`)
  const verified = yield* Audit.verifyStream(store.auditLog())
  console.log(
    Result.isSuccess(verified) ? `audit chain verified, head ${verified.success.head?.hash}` : verified.failure.message
  )
  const inMilano = yield* Stream.runCollect(store.query(Households, { where: { index: "comune", equals: "Milano" } }))
  console.log(`households in Milano: ${inMilano.map((h) => h.id).join(", ")}; data in ${file}`)
})

Effect.runPromise(program.pipe(Effect.provide(JsonFileStore.layer(file)))).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
