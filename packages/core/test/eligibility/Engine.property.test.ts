/**
 * Properties of the eligibility engine:
 * - Kleene laws: on random rule trees (all / any / not / unless / when over boolean facts)
 *   and random partial facts, the engine agrees with the truth tables; what it decides holds
 *   for every completion of the missing facts; the missing facts it lists suffice to decide;
 *   and on read-once trees they are exactly the facts whose value can change the outcome;
 * - supplying a missing fact removes it from the list and never adds another;
 * - SAP access is monotone: lowering the ISEE or the assets never makes it worse;
 * - determinism: same inputs, same decision and hash; different inputs, different hash;
 * - every counterfactual hint, applied, changes its rule, and `sufficient` tells the truth;
 * - explanations mention every rule the outcome rests on;
 * - every rule and parameter of every rule set — its entitlement, cases and their conditions
 *   included — cites a legal reference with a confidence.
 */
import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { Eligibility, LegalReference } from "../../src/index.js"

const { Bilingual, Engine, Fact, Hint, InputHash, Predicate, Rule, RuleSet, RuleSets, SapAccess, Trace } = Eligibility
type Decision = Eligibility.Decision.Decision
type Node = Eligibility.Trace.Node
type K = "true" | "false" | "unknown"

// ---------------------------------------------------------------------------------------------
// random rule trees over boolean facts b0…b4, and a reference evaluator written from the
// truth tables
// ---------------------------------------------------------------------------------------------

type Tree =
  | { readonly tag: "leaf"; readonly fact: number; readonly value: boolean }
  | { readonly tag: "all" | "any"; readonly children: ReadonlyArray<Tree> }
  | { readonly tag: "not"; readonly child: Tree }
  | { readonly tag: "unless"; readonly rule: Tree; readonly exception: Tree }
  | { readonly tag: "when"; readonly condition: Tree; readonly rule: Tree }

const FACTS = 5
const { tree: treeArb } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ tag: fc.constant("leaf" as const), fact: fc.nat(FACTS - 1), value: fc.boolean() }),
    fc.record({
      tag: fc.constantFrom("all" as const, "any" as const),
      children: fc.array(tie("tree"), { maxLength: 4 })
    }),
    fc.record({ tag: fc.constant("not" as const), child: tie("tree") }),
    fc.record({ tag: fc.constant("unless" as const), rule: tie("tree"), exception: tie("tree") }),
    fc.record({ tag: fc.constant("when" as const), condition: tie("tree"), rule: tie("tree") })
  )
}))

/** The sub-trees, in rule order (as the engine's trace lists children). */
const kids = (t: Tree): ReadonlyArray<Tree> => {
  switch (t.tag) {
    case "leaf":
      return []
    case "all":
    case "any":
      return t.children
    case "not":
      return [t.child]
    case "unless":
      return [t.rule, t.exception]
    case "when":
      return [t.condition, t.rule]
  }
}

const factsOfTree = (t: Tree): ReadonlyArray<number> => (t.tag === "leaf" ? [t.fact] : kids(t).flatMap(factsOfTree))

const readOnce = (t: Tree): boolean => new Set(factsOfTree(t)).size === factsOfTree(t).length

const boolFacts = Array.from({ length: FACTS }, (_, i) =>
  Fact.boolean({
    id: `b${i}`,
    label: Bilingual.make(`b${i}`, `b${i}`),
    phrase: Bilingual.make(`il dato b${i}`, `fact b${i}`),
    statements: {
      true: Bilingual.make(`b${i} vero`, `b${i} true`),
      false: Bilingual.make(`b${i} falso`, `b${i} false`)
    }
  })
)
const src = { act: "albero di prova", confidence: "confirmed" as const }

const build = (t: Tree, id: string): Eligibility.Rule.Rule => {
  const m = { id, title: Bilingual.make(id, id), source: src }
  switch (t.tag) {
    case "leaf":
      return Predicate.is({ ...m, fact: boolFacts[t.fact] as Eligibility.Fact.Fact<boolean>, value: t.value })
    case "all":
      return Rule.all(
        m,
        t.children.map((c, i) => build(c, `${id}.${i}`))
      )
    case "any":
      return Rule.any(
        m,
        t.children.map((c, i) => build(c, `${id}.${i}`))
      )
    case "not":
      return Rule.not(m, build(t.child, `${id}.0`))
    case "unless":
      return Rule.unless(m, build(t.rule, `${id}.0`), build(t.exception, `${id}.1`))
    case "when":
      return Rule.when(m, build(t.condition, `${id}.0`), build(t.rule, `${id}.1`))
  }
}

