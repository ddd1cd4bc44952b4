/**
 * The other side of a comparison: a threshold read from a dated parameter (the ISEE ceiling
 * of € 16.000,00), a constant of the text itself (two persons), or a value derived from
 * parameters and facts (€ 16.000,00 + € 5.000,00 × the household's PSE). A bound declares
 * what it reads, so that a comparison knows which facts it needs and the trace records
 * which parameters it used.
 *
 * @since 0.1.0
 */
import type * as Parameter from "../Parameter.js"
import type * as Bilingual from "./Bilingual.js"
import type * as Fact from "./Fact.js"
import type * as Rule from "./Rule.js"

/**
 * A bound's value on the evaluation date, with how it was computed when it was
 * (`€ 16.000,00 + € 5.000,00 × 1,57`), or the facts it lacks.
 *
 * @since 0.1.0
 * @category models
 */
export type Value =
  | {
      readonly _tag: "Value"
      readonly value: number
      /** How it was computed, written when a sentence asks for it (deciding never does). */
      readonly how?: () => Bilingual.Bilingual
    }
  | {
      readonly _tag: "Missing"
      readonly facts: ReadonlyArray<Fact.Any>
      /** The values the bound can still take, when known: a comparison may not need the facts. */
      readonly lowest?: number
      readonly highest?: number
    }

/**
 * A bound: what it reads, how a sentence refers to it ("alla soglia di" / "the ceiling
 * of", completed by the value), and its evaluation.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bound {
  readonly facts: ReadonlyArray<Fact.Any>
  readonly parameters: ReadonlyArray<Rule.AnyParameter>
  readonly against: Bilingual.Bilingual
  readonly evaluate: (env: Rule.Env) => Value
}

/**
 * The value of a dated parameter on the evaluation date.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parameter = (p: Parameter.Parameter<number>, against: Bilingual.Bilingual): Bound => ({
  facts: [],
  parameters: [p],
  against,
  evaluate: (env) => ({ _tag: "Value", value: env.parameter(p) })
})

/**
 * A constant written in the rule itself (the cited text says "two or more persons").
 *
 * @since 0.1.0
 * @category constructors
 */
export const constant = (value: number, against: Bilingual.Bilingual): Bound => ({
  facts: [],
  parameters: [],
  against,
  evaluate: () => ({ _tag: "Value", value })
})

type Values<F> = { readonly [K in keyof F]: Fact.Type<F[K]> }
type ParameterValues<P> = { readonly [K in keyof P]: P[K] extends Parameter.Parameter<infer A> ? A : never }

/**
 * A value computed from facts and parameters. It needs every fact it declares; `compute`
 * returns the value and, for the explanation, how it was obtained.
 *
 * With `monotone: "increasing"` the author states that `compute` never decreases when a fact
 * increases. Then, when facts are missing, the bound still knows the values it can take —
 * `compute` at the lowest and at the highest value of each missing fact's `range` — and a
 * comparison that holds (or fails) across all of them needs none of the missing facts:
 * assets of € 15.000,00 are within € 16.000,00 + € 5.000,00 × PSE whatever the PSE (≥ 1).
 *
 * @since 0.1.0
 * @category constructors
 */
export const derived = <
  const F extends Record<string, Fact.Any>,
  const P extends Record<string, Rule.AnyParameter>
>(spec: {
  readonly facts: F
  readonly parameters: P
  readonly against: Bilingual.Bilingual
  readonly monotone?: "increasing"
  readonly compute: (input: { readonly facts: Values<F>; readonly parameters: ParameterValues<P> }) => {
    readonly value: number
    /** How it was obtained, for the sentence: a text, or a function that writes it when asked. */
    readonly how?: Bilingual.Bilingual | (() => Bilingual.Bilingual)
  }
}): Bound => {
  const factEntries = Object.entries(spec.facts)
  const parameterEntries = Object.entries(spec.parameters)
  return {
    facts: factEntries.map(([, f]) => f),
    parameters: parameterEntries.map(([, p]) => p),
    against: spec.against,
    evaluate: (env) => {
      const facts: Record<string, unknown> = {}
      const missing: Array<Fact.Any> = []
      for (const [key, fact] of factEntries) {
        const v = env.value(fact)
        if (v._tag === "None") missing.push(fact)
        else facts[key] = v.value
      }
      const parameters: Record<string, unknown> = {}
      const compute = (fs: Record<string, unknown>) =>
        spec.compute({ facts: fs, parameters } as unknown as {
          readonly facts: Values<F>
          readonly parameters: ParameterValues<P>
        })
      if (missing.length > 0) {
        if (spec.monotone !== "increasing") return { _tag: "Missing", facts: missing }
        for (const [key, p] of parameterEntries) parameters[key] = env.parameter(p)
        const at = (end: "min" | "max"): number | undefined => {
          const fs: Record<string, unknown> = { ...facts }
          for (const [key, fact] of factEntries) {
            if (key in facts) continue
            const v = fact.range?.[end]
            if (v === undefined) return undefined
            fs[key] = v
          }
          return compute(fs).value
        }
        const lowest = at("min")
        const highest = at("max")
        return {
          _tag: "Missing",
          facts: missing,
          ...(lowest === undefined ? {} : { lowest }),
          ...(highest === undefined ? {} : { highest })
        }
      }
      for (const [key, p] of parameterEntries) parameters[key] = env.parameter(p)
      const { value, how } = compute(facts)
      if (how === undefined) return { _tag: "Value", value }
      return { _tag: "Value", value, how: typeof how === "function" ? how : () => how }
    }
  }
}
