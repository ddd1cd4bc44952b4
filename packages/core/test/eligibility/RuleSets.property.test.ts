/**
 * Properties of the rule sets after SAP access (indigenza, contributo di solidarietà,
 * Inclusione attiva, morosità contenuta, morosità incolpevole), on random households with
 * any subset of the facts:
 * - monotonicity: lowering the ISEE or the assets never lowers the outcome (indigenza,
 *   contributo di solidarietà, Inclusione attiva), so never turns eligible into ineligible;
 * - determinism: the same inputs give the same decision and hash, whatever the key order;
 * - supplying a missing fact removes it from the missing list and adds no other; supplying
 *   every listed fact decides; a complete household is never undetermined;
 * - every counterfactual hint, applied, really changes its rule, and `sufficient` is true
 *   exactly when the outcome becomes eligible; every missing hint, supplied, is no longer missing;
 * - the explanation has a line for every rule the outcome rests on, with its source, and an
 *   ineligible explanation names only decided rules (failing requirements, exceptions that hold); `confidence` is unverified exactly when
 *   the explanation cites an unverified source;
 * - an amount comes with every outcome but ineligible, and only then; a decision with its
 *   amount encodes to JSON and decodes back unchanged.
 */
import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { Calendar, Eligibility, LegalReference } from "../../src/index.js"

const {
  ContributoSolidarieta,
  Engine,
  Hint,
  InclusioneAttiva,
  Indigenza,
  MorositaContenuta,
  MorositaIncolpevole,
  Trace
} = Eligibility
type Decision = Eligibility.Decision.Decision
type Node = Eligibility.Trace.Node
type RuleSet = Eligibility.RuleSet.RuleSet

// ---------------------------------------------------------------------------------------------
// arbitraries
// ---------------------------------------------------------------------------------------------

/** Cents up to `max`, often one of the boundaries. */
const cents = (max: number, boundaries: ReadonlyArray<number>) =>
  fc.oneof(fc.integer({ min: 0, max }), fc.constantFrom(...boundaries))

/** A calendar date between two dates, often one of the boundaries. */
const dateBetween = (from: string, to: string, boundaries: ReadonlyArray<string> = []) => {
  const start = Calendar.unsafeMake(from)
  const days = Calendar.daysBetween(start, Calendar.unsafeMake(to))
  const any = fc.integer({ min: 0, max: days }).map((n) => Calendar.addDays(start, n) as string)
  return boundaries.length === 0 ? any : fc.oneof(any, fc.constantFrom(...boundaries))
}

