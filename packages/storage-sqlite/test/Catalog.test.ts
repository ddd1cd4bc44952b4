/**
 * The collection catalog is read once per transaction: a long transaction of puts (an import)
 * does not read `quartieri__collections` again for every document. What a transaction has seen
 * of the catalog it keeps until it ends — shown here by removing the catalog row behind its
 * back: the next put of the same transaction does not notice (it would re-create the row if it
 * read the catalog again). A transaction that rolls back leaves nothing behind: the table it
 * created is created again by the next put.
 */
import { describe, expect, layer } from "@effect/vitest"
import { Store } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { Fixtures } from "@quartieri/storage-testkit"
import { Effect, Option, Result } from "effect"
import { SqlClient } from "effect/sql"

layer(SqliteStore.layer({ filename: ":memory:" }), { excludeTestServices: true })("SQLite catalog reads", (it) => {
  describe("inside a transaction", () => {
    it.effect("a collection's catalog row is read once, then remembered until the transaction ends", () =>
      Effect.gen(function* () {
        const store = yield* Store.Store
        const sql = yield* SqlClient.SqlClient
        const notes = Fixtures.notes()
        const catalogRows = Effect.map(
          sql<{ n: number }>`SELECT count(*) AS n FROM quartieri__collections WHERE name = ${notes.name}`,
          (rows) => Number(rows[0]?.n ?? 0)
        )
        yield* store.transaction(
          Effect.gen(function* () {
            yield* store.put(notes, Fixtures.note("n1"), 0) // creates the table and its catalog row
            yield* store.put(notes, Fixtures.note("n2"), 0) // reads the catalog row, and remembers it
            yield* sql`DELETE FROM quartieri__collections WHERE name = ${notes.name}`
            yield* store.put(notes, Fixtures.note("n3"), 0) // does not read it again
            expect(yield* catalogRows).toBe(0)
          })
        )
        expect(Option.isSome(yield* store.get(notes, "n3"))).toBe(true)
      })
    )

    it.effect("what a transaction that rolled back saw is forgotten with it", () =>
      Effect.gen(function* () {
        const store = yield* Store.Store
        const notes = Fixtures.notes()
        const failed = yield* Effect.result(
          store.transaction(
            Effect.andThen(
              Effect.andThen(store.put(notes, Fixtures.note("a"), 0), store.put(notes, Fixtures.note("b"), 0)),
              Effect.fail("undo" as const)
            )
          )
        )
        expect(Result.isFailure(failed)).toBe(true)
        // the table was rolled back with the transaction: the next puts create it again
        yield* store.transaction(
          Effect.andThen(store.put(notes, Fixtures.note("a"), 0), store.put(notes, Fixtures.note("b"), 0))
        )
        expect(Option.isSome(yield* store.get(notes, "b"))).toBe(true)
      })
    )
  })
})
