/**
 * Two concurrent updates of the same household through the `updateIsee` use-case, on a SQLite
 * file in WAL mode with two connections (two store handles, as two processes would have):
 * exactly one wins, the other gets a `StoreError` `Conflict`, nothing is lost — and each
 * committed update has exactly one audit event.
 */
import { createHash } from "node:crypto"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, layer } from "@effect/vitest"
import { App, Store } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { Context, Effect, Layer, Option, Result, Schema, Stream } from "effect"

const filename = join(mkdtempSync(join(tmpdir(), "quartieri-sqlite-app-")), "store.db")

const open = Effect.map(Layer.build(Layer.fresh(SqliteStore.layer({ filename }))), (context) =>
  Context.get(context, Store.Store)
)
const registryOn = (store: Store.Service) => Effect.provideService(App.Registry.make, Store.Store, store)

/**
 * The store as a remote server would feel: each transaction starts a little late, so that both
 * use-cases have read version 1 before either writes, and the database itself must refuse the
 * second write.
 */
const late = (store: Store.Service): Store.Service => ({
  ...store,
  transaction: (effect) => Effect.andThen(Effect.sleep("5 millis"), store.transaction(effect))
})

const coordinator = {
  _tag: "CapofilaCoordinator",
  id: "u-capofila",
  organisation: "comune-a",
  projects: ["p1"]
} as const

const decodeHousehold = Schema.decodeUnknownSync(App.Records.HouseholdRecord)

/** A household of p1 at laboratorio l1, written directly: the test is about its updates. */
const household = (id: string): App.Records.HouseholdRecord =>
  decodeHousehold({
    id,
    project: "p1",
    laboratorio: "l1",
    tenancy: { complesso: "c1", unit: "A-1", leaseStart: "2015-03-01", sap: true },
    members: [{ person: `${id}-a`, relation: "intestatario", from: "2015-03-01" }],
    isee: [],
    arrears: []
  })

const isee = (dsuDate: string, value: number) => ({ value, dsuDate, validUntil: "2019-12-31" })

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  return JSON.stringify(value)
}
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")

layer(SqliteStore.layer({ filename }), { excludeTestServices: true })("updateIsee on a SQLite file (WAL)", (it) => {
  describe("two concurrent updates of the same household", () => {
    it.effect("exactly one wins, the other gets a Conflict, nothing is lost", () =>
      Effect.gen(function* () {
        const first = yield* Store.Store
        const second = yield* open
        const [a, b] = [yield* registryOn(late(first)), yield* registryOn(late(second))]
        for (let round = 0; round < 10; round++) {
          const id = `h${round}`
          yield* first.put(App.Collections.Households, household(id), 0)
          const [x, y] = yield* Effect.all(
            [
              Effect.result(
                a.updateIsee(coordinator, { household: id, expectedVersion: 1, isee: isee("2019-03-01", 1_100_000) })
              ),
              Effect.result(
                b.updateIsee(coordinator, { household: id, expectedVersion: 1, isee: isee("2019-04-01", 1_300_000) })
              )
            ],
            { concurrency: 2 }
          )
          const outcomes = [x, y].map((r) =>
            Result.isSuccess(r) ? "won" : r.failure._tag === "StoreError" ? r.failure.reason : r.failure._tag
          )
          expect([...outcomes].sort(), `round ${round}`).toEqual(["Conflict", "won"])
          // both had read version 1: the conflict came from the database, at the write
          const loser = [x, y].find(Result.isFailure)
          expect(loser?.failure._tag === "StoreError" && loser.failure.operation).toBe("put")
          const winner = Result.isSuccess(x) ? "2019-03-01" : "2019-04-01"
          for (const store of [first, second]) {
            const got = Option.getOrThrow(yield* store.get(App.Collections.Households, id))
            expect([got.version, got.value.isee.map((r) => r.dsuDate)]).toEqual([2, [winner]])
          }
          // one audit event for the one update, with the hash of what was stored
          const events = (yield* Stream.runCollect(second.auditLog())).filter((e) => e.id === id)
          const stored = Option.getOrThrow(yield* second.get(App.Collections.Households, id)).value
          expect(events.map((e) => [e.action, e.recordHash])).toEqual([
            ["household.isee", sha256(canonical(Schema.encodeSync(App.Records.HouseholdRecord)(stored)))]
          ])
        }
      })
    )

    it.effect("the loser re-reads and retries: both updates are kept, in two audit events", () =>
      Effect.gen(function* () {
        const first = yield* Store.Store
        const second = yield* open
        const [a, b] = [yield* registryOn(late(first)), yield* registryOn(late(second))]
        yield* first.put(App.Collections.Households, household("hr"), 0)
        const update = (registry: App.Registry.Service, store: Store.Service, record: ReturnType<typeof isee>) =>
          Effect.gen(function* () {
            const current = Option.getOrThrow(yield* store.get(App.Collections.Households, "hr"))
            return yield* registry.updateIsee(coordinator, {
              household: "hr",
              expectedVersion: current.version,
              isee: record
            })
          }).pipe(Effect.retry({ while: (e) => e._tag === "StoreError" && e.reason === "Conflict", times: 20 }))
        yield* Effect.all(
          [update(a, first, isee("2019-03-01", 1_100_000)), update(b, second, isee("2019-04-01", 1_300_000))],
          { concurrency: 2 }
        )
        const got = Option.getOrThrow(yield* second.get(App.Collections.Households, "hr"))
        expect([got.version, got.value.isee.map((r) => [r.dsuDate, r.value])]).toEqual([
          3,
          [
            ["2019-03-01", 1_100_000],
            ["2019-04-01", 1_300_000]
          ]
        ])
        const events = (yield* Stream.runCollect(first.auditLog())).filter((e) => e.id === "hr")
        expect(events.map((e) => e.action)).toEqual(["household.isee", "household.isee"])
      })
    )
  })
})
