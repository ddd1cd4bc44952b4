/**
 * The eligibility engine: evaluates a rule set for a fact record on a date and returns a
 * {@link Decision.Decision}. Evaluation is pure and deterministic — no clock, no I/O, no
 * randomness: the date is an input, so the same inputs always give the same decision.
 *
 * How it works:
 * 1. the request is decoded: `asOf` must be a calendar date on which every parameter of the
 *    rule set is in force; every supplied fact must decode with its Schema; unknown keys are
 *    errors (a typo would otherwise pass for a missing fact). Every problem is reported;
 * 2. the rule tree is evaluated in Kleene's three-valued logic, every node (no short
 *    circuit, so the trace is complete); an `unknown` node names the missing facts of its
 *    `unknown` children only — a missing fact under a rule that is already decided is not
 *    listed, so `all(a, b)` with `a` false and `b` missing is ineligible, not undetermined;
 * 3. when the rule set has an entitlement and the outcome is not ineligible, its cases are
 *    evaluated for the maximum amount (`Entitlement.award`), which the decision carries with
 *    its parameter readings;
 * 4. the explanation is generated from the trace (and states the amount);
 * 5. hints: for an ineligible outcome, a counterfactual for each leaf that would have to
 *    change (walking down from the root to the leaves that make it fail), each tested by
 *    evaluating again with it applied (`sufficient`); for an undetermined one, each missing
 *    fact.
 *
 * @since 0.1.0
 */
import { Option, Result, Schema } from "effect"
import * as Calendar from "../Calendar.js"
import * as InvalidInput from "../InvalidInput.js"
import * as Parameter from "../Parameter.js"
import * as Bilingual from "./Bilingual.js"
import type * as Decision from "./Decision.js"
import * as Entitlement from "./Entitlement.js"
import * as Explanation from "./Explanation.js"
import * as Fact from "./Fact.js"
import type * as Hint from "./Hint.js"
import * as InputHash from "./InputHash.js"
import * as Outcome from "./Outcome.js"
import type * as Rule from "./Rule.js"
import type * as RuleSet from "./RuleSet.js"
import * as Trace from "./Trace.js"
import * as Truth from "./Truth.js"

/**
 * What to evaluate: the date (`YYYY-MM-DD`) and the facts, any of which may be missing.
 *
 * @since 0.1.0
 * @category models
 */
export interface Request {
  readonly asOf: string
  readonly facts: Fact.Input
}

interface Run {
  readonly trace: Trace.Node
  readonly verdicts: ReadonlyMap<string, { readonly leaf: Rule.Leaf; readonly verdict: Rule.Verdict }>
  readonly readings: ReadonlyArray<Trace.Reading>
}

const kinds: Record<Rule.Rule["_tag"], Trace.Kind> = {
  Leaf: "leaf",
  AllOf: "all",
  AnyOf: "any",
  Not: "not",
  Unless: "unless",
  When: "when"
}

interface Evaluator {
  readonly evalRule: (rule: Rule.Rule) => Trace.Node
  readonly sortFacts: (ids: Iterable<string>) => ReadonlyArray<string>
  readonly verdicts: ReadonlyMap<string, { readonly leaf: Rule.Leaf; readonly verdict: Rule.Verdict }>
  readonly readings: () => ReadonlyArray<Trace.Reading>
}