const ruleSetOf = (t: Tree) => {
  const used = [...new Set(factsOfTree(t))].sort()
  return RuleSet.make({
    id: "tree",
    version: "1",
    title: Bilingual.make("albero", "tree"),
    source: src,
    facts: used.map((i) => boolFacts[i] as Eligibility.Fact.Any),
    parameters: [],
    rule: build(t, "r")
  })
}

// Kleene tables, written out: index 0 true, 1 false, 2 unknown
const T: ReadonlyArray<K> = ["true", "false", "unknown"]
const idx = (k: K) => T.indexOf(k)
const AND: ReadonlyArray<ReadonlyArray<K>> = [
  ["true", "false", "unknown"],
  ["false", "false", "false"],
  ["unknown", "false", "unknown"]
]
const OR: ReadonlyArray<ReadonlyArray<K>> = [
  ["true", "true", "true"],
  ["true", "false", "unknown"],
  ["true", "unknown", "unknown"]
]
const NOT: Record<K, K> = { true: "false", false: "true", unknown: "unknown" }
const and2 = (a: K, b: K): K => AND[idx(a)]?.[idx(b)] ?? "unknown"
const or2 = (a: K, b: K): K => OR[idx(a)]?.[idx(b)] ?? "unknown"

type Assignment = ReadonlyArray<boolean | undefined>

/** The reference: truth by the tables; the missing facts of an unknown node are those of its unknown children. */
const reference = (t: Tree, a: Assignment): { truth: K; missing: ReadonlySet<number> } => {
  const combine = (truth: K, parts: ReadonlyArray<{ truth: K; missing: ReadonlySet<number> }>) => ({
    truth,
    missing:
      truth === "unknown"
        ? new Set(parts.filter((p) => p.truth === "unknown").flatMap((p) => [...p.missing]))
        : new Set<number>()
  })
  switch (t.tag) {
    case "leaf": {
      const v = a[t.fact]
      return v === undefined
        ? { truth: "unknown", missing: new Set([t.fact]) }
        : { truth: v === t.value ? "true" : "false", missing: new Set() }
    }
    case "all": {
      const parts = t.children.map((c) => reference(c, a))
      return combine(
        parts.reduce<K>((acc, p) => and2(acc, p.truth), "true"),
        parts
      )
    }
    case "any": {
      const parts = t.children.map((c) => reference(c, a))
      return combine(
        parts.reduce<K>((acc, p) => or2(acc, p.truth), "false"),
        parts
      )
    }
    case "not": {
      const p = reference(t.child, a)
      return combine(NOT[p.truth], [p])
    }
    case "unless": {
      const r = reference(t.rule, a)
      const e = reference(t.exception, a)
      return combine(and2(r.truth, NOT[e.truth]), [r, e])
    }
    case "when": {
      const c = reference(t.condition, a)
      const r = reference(t.rule, a)
      return combine(or2(NOT[c.truth], r.truth), [c, r])
    }
  }
}

const assignmentArb = fc.array(fc.constantFrom(true, false, undefined), { minLength: FACTS, maxLength: FACTS })

const factsRecord = (t: Tree, a: Assignment): Record<string, unknown> =>
  Object.fromEntries([...new Set(factsOfTree(t))].flatMap((i) => (a[i] === undefined ? [] : [[`b${i}`, a[i]]])))

const decide = (rs: Eligibility.RuleSet.RuleSet, facts: Record<string, unknown>, asOf = "2024-06-30"): Decision =>
  Result.getOrThrow(Engine.evaluate(rs, { asOf, facts }))

/** Every completion of the missing facts among `ids`. */
const completions = (a: Assignment, ids: ReadonlyArray<number>): ReadonlyArray<Assignment> =>
  ids.reduce<ReadonlyArray<Assignment>>(
    (acc, i) =>
      acc.flatMap((x) => (x[i] !== undefined ? [x] : [true, false].map((v) => x.map((y, j) => (j === i ? v : y))))),
    [a]
  )

