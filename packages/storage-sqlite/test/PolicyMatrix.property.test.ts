/**
 * The access policy matrix through the use-cases on a real SQLite file (WAL): the same
 * `PolicyMatrix` of `@quartieri/testing` as the memory store's test in core, so the SQL adapter
 * cannot change who may see or write what. The file is seeded once; each run is rolled back.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { AppRequests, Fuzz, PolicyMatrix } from "@quartieri/testing"
import { Effect, ManagedRuntime } from "effect"

const filename = join(mkdtempSync(join(tmpdir(), "quartieri-sqlite-policy-")), "store.db")
const runtime = ManagedRuntime.make(PolicyMatrix.seeded(SqliteStore.layer({ filename })))
afterAll(() => runtime.dispose())

let checked = 0
afterAll(() => console.info(`[policy] sqlite file: ${checked} actor × operation runs, 0 violations`))

describe("the policy matrix on a SQLite file", () => {
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
    Fuzz.timeout(60_000)
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
