import { describe, expect, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { Calendar, InvalidInput } from "../src/index.js"

const d = Calendar.unsafeMake

describe("CalendarDate", () => {
  it.each([
    ["2020-02-29", true],
    ["2019-02-29", false],
    ["1900-02-29", false], // 1900 is not a leap year (divisible by 100, not by 400)
    ["2000-02-29", true], // 2000 is (divisible by 400)
    ["2021-04-31", false],
    ["2021-13-01", false],
    ["2021-1-01", false],
    ["20210101", false]
  ])("%s is a real day: %s", (s, ok) => {
    expect(Result.isSuccess(Schema.decodeUnknownResult(Calendar.CalendarDate)(s))).toBe(ok)
  })

  it.each([
    ["2020-02-29", true],
    ["2019-02-29", false],
    ["1799-12-31", false], // outside the supported years
    ["2021-04-31", false],
    [" 2021-04-01", false],
    [20210401, false],
    [null, false]
  ])("isCalendarDate(%j) is %s, as the Schema says", (u, ok) => {
    expect(Calendar.isCalendarDate(u)).toBe(ok)
    expect(Calendar.isCalendarDate(u)).toBe(Schema.is(Calendar.CalendarDate)(u))
  })

  it("says why a date does not exist", () => {
    const r = InvalidInput.decoder(Calendar.CalendarDate, "date")("2019-02-29")
    expect(Result.isFailure(r) && r.failure.problems[0].message).toBe(
      "2019-02-29 does not exist: month 2 of 2019 has 28 days"
    )
  })
})

describe("ageAt", () => {
  it.each([
    ["1985-12-10", "2020-12-09", 34],
    ["1985-12-10", "2020-12-10", 35],
    // born on 29 February: still 22 on 28 February 2023, 23 on 1 March 2023
    ["2000-02-29", "2023-02-28", 22],
    ["2000-02-29", "2023-03-01", 23],
    ["2000-02-29", "2024-02-29", 24],
    ["2000-02-29", "2024-02-28", 23]
  ])("born %s, on %s is %i", (birth, at, age) => {
    expect(Calendar.ageAt(d(birth), d(at))).toBe(age)
  })
})

describe("months", () => {
  it.each([
    ["2019-01-31", 1, "2019-02-28"],
    ["2020-01-31", 1, "2020-02-29"],
    ["2018-05-16", 24, "2020-05-16"],
    ["2019-03-31", -1, "2019-02-28"],
    ["2019-12-15", 1, "2020-01-15"]
  ])("%s + %i months = %s", (from, n, to) => {
    expect(Calendar.addMonths(d(from), n)).toBe(to)
  })

  it.each([
    ["2019-01-31", "2019-02-28", 1],
    ["2019-01-31", "2019-02-27", 0],
    ["2019-01-01", "2020-12-31", 23],
    ["2019-01-01", "2021-01-01", 24],
    ["2021-01-01", "2019-01-01", -24]
  ])("whole months from %s to %s: %i", (from, to, n) => {
    expect(Calendar.wholeMonthsBetween(d(from), d(to))).toBe(n)
  })

  it.each([
    ["2020-02-28", 1, "2020-02-29"],
    ["2020-12-31", 1, "2021-01-01"],
    ["2021-03-01", -1, "2021-02-28"]
  ])("%s + %i days = %s", (from, n, to) => {
    expect(Calendar.addDays(d(from), n)).toBe(to)
  })
})

describe("Period", () => {
  it("rejects an end before the start, naming the field", () => {
    const r = InvalidInput.decoder(Calendar.Period, "period")({ start: "2020-05-16", end: "2019-01-01" })
    expect(Result.isFailure(r) && r.failure.problems).toEqual([
      { path: "end", message: "end 2019-01-01 is before start 2020-05-16" }
    ])
  })
  it("contains and overlaps include both ends; an open end runs forever", () => {
    const p = { start: d("2019-01-01"), end: d("2020-05-16") }
    expect(Calendar.contains(p, d("2020-05-16"))).toBe(true)
    expect(Calendar.contains(p, d("2020-05-17"))).toBe(false)
    expect(Calendar.overlaps(p, { start: d("2020-05-16") })).toBe(true)
    expect(Calendar.overlaps(p, { start: d("2020-05-17") })).toBe(false)
  })
})
