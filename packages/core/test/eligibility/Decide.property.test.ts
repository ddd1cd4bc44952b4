/**
 * Properties of the decision-only mode and of the fast paths it relies on:
 * - `Engine.decide` gives exactly the outcome and missing facts of `Engine.evaluate` (and
 *   refuses the same requests with the same problems), on random rule trees and random partial
 *   facts, and on every rule set of `RuleSets.all` with random facts drawn from their
 *   declarations (some invalid, some keys unknown, some dates before the parameters);
 * - `Engine.trace` gives the outcome, the missing facts and the trace of `Engine.evaluate`
 *   without the leaves' sentences, on random trees and on every rule set;
 * - `Batch.summarize` (which decides) gives the summary of folding the full decisions;
 * - the fast path of fact decoding (`Fact.acceptsAsIs`) only takes values the fact's Schema
 *   decodes and encodes to themselves, and it does take the valid values of the identity kinds.
 */
import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Effect, Result, Schema, Stream } from "effect"
import { Calendar, Eligibility } from "../../src/index.js"

const { Batch, Bilingual, Bound, Engine, Fact, Predicate, Rule, RuleSet, RuleSets } = Eligibility

/** What decide must equal: the outcome and missing facts of the full decision, or its failure. */
const expected = (rs: Eligibility.RuleSet.RuleSet, request: Eligibility.Engine.Request) =>
  Result.map(Engine.evaluate(rs, request), (d) => ({ outcome: d.outcome, missing: d.missing }))

// ---------------------------------------------------------------------------------------------
// random trees over three booleans and two small whole numbers
// ---------------------------------------------------------------------------------------------

const src = { act: "albero di prova", confidence: "confirmed" as const }
const meta = (id: string) => ({ id, title: Bilingual.make(id, id), source: src })
const booleans = [0, 1, 2].map((i) =>
  Fact.boolean({
    id: `b${i}`,
    label: Bilingual.make(`b${i}`, `b${i}`),
    phrase: Bilingual.make(`b${i}`, `b${i}`),
    statements: { true: Bilingual.make("sì", "yes"), false: Bilingual.make("no", "no") }
  })
)
const numbers = [0, 1].map((i) =>
  Fact.integer({
    id: `n${i}`,
    label: Bilingual.make(`n${i}`, `n${i}`),
    phrase: Bilingual.make(`n${i}`, `n${i}`),
    min: 0,
    max: 9
  })
)
const comparisons = ["<=", "<", ">=", ">"] as const

type Tree =
  | { readonly tag: "bool"; readonly fact: number; readonly value: boolean }
  | { readonly tag: "compare"; readonly fact: number; readonly relation: number; readonly bound: number }
  | { readonly tag: "sum"; readonly limit: number }
  | { readonly tag: "all" | "any"; readonly children: ReadonlyArray<Tree> }
  | { readonly tag: "not"; readonly child: Tree }
  | { readonly tag: "unless" | "when"; readonly left: Tree; readonly right: Tree }

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ tag: fc.constant("bool" as const), fact: fc.nat(2), value: fc.boolean() }),
    fc.record({
      tag: fc.constant("compare" as const),
      fact: fc.nat(1),
      relation: fc.nat(3),
      bound: fc.integer({ min: -1, max: 10 })
    }),
    fc.record({ tag: fc.constant("sum" as const), limit: fc.integer({ min: 0, max: 19 }) }),
    fc.record({
      tag: fc.constantFrom("all" as const, "any" as const),
      children: fc.array(tie("tree"), { maxLength: 4 })
    }),
    fc.record({ tag: fc.constant("not" as const), child: tie("tree") }),
    fc.record({ tag: fc.constantFrom("unless" as const, "when" as const), left: tie("tree"), right: tie("tree") })
  )
}))

const build = (t: Tree, id: string): Eligibility.Rule.Rule => {
  switch (t.tag) {
    case "bool":
      return Predicate.is({ ...meta(id), fact: booleans[t.fact] as Eligibility.Fact.Fact<boolean>, value: t.value })
    case "compare":
      return Predicate.compare({
        ...meta(id),
        fact: numbers[t.fact] as Eligibility.Fact.Fact<number>,
        relation: comparisons[t.relation] ?? "<=",
        bound: Bound.constant(t.bound, Bilingual.make("a", "to"))
      })
    case "sum":
      // n0 ≤ limit − n1: a derived, monotone bound, undecided only when n1 matters
      return Predicate.compare({
        ...meta(id),
        fact: numbers[0] as Eligibility.Fact.Fact<number>,
        relation: "<=",
        bound: Bound.derived({
          facts: { n1: numbers[1] as Eligibility.Fact.Fact<number> },
          parameters: {},
          against: Bilingual.make("a", "to"),
          compute: ({ facts }) => ({ value: t.limit - facts.n1 })
        })
      })
    case "all":
    case "any":
      return (t.tag === "all" ? Rule.all : Rule.any)(
        meta(id),
        t.children.map((c, i) => build(c, `${id}.${i}`))
      )
    case "not":
      return Rule.not(meta(id), build(t.child, `${id}.0`))
    case "unless":
      return Rule.unless(meta(id), build(t.left, `${id}.0`), build(t.right, `${id}.1`))
    case "when":
      return Rule.when(meta(id), build(t.left, `${id}.0`), build(t.right, `${id}.1`))
  }
}

