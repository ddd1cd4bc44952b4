import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Effect, Result, Stream } from "effect"
import { Calendar, Ids, LabourMarketStatus, Reporting } from "../../src/index.js"

const { Compute, Esf2014, EsfPlus2021, Participant } = Reporting
type Record_ = Reporting.Participant.Participant
type Report = Reporting.Compute.Report

const d = Calendar.unsafeMake
const period: Calendar.Period = { start: d("2018-01-01"), end: d("2019-12-31") }
const sets = [Esf2014.set, EsfPlus2021.set] as const

// ---------------------------------------------------------------------------------------------
// arbitraries: consistent records with holes, small id pools so that duplicates happen
// ---------------------------------------------------------------------------------------------

const date = (from: string, days: number) => fc.integer({ min: 0, max: days }).map((n) => Calendar.addDays(d(from), n))

const maybe = <A>(arb: fc.Arbitrary<A>, freq = 8) =>
  fc.oneof(
    { weight: freq, arbitrary: arb.map((a): A | undefined => a) },
    { weight: 1, arbitrary: fc.constant(undefined) }
  )

const tri = fc.constantFrom("yes", "no", "refused") as fc.Arbitrary<"yes" | "no" | "refused">
const flags = fc.record({
  jobSearching: fc.boolean(),
  inEducationOrTraining: fc.boolean(),
  gainedQualification: fc.boolean(),
  inEmployment: fc.boolean()
})
const situation = fc.record({ employed: fc.boolean(), selfEmployed: fc.boolean(), improvedSituation: fc.boolean() })

/** Drops the keys whose value is undefined (exact optional properties). */
const compact = <A extends object>(a: A): A =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as A

const record = (persons: ReadonlyArray<string>): fc.Arbitrary<Record_> =>
  fc
    .record({
      id: fc.constantFrom("r1", "r2", "r3", "r4"),
      person: fc.constantFrom(...persons),
      operation: fc.constantFrom("op-a", "op-b"),
      entryDate: maybe(date("2017-10-01", 900), 12),
      sex: maybe(fc.constantFrom("F", "M") as fc.Arbitrary<"F" | "M">, 12),
      ageAtEntry: maybe(fc.integer({ min: 15, max: 70 }), 12),
      labourMarketStatus: maybe(fc.constantFrom(...LabourMarketStatus.Status.literals), 12),
      ltu: maybe(fc.boolean(), 12),
      isced: maybe(fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8) as fc.Arbitrary<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8>, 12),
      thirdCountryNational: maybe(fc.boolean(), 12),
      household: maybe(
        fc.record({ jobless: fc.boolean(), dependentChildren: fc.boolean(), singleAdult: fc.boolean() }),
        12
      ),
      homelessOrHousingExclusion: maybe(fc.boolean(), 12),
      rural: maybe(fc.boolean(), 12),
      disability: maybe(tri, 4),
      foreignBackground: maybe(tri, 4),
      minority: maybe(tri, 4),
      otherDisadvantaged: maybe(tri, 2),
      stay: maybe(fc.integer({ min: 0, max: 500 }), 2),
      leavingAfter: maybe(fc.integer({ min: 0, max: 40 }), 2),
      leaving: flags,
      followAfter: maybe(fc.integer({ min: 150, max: 260 }), 2),
      follow: situation
    })
    .map((g) => {
      const leftOn = g.stay === undefined ? undefined : Calendar.addDays(g.entryDate ?? d("2018-06-01"), g.stay)
      return compact({
        id: Ids.PathwayId.make(g.id),
        person: Ids.PersonId.make(g.person),
        operation: Ids.ProjectId.make(g.operation),
        entryDate: g.entryDate,
        sex: g.sex,
        ageAtEntry: g.ageAtEntry,
        labourMarketStatus: g.labourMarketStatus,
        // long-term unemployment only for the unemployed (decoding refuses it otherwise)
        longTermUnemployed: g.labourMarketStatus === "unemployed" ? g.ltu : g.ltu === undefined ? undefined : false,
        isced: g.isced,
        thirdCountryNational: g.thirdCountryNational,
        household: g.household,
        homelessOrHousingExclusion: g.homelessOrHousingExclusion,
        rural: g.rural,
        disability: g.disability,
        foreignBackground: g.foreignBackground,
        minority: g.minority,
        otherDisadvantaged: g.otherDisadvantaged,
        leftOn,
        leaving:
          leftOn === undefined || g.leavingAfter === undefined
            ? undefined
            : { recordedOn: Calendar.addDays(leftOn, g.leavingAfter), status: g.leaving },
        followUp:
          leftOn === undefined || g.followAfter === undefined
            ? undefined
            : { recordedOn: Calendar.addDays(leftOn, g.followAfter), situation: g.follow }
      }) as Record_
    })

const pool = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"]
const records = fc.array(record(pool), { maxLength: 40 })
const set = fc.constantFrom(...sets)

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

type Row = Readonly<Record<string, string | number | null>>
const num = (v: string | number | null | undefined): number => (typeof v === "number" ? v : 0)
const rowOf = (t: Reporting.Table.Table, key: string, value: string): Row | undefined =>
  t.rows.find((r) => r[key] === value)

const measures = (r: Report) => [
  ...r.indicators.rows.map((row) => [row.code, row.total, row.women, row.men, row.refused, row.not_collected]),
  ...r.coverage.rows.map((row) => [row.item, row.total])
]

// ---------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------

