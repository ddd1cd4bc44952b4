/**
 * What an eligible household may receive: the maximum amount of a contribution, chosen among
 * cases. The contributo regionale di solidarietà, for instance, pays at most € 1.850,00 to a
 * household assigned as indigent within 36 months of its lease, and € 2.700,00 otherwise; the
 * private-market arrears fund at most € 12.000,00. Eligibility says *whether*; an entitlement
 * says *how much*, with the same guarantees: every amount is a dated parameter with its
 * source, every case a rule with its source, a missing fact is never guessed.
 *
 * The cases are tried in order and the first whose condition holds gives the amount; the last
 * case has no condition, so an eligible household always falls in one. A condition that is
 * unknown leaves the amount open: the {@link Award} then lists the amounts still possible and
 * the facts that would decide between them. When every possible amount is the same, the
 * amount is known even though the case (and so the source) is not.
 *
 * The engine awards an entitlement for an eligible outcome and, as the amount that would
 * apply, for an undetermined one; an ineligible outcome gets none.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as LegalReference from "../LegalReference.js"
import * as Money from "../Money.js"
import type * as Parameter from "../Parameter.js"
import * as Bilingual from "./Bilingual.js"
import type { Outcome } from "./Outcome.js"
import * as Rule from "./Rule.js"
import * as Trace from "./Trace.js"

/**
 * One case: the condition under which it applies (none for the last, catch-all case) and the
 * dated parameter, in cents, that gives its maximum amount.
 *
 * @since 0.1.0
 * @category models
 */
export interface Case extends Rule.Meta {
  readonly condition?: Rule.Rule
  readonly amount: Parameter.Parameter<number>
}

/**
 * An entitlement: id, title, source, and its cases in order, the last one unconditional.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entitlement extends Rule.Meta {
  readonly cases: readonly [Case, ...Array<Case>]
}

/**
 * Every defect of an entitlement's shape, as English sentences: a case other than the last
 * without a condition (it would hide the later ones), or a last case with one (an eligible
 * household must always fall in a case).
 *
 * @since 0.1.0
 * @category rules
 */
export const problems = (e: Entitlement): ReadonlyArray<string> => {
  const found: Array<string> = []
  e.cases.forEach((c, i) => {
    const last = i === e.cases.length - 1
    if (last && c.condition !== undefined)
      found.push(
        `entitlement ${e.id}: its last case ${c.id} must have no condition, so that every household falls in one`
      )
    if (!last && c.condition === undefined)
      found.push(
        `entitlement ${e.id}: case ${c.id} has no condition but is not the last, so the later cases never apply`
      )
  })
  return found
}

/**
 * Builds an entitlement, throwing on a defect of {@link problems} (a programming error:
 * entitlements are written in source).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (e: Entitlement): Entitlement => {
  const found = problems(e)
  if (found.length > 0) throw new Error(found.join("\n"))
  return e
}

/**
 * Every rule of the cases' conditions, parents before children, case by case.
 *
 * @since 0.1.0
 * @category utils
 */
export const rules = (e: Entitlement): ReadonlyArray<Rule.Rule> =>
  e.cases.flatMap((c) => (c.condition === undefined ? [] : Rule.flatten(c.condition)))

/**
 * The amount parameters of the cases, in case order.
 *
 * @since 0.1.0
 * @category utils
 */
export const amounts = (e: Entitlement): ReadonlyArray<Parameter.Parameter<number>> => e.cases.map((c) => c.amount)

/**
 * The award of a decision: the entitlement applied, whether its amount is known, the case that
 * applies (when decided), the maximum `amount` in cents (when known), the `candidates` still
 * possible, the `missing` facts that would decide the case, the parameters read, the trace of
 * every condition evaluated, and a sentence in Italian and English. `conditional` is true when
 * the outcome is undetermined: the amount is what would apply if the household turned out
 * eligible. `confidence` and `unverified` as in a decision.
 *
 * @since 0.1.0
 * @category models
 */
export const Award = Schema.Struct({
  entitlement: Schema.String,
  title: Bilingual.Bilingual,
  source: LegalReference.LegalReference,
  status: Schema.Literals(["determined", "undetermined"]),
  conditional: Schema.Boolean,
  case: Schema.optionalKey(Schema.String),
  amount: Schema.optionalKey(Money.NonNegativeCents),
  candidates: Schema.Array(Money.NonNegativeCents),
  missing: Schema.Array(Schema.String),
  parameters: Schema.Array(Trace.Reading),
  trace: Schema.Array(Trace.Node),
  text: Bilingual.Bilingual,
  confidence: LegalReference.Confidence,
  unverified: Schema.Array(Schema.String)
})
/** @since 0.1.0 @category models */
export type Award = typeof Award.Type

/**
 * What {@link award} needs from the engine: how to evaluate a rule (with its trace), how to
 * read an amount parameter on the decision's date, the order of facts and how to ask for one.
 *
 * @since 0.1.0
 * @category models
 */