const outcomeOf = (k: K) => (k === "true" ? "eligible" : k === "false" ? "ineligible" : "undetermined")

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

describe("Engine (property): Kleene logic on random rule trees", () => {
  test.prop([treeArb, assignmentArb])("all / any / not / unless / when agree with the truth tables", (t, a) => {
    const dec = decide(ruleSetOf(t), factsRecord(t, a))
    const ref = reference(t, a)
    expect(dec.outcome).toBe(outcomeOf(ref.truth))
    expect(dec.missing).toEqual([...ref.missing].sort().map((i) => `b${i}`))
    // every node of the trace, not just the root
    const check = (n: Node, tree: Tree): void => {
      const r = reference(tree, a)
      expect(n.truth).toBe(r.truth)
      const subtrees = kids(tree)
      expect(n.children.length).toBe(subtrees.length)
      n.children.forEach((c, i) => {
        check(c, subtrees[i] as Tree)
      })
    }
    check(dec.trace, t)
  })

  test.prop([treeArb, assignmentArb])(
    "a decided outcome holds for every completion; supplying the listed facts always decides",
    (t, a) => {
      const rs = ruleSetOf(t)
      const dec = decide(rs, factsRecord(t, a))
      const used = [...new Set(factsOfTree(t))]
      if (dec.outcome !== "undetermined") {
        for (const c of completions(a, used)) expect(decide(rs, factsRecord(t, c)).outcome).toBe(dec.outcome)
      } else {
        const listed = dec.missing.map((id) => Number(id.slice(1)))
        for (const c of completions(a, listed)) expect(decide(rs, factsRecord(t, c)).outcome).not.toBe("undetermined")
      }
    }
  )

  test.prop([treeArb.filter(readOnce), assignmentArb])(
    "on read-once trees the missing facts are exactly those whose value can change the outcome",
    (t, a) => {
      const rs = ruleSetOf(t)
      const dec = decide(rs, factsRecord(t, a))
      const used = [...new Set(factsOfTree(t))].filter((i) => a[i] === undefined)
      const relevant = used.filter((m) => {
        const others = used.filter((i) => i !== m)
        return completions(a, others).some((c) => {
          const withTrue = reference(
            t,
            c.map((v, j) => (j === m ? true : v))
          ).truth
          const withFalse = reference(
            t,
            c.map((v, j) => (j === m ? false : v))
          ).truth
          return withTrue !== withFalse
        })
      })
      expect(dec.missing).toEqual(relevant.sort().map((i) => `b${i}`))
    }
  )

  test.prop([treeArb, assignmentArb, fc.nat(), fc.boolean()])(
    "supplying a missing fact removes it from the list and adds no other",
    (t, a, pick, value) => {
      const rs = ruleSetOf(t)
      const before = decide(rs, factsRecord(t, a))
      fc.pre(before.missing.length > 0)
      const id = before.missing[pick % before.missing.length] as string
      const after = decide(rs, { ...factsRecord(t, a), [id]: value })
      expect(after.missing).not.toContain(id)
      for (const m of after.missing) expect(before.missing).toContain(m)
    }
  )

  test.prop([treeArb, assignmentArb])(
    "every hint, applied, changes its rule; 'sufficient' is true exactly when it makes the outcome eligible",
    (t, a) => {
      const rs = ruleSetOf(t)
      const facts = factsRecord(t, a)
      const dec = decide(rs, facts)
      if (dec.outcome === "eligible") expect(dec.hints).toEqual([])
      for (const h of dec.hints) {
        if (h._tag === "Requirement") {
          const after = decide(rs, Hint.apply(facts, h))
          expect(Trace.find(after.trace, h.rule)?.truth).toBe(h.desired ? "true" : "false")
          expect(after.outcome === "eligible").toBe(h.sufficient)
        } else if (h._tag === "Missing") {
          expect(dec.outcome).toBe("undetermined")
          expect(decide(rs, { ...facts, [h.fact]: true }).missing).not.toContain(h.fact)
        } else throw new Error(`boolean leaves always have a counterfactual, got ${JSON.stringify(h)}`)
      }
      // an ineligible outcome that rests on some rule has a hint (`any` of nothing rests on none)
      if (dec.outcome === "ineligible" && blame(dec.trace).length > 0) expect(dec.hints.length).toBeGreaterThan(0)
    }
  )

  test.prop([treeArb, assignmentArb])("the explanation has a line for every rule the outcome rests on", (t, a) => {
    const dec = decide(ruleSetOf(t), factsRecord(t, a))
    const leaves = blame(dec.trace)
    expect(dec.explanation.lines.map((l) => l.rule)).toEqual(leaves.map((n) => n.rule))
    for (const n of leaves) {
      expect(dec.explanation.it).toContain(n.detail?.it)
      expect(dec.explanation.en).toContain(n.detail?.en)
    }
  })
})