const factsOf = (t: Tree): ReadonlyArray<string> => {
  switch (t.tag) {
    case "bool":
      return [`b${t.fact}`]
    case "compare":
      return [`n${t.fact}`]
    case "sum":
      return ["n0", "n1"]
    case "all":
    case "any":
      return t.children.flatMap(factsOf)
    case "not":
      return factsOf(t.child)
    case "unless":
    case "when":
      return [...factsOf(t.left), ...factsOf(t.right)]
  }
}

const ruleSetOf = (t: Tree) => {
  const used = new Set(factsOf(t))
  return RuleSet.make({
    id: "tree",
    version: "1",
    title: Bilingual.make("albero", "tree"),
    source: src,
    facts: [...booleans, ...numbers].filter((f) => used.has(f.id)) as ReadonlyArray<Eligibility.Fact.Any>,
    parameters: [],
    rule: build(t, "r")
  })
}

const partialFacts = fc.record(
  {
    b0: fc.boolean(),
    b1: fc.boolean(),
    b2: fc.boolean(),
    n0: fc.integer({ min: 0, max: 9 }),
    n1: fc.integer({ min: 0, max: 9 })
  },
  { requiredKeys: [] }
)

describe("Engine.decide (property)", () => {
  test.prop([tree, partialFacts])("equals the outcome and missing facts of evaluate on random trees", (t, all) => {
    const rs = ruleSetOf(t)
    const declared = new Set(rs.facts.map((f) => f.id))
    const facts = Object.fromEntries(Object.entries(all).filter(([k]) => declared.has(k)))
    const request = { asOf: "2024-01-01", facts }
    expect(Engine.decide(rs, request)).toEqual(expected(rs, request))
  })

  // values drawn from each fact's declaration, now and then an invalid one
  const valueFor = (fact: Eligibility.Fact.Any): fc.Arbitrary<unknown> => {
    const bad = fc.constantFrom(-1, 1.5, "x", true, {})
    const min = fact.range?.min ?? 0
    const max = fact.range?.max ?? 100
    const good: fc.Arbitrary<unknown> =
      fact.kind === "boolean" || fact.kind === "enumeration"
        ? fc.constantFrom(...(fact.domain ?? [true]))
        : fact.kind === "integer"
          ? fc.oneof(
              fc.integer({ min, max: Math.min(max, min + 80) }),
              fc.integer({ min, max: Math.min(max, 6_000_000) })
            )
          : fact.kind === "decimal"
            ? fc
                .integer({ min, max: Math.min(max, min + 4000) })
                .map((n) => `${Math.floor(n / 1000)}${n % 2 === 0 ? "." : ","}${String(n % 1000).padStart(3, "0")}`)
            : fc
                .integer({
                  min: 0,
                  max: Calendar.daysBetween(Calendar.unsafeMake("1940-01-01"), Calendar.unsafeMake("2026-12-31"))
                })
                .map((n) => Calendar.addDays(Calendar.unsafeMake("1940-01-01"), n))
    return fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad })
  }
  const requestFor = (rs: Eligibility.RuleSet.RuleSet) =>
    fc.record({
      asOf: fc.constantFrom("2016-01-01", "2017-12-31", "2019-06-30", "2020-03-12", "2024-06-30", "2026-02-28"),
      facts: fc
        .record(Object.fromEntries(rs.facts.map((f) => [f.id, valueFor(f)])), { requiredKeys: [] })
        .chain((facts) =>
          fc.oneof(
            { weight: 15, arbitrary: fc.constant(facts) },
            { weight: 1, arbitrary: fc.constant({ ...facts, typo: 1 }) }
          )
        )
    })

  for (const rs of RuleSets.all)
    test.prop([requestFor(rs)])(`equals evaluate on ${rs.id}`, (request) => {
      expect(Engine.decide(rs, request)).toEqual(expected(rs, request))
    })

  const stripped = (node: Eligibility.Trace.Node): unknown => {
    const { detail: _, children, ...rest } = node
    return { ...rest, children: children.map(stripped) }
  }
  for (const rs of RuleSets.all)
    test.prop([requestFor(rs)])(`Engine.trace is evaluate's trace without sentences on ${rs.id}`, (request) => {
      expect(Engine.trace(rs, request)).toEqual(
        Result.map(Engine.evaluate(rs, request), (d) => ({
          outcome: d.outcome,
          missing: d.missing,
          trace: stripped(d.trace)
        }))
      )
    })

  test.prop([fc.array(requestFor(Eligibility.SapAccess.ruleSet), { maxLength: 30 })])(
    "Batch.summarize gives the summary of folding the full decisions",
    (requests) => {
      const rs = Eligibility.SapAccess.ruleSet
      const summary = Effect.runSync(Batch.summarize(rs)(Stream.fromIterable(requests)))
      expect(summary).toEqual(requests.map((r) => Engine.evaluate(rs, r)).reduce(Batch.add, Batch.empty))
    }
  )
})