export interface Evaluator {
  readonly evaluate: (rule: Rule.Rule) => Trace.Node
  readonly read: (p: Parameter.Parameter<number>) => Trace.Reading
  readonly sortFacts: (ids: ReadonlyArray<string>) => ReadonlyArray<string>
  readonly phrase: (fact: string) => Bilingual.Bilingual
}

const distinct = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(xs)]

/**
 * Applies an entitlement for a decision with `outcome`: `undefined` when the outcome is
 * ineligible; otherwise the {@link Award}, trying the cases in order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const award = (e: Entitlement, outcome: Outcome, ev: Evaluator): Award | undefined => {
  if (outcome === "ineligible") return undefined
  const trace: Array<Trace.Node> = []
  const candidates: Array<{ readonly c: Case; readonly reading: Trace.Reading }> = []
  const missing: Array<string> = []
  let decided: Case | undefined
  for (const c of e.cases) {
    const node = c.condition === undefined ? undefined : ev.evaluate(c.condition)
    if (node !== undefined) trace.push(node)
    const truth = node?.truth ?? "true"
    if (truth === "false") continue
    candidates.push({ c, reading: ev.read(c.amount) })
    if (truth === "true") {
      if (candidates.length === 1) decided = c
      break
    }
    missing.push(...(node?.missing ?? []))
  }
  const values = [...distinct(candidates.map((x) => x.reading.value as number))].sort((a, b) => a - b)
  const amount = values.length === 1 ? values[0] : undefined
  // the sources the amount rests on: the candidate cases and their amounts, and the conditions
  // that decided (or left open) which case applies
  const path = trace.flatMap((n) => Trace.justifyingPath(n))
  const conditionReadings = path.flatMap((n) => n.parameters)
  // every parameter read, as a decision records them; the sources are those of the path
  const readings: Array<Trace.Reading> = []
  for (const r of [
    ...trace.flatMap((n) => Trace.nodes(n)).flatMap((n) => n.parameters),
    ...candidates.map((x) => x.reading)
  ])
    if (!readings.some((x) => x.id === r.id)) readings.push(r)
  const sources: Array<LegalReference.LegalReference> = [
    ...candidates.flatMap((x) => [x.c.source, x.reading.source]),
    ...path.map((n) => n.source),
    ...conditionReadings.map((r) => r.source)
  ]
  const cited = distinct(sources.map(LegalReference.cite)).join("; ")
  const unverified = distinct([
    ...candidates.flatMap((x) => [
      ...(x.c.source.confidence === "confirmed" ? [] : [x.c.id]),
      ...(x.reading.source.confidence === "confirmed" ? [] : [x.reading.id])
    ]),
    ...path.filter((n) => n.source.confidence !== "confirmed").map((n) => n.rule),
    ...conditionReadings.filter((r) => r.source.confidence !== "confirmed").map((r) => r.id)
  ])
  const conditional = outcome === "undetermined"
  const caseTitles = Bilingual.join(
    distinct(candidates.map((x) => x.c)).map((c) => c.title),
    Bilingual.make(" o ", " or ")
  )
  const sortedMissing = decided === undefined ? ev.sortFacts(missing) : []
  const text = Bilingual.render((l) => {
    const head =
      l === "it"
        ? conditional
          ? "Importo massimo, se idoneo"
          : "Importo massimo"
        : conditional
          ? "Maximum amount, if eligible"
          : "Maximum amount"
    if (amount !== undefined) return `${head}: ${Money.format(Money.Cents.make(amount))} — ${caseTitles[l]} (${cited}).`
    const list = values
      .map((v) => {
        const titles = candidates.filter((x) => x.reading.value === v).map((x) => x.c.title[l])
        return `${Money.format(Money.Cents.make(v))} (${titles.join("; ")})`
      })
      .join(l === "it" ? " o " : " or ")
    const lacking = sortedMissing.map((id) => ev.phrase(id)[l]).join(", ")
    return l === "it"
      ? `Importo massimo non determinabile: ${list}; ${sortedMissing.length === 1 ? "manca" : "mancano"}: ${lacking} (${cited}).`
      : `Maximum amount undetermined: ${list}; missing: ${lacking} (${cited}).`
  })
  return {
    entitlement: e.id,
    title: e.title,
    source: e.source,
    status: amount === undefined ? "undetermined" : "determined",
    conditional,
    ...(decided === undefined ? {} : { case: decided.id }),
    ...(amount === undefined ? {} : { amount: amount as Money.NonNegativeCents }),
    candidates: values.map((v) => v as Money.NonNegativeCents),
    missing: sortedMissing,
    parameters: readings,
    trace,
    text,
    confidence: unverified.length > 0 ? "unverified" : "confirmed",
    unverified
  }
}
