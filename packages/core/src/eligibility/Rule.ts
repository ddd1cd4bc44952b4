/**
 * The rule algebra. A rule set is a tree: leaves are predicates over facts and dated
 * parameters; inner nodes combine them with `all`, `any`, `not`, `unless` (the general rule,
 * unless an exception holds — the "default, then exception" shape of statutes that Catala
 * made explicit) and `when` (a requirement that applies only to some cases, such as the asset
 * limit for one-person households). Every node, leaf or not, carries an id, an Italian and
 * English title and the legal reference it comes from, whose `confidence` says whether it was
 * read in the act: the types require all three.
 *
 * A leaf declares the facts and parameters it may read. The engine evaluates it with Kleene
 * logic: it is `unknown`, naming the facts it lacks, only when a missing fact could change it.
 *
 * @since 0.1.0
 */
import type { Option } from "effect"
import type * as Calendar from "../Calendar.js"
import type { LegalReference } from "../LegalReference.js"
import type * as Parameter from "../Parameter.js"
import * as Bilingual from "./Bilingual.js"
import type * as Fact from "./Fact.js"
import type { Truth } from "./Truth.js"

/**
 * What every rule carries: a stable id (`sap.access.isee`), a title in both languages, and
 * its legal source with a confidence.
 *
 * @since 0.1.0
 * @category models
 */
export interface Meta {
  readonly id: string
  readonly title: Bilingual.Bilingual
  readonly source: LegalReference
}

/** A dated parameter of any type. @since 0.1.0 @category models */
export type AnyParameter = Parameter.Parameter<unknown>

/**
 * How a counterfactual constrains a fact: a bound (`<=`, `<`, `>=`, `>`) or a set of values
 * (`in`, `not-in`).
 *
 * @since 0.1.0
 * @category models
 */
export type Relation = "<=" | "<" | ">=" | ">" | "in" | "not-in"

/**
 * What would make a leaf take the other value: the fact, the relation and bound it must
 * satisfy (encoded, as a caller supplies facts), a `witness` value that satisfies it
 * (decoded), and the phrase that completes "idoneo …": "con ISEE non superiore a € 16.000,00".
 *
 * @since 0.1.0
 * @category models
 */
export interface Counterfactual {
  readonly fact: Fact.Any
  readonly relation: Relation
  readonly value: unknown
  readonly witness: unknown
  readonly phrase: Bilingual.Bilingual
}

/**
 * What a leaf may read while it is evaluated: the date of the evaluation, a fact (`None` when
 * missing) and the value of a parameter in force on that date. The engine records every read
 * in the trace.
 *
 * @since 0.1.0
 * @category models
 */
export interface Env {
  readonly asOf: Calendar.CalendarDate
  readonly value: <A>(fact: Fact.Fact<A>) => Option.Option<A>
  readonly parameter: <A>(parameter: Parameter.Parameter<A>) => A
}

/**
 * The result of a leaf: its truth, the missing facts that leave it `unknown` (empty
 * otherwise), what it found in words, and — when it can say — what would change it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Verdict {
  readonly truth: Truth
  readonly missing: ReadonlyArray<Fact.Any>
  readonly detail: Bilingual.Bilingual
  readonly counterfactual?: (desired: boolean) => Counterfactual | undefined
}

// A class, not an object literal with a getter: V8 builds such literals on a slow path.
class LazyVerdict implements Verdict {
  readonly truth: Truth
  readonly missing: ReadonlyArray<Fact.Any>
  declare readonly counterfactual?: (desired: boolean) => Counterfactual | undefined
  readonly #describe: () => Bilingual.Bilingual
  #text: Bilingual.Bilingual | undefined
  constructor(
    truth: Truth,
    missing: ReadonlyArray<Fact.Any>,
    describe: () => Bilingual.Bilingual,
    counterfactual: ((desired: boolean) => Counterfactual | undefined) | undefined
  ) {
    this.truth = truth
    this.missing = missing
    this.#describe = describe
    if (counterfactual !== undefined) this.counterfactual = counterfactual
  }
  get detail(): Bilingual.Bilingual {
    this.#text ??= this.#describe()
    return this.#text
  }
}

/**
 * A verdict whose `detail` is written only when it is read, once: deciding many households
 * (`Engine.decide`) never reads it, and the sentence costs more than the comparison.
 *
 * @since 0.1.0
 * @category constructors
 */
