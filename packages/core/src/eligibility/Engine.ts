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
 * {@link decide} is the decision-only mode, for screening many households: the same decoding
 * and the same three-valued logic, giving the outcome and the missing facts only — no trace,
 * explanation, hints, amount or hash. It stops at the first child that decides a combinator
 * (a false child of `all`, a true child of `any`), which the full evaluation does not, so that
 * its trace is complete; the outcome and the missing facts are the same (a property test checks
 * it). The sufficiency of each hint is checked the same way.
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
  readonly sortFacts: (ids: ReadonlyArray<string>) => ReadonlyArray<string>
  readonly verdicts: ReadonlyMap<string, { readonly leaf: Rule.Leaf; readonly verdict: Rule.Verdict }>
  readonly readings: () => ReadonlyArray<Trace.Reading>
}

/** The position of each fact in its rule set, computed once per rule set. */
const factOrders = new WeakMap<RuleSet.RuleSet, ReadonlyMap<string, number>>()
const factOrder = (rs: RuleSet.RuleSet): ReadonlyMap<string, number> => {
  let order = factOrders.get(rs)
  if (order === undefined) {
    order = new Map(rs.facts.map((f, i) => [f.id, i]))
    factOrders.set(rs, order)
  }
  return order
}

/** Fact ids without repetition, in the rule set's order. */
const sortedFacts = (rs: RuleSet.RuleSet, ids: ReadonlyArray<string>): ReadonlyArray<string> => {
  if (ids.length < 2) return ids // the common case: one missing fact
  const order = factOrder(rs)
  // an insertion sort that drops repeats: a few ids, no Set and no comparator closure
  const sorted: Array<string> = []
  for (const id of ids) {
    if (sorted.includes(id)) continue
    const rank = order.get(id) ?? 0
    let at = sorted.length
    while (at > 0 && (order.get(sorted[at - 1] as string) ?? 0) > rank) at--
    sorted.splice(at, 0, id)
  }
  return sorted
}

/** The facts and parameters a leaf declares, computed once per leaf. */
interface Declared {
  readonly facts: ReadonlySet<string>
  readonly parameters: ReadonlySet<string>
}
const declarations = new WeakMap<Rule.Leaf, Declared>()
const nothingDeclared: Declared = { facts: new Set(), parameters: new Set() }
const declared = (leaf: Rule.Leaf): Declared => {
  let d = declarations.get(leaf)
  if (d === undefined) {
    d = { facts: new Set(leaf.facts.map((f) => f.id)), parameters: new Set(leaf.parameters.map((p) => p.id)) }
    declarations.set(leaf, d)
  }
  return d
}

