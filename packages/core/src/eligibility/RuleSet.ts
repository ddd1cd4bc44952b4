/**
 * A rule set: the requirements of one measure (SAP access, the contributo di solidarietà…)
 * as one rule tree, with the facts and the dated parameters it reads, an id and a version,
 * and — for a measure that pays a contribution — its {@link Entitlement.Entitlement}.
 * A decision names the rule set and version it applied, so a decision can be re-derived
 * later from the same inputs; change the version whenever a rule, a fact or a parameter
 * changes.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as LegalReference from "../LegalReference.js"
import type * as Bilingual from "./Bilingual.js"
import * as Entitlement from "./Entitlement.js"
import type * as Fact from "./Fact.js"
import * as Rule from "./Rule.js"

/**
 * A rule set. `facts` and `parameters` list exactly what its leaves (and its entitlement's
 * conditions and amounts) read, in the order a decision lists missing facts and a form asks
 * for them. `entitlement`, when present, gives the maximum amount of an eligible household.
 *
 * @since 0.1.0
 * @category models
 */
export interface RuleSet {
  readonly id: string
  readonly version: string
  readonly title: Bilingual.Bilingual
  readonly source: LegalReference.LegalReference
  readonly facts: ReadonlyArray<Fact.Any>
  readonly parameters: ReadonlyArray<Rule.AnyParameter>
  readonly rule: Rule.Rule
  readonly entitlement?: Entitlement.Entitlement
}

const validReference = Schema.decodeUnknownResult(LegalReference.LegalReference)

const checkReference = (what: string, ref: unknown, problems: Array<string>): void => {
  if (ref === undefined || ref === null) {
    problems.push(`${what} has no legal reference`)
    return
  }
  const decoded = validReference(ref, { errors: "all" })
  if (Result.isFailure(decoded)) problems.push(`${what} has an invalid legal reference: ${decoded.failure.message}`)
}

/**
 * Every defect of a rule set, as English sentences (none when it is sound):
 * - a rule, the rule set, a parameter or a parameter step without a valid legal reference
 *   and confidence (`LegalReference` with `confidence` `confirmed` or `unverified`);
 * - two rules, facts or parameters with the same id;
 * - a leaf that reads a fact or parameter the rule set does not declare, or a declared fact
 *   or parameter that no leaf reads;
 * - for an entitlement: the same for it, its cases and their conditions (whose ids share the
 *   rule set's namespace), an amount parameter not declared, and the shape defects of
 *   `Entitlement.problems`.
 *
 * @since 0.1.0
 * @category rules
 */
export const audit = (rs: RuleSet): ReadonlyArray<string> => {
  const problems: Array<string> = []
  checkReference(`rule set ${rs.id}`, rs.source, problems)
  const entitlement = rs.entitlement
  const rules = [...Rule.flatten(rs.rule), ...(entitlement === undefined ? [] : Entitlement.rules(entitlement))]
  const seen = new Set<string>()
  if (entitlement !== undefined) {
    problems.push(...Entitlement.problems(entitlement))
    for (const m of [entitlement, ...entitlement.cases]) {
      if (seen.has(m.id)) problems.push(`entitlement id ${m.id} is used twice`)
      seen.add(m.id)
      checkReference(`entitlement ${m.id}`, m.source, problems)
      if (m.title.it === "" || m.title.en === "")
        problems.push(`entitlement ${m.id} lacks a title in Italian or English`)
    }
  }
  for (const rule of rules) {
    if (seen.has(rule.id)) problems.push(`rule id ${rule.id} is used twice`)
    seen.add(rule.id)
    checkReference(`rule ${rule.id}`, rule.source, problems)
    if (rule.title.it === "" || rule.title.en === "")
      problems.push(`rule ${rule.id} lacks a title in Italian or English`)
  }
  const facts = new Map<string, Fact.Any>()
  for (const f of rs.facts) {
    if (facts.has(f.id)) problems.push(`fact ${f.id} is declared twice`)
    facts.set(f.id, f)
  }
  const parameters = new Map<string, Rule.AnyParameter>()
  for (const p of rs.parameters) {
    if (parameters.has(p.id)) problems.push(`parameter ${p.id} is declared twice`)
    parameters.set(p.id, p)
    checkReference(`parameter ${p.id}`, p.source, problems)
    for (const step of p.steps)
      if (step.source !== undefined) checkReference(`parameter ${p.id} from ${step.from}`, step.source, problems)
  }
  const readFacts = new Set<string>()
  const readParameters = new Set<string>()
  for (const rule of rules) {
    if (rule._tag !== "Leaf") continue
    for (const f of rule.facts) {
      readFacts.add(f.id)
      if (facts.get(f.id) !== f)
        problems.push(`rule ${rule.id} reads fact ${f.id}, which the rule set does not declare`)
    }
    for (const p of rule.parameters) {
      readParameters.add(p.id)
      if (parameters.get(p.id) !== p)
        problems.push(`rule ${rule.id} reads parameter ${p.id}, which the rule set does not declare`)
    }
  }
  for (const c of entitlement?.cases ?? []) {
    readParameters.add(c.amount.id)
    if (parameters.get(c.amount.id) !== c.amount)
      problems.push(`entitlement case ${c.id} reads parameter ${c.amount.id}, which the rule set does not declare`)
  }
  for (const id of facts.keys()) if (!readFacts.has(id)) problems.push(`fact ${id} is declared but no rule reads it`)
  for (const id of parameters.keys())
    if (!readParameters.has(id)) problems.push(`parameter ${id} is declared but no rule reads it`)
  return problems
}

/**
 * Builds a rule set after {@link audit}: a defect is a programming error (rule sets are
 * written in source, not read from users), so it throws, listing every defect.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (rs: RuleSet): RuleSet => {
  const problems = audit(rs)
  if (problems.length > 0) throw new Error(`RuleSet ${rs.id}:\n- ${problems.join("\n- ")}`)
  return rs
}

/**
 * Every rule of the rule set's eligibility tree, parents before children (the conditions of
 * its entitlement are in {@link entitlementRules}).
 *
 * @since 0.1.0
 * @category utils
 */
export const rules = (rs: RuleSet): ReadonlyArray<Rule.Rule> => Rule.flatten(rs.rule)

/**
 * Every rule of the conditions of the rule set's entitlement, parents before children; none
 * without an entitlement.
 *
 * @since 0.1.0
 * @category utils
 */
export const entitlementRules = (rs: RuleSet): ReadonlyArray<Rule.Rule> =>
  rs.entitlement === undefined ? [] : Entitlement.rules(rs.entitlement)

/**
 * The first date on which every parameter of the rule set has a value: the rule set cannot
 * be evaluated earlier.
 *
 * @since 0.1.0
 * @category utils
 */
export const inForceFrom = (rs: RuleSet): string | undefined =>
  rs.parameters.reduce<string | undefined>((latest, p) => {
    const first = p.steps[0].from
    return latest === undefined || first > latest ? first : latest
  }, undefined)
