import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Schema } from "effect"
import { Calendar } from "../src/index.js"

// Reference: JavaScript's proleptic Gregorian UTC calendar, used only in tests.
const isoOf = (t: Date) => t.toISOString().slice(0, 10)
const dayMs = 86_400_000
const dateArb = fc
  .date({ min: new Date("1850-01-01T00:00:00Z"), max: new Date("2150-12-31T00:00:00Z"), noInvalidDate: true })
  .map((t) => Calendar.unsafeMake(isoOf(t)))

describe("Calendar (property)", () => {
  test.prop([
    fc.oneof(dateArb, fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fc.string(), fc.integer(), fc.constant(undefined))
  ])("isCalendarDate accepts exactly what the CalendarDate Schema accepts", (u) => {
    expect(Calendar.isCalendarDate(u)).toBe(Schema.is(Calendar.CalendarDate)(u))
  })

  test.prop([dateArb, fc.integer({ min: -40_000, max: 40_000 })])("addDays agrees with UTC arithmetic", (date, n) => {
    const expected = isoOf(new Date(Date.parse(`${date}T00:00:00Z`) + n * dayMs))
    expect(Calendar.addDays(date, n)).toBe(expected)
    expect(Calendar.daysBetween(date, Calendar.addDays(date, n))).toBe(n)
  })

  test.prop([dateArb, dateArb])("age is never negative after birth and grows by one each birthday", (a, b) => {
    const [birth, at] = a <= b ? [a, b] : [b, a]
    const age = Calendar.ageAt(birth, at)
    expect(age).toBeGreaterThanOrEqual(0)
    expect(Calendar.addMonths(birth, age * 12) <= at).toBe(true)
    expect(Calendar.addMonths(birth, (age + 1) * 12) > at || birth.endsWith("02-29")).toBe(true)
  })

  test.prop([dateArb, dateArb])("whole months: the largest n with addMonths(from, n) <= to", (a, b) => {
    const [from, to] = a <= b ? [a, b] : [b, a]
    const n = Calendar.wholeMonthsBetween(from, to)
    expect(Calendar.addMonths(from, n) <= to).toBe(true)
    expect(Calendar.addMonths(from, n + 1) > to).toBe(true)
  })
})
