/**
 * Properties of counting in place: `Compute.compute` and `Compute.fromStream` count into
 * counters and a map of their own, and must give exactly the report of folding the immutable
 * `step` from `empty`; `step` must still never change its input; `Participant.classify` gives
 * a complete record as the indicators read it, whether or not it copies it.
 */
import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { ExportArbitraries } from "@quartieri/testing"
import { Effect, HashMap, Stream } from "effect"
import { Calendar, Ids, Reporting } from "../../src/index.js"

const { Compute, Esf2014, EsfPlus2021, Participant } = Reporting

const period = { start: Calendar.unsafeMake("2018-01-01"), end: Calendar.unsafeMake("2022-12-31") }

/** Records of a few persons in two operations, so that re-entries and duplicates happen. */
const records = fc.array(
  fc
    .tuple(ExportArbitraries.participant, fc.constantFrom("p1", "p2", "p3"), fc.constantFrom("op-a", "op-b"))
    .map(([p, person, operation]) => ({
      ...p,
      person: Ids.PersonId.make(person),
      operation: Ids.ProjectId.make(operation)
    })),
  { maxLength: 25 }
)
const set = fc.constantFrom(Esf2014.set, EsfPlus2021.set)

describe("Compute, counted in place (property)", () => {
  test.prop([records, set])("compute gives the report of folding step from empty", (xs, s) => {
    const options = { set: s, period }
    expect(Compute.compute(xs, options)).toEqual(Compute.result(xs.reduce(Compute.step, Compute.empty(options))))
  })

  test.prop([records, set])("fromStream gives the report of folding step from empty", async (xs, s) => {
    const options = { set: s, period }
    const streamed = await Effect.runPromise(Compute.fromStream(Stream.fromIterable(xs), options))
    expect(streamed).toEqual(Compute.result(xs.reduce(Compute.step, Compute.empty(options))))
  })

  test.prop([records, records, set])("step never changes the state it is given", (before, after, s) => {
    const state = before.reduce(Compute.step, Compute.empty({ set: s, period }))
    const counts = [...state.counts]
    const winners = HashMap.size(state.winners)
    after.reduce(Compute.step, state)
    expect(state.counts).toEqual(counts)
    expect(HashMap.size(state.winners)).toBe(winners)
  })

  // an unemployed participant sometimes states long-term unemployment (then classify need not copy)
  const participant = fc
    .tuple(ExportArbitraries.participant, fc.option(fc.boolean(), { nil: undefined }))
    .map(([p, ltu]) =>
      p.labourMarketStatus === "unemployed" && ltu !== undefined ? { ...p, longTermUnemployed: ltu } : p
    )

  test.prop([participant, fc.boolean()])(
    "a complete record reads as the record with long-term unemployment filled in",
    (p, also) => {
      const c = Participant.classify(p, also ? ["thirdCountryNational"] : [])
      if (c._tag === "complete")
        expect(c.participant).toEqual({ ...p, longTermUnemployed: p.longTermUnemployed ?? false })
    }
  )
})