/** Evaluates rules of the rule set on decoded facts, recording verdicts and parameter readings. */
const evaluator = (
  rs: RuleSet.RuleSet,
  asOf: Calendar.CalendarDate,
  values: ReadonlyMap<string, unknown>,
  /** The supplied values in encoded form, when already known (the decoder computes them). */
  encoded?: ReadonlyMap<string, unknown>,
  /** Whether leaves write their sentence (`detail`): not for {@link trace}. */
  withDetail = true
): Evaluator => {
  const sortFacts = (ids: ReadonlyArray<string>) => sortedFacts(rs, ids)
  const verdicts = new Map<string, { leaf: Rule.Leaf; verdict: Rule.Verdict }>()
  const allReadings = new Map<string, Trace.Reading>()

  // One environment for every leaf of the run, pointed at the leaf being evaluated: a leaf
  // reads a few facts and parameters, recorded in small arrays (a fact or parameter read twice
  // by a leaf is recorded once).
  let current: Rule.Leaf | undefined
  let currentDeclared: Declared = nothingDeclared
  let factsRead: Array<Trace.FactRead> = []
  let readings: Array<Trace.Reading> = []
  const env: Rule.Env = {
    asOf,
    value: <A>(fact: Fact.Fact<A>): Option.Option<A> => {
      if (!currentDeclared.facts.has(fact.id))
        throw new Error(`rule ${(current as Rule.Leaf).id} reads fact ${fact.id} without declaring it`)
      if (!values.has(fact.id)) return Option.none()
      const v = values.get(fact.id) as A
      if (!factsRead.some((f) => f.id === fact.id))
        // an encoded value is never undefined: absent facts are not in the map
        factsRead.push({ id: fact.id, value: encoded?.get(fact.id) ?? Fact.encode(fact, v) })
      return Option.some(v)
    },
    parameter: <A>(p: Parameter.Parameter<A>): A => {
      const leaf = current as Rule.Leaf
      if (!currentDeclared.parameters.has(p.id))
        throw new Error(`rule ${leaf.id} reads parameter ${p.id} without declaring it`)
      const reading = Parameter.readAt(p, asOf)
      if (Option.isNone(reading)) throw new Error(`parameter ${p.id} has no value on ${asOf}`) // checked before
      const r: Trace.Reading = reading.value // a new object from readAt: nobody else holds it
      if (!readings.some((x) => x.id === p.id)) readings.push(r)
      if (!allReadings.has(p.id)) allReadings.set(p.id, r)
      return r.value as A
    }
  }

  const evalLeaf = (leaf: Rule.Leaf): Trace.Node => {
    current = leaf
    currentDeclared = declared(leaf)
    factsRead = []
    readings = []
    const verdict = leaf.evaluate(env)
    verdicts.set(leaf.id, { leaf, verdict })
    const missing = verdict.truth === "unknown" ? sortFacts(verdict.missing.map((f) => f.id)) : []
    return withDetail
      ? {
          rule: leaf.id,
          kind: "leaf",
          title: leaf.title,
          source: leaf.source,
          truth: verdict.truth,
          missing,
          facts: factsRead,
          parameters: readings,
          detail: verdict.detail,
          children: []
        }
      : {
          rule: leaf.id,
          kind: "leaf",
          title: leaf.title,
          source: leaf.source,
          truth: verdict.truth,
          missing,
          facts: factsRead,
          parameters: readings,
          children: []
        }
  }

  // Kleene's conjunction and disjunction of two values (Truth.and / Truth.or of a pair)
  const and2 = (a: Truth.Truth, b: Truth.Truth): Truth.Truth =>
    a === "false" || b === "false" ? "false" : a === "unknown" || b === "unknown" ? "unknown" : "true"
  const or2 = (a: Truth.Truth, b: Truth.Truth): Truth.Truth =>
    a === "true" || b === "true" ? "true" : a === "unknown" || b === "unknown" ? "unknown" : "false"

  const evalRule = (rule: Rule.Rule): Trace.Node => {
    if (rule._tag === "Leaf") return evalLeaf(rule)
    // every child is evaluated (no short circuit), so that the trace is complete
    let children: Array<Trace.Node>
    let truth: Truth.Truth
    switch (rule._tag) {
      case "AllOf":
      case "AnyOf": {
        const all = rule._tag === "AllOf"
        children = new Array<Trace.Node>(rule.rules.length)
        truth = all ? "true" : "false"
        for (let i = 0; i < rule.rules.length; i++) {
          const child = evalRule(rule.rules[i] as Rule.Rule)
          children[i] = child
          truth = all ? and2(truth, child.truth) : or2(truth, child.truth)
        }
        break
      }
      case "Not": {
        const child = evalRule(rule.rule)
        children = [child]
        truth = Truth.not(child.truth)
        break
      }
      case "Unless": {
        const [main, exception] = [evalRule(rule.rule), evalRule(rule.exception)]
        children = [main, exception]
        truth = and2(main.truth, Truth.not(exception.truth))
        break
      }
      case "When": {
        const [condition, then] = [evalRule(rule.condition), evalRule(rule.rule)]
        children = [condition, then]
        truth = or2(Truth.not(condition.truth), then.truth)
        break
      }
    }
    // an unknown node can only be decided through its unknown children: their missing facts
    let missing: ReadonlyArray<string> = []
    if (truth === "unknown") {
      const ids: Array<string> = []
      for (const c of children) if (c.truth === "unknown") for (const id of c.missing) ids.push(id)
      missing = sortFacts(ids)
    }
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
const run = (
  rs: RuleSet.RuleSet,
  asOf: Calendar.CalendarDate,
  values: ReadonlyMap<string, unknown>,
  encoded?: ReadonlyMap<string, unknown>
): Run => {
  const ev = evaluator(rs, asOf, values, encoded)
  const trace = ev.evalRule(rs.rule)
  return { trace, verdicts: ev.verdicts, readings: ev.readings() }
}

// ---------------------------------------------------------------------------------------------
// decision only
// ---------------------------------------------------------------------------------------------

/** The truth of a rule and, when unknown, the missing facts that leave it so (unsorted). */
interface Decided {
  readonly truth: Truth.Truth
  readonly missing: ReadonlyArray<string>
}
const decidedTrue: Decided = { truth: "true", missing: [] }
const decidedFalse: Decided = { truth: "false", missing: [] }
const unknownOf = (missing: ReadonlyArray<string>): Decided => ({ truth: "unknown", missing })

/**
 * What leaves read in a decision-only evaluation: facts and parameter values, nothing recorded.
 * One environment per evaluation, pointed at the leaf being evaluated (`at`).
 */
const decisionEnv = (asOf: Calendar.CalendarDate, values: ReadonlyMap<string, unknown>) => {
  let leaf: Rule.Leaf | undefined
  let leafDeclared: Declared = nothingDeclared
  const env = {
    asOf,
    value: <A>(fact: Fact.Fact<A>): Option.Option<A> => {
      if (!leafDeclared.facts.has(fact.id))
        throw new Error(`rule ${leaf?.id} reads fact ${fact.id} without declaring it`)
      const v = values.get(fact.id)
      return v === undefined ? Option.none() : Option.some(v as A)
    },
    parameter: <A>(p: Parameter.Parameter<A>): A => {
      if (!leafDeclared.parameters.has(p.id))
        throw new Error(`rule ${leaf?.id} reads parameter ${p.id} without declaring it`)
      let value: A | undefined
      let found = false
      for (const step of p.steps) {
        if (step.from > asOf) break
        value = step.value
        found = true
      }
      if (!found) throw new Error(`parameter ${p.id} has no value on ${asOf}`) // checked before
      return value as A
    }
  } satisfies Rule.Env
  return {
    env,
    at: (next: Rule.Leaf) => {
      leaf = next
      leafDeclared = declared(next)
    }
  }
}

/**
 * The truth of the rule tree on decoded facts, without trace: a combinator stops at the first
 * child that decides it, and only unknown nodes carry their missing facts.
 */
const decideTree = (rule: Rule.Rule, asOf: Calendar.CalendarDate, values: ReadonlyMap<string, unknown>): Decided => {
  const { env, at } = decisionEnv(asOf, values)
  const go = (r: Rule.Rule): Decided => {
    switch (r._tag) {
      case "Leaf": {
        at(r)
        const verdict = r.evaluate(env)
        return verdict.truth === "true"
          ? decidedTrue
          : verdict.truth === "false"
            ? decidedFalse
            : unknownOf(verdict.missing.map((f) => f.id))
      }
      case "AllOf":
      case "AnyOf": {
        const decisive = r._tag === "AllOf" ? "false" : "true"
        let missing: Array<string> | undefined
        for (const child of r.rules) {
          const d = go(child)
          if (d.truth === decisive) return d
          if (d.truth === "unknown") {
            missing ??= []
            missing.push(...d.missing)
          }
        }
        return missing !== undefined ? unknownOf(missing) : r._tag === "AllOf" ? decidedTrue : decidedFalse
      }
      case "Not": {
        const d = go(r.rule)
        return d.truth === "true" ? decidedFalse : d.truth === "false" ? decidedTrue : d
      }
      case "Unless": {
        // rule ∧ ¬exception
        const rule = go(r.rule)
        if (rule.truth === "false") return decidedFalse
        const exception = go(r.exception)
        if (exception.truth === "true") return decidedFalse
        if (rule.truth === "true") return exception.truth === "false" ? decidedTrue : exception
        return exception.truth === "false" ? rule : unknownOf([...rule.missing, ...exception.missing])
      }
      case "When": {
        // ¬condition ∨ rule
        const condition = go(r.condition)
        if (condition.truth === "false") return decidedTrue
        const rule = go(r.rule)
        if (rule.truth === "true") return decidedTrue
        if (condition.truth === "true") return rule
        return rule.truth === "false" ? condition : unknownOf([...condition.missing, ...rule.missing])
      }
    }
  }
  return go(rule)
}

/** The award of the rule set's entitlement, evaluated apart so that its readings stay its own. */
const awardOf = (
  rs: RuleSet.RuleSet,
  asOf: Calendar.CalendarDate,
  values: ReadonlyMap<string, unknown>,
  outcome: Outcome.Outcome,
  encoded?: ReadonlyMap<string, unknown>
): Entitlement.Award | undefined => {
  if (rs.entitlement === undefined) return undefined
  const ev = evaluator(rs, asOf, values, encoded)
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
    const sufficient = decideTree(rs.rule, asOf, changed).truth === "true"
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
): Result.Result<Decision.Decision, InvalidInput.InvalidInput> =>
  Result.map(validate(ruleSet, request), ({ date, facts }) => decision(ruleSet, date, facts))

/**
 * The date each rule set was last found in force on: a register is screened on one date, so
 * the check of the date (a real calendar day, every parameter in force) runs once, not once
 * per household.
 */
const inForceOn = new WeakMap<RuleSet.RuleSet, string>()

/** Why `asOf` cannot be used with `ruleSet`, or the date. */
const checkDate = (
  ruleSet: RuleSet.RuleSet,
  asOf: unknown,
  problems: Array<InvalidInput.Problem>
): Calendar.CalendarDate | undefined => {
  if (typeof asOf === "string" && inForceOn.get(ruleSet) === asOf) return asOf as Calendar.CalendarDate
  const date: Result.Result<Calendar.CalendarDate, Schema.SchemaError> = Calendar.isCalendarDate(asOf)
    ? Result.succeed(asOf)
    : decodeDate(asOf, { errors: "all" })
  if (Result.isFailure(date)) {
    for (const p of InvalidInput.problemsOf(date.failure.issue)) problems.push({ path: "asOf", message: p.message })
    return undefined
  }
  const late = ruleSet.parameters.filter((p) => p.steps[0].from > date.success)
  if (late.length > 0) {
    problems.push({
      path: "asOf",
      message: `${ruleSet.id} cannot be evaluated on ${date.success}, before its parameters are in force: ${late.map((p) => `${p.id} from ${p.steps[0].from}`).join(", ")}`
    })
    return undefined
  }
  inForceOn.set(ruleSet, date.success)
  return date.success
}

/** Decodes a request: its date and its facts, or every problem. */
const validate = (
  ruleSet: RuleSet.RuleSet,
  request: Request,
  decodeFacts: typeof Fact.decodeInput = Fact.decodeInput
): Result.Result<{ readonly date: Calendar.CalendarDate; readonly facts: Fact.Decoded }, InvalidInput.InvalidInput> => {
  const what = () => `eligibility request for ${ruleSet.id}`
  if (typeof request !== "object" || request === null)
    return Result.fail(
      new InvalidInput.InvalidInput({ what: what(), problems: [{ path: "", message: "expected { asOf, facts }" }] })
    )
  const problems: Array<InvalidInput.Problem> = []
  const date = checkDate(ruleSet, request.asOf, problems)
  const facts = decodeFacts(ruleSet.facts, request.facts)
  if (Result.isFailure(facts)) problems.push(...facts.failure)
  if (problems.length > 0 || date === undefined || Result.isFailure(facts)) {
    const [firstProblem, ...rest] = problems
    return Result.fail(
      new InvalidInput.InvalidInput({
        what: what(),
        problems: [firstProblem ?? { path: "", message: "invalid request" }, ...rest]
      })
    )
  }
  return Result.succeed({ date, facts: facts.success })
}

/** The full decision on a valid request. */
const decision = (ruleSet: RuleSet.RuleSet, date: Calendar.CalendarDate, facts: Fact.Decoded): Decision.Decision => {
  const result = run(ruleSet, date, facts.values, facts.encoded)
  const outcome = Outcome.fromTruth(result.trace.truth)
  const award = awardOf(ruleSet, date, facts.values, outcome, facts.encoded)
  const unverified = [...unverifiedOf(result.trace)]
  for (const id of award?.unverified ?? []) if (!unverified.includes(id)) unverified.push(id)
  const parameters = [...result.readings]
  for (const r of award?.parameters ?? []) if (!parameters.some((p) => p.id === r.id)) parameters.push(r)
  return {
    outcome,
    asOf: date,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    missing: result.trace.missing,
    parameters,
    trace: result.trace,
    inputHash: InputHash.make(ruleSet, date, facts.encoded),
    explanation: Explanation.fromTrace(result.trace, {
      unverified: unverified.length > 0,
      ...(award === undefined ? {} : { amount: award.text })
    }),
    hints: hintsFor(ruleSet, date, facts.values, result),
    confidence: unverified.length > 0 ? "unverified" : "confirmed",
    unverified,
    ...(award === undefined ? {} : { entitlement: award })
  }
}

/**
 * What {@link trace} gives: the outcome, the missing facts and the whole trace — every rule
 * with its truth, the facts and parameter values it read, its legal source — without the
 * sentences written for people.
 *
 * @since 0.1.0
 * @category models
 */
export interface Traced {
  readonly outcome: Outcome.Outcome
  /** For an undetermined outcome, the missing facts that could decide it, in the rule set's order; otherwise `[]`. */
  readonly missing: ReadonlyArray<string>
  readonly trace: Trace.Node
}

/**
 * The trace mode, for screening a register with an audit trail: the outcome, the missing facts
 * and the trace of {@link evaluate} — the same tree, truths, facts read and parameter readings —
 * without each leaf's sentence (`detail`), the explanation, the hints, the amount or the hash,
 * which are written for the person who reads one decision: `evaluate` of the same request gives
 * them, and the same trace with its sentences (evaluation is deterministic). Fails with
 * `InvalidInput` on the same requests as `evaluate`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const trace = (ruleSet: RuleSet.RuleSet, request: Request): Result.Result<Traced, InvalidInput.InvalidInput> =>
  Result.map(validate(ruleSet, request), ({ date, facts }): Traced => {
    const tree = evaluator(ruleSet, date, facts.values, facts.encoded, false).evalRule(ruleSet.rule)
    return { outcome: Outcome.fromTruth(tree.truth), missing: tree.missing, trace: tree }
  })

/**
 * The outcome of a decision and the facts that would decide an undetermined one: what
 * {@link decide} gives, without trace, explanation, hints, amount or hash.
 *
 * @since 0.1.0
 * @category models
 */
export interface Answer {
  readonly outcome: Outcome.Outcome
  /** For an undetermined outcome, the missing facts that could decide it, in the rule set's order; otherwise `[]`. */
  readonly missing: ReadonlyArray<string>
}

/**
 * The decision-only mode: the outcome and the missing facts of `request`, exactly those of
 * {@link evaluate}, without building the trace, the explanation, the hints, the amount or the
 * hash — for screening many households (`Batch.summarize`). Fails with `InvalidInput`, listing
 * every problem, on the same requests as `evaluate`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decide = (ruleSet: RuleSet.RuleSet, request: Request): Result.Result<Answer, InvalidInput.InvalidInput> =>
  Result.map(validate(ruleSet, request, Fact.decodeValues), ({ date, facts }): Answer => {
    const d = decideTree(ruleSet.rule, date, facts.values)
    return {
      outcome: Outcome.fromTruth(d.truth),
      missing: d.truth === "unknown" ? sortedFacts(ruleSet, d.missing) : []
    }
  })
