import { describe, expect, it } from "@effect/vitest"
import { Population } from "@quartieri/testing"
import { Result } from "effect"
import {
  Calendar,
  type Household,
  Ids,
  IstatComune,
  Money,
  type Person,
  Reporting,
  Site,
  type SpecialCategory
} from "../../src/index.js"

const { Composition, Disclosure, Table } = Reporting
const d = Calendar.unsafeMake

// ---------------------------------------------------------------------------------------------
// Abitare la Comunità: the published composition through the reporting API
// ---------------------------------------------------------------------------------------------

describe("Composition of Abitare la Comunità (seed 001), 1 April 2019", () => {
  // Published: 380 households; 143 known to the social services, split (our reading,
  // docs/concepts/registry.md) into 19 with a disabled member, 18 with a member 65+ and no
  // minor, 57 with a minor and no member 65+, 48 only adults 18–64, and 1 undetermined.
  it.each([1, 2019, 424242])("seed %i reproduces 380 / 143 / 18 / 19 / 57 / 48", (seed) => {
    const population = Population.abitareLaComunita(seed)
    const composition = Composition.compute(population.households, {
      date: population.asOf,
      persons: population.persons,
      complessi: population.complessi
    })
    const overview = Composition.table(composition)
    const total = overview.rows.at(-1)
    expect(total?.total).toBe(Table.total)
    expect(total?.households).toBe(380)
    expect(total?.persons).toBe(800) // "circa 800": exactly 800 in the synthetic population
    expect(total?.knownToSocialServices).toBe(143)
    expect(total?.withDisability).toBe(19) // only the 19 have a disabled member

    const areas = Composition.areasTable(composition)
    expect(areas.rows).toEqual([
      {
        total: Table.total,
        disability: 19,
        elderly: 18,
        minors: 57,
        "minors-and-elderly": 0,
        "adults-only": 48,
        undetermined: 1,
        known: 143
      }
    ])
  })

  it("by quartiere: the two quartieri add up to the published totals", () => {
    const population = Population.abitareLaComunita(7)
    const composition = Composition.compute(population.households, {
      date: population.asOf,
      persons: population.persons,
      complessi: population.complessi
    })
    const t = Composition.areasTable(composition, "quartiere")
    expect(t.rows.map((r) => r.quartiere)).toEqual(["cr-san-bernardo-borgo-loreto", "cr-zaist", Table.total])
    for (const column of ["disability", "elderly", "minors", "adults-only", "undetermined", "known"]) {
      const [a, b, tot] = t.rows.map((r) => r[column] as number)
      expect((a ?? 0) + (b ?? 0)).toBe(tot)
    }
    // published: the 1 undetermined household and the 0 three-generation households are
    // under the threshold; the grid is protected so that no suppressed cell can be recomputed
    const published = Disclosure.publish(t, Disclosure.published(), Composition.areasLayout(t))
    expect(Result.isSuccess(published)).toBe(true)
    if (Result.isFailure(published)) return
    const undetermined = published.success.table.rows.map((r) => r.undetermined)
    expect(undetermined.filter((v) => v === Table.suppressedMark).length).not.toBe(1)
    expect(published.success.log.cells.every((c) => c.threshold === 5)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// a hand-worked registry
// ---------------------------------------------------------------------------------------------

const date = d("2019-04-01")
const consent = { given: true, date, purpose: "monitoraggio FSE" } as const
const person = (id: string, birthDate: string, disability: SpecialCategory.TriState = "no"): Person.Person => ({
  id: Ids.PersonId.make(id),
  recordedOn: date,
  birthDate: d(birthDate),
  sex: "F",
  citizenship: { kind: "IT" },
  labourMarket: [],
  specialCategory:
    disability === "refused"
      ? {
          disability: "refused",
          foreignBackground: "refused",
          minority: "refused",
          consent: { given: false, date, purpose: "monitoraggio FSE" }
        }
      : { disability, foreignBackground: "no", minority: "no", consent }
})

const cremona = IstatComune.knownComuni["019036"].istat
const quartiere = Site.QuartiereId.make("q-a")
const complessi: ReadonlyArray<Site.Complesso> = [
  {
    id: Ids.SiteId.make("c-1"),
    quartiere,
    address: "via Esempio 1",
    comune: cremona,
    owner: Ids.OrganisationId.make("aler"),
    housingUnits: 10
  }
]

const household = (
  id: string,
  members: ReadonlyArray<string>,
  options: { readonly known?: boolean; readonly from?: string; readonly to?: string; readonly complesso?: string } = {}
): Household.Household => {
  const base: Household.Household = {
    id: Ids.HouseholdId.make(id),
    tenancy: {
      complesso: Ids.SiteId.make(options.complesso ?? "c-1"),
      unit: id,
      leaseStart: d("2010-01-01"),
      sap: true
    },
    members: members.map((p, i) => ({
      person: Ids.PersonId.make(p),
      relation: i === 0 ? "intestatario" : "figlio",
      from: d(options.from ?? "2010-01-01"),
      ...(options.to === undefined ? {} : { to: d(options.to) })
    })),
    isee: [{ value: Money.NonNegativeCents.make(500_000), dsuDate: d("2019-01-10"), validUntil: d("2020-01-15") }],
    arrears: []
  }
  return options.known === true ? { ...base, socialServices: { since: d("2015-01-01") } } : base
}

describe("Composition, hand-worked", () => {
  // Ages on 2019-04-01:
  //   a1 born 1980-05-01 → 38;  a2 born 2010-04-02 → 8 (minor)
  //   b1 born 1950-01-01 → 69 (65+)
  //   c1 born 1990-04-01 → 29;  c2 born 1992-06-30 → 26       (only adults 18–64)
  //   e1 born 1970-01-01 → 49, refused the disability question
  //   f1 born 1985-01-01 → 34, disability yes;  f2 born 1954-04-02 → 64 (not yet 65)
  //   g1 born 1950-06-01 → 68 (65+);  g2 born 2005-01-01 → 14 (minor): three generations…
  //   h: p-missing has no person record
  //   x: moved out on 2019-03-31, so no member on the date
  const persons = [
    person("a1", "1980-05-01"),
    person("a2", "2010-04-02"),
    person("b1", "1950-01-01"),
    person("c1", "1990-04-01"),
    person("c2", "1992-06-30"),
    person("e1", "1970-01-01", "refused"),
    person("f1", "1985-01-01", "yes"),
    person("f2", "1954-04-02"),
    person("g1", "1950-06-01"),
    person("g2", "2005-01-01"),
    person("x1", "1980-01-01")
  ]
  const households = [
    household("A", ["a1", "a2"], { known: true }), // minors
    household("B", ["b1"], { known: true }), // elderly
    household("C", ["c1", "c2"], { known: true }), // adults only
    household("E", ["e1"], { known: true }), // undetermined (refused)
    household("F", ["f1", "f2"], { known: true }), // disability
    household("G", ["g1", "g2"], { known: true }), // minors and elderly
    household("H", ["p-missing"], { known: true }), // undetermined (no record)
    household("I", ["c1"]), // not known; c1 again is fine for a count of households
    household("X", ["x1"], { known: true, to: "2019-03-31" }), // empty on the date: not counted
    household("Z", ["b1"], { complesso: "c-unknown" }) // unplaced: only in the total
  ]
  const composition = Composition.compute(households, { date, persons, complessi })

  it("counts the households and persons on the date", () => {
    const total = Composition.countsOf(composition)
    // 9 households with members (X is empty): A B C E F G H I Z
    expect(total.households).toBe(9)
    // persons: 2 + 1 + 2 + 1 + 2 + 2 + 1 + 1 + 1 = 13
    expect(total.persons).toBe(13)
    // sizes: ones = B E H I Z = 5; twos = A C F G = 4
    expect(total.bySize).toEqual([5, 4, 0, 0, 0])
    expect(total.withMinors).toBe(2) // A, G
    expect(total.with65Plus).toBe(3) // B, G, Z
    expect(total.onlyAdults18To64).toBe(4) // C, E, F, I (f2 is 64)
    expect(total.withDisability).toBe(1) // F
    expect(total.disabilityUndetermined).toBe(2) // E refused, H no record
    expect(total.withUnknownPersons).toBe(1) // H
    expect(total.knownToSocialServices).toBe(7) // A B C E F G H
    expect(composition.unplaced).toBe(1) // Z
  })

  it("splits the known households into areas, a partition", () => {
    expect(Composition.countsOf(composition).knownByArea).toEqual({
      disability: 1, // F
      elderly: 1, // B
      minors: 1, // A
      "minors-and-elderly": 1, // G
      "adults-only": 1, // C
      undetermined: 2 // E, H
    })
  })

  it("by quartiere: Z is in no quartiere, so the _T row is not the sum and the grid is non-additive", () => {
    const t = Composition.table(composition, "quartiere")
    expect(t.rows.map((r) => [r.quartiere, r.households])).toEqual([
      ["q-a", 8],
      [Table.total, 9]
    ])
    const layout = Disclosure.inferLayout(t)
    expect(
      Result.isSuccess(layout) && layout.success.grids.find((g) => g.cells[0]?.[0]?.column === "households")?.additive
    ).toBe(false)
  })

  it("published: every count under 5 is suppressed, zeros stay", () => {
    const t = Composition.table(composition)
    const published = Disclosure.publish(t, Disclosure.published())
    expect(Result.isSuccess(published)).toBe(true)
    if (Result.isFailure(published)) return
    const row = published.success.table.rows[0]
    expect(row?.households).toBe(9)
    expect(row?.persons).toBe(13)
    expect(row?.size1).toBe(5)
    expect(row?.size2).toBe(Table.suppressedMark) // 4
    expect(row?.size3).toBe(0)
    expect(row?.withDisability).toBe(Table.suppressedMark) // 1
    expect(row?.knownToSocialServices).toBe(7)
  })
})