// ---------------------------------------------------------------------------------------------
// SAP access on random households
// ---------------------------------------------------------------------------------------------

const cents = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max }),
    fc.constantFrom(1_599_999, 1_600_000, 1_600_001, 2_200_000, 2_200_001, 2_385_000, 2_385_001)
  )
const pseText = fc
  .integer({ min: 1000, max: 4000 })
  .map((n) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}`)
const fullSap = fc.record({
  citizenship: fc.constantFrom("italiana", "ue", "extra-ue"),
  residencePermit: fc.constantFrom("ue-lungo-periodo", "almeno-biennale", "parita-trattamento", "altro"),
  regularWork: fc.boolean(),
  residesOrWorksInLombardy: fc.boolean(),
  yearsInLombardy: fc.nat(30),
  isee: cents(3_000_000),
  patrimonio: cents(4_000_000),
  householdSize: fc.integer({ min: 1, max: 7 }),
  pse: pseText,
  ownsAdequateDwelling: fc.boolean()
})
/** A household with any subset of the facts. */
const partialSap = fc
  .tuple(fullSap, fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }))
  .map(([full, keep]) => Object.fromEntries(Object.entries(full).filter((_, i) => keep[i])))
const asOfArb = fc.constantFrom("2017-08-09", "2019-06-30", "2020-03-11", "2020-03-12", "2024-06-30", "2031-01-01")
const rank = { ineligible: 0, undetermined: 1, eligible: 2 } as const
const sap = (facts: Record<string, unknown>, asOf: string) => decide(SapAccess.ruleSet, facts, asOf)

describe("Engine (property): SAP access", () => {
  test.prop([partialSap, asOfArb, fc.nat(3_000_000), fc.constantFrom("isee", "patrimonio")])(
    "lowering the ISEE or the assets never turns eligible into ineligible (nor lowers the outcome at all)",
    (facts, asOf, delta, which) => {
      fc.pre(typeof facts[which] === "number")
      const before = sap(facts, asOf)
      const after = sap({ ...facts, [which]: Math.max(0, (facts[which] as number) - delta) }, asOf)
      expect(rank[after.outcome]).toBeGreaterThanOrEqual(rank[before.outcome])
    }
  )

  test.prop([partialSap, fullSap, asOfArb, fc.nat()])(
    "supplying a missing fact removes it from the list and adds no other",
    (facts, full, asOf, pick) => {
      const before = sap(facts, asOf)
      fc.pre(before.missing.length > 0)
      const id = before.missing[pick % before.missing.length] as keyof typeof full
      const after = sap({ ...facts, [id]: full[id] }, asOf)
      expect(after.missing).not.toContain(id)
      for (const m of after.missing) expect(before.missing).toContain(m)
    }
  )

  test.prop([partialSap, asOfArb])(
    "the same inputs give the same decision and hash, whatever the order of the keys",
    (facts, asOf) => {
      const a = sap(facts, asOf)
      const b = sap(Object.fromEntries(Object.entries(facts).reverse()), asOf)
      expect(b).toEqual(a)
      expect(sap(facts, asOf)).toEqual(a)
    }
  )

  test.prop([partialSap, partialSap, asOfArb, asOfArb])("different inputs give different hashes", (f1, f2, d1, d2) => {
    const a = sap(f1, d1)
    const b = sap(f2, d2)
    const same = InputHash.canonicalJson({ f: f1, d: d1 }) === InputHash.canonicalJson({ f: f2, d: d2 })
    expect(a.inputHash === b.inputHash).toBe(same)
  })

  test.prop([partialSap, fullSap, asOfArb])(
    "every hint, applied, changes its rule; 'sufficient' tells the truth",
    (facts, full, asOf) => {
      const dec = sap(facts, asOf)
      for (const h of dec.hints) {
        if (h._tag === "Requirement") {
          const after = sap(Hint.apply(facts, h), asOf)
          expect(Trace.find(after.trace, h.rule)?.truth).toBe(h.desired ? "true" : "false")
          expect(after.outcome === "eligible").toBe(h.sufficient)
          expect(h.text.it.length).toBeGreaterThan(0)
        } else if (h._tag === "Missing") {
          const after = sap({ ...facts, [h.fact]: full[h.fact as keyof typeof full] }, asOf)
          expect(after.missing).not.toContain(h.fact)
        } else throw new Error(`every SAP leaf has a counterfactual, got ${JSON.stringify(h)}`)
      }
      expect(dec.hints.length > 0).toBe(dec.outcome !== "eligible")
    }
  )

  test.prop([partialSap, asOfArb])(
    "the explanation mentions every rule the outcome rests on, with its source",
    (facts, asOf) => {
      const dec = sap(facts, asOf)
      const leaves = blame(dec.trace)
      expect(dec.explanation.lines.map((l) => l.rule)).toEqual(leaves.map((n) => n.rule))
      for (const n of leaves) {
        expect(dec.explanation.it).toContain(n.detail?.it)
        expect(dec.explanation.it).toContain(LegalReference.cite(n.source))
        expect(dec.explanation.en).toContain(n.detail?.en)
      }
      if (dec.outcome === "ineligible") expect(leaves.every((n) => n.truth === "false")).toBe(true)
      if (dec.outcome === "undetermined") expect(leaves.every((n) => n.truth === "unknown")).toBe(true)
      expect(dec.confidence === "unverified").toBe(dec.explanation.it.includes("(non verificato)"))
    }
  )

  test.prop([fullSap, asOfArb])("a complete household is never undetermined", (facts, asOf) => {
    expect(sap(facts, asOf).outcome).not.toBe("undetermined")
  })
})

// ---------------------------------------------------------------------------------------------
// sources
// ---------------------------------------------------------------------------------------------

const isReference = (ref: unknown): boolean =>
  Result.isSuccess(Schema.decodeUnknownResult(LegalReference.LegalReference)(ref))

describe("Engine (property): every rule and parameter cites its source", () => {
  it("every rule set: each rule and each parameter (and step) has a legal reference with a confidence", () => {
    expect(RuleSets.all.length).toBeGreaterThan(0)
    for (const rs of RuleSets.all) {
      expect(isReference(rs.source), rs.id).toBe(true)
      for (const rule of RuleSet.rules(rs)) {
        expect(isReference(rule.source), `${rs.id}: rule ${rule.id}`).toBe(true)
        expect(["confirmed", "unverified"]).toContain(rule.source.confidence)
        expect(rule.title.it.length > 0 && rule.title.en.length > 0, `${rs.id}: rule ${rule.id} title`).toBe(true)
        // a confirmed source must be findable: an article or a URL
        if (rule.source.confidence === "confirmed")
          expect(rule.source.article !== undefined || rule.source.url !== undefined, `${rs.id}: rule ${rule.id}`).toBe(
            true
          )
      }
      // an entitlement, its cases and the rules of their conditions, like the rules
      const entitlement = rs.entitlement
      const metas = entitlement === undefined ? [] : [entitlement, ...entitlement.cases]
      for (const m of [...metas, ...RuleSet.entitlementRules(rs)]) {
        expect(isReference(m.source), `${rs.id}: ${m.id}`).toBe(true)
        expect(m.title.it.length > 0 && m.title.en.length > 0, `${rs.id}: ${m.id} title`).toBe(true)
        if (m.source.confidence === "confirmed")
          expect(m.source.article !== undefined || m.source.url !== undefined, `${rs.id}: ${m.id}`).toBe(true)
      }
      for (const c of entitlement?.cases ?? [])
        expect(rs.parameters, `${rs.id}: ${c.id} amount declared`).toContain(c.amount)
      for (const p of rs.parameters) {
        expect(isReference(p.source), `${rs.id}: parameter ${p.id}`).toBe(true)
        for (const step of p.steps)
          if (step.source !== undefined) expect(isReference(step.source), `${p.id} ${step.from}`).toBe(true)
      }
      expect(RuleSet.audit(rs)).toEqual([])
    }
  })

  const everyRule = RuleSets.all.flatMap((rs) => RuleSet.rules(rs).map((r) => [rs, r.id] as const))
  test.prop([fc.constantFrom(...everyRule), fc.constantFrom("confidence", "act", "whole")])(
    "taking the confidence or the act away from any rule is caught",
    ([rs, id], what) => {
      const strip = (rule: Eligibility.Rule.Rule): Eligibility.Rule.Rule => {
        const source =
          rule.id !== id
            ? rule.source
            : what === "whole"
              ? undefined
              : Object.fromEntries(Object.entries(rule.source).filter(([k]) => k !== what))
        const self = { ...rule, source } as Eligibility.Rule.Rule
        switch (self._tag) {
          case "Leaf":
            return self
          case "AllOf":
          case "AnyOf":
            return { ...self, rules: self.rules.map(strip) }
          case "Not":
            return { ...self, rule: strip(self.rule) }
          case "Unless":
            return { ...self, rule: strip(self.rule), exception: strip(self.exception) }
          case "When":
            return { ...self, condition: strip(self.condition), rule: strip(self.rule) }
        }
      }
      const broken = { ...rs, rule: strip(rs.rule) }
      expect(RuleSet.audit(broken).some((p) => p.startsWith(`rule ${id} `))).toBe(true)
      expect(() => RuleSet.make(broken)).toThrow()
    }
  )

  const everyEntitlementPart = RuleSets.all.flatMap((rs) =>
    rs.entitlement === undefined
      ? []
      : [
          ...[rs.entitlement, ...rs.entitlement.cases].map((m) => [rs, m.id] as const),
          ...RuleSet.entitlementRules(rs).map((r) => [rs, r.id] as const)
        ]
  )
  test.prop([fc.constantFrom(...everyEntitlementPart), fc.constantFrom("confidence", "act", "whole")])(
    "taking the confidence or the act away from an entitlement, one of its cases or a rule of their conditions is caught",
    ([rs, id], what) => {
      const stripSource = <M extends { readonly id: string; readonly source: unknown }>(m: M): M =>
        m.id !== id
          ? m
          : ({
              ...m,
              source:
                what === "whole"
                  ? undefined
                  : Object.fromEntries(Object.entries(m.source as object).filter(([k]) => k !== what))
            } as M)
      const strip = (rule: Eligibility.Rule.Rule): Eligibility.Rule.Rule => {
        const self = stripSource(rule)
        switch (self._tag) {
          case "Leaf":
            return self
          case "AllOf":
          case "AnyOf":
            return { ...self, rules: self.rules.map(strip) }
          case "Not":
            return { ...self, rule: strip(self.rule) }
          case "Unless":
            return { ...self, rule: strip(self.rule), exception: strip(self.exception) }
          case "When":
            return { ...self, condition: strip(self.condition), rule: strip(self.rule) }
        }
      }
      const e = rs.entitlement
      if (e === undefined) throw new Error("unreachable: only rule sets with an entitlement")
      const [first, ...rest] = e.cases.map((c) => {
        const stripped = stripSource(c)
        return stripped.condition === undefined ? stripped : { ...stripped, condition: strip(stripped.condition) }
      })
      const broken = {
        ...rs,
        entitlement: { ...stripSource(e), cases: [first as (typeof e.cases)[0], ...rest] as const }
      }
      expect(RuleSet.audit(broken).some((p) => p.includes(` ${id} `))).toBe(true)
      expect(() => RuleSet.make(broken)).toThrow()
    }
  )

  const everyParameter = RuleSets.all.flatMap((rs) => rs.parameters.map((p) => [rs, p.id] as const))
  test.prop([fc.constantFrom(...everyParameter)])(
    "taking the confidence away from any parameter is caught",
    ([rs, id]) => {
      const broken = {
        ...rs,
        parameters: rs.parameters.map((p) => (p.id === id ? { ...p, source: { act: p.source.act } as never } : p))
      }
      expect(RuleSet.audit(broken).some((p) => p.includes(`parameter ${id}`))).toBe(true)
    }
  )
})
