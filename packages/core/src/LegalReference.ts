/**
 * Where a rule or a number comes from. Every rule and parameter in quartieri cites its legal
 * source and says how sure we are of it: `confirmed` values were read in the cited act or
 * an official page; `unverified` values were inferred, remembered or not found, and stay
 * configurable parameters that a caller must be able to see as such (shared/domain/facts.md
 * tags [C] → confirmed; [I], [M], [NF] → unverified).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * `confirmed`: read in the cited source. `unverified`: inferred, from memory, or not found.
 *
 * @since 0.1.0
 * @category models
 */
export const Confidence = Schema.Literals(["confirmed", "unverified"])
/** @since 0.1.0 @category models */
export type Confidence = typeof Confidence.Type

/**
 * A citation: the act, optionally the article (with comma and letter), a URL, and the
 * confidence in what the citing rule takes from it.
 *
 * @since 0.1.0
 * @category models
 */
export const LegalReference = Schema.Struct({
  act: Schema.String.pipe(Schema.check(Schema.isMinLength(1))),
  article: Schema.optionalKey(Schema.String),
  url: Schema.optionalKey(Schema.String),
  confidence: Confidence,
  note: Schema.optionalKey(Schema.String)
})
/** @since 0.1.0 @category models */
export type LegalReference = typeof LegalReference.Type

/**
 * The citation as Italian text: `r.r. 4/2017, art. 7, c. 1, lett. c`, followed by
 * `(non verificato)` when the confidence is not confirmed.
 *
 * @since 0.1.0
 * @category formatting
 */
export const cite = (ref: LegalReference): string =>
  `${ref.act}${ref.article === undefined ? "" : `, ${ref.article}`}${ref.confidence === "confirmed" ? "" : " (non verificato)"}`

/**
 * The same reference for a narrower article or with another confidence.
 *
 * @since 0.1.0
 * @category constructors
 */
export const at = (ref: LegalReference, article: string, confidence: Confidence = ref.confidence): LegalReference => ({
  ...ref,
  article,
  confidence
})