export const verdict = (
  truth: Truth,
  missing: ReadonlyArray<Fact.Any>,
  detail: () => Bilingual.Bilingual,
  counterfactual?: (desired: boolean) => Counterfactual | undefined
): Verdict => new LazyVerdict(truth, missing, detail, counterfactual)

/**
 * A predicate over facts and parameters.
 *
 * @since 0.1.0
 * @category models
 */
export interface Leaf extends Meta {
  readonly _tag: "Leaf"
  readonly facts: ReadonlyArray<Fact.Any>
  readonly parameters: ReadonlyArray<AnyParameter>
  readonly evaluate: (env: Env) => Verdict
}

/** Every rule holds. @since 0.1.0 @category models */
export interface AllOf extends Meta {
  readonly _tag: "AllOf"
  readonly rules: ReadonlyArray<Rule>
}

/** At least one rule holds. @since 0.1.0 @category models */
export interface AnyOf extends Meta {
  readonly _tag: "AnyOf"
  readonly rules: ReadonlyArray<Rule>
}

/** The rule does not hold. @since 0.1.0 @category models */
export interface Not extends Meta {
  readonly _tag: "Not"
  readonly rule: Rule
}

/** The general rule holds and its exception does not. @since 0.1.0 @category models */
export interface Unless extends Meta {
  readonly _tag: "Unless"
  readonly rule: Rule
  readonly exception: Rule
}

/**
 * The rule holds, or it does not apply because the condition does not hold (`¬c ∨ r`).
 *
 * @since 0.1.0
 * @category models
 */
export interface When extends Meta {
  readonly _tag: "When"
  readonly condition: Rule
  readonly rule: Rule
}

/** A rule: a leaf or a combination. @since 0.1.0 @category models */
export type Rule = Leaf | AllOf | AnyOf | Not | Unless | When

const meta = (m: Meta): Meta => ({ id: m.id, title: m.title, source: m.source })

/**
 * All of `rules` must hold (Kleene AND: false as soon as one is false).
 *
 * @since 0.1.0
 * @category constructors
 */
export const all = (m: Meta, rules: ReadonlyArray<Rule>): AllOf => ({ _tag: "AllOf", ...meta(m), rules })

/**
 * At least one of `rules` must hold (Kleene OR: true as soon as one is true).
 *
 * @since 0.1.0
 * @category constructors
 */
export const any = (m: Meta, rules: ReadonlyArray<Rule>): AnyOf => ({ _tag: "AnyOf", ...meta(m), rules })

/** `rule` must not hold. @since 0.1.0 @category constructors */
export const not = (m: Meta, rule: Rule): Not => ({ _tag: "Not", ...meta(m), rule })

/**
 * The general rule, unless the exception holds: `rule ∧ ¬exception`. An SAP lease, for
 * instance, excludes a household from the private-market arrears fund that it would
 * otherwise qualify for.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unless = (m: Meta, rule: Rule, exception: Rule): Unless => ({
  _tag: "Unless",
  ...meta(m),
  rule,
  exception
})

/**
 * `rule` applies only when `condition` holds (`¬condition ∨ rule`): the asset limit for
 * one-person households is `when(one person, assets ≤ € 22.000)`. An explanation never
 * blames a case for not applying; a hint never suggests changing the condition.
 *
 * @since 0.1.0
 * @category constructors
 */
export const when = (m: Meta, condition: Rule, rule: Rule): When => ({ _tag: "When", ...meta(m), condition, rule })

/**
 * The direct sub-rules of a rule, in order (for `unless`: rule, exception; for `when`:
 * condition, rule).
 *
 * @since 0.1.0
 * @category utils
 */