/** Evaluates rules of the rule set on decoded facts, recording verdicts and parameter readings. */
const evaluator = (
  rs: RuleSet.RuleSet,
  asOf: Calendar.CalendarDate,
  values: ReadonlyMap<string, unknown>
): Evaluator => {
  const order = new Map(rs.facts.map((f, i) => [f.id, i]))
  const sortFacts = (ids: Iterable<string>) =>
    [...new Set(ids)].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  const verdicts = new Map<string, { leaf: Rule.Leaf; verdict: Rule.Verdict }>()
  const allReadings = new Map<string, Trace.Reading>()

  const evalLeaf = (leaf: Rule.Leaf): Trace.Node => {
    const declaredFacts = new Set(leaf.facts.map((f) => f.id))
    const declaredParameters = new Set(leaf.parameters.map((p) => p.id))
    const factsRead = new Map<string, unknown>()
    const readings = new Map<string, Trace.Reading>()
    const env: Rule.Env = {
      asOf,
      value: <A>(fact: Fact.Fact<A>): Option.Option<A> => {
        if (!declaredFacts.has(fact.id)) throw new Error(`rule ${leaf.id} reads fact ${fact.id} without declaring it`)
        if (!values.has(fact.id)) return Option.none()
        const v = values.get(fact.id) as A
        factsRead.set(fact.id, Fact.encode(fact, v))
        return Option.some(v)
      },
      parameter: <A>(p: Parameter.Parameter<A>): A => {
        if (!declaredParameters.has(p.id))
          throw new Error(`rule ${leaf.id} reads parameter ${p.id} without declaring it`)
        const reading = Parameter.readAt(p, asOf)
        if (Option.isNone(reading)) throw new Error(`parameter ${p.id} has no value on ${asOf}`) // checked before
        const r: Trace.Reading = { ...reading.value }
        readings.set(p.id, r)
        if (!allReadings.has(p.id)) allReadings.set(p.id, r)
        return reading.value.value
      }
    }
    const verdict = leaf.evaluate(env)
    verdicts.set(leaf.id, { leaf, verdict })
    return {
      rule: leaf.id,
      kind: "leaf",
      title: leaf.title,
      source: leaf.source,
      truth: verdict.truth,
      missing: verdict.truth === "unknown" ? sortFacts(verdict.missing.map((f) => f.id)) : [],
      facts: [...factsRead].map(([id, value]) => ({ id, value })),
      parameters: [...readings.values()],
      detail: verdict.detail,
      children: []
    }
  }

  const evalRule = (rule: Rule.Rule): Trace.Node => {
    if (rule._tag === "Leaf") return evalLeaf(rule)
    const children = (
      rule._tag === "AllOf" || rule._tag === "AnyOf"
        ? rule.rules
        : rule._tag === "Not"
          ? [rule.rule]
          : rule._tag === "Unless"
            ? [rule.rule, rule.exception]
            : [rule.condition, rule.rule]
    ).map(evalRule)
    const [first, second] = children.map((c) => c.truth)
    const truth: Truth.Truth =
      rule._tag === "AllOf"
        ? Truth.and(children.map((c) => c.truth))
        : rule._tag === "AnyOf"
          ? Truth.or(children.map((c) => c.truth))
          : rule._tag === "Not"
            ? Truth.not(first ?? "unknown")
            : rule._tag === "Unless"
              ? Truth.and([first ?? "unknown", Truth.not(second ?? "unknown")])
              : Truth.or([Truth.not(first ?? "unknown"), second ?? "unknown"])
    // an unknown node can only be decided through its unknown children: their missing facts
    const missing =
      truth === "unknown" ? sortFacts(children.filter((c) => c.truth === "unknown").flatMap((c) => c.missing)) : []
    return {
      rule: rule.id,
      kind: kinds[rule._tag],
      title: rule.title,
      source: rule.source,
      truth,
      missing,
      facts: [],
      parameters: [],
      children
    }
  }

  return { evalRule, sortFacts, verdicts, readings: () => [...allReadings.values()] }
}

/** Evaluates the rule tree on decoded facts. */
const run = (rs: RuleSet.RuleSet, asOf: Calendar.CalendarDate, values: ReadonlyMap<string, unknown>): Run => {
  const ev = evaluator(rs, asOf, values)
  const trace = ev.evalRule(rs.rule)
  return { trace, verdicts: ev.verdicts, readings: ev.readings() }
}

