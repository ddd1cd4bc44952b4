/**
 * Valid time: facts that hold over an interval of days `{ from, to? }` (both ends included,
 * `to` absent while the fact still holds), such as a membership of a household or a
 * labour-market spell. Shared by the registry modules: the point query and the Schema check
 * that two intervals of the same subject never share a day.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { CalendarDate } from "../Calendar.js"

/**
 * An interval of days, both ends included; `to` absent means still holding.
 *
 * @since 0.1.0
 * @category models
 */
export interface Interval {
  readonly from: CalendarDate
  readonly to?: CalendarDate
}

/** Whether `d` falls inside `i`. @since 0.1.0 @category utils */
export const holdsOn = (i: Interval, d: CalendarDate): boolean => i.from <= d && (i.to === undefined || d <= i.to)

/** Whether two intervals share at least one day. @since 0.1.0 @category utils */
export const intersects = (a: Interval, b: Interval): boolean =>
  (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to)

/** `from X to Y` / `from X, still open`. @since 0.1.0 @category formatting */
export const describe = (i: Interval): string =>
  i.to === undefined ? `from ${i.from}, still open` : `from ${i.from} to ${i.to}`

/**
 * The check of one interval: `to` is not before `from`.
 *
 * @since 0.1.0
 * @category rules
 */
export const toNotBeforeFrom = <A extends Interval>() =>
  Schema.makeFilter((i: A) =>
    i.to === undefined || i.to >= i.from ? true : { path: ["to"], issue: `to ${i.to} is before from ${i.from}` }
  )

/**
 * A check on a list: no two entries of the same subject (same `subject(entry)`) share a day.
 * One issue per overlapping pair, at the path of the later entry, naming both entries
 * (1-based positions) and their intervals.
 *
 * @since 0.1.0
 * @category rules
 */
export const nonOverlapping = <A extends Interval>(
  what: string,
  subject: (a: A) => string | undefined = () => undefined
) =>
  Schema.makeFilter((items: ReadonlyArray<A>) => {
    const issues: Array<Schema.FilterIssue> = []
    items.forEach((later, j) => {
      for (let i = 0; i < j; i++) {
        const earlier = items[i] as A
        const who = subject(later)
        if (who !== subject(earlier) || !intersects(earlier, later)) continue
        issues.push({
          path: [j],
          issue:
            `${what} ${j + 1} (${describe(later)}) overlaps ${what} ${i + 1} (${describe(earlier)})` +
            (who === undefined ? "" : ` of the same person ${JSON.stringify(who)}`)
        })
      }
    })
    return issues
  })
