/**
 * PostgreSQL with two connection pools on the same tables (two store handles, as two
 * application servers would have): updates racing at the same expected version, read-modify-
 * write loops, concurrent audit appends from both, and the database's own refusal to change the
 * audit log.
 */

import { describe, expect, layer } from "@effect/vitest"
import { Audit, Store } from "@quartieri/core"
import { PostgresStore } from "@quartieri/storage-postgres"
import { Fixtures } from "@quartieri/storage-testkit"
import { Context, Effect, Layer, Option, Result, Stream } from "effect"
import { SqlClient } from "effect/sql"
import { freshPrefix, pgUrl } from "./pg.js"

if (pgUrl !== undefined) {
  const url = pgUrl
  const prefix = freshPrefix()
  const open = Effect.map(Layer.build(Layer.fresh(PostgresStore.layer({ url, prefix }))), (context) =>
    Context.get(context, Store.Store)
  )

  layer(PostgresStore.layer({ url, prefix }), { excludeTestServices: true })("PostgreSQL, two pools", (it) => {
    describe("optimistic concurrency", () => {
      it.effect(
        "two updates at the same expected version: exactly one wins, the other gets Conflict, nothing lost",
        () =>
          Effect.gen(function* () {
            const first = yield* Store.Store
            const second = yield* open
            const notes = Fixtures.notes()
            for (let round = 0; round < 20; round++) {
              const id = `doc-${round}`
              yield* first.put(notes, Fixtures.note(id, { title: "base" }), 0)
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

      it.effect("read-modify-write from both pools, retried on Conflict, loses no increment", () =>
        Effect.gen(function* () {
          const first = yield* Store.Store
          const second = yield* open
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
              .pipe(Effect.retry({ while: (e) => e.reason === "Conflict", times: 100 }))
          yield* Effect.all(
            Array.from({ length: 30 }, (_, i) => increment(i % 2 === 0 ? first : second)),
            { concurrency: "unbounded", discard: true }
          )
          const got = yield* second.get(notes, "counter")
          expect(Option.map(got, (d) => [d.value.count, d.version])).toEqual(Option.some([30, 31]))
        })
      )
    })

    describe("audit log", () => {
      it.effect("appends from both pools at once form one unbroken chain", () =>
        Effect.gen(function* () {
          const first = yield* Store.Store
          const second = yield* open
          const before = yield* Stream.runLast(first.auditLog())
          const append = (store: Store.Service, i: number) =>
            store.appendAudit({
              time: "2026-11-22T09:30:00.000Z",
              actor: `op${i}`,
              action: "test",
              entity: "notes",
              id: `d${i}`,
              recordHash: Audit.sha256Hex(String(i))
            })
          yield* Effect.all(
            Array.from({ length: 20 }, (_, i) => append(i % 2 === 0 ? first : second, i)),
            { concurrency: "unbounded", discard: true }
          )
          const from = Option.getOrUndefined(Option.map(before, (e) => ({ seq: e.seq, hash: e.hash })))
          const entries = yield* Stream.runCollect(second.auditLog(from === undefined ? {} : { after: from.seq }))
          expect(entries.length).toBe(20)
          expect(Result.isSuccess(Audit.verify(entries, from))).toBe(true)
        })
      )

      it.effect("the database itself refuses UPDATE, DELETE and TRUNCATE on the audit log", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const audit = sql(`${prefix}_audit`)
          for (const statement of [
            sql`UPDATE ${audit} SET actor = 'altro'`,
            sql`DELETE FROM ${audit}`,
            sql`TRUNCATE ${audit}`
          ]) {
            const error = yield* Effect.flip(statement)
            const serverMessage = (error.reason.cause as { readonly message?: string } | undefined)?.message
            expect(`${error.message}: ${serverMessage}`).toContain("append-only")
          }
        })
      )
    })
  })
}
