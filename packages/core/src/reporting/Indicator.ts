/**
 * A common indicator as data: its code, Italian and English label, definition (what quartieri
 * counts, in words), family, data type (ESF "*" personal / "**" special category, or none for
 * entities), legal source, confidence, and the counting rule itself as a function of one
 * participant (or of the entities). The two sets — ESF 2014-2020 (`indicators/Esf2014.ts`) and
 * ESF+ 2021-2027 (`indicators/EsfPlus2021.ts`) — are lists of these, and `compute.ts` counts
 * any set in one pass.
 *
 * **Confidence has two parts**, because facts.md §3 confirms them separately: the `code`
 * (CO01, EECO05 …: the SFC numbering, mostly from memory) and the `wording` (the text of the
 * Annex). An indicator is confirmed only when both are ({@link isConfirmed}); the `source`'s
 * own confidence is the wording's. Italian labels are our rendering of the Italian text of
 * the regulations, from memory: the English wording is the reference.
 *
 * @since 0.1.0
 */
import type * as Calendar from "../Calendar.js"
import type * as LeavingStatus from "../LeavingStatus.js"
import type { Confidence, LegalReference } from "../LegalReference.js"
import type { Label } from "../Organisation.js"
import * as Parameter from "../Parameter.js"
import type { Entities } from "./Entity.js"
import type * as Participant from "./Participant.js"

/**
 * The family of an indicator: participant `output` (counted at entry), `immediate-result`
 * (upon leaving, within 4 weeks), `longer-term-result` (six months after leaving), or `entity`
 * output (projects and organisations).
 *
 * @since 0.1.0
 * @category models
 */
export type Family = "output" | "immediate-result" | "longer-term-result" | "entity"

/**
 * The data an indicator reveals: `personal` (ESF "*"), `special-category` (ESF "**", GDPR
 * art. 9), `none` (entity indicators).
 *
 * @since 0.1.0
 * @category models
 */
export type DataType = "personal" | "special-category" | "none"

/**
 * The ESF marker of a data type: `*`, `**`, or `""` for entities.
 *
 * @since 0.1.0
 * @category formatting
 */
export const marker = (t: DataType): string => (t === "personal" ? "*" : t === "special-category" ? "**" : "")

/**
 * What a participant is when an indicator counts it: the complete record, and its results
 * as observed (absent when not counted: see `Participant.uponLeaving` / `sixMonthsAfter`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Counted {
  readonly participant: Participant.Complete
  readonly uponLeaving?: LeavingStatus.LeavingStatus
  readonly sixMonthsAfter?: LeavingStatus.FollowUp
}

interface Common {
  readonly code: string
  readonly label: Label
  readonly definition: Label
  readonly source: LegalReference
  readonly confidence: { readonly code: Confidence; readonly wording: Confidence }
  readonly note?: Label
}

/**
 * An indicator on participants. `count` answers for one complete participant: `yes` counts;
 * `refused` and `not-collected` are reported beside the count (only when `answers` is
 * `tri-state`, that is when the rule reads a special-category answer). `inForce`, when
 * present, is the dated rule of the indicator's existence (CO12–CO14): the indicator is
 * reported for periods in which it is in force, and counts only participants who entered
 * while it was.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParticipantIndicator extends Common {
  readonly _tag: "participant"
  readonly family: "output" | "immediate-result" | "longer-term-result"
  readonly dataType: "personal" | "special-category"
  readonly answers: "boolean" | "tri-state"
  readonly inForce?: Parameter.Parameter<boolean>
  readonly count: (c: Counted) => Participant.Answer
}

/**
 * An indicator on entities: a number of projects or organisations, not broken down by sex.
 *
 * @since 0.1.0
 * @category models
 */
export interface EntityIndicator extends Common {
  readonly _tag: "entity"
  readonly family: "entity"
  readonly dataType: "none"
  readonly count: (e: Entities) => number
}

/**
 * A common indicator.
 *
 * @since 0.1.0
 * @category models
 */
export type Indicator = ParticipantIndicator | EntityIndicator

/**
 * An indicator set: id, title, source, the indicators in reporting order, the codes whose sum
 * is the number of participants (CO01 + CO03 + CO05; EECO02 + EECO04 + EECO05), and the
 * fields it requires beyond `Participant.coreFields` for a participant who entered on a date.
 *
 * @since 0.1.0
 * @category models
 */
export interface IndicatorSet {
  readonly id: "esf-2014-2020" | "esf-plus-2021-2027"
  readonly title: Label
  readonly source: LegalReference
  readonly indicators: ReadonlyArray<Indicator>
  readonly totalCodes: readonly [string, string, string]
  readonly requires: (entryDate: Calendar.CalendarDate) => ReadonlyArray<Participant.Field>
}

/**
 * Whether both the code and the wording of an indicator are confirmed.
 *
 * @since 0.1.0
 * @category utils
 */
export const isConfirmed = (i: Indicator): boolean =>
  i.confidence.code === "confirmed" && i.confidence.wording === "confirmed"

/**
 * The overall confidence of an indicator: `confirmed` only when {@link isConfirmed}.
 *
 * @since 0.1.0
 * @category utils
 */
export const confidenceOf = (i: Indicator): Confidence => (isConfirmed(i) ? "confirmed" : "unverified")

/**
 * The participant indicators of a set, in order.
 *
 * @since 0.1.0
 * @category utils
 */
export const participantIndicators = (set: IndicatorSet): ReadonlyArray<ParticipantIndicator> =>
  set.indicators.filter((i): i is ParticipantIndicator => i._tag === "participant")

/**
 * The entity indicators of a set, in order.
 *
 * @since 0.1.0
 * @category utils
 */
export const entityIndicators = (set: IndicatorSet): ReadonlyArray<EntityIndicator> =>
  set.indicators.filter((i): i is EntityIndicator => i._tag === "entity")

/**
 * The indicator with `code`, if the set has it.
 *
 * @since 0.1.0
 * @category utils
 */
export const find = (set: IndicatorSet, code: string): Indicator | undefined =>
  set.indicators.find((i) => i.code === code)

/**
 * Whether a participant indicator is in force on `date` (always, without a dated rule).
 *
 * @since 0.1.0
 * @category rules
 */
export const inForceOn = (i: ParticipantIndicator, date: Calendar.CalendarDate): boolean =>
  i.inForce === undefined || Parameter.valueAt(i.inForce, date) === true

/**
 * Whether a participant indicator is in force on at least one day of `period` (always,
 * without a dated rule): the value on the first day, or any step that starts inside it.
 *
 * @since 0.1.0
 * @category rules
 */
export const inForceDuring = (i: ParticipantIndicator, period: Calendar.Period): boolean => {
  const param = i.inForce
  if (param === undefined) return true
  if (Parameter.valueAt(param, period.start) === true) return true
  return param.steps.some((s) => s.value && s.from > period.start && (period.end === undefined || s.from <= period.end))
}
