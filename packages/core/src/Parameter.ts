/**
 * Dated parameters, OpenFisca style: a threshold or a rate is not a constant but a series of
 * values, each in force from an effective date, with the act that set it and how sure we are
 * of it. A rule reads a parameter *at* a date, so the same rule evaluated for 2019 and for
 * 2024 uses the values each date had, and a decision can say which value it used and since when.
 *
 * @since 0.1.0
 */
import { Option } from "effect"
import type * as Calendar from "./Calendar.js"
import type { LegalReference } from "./LegalReference.js"

/**
 * One value of a parameter, in force from `from` (included) until the next value's `from`.
 * A `source` here overrides the parameter's own (an amending act, a different confidence).
 *
 * @since 0.1.0
 * @category models
 */
export interface Step<A> {
  readonly from: Calendar.CalendarDate
  readonly value: A
  readonly source?: LegalReference
}

/**
 * A named, dated parameter: id, Italian and English titles, unit, source and its steps in
 * ascending date order.
 *
 * @since 0.1.0
 * @category models
 */
export interface Parameter<A> {
  readonly id: string
  readonly title: { readonly it: string; readonly en: string }
  readonly unit: "cents" | "basis-points" | "months" | "years" | "count" | "hours" | "date" | "boolean"
  readonly source: LegalReference
  readonly steps: readonly [Step<A>, ...Array<Step<A>>]
}

/**
 * The value a rule used: the parameter, the value, the date it took effect and the source in
 * force for it. This is what a decision records in its trace.
 *
 * @since 0.1.0
 * @category models
 */
export interface Reading<A> {
  readonly id: string
  readonly value: A
  readonly from: Calendar.CalendarDate
  readonly source: LegalReference
}

/**
 * Builds a parameter, checking that its steps are in strictly ascending date order (a
 * programming error otherwise: parameters are written in source, not read from users).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <A>(p: Parameter<A>): Parameter<A> => {
  p.steps.forEach((step, i) => {
    const previous = p.steps[i - 1]
    if (previous !== undefined && previous.from >= step.from)
      throw new Error(`Parameter ${p.id}: step ${step.from} is not after ${previous.from}`)
  })
  return p
}

/**
 * The step in force on `date`, if the parameter existed then.
 *
 * @since 0.1.0
 * @category rules
 */
export const readAt = <A>(p: Parameter<A>, date: Calendar.CalendarDate): Option.Option<Reading<A>> => {
  let found: Step<A> | undefined
  for (const step of p.steps) {
    if (step.from > date) break
    found = step
  }
  return found === undefined
    ? Option.none()
    : Option.some({ id: p.id, value: found.value, from: found.from, source: found.source ?? p.source })
}

/**
 * The value in force on `date`, or `undefined` before the first step.
 *
 * @since 0.1.0
 * @category rules
 */
export const valueAt = <A>(p: Parameter<A>, date: Calendar.CalendarDate): A | undefined =>
  Option.getOrUndefined(Option.map(readAt(p, date), (r) => r.value))

/**
 * A parameter with a single value in force from `from`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const constant = <A>(fields: Omit<Parameter<A>, "steps">, from: Calendar.CalendarDate, value: A): Parameter<A> =>
  make({ ...fields, steps: [{ from, value }] })

/**
 * Whether the value a rule read is confirmed: both the parameter's source and the step's.
 *
 * @since 0.1.0
 * @category rules
 */
export const isConfirmed = (r: Reading<unknown>): boolean => r.source.confidence === "confirmed"