describe("common indicators, properties", () => {
  test.prop([records])("the generated records decode (sanity of the arbitrary)", (xs) => {
    for (const x of xs) expect(Result.isSuccess(Participant.decode(x))).toBe(true)
  })

  test.prop([records, set])("every total is the sum of women and men (and of sex unknown, in coverage)", (xs, s) => {
    const r = Compute.compute(xs, { set: s, period })
    for (const row of r.indicators.rows) {
      expect(row.total).toBe(num(row.women) + num(row.men))
      if (row.refused !== null) expect(row.refused).toBe(num(row.refused_women) + num(row.refused_men))
      if (row.not_collected !== null)
        expect(row.not_collected).toBe(num(row.not_collected_women) + num(row.not_collected_men))
    }
    for (const row of r.coverage.rows) expect(row.total).toBe(num(row.women) + num(row.men) + num(row.sex_unknown))
  })

  test.prop([records, set])(
    "CO01 + CO03 + CO05 (EECO02 + EECO04 + EECO05) are the complete participants, by sex too",
    (xs, s) => {
      const r = Compute.compute(xs, { set: s, period })
      const complete = rowOf(r.coverage, "item", "complete")
      for (const column of ["total", "women", "men"]) {
        const sum = s.totalCodes.map((c) => num(rowOf(r.indicators, "code", c)?.[column])).reduce((a, b) => a + b, 0)
        expect(sum).toBe(num(complete?.[column]))
      }
      if (s.id === "esf-plus-2021-2027") expect(rowOf(r.indicators, "code", "EECO01")?.total).toBe(complete?.total)
    }
  )

  test.prop([records, set])("every record is accounted for exactly once in the coverage", (xs, s) => {
    const r = Compute.compute(xs, { set: s, period })
    const at = (item: string) => num(rowOf(r.coverage, "item", item)?.total)
    expect(at("records")).toBe(xs.length)
    expect(at("duplicates") + at("outside-period") + at("incomplete") + at("complete")).toBe(xs.length)
    expect(at("duplicates")).toBe(xs.length - new Set(xs.map(Participant.operationKey)).size)
  })

  test.prop([records, record(["fresh"]), set])(
    "adding a participant (a person not yet in the data) never decreases a count",
    (xs, extra, s) => {
      const before = measures(Compute.compute(xs, { set: s, period }))
      const after = measures(Compute.compute([...xs, extra], { set: s, period }))
      expect(after.length).toBe(before.length)
      before.forEach((row, i) => {
        const other = after[i] ?? []
        expect(other[0]).toBe(row[0])
        row.slice(1).forEach((v, j) => {
          if (typeof v === "number") expect(num(other[j + 1])).toBeGreaterThanOrEqual(v)
        })
      })
    }
  )

  test.prop([records.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))), set])(
    "the result does not depend on the order of the records",
    ([xs, shuffled], s) => {
      expect(Compute.compute(shuffled, { set: s, period })).toEqual(Compute.compute(xs, { set: s, period }))
    }
  )

  test.prop([fc.array(record(pool), { minLength: 1, maxLength: 30 }), fc.nat(), fc.integer({ min: 1, max: 400 }), set])(
    "a participant twice in the same operation counts once (a copy, or a later re-entry)",
    (xs, pick, later, s) => {
      const x = xs[pick % xs.length] as Record_
      const base = Compute.compute(xs, { set: s, period })
      const copy = Compute.compute([...xs, x], { set: s, period })
      expect(copy.indicators).toEqual(base.indicators)
      const dup = (r: Report) => num(rowOf(r.coverage, "item", "duplicates")?.total)
      expect(dup(copy)).toBe(dup(base) + 1)
      // a re-entry after the winner's entry, with other characteristics, changes nothing either
      const winner = [...xs]
        .filter((y) => Participant.operationKey(y) === Participant.operationKey(x))
        .sort(Participant.precedence)[0] as Record_
      if (winner.entryDate === undefined) return
      const { leftOn: _leftOn, leaving: _leaving, followUp: _followUp, ...atEntry } = winner
      const reentry: Record_ = {
        ...atEntry,
        id: Ids.PathwayId.make("r9"),
        entryDate: Calendar.addDays(winner.entryDate, later),
        labourMarketStatus: "employed",
        longTermUnemployed: false
      }
      expect(Compute.compute([...xs, reentry], { set: s, period }).indicators).toEqual(base.indicators)
    }
  )

  test.prop([records, set])("streaming gives the same report as the fold", async (xs, s) => {
    const streamed = await Effect.runPromise(Compute.fromStream(Stream.fromIterable(xs), { set: s, period }))
    expect(streamed).toEqual(Compute.compute(xs, { set: s, period }))
  })

  test.prop([fc.jsonValue()])("random JSON never throws on decode", (json) => {
    expect(() => Participant.decode(json)).not.toThrow()
    expect(() => Reporting.Entity.decode(json)).not.toThrow()
  })

  test.prop([
    fc.dictionary(
      fc.constantFrom(
        "id",
        "person",
        "operation",
        "entryDate",
        "sex",
        "ageAtEntry",
        "labourMarketStatus",
        "longTermUnemployed",
        "isced",
        "household",
        "disability",
        "leftOn",
        "leaving",
        "followUp"
      ),
      fc.oneof(fc.jsonValue(), fc.constantFrom("2019-02-30", "2019-01-01", "F", "yes", "unemployed", 3, -1, 1.5))
    ),
    set
  ])("random near-records never throw: decode, then count what decodes", (json, s) => {
    const decoded = Participant.decode({ id: "r1", person: "p1", operation: "op-a", ...json })
    expect(() => Compute.compute(Result.isSuccess(decoded) ? [decoded.success] : [], { set: s, period })).not.toThrow()
  })
})
