/**
 * A participant's situation after leaving a pathway, as the ESF result indicators read it:
 *
 * - the **status upon leaving** (CR01–CR05, EECR01–EECR04): job searching, in education or
 *   training, gaining a qualification, in employment (self-employment included) — several can
 *   hold at once, and none of them is an answer too. "Upon leaving" means the situation up
 *   to **4 weeks** after leaving, so it must be recorded within that window;
 * - the **six-month follow-up** (CR06–CR09, EECR05): in employment, self-employed, with an
 *   improved labour-market situation, recorded **at or after six months** from leaving.
 *
 * Both time limits come from the Commission's monitoring guidance as remembered, not read
 * (facts.md §3.1, tagged [M]): they are dated, unverified {@link Parameter}s, so a caller can
 * see them as such and a corrected value can be added with its own effective date.
 *
 * @since 0.1.0
 */
import { Option, Schema } from "effect"
import * as Calendar from "./Calendar.js"
import type { LegalReference } from "./LegalReference.js"
import * as Parameter from "./Parameter.js"
import * as Sensitivity from "./Sensitivity.js"

// ---------------------------------------------------------------------------------------------
// sources and parameters
// ---------------------------------------------------------------------------------------------

/**
 * The Commission's guidance on ESF monitoring, where "upon leaving" and "six months after
 * leaving" are defined. From memory (facts.md §3.1, [M]).
 *
 * @since 0.1.0
 * @category parameters
 */
export const source: LegalReference = {
  act: "European Commission, Monitoring and evaluation of European Cohesion Policy – ESF, guidance document (June 2015)",
  article: "Annex D, result indicators: 'upon leaving' and 'six months after leaving'",
  confidence: "unverified",
  note: "facts.md §3.1 [M]: upon leaving = up to 4 weeks after leaving; longer-term = six months after leaving"
}

const from2014 = Calendar.unsafeMake("2014-01-01")

/**
 * Days after leaving within which the status upon leaving is recorded (4 weeks = 28 days; the
 * 28th day included). Unverified. The unit is days: `Parameter` has no day unit, so it is a
 * count of days.
 *
 * @since 0.1.0
 * @category parameters
 */
export const leavingStatusWindowDays: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "esf.upon-leaving.window-days",
    title: {
      it: "Giorni dall'uscita entro cui si rileva la condizione all'uscita (4 settimane)",
      en: "Days after leaving within which the status upon leaving is recorded (4 weeks)"
    },
    unit: "count",
    source
  },
  from2014,
  28
)

/**
 * Months after leaving from which the longer-term follow-up is recorded (6). Unverified.
 *
 * @since 0.1.0
 * @category parameters
 */
export const followUpMonths: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "esf.longer-term.months-after-leaving",
    title: {
      it: "Mesi dall'uscita dopo i quali si rileva la condizione di lungo periodo",
      en: "Months after leaving from which the longer-term result is recorded"
    },
    unit: "months",
    source
  },
  from2014,
  6
)

/**
 * A limit derived from a parameter: the date, and the reading it comes from.
 *
 * @since 0.1.0
 * @category models
 */
export interface Limit {
  readonly date: Calendar.CalendarDate
  readonly reading: Parameter.Reading<number>
}

/**
 * The last day on which the status upon leaving may be recorded for someone who left on
 * `leftOn`: `leftOn` + 28 days (the parameter in force on `leftOn`). `undefined` before the
 * parameter's first effective date (1 January 2014), when the rule does not apply.
 *
 * @since 0.1.0
 * @category rules
 */
export const leavingStatusDeadline = (leftOn: Calendar.CalendarDate): Limit | undefined =>
  Option.getOrUndefined(
    Option.map(Parameter.readAt(leavingStatusWindowDays, leftOn), (reading) => ({
      date: Calendar.addDays(leftOn, reading.value),
      reading
    }))
  )

/**
 * The first day on which the six-month follow-up may be recorded for someone who left on
 * `leftOn`: the same day six months later, clamped to the end of a shorter month
 * (`Calendar.addMonths`). `undefined` before the parameter's first effective date.
 *
 * @since 0.1.0
 * @category rules
 */
export const followUpEarliest = (leftOn: Calendar.CalendarDate): Limit | undefined =>
  Option.getOrUndefined(
    Option.map(Parameter.readAt(followUpMonths, leftOn), (reading) => ({
      date: Calendar.addMonths(leftOn, reading.value),
      reading
    }))
  )

// ---------------------------------------------------------------------------------------------
// status upon leaving
// ---------------------------------------------------------------------------------------------

/**
 * The status upon leaving: each flag says whether it holds. Several may be true at once (in
 * training *and* job searching); all false is the answer "none of these", which is not the
 * same as not having recorded it. `inEmployment` includes self-employment (CR04, EECR04).
 *
 * @since 0.1.0
 * @category models
 */
export const LeavingStatus = Schema.Struct({
  jobSearching: Schema.Boolean,
  inEducationOrTraining: Schema.Boolean,
  gainedQualification: Schema.Boolean,
  inEmployment: Schema.Boolean
}).pipe(Sensitivity.annotatePersonal)
/** @since 0.1.0 @category models */
export type LeavingStatus = typeof LeavingStatus.Type

/**
 * Whether none of the outcomes holds.
 *
 * @since 0.1.0
 * @category utils
 */
export const isNone = (s: LeavingStatus): boolean =>
  !s.jobSearching && !s.inEducationOrTraining && !s.gainedQualification && !s.inEmployment

/**
 * The status upon leaving with the day it was recorded.
 *
 * @since 0.1.0
 * @category models
 */
export const LeavingRecord = Schema.Struct({
  recordedOn: Calendar.CalendarDate,
  status: LeavingStatus
})
/** @since 0.1.0 @category models */
export type LeavingRecord = typeof LeavingRecord.Type

// ---------------------------------------------------------------------------------------------
// six-month follow-up
// ---------------------------------------------------------------------------------------------

/**
 * The situation six months after leaving: employed, self-employed (both may hold), and
 * whether the labour-market situation improved (CR07: from precarious to stable work, from
 * part-time to full-time, to a job needing higher skills…).
 *
 * @since 0.1.0
 * @category models
 */
export const FollowUp = Schema.Struct({
  employed: Schema.Boolean,
  selfEmployed: Schema.Boolean,
  improvedSituation: Schema.Boolean
}).pipe(Sensitivity.annotatePersonal)
/** @since 0.1.0 @category models */
export type FollowUp = typeof FollowUp.Type

/**
 * Whether the person is in employment, self-employment included (CR06, EECR05).
 *
 * @since 0.1.0
 * @category utils
 */
export const inEmployment = (f: FollowUp): boolean => f.employed || f.selfEmployed

/**
 * The six-month follow-up with the day it was recorded.
 *
 * @since 0.1.0
 * @category models
 */
export const FollowUpRecord = Schema.Struct({
  recordedOn: Calendar.CalendarDate,
  situation: FollowUp
})
/** @since 0.1.0 @category models */
export type FollowUpRecord = typeof FollowUpRecord.Type
