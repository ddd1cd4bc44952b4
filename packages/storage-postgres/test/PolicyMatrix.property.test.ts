/**
 * The access policy matrix through the use-cases on PostgreSQL: the same `PolicyMatrix` of
 * `@quartieri/testing` as the memory store's test in core and the SQLite file's, under a fresh
 * table prefix. The database is seeded once; each run is rolled back. Without a server the tests
 * are skipped with a loud message locally, and fail under `CI=true` (see pg.ts).
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { PostgresStore } from "@quartieri/storage-postgres"
import { AppRequests, Fuzz, PolicyMatrix } from "@quartieri/testing"
import { Effect, ManagedRuntime } from "effect"
import { freshPrefix, pgUrl } from "./pg.js"

if (pgUrl !== undefined) {
  const url = pgUrl
  const prefix = freshPrefix()
  const runtime = ManagedRuntime.make(PolicyMatrix.seeded(PostgresStore.layer({ url, prefix })))
  afterAll(() => runtime.dispose())

  let checked = 0
  afterAll(() => console.info(`[policy] postgres: ${checked} actor × operation runs, 0 violations`))

  describe("the policy matrix on PostgreSQL", () => {
    it(
      "every operation, for one actor of each role",
      async () => {
        const verdicts = await runtime.runPromise(
          Effect.forEach([AppRequests.partner, AppRequests.coordinator, AppRequests.region, AppRequests.auditor], (a) =>
            Effect.forEach(PolicyMatrix.operations, (op) => PolicyMatrix.check(a, op))
          )
        )
        checked += verdicts.flat().length
        expect(verdicts.flat().flatMap((v) => v.problems.map((p) => `${v.label}: ${p}`))).toEqual([])
      },
      Fuzz.timeout(120_000)
    )

    test.prop([PolicyMatrix.actor, PolicyMatrix.operation], { numRuns: Fuzz.runs(200) })(
      "refused exactly when the spec table says so; no write without its audit event",
      async (a, op) => {
        const v = await runtime.runPromise(PolicyMatrix.check(a, op))
        checked++
        expect(v.problems, v.label).toEqual([])
      },
      Fuzz.timeout(120_000)
    )
  })
}
