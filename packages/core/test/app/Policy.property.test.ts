/**
 * The access policy through the use-cases, on the memory store: for random actors × operations
 * × records, an operation is refused with `NotAuthorized` exactly when the spec table
 * (docs/concepts/access.md, restated in `@quartieri/testing`'s `PolicyMatrix` without the
 * library's helpers) says so; a Region officer never receives personal data; every committed
 * write has its audit event, a refused operation writes nothing, and the audit chain verifies.
 * The same matrix runs through the SQLite and PostgreSQL adapters in their packages.
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { MemoryStore } from "@quartieri/storage-memory"
import { AppRequests, PolicyMatrix } from "@quartieri/testing"
import { Effect, ManagedRuntime } from "effect"

const runtime = ManagedRuntime.make(PolicyMatrix.seeded(MemoryStore.layer()))
afterAll(() => runtime.dispose())

const run = (a: Parameters<typeof PolicyMatrix.check>[0], op: PolicyMatrix.Operation) =>
  runtime.runPromise(PolicyMatrix.check(a, op))

describe("the policy through the use-cases", () => {
  // every operation for a partner operator, whose rights depend most on their scope (project,
  // laboratori, pathways, organisation), and for the other roles; random actors below
  it("every operation, for one actor of each role", async () => {
    const verdicts = await runtime.runPromise(
      Effect.forEach([AppRequests.partner, AppRequests.coordinator, AppRequests.region, AppRequests.auditor], (a) =>
        Effect.forEach(PolicyMatrix.operations, (op) => PolicyMatrix.check(a, op))
      )
    )
    expect(verdicts.flat().flatMap((v) => v.problems.map((p) => `${v.label}: ${p}`))).toEqual([])
  }, 30_000)

  it("the check catches a wrong expectation and isolates each run", async () => {
    const household = PolicyMatrix.operations.find((o) => o.name === "getHousehold h1")
    const erase = PolicyMatrix.operations.find((o) => o.name === "erasePerson h1-a")
    if (household === undefined || erase === undefined) throw new Error("missing operations")
    // a spec that wrongly allows the Region to read a household is caught
    const wrong = await run(AppRequests.region, { ...household, checks: [] })
    expect(wrong.problems).toEqual(["expected success, got NotAuthorized"])
    // an erasure is rolled back: the next run finds the person again
    expect((await run(AppRequests.coordinator, erase)).outcome).toBe("ok")
    expect((await run(AppRequests.coordinator, erase)).outcome).toBe("ok")
    const get = PolicyMatrix.operations.find((o) => o.name === "getPerson h1-a")
    if (get === undefined) throw new Error("missing operation")
    expect((await run(AppRequests.coordinator, get)).outcome).toBe("ok")
  })

  test.prop([PolicyMatrix.actor, PolicyMatrix.operation], { numRuns: 300 })(
    "refused exactly when the spec table says so; no write without its audit event",
    async (a, op) => {
      const v = await run(a, op)
      expect(v.problems, v.label).toEqual([])
    }
  )
})
