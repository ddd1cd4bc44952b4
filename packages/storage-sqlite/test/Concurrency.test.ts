/**
 * SQLite file in WAL mode with two connections (two store handles on one file): updates racing
 * at the same expected version, read-modify-write loops, a writer kept waiting past its busy
 * timeout, and the database's own refusal to change the audit log.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, layer } from "@effect/vitest"
import { Store } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { Fixtures } from "@quartieri/storage-testkit"
import { Context, Deferred, Effect, Fiber, Layer, Option, Ref, Result } from "effect"
import { SqlClient } from "effect/sql"

const filename = join(mkdtempSync(join(tmpdir(), "quartieri-sqlite-concurrency-")), "store.db")

const open = (options: Partial<SqliteStore.Options> = {}) =>
  Effect.map(Layer.build(Layer.fresh(SqliteStore.layer({ filename, ...options }))), (context) =>
    Context.get(context, Store.Store)
  )

layer(SqliteStore.layer({ filename }), { excludeTestServices: true })("SQLite file (WAL), two connections", (it) => {
  describe("optimistic concurrency", () => {
    it.effect("two updates at the same expected version: exactly one wins, the other gets Conflict, nothing lost", () =>
      Effect.gen(function* () {
        const first = yield* Store.Store
        const second = yield* open()
        const notes = Fixtures.notes()
        for (let round = 0; round < 20; round++) {
          const id = `doc-${round}`
          yield* first.put(notes, Fixtures.note(id, { title: "base" }), 0)
          // each update holds its transaction open a little, so the two really overlap
          const update = (store: Store.Service, title: string) =>
            Effect.result(
              store.transaction(
                Effect.andThen(store.put(notes, Fixtures.note(id, { title }), 1), Effect.sleep("3 millis"))
              )
            )
          const [a, b] = yield* Effect.all([update(first, "first"), update(second, "second")], { concurrency: 2 })
          const outcomes = [a, b].map((r) => (Result.isSuccess(r) ? "won" : r.failure.reason)).sort()
          expect(outcomes, `round ${round}`).toEqual(["Conflict", "won"])
          const winner = Result.isSuccess(a) ? "first" : "second"
          for (const store of [first, second]) {
            const got = yield* store.get(notes, id)
            expect(Option.map(got, (d) => [d.version, d.value.title])).toEqual(Option.some([2, winner]))
          }
        }
      })
    )

    it.effect("read-modify-write from both connections, retried on Conflict, loses no increment", () =>
      Effect.gen(function* () {
        const first = yield* Store.Store
        const second = yield* open()
        const notes = Fixtures.notes()
        yield* first.put(notes, Fixtures.note("counter", { count: 0 }), 0)
        const increment = (store: Store.Service) =>
          store
            .transaction(
              Effect.gen(function* () {
                const current = Option.getOrThrow(yield* store.get(notes, "counter"))
                yield* store.put(notes, { ...current.value, count: current.value.count + 1 }, current.version)
              })
            )
            .pipe(Effect.retry({ while: (e) => e.reason === "Conflict", times: 50 }))
        yield* Effect.all(
          Array.from({ length: 20 }, (_, i) => increment(i % 2 === 0 ? first : second)),
          { concurrency: "unbounded", discard: true }
        )
        const got = yield* second.get(notes, "counter")
        expect(Option.map(got, (d) => [d.value.count, d.version])).toEqual(Option.some([20, 21]))
      })
    )
  })

  describe("busy timeout", () => {
    it.effect(
      "a writer kept waiting past busyTimeout gets a retryable Unavailable, without blocking the event loop",
      () =>
        Effect.gen(function* () {
          const first = yield* Store.Store
          const impatient = yield* open({ busyTimeout: "150 millis" })
          const notes = Fixtures.notes()
          yield* first.put(notes, Fixtures.note("n1"), 0)
          const locked = yield* Deferred.make<void>()
          const holder = yield* Effect.forkChild(
            first.transaction(
              Effect.gen(function* () {
                yield* first.put(notes, Fixtures.note("n1", { title: "holder" }), 1)
                yield* Deferred.succeed(locked, undefined)
                yield* Effect.sleep("600 millis")
              })
            )
          )
          yield* Deferred.await(locked)
          const ticks = yield* Ref.make(0)
          const ticker = yield* Effect.forkChild(
            Effect.forever(
              Effect.andThen(
                Effect.sleep("10 millis"),
                Ref.update(ticks, (n) => n + 1)
              )
            )
          )
          const error = yield* Effect.flip(impatient.put(notes, Fixtures.note("n2"), 0))
          yield* Fiber.interrupt(ticker)
          expect([error.reason, error.isRetryable]).toEqual(["Unavailable", true])
          expect(yield* Ref.get(ticks)).toBeGreaterThanOrEqual(5)
          yield* Fiber.join(holder)
          expect(yield* impatient.put(notes, Fixtures.note("n2"), 0)).toBe(1)
        })
    )
  })

  describe("append-only audit table", () => {
    it.effect("the database itself refuses UPDATE and DELETE on the audit log", () =>
      Effect.gen(function* () {
        const store = yield* Store.Store
        const sql = yield* SqlClient.SqlClient
        const entry = yield* store.appendAudit({
          time: "2026-11-22T09:30:00.000Z",
          actor: "operatore",
          action: "test",
          entity: "notes",
          id: "x",
          recordHash: "0".repeat(64)
        })
        const update = yield* Effect.flip(sql`UPDATE quartieri__audit SET actor = 'altro' WHERE seq = ${entry.seq}`)
        expect(update.message).toContain("append-only")
        const remove = yield* Effect.flip(sql`DELETE FROM quartieri__audit WHERE seq = ${entry.seq}`)
        expect(remove.message).toContain("append-only")
      })
    )
  })
})
