/**
 * Table tests of the decision-only mode (`Engine.decide`), of lazy leaf details
 * (`Rule.verdict`) and of in-place counting (`Batch.count`). Expected values worked out by hand
 * from r.r. 4/2017 art. 7 (SAP access): ISEE ceiling € 16.000,00; assets € 22.000,00 for one
 * person, € 16.000,00 + € 5.000,00 × PSE for more; 5 years in Lombardy until 11/03/2020, none
 * after.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Result, Stream } from "effect"
import { Eligibility } from "../../src/index.js"

const { Batch, Bilingual, Engine, Rule, SapAccess } = Eligibility

const family = {
  citizenship: "italiana",
  residesOrWorksInLombardy: true,
  yearsInLombardy: 6,
  isee: 1_600_000,
  householdSize: 2,
  pse: "1.57",
  patrimonio: 2_385_000, // € 16.000,00 + € 5.000,00 × 1,57 = € 23.850,00: at the limit
  ownsAdequateDwelling: false
}

describe("Engine.decide (SAP access)", () => {
  it.each([
    ["at every limit", "2019-06-30", family, "eligible", []],
    ["ISEE one cent over the ceiling", "2019-06-30", { ...family, isee: 1_600_001 }, "ineligible", []],
    ["assets one cent over the family limit", "2019-06-30", { ...family, patrimonio: 2_385_001 }, "ineligible", []],
    // assets within € 21.000,00 (the lowest family limit, PSE 1) need no PSE
    [
      "no PSE, assets within the lowest limit",
      "2019-06-30",
      { ...family, pse: null, patrimonio: 2_100_000 },
      "eligible",
      []
    ],
    ["no PSE, assets above it", "2019-06-30", { ...family, pse: null, patrimonio: 2_100_001 }, "undetermined", ["pse"]],
    [
      "no years, ISEE or assets in 2019",
      "2019-06-30",
      { ...family, yearsInLombardy: null, isee: null, patrimonio: null },
      "undetermined",
      ["yearsInLombardy", "isee", "patrimonio"]
    ],
    // since 12/03/2020 no years are required, so they are not asked for
    [
      "no years, ISEE or assets in 2024",
      "2024-06-30",
      { ...family, yearsInLombardy: null, isee: null, patrimonio: null },
      "undetermined",
      ["isee", "patrimonio"]
    ],
    // a failing requirement decides, whatever is missing
    ["an adequate dwelling, nothing else", "2024-06-30", { ownsAdequateDwelling: true }, "ineligible", []]
  ] as const)("%s: %s", (_, asOf, facts, outcome, missing) => {
    const answer = Engine.decide(SapAccess.ruleSet, { asOf, facts })
    expect(answer).toEqual(Result.succeed({ outcome, missing }))
  })

  it("refuses the requests evaluate refuses, with the same problems", () => {
    const request = { asOf: "2016-01-01", facts: { ...family, isee: -1, iseee: 3 } }
    const quick = Engine.decide(SapAccess.ruleSet, request)
    const full = Engine.evaluate(SapAccess.ruleSet, request)
    expect(Result.isFailure(quick) && quick.failure.problems.map((p) => p.path)).toEqual([
      "asOf",
      "facts.iseee",
      "facts.isee"
    ])
    expect(Result.isFailure(full) && full.failure.problems).toEqual(Result.isFailure(quick) && quick.failure.problems)
  })
})

describe("Rule.verdict", () => {
  it("writes the detail only when it is read, and once", () => {
    let written = 0
    const v = Rule.verdict("true", [], () => {
      written++
      return Bilingual.make("scritto", "written")
    })
    expect(written).toBe(0)
    expect(v.truth).toBe("true")
    expect(v.detail).toEqual({ it: "scritto", en: "written" })
    expect(v.detail.en).toBe("written")
    expect(written).toBe(1)
    expect(v.counterfactual).toBeUndefined()
  })
})

describe("Batch.evaluate", () => {
  it.effect("builds at most chunkSize decisions at a time, however the stream is chunked", () =>
    Effect.gen(function* () {
      const requests = Array.from({ length: 150 }, () => ({ asOf: "2019-06-30", facts: family }))
      // an array is one chunk of 150
      const sizes = yield* Stream.runCollect(
        Stream.chunks(Batch.evaluate(SapAccess.ruleSet)(Stream.fromIterable(requests))).pipe(
          Stream.map((c) => c.length)
        )
      )
      expect(Batch.chunkSize).toBe(64)
      expect(sizes).toEqual([64, 64, 22])
    })
  )
})

describe("Batch.count", () => {
  it("counts in place what add counts by copy", () => {
    const results = [
      Result.succeed({ outcome: "eligible" as const, missing: [] }),
      Result.succeed({ outcome: "undetermined" as const, missing: ["isee", "pse"] }),
      Result.succeed({ outcome: "undetermined" as const, missing: ["isee"] }),
      Engine.decide(SapAccess.ruleSet, { asOf: "not a date", facts: {} })
    ]
    const counter = Batch.counter()
    for (const r of results) expect(Batch.count(counter, r)).toBe(counter)
    expect(Batch.toSummary(counter)).toEqual({
      total: 4,
      eligible: 1,
      ineligible: 0,
      undetermined: 2,
      invalid: 1,
      missing: { isee: 2, pse: 1 }
    })
    expect(Batch.toSummary(counter)).toEqual(results.reduce(Batch.add, Batch.empty))
  })

  it.effect("summarize decides: the same summary as folding the full decisions", () =>
    Effect.gen(function* () {
      const requests = Stream.fromIterable([
        { asOf: "2019-06-30", facts: family },
        { asOf: "2019-06-30", facts: { ...family, isee: null } },
        { asOf: "2019-06-30", facts: { ...family, isee: 1_600_001 } }
      ])
      const summary = yield* Batch.summarize(SapAccess.ruleSet)(requests)
      const folded = yield* Stream.runFold(Batch.evaluate(SapAccess.ruleSet)(requests), () => Batch.empty, Batch.add)
      expect(summary).toEqual({
        total: 3,
        eligible: 1,
        ineligible: 1,
        undetermined: 1,
        invalid: 0,
        missing: { isee: 1 }
      })
      expect(summary).toEqual(folded)
    })
  )
})
