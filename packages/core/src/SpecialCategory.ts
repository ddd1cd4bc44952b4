/**
 * Special categories of data about a person (GDPR art. 9; ESF "**" variables): disability,
 * foreign background, membership of a minority. Each is a tri-state — `yes`, `no`, or
 * `refused` — because the ESF rules let a participant refuse these questions, and a refused
 * answer must stay distinguishable from "no": counting it as "no" would understate the
 * indicator, and estimating it is forbidden (facts.md §3.1, SFC FAQ, confirmed).
 *
 * A `yes` or `no` may be recorded only with the person's consent; a `refused` is recorded
 * with the documented attempt to collect it (the consent record with `given: false` and the
 * date of the attempt), which is what keeps such a record valid for ESF monitoring.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Calendar from "./Calendar.js"
import type { LegalReference } from "./LegalReference.js"
import * as Sensitivity from "./Sensitivity.js"

/**
 * An answer to a special-category question: `yes`, `no`, or `refused` (the person declined
 * to answer, or the answer could not be collected). `refused` is unknown, never "no".
 *
 * @since 0.1.0
 * @category models
 */
export const TriState = Schema.Literals(["yes", "no", "refused"])
/** @since 0.1.0 @category models */
export type TriState = typeof TriState.Type

/**
 * The consent record: whether consent was given, when it was asked, for what purpose, and
 * optionally the evidence (a reference to the signed form, not the form itself).
 *
 * @since 0.1.0
 * @category models
 */
export const Consent = Schema.Struct({
  given: Schema.Boolean,
  date: Calendar.CalendarDate,
  purpose: Schema.String.pipe(Schema.check(Schema.isMinLength(1, { expected: "a non-empty purpose" }))),
  evidence: Schema.optionalKey(Schema.String)
})
/** @since 0.1.0 @category models */
export type Consent = typeof Consent.Type

/**
 * Sources of the rules of this module: ESF refusal with documented attempt (confirmed, SFC
 * FAQ) and the consent ground of GDPR art. 9(2)(a).
 *
 * @since 0.1.0
 * @category parameters
 */
export const source: LegalReference = {
  act: "Reg. (UE) 2016/679 (GDPR) art. 9(2)(a); SFC2014 FAQ on missing data",
  url: "https://sfc.ec.europa.eu/en/2014/support-ms/part/faq/given-obligation-collect-and-store-data-individual-participants-how-it",
  confidence: "confirmed",
  note: "refusal with documented attempt confirmed (facts.md §3.1); explicit consent as the only art. 9 ground is our choice"
}

const questions = ["disability", "foreignBackground", "minority"] as const

/**
 * The rule: a `yes` or `no` answer needs `consent.given`. One issue per offending answer,
 * at its path. Source: {@link source}.
 *
 * @since 0.1.0
 * @category rules
 */
export const answersNeedConsent = Schema.makeFilter(
  (a: {
    readonly disability: TriState
    readonly foreignBackground: TriState
    readonly minority: TriState
    readonly consent: Consent
  }) =>
    a.consent.given
      ? true
      : questions
          .filter((q) => a[q] !== "refused")
          .map((q) => ({
            path: [q],
            issue:
              `${q} is "${a[q]}" but consent.given is false: a special-category answer may be recorded only ` +
              `with the person's consent; record "refused" with the date of the attempt instead`
          }))
)

/**
 * A person's special-category attributes with the consent under which they were collected.
 * The whole struct is marked special category (see {@link Sensitivity}).
 *
 * @since 0.1.0
 * @category models
 */
export const Attributes = Schema.Struct({
  disability: TriState,
  foreignBackground: TriState,
  minority: TriState,
  consent: Consent
}).pipe(Schema.check(answersNeedConsent), Sensitivity.annotateSpecialCategory)
/** @since 0.1.0 @category models */
export type Attributes = typeof Attributes.Type

/**
 * Attributes for a person who refused every question, or could not be asked, on `date`:
 * the documented attempt.
 *
 * @since 0.1.0
 * @category constructors
 */
export const refusedAll = (date: Calendar.CalendarDate, purpose: string, evidence?: string): Attributes => ({
  disability: "refused",
  foreignBackground: "refused",
  minority: "refused",
  consent: evidence === undefined ? { given: false, date, purpose } : { given: false, date, purpose, evidence }
})

/**
 * A tri-state as a three-valued boolean: `true`, `false`, or `undefined` for `refused`.
 *
 * @since 0.1.0
 * @category utils
 */
export const toBoolean = (t: TriState): boolean | undefined => (t === "yes" ? true : t === "no" ? false : undefined)
