/**
 * What a transaction returns when its connection dies in the middle (the server stopped or
 * crashed, the session killed): the body fails, and the ROLLBACK that follows fails too.
 * effect/sql then turns both into defects, so the caller got a crash instead of the body's
 * typed error or a retryable `StoreError` — found by StorageFaults.test.ts, made deterministic
 * here by having the transaction terminate its own session (`pg_terminate_backend` of its own
 * backend; no other session is touched). Skipped locally without a server, failed in CI.
 */
import { describe, expect, layer } from "@effect/vitest"
import { Store, StoreError } from "@quartieri/core"
import { PostgresStore } from "@quartieri/storage-postgres"
import { Fixtures } from "@quartieri/storage-testkit"
import { Cause, Effect, Exit, Option } from "effect"
import { SqlClient } from "effect/sql"
import { freshPrefix, pgUrl } from "./pg.js"

/** Ends the current session from inside it; the statement itself fails as the session dies. */
const killOwnSession = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  Effect.ignore(sql`SELECT pg_terminate_backend(pg_backend_pid())`)
)

const squashed = <A, E>(exit: Exit.Exit<A, E>) => (Exit.isFailure(exit) ? Cause.squash(exit.cause) : undefined)

if (pgUrl !== undefined) {
  const prefix = freshPrefix()
  layer(PostgresStore.layer({ url: pgUrl, prefix }), { excludeTestServices: true })(
    "a transaction whose connection dies",
    (it) => {
      describe("the ROLLBACK fails after the body failed", () => {
        it.effect("the body's typed failure comes back as it was, not as a defect, and nothing is written", () =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const notes = Fixtures.notes()
            const exit = yield* Effect.exit(
              store.transaction(
                Effect.gen(function* () {
                  yield* store.put(notes, Fixtures.note("n1"), 0)
                  yield* killOwnSession
                  return yield* Effect.fail("refused" as const)
                })
              )
            )
            expect(exit).toEqual(Exit.fail("refused"))
            expect(yield* store.get(notes, "n1")).toEqual(Option.none())
          })
        )

        it.effect("a write on the dead connection fails as a retryable Unavailable; the store works again after", () =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const notes = Fixtures.notes()
            const exit = yield* Effect.exit(
              store.transaction(
                Effect.gen(function* () {
                  yield* store.put(notes, Fixtures.note("n1"), 0)
                  yield* killOwnSession
                  yield* store.put(notes, Fixtures.note("n2"), 0)
                })
              )
            )
            expect(Exit.isFailure(exit) && Cause.hasDies(exit.cause)).toBe(false)
            const error = squashed(exit)
            expect(StoreError.isStoreError(error) && [error.reason, error.isRetryable]).toEqual(["Unavailable", true])
            expect(yield* store.get(notes, "n1")).toEqual(Option.none())
            expect(yield* store.put(notes, Fixtures.note("n1"), 0)).toBe(1)
          })
        )

        it.effect("a defect of the body stays that defect", () =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const bug = new Error("a bug in the body")
            const exit = yield* Effect.exit(store.transaction(Effect.andThen(killOwnSession, Effect.die(bug))))
            expect(exit).toEqual(Exit.die(bug))
          })
        )
      })

      describe("the COMMIT fails", () => {
        it.effect("the caller gets a retryable StoreError Unavailable, not a defect", () =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const notes = Fixtures.notes()
            const exit = yield* Effect.exit(
              store.transaction(Effect.andThen(store.put(notes, Fixtures.note("n1"), 0), killOwnSession))
            )
            expect(Exit.isFailure(exit) && Cause.hasDies(exit.cause)).toBe(false)
            const error = squashed(exit)
            expect(StoreError.isStoreError(error) && [error.reason, error.isRetryable]).toEqual(["Unavailable", true])
            expect(yield* store.get(notes, "n1")).toEqual(Option.none())
          })
        )
      })
    }
  )
}
