/// <reference types="node" />
/**
 * Table tests of SAP access, read from sap-access.cases.json: a maintainer adds a case there
 * (facts, date, expected outcome, missing facts, explanation fragments), not here. Every
 * expected value in the file is worked out by hand from r.r. 4/2017 art. 7.
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { Eligibility } from "../../src/index.js"

const { Decision, Engine, RuleSet, SapAccess, Trace } = Eligibility

const Expect = Schema.Struct({
  outcome: Schema.optionalKey(Schema.Literals(["eligible", "ineligible", "undetermined"])),
  missing: Schema.optionalKey(Schema.Array(Schema.String)),
  it: Schema.optionalKey(Schema.Array(Schema.String)),
  en: Schema.optionalKey(Schema.Array(Schema.String)),
  hints: Schema.optionalKey(Schema.Array(Schema.String)),
  confidence: Schema.optionalKey(Schema.Literals(["confirmed", "unverified"])),
  parameters: Schema.optionalKey(
    Schema.Record(Schema.String, Schema.Struct({ value: Schema.Unknown, from: Schema.String }))
  ),
  invalid: Schema.optionalKey(Schema.Array(Schema.String))
})

const Case = Schema.Struct({
  name: Schema.String,
  asOf: Schema.String,
  base: Schema.optionalKey(Schema.String),
  facts: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown)),
  expect: Expect
})

const CasesFile = Schema.Struct({
  bases: Schema.Record(Schema.String, Schema.Record(Schema.String, Schema.Unknown)),
  cases: Schema.Array(Case)
})

const file = Schema.decodeUnknownSync(CasesFile)(
  JSON.parse(readFileSync(new URL("./sap-access.cases.json", import.meta.url), "utf8"))
)

const factsOf = (c: typeof Case.Type): Record<string, unknown> => {
  if (c.base !== undefined && file.bases[c.base] === undefined)
    throw new Error(`case "${c.name}": unknown base ${c.base}`)
  return { ...(c.base === undefined ? {} : file.bases[c.base]), ...c.facts }
}

describe("SAP access (r.r. 4/2017, art. 7): sap-access.cases.json", () => {
  it("has cases", () => {
    expect(file.cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each(file.cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const result = Engine.evaluate(SapAccess.ruleSet, { asOf: c.asOf, facts: factsOf(c) })
    const e = c.expect
    if (e.invalid !== undefined) {
      expect(Result.isFailure(result)).toBe(true)
      if (Result.isFailure(result))
        expect([...new Set(result.failure.problems.map((p) => p.path))].sort()).toEqual([...e.invalid].sort())
      return
    }
    if (Result.isFailure(result)) throw new Error(`unexpected invalid input: ${result.failure.message}`)
    const d = result.success
    expect(d.outcome).toBe(e.outcome)
    expect(d.missing).toEqual(e.missing ?? [])
    for (const fragment of e.it ?? []) expect(d.explanation.it).toContain(fragment)
    for (const fragment of e.en ?? []) expect(d.explanation.en).toContain(fragment)
    if (e.hints !== undefined) {
      if (e.hints.length === 0) expect(d.hints).toEqual([])
      for (const fragment of e.hints) expect(d.hints.map((h) => h.text.it).join("\n")).toContain(fragment)
    }
    if (e.confidence !== undefined) expect(d.confidence).toBe(e.confidence)
    for (const [id, reading] of Object.entries(e.parameters ?? {})) {
      const used = d.parameters.find((p) => p.id === id)
      expect(used, `parameter ${id} was read`).toBeDefined()
      expect({ value: used?.value, from: used?.from }).toEqual(reading)
    }
  })
})

describe("SAP access: the rule set", () => {
  it("is sound: every rule cites a source, every declared fact and parameter is read", () => {
    expect(RuleSet.audit(SapAccess.ruleSet)).toEqual([])
  })

  it("names the rule set and version it applied, and the date", () => {
    const d = Result.getOrThrow(
      Engine.evaluate(SapAccess.ruleSet, { asOf: "2024-06-30", facts: file.bases.single ?? {} })
    )
    expect(d.ruleSet).toEqual({ id: "sap-access", version: "1.0.0" })
    expect(d.asOf).toBe("2024-06-30")
  })

  it("records in the trace the facts each rule read, with their values as supplied", () => {
    const d = Result.getOrThrow(
      Engine.evaluate(SapAccess.ruleSet, {
        asOf: "2024-06-30",
        facts: { ...file.bases.couple, patrimonio: 2385001 }
      })
    )
    const leaf = Trace.find(d.trace, "sap.access.assets.family.limit")
    expect(leaf?.truth).toBe("false")
    expect(leaf?.facts).toEqual([
      { id: "patrimonio", value: 2385001 },
      { id: "pse", value: "1.57" }
    ])
    expect(leaf?.parameters.map((p) => [p.id, p.value, p.from])).toEqual([
      ["sap.access.assets-base", 1_600_000, "2017-08-09"],
      ["sap.access.assets-per-pse", 500_000, "2017-08-09"]
    ])
    // the one-person limit does not apply to two persons: its `when` holds, its condition does not
    expect(Trace.find(d.trace, "sap.access.assets.single")?.truth).toBe("true")
    expect(Trace.find(d.trace, "sap.access.assets.single.applies")?.truth).toBe("false")
  })

  it("a decision is plain data: it encodes to JSON and decodes back unchanged", () => {
    const d = Result.getOrThrow(
      Engine.evaluate(SapAccess.ruleSet, { asOf: "2019-06-30", facts: { ...file.bases.couple, yearsInLombardy: 3 } })
    )
    const json = JSON.stringify(Schema.encodeSync(Decision.Decision)(d))
    expect(Schema.decodeUnknownSync(Decision.Decision)(JSON.parse(json))).toEqual(d)
  })
})
