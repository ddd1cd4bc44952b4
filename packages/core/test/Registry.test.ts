import { describe, expect, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import {
  Calendar,
  Household,
  Ids,
  Isced,
  LabourMarketStatus,
  Money,
  Person,
  Sensitivity,
  Site,
  SpecialCategory
} from "../src/index.js"

const d = Calendar.unsafeMake
const pid = (s: string) => Ids.PersonId.make(s)
const cents = (n: number) => Money.NonNegativeCents.make(n)

// ---------------------------------------------------------------------------------------------
// fixtures, written by hand
// ---------------------------------------------------------------------------------------------

const consentNo = { given: true, date: d("2019-04-01"), purpose: "monitoraggio FSE" } as const

const person = (id: string, birthDate: string, disability: SpecialCategory.TriState = "no"): Person.Person => ({
  id: pid(id),
  recordedOn: d("2019-04-01"),
  birthDate: d(birthDate),
  sex: "F",
  citizenship: { kind: "IT" },
  labourMarket: [],
  specialCategory:
    disability === "refused"
      ? SpecialCategory.refusedAll(d("2019-04-01"), "monitoraggio FSE")
      : { disability, foreignBackground: "no", minority: "no", consent: consentNo }
})

const household = (
  members: ReadonlyArray<Household.Membership>,
  extra: Partial<Household.Household> = {}
): Household.Household => ({
  id: Ids.HouseholdId.make("h1"),
  tenancy: { complesso: Ids.SiteId.make("cr-zaist-1"), unit: "B-12", leaseStart: d("2015-03-01"), sap: true },
  members,
  isee: [],
  arrears: [],
  ...extra
})

const member = (person: string, relation: Household.Relation, from: string, to?: string): Household.Membership =>
  to === undefined
    ? { person: pid(person), relation, from: d(from) }
    : { person: pid(person), relation, from: d(from), to: d(to) }

// ---------------------------------------------------------------------------------------------
// membersAt
// ---------------------------------------------------------------------------------------------

describe("membersAt: moves in and out on boundary days", () => {
  // p1 intestataria since the lease; p2 leaves on 31 March 2019 (last day there);
  // p3 arrives on 1 April 2019; p4 lived there in 2016, left, came back 15 June 2018 until 1 April 2019.
  const h = household([
    member("p1", "intestatario", "2015-03-01"),
    member("p2", "coniuge-partner", "2015-03-01", "2019-03-31"),
    member("p3", "figlio", "2019-04-01"),
    member("p4", "genitore", "2016-01-01", "2016-12-31"),
    member("p4", "genitore", "2018-06-15", "2019-04-01")
  ])
  it.each([
    ["2015-02-28", []],
    ["2015-03-01", ["p1", "p2"]],
    ["2015-12-31", ["p1", "p2"]],
    ["2016-01-01", ["p1", "p2", "p4"]],
    ["2016-12-31", ["p1", "p2", "p4"]],
    ["2017-01-01", ["p1", "p2"]],
    ["2018-06-14", ["p1", "p2"]],
    ["2018-06-15", ["p1", "p2", "p4"]],
    ["2019-03-31", ["p1", "p2", "p4"]],
    ["2019-04-01", ["p1", "p3", "p4"]],
    ["2019-04-02", ["p1", "p3"]],
    ["2030-01-01", ["p1", "p3"]]
  ])("on %s: %j", (date, expected) => {
    expect(Household.membersAt(h, d(date)).map((m) => m.person)).toEqual(expected)
  })
})

// ---------------------------------------------------------------------------------------------
// iseeAt
// ---------------------------------------------------------------------------------------------

describe("iseeAt: the valid attestation, the latest DSU when several are", () => {
  const a: Household.Isee = { value: cents(850_000), dsuDate: d("2018-01-15"), validUntil: d("2019-01-15") }
  const b: Household.Isee = { value: cents(720_000), dsuDate: d("2019-02-10"), validUntil: d("2020-01-15") }
  const c: Household.Isee = { value: cents(300_000), dsuDate: d("2019-09-01"), validUntil: d("2020-01-15") }
  const h = household([], { isee: [c, a, b] }) // order of the list does not matter
  it.each([
    ["2018-01-14", undefined],
    ["2018-01-15", 850_000],
    ["2019-01-15", 850_000],
    ["2019-01-16", undefined], // gap: A expired, B not yet declared
    ["2019-02-10", 720_000],
    ["2019-08-31", 720_000],
    ["2019-09-01", 300_000], // C supersedes B, both valid
    ["2020-01-15", 300_000],
    ["2020-01-16", undefined]
  ])("on %s: %s cents", (date, expected) => {
    expect(Household.iseeAt(h, d(date))?.value).toBe(expected)
  })
})

// ---------------------------------------------------------------------------------------------
// factsAt
// ---------------------------------------------------------------------------------------------

describe("factsAt", () => {
  it("a child born on 29 February 2004 is a minor on 28 February 2022 and an adult on 1 March 2022", () => {
    const h = household([member("mum", "intestatario", "2004-03-01"), member("kid", "figlio", "2004-03-01")])
    const persons = [person("mum", "1980-05-10"), person("kid", "2004-02-29")]
    const before = Household.factsAt(h, persons, d("2022-02-28"))
    expect([before.size, before.hasMinors, before.onlyAdults18To64, before.hasMembers65Plus]).toEqual([
      2,
      "yes",
      "no",
      "no"
    ])
    const after = Household.factsAt(h, persons, d("2022-03-01"))
    expect([after.size, after.hasMinors, after.onlyAdults18To64, after.hasMembers65Plus]).toEqual([
      2,
      "no",
      "yes",
      "no"
    ])
  })

  it("a member turns 65 on the birthday", () => {
    const h = household([member("nonna", "intestatario", "2000-01-01")])
    const persons = new Map([[pid("nonna"), person("nonna", "1954-06-30")]])
    expect(Household.factsAt(h, persons, d("2019-06-29")).hasMembers65Plus).toBe("no")
    expect(Household.factsAt(h, persons, d("2019-06-29")).onlyAdults18To64).toBe("yes")
    expect(Household.factsAt(h, persons, d("2019-06-30")).hasMembers65Plus).toBe("yes")
    expect(Household.factsAt(h, persons, d("2019-06-30")).onlyAdults18To64).toBe("no")
  })

  it.each([
    [["no", "no"], "no"],
    [["no", "refused"], "undetermined"], // refused is unknown, not no
    [["yes", "refused"], "yes"],
    [["refused", "refused"], "undetermined"],
    [["yes", "no"], "yes"]
  ] as const)("disability answers %j: %s", (answers, expected) => {
    const h = household([member("a", "intestatario", "2015-03-01"), member("b", "coniuge-partner", "2015-03-01")])
    const persons = [person("a", "1970-01-01", answers[0]), person("b", "1972-01-01", answers[1])]
    expect(Household.factsAt(h, persons, d("2019-04-01")).hasMemberWithDisability).toBe(expected)
  })

  it("a member without a person record makes the age facts undetermined, unless another member settles them", () => {
    const h = household([member("a", "intestatario", "2015-03-01"), member("ghost", "altro", "2015-03-01")])
    const adultOnly = Household.factsAt(h, [person("a", "1970-01-01")], d("2019-04-01"))
    expect(adultOnly.unknownPersons).toEqual(["ghost"])
    expect([adultOnly.hasMinors, adultOnly.hasMembers65Plus, adultOnly.onlyAdults18To64]).toEqual([
      "undetermined",
      "undetermined",
      "undetermined"
    ])
    const withChild = Household.factsAt(h, [person("a", "2010-01-01")], d("2019-04-01"))
    expect([withChild.hasMinors, withChild.onlyAdults18To64]).toEqual(["yes", "no"])
  })

  it("an empty household (everyone moved out) has size 0 and no facts", () => {
    const h = household([member("a", "intestatario", "2015-03-01", "2018-12-31")])
    const f = Household.factsAt(h, [person("a", "1970-01-01")], d("2019-04-01"))
    expect([f.size, f.hasMinors, f.hasMembers65Plus, f.onlyAdults18To64, f.hasMemberWithDisability]).toEqual([
      0,
      "no",
      "no",
      "no",
      "no"
    ])
  })

  it("arrears months come from the ledger entry in force; social services from the flag's dates", () => {
    const h = household([member("a", "intestatario", "2015-03-01")], {
      arrears: [
        { date: d("2019-01-31"), owed: cents(90_000), monthsInArrears: 3, cause: "incolpevole" },
        {
          date: d("2019-06-30"),
          owed: cents(0),
          monthsInArrears: 0,
          cause: "incolpevole",
          repaymentPlan: { signedOn: d("2019-02-15"), instalments: 6, amount: cents(90_000) }
        }
      ],
      socialServices: { since: d("2018-10-01") }
    })
    const persons = [person("a", "1970-01-01")]
    const at = (date: string) => Household.factsAt(h, persons, d(date))
    expect([at("2018-12-31").arrearsMonths, at("2019-01-31").arrearsMonths, at("2019-06-29").arrearsMonths]).toEqual([
      0, 3, 3
    ])
    expect(at("2019-06-30").arrearsMonths).toBe(0)
    expect([at("2018-09-30").knownToSocialServices, at("2018-10-01").knownToSocialServices]).toEqual([false, true])
  })

  it("a repayment plan's instalments sum to its amount, earlier ones a cent larger", () => {
    expect(Household.instalmentAmounts({ signedOn: d("2019-02-15"), instalments: 3, amount: cents(100) })).toEqual([
      34, 33, 33
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// decoding
// ---------------------------------------------------------------------------------------------

const problems = (
  r: Result.Result<unknown, { readonly problems: ReadonlyArray<{ path: string; message: string }> }>
) => (Result.isFailure(r) ? r.failure.problems : [])

describe("decoding bad records: every problem with its path, never a throw", () => {
  it("a bad person: wrong codice fiscale, born after recordedOn, non-EU without permit, 'yes' without consent", () => {
    const r = Person.decode({
      id: "p1",
      recordedOn: "2019-04-01",
      codiceFiscale: "RSSMRA85T10A562X", // check character should be S
      birthDate: "2019-05-01",
      sex: "M",
      citizenship: { kind: "non-EU" },
      labourMarket: [],
      specialCategory: {
        disability: "yes",
        foreignBackground: "refused",
        minority: "refused",
        consent: { given: false, date: "2019-03-01", purpose: "monitoraggio FSE" }
      }
    })
    expect(problems(r)).toEqual([
      { path: "codiceFiscale", message: 'invalid check character "X": expected "S"' },
      {
        path: "citizenship.permit",
        message: 'a non-EU citizen needs a permit type: "eu-long-term", "at-least-2-years", "other" or "none"'
      },
      {
        path: "specialCategory.disability",
        message:
          'disability is "yes" but consent.given is false: a special-category answer may be recorded only with ' +
          `the person's consent; record "refused" with the date of the attempt instead`
      },
      { path: "birthDate", message: "birth date 2019-05-01 is after the recording date 2019-04-01" },
      // follows from the birth date: the consent (1 March) is before it
      { path: "specialCategory.consent.date", message: "consent asked on 2019-03-01, before the birth date 2019-05-01" }
    ])
  })

  it("a labour-market spell before birth, and overlapping spells", () => {
    const r = Person.decode({
      id: "p2",
      recordedOn: "2019-04-01",
      birthDate: "1990-01-01",
      sex: "F",
      citizenship: { kind: "EU" },
      labourMarket: [
        { status: "employed", from: "1989-01-01", to: "2010-12-31" },
        { status: "unemployed", from: "2011-01-01" }
      ],
      specialCategory: {
        disability: "refused",
        foreignBackground: "refused",
        minority: "refused",
        consent: { given: false, date: "2019-04-01", purpose: "FSE" }
      }
    })
    expect(problems(r)).toEqual([
      { path: "labourMarket[0].from", message: "spell starts on 1989-01-01, before the birth date 1990-01-01" }
    ])
    const overlapping = Person.decode({
      id: "p2",
      recordedOn: "2019-04-01",
      birthDate: "1990-01-01",
      sex: "F",
      citizenship: { kind: "EU" },
      labourMarket: [
        { status: "employed", from: "2010-01-01", to: "2012-12-31" },
        { status: "unemployed", from: "2012-12-31" }
      ],
      specialCategory: {
        disability: "refused",
        foreignBackground: "refused",
        minority: "refused",
        consent: { given: false, date: "2019-04-01", purpose: "FSE" }
      }
    })
    expect(problems(overlapping)).toEqual([
      {
        path: "labourMarket[1]",
        message: "spell 2 (from 2012-12-31, still open) overlaps spell 1 (from 2010-01-01 to 2012-12-31)"
      }
    ])
  })

  it("a bad household: overlapping memberships of the same person, negative ISEE, two intestatari", () => {
    const r = Household.decode({
      id: "h1",
      tenancy: { complesso: "cr-zaist-1", unit: "B-12", leaseStart: "2015-03-01", sap: true },
      members: [
        { person: "p1", relation: "intestatario", from: "2015-03-01" },
        { person: "p2", relation: "figlio", from: "2015-03-01", to: "2017-12-31" },
        { person: "p2", relation: "figlio", from: "2017-06-01" },
        { person: "p3", relation: "intestatario", from: "2019-01-01" }
      ],
      isee: [{ value: -100, dsuDate: "2019-01-10", validUntil: "2019-12-31" }],
      arrears: [{ date: "2019-01-31", owed: 0, monthsInArrears: 2, cause: "boh" }]
    })
    expect(problems(r)).toEqual([
      {
        path: "members[2]",
        message:
          'membership 3 (from 2017-06-01, still open) overlaps membership 2 (from 2015-03-01 to 2017-12-31) of the same person "p2"'
      },
      {
        path: "members[3]",
        message:
          'membership 4 makes "p3" intestatario (from 2019-01-01, still open) while membership 1 makes "p1" intestatario ' +
          "(from 2015-03-01, still open): a household has one intestatario at a time"
      },
      { path: "isee[0].value", message: "Expected an amount of zero cents or more" },
      { path: "arrears[0].cause", message: 'Expected "incolpevole" | "colpevole" | "unknown"' }
    ])
  })

  it("a membership that ends before it starts, an ISEE valid before its DSU, a plan signed after the entry", () => {
    const r = Household.decode({
      id: "h1",
      tenancy: { complesso: "cr-zaist-1", unit: "B-12", leaseStart: "2015-03-01", sap: true },
      members: [{ person: "p1", relation: "intestatario", from: "2015-03-01", to: "2015-02-28" }],
      isee: [{ value: 100, dsuDate: "2019-01-10", validUntil: "2018-12-31" }],
      arrears: [
        {
          date: "2019-01-31",
          owed: 0,
          monthsInArrears: 2,
          cause: "colpevole",
          repaymentPlan: { signedOn: "2019-02-01", instalments: 0, amount: 0 }
        }
      ]
    })
    expect(problems(r)).toEqual([
      { path: "members[0].to", message: "to 2015-02-28 is before from 2015-03-01" },
      { path: "isee[0].validUntil", message: "validUntil 2018-12-31 is before the DSU date 2019-01-10" },
      { path: "arrears[0].repaymentPlan.instalments", message: "expected a whole number of instalments, at least 1" },
      { path: "arrears[0].repaymentPlan.amount", message: "a repayment plan repays more than zero cents" }
    ])
  })

  it.each([undefined, null, "h1", 42, [], {}])("never throws on %j", (input) => {
    expect(Result.isFailure(Person.decode(input))).toBe(true)
    expect(Result.isFailure(Household.decode(input))).toBe(true)
  })

  it("a refused answer needs no consent; a given consent accepts every answer", () => {
    const ok = (sc: unknown) => Result.isSuccess(Schema.decodeUnknownResult(SpecialCategory.Attributes)(sc))
    expect(ok(SpecialCategory.refusedAll(d("2019-04-01"), "FSE"))).toBe(true)
    expect(
      ok({
        disability: "no",
        foreignBackground: "refused",
        minority: "refused",
        consent: { given: false, date: "2019-04-01", purpose: "FSE" }
      })
    ).toBe(false)
    expect(
      ok({
        disability: "yes",
        foreignBackground: "no",
        minority: "refused",
        consent: { given: true, date: "2019-04-01", purpose: "FSE" }
      })
    ).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// vocabulary
// ---------------------------------------------------------------------------------------------

describe("Isced bands", () => {
  it.each([
    [0, "isced-1-2", "isced-0-2"],
    [1, "isced-1-2", "isced-0-2"],
    [2, "isced-1-2", "isced-0-2"],
    [3, "isced-3-4", "isced-3-4"],
    [4, "isced-3-4", "isced-3-4"],
    [5, "isced-5-8", "isced-5-8"],
    [8, "isced-5-8", "isced-5-8"]
  ] as const)("level %i: %s (2014), %s (2021)", (level, b14, b21) => {
    expect(Isced.band2014(level)).toBe(b14)
    expect(Isced.band2021(level)).toBe(b21)
  })
})

describe("LabourMarketStatus", () => {
  const spell = (status: LabourMarketStatus.Status, from: string, to?: string): LabourMarketStatus.Spell =>
    to === undefined ? { status, from: d(from) } : { status, from: d(from), to: d(to) }

  it.each([
    // aged 25+: strictly more than 12 months, counted like an age from the first day
    ["1990-01-01", [spell("unemployed", "2018-03-10")], "2019-03-10", false],
    ["1990-01-01", [spell("unemployed", "2018-03-10")], "2019-03-11", true],
    // under 25: more than 6 months; 31 January + 6 months = 31 July
    ["2000-01-01", [spell("unemployed", "2019-01-31")], "2019-07-31", false],
    ["2000-01-01", [spell("unemployed", "2019-01-31")], "2019-08-01", true],
    // adjacent unemployed spells are one unemployment
    [
      "1990-01-01",
      [spell("unemployed", "2017-01-01", "2017-06-30"), spell("unemployed", "2017-07-01")],
      "2018-01-02",
      true
    ],
    // a job in between starts the count again
    [
      "1990-01-01",
      [
        spell("unemployed", "2017-01-01", "2017-06-30"),
        spell("employed", "2017-07-01", "2017-07-31"),
        spell("unemployed", "2017-08-01")
      ],
      "2018-01-02",
      false
    ],
    // turning 25 raises the threshold: LTU at 24, not any more at 25
    ["1994-05-01", [spell("unemployed", "2018-10-01")], "2019-04-15", true],
    ["1994-05-01", [spell("unemployed", "2018-10-01")], "2019-05-01", false],
    // not unemployed on the date
    ["1990-01-01", [spell("inactive-not-in-education-or-training", "2010-01-01")], "2019-04-01", false]
  ] as const)("born %s, history %j, on %s: %s", (birth, history, date, expected) => {
    expect(LabourMarketStatus.isLongTermUnemployed(history, d(birth), d(date))).toBe(expected)
  })

  it("statusAt: a gap is unknown", () => {
    const h = [spell("employed", "2015-01-01", "2016-12-31"), spell("unemployed", "2018-01-01")]
    expect(LabourMarketStatus.statusAt(h, d("2016-12-31"))).toBe("employed")
    expect(LabourMarketStatus.statusAt(h, d("2017-06-01"))).toBeUndefined()
    expect(LabourMarketStatus.statusAt(h, d("2018-01-01"))).toBe("unemployed")
  })
})

describe("Sensitivity", () => {
  it("reads marks back, also through optional keys and later checks", () => {
    const marked = Sensitivity.annotatePersonal(Schema.String)
    expect(Sensitivity.sensitivityOf(marked)).toBe("personal")
    expect(Sensitivity.sensitivityOf(marked.pipe(Schema.check(Schema.isMinLength(1))))).toBe("personal")
    expect(Sensitivity.sensitivityOf(Schema.String)).toBeUndefined()
    expect(Sensitivity.sensitivityOf(SpecialCategory.Attributes)).toBe("special-category")
  })

  it("lists the personal fields of Household", () => {
    expect(Sensitivity.fieldsBySensitivity(Household.Household)).toEqual({
      personal: ["tenancy", "members", "isee", "arrears", "socialServices"],
      "special-category": []
    })
  })
})

describe("Site", () => {
  const quartiere = Schema.decodeUnknownSync(Site.Quartiere)({ id: "cr-zaist", name: "Zaist", comune: "019036" })
  it("decodes a complesso and rejects zero units", () => {
    const ok = Schema.decodeUnknownResult(Site.Complesso)({
      id: "cr-zaist-1",
      quartiere: "cr-zaist",
      address: "via Esempio 1, Cremona",
      comune: "019036",
      owner: "aler-bcm",
      housingUnits: 24
    })
    expect(Result.isSuccess(ok)).toBe(true)
    const bad = Schema.decodeUnknownResult(Site.Complesso)({
      id: "cr-zaist-1",
      quartiere: "cr-zaist",
      address: "via Esempio 1, Cremona",
      comune: "019036",
      owner: "aler-bcm",
      housingUnits: 0
    })
    expect(Result.isFailure(bad)).toBe(true)
  })
  it("finds a complesso in another comune than its quartiere", () => {
    const c = Schema.decodeUnknownSync(Site.Complesso)({
      id: "c1",
      quartiere: "cr-zaist",
      address: "x",
      comune: "019035",
      owner: "o",
      housingUnits: 1
    })
    expect(Site.inconsistencies([quartiere], [c])).toEqual([
      "complesso c1 is in comune 019035, but its quartiere cr-zaist is in comune 019036"
    ])
  })
})