/** The award of the rule set's entitlement, evaluated apart so that its readings stay its own. */
const awardOf = (
  rs: RuleSet.RuleSet,
  asOf: Calendar.CalendarDate,
  values: ReadonlyMap<string, unknown>,
  outcome: Outcome.Outcome
): Entitlement.Award | undefined => {
  if (rs.entitlement === undefined) return undefined
  const ev = evaluator(rs, asOf, values)
  return Entitlement.award(rs.entitlement, outcome, {
    evaluate: ev.evalRule,
    sortFacts: ev.sortFacts,
    phrase: (id) => rs.facts.find((f) => f.id === id)?.phrase ?? Bilingual.make(id, id),
    read: (p) => {
      const reading = Parameter.readAt(p, asOf)
      if (Option.isNone(reading)) throw new Error(`parameter ${p.id} has no value on ${asOf}`) // checked before
      return { ...reading.value }
    }
  })
}

/** The leaves to change, and to which value, to turn `node` into `desired`. */
const targets = (node: Trace.Node, desired: boolean, out: Array<{ rule: string; desired: boolean }>): void => {
  if (node.truth === "unknown" || node.truth === Truth.fromBoolean(desired)) return
  const [first, second] = node.children
  switch (node.kind) {
    case "leaf":
      if (!out.some((t) => t.rule === node.rule && t.desired === desired)) out.push({ rule: node.rule, desired })
      return
    case "all":
      // to make it true, every false child; to make it false, any child (alternatives)
      for (const c of node.children) targets(c, desired, out)
      return
    case "any":
      // to make it true, any child (alternatives); to make it false, every true child
      for (const c of node.children) targets(c, desired, out)
      return
    case "not":
      if (first !== undefined) targets(first, !desired, out)
      return
    case "unless":
      if (first !== undefined) targets(first, desired, out)
      if (second !== undefined) targets(second, !desired, out)
      return
    case "when":
      // a requirement that fails is changed, never the case it applies to; to make it fail,
      // the case must apply and the requirement fail
      if (!desired && first !== undefined) targets(first, true, out)
      if (second !== undefined) targets(second, desired, out)
      return
  }
}

const requirementText = (
  cf: Rule.Counterfactual,
  title: Bilingual.Bilingual,
  desired: boolean,
  sufficient: boolean
): Bilingual.Bilingual =>
  Bilingual.render((l) =>
    sufficient
      ? `${l === "it" ? "idoneo" : "eligible"} ${cf.phrase[l]}`
      : l === "it"
        ? `«${title.it}» ${desired ? "sarebbe soddisfatto" : "non si applicherebbe"} ${cf.phrase.it} (da solo non basta per l'idoneità)`
        : `«${title.en}» would ${desired ? "be met" : "no longer apply"} ${cf.phrase.en} (not enough on its own)`
  )

const hintsFor = (
  rs: RuleSet.RuleSet,
  asOf: Calendar.CalendarDate,
  values: ReadonlyMap<string, unknown>,
  result: Run
): ReadonlyArray<Hint.Hint> => {
  const outcome = Outcome.fromTruth(result.trace.truth)
  if (outcome === "eligible") return []
  if (outcome === "undetermined") {
    const leaves = Trace.justification(result.trace)
    return result.trace.missing.map((id): Hint.Missing => {
      const fact = rs.facts.find((f) => f.id === id)
      const phrase = fact?.phrase ?? Bilingual.make(id, id)
      return {
        _tag: "Missing",
        fact: id,
        rules: leaves.filter((n) => n.missing.includes(id)).map((n) => n.rule),
        text: Bilingual.render((l) => `${l === "it" ? "manca" : "missing"}: ${phrase[l]}`)
      }
    })
  }
  const wanted: Array<{ rule: string; desired: boolean }> = []
  targets(result.trace, true, wanted)
  return wanted.map(({ rule, desired }): Hint.Hint => {
    const entry = result.verdicts.get(rule)
    const cf = entry?.verdict.counterfactual?.(desired)
    const title = entry?.leaf.title ?? Bilingual.make(rule, rule)
    if (cf === undefined)
      return {
        _tag: "Unmet",
        rule,
        desired,
        text: Bilingual.render((l) =>
          l === "it"
            ? `«${title.it}» dovrebbe ${desired ? "essere soddisfatto" : "non applicarsi"}; nessun singolo dato basta a cambiarlo`
            : `«${title.en}» would have to ${desired ? "be met" : "no longer apply"}; no single fact can change it`
        )
      }
    const changed = new Map(values).set(cf.fact.id, cf.witness)
    const sufficient = run(rs, asOf, changed).trace.truth === "true"
    return {
      _tag: "Requirement",
      rule,
      desired,
      fact: cf.fact.id,
      relation: cf.relation,
      value: cf.value,
      witness: Fact.encode(cf.fact, cf.witness),
      sufficient,
      text: requirementText(cf, title, desired, sufficient)
    }
  })
}

