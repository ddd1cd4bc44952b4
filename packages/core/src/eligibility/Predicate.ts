/**
 * Ready-made leaves: a fact compared with a bound (`compare`), a fact that must take one
 * of a list of values (`oneOf`, `is`), and the time elapsed since a date (`monthsSince`). Unlike a custom `Rule.leaf`, they phrase their own
 * explanations ("ISEE € 17.500,00 superiore alla soglia di € 16.000,00") and counterfactuals
 * ("con ISEE non superiore a € 16.000,00", with a value that satisfies it), and they use the
 * declared domain of a fact: a missing fact that no admissible value could make fail — five
 * years of residence required, none required since 2020 — is not asked for.
 *
 * @since 0.1.0
 */
import { Option } from "effect"
import * as Calendar from "../Calendar.js"
import type * as Parameter from "../Parameter.js"
import * as Bilingual from "./Bilingual.js"
import type * as Bound from "./Bound.js"
import * as Fact from "./Fact.js"
import * as Rule from "./Rule.js"

/**
 * The order relations of a comparison: the fact on the left, the bound on the right.
 *
 * @since 0.1.0
 * @category models
 */
export type Comparison = "<=" | "<" | ">=" | ">"

const negation: Record<Comparison, Comparison> = { "<=": ">", ">": "<=", "<": ">=", ">=": "<" }

/** The comparison that holds exactly when `c` does not. @since 0.1.0 @category utils */
export const negate = (c: Comparison): Comparison => negation[c]

/**
 * How a comparison that holds reads: `<=` "non superiore" / "not above", `<` "inferiore" /
 * "below", `>=` "non inferiore" / "not below", `>` "superiore" / "above".
 *
 * @since 0.1.0
 * @category formatting
 */
export const words: Record<Comparison, Bilingual.Bilingual> = {
  "<=": Bilingual.make("non superiore", "not above"),
  "<": Bilingual.make("inferiore", "below"),
  ">=": Bilingual.make("non inferiore", "not below"),
  ">": Bilingual.make("superiore", "above")
}

const test = (x: number, c: Comparison, b: number): boolean =>
  c === "<=" ? x <= b : c === "<" ? x < b : c === ">=" ? x >= b : x > b

const holdsForEvery = (c: Comparison, b: number, min?: number, max?: number): boolean =>
  c === "<="
    ? max !== undefined && max <= b
    : c === "<"
      ? max !== undefined && max < b
      : c === ">="
        ? min !== undefined && min >= b
        : min !== undefined && min > b

const holdsForNone = (c: Comparison, b: number, min?: number, max?: number): boolean =>
  holdsForEvery(negate(c), b, min, max)

/** The admissible whole number closest to `b` that satisfies `x c b`. */
const boundary = (c: Comparison, b: number): number => (c === "<" ? b - 1 : c === ">" ? b + 1 : b)