const pseText = fc
  .integer({ min: 1000, max: 4000 })
  .map((n) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}`)

interface Spec {
  readonly name: string
  readonly ruleSet: RuleSet
  readonly full: fc.Arbitrary<Record<string, unknown>>
  readonly asOf: fc.Arbitrary<string>
  /** The facts whose lowering must never lower the outcome. */
  readonly monotone: ReadonlyArray<string>
}

const specs: ReadonlyArray<Spec> = [
  {
    name: "indigenza",
    ruleSet: Indigenza.ruleSet,
    full: fc.record({ isee: cents(800_000, [299_999, 300_000, 300_001]), indigenceCertified: fc.boolean() }),
    asOf: fc.constantFrom("2017-08-09", "2020-01-01", "2024-06-30"),
    monotone: ["isee"]
  },
  {
    name: "contributo-solidarieta",
    ruleSet: ContributoSolidarieta.ruleSet,
    full: fc.record({
      rentArea: fc.constantFrom("protezione", "accesso", "permanenza", "decadenza"),
      sapLease: fc.boolean(),
      leaseStart: dateBetween("2019-01-01", "2026-12-31", ["2022-06-30", "2022-07-01", "2021-06-30", "2024-02-29"]),
      isee: cents(1_500_000, [935_999, 936_000, 936_001]),
      patrimonio: cents(3_000_000, [2_200_000, 2_200_001, 2_385_000, 2_385_001]),
      householdSize: fc.integer({ min: 1, max: 6 }),
      pse: pseText,
      decadenzaOrder: fc.boolean(),
      assignedAsIndigent: fc.boolean()
    }),
    asOf: fc.constantFrom("2024-01-01", "2024-06-30", "2025-02-28", "2026-02-28"),
    monotone: ["isee", "patrimonio"]
  },
  {
    name: "inclusione-attiva",
    ruleSet: InclusioneAttiva.ruleSet,
    full: fc.record({
      residesInProjectComplex: fc.boolean(),
      labourStatus: fc.constantFrom(
        "employed",
        "self-employed",
        "unemployed",
        "inactive-in-education-or-training",
        "inactive-not-in-education-or-training"
      ),
      arrearsAmount: cents(500_000, [0, 1]),
      arrearsCause: fc.constantFrom("incolpevole", "colpevole"),
      isee: cents(2_000_000, [935_999, 936_000]),
      inActivePathway: fc.boolean(),
      birthDate: dateBetween("1940-01-01", "2012-12-31", ["2004-02-29", "1960-02-29", "2006-06-30", "1959-06-30"])
    }),
    asOf: fc.constantFrom("2017-11-15", "2022-02-28", "2022-03-01", "2024-02-29", "2024-06-30"),
    monotone: ["isee"]
  },
  {
    name: "morosita-contenuta",
    ruleSet: MorositaContenuta.ruleSet,
    full: fc.record({
      residesInProjectComplex: fc.boolean(),
      sapLease: fc.boolean(),
      arrearsAmount: cents(800_000, [0, 1, 400_000, 400_001]),
      arrearsCause: fc.constantFrom("incolpevole", "colpevole")
    }),
    asOf: fc.constantFrom("2017-11-15", "2019-06-30", "2024-06-30"),
    monotone: []
  },
  {
    name: "morosita-incolpevole",
    ruleSet: MorositaIncolpevole.ruleSet,
    full: fc.record({
      isee: cents(4_000_000, [2_600_000, 2_600_001]),
      ise: cents(5_000_000, [3_500_000, 3_500_001]),
      evictionNotice: fc.boolean(),
      leaseRegistered: fc.boolean(),
      dwellingCategory: fc.constantFrom("A1", "A8", "A9", "altra"),
      residenceStart: dateBetween("2015-01-01", "2026-12-31", ["2023-06-30", "2023-07-01", "2024-02-29"]),
      arrearsCause: fc.constantFrom("incolpevole", "colpevole"),
      sapLease: fc.boolean()
    }),
    asOf: fc.constantFrom("2018-10-01", "2024-06-30", "2025-02-28"),
    monotone: []
  }
]

/** The household with any subset of its facts. */
const partialOf = (full: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(full, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }))
    .map(([f, keep]) => Object.fromEntries(Object.entries(f).filter((_, i) => keep[i])))

const decide = (rs: RuleSet, facts: Record<string, unknown>, asOf: string): Decision =>
  Result.getOrThrow(Engine.evaluate(rs, { asOf, facts }))

const rank = { ineligible: 0, undetermined: 1, eligible: 2 } as const

/** The leaves an outcome rests on, restated from the documented definition (Trace.justification). */
const blame = (n: Node): ReadonlyArray<Node> => {
  const pick = (cs: ReadonlyArray<Node>) => cs.flatMap(blame)
  const [a, b] = n.children
  switch (n.kind) {
    case "leaf":
      return [n]
    case "all":
      return pick(n.truth === "true" ? n.children : n.children.filter((c) => c.truth === n.truth))
    case "any":
      return pick(n.truth === "false" ? n.children : n.children.filter((c) => c.truth === n.truth))
    case "not":
      return pick(n.children)
    case "unless":
      if (a === undefined || b === undefined) return []
      return n.truth === "true"
        ? pick([a, b])
        : n.truth === "false"
          ? pick([a, b].filter((c, i) => c.truth === (i === 0 ? "false" : "true")))
          : pick([a, b].filter((c) => c.truth === "unknown"))
    case "when":
      if (a === undefined || b === undefined) return []
      return n.truth === "unknown"
        ? pick([a, b].filter((c) => c.truth === "unknown"))
        : a.truth === "false"
          ? []
          : pick([b])
  }
}

// ---------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------

for (const spec of specs) {
  const partial = partialOf(spec.full)
  const { ruleSet } = spec

  describe(`${spec.name} (property)`, () => {
    if (spec.monotone.length > 0)
      test.prop([partial, spec.asOf, fc.nat(2_000_000), fc.constantFrom(...spec.monotone)])(
        "lowering the ISEE or the assets never turns eligible into ineligible (nor lowers the outcome at all)",
        (facts, asOf, delta, which) => {
          fc.pre(typeof facts[which] === "number")
          const before = decide(ruleSet, facts, asOf)
          const after = decide(ruleSet, { ...facts, [which]: Math.max(0, (facts[which] as number) - delta) }, asOf)
          expect(rank[after.outcome]).toBeGreaterThanOrEqual(rank[before.outcome])
        }
      )

    test.prop([partial, spec.asOf])(
      "the same inputs give the same decision and hash, whatever the order of the keys",
      (facts, asOf) => {
        const a = decide(ruleSet, facts, asOf)
        expect(decide(ruleSet, Object.fromEntries(Object.entries(facts).reverse()), asOf)).toEqual(a)
        expect(decide(ruleSet, facts, asOf)).toEqual(a)
        expect(a.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/)
      }
    )

    test.prop([partial, spec.full, spec.asOf, fc.nat()])(
      "supplying a missing fact removes it from the list and adds no other",
      (facts, full, asOf, pick) => {
        const before = decide(ruleSet, facts, asOf)
        fc.pre(before.missing.length > 0)
        const id = before.missing[pick % before.missing.length] as string
        const after = decide(ruleSet, { ...facts, [id]: full[id] }, asOf)
        expect(after.missing).not.toContain(id)
        for (const m of after.missing) expect(before.missing).toContain(m)
      }
    )

    test.prop([partial, spec.full, spec.asOf])(
      "supplying every listed missing fact decides; a complete household is never undetermined",
      (facts, full, asOf) => {
        const before = decide(ruleSet, facts, asOf)
        const completed = { ...facts, ...Object.fromEntries(before.missing.map((id) => [id, full[id]])) }
        expect(decide(ruleSet, completed, asOf).outcome).not.toBe("undetermined")
        expect(decide(ruleSet, full, asOf).outcome).not.toBe("undetermined")
      }
    )

    test.prop([partial, spec.full, spec.asOf])(
      "every hint, applied, changes its rule; 'sufficient' is true exactly when it makes the outcome eligible",
      (facts, full, asOf) => {
        const dec = decide(ruleSet, facts, asOf)
        for (const h of dec.hints) {
          if (h._tag === "Requirement") {
            const after = decide(ruleSet, Hint.apply(facts, h), asOf)
            expect(Trace.find(after.trace, h.rule)?.truth).toBe(h.desired ? "true" : "false")
            expect(after.outcome === "eligible").toBe(h.sufficient)
            expect(h.text.it.length).toBeGreaterThan(0)
          } else if (h._tag === "Missing") {
            expect(dec.outcome).toBe("undetermined")
            expect(decide(ruleSet, { ...facts, [h.fact]: full[h.fact] }, asOf).missing).not.toContain(h.fact)
          } else throw new Error(`every leaf of ${spec.name} has a counterfactual, got ${JSON.stringify(h)}`)
        }
        expect(dec.hints.length > 0).toBe(dec.outcome !== "eligible")
      }
    )

    test.prop([partial, spec.asOf])(
      "the explanation mentions every rule the outcome rests on, with its source; an ineligible one only decided rules",
      (facts, asOf) => {
        const dec = decide(ruleSet, facts, asOf)
        const leaves = blame(dec.trace)
        expect(dec.explanation.lines.map((l) => l.rule)).toEqual(leaves.map((n) => n.rule))
        for (const n of leaves) {
          expect(dec.explanation.it).toContain(n.detail?.it)
          expect(dec.explanation.it).toContain(LegalReference.cite(n.source))
          expect(dec.explanation.en).toContain(n.detail?.en)
        }
        // failing requirements, or an exception (SAP lease) that holds: decided either way
        if (dec.outcome === "ineligible") expect(leaves.every((n) => n.truth !== "unknown")).toBe(true)
        if (dec.outcome === "undetermined") expect(leaves.every((n) => n.truth === "unknown")).toBe(true)
        expect(dec.confidence === "unverified").toBe(dec.explanation.it.includes("(non verificato)"))
        expect(dec.confidence === "unverified").toBe(dec.unverified.length > 0)
      }
    )

    test.prop([partial, spec.asOf])(
      "an amount comes with every outcome but ineligible, and is stated in the explanation",
      (facts, asOf) => {
        const dec = decide(ruleSet, facts, asOf)
        if (ruleSet.entitlement === undefined || dec.outcome === "ineligible") {
          expect(dec.entitlement).toBeUndefined()
          return
        }
        const award = dec.entitlement
        expect(award).toBeDefined()
        if (award === undefined) return
        expect(dec.explanation.it).toContain(award.text.it)
        expect(award.conditional).toBe(dec.outcome === "undetermined")
        // the amount is known exactly when one amount is still possible
        expect(award.amount !== undefined).toBe(award.candidates.length === 1)
        expect(award.status === "determined").toBe(award.amount !== undefined)
        // a case is named only when decided, and then nothing is missing for it
        if (award.case !== undefined) expect(award.missing).toEqual([])
        else expect(award.missing.length).toBeGreaterThan(0)
        for (const c of award.candidates)
          expect(award.parameters.some((r) => r.value === c && dec.parameters.some((p) => p.id === r.id))).toBe(true)
        for (const id of award.unverified) expect(dec.unverified).toContain(id)
      }
    )

    test.prop([partial, spec.asOf], { numRuns: 30 })(
      "a decision, amount included, encodes to JSON and decodes back unchanged",
      (facts, asOf) => {
        const dec = decide(ruleSet, facts, asOf)
        const json = JSON.stringify(Schema.encodeSync(Eligibility.Decision.Decision)(dec))
        expect(Schema.decodeUnknownSync(Eligibility.Decision.Decision)(JSON.parse(json))).toEqual(dec)
      }
    )
  })
}

describe("contributo-solidarieta (property): the amount", () => {
  const contributo = specs[1] as Spec
  test.prop([contributo.full, contributo.asOf])(
    "an eligible household known to be assigned as indigent or not gets € 1.850,00 within 36 months of its lease, € 2.700,00 otherwise",
    (facts, asOf) => {
      const dec = decide(ContributoSolidarieta.ruleSet, facts, asOf)
      fc.pre(dec.outcome === "eligible")
      const within = Calendar.addMonths(Calendar.unsafeMake(facts.leaseStart as string), 36) > asOf
      expect(dec.entitlement?.amount).toBe(facts.assignedAsIndigent === true && within ? 185_000 : 270_000)
    }
  )
})
