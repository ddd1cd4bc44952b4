import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { Calendar, Household, Ids, LabourMarketStatus, Money, Person, Sensitivity } from "../src/index.js"

const base = Calendar.unsafeMake("2018-01-01")
const day = (n: number) => Calendar.addDays(base, n)

// A random history: per person, a few intervals separated by gaps of at least one day (so
// never overlapping); some open-ended at the end. Offsets in days from 2018-01-01.
const personHistory = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 90 })), { minLength: 1, maxLength: 4 })
  .chain((steps) => fc.tuple(fc.constant(steps), fc.boolean(), fc.integer({ min: 0, max: 30 })))
  .map(([steps, openEnd, start]) => {
    const intervals: Array<{ from: number; to?: number }> = []
    let cursor = start
    steps.forEach(([gap, length], i) => {
      const from = cursor + (i === 0 ? 0 : gap)
      const to = from + length
      intervals.push(i === steps.length - 1 && openEnd ? { from } : { from, to })
      cursor = to + 1
    })
    return intervals
  })

const histories = fc
  .array(personHistory, { minLength: 1, maxLength: 5 })
  .map((people) =>
    people.flatMap((intervals, p) =>
      intervals.map(
        (i): Household.Membership =>
          i.to === undefined
            ? { person: Ids.PersonId.make(`p${p}`), relation: "altro-parente", from: day(i.from) }
            : { person: Ids.PersonId.make(`p${p}`), relation: "altro-parente", from: day(i.from), to: day(i.to) }
      )
    )
  )

const HORIZON = 800 // days scanned by the reference; open intervals run past it

/** The reference: every (person, day) a membership covers, enumerated one day at a time. */
const daysLived = (members: ReadonlyArray<Household.Membership>): Map<string, Set<string>> => {
  const lived = new Map<string, Set<string>>()
  for (const m of members) {
    const last = m.to ?? day(HORIZON)
    for (let x = m.from; x <= last; x = Calendar.addDays(x, 1)) {
      const who = lived.get(x) ?? new Set<string>()
      who.add(m.person)
      lived.set(x, who)
    }
  }
  return lived
}

const household = (members: ReadonlyArray<Household.Membership>): Household.Household => ({
  id: Ids.HouseholdId.make("h"),
  tenancy: { complesso: Ids.SiteId.make("c"), unit: "1", leaseStart: base, sap: true },
  members,
  isee: [],
  arrears: []
})

describe("membership valid time", () => {
  test.prop([histories, fc.integer({ min: -10, max: HORIZON })])(
    "membersAt agrees with a day-by-day scan",
    (members, offset) => {
      const date = day(offset)
      const expected = [...(daysLived(members).get(date) ?? new Set<string>())].sort()
      const actual = Household.membersAt(household(members), date)
        .map((m) => m.person)
        .sort()
      expect(actual).toEqual(expected)
    }
  )

  test.prop([histories])("generated histories decode (no shared day per person)", (members) => {
    expect(Result.isSuccess(Household.decode(household(members)))).toBe(true)
  })

  // Arbitrary intervals, overlapping or not: decoding fails exactly when the day-by-day scan
  // finds a person twice on a day.
  const anyInterval = fc.tuple(
    fc.integer({ min: 0, max: 2 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 20 }),
    fc.boolean()
  )
  test.prop([fc.array(anyInterval, { maxLength: 6 })])("the overlap check agrees with a day-by-day scan", (raw) => {
    const members = raw.map(
      ([p, from, length, open]): Household.Membership =>
        open
          ? { person: Ids.PersonId.make(`p${p}`), relation: "figlio", from: day(from) }
          : { person: Ids.PersonId.make(`p${p}`), relation: "figlio", from: day(from), to: day(from + length) }
    )
    let twice = false
    const seen = new Set<string>()
    for (const m of members) {
      const last = m.to ?? day(HORIZON)
      const mine = new Set<string>()
      for (let x = m.from; x <= last; x = Calendar.addDays(x, 1)) mine.add(`${m.person}@${x}`)
      for (const k of mine) {
        if (seen.has(k)) twice = true
      }
      for (const k of mine) seen.add(k)
    }
    expect(Result.isFailure(Household.decode(household(members)))).toBe(twice)
  })
})