/**
 * A leaf `fact c bound` over a whole-number fact (cents, years, persons, thousandths):
 * `compare({ …, fact: isee, relation: "<=", bound: Bound.parameter(iseeCeiling, …) })`.
 *
 * - missing fact, bound known: true (or false) without the fact when every admissible value
 *   of the fact's range satisfies (or fails) it; otherwise unknown;
 * - its counterfactual is the boundary value: `≤ b` → b, `< b` → b − 1, `≥ b` → b, `> b` → b + 1,
 *   when the fact's range admits it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const compare = (
  spec: Rule.Meta & { readonly fact: Fact.Fact<number>; readonly relation: Comparison; readonly bound: Bound.Bound }
): Rule.Leaf => {
  const { fact, relation, bound } = spec
  const min = fact.range?.min
  const max = fact.range?.max
  const phraseOf = (c: Comparison, b: number): Bilingual.Bilingual =>
    Bilingual.render((l) =>
      l === "it"
        ? `con ${fact.label.it} ${words[c].it} a ${fact.show(b).it}`
        : `with ${fact.label.en} ${words[c].en} ${fact.show(b).en}`
    )
  // each part is rendered once, then placed in both languages: a trace writes many of these
  const sentence = (c: Comparison, b: number): Bilingual.Bilingual => {
    const limit = fact.show(b)
    return Bilingual.render((l) => `${words[c][l]} ${bound.against[l]} ${limit[l]}`)
  }
  const counterfactualOf = (c: Comparison, b: number): Rule.Counterfactual | undefined => {
    const witness = boundary(c, b)
    if (!Number.isSafeInteger(witness) || (min !== undefined && witness < min) || (max !== undefined && witness > max))
      return undefined
    return { fact, relation: c, value: Fact.encodeLenient(fact, b), witness, phrase: phraseOf(c, b) }
  }
  const sentenceOf = (x: number, c: Comparison, b: number): Bilingual.Bilingual => {
    const value = fact.show(x)
    const comparison = sentence(c, b)
    return Bilingual.render((l) => `${fact.label[l]} ${value[l]} ${comparison[l]}`)
  }
  return {
    _tag: "Leaf",
    id: spec.id,
    title: spec.title,
    source: spec.source,
    facts: [fact, ...bound.facts.filter((f) => f.id !== fact.id)],
    parameters: bound.parameters,
    evaluate: (env) => {
      const x = env.value(fact)
      const b = bound.evaluate(env)
      if (Option.isNone(x) && b._tag === "Value") {
        const limit = b.value
        if (holdsForEvery(relation, limit, min, max))
          return Rule.verdict("true", [], () => {
            const s = sentence(relation, limit)
            return Bilingual.render((l) =>
              l === "it"
                ? `${fact.label.it}: soddisfatto da qualsiasi valore (${s.it})`
                : `${fact.label.en}: met by any value (${s.en})`
            )
          })
        if (holdsForNone(relation, limit, min, max))
          return Rule.verdict("false", [], () =>
            Bilingual.render((l) =>
              l === "it"
                ? `${fact.label.it}: nessun valore ammesso è ${sentence(relation, limit).it}`
                : `${fact.label.en}: no admissible value is ${sentence(relation, limit).en}`
            )
          )
      }
      if (Option.isSome(x) && b._tag === "Missing") {
        // the bound is unknown, but perhaps known to lie where the comparison cannot change
        const lo = b.lowest
        const hi = b.highest
        const always =
          relation === "<=" || relation === "<"
            ? lo !== undefined && test(x.value, relation, lo)
            : hi !== undefined && test(x.value, relation, hi)
        const never =
          relation === "<=" || relation === "<"
            ? hi !== undefined && !test(x.value, relation, hi)
            : lo !== undefined && !test(x.value, relation, lo)
        if (always || never) {
          const less = relation === "<=" || relation === "<"
          const useLowest = always === less
          const end = (useLowest ? lo : hi) ?? 0
          const value = x.value
          const facts = b.facts
          return Rule.verdict(
            always ? "true" : "false",
            [],
            () => {
              const whatever = Bilingual.join(
                facts.map((f) => f.label),
                Bilingual.make(", ", ", ")
              )
              const found = sentenceOf(value, always ? relation : negate(relation), end)
              return Bilingual.render((l) =>
                l === "it"
                  ? `${found.it}, il ${useLowest ? "minimo" : "massimo"} possibile qualunque sia ${whatever.it}`
                  : `${found.en}, the ${useLowest ? "lowest" : "highest"} possible whatever the ${whatever.en}`
              )
            },
            // a value that satisfies the comparison whatever the missing facts turn out to be
            (desired) => {
              const c = desired ? relation : negate(relation)
              const safe = c === "<=" || c === "<" ? lo : hi
              return safe === undefined ? undefined : counterfactualOf(c, safe)
            }
          )
        }
      }
      const missing = [...(Option.isNone(x) ? [fact] : []), ...(b._tag === "Missing" ? b.facts : [])]
      if (Option.isNone(x) || b._tag === "Missing")
        return Rule.verdict("unknown", missing, () => Rule.missingDetail(spec.title, missing))
      const value = x.value
      const limit = b.value
      const holds = test(value, relation, limit)
      const how = b.how
      return Rule.verdict(
        holds ? "true" : "false",
        [],
        () => {
          const found = sentenceOf(value, holds ? relation : negate(relation), limit)
          if (how === undefined) return found
          const computed = how()
          return Bilingual.render((l) => `${found[l]} (${computed[l]})`)
        },
        (desired) => counterfactualOf(desired ? relation : negate(relation), limit)
      )
    }
  }
}

/**
 * A leaf: `fact` takes one of `values`. A missing fact is not needed when every value of its
 * domain is in the list (or none is). Booleans read as their statement ("non possiede un
 * alloggio adeguato"); other facts as label and value, with the required values when it fails:
 * "cittadinanza: di uno Stato non UE, o apolide (richiesto: italiana o di altro Stato dell'Unione europea)".
 *
 * @since 0.1.0
 * @category constructors
 */
