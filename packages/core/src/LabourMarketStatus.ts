/**
 * Labour-market status over time. The ESF indicators count participants by their status at
 * entry (unemployed, long-term unemployed, inactive, inactive not in education or training,
 * employed), and results by their status on leaving and six months later: so the library
 * stores the *history* as spells with valid time, and derives the status at any date.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Calendar from "./Calendar.js"
import * as validTime from "./internal/validTime.js"
import type { LegalReference } from "./LegalReference.js"
import * as Parameter from "./Parameter.js"

/**
 * A labour-market status, as the ESF indicators distinguish them (CO01–CO05, EECO02–EECO05).
 * `inactive-in-education-or-training` and `inactive-not-in-education-or-training` together
 * are "inactive" (CO03).
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literals([
  "employed",
  "self-employed",
  "unemployed",
  "inactive-in-education-or-training",
  "inactive-not-in-education-or-training"
])
/** @since 0.1.0 @category models */
export type Status = typeof Status.Type

/**
 * A spell: one status from `from` to `to` (both included; `to` absent while it lasts).
 *
 * @since 0.1.0
 * @category models
 */
export const Spell = Schema.Struct({
  status: Status,
  from: Calendar.CalendarDate,
  to: Schema.optionalKey(Calendar.CalendarDate)
}).pipe(Schema.check(validTime.toNotBeforeFrom()))
/** @since 0.1.0 @category models */
export type Spell = typeof Spell.Type

/**
 * A labour-market history: spells in any order, no two sharing a day. Gaps are allowed and
 * mean "unknown" (not "inactive").
 *
 * @since 0.1.0
 * @category models
 */
export const History = Schema.Array(Spell).pipe(Schema.check(validTime.nonOverlapping<Spell>("spell")))
/** @since 0.1.0 @category models */
export type History = typeof History.Type

/**
 * The spell in force on `date`, if any.
 *
 * @since 0.1.0
 * @category utils
 */
export const spellAt = (history: History, date: Calendar.CalendarDate): Spell | undefined =>
  history.find((s) => validTime.holdsOn(s, date))

/**
 * The status on `date`, or `undefined` when the history says nothing about that day.
 *
 * @since 0.1.0
 * @category utils
 */
export const statusAt = (history: History, date: Calendar.CalendarDate): Status | undefined =>
  spellAt(history, date)?.status

/** Whether a status counts as employed, self-employment included (CO05). @since 0.1.0 @category utils */
export const isEmployed = (status: Status): boolean => status === "employed" || status === "self-employed"

/** Whether a status counts as inactive (CO03). @since 0.1.0 @category utils */
export const isInactive = (status: Status): boolean =>
  status === "inactive-in-education-or-training" || status === "inactive-not-in-education-or-training"

const ltuSource: LegalReference = {
  act: "European Commission, Monitoring and evaluation of ESF 2014-2020, guidance (June 2015)",
  article: "Annex D, definition of long-term unemployed",
  confidence: "unverified",
  note: "from memory: not in facts.md; check the EC guidance before relying on it"
}

/**
 * Months of continuous unemployment beyond which a person aged 25 or more is long-term
 * unemployed (strictly more than this many months). Unverified.
 *
 * @since 0.1.0
 * @category parameters
 */
export const longTermMonthsAdult: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "esf.long-term-unemployed.months-adult",
    title: {
      it: "Mesi di disoccupazione di lunga durata (25 anni e oltre)",
      en: "Long-term unemployment months (25 and over)"
    },
    unit: "months",
    source: ltuSource
  },
  Calendar.unsafeMake("2014-01-01"),
  12
)

/**
 * Months of continuous unemployment beyond which a person under {@link youthAgeLimit} is
 * long-term unemployed. Unverified.
 *
 * @since 0.1.0
 * @category parameters
 */
export const longTermMonthsYouth: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "esf.long-term-unemployed.months-youth",
    title: { it: "Mesi di disoccupazione di lunga durata (under 25)", en: "Long-term unemployment months (under 25)" },
    unit: "months",
    source: ltuSource
  },
  Calendar.unsafeMake("2014-01-01"),
  6
)

/**
 * The age below which the youth threshold applies. Unverified.
 *
 * @since 0.1.0
 * @category parameters
 */
export const youthAgeLimit: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "esf.long-term-unemployed.youth-age-limit",
    title: { it: "Età limite per la soglia giovani", en: "Age limit of the youth threshold" },
    unit: "years",
    source: ltuSource
  },
  Calendar.unsafeMake("2014-01-01"),
  25
)

/**
 * The first day of the unemployment that is still running on `date`: the start of the
 * unemployed spell covering `date`, extended back through unemployed spells that end the
 * day before. `undefined` when the person is not unemployed on `date`.
 *
 * @since 0.1.0
 * @category utils
 */
export const unemployedSince = (history: History, date: Calendar.CalendarDate): Calendar.CalendarDate | undefined => {
  let current = spellAt(history, date)
  if (current?.status !== "unemployed") return undefined
  let start = current.from
  for (;;) {
    const dayBefore = Calendar.addDays(start, -1)
    current = history.find((s) => s.status === "unemployed" && s.to === dayBefore && s.from <= dayBefore)
    if (current === undefined) return start
    start = current.from
  }
}

/**
 * Whether the person is long-term unemployed on `date`: continuously unemployed for more
 * than 12 months, or more than 6 months when under 25 on `date` (EC definition, from
 * memory: see {@link longTermMonthsAdult}). The time is counted like an age: unemployed
 * since 2019-03-10, a person aged 25+ is long-term unemployed from 2020-03-11, the first
 * day after 12 whole months. Returns `undefined` when a threshold is not in force on `date`.
 *
 * @since 0.1.0
 * @category rules
 */
export const isLongTermUnemployed = (
  history: History,
  birthDate: Calendar.CalendarDate,
  date: Calendar.CalendarDate
): boolean | undefined => {
  const limit = Parameter.valueAt(youthAgeLimit, date)
  const adult = Parameter.valueAt(longTermMonthsAdult, date)
  const youth = Parameter.valueAt(longTermMonthsYouth, date)
  if (limit === undefined || adult === undefined || youth === undefined) return undefined
  const since = unemployedSince(history, date)
  if (since === undefined) return false
  const months = Calendar.ageAt(birthDate, date) < limit ? youth : adult
  return date > Calendar.addMonths(since, months)
}
