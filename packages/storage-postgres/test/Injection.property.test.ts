/**
 * Injection through the use-cases on PostgreSQL: every text field of every write
 * use-case (the actor's id included) filled with SQL metacharacters, injection attempts and
 * hostile unicode, each run on the seeded database and rolled back (`Injection` of
 * `@quartieri/testing`). A text comes back exactly as data, or the request is refused with a
 * typed error located at that field; nothing is ever half-written or broken. Texts no adapter
 * can hold (U+0000, a lone surrogate) are refused, never mangled. Skipped without a server
 * locally, failed under `CI=true` (see pg.ts).
 */
import { afterAll, describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { PostgresStore } from "@quartieri/storage-postgres"
import { Fuzz, HostileText, Injection } from "@quartieri/testing"
import { ManagedRuntime } from "effect"
import { freshPrefix, pgUrl } from "./pg.js"

if (pgUrl !== undefined) {
  const url = pgUrl
  const prefix = freshPrefix()
  const runtime = ManagedRuntime.make(Injection.seeded(PostgresStore.layer({ url, prefix })))
  afterAll(() => runtime.dispose())

  const tally = { probes: 0, stored: 0, accepted: 0, refused: 0 }
  afterAll(() =>
    console.info(
      `[injection] postgres: ${Injection.fields.length} text fields of ${Injection.targets.length} write use-cases (${[...persisted.values()].filter(Boolean).length} kept by the store); ${tally.probes} probes: ${tally.stored} stored and read back as given, ${tally.accepted} accepted (field not stored), ${tally.refused} refused with a typed error (an InvalidInput located at the field, or the policy for a well-formed id); 0 defects`
    )
  )

  // which fields the store keeps: the field's own value is read back after the valid request
  const persisted = new Map<Injection.Field, boolean>()

  const run = (field: Injection.Field, text: string) =>
    runtime.runPromise(Injection.probe(field, text, persisted.get(field) ?? false)).then((p) => {
      tally.probes++
      tally[p.outcome === "defect" ? "refused" : p.outcome]++
      return p
    })

  describe("SQL metacharacters and unicode through the use-cases, on PostgreSQL", () => {
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

    test.prop([fc.constantFrom(...Injection.fields), HostileText.storable], { numRuns: Fuzz.runs(200) })(
      "random hostile text in a random text field comes back as data",
      async (field, text) => {
        const p = await run(field, text)
        expect(p.problems, p.label).toEqual([])
      },
      Fuzz.timeout(120_000)
    )
  })
}