/** The rules and parameters of the justifying path whose source is unverified. */
const unverifiedOf = (trace: Trace.Node): ReadonlyArray<string> => {
  const ids: Array<string> = []
  for (const node of Trace.justifyingPath(trace)) {
    if (node.source.confidence !== "confirmed") ids.push(node.rule)
    for (const r of node.parameters) if (r.source.confidence !== "confirmed" && !ids.includes(r.id)) ids.push(r.id)
  }
  return ids
}

const decodeDate = Schema.decodeUnknownResult(Calendar.CalendarDate)

/**
 * Evaluates `ruleSet` for `request`. Fails with `InvalidInput` — listing every problem — when
 * `asOf` is not a calendar date or falls before a parameter of the rule set is in force, when
 * a fact does not decode, or when a key names no fact of the rule set. Missing facts are not
 * errors: they make the outcome `undetermined` when they could change it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const evaluate = (
  ruleSet: RuleSet.RuleSet,
  request: Request
): Result.Result<Decision.Decision, InvalidInput.InvalidInput> => {
  const what = `eligibility request for ${ruleSet.id}`
  if (typeof request !== "object" || request === null)
    return Result.fail(
      new InvalidInput.InvalidInput({ what, problems: [{ path: "", message: "expected { asOf, facts }" }] })
    )
  const problems: Array<InvalidInput.Problem> = []
  const asOf = decodeDate(request.asOf, { errors: "all" })
  if (Result.isFailure(asOf)) {
    for (const p of InvalidInput.problemsOf(asOf.failure.issue)) problems.push({ path: "asOf", message: p.message })
  } else {
    const late = ruleSet.parameters.filter((p) => p.steps[0].from > asOf.success)
    if (late.length > 0)
      problems.push({
        path: "asOf",
        message: `${ruleSet.id} cannot be evaluated on ${asOf.success}, before its parameters are in force: ${late.map((p) => `${p.id} from ${p.steps[0].from}`).join(", ")}`
      })
  }
  const facts = Fact.decodeInput(ruleSet.facts, request.facts)
  if (Result.isFailure(facts)) problems.push(...facts.failure)
  const [firstProblem, ...rest] = problems
  if (firstProblem !== undefined || Result.isFailure(asOf) || Result.isFailure(facts))
    return Result.fail(
      new InvalidInput.InvalidInput({
        what,
        problems: [firstProblem ?? { path: "", message: "invalid request" }, ...rest]
      })
    )
  const date = asOf.success
  const result = run(ruleSet, date, facts.success.values)
  const outcome = Outcome.fromTruth(result.trace.truth)
  const award = awardOf(ruleSet, date, facts.success.values, outcome)
  const unverified = [...unverifiedOf(result.trace)]
  for (const id of award?.unverified ?? []) if (!unverified.includes(id)) unverified.push(id)
  const parameters = [...result.readings]
  for (const r of award?.parameters ?? []) if (!parameters.some((p) => p.id === r.id)) parameters.push(r)
  return Result.succeed({
    outcome,
    asOf: date,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    missing: result.trace.missing,
    parameters,
    trace: result.trace,
    inputHash: InputHash.make(ruleSet, date, facts.success.encoded),
    explanation: Explanation.fromTrace(result.trace, {
      unverified: unverified.length > 0,
      ...(award === undefined ? {} : { amount: award.text })
    }),
    hints: hintsFor(ruleSet, date, facts.success.values, result),
    confidence: unverified.length > 0 ? "unverified" : "confirmed",
    unverified,
    ...(award === undefined ? {} : { entitlement: award })
  })
}
