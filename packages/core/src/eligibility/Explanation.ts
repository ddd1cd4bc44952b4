/**
 * A decision in words, generated from its trace: a headline and one line per rule the
 * outcome rests on — the failing rules of an ineligible household, the undecided rules and
 * their missing facts of an undetermined one, the rules met by an eligible one. Each line
 * cites its source with `LegalReference.cite`, so an unverified source reads
 * "(non verificato)", and names the source of a parameter when it differs from the rule's
 * (the residence requirement since Corte cost. 44/2020):
 *
 * "Non idoneo: ISEE € 17.500,00 superiore alla soglia di € 16.000,00 (r.r. 4/2017, art. 7, c. 1, lett. c)."
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as LegalReference from "../LegalReference.js"
import { Bilingual } from "./Bilingual.js"
import * as Outcome from "./Outcome.js"
import * as Trace from "./Trace.js"
import { Truth } from "./Truth.js"

/**
 * One line: the rule it is about, its result, and the text with its sources.
 *
 * @since 0.1.0
 * @category models
 */
export const Line = Schema.Struct({ rule: Schema.String, truth: Truth, text: Bilingual })
/** @since 0.1.0 @category models */
export type Line = typeof Line.Type

/**
 * The whole explanation in Italian (`it`) and English (`en`), and its lines.
 *
 * @since 0.1.0
 * @category models
 */
export const Explanation = Schema.Struct({ it: Schema.String, en: Schema.String, lines: Schema.Array(Line) })
/** @since 0.1.0 @category models */
export type Explanation = typeof Explanation.Type

/**
 * The sources of a leaf as cited in its line: the rule's, then each parameter source that
 * reads differently (`r.r. 4/2017, art. 7, c. 1, lett. b; Corte cost. 44/2020 (non verificato)`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const sources = (node: Trace.Node): string => {
  const cited = [LegalReference.cite(node.source)]
  for (const reading of node.parameters) {
    const c = LegalReference.cite(reading.source)
    if (!cited.includes(c)) cited.push(c)
  }
  return cited.join("; ")
}

/**
 * The line of a leaf: its detail and its sources.
 *
 * @since 0.1.0
 * @category formatting
 */
export const line = (node: Trace.Node): Line => {
  const detail = node.detail ?? node.title
  const cited = sources(node)
  return { rule: node.rule, truth: node.truth, text: { it: `${detail.it} (${cited})`, en: `${detail.en} (${cited})` } }
}

/**
 * The explanation of a trace: the headline of the outcome, the line of every leaf of
 * `Trace.justification`, the sentence of the amount when there is one (`Entitlement.Award`
 * text), and, when the decision rests on an unverified source, a closing sentence that says so.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromTrace = (
  trace: Trace.Node,
  options: { readonly unverified: boolean; readonly amount?: Bilingual }
): Explanation => {
  const outcome = Outcome.fromTruth(trace.truth)
  const lines = Trace.justification(trace).map(line)
  const head = Outcome.headline(outcome)
  const text = (l: "it" | "en") => {
    const body = lines.length === 0 ? `${head[l]}.` : `${head[l]}: ${lines.map((x) => x.text[l]).join("; ")}.`
    const amount = options.amount === undefined ? "" : ` ${options.amount[l]}`
    const note =
      l === "it" ? " Esito basato anche su fonti non verificate." : " The outcome also rests on unverified sources."
    return options.unverified ? `${body}${amount}${note}` : `${body}${amount}`
  }
  return { it: text("it"), en: text("en"), lines }
}
