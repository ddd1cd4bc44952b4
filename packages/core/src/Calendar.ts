/**
 * Calendar dates without time or time zone. Eligibility, lease starts, ISEE validity and
 * budget periods are calendar facts: `2020-05-16` is the same day in Milano and in a CI
 * machine in UTC. A {@link CalendarDate} is an ISO `YYYY-MM-DD` string that names a real day,
 * so it sorts, compares and serialises as text, and never drifts through a `Date`.
 *
 * @since 0.1.0
 */
import { Order, Schema } from "effect"

/** Whether `year` is a leap year in the Gregorian calendar. @since 0.1.0 @category utils */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** Number of days in `month` (1–12) of `year`. @since 0.1.0 @category utils */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/** The ASCII digit at `i` of `s` as a number, or -1. */
const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48
  return d >= 0 && d <= 9 ? d : -1
}

const isoDigits = [0, 1, 2, 3, 5, 6, 8, 9]

/**
 * Whether `s` matches `/^(\d{4})-(\d{2})-(\d{2})$/`, read without a regular expression and its
 * match arrays: every date of every stored document is checked, so this is on the hot path.
 */
const isIsoShaped = (s: string): boolean => {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  for (const i of isoDigits) if (digitAt(s, i) < 0) return false
  return true
}

const checkIsoDate = (s: string): true | string => {
  if (!isIsoShaped(s)) return `expected a calendar date as YYYY-MM-DD, got ${JSON.stringify(s)}`
  const year = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3)
  const month = digitAt(s, 5) * 10 + digitAt(s, 6)
  const day = digitAt(s, 8) * 10 + digitAt(s, 9)
  if (year < 1800 || year > 2200) return `year ${year} is outside the supported range 1800–2200`
  if (month < 1 || month > 12) return `month ${month} does not exist`
  const days = daysInMonth(year, month)
  if (day < 1 || day > days) return `${s} does not exist: month ${month} of ${year} has ${days} days`
  return true
}

/**
 * An ISO calendar date `YYYY-MM-DD` that names a real day between 1800 and 2200.
 *
 * @since 0.1.0
 * @category models
 */
export const CalendarDate = Schema.String.pipe(
  Schema.check(Schema.makeFilter(checkIsoDate, { identifier: "CalendarDate", title: "calendar date (YYYY-MM-DD)" })),
  Schema.brand("CalendarDate")
)
/** @since 0.1.0 @category models */
export type CalendarDate = typeof CalendarDate.Type

/**
 * Whether `u` is a {@link CalendarDate}: the check of the Schema, without its messages, for hot
 * paths that decode many dates (a failure is then decoded with the Schema to say why).
 *
 * @since 0.1.0
 * @category utils
 */
export const isCalendarDate = (u: unknown): u is CalendarDate => typeof u === "string" && checkIsoDate(u) === true

/**
 * Builds a date from its parts, or `undefined` when the day does not exist.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromParts = (year: number, month: number, day: number): CalendarDate | undefined => {
  const s = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && checkIsoDate(s) === true
    ? (s as CalendarDate)
    : undefined
}

/**
 * A date known to be valid in source code (a legal deadline, a test fixture). Throws on a
 * typo, which is a programming error; user input goes through the {@link CalendarDate} Schema.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unsafeMake = (s: string): CalendarDate => {
  const ok = checkIsoDate(s)
  if (ok !== true) throw new Error(`Calendar.unsafeMake: ${ok}`)
  return s as CalendarDate
}

/** The year, month (1–12) and day of a date. @since 0.1.0 @category utils */
export const parts = (d: CalendarDate): { readonly year: number; readonly month: number; readonly day: number } => ({
  year: Number(d.slice(0, 4)),
  month: Number(d.slice(5, 7)),
  day: Number(d.slice(8, 10))
})

/** Dates compare as their ISO text. @since 0.1.0 @category utils */
export const order: Order.Order<CalendarDate> = Order.String

