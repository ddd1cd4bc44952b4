/**
 * The application-level suites an adapter runs through its real store, beside the conformance
 * kit: SQL injection through every write use-case ({@link injection}) and the access-policy
 * matrix ({@link policyMatrix}). The conformance kit checks the `Store` contract; these check
 * that the adapter cannot change what the use-cases promise — hostile text comes back as data,
 * and nobody sees or writes what the role table does not allow. Each store is seeded once
 * (`Injection.seeded`, `PolicyMatrix.seeded` of `@quartieri/testing`) and every run is rolled
 * back. Call them at the top level of a Vitest test file:
 *
 * ```ts
 * AppSuites.injection({ name: "sqlite file", where: "on a SQLite file", store: SqliteStore.layer({ filename }) })
 * ```
 *
 * Each suite prints one line of figures (`[injection] …`, `[policy] …`) for docs/security.md.
 * Runs scale with `Fuzz.runs()` (`QUARTIERI_SOAK=1` for the long mode).
 *
 * @since 0.1.0
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import type { Store } from "@quartieri/core"
import { AppRequests, Fuzz, HostileText, Injection, PolicyMatrix } from "@quartieri/testing"
import { Effect, type Layer, ManagedRuntime } from "effect"
import * as fc from "fast-check"

/**
 * The store a suite runs on: a short name for the printed figures (`sqlite file`), where it
 * is for the test titles (`on a SQLite file`), and its layer (a fresh, empty store).
 *
 * @since 0.1.0
 * @category models
 */
export interface Target<ROut, E> {
  readonly name: string
  readonly where: string
  readonly store: Layer.Layer<Store.Store | ROut, E>
  /** Timeout of the matrix's exhaustive test (a server is slower than a file). */
  readonly matrixTimeoutMs?: number
}

/**
 * SQL metacharacters and unicode through the use-cases: every text field of every write
 * use-case with every payload at once; every field the store keeps with each injection
 * attempt; texts no adapter can hold refused by the decoding, at the field; random hostile text
 * in a random field coming back as data.
 *
 * @since 0.1.0
 * @category constructors
 */
export const injection = <ROut, E>(target: Target<ROut, E>): void => {
  const runtime = ManagedRuntime.make(Injection.seeded(target.store))
  afterAll(() => runtime.dispose())

  const tally = { probes: 0, stored: 0, accepted: 0, refused: 0 }
  // which fields the store keeps: the field's own value is read back after the valid request
  const persisted = new Map<Injection.Field, boolean>()
  afterAll(() =>
    console.info(
      `[injection] ${target.name}: ${Injection.fields.length} text fields of ${Injection.targets.length} write use-cases (${[...persisted.values()].filter(Boolean).length} kept by the store); ${tally.probes} probes: ${tally.stored} stored and read back as given, ${tally.accepted} accepted (field not stored), ${tally.refused} refused with a typed error (an InvalidInput located at the field, or the policy for a well-formed id); 0 defects`
    )
  )

  const run = (field: Injection.Field, text: string) =>
    runtime.runPromise(Injection.probe(field, text, persisted.get(field) ?? false)).then((p) => {
      tally.probes++
      tally[p.outcome === "defect" ? "refused" : p.outcome]++
      return p
    })

  describe(`SQL metacharacters and unicode through the use-cases, ${target.where}`, () => {
    it(
      "every write use-case succeeds on the seed; which fields the store keeps",
      async () => {
        for (const field of Injection.fields) persisted.set(field, await runtime.runPromise(Injection.persists(field)))
        expect([...persisted.values()].filter(Boolean).length).toBeGreaterThan(20)
      },
      Fuzz.timeout(120_000)
    )

    it(
      "every text field with every payload at once; every stored field with each injection attempt",
      async () => {
        const problems: Array<string> = []
        for (const field of Injection.fields) {
          const all = await run(field, HostileText.composite)
          problems.push(...all.problems.map((x) => `${all.label}: ${x}`))
          if (all.outcome !== "stored") continue
          for (const text of HostileText.sql.slice(17)) {
            const p = await run(field, text)
            problems.push(...p.problems.map((x) => `${p.label}: ${x}`))
          }
        }
        expect(problems).toEqual([])
      },
      Fuzz.timeout(300_000)
    )

    it(
      "texts no adapter can hold are refused by the decoding, at the field, in every text field",
      async () => {
        const problems: Array<string> = []
        for (const field of Injection.fields)
          for (const text of persisted.get(field) ? HostileText.unstorable : HostileText.unstorable.slice(0, 1)) {
            const p = await run(field, text)
            if (p.outcome !== "refused") problems.push(`${p.label}: ${p.outcome}`)
            problems.push(...p.problems.map((x) => `${p.label}: ${x}`))
          }
        expect(problems).toEqual([])
      },
      Fuzz.timeout(120_000)
    )

    it(
      "random hostile text in a random text field comes back as data",
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...Injection.fields), HostileText.storable, async (field, text) => {
            const p = await run(field, text)
            expect(p.problems, p.label).toEqual([])
          }),
          { numRuns: Fuzz.runs(200) }
        )
      },
      Fuzz.timeout(120_000)
    )
  })
}

/**
 * The access-policy matrix of `PolicyMatrix` (`@quartieri/testing`): every operation for one
 * actor of each role, then random actors and operations — refused exactly when the role table
 * says so, no write without its audit event.
 *
 * @since 0.1.0
 * @category constructors
 */
export const policyMatrix = <ROut, E>(target: Target<ROut, E>): void => {
  const runtime = ManagedRuntime.make(PolicyMatrix.seeded(target.store))
  afterAll(() => runtime.dispose())

  let checked = 0
  afterAll(() => console.info(`[policy] ${target.name}: ${checked} actor × operation runs, 0 violations`))

  describe(`the policy matrix ${target.where}`, () => {
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
      Fuzz.timeout(target.matrixTimeoutMs ?? 60_000)
    )

    it(
      "refused exactly when the spec table says so; no write without its audit event",
      async () => {
        await fc.assert(
          fc.asyncProperty(PolicyMatrix.actor, PolicyMatrix.operation, async (a, op) => {
            const v = await runtime.runPromise(PolicyMatrix.check(a, op))
            checked++
            expect(v.problems, v.label).toEqual([])
          }),
          { numRuns: Fuzz.runs(200) }
        )
      },
      Fuzz.timeout(120_000)
    )
  })
}