describe("ISEE and labour-market queries", () => {
  const isee = fc
    .tuple(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 5_000_000 }))
    .map(
      ([dsu, length, value]): Household.Isee => ({
        value: Money.NonNegativeCents.make(value),
        dsuDate: day(dsu),
        validUntil: day(dsu + length)
      })
    )
  test.prop([fc.uniqueArray(isee, { selector: (r) => r.dsuDate, maxLength: 5 }), fc.integer({ min: -5, max: 1_200 })])(
    "iseeAt is the valid record with the latest DSU",
    (records, offset) => {
      const date = day(offset)
      let expected: Household.Isee | undefined
      for (const r of records) {
        let valid = false
        for (let x = r.dsuDate; x <= r.validUntil; x = Calendar.addDays(x, 1)) if (x === date) valid = true
        if (valid && (expected === undefined || r.dsuDate > expected.dsuDate)) expected = r
      }
      expect(Household.iseeAt({ isee: records }, date)).toBe(expected)
    }
  )

  const statuses = fc.constantFrom(...LabourMarketStatus.Status.literals)
  test.prop([
    personHistory.chain((iv) =>
      fc.tuple(fc.constant(iv), fc.array(statuses, { minLength: iv.length, maxLength: iv.length }))
    ),
    fc.integer({ min: -5, max: HORIZON })
  ])("statusAt agrees with a day-by-day scan", ([intervals, sts], offset) => {
    const history = intervals.map(
      (i, k): LabourMarketStatus.Spell =>
        i.to === undefined
          ? { status: sts[k] ?? "employed", from: day(i.from) }
          : { status: sts[k] ?? "employed", from: day(i.from), to: day(i.to) }
    )
    const date = day(offset)
    let expected: LabourMarketStatus.Status | undefined
    for (const s of history) {
      const last = s.to ?? day(HORIZON)
      for (let x = s.from; x <= last; x = Calendar.addDays(x, 1)) if (x === date) expected = s.status
    }
    expect(LabourMarketStatus.statusAt(history, date)).toBe(expected)
  })
})

describe("decoding never throws", () => {
  const validPerson = {
    id: "p1",
    recordedOn: "2019-04-01",
    codiceFiscale: "RSSMRA85T10A562S",
    birthDate: "1985-12-10",
    sex: "M",
    citizenship: { kind: "IT" },
    isced: 3,
    labourMarket: [{ status: "unemployed", from: "2018-01-01" }],
    specialCategory: {
      disability: "no",
      foreignBackground: "no",
      minority: "refused",
      consent: { given: true, date: "2019-04-01", purpose: "FSE" }
    },
    rural: false
  }
  const validHousehold = {
    id: "h1",
    tenancy: { complesso: "c1", unit: "A-1", leaseStart: "2015-03-01", sap: true },
    members: [{ person: "p1", relation: "intestatario", from: "2015-03-01" }],
    isee: [{ value: 100, dsuDate: "2019-01-10", validUntil: "2019-12-31" }],
    arrears: [],
    socialServices: { since: "2018-01-01" }
  }

  it("the valid fixtures decode", () => {
    expect(Result.isSuccess(Person.decode(validPerson))).toBe(true)
    expect(Result.isSuccess(Household.decode(validHousehold))).toBe(true)
  })

  // Random JSON, and valid records with one field replaced by random JSON (closer to real mistakes).
  const mutate = (valid: Record<string, unknown>) =>
    fc.tuple(fc.constantFrom(...Object.keys(valid)), fc.jsonValue()).map(([k, v]) => ({ ...valid, [k]: v }))

  test.prop([fc.oneof(fc.jsonValue(), mutate(validPerson), fc.anything())])("Person.decode", (input) => {
    const r = Person.decode(input)
    if (Result.isFailure(r)) expect(r.failure.problems.length).toBeGreaterThan(0)
  })
  test.prop([fc.oneof(fc.jsonValue(), mutate(validHousehold), fc.anything())])("Household.decode", (input) => {
    const r = Household.decode(input)
    if (Result.isFailure(r)) expect(r.failure.problems.length).toBeGreaterThan(0)
  })
})

describe("sensitivity of Person", () => {
  const notPersonal = ["id", "recordedOn"]
  const personal = [
    "codiceFiscale",
    "birthDate",
    "sex",
    "citizenship",
    "isced",
    "labourMarket",
    "homelessOrHousingExclusion",
    "rural"
  ]
  const special = ["specialCategory"]

  it("fieldsBySensitivity lists every personal field, in declaration order", () => {
    expect(Sensitivity.fieldsBySensitivity(Person.Person)).toEqual({ personal, "special-category": special })
  })

  test.prop([fc.constantFrom(...Object.keys(Person.Person.fields))])(
    "every field of Person is marked or deliberately not",
    (field) => {
      const marked = Sensitivity.sensitiveFields(Person.Person).includes(field)
      expect(marked).toBe(!notPersonal.includes(field))
    }
  )
})