/** `a` is strictly before `b`. @since 0.1.0 @category utils */
export const isBefore = (a: CalendarDate, b: CalendarDate): boolean => a < b
/** `a` is strictly after `b`. @since 0.1.0 @category utils */
export const isAfter = (a: CalendarDate, b: CalendarDate): boolean => a > b
/** The earlier of two dates. @since 0.1.0 @category utils */
export const min = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b)
/** The later of two dates. @since 0.1.0 @category utils */
export const max = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b)

// Days since 1970-01-01 by the civil-from-days algorithm (H. Hinnant), exact for any Gregorian date.
const toEpochDays = (d: CalendarDate): number => {
  const { year, month, day } = parts(d)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

const fromEpochDays = (n: number): CalendarDate => {
  const z = n + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as CalendarDate
}

/** The date `days` days after `d` (before, when negative). @since 0.1.0 @category utils */
export const addDays = (d: CalendarDate, days: number): CalendarDate => fromEpochDays(toEpochDays(d) + days)

/** Days from `from` to `to` (negative when `to` is earlier). @since 0.1.0 @category utils */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => toEpochDays(to) - toEpochDays(from)

/**
 * The same day `months` months later, clamped to the end of a shorter month
 * (`2019-01-31` + 1 month = `2019-02-28`), as Italian contracts and calls count durations.
 *
 * @since 0.1.0
 * @category utils
 */
export const addMonths = (d: CalendarDate, months: number): CalendarDate => {
  const { year, month, day } = parts(d)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return fromParts(y, m, Math.min(day, daysInMonth(y, m))) as CalendarDate
}

/**
 * Whole months from `from` to `to`: the largest `n` with `addMonths(from, n) <= to`
 * (negative when `to` is earlier). `2019-01-31` → `2019-02-28` is one whole month.
 *
 * @since 0.1.0
 * @category utils
 */
export const wholeMonthsBetween = (from: CalendarDate, to: CalendarDate): number => {
  if (to < from) return -wholeMonthsBetween(to, from)
  const a = parts(from)
  const b = parts(to)
  let n = (b.year - a.year) * 12 + (b.month - a.month)
  while (n > 0 && addMonths(from, n) > to) n--
  return n
}

/**
 * Age in completed years on `at`. Someone born on 29 February turns a year older on
 * 1 March in common years (the day after 28 February), the reading of the Italian civil
 * registry: on 28 February 2023 a person born on 29 February 2000 is still 22.
 *
 * @since 0.1.0
 * @category utils
 */
export const ageAt = (birthDate: CalendarDate, at: CalendarDate): number => {
  const b = parts(birthDate)
  const a = parts(at)
  const hadBirthday = a.month > b.month || (a.month === b.month && a.day >= b.day)
  return a.year - b.year - (hadBirthday ? 0 : 1)
}

/**
 * A closed interval of days `[start, end]`; `end` absent means open-ended (still running).
 *
 * @since 0.1.0
 * @category models
 */
export const Period = Schema.Struct({
  start: CalendarDate,
  end: Schema.optionalKey(CalendarDate)
}).pipe(
  Schema.check(
    Schema.makeFilter((p) =>
      p.end === undefined || p.end >= p.start
        ? true
        : { path: ["end"], issue: `end ${p.end} is before start ${p.start}` }
    )
  )
)
/** @since 0.1.0 @category models */
export type Period = typeof Period.Type

/** Whether `d` falls inside `p` (both ends included). @since 0.1.0 @category utils */
export const contains = (p: Period, d: CalendarDate): boolean => d >= p.start && (p.end === undefined || d <= p.end)

/** Whether two periods share at least one day. @since 0.1.0 @category utils */
export const overlaps = (p: Period, q: Period): boolean =>
  (p.end === undefined || q.start <= p.end) && (q.end === undefined || p.start <= q.end)