export const oneOf = <A>(
  spec: Rule.Meta & { readonly fact: Fact.Fact<A>; readonly values: readonly [A, ...Array<A>] }
): Rule.Leaf => {
  const { fact, values } = spec
  const admitted = (v: A) => values.some((w) => w === v)
  const list = (vs: ReadonlyArray<A>) =>
    Bilingual.join(
      vs.map((v) => fact.show(v)),
      Bilingual.make(" o ", " or ")
    )
  const shown = (v: A): Bilingual.Bilingual => {
    const value = fact.show(v)
    return fact.kind === "boolean" ? value : Bilingual.render((l) => `${fact.label[l]}: ${value[l]}`)
  }
  return {
    _tag: "Leaf",
    id: spec.id,
    title: spec.title,
    source: spec.source,
    facts: [fact],
    parameters: [],
    evaluate: (env) => {
      const x = env.value(fact)
      if (Option.isNone(x)) {
        const domain = fact.domain
        if (domain !== undefined && domain.length > 0 && domain.every(admitted))
          return Rule.verdict("true", [], () =>
            Bilingual.render((l) =>
              l === "it" ? `${fact.label.it}: ogni valore è ammesso` : `${fact.label.en}: every value is admitted`
            )
          )
        if (domain?.every((v) => !admitted(v)))
          return Rule.verdict("false", [], () =>
            Bilingual.render((l) =>
              l === "it" ? `${fact.label.it}: nessun valore è ammesso` : `${fact.label.en}: no value is admitted`
            )
          )
        return Rule.verdict("unknown", [fact], () => Rule.missingDetail(spec.title, [fact]))
      }
      const value = x.value
      const holds = admitted(value)
      const detail = () =>
        holds || fact.kind === "boolean"
          ? shown(value)
          : ((found, required) =>
              Bilingual.render((l) => `${found[l]} (${l === "it" ? "richiesto" : "required"}: ${required[l]})`))(
              shown(value),
              list(values)
            )
      return Rule.verdict(holds ? "true" : "false", [], detail, (desired) => {
        const target = desired ? values : fact.domain?.filter((v) => !admitted(v))
        const witness = target?.[0]
        if (target === undefined || witness === undefined) return undefined
        return {
          fact,
          relation: desired ? "in" : "not-in",
          value: values.map((v) => Fact.encode(fact, v)),
          witness,
          phrase:
            fact.kind === "boolean"
              ? Bilingual.render((l) => `${l === "it" ? "se" : "if"} ${fact.show(witness)[l]}`)
              : Bilingual.render((l) => `${l === "it" ? "con" : "with"} ${fact.label[l]} ${list(target)[l]}`)
        }
      })
    }
  }
}

/**
 * A leaf: `fact` equals `value` (`is({ …, fact: ownsAdequateDwelling, value: false })`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const is = <A>(spec: Rule.Meta & { readonly fact: Fact.Fact<A>; readonly value: A }): Rule.Leaf =>
  oneOf({ id: spec.id, title: spec.title, source: spec.source, fact: spec.fact, values: [spec.value] })

/**
 * The latest date `d` with `Calendar.addMonths(d, months) <= asOf`: a date at or before it is
 * at least `months` old on `asOf`, a later one is not. `addMonths` clamps to the end of a
 * shorter month, so on 28/02/2022 a lease of 29/02/2020 is 24 months old, and the latest
 * such date can be a few days after `addMonths(asOf, -months)`.
 *
 * @since 0.1.0
 * @category utils
 */
