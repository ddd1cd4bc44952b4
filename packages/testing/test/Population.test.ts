import { describe, expect, it } from "@effect/vitest"
import { Household, Person } from "@quartieri/core"
import { Result } from "effect"
import { Population } from "../src/index.js"

// The published figures of "Abitare la Comunità" (seed 001), typed in from the page.
const PUBLISHED = { households: 380, known: 143, elderly: 18, disability: 19, minors: 57, adultsOnly: 48 }

describe.each([1, 42, 20190401])("abitareLaComunita(%i)", (seed) => {
  const population = Population.abitareLaComunita(seed)
  const persons = new Map(population.persons.map((p) => [p.id, p]))
  const facts = population.households.map((h) => Household.factsAt(h, persons, population.asOf))

  it("derives the published figures with factsAt", () => {
    const known = facts.filter((f) => f.knownToSocialServices)
    // the reading of the figures (see Population.abitareLaComunitaFigures): a partition of the
    // 143 known households by disability first, then by age among those with no disabled member
    const answeredNo = known.filter((f) => f.hasMemberWithDisability === "no")
    const count = (fs: ReadonlyArray<Household.Facts>, p: (f: Household.Facts) => boolean) => fs.filter(p).length
    expect({
      households: population.households.length,
      known: known.length,
      elderly: count(answeredNo, (f) => f.hasMembers65Plus === "yes"),
      disability: count(known, (f) => f.hasMemberWithDisability === "yes"),
      minors: count(answeredNo, (f) => f.hasMinors === "yes"),
      adultsOnly: count(answeredNo, (f) => f.onlyAdults18To64 === "yes")
    }).toEqual(PUBLISHED)
    // the partition: the three age groups are disjoint and cover the 123 households with no
    // disabled member; one household is undetermined (a refused answer), 19 + 123 + 1 = 143
    expect(count(answeredNo, (f) => f.hasMinors === "yes" && f.hasMembers65Plus === "yes")).toBe(0)
    expect(answeredNo.length).toBe(18 + 57 + 48)
    expect(count(known, (f) => f.hasMemberWithDisability === "undetermined")).toBe(1)
    // the 19 are the only households of the whole population with a disabled member
    expect(count(facts, (f) => f.hasMemberWithDisability === "yes")).toBe(19)
  })

  it("has circa 800 residents on the date (exactly 800, our pick), every member with a record", () => {
    const residents = facts.reduce((n, f) => n + f.size, 0)
    expect(residents).toBeGreaterThanOrEqual(790)
    expect(residents).toBeLessThanOrEqual(810)
    expect(residents).toBe(800)
    expect(facts.every((f) => f.unknownPersons.length === 0 && f.size > 0)).toBe(true)
  })

  it("every record decodes, and no person is in two households on the same day", () => {
    const messages = (rs: ReadonlyArray<Result.Result<unknown, { readonly message: string }>>) =>
      rs.flatMap((r) => (Result.isFailure(r) ? [r.failure.message] : []))
    const bad = [
      ...messages(population.persons.map((p) => Person.decode(p))),
      ...messages(population.households.map((h) => Household.decode(h)))
    ]
    expect(bad).toEqual([])
    const residents = facts.flatMap((f) => f.members.map((m) => m.person))
    expect(new Set(residents).size).toBe(residents.length)
    const codes = population.persons.flatMap((p) => (p.codiceFiscale === undefined ? [] : [p.codiceFiscale]))
    expect(new Set(codes).size).toBe(codes.length)
    expect(population.persons.every((p) => Person.codiceFiscaleDiscrepancies(p).length === 0)).toBe(true)
  })

  it("fits the complessi: one household per unit", () => {
    const units = population.households.map((h) => `${h.tenancy.complesso}/${h.tenancy.unit}`)
    expect(new Set(units).size).toBe(380)
  })
})

describe("reproducibility", () => {
  it("the same seed gives the same population; another seed another one", () => {
    expect(Population.abitareLaComunita(7)).toEqual(Population.abitareLaComunita(7))
    expect(Population.abitareLaComunita(7).persons).not.toEqual(Population.abitareLaComunita(8).persons)
  })

  it("rejects targets that cannot be met", () => {
    expect(() =>
      Population.generate(1, Population.abitareLaComunitaQuartieri, Population.abitareLaComunitaComplessi, {
        ...Population.abitareLaComunitaFigures,
        households: 1000
      })
    ).toThrow(RangeError)
  })
})
