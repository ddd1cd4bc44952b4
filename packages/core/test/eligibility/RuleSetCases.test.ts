/// <reference types="node" />
/**
 * Table tests of the rule sets after SAP access, read from one `<name>.cases.json` per rule
 * set: a maintainer adds a case there, not here. Every expected value in the files is worked
 * out by hand from the sources the rule sets cite (facts.md §1.2, §2.2, §2.3, §2.5 and seed
 * 003), never by the engine.
 *
 * The format is that of sap-access.cases.json, plus:
 * - `expect.amount`: the decision's entitlement — `null` when the decision has none, otherwise
 *   the fields to compare (`status`, `amount`, `case`, `candidates`, `missing`,
 *   `conditional`, `confidence`) and `text`, fragments of its Italian sentence;
 * - `expect.ruleSet`: the `{ id, version }` the decision names;
 * - `fragility` (inclusione-attiva only): builds the rule set with `InclusioneAttiva.make`.
 * A fact set to `null` is removed from the base, so it is missing (and a variant that does not
 * declare it is not given it).
 */
import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { Eligibility } from "../../src/index.js"

const { ContributoSolidarieta, Engine, InclusioneAttiva, Indigenza, MorositaContenuta, MorositaIncolpevole, RuleSet } =
  Eligibility

const Amount = Schema.Struct({
  status: Schema.optionalKey(Schema.Literals(["determined", "undetermined"])),
  amount: Schema.optionalKey(Schema.Number),
  case: Schema.optionalKey(Schema.String),
  candidates: Schema.optionalKey(Schema.Array(Schema.Number)),
  missing: Schema.optionalKey(Schema.Array(Schema.String)),
  conditional: Schema.optionalKey(Schema.Boolean),
  confidence: Schema.optionalKey(Schema.Literals(["confirmed", "unverified"])),
  text: Schema.optionalKey(Schema.Array(Schema.String))
})

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
  invalid: Schema.optionalKey(Schema.Array(Schema.String)),
  amount: Schema.optionalKey(Schema.NullOr(Amount)),
  ruleSet: Schema.optionalKey(Schema.Struct({ id: Schema.String, version: Schema.String }))
})

const Fragility = Schema.Literals(["unemployed-or-inactive", "arrears-incolpevole", "isee-below"])

const Case = Schema.Struct({
  name: Schema.String,
  asOf: Schema.String,
  base: Schema.optionalKey(Schema.String),
  facts: Schema.optionalKey(Schema.Record(Schema.String, Schema.Unknown)),
  fragility: Schema.optionalKey(Schema.NonEmptyArray(Fragility)),
  expect: Expect
})
type Case = typeof Case.Type

const CasesFile = Schema.Struct({
  bases: Schema.Record(Schema.String, Schema.Record(Schema.String, Schema.Unknown)),
  cases: Schema.Array(Case)
})
type CasesFile = typeof CasesFile.Type

const read = (name: string): CasesFile =>
  Schema.decodeUnknownSync(CasesFile)(
    JSON.parse(readFileSync(new URL(`./${name}.cases.json`, import.meta.url), "utf8"))
  )

const factsOf = (file: CasesFile, c: Case): Record<string, unknown> => {
  if (c.base !== undefined && file.bases[c.base] === undefined)
    throw new Error(`case "${c.name}": unknown base ${c.base}`)
  const merged = { ...(c.base === undefined ? {} : file.bases[c.base]), ...c.facts }
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null))
}

const tables: ReadonlyArray<{
  readonly name: string
  readonly ruleSet: (c: Case) => Eligibility.RuleSet.RuleSet
  readonly minimum: number
}> = [
  { name: "indigenza", ruleSet: () => Indigenza.ruleSet, minimum: 15 },
  { name: "contributo-solidarieta", ruleSet: () => ContributoSolidarieta.ruleSet, minimum: 30 },
  {
    name: "inclusione-attiva",
    ruleSet: (c) =>
      c.fragility === undefined ? InclusioneAttiva.ruleSet : InclusioneAttiva.make({ fragility: c.fragility }),
    minimum: 25
  },
  { name: "morosita-contenuta", ruleSet: () => MorositaContenuta.ruleSet, minimum: 12 },
  { name: "morosita-incolpevole", ruleSet: () => MorositaIncolpevole.ruleSet, minimum: 20 }
]

for (const table of tables) {
  const file = read(table.name)
  describe(`${table.name}.cases.json`, () => {
    it("has cases", () => {
      expect(file.cases.length).toBeGreaterThanOrEqual(table.minimum)
    })

    it("its rule set is sound", () => {
      expect(RuleSet.audit(table.ruleSet(file.cases[0] as Case))).toEqual([])
    })

    it.each(file.cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
      const result = Engine.evaluate(table.ruleSet(c), { asOf: c.asOf, facts: factsOf(file, c) })
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
      if (e.ruleSet !== undefined) expect(d.ruleSet).toEqual(e.ruleSet)
      if (e.amount === null) expect(d.entitlement).toBeUndefined()
      else if (e.amount !== undefined) {
        const { text, ...fields } = e.amount
        expect(d.entitlement, "the decision carries an amount").toBeDefined()
        expect(d.entitlement).toMatchObject(fields)
        for (const fragment of text ?? []) {
          expect(d.entitlement?.text.it).toContain(fragment)
          expect(d.explanation.it).toContain(fragment)
        }
        if (fields.status === "undetermined") expect(d.entitlement?.amount).toBeUndefined()
      }
    })
  })
}