describe("Engine.trace (property)", () => {
  /** A trace without the sentences of its leaves, built independently of the engine. */
  const withoutDetails = (node: Eligibility.Trace.Node): Eligibility.Trace.Node => {
    const { detail: _, children, ...rest } = node
    return { ...rest, children: children.map(withoutDetails) }
  }
  const expectedTrace = (rs: Eligibility.RuleSet.RuleSet, request: Eligibility.Engine.Request) =>
    Result.map(Engine.evaluate(rs, request), (d) => ({
      outcome: d.outcome,
      missing: d.missing,
      trace: withoutDetails(d.trace)
    }))

  test.prop([tree, partialFacts])("is evaluate's decision and trace without sentences, on random trees", (t, all) => {
    const rs = ruleSetOf(t)
    const declared = new Set(rs.facts.map((f) => f.id))
    const request = {
      asOf: "2024-01-01",
      facts: Object.fromEntries(Object.entries(all).filter(([k]) => declared.has(k)))
    }
    const traced = Engine.trace(rs, request)
    expect(traced).toEqual(expectedTrace(rs, request))
    // not one sentence is written: no leaf carries a detail
    if (Result.isSuccess(traced)) expect(JSON.stringify(traced.success.trace)).not.toContain('"detail"')
  })
})

describe("Fact.acceptsAsIs (property)", () => {
  const facts = [...new Map(RuleSets.all.flatMap((rs) => rs.facts).map((f) => [f.id, f])).values()]
  test.prop([fc.constantFrom(...facts), fc.oneof(fc.anything(), fc.integer(), fc.string(), fc.boolean(), fc.double())])(
    "takes only values the Schema decodes and encodes to themselves",
    (fact, u) => {
      if (!Fact.acceptsAsIs(fact, u)) return
      const decoded = Schema.decodeUnknownResult(fact.schema)(u)
      expect(Result.isSuccess(decoded) && decoded.success).toBe(u)
      expect(Fact.encode(fact, u)).toBe(u)
    }
  )

  const decimals = facts.filter((f) => f.kind === "decimal")
  const decimalText = fc.oneof(
    fc
      .tuple(fc.nat(120_000), fc.nat(999), fc.constantFrom(".", ",", ""), fc.integer({ min: 0, max: 3 }))
      .map(([units, decimals, separator, digits]) =>
        separator === "" || digits === 0
          ? String(units)
          : `${units}${separator}${String(decimals).padStart(3, "0").slice(0, digits)}`
      ),
    fc.string(),
    fc.anything()
  )
  test.prop([fc.constantFrom(...decimals), decimalText])(
    "quickDecode of a decimal gives what its Schema decodes, or leaves the value to the Schema",
    (fact, u) => {
      const quick = Fact.quickDecode(fact, u)
      const decoded = Schema.decodeUnknownResult(fact.schema)(u)
      if (quick !== undefined) expect(Result.isSuccess(decoded) && decoded.success).toBe(quick)
      // every text the Schema accepts is taken by the quick path too (the Schema only refuses)
      else expect(Result.isFailure(decoded)).toBe(true)
    }
  )

  test.prop([fc.constantFrom(...facts.filter((f) => f.kind !== "decimal")), fc.nat(1000)])(
    "takes the valid values of booleans, enumerations, whole numbers, cents and dates",
    (fact, n) => {
      const value =
        fact.kind === "boolean" || fact.kind === "enumeration"
          ? (fact.domain ?? [])[n % (fact.domain ?? []).length]
          : fact.kind === "date"
            ? Calendar.addDays(Calendar.unsafeMake("1990-01-01"), n)
            : (fact.range?.min ?? 0) + (n % 50)
      expect(Result.isSuccess(Schema.decodeUnknownResult(fact.schema)(value))).toBe(true)
      expect(Fact.acceptsAsIs(fact, value)).toBe(true)
    }
  )
})
