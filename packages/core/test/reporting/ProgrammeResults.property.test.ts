import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Effect, Stream } from "effect"
import { Calendar, Ids, Reporting } from "../../src/index.js"
import { A, B, C, periods, w1, w2, w3, w4 } from "./fixtures.js"

const { ProgrammeResults, Table } = Reporting

type Entry = Reporting.ProgrammeResults.Entry

// Random sessions over a small universe (3 places, 4 laboratori, 6 persons), and any subset of
// the fixture's pathways (each streamed once).
const person = fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6")
const arbSession: fc.Arbitrary<Entry> = fc
  .record({
    // a laboratorio sits in one place
    lab: fc.constantFrom(["L1", A] as const, ["L2", A] as const, ["L3", B] as const, ["L4", C] as const),
    day: fc.integer({ min: 0, max: 700 }),
    minutes: fc.integer({ min: 1, max: 240 }),
    sheet: fc.option(
      fc.record({
        named: fc.uniqueArray(person, { maxLength: 4 }),
        anonymous: fc.integer({ min: 0, max: 12 })
      }),
      { nil: undefined }
    )
  })
  .map(({ lab: [laboratorio, where], day, minutes, sheet }) => ({
    _tag: "Session" as const,
    where,
    laboratorio: Ids.LaboratorioId.make(laboratorio),
    kind: "eventi-tematici" as const,
    date: Calendar.addDays(Calendar.unsafeMake("2019-01-01"), day),
    durationMinutes: minutes,
    attendance:
      sheet === undefined
        ? undefined
        : { named: sheet.named.map((p) => Ids.PersonId.make(p)), anonymous: sheet.anonymous },
    households: (sheet?.named ?? []).map((p) => Ids.HouseholdId.make(`h-${p}`))
  }))
const arbPathways: fc.Arbitrary<ReadonlyArray<Entry>> = fc.subarray([
  { _tag: "Pathway" as const, where: A, pathway: w1 },
  { _tag: "Pathway" as const, where: B, pathway: w2 },
  { _tag: "Pathway" as const, where: C, pathway: w3 },
  { _tag: "Pathway" as const, where: C, pathway: w4 }
])
const arbEntries = fc
  .tuple(fc.array(arbSession, { maxLength: 25 }), arbPathways)
  .map(([sessions, pathways]) => [...sessions, ...pathways])

const counts = (f: Reporting.ProgrammeResults.Figures): ReadonlyArray<number> => [
  f.laboratori,
  f.personsInvolved,
  f.involvement.personsInvolved.upper,
  f.householdsReached,
  f.personsInPathways,
  f.involvedAlsoInPathways,
  f.pathwaysEnrolled,
  f.pathwaysCompleted,
  f.involvement.sessions,
  f.sessionMinutes,
  f.pathwayHours
]

describe("ProgrammeResults as a fold", () => {
  test.prop([arbEntries.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length })))])(
    "the result does not depend on the order of the records",
    ([entries, shuffled]) => {
      expect(ProgrammeResults.compute(shuffled, { periods })).toEqual(ProgrammeResults.compute(entries, { periods }))
    }
  )

  test.prop([arbEntries, arbSession])("adding a record never decreases a figure", (entries, extra) => {
    const before = ProgrammeResults.compute(entries, { periods })
    const after = ProgrammeResults.compute([...entries, extra], { periods })
    for (const g of before.groups) {
      const f = ProgrammeResults.figuresFor(after, g.dimension, g.value, g.period)
      expect(f).toBeDefined()
      if (f === undefined) continue
      counts(g.figures).forEach((x, i) => {
        expect(counts(f)[i]).toBeGreaterThanOrEqual(x)
      })
    }
  })

  test.prop([arbEntries])(
    "additive figures add up across quartieri; persons never exceed the sum of the parts",
    (entries) => {
      const t = ProgrammeResults.table(ProgrammeResults.compute(entries), "quartiere")
      const parts = t.rows.slice(0, -1)
      const total = t.rows.at(-1)
      const sum = (id: string) => parts.reduce((a, r) => a + (r[id] as number), 0)
      // each laboratorio, session and pathway is in one quartiere
      for (const id of ["laboratori", "sessions", "pathwaysEnrolled", "pathwaysCompleted"])
        expect(total?.[id]).toBe(sum(id))
      // a person or household may be in several
      for (const id of ["personsInvolved", "personsInvolvedUpTo", "householdsReached", "personsInPathways"])
        expect(total?.[id] as number).toBeLessThanOrEqual(sum(id))
      expect(total?.quartiere).toBe(Table.total)
    }
  )

  it.effect("runs over a Stream in one pass", () =>
    Effect.gen(function* () {
      const entries = fc.sample(arbEntries, { numRuns: 1, seed: 42 })[0] ?? []
      const state = yield* Stream.runFold(
        Stream.fromIterable(entries),
        () => ProgrammeResults.empty({ periods }),
        ProgrammeResults.step
      )
      expect(ProgrammeResults.result(state)).toEqual(ProgrammeResults.compute(entries, { periods }))
    })
  )
})