export const children = (rule: Rule): ReadonlyArray<Rule> => {
  switch (rule._tag) {
    case "Leaf":
      return []
    case "AllOf":
    case "AnyOf":
      return rule.rules
    case "Not":
      return [rule.rule]
    case "Unless":
      return [rule.rule, rule.exception]
    case "When":
      return [rule.condition, rule.rule]
  }
}

/**
 * Every rule of a tree, parents before children.
 *
 * @since 0.1.0
 * @category utils
 */
export const flatten = (rule: Rule): ReadonlyArray<Rule> => [rule, ...children(rule).flatMap(flatten)]

/**
 * The detail of a leaf that lacks facts: "Soglia ISEE: manca ISEE del nucleo familiare".
 *
 * @since 0.1.0
 * @category formatting
 */
export const missingDetail = (title: Bilingual.Bilingual, missing: ReadonlyArray<Fact.Any>): Bilingual.Bilingual =>
  Bilingual.render(
    (l) =>
      `${title[l]}: ${l === "it" ? (missing.length === 1 ? "manca" : "mancano") : "missing"} ${missing.map((f) => f.phrase[l]).join(", ")}`
  )

type Values<F> = { readonly [K in keyof F]: Fact.Type<F[K]> }
type ParameterValues<P> = { readonly [K in keyof P]: P[K] extends Parameter.Parameter<infer A> ? A : never }

/**
 * What a custom leaf's functions receive: the decoded facts it declared, the values of its
 * parameters on the evaluation date, and that date.
 *
 * @since 0.1.0
 * @category models
 */
export interface LeafInput<F, P> {
  readonly facts: Values<F>
  readonly parameters: ParameterValues<P>
  readonly asOf: Calendar.CalendarDate
}

/**
 * A custom leaf: `holds` decides it from its facts and parameters, `describe` says what it
 * found, `counterfactual` (optional) what would change it. It needs every fact it declares:
 * when any is missing it is `unknown` and names them all. For comparisons and lists of
 * values, prefer `Predicate.compare` and `Predicate.oneOf`, which phrase explanations and
 * counterfactuals by themselves and need no fact whose value cannot matter.
 *
 * @since 0.1.0
 * @category constructors
 */
export const leaf = <
  const F extends Record<string, Fact.Any>,
  const P extends Record<string, AnyParameter> = Record<never, never>
>(
  spec: Meta & {
    readonly facts: F
    readonly parameters?: P
    readonly holds: (input: LeafInput<F, P>) => boolean
    readonly describe: (input: LeafInput<F, P>, holds: boolean) => Bilingual.Bilingual
    readonly counterfactual?: (input: LeafInput<F, P>, desired: boolean) => Counterfactual | undefined
  }
): Leaf => {
  const factEntries = Object.entries(spec.facts)
  const parameterEntries = Object.entries(spec.parameters ?? {})
  return {
    _tag: "Leaf",
    ...meta(spec),
    facts: factEntries.map(([, f]) => f),
    parameters: parameterEntries.map(([, p]) => p),
    evaluate: (env) => {
      const facts: Record<string, unknown> = {}
      const missing: Array<Fact.Any> = []
      for (const [key, fact] of factEntries) {
        const v = env.value(fact)
        if (v._tag === "None") missing.push(fact)
        else facts[key] = v.value
      }
      if (missing.length > 0) return verdict("unknown", missing, () => missingDetail(spec.title, missing))
      const parameters: Record<string, unknown> = {}
      for (const [key, p] of parameterEntries) parameters[key] = env.parameter(p)
      const input = { facts, parameters, asOf: env.asOf } as unknown as LeafInput<F, P>
      const holds = spec.holds(input)
      const counterfactual = spec.counterfactual
      return verdict(
        holds ? "true" : "false",
        [],
        () => spec.describe(input, holds),
        counterfactual === undefined ? undefined : (desired: boolean) => counterfactual(input, desired)
      )
    }
  }
}