export const latestStart = (asOf: Calendar.CalendarDate, months: number): Calendar.CalendarDate => {
  let d = Calendar.addMonths(asOf, -months)
  while (Calendar.addMonths(Calendar.addDays(d, 1), months) <= asOf) d = Calendar.addDays(d, 1)
  return d
}

/**
 * A leaf on the time elapsed from a date fact to the evaluation date, in whole months as
 * Italian contracts count them (`Calendar.addMonths`, clamped to the end of a shorter month):
 *
 * - `">="`: at least `period` has elapsed — `addMonths(date, n) <= asOf`, so a lease exactly
 *   24 months old on `asOf` has 24 months;
 * - `"<"`: less than `period` has elapsed — `addMonths(date, n) > asOf`.
 *
 * `period` is a dated parameter in `months` or `years` (12 months each). It reads "data del
 * contratto di locazione 30/06/2022: 24 mesi compiuti al 30/06/2024 (richiesti almeno 24 mesi)";
 * its counterfactual is the boundary date, {@link latestStart}: "con data del contratto di
 * locazione entro il 30/06/2022".
 *
 * @since 0.1.0
 * @category constructors
 */
export const monthsSince = (
  spec: Rule.Meta & {
    readonly fact: Fact.Fact<Calendar.CalendarDate>
    readonly relation: ">=" | "<"
    readonly period: Parameter.Parameter<number>
  }
): Rule.Leaf => {
  const { fact, relation, period } = spec
  const perUnit = period.unit === "years" ? 12 : 1
  if (period.unit !== "years" && period.unit !== "months")
    throw new Error(`Predicate.monthsSince ${spec.id}: the period ${period.id} must be in months or years`)
  const count = (n: number, l: "it" | "en"): string =>
    perUnit === 12
      ? `${n} ${l === "it" ? (n === 1 ? "anno" : "anni") : n === 1 ? "year" : "years"}`
      : `${n} ${l === "it" ? (n === 1 ? "mese" : "mesi") : n === 1 ? "month" : "months"}`
  return Rule.leaf({
    id: spec.id,
    title: spec.title,
    source: spec.source,
    facts: { date: fact },
    parameters: { period },
    holds: ({ facts, parameters, asOf }) => {
      const elapsed = Calendar.addMonths(facts.date, parameters.period * perUnit) <= asOf
      return relation === ">=" ? elapsed : !elapsed
    },
    describe: ({ facts, parameters, asOf }) => {
      const whole = Calendar.wholeMonthsBetween(facts.date, asOf)
      const months = (n: number, l: "it" | "en") =>
        l === "it"
          ? `${n} ${n === 1 ? "mese compiuto" : "mesi compiuti"} al ${fact.show(asOf).it}`
          : `${n} ${n === 1 ? "month" : "months"} completed on ${asOf}`
      return Bilingual.render((l) =>
        l === "it"
          ? `${fact.label.it} ${fact.show(facts.date).it}: ${facts.date > asOf ? "successiva alla data di valutazione" : months(whole, "it")} (${relation === ">=" ? "richiesti almeno" : "ammessi meno di"} ${count(parameters.period, "it")})`
          : `${fact.label.en} ${fact.show(facts.date).en}: ${facts.date > asOf ? "after the evaluation date" : months(whole, "en")} (${relation === ">=" ? "at least" : "less than"} ${count(parameters.period, "en")} ${relation === ">=" ? "required" : "allowed"})`
      )
    },
    counterfactual: ({ parameters, asOf }, desired) => {
      const latest = latestStart(asOf, parameters.period * perUnit)
      // ">=" holds exactly for dates up to `latest`; "<" exactly for dates after it
      const upTo = (relation === ">=") === desired
      const witness = upTo ? latest : Calendar.addDays(latest, 1)
      return {
        fact,
        relation: upTo ? "<=" : ">",
        value: latest,
        witness,
        phrase: Bilingual.render((l) =>
          l === "it"
            ? `con ${fact.label.it} ${upTo ? "entro il" : "successiva al"} ${fact.show(latest).it}`
            : `with ${fact.label.en} ${upTo ? "on or before" : "after"} ${fact.show(latest).en}`
        )
      }
    }
  })
}
