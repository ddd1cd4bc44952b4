/**
 * How the PostgreSQL tests find their server: `QUARTIERI_PG_URL` (`.ci/run` exports it). With
 * `CI=true`, a missing URL or an unreachable server fails a test; locally the tests are skipped
 * with a loud message. Each run works under a fresh table prefix, dropped at the end, so reruns
 * start clean.
 */
import { PgClient } from "@effect/sql-pg"
import { afterAll, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import { SqlClient } from "effect/sql"

const url = process.env.QUARTIERI_PG_URL
const ci = process.env.CI === "true"

const probe = (target: string) =>
  Effect.runPromiseExit(
    Effect.scoped(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql`SELECT 1`
      }).pipe(
        Effect.provide(PgClient.layer({ url: Redacted.make(target), maxConnections: 1, connectTimeout: "5 seconds" }))
      )
    ).pipe(Effect.timeout("10 seconds"))
  )

const problem: string | undefined =
  url === undefined
    ? "QUARTIERI_PG_URL is not set"
    : await probe(url).then((exit) =>
        exit._tag === "Success" ? undefined : `cannot reach ${url.replace(/:[^:@/]*@/, ":***@")}`
      )

if (problem !== undefined) {
  if (ci) {
    it("PostgreSQL is required in CI", () => {
      throw new Error(`PostgreSQL tests cannot run: ${problem}`)
    })
  } else {
    it.skipIf(true)(`PostgreSQL tests — skipped: ${problem} (set QUARTIERI_PG_URL to run them)`, () => {})
    console.warn(
      `\n${"!".repeat(78)}\n!! PostgreSQL tests SKIPPED: ${problem}.\n!! Set QUARTIERI_PG_URL=postgres://quartieri:quartieri@127.0.0.1:5432/quartieri to run them.\n${"!".repeat(78)}\n`
    )
  }
}

/** The server URL when the tests can run, else `undefined` (and the reason was reported). */
export const pgUrl: string | undefined = problem === undefined ? url : undefined

/** A fresh table prefix for this run, whose tables are dropped after the file's tests. */
export const freshPrefix = (): string => {
  const prefix = `t${Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0")}_`
  if (pgUrl !== undefined) {
    const target = pgUrl
    afterAll(() =>
      Effect.runPromise(
        Effect.scoped(
          Effect.gen(function* () {
            const sql = yield* SqlClient.SqlClient
            const tables = yield* sql<{ tablename: string }>`SELECT tablename FROM pg_tables
              WHERE schemaname = current_schema() AND starts_with(tablename, ${prefix})`
            for (const { tablename } of tables) yield* sql`DROP TABLE IF EXISTS ${sql(tablename)} CASCADE`
            yield* sql`DROP FUNCTION IF EXISTS ${sql(`${prefix}_audit_append_only`)}() CASCADE`
          }).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(target), maxConnections: 1 })))
        )
      )
    )
  }
  return prefix
}
