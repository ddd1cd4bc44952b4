/**
 * The bridge from registry records to facts: on hand-built households, the facts of each rule
 * set worked out by hand (what the registry cannot tell stays missing, never guessed); and on
 * the synthetic population of "Abitare la Comunità", every household gets a decision, none
 * throws, and an undetermined decision names missing facts the registry did not supply.
 */
import { describe, expect, it } from "@effect/vitest"
import { fc } from "@fast-check/vitest"
import { PathwayArbitraries, Population } from "@quartieri/testing"
import { Effect, Result, Stream } from "effect"
import { Calendar, Eligibility, Household, Ids, Pathway, Person, SpecialCategory } from "../../src/index.js"

const { FromRegistry, InclusioneAttiva, RuleSets } = Eligibility
const d = Calendar.unsafeMake

// ---------------------------------------------------------------------------------------------
// hand-built records
// ---------------------------------------------------------------------------------------------

const person = (input: {
  readonly id: string
  readonly birthDate: string
  readonly citizenship: unknown
  readonly labourMarket?: ReadonlyArray<unknown>
}): Person.Person =>
  Result.getOrThrow(
    Person.decode({
      id: input.id,
      recordedOn: "2024-06-01",
      birthDate: input.birthDate,
      sex: "F",
      citizenship: input.citizenship,
      labourMarket: input.labourMarket ?? [],
      specialCategory: SpecialCategory.refusedAll(d("2024-06-01"), "gestione sociale del quartiere")
    })
  )

const anna = person({
  id: "p-anna",
  birthDate: "1979-04-02",
  citizenship: { kind: "IT" },
  labourMarket: [
    { status: "employed", from: "2005-01-10", to: "2023-08-31" },
    { status: "unemployed", from: "2023-09-01" }
  ]
})
const luca = person({ id: "p-luca", birthDate: "2010-11-20", citizenship: { kind: "IT" } })
const omar = person({
  id: "p-omar",
  birthDate: "1985-01-31",
  citizenship: { kind: "non-EU", permit: "other" },
  labourMarket: [{ status: "employed", from: "2019-03-01" }]
})
const persons = [anna, luca, omar]

/** A complesso of the synthetic Cremona population: its comune is Cremona (province 019, Lombardy). */
const sbbl1 = Ids.SiteId.make("cr-sbbl-1")
const zaist1 = Ids.SiteId.make("cr-zaist-1")

const decode = (input: unknown): Household.Household => Result.getOrThrow(Household.decode(input))

/** Anna (intestataria) and her son Luca, SAP tenants since 15/03/2021, ISEE € 7.000,00, € 900,00 of no-fault arrears. */
const rossi = decode({
  id: "h-rossi",
  tenancy: { complesso: sbbl1, unit: "scala A, int. 4", leaseStart: "2021-03-15", sap: true },
  members: [
    { person: "p-anna", relation: "intestatario", from: "2021-03-15" },
    { person: "p-luca", relation: "figlio", from: "2021-03-15" }
  ],
  isee: [
    { value: 700000, dsuDate: "2024-02-01", validUntil: "2024-12-31" },
    { value: 650000, dsuDate: "2023-02-01", validUntil: "2023-12-31" }
  ],
  arrears: [
    { date: "2023-11-01", owed: 30000, monthsInArrears: 1, cause: "unknown" },
    { date: "2024-05-01", owed: 90000, monthsInArrears: 3, cause: "incolpevole" }
  ],
  socialServices: { since: "2022-01-10" }
})

/** Omar alone, who moved in on 01/02/2024 (lease of 01/02/2024), no ISEE, arrears of unknown cause. */
const haddad = decode({
  id: "h-haddad",
  tenancy: { complesso: zaist1, unit: "int. 12", leaseStart: "2024-02-01", sap: true },
  members: [{ person: "p-omar", relation: "intestatario", from: "2024-02-01" }],
  isee: [],
  arrears: [{ date: "2024-06-01", owed: 45000, monthsInArrears: 1, cause: "unknown" }]
})

const asOf = d("2024-06-30")
const context: Eligibility.FromRegistry.Context = {
  asOf,
  persons,
  complessi: Population.abitareLaComunitaComplessi,
  projectComplessi: [sbbl1]
}

describe("FromRegistry: facts from a household, worked out by hand", () => {
  it("SAP access: citizenship, work, Lombardy, ISEE and size; assets, PSE, dwelling stay missing", () => {
    expect(FromRegistry.sapAccess.facts(rossi, context)).toEqual({
      citizenship: "italiana",
      regularWork: false,
      residesOrWorksInLombardy: true,
      isee: 700000,
      householdSize: 2
    })
    const dec = Result.getOrThrow(FromRegistry.evaluate(FromRegistry.sapAccess, rossi, context))
    expect(dec.outcome).toBe("undetermined")
    expect(dec.missing).toEqual(["patrimonio", "pse", "ownsAdequateDwelling"])
  })

  it("indigenza: only the ISEE; € 7.000,00 is above € 3.000,00, so ineligible without the certification", () => {
    expect(FromRegistry.indigenza.facts(rossi, context)).toEqual({ isee: 700000 })
    const dec = Result.getOrThrow(FromRegistry.evaluate(FromRegistry.indigenza, rossi, context))
    expect([dec.outcome, dec.missing]).toEqual(["ineligible", []])
  })

  it("contributo di solidarietà: lease, ISEE, size; the amount (€ 2.700,00 after 39 months) would apply", () => {
    expect(FromRegistry.contributoSolidarieta.facts(rossi, context)).toEqual({
      sapLease: true,
      leaseStart: "2021-03-15",
      isee: 700000,
      householdSize: 2
    })
    const dec = Result.getOrThrow(FromRegistry.evaluate(FromRegistry.contributoSolidarieta, rossi, context))
    expect(dec.outcome).toBe("undetermined")
    expect(dec.missing).toEqual(["rentArea", "patrimonio", "pse", "decadenzaOrder"])
    expect(dec.entitlement).toMatchObject({
      conditional: true,
      amount: 270000,
      missing: ["assignedAsIndigent"]
    })
  })

  it("Inclusione attiva: the intestataria's status and birth date, the household's arrears; pathways unknown", () => {
    expect(FromRegistry.inclusioneAttiva.facts(rossi, context)).toEqual({
      residesInProjectComplex: true,
      labourStatus: "unemployed",
      arrearsAmount: 90000,
      arrearsCause: "incolpevole",
      isee: 700000,
      birthDate: "1979-04-02"
    })
    const dec = Result.getOrThrow(FromRegistry.evaluate(FromRegistry.inclusioneAttiva, rossi, context))
    expect([dec.outcome, dec.missing]).toEqual(["undetermined", ["inActivePathway"]])
    // told there are no pathways, she is in none: eligible
    const none = Result.getOrThrow(
      FromRegistry.evaluate(FromRegistry.inclusioneAttiva, rossi, { ...context, pathways: [] })
    )
    expect(none.outcome).toBe("eligible")
  })

  it("Inclusione attiva for another member: Luca is 13, too young", () => {
    const facts = FromRegistry.inclusioneAttiva.facts(rossi, { ...context, pathways: [], person: luca.id })
    expect(facts).toMatchObject({ birthDate: "2010-11-20", inActivePathway: false })
    expect(facts).not.toHaveProperty("labourStatus") // his history is empty: unknown, not inactive
    const dec = Result.getOrThrow(
      FromRegistry.evaluate(FromRegistry.inclusioneAttiva, rossi, { ...context, pathways: [], person: luca.id })
    )
    expect(dec.outcome).toBe("ineligible")
    expect(dec.explanation.it).toContain("età 13 anni al 30/06/2024, nato il 20/11/2010 (età minima 18 anni)")
  })

  it("morosità contenuta: in the project's complex, SAP, € 900,00 of no-fault arrears: eligible", () => {
    expect(FromRegistry.morositaContenuta.facts(rossi, context)).toEqual({
      residesInProjectComplex: true,
      sapLease: true,
      arrearsAmount: 90000,
      arrearsCause: "incolpevole"
    })
    expect(Result.getOrThrow(FromRegistry.evaluate(FromRegistry.morositaContenuta, rossi, context)).outcome).toBe(
      "eligible"
    )
  })

  it("morosità incolpevole: an SAP lease is excluded, nothing else is asked", () => {
    expect(FromRegistry.morositaIncolpevole.facts(rossi, context)).toEqual({
      isee: 700000,
      residenceStart: "2021-03-15",
      arrearsCause: "incolpevole",
      sapLease: true
    })
    const dec = Result.getOrThrow(FromRegistry.evaluate(FromRegistry.morositaIncolpevole, rossi, context))
    expect([dec.outcome, dec.missing, dec.entitlement]).toEqual(["ineligible", [], undefined])
  })

  it("what the registry cannot tell stays missing: no valid ISEE, a cause not assessed, a permit 'other', another complex", () => {
    expect(FromRegistry.sapAccess.facts(haddad, context)).toEqual({
      citizenship: "extra-ue",
      regularWork: true,
      residesOrWorksInLombardy: true,
      householdSize: 1
    })
    expect(FromRegistry.inclusioneAttiva.facts(haddad, context)).toEqual({
      residesInProjectComplex: false,
      labourStatus: "employed",
      arrearsAmount: 45000,
      birthDate: "1985-01-31"
    })
    const dec = Result.getOrThrow(FromRegistry.evaluate(FromRegistry.sapAccess, haddad, context))
    expect(dec.outcome).toBe("undetermined")
    expect(dec.missing).toEqual(["residencePermit", "isee", "patrimonio", "ownsAdequateDwelling"]) // one person: no PSE
    for (const id of dec.missing) expect(dec.hints.some((h) => h._tag === "Missing" && h.fact === id)).toBe(true)
  })

  it("without the complessi or the project's complessi, residence facts stay missing, never false", () => {
    const bare = { asOf, persons }
    expect(FromRegistry.sapAccess.facts(rossi, bare)).not.toHaveProperty("residesOrWorksInLombardy")
    expect(FromRegistry.morositaContenuta.facts(rossi, bare)).not.toHaveProperty("residesInProjectComplex")
  })

  it("without the person records, person-level facts stay missing", () => {
    const facts = FromRegistry.inclusioneAttiva.facts(rossi, { ...context, persons: [] })
    expect(facts).toEqual({
      residesInProjectComplex: true,
      arrearsAmount: 90000,
      arrearsCause: "incolpevole",
      isee: 700000
    })
  })

  it("on a date before the lease, the household holds no SAP lease yet", () => {
    const before = { ...context, asOf: d("2021-03-14") }
    expect(FromRegistry.contributoSolidarieta.facts(rossi, before)).toEqual({ sapLease: false })
  })

  it("the ISEE and the arrears are those in force on the date", () => {
    const earlier = { ...context, asOf: d("2023-12-01") }
    expect(FromRegistry.inclusioneAttiva.facts(rossi, earlier)).toEqual({
      residesInProjectComplex: true,
      labourStatus: "unemployed",
      arrearsAmount: 30000,
      isee: 650000,
      birthDate: "1979-04-02"
    })
    // before any arrears entry: no arrears
    expect(FromRegistry.morositaContenuta.facts(rossi, { ...context, asOf: d("2022-01-01") })).toMatchObject({
      arrearsAmount: 0
    })
  })

  it("a configured Inclusione attiva is given only the facts it declares", () => {
    const iseeOnly = InclusioneAttiva.make({ fragility: ["isee-below"] })
    const bridge = FromRegistry.inclusioneAttivaFor(iseeOnly)
    expect(bridge.facts(rossi, context)).toEqual({
      residesInProjectComplex: true,
      isee: 700000,
      birthDate: "1979-04-02"
    })
    expect(Result.isSuccess(FromRegistry.evaluate(bridge, rossi, context))).toBe(true)
  })
})

describe("FromRegistry: running pathways", () => {
  const [plan] = fc.sample(PathwayArbitraries.plan, { seed: 42, numRuns: 1 })
  const [entry] = fc.sample(PathwayArbitraries.entryFacts, { seed: 42, numRuns: 1 })
  if (plan === undefined || entry === undefined) throw new Error("no sample")
  const step = (p: Pathway.Pathway, c: Pathway.Command) => Result.getOrThrow(Pathway.transition(p, c))
  const candidate = Pathway.candidate({
    id: Ids.PathwayId.make("pip-anna"),
    person: anna.id,
    household: rossi.id,
    project: Ids.ProjectId.make("abitare-la-comunita"),
    date: d("2023-10-02")
  })
  const assessed = step(candidate, {
    command: "assess",
    date: d("2023-10-10"),
    eligibility: { decisionId: "D-anna-1", outcome: "eligible", asOf: d("2023-10-10") }
  })
  const enrolled = step(assessed, {
    command: "enrol",
    date: d("2023-11-06"),
    ...plan,
    entry: { asOf: d("2023-11-06"), ...entry }
  })
  const active = step(enrolled, { command: "start", date: d("2023-11-20") })
  const completed = step(active, { command: "complete", date: d("2024-05-31") })

  const running = (pathways: ReadonlyArray<Pathway.Pathway>, on: string) =>
    FromRegistry.inclusioneAttiva.facts(rossi, { ...context, asOf: d(on), pathways }).inActivePathway

  it("a pathway enrolled by the date and not left then is running", () => {
    expect(running([active], "2024-06-30")).toBe(true)
    expect(running([enrolled], "2023-11-06")).toBe(true)
    expect(running([completed], "2024-05-30")).toBe(true)
  })

  it("before enrolment, from the day of leaving, or for a prospect, it is not", () => {
    expect(running([active], "2023-11-05")).toBe(false)
    expect(running([completed], "2024-05-31")).toBe(false)
    expect(running([assessed], "2024-06-30")).toBe(false)
  })

  it("someone else's pathway does not count", () => {
    expect(running([{ ...active, person: omar.id }], "2024-06-30")).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// the synthetic population
// ---------------------------------------------------------------------------------------------

describe("FromRegistry: the Abitare la Comunità population", () => {
  const population = Population.abitareLaComunita(2019)
  const byId = Population.personsById(population)
  const base = {
    persons: byId,
    complessi: population.complessi,
    projectComplessi: population.complessi.map((c) => c.id)
  }

  const runAll = (bridge: Eligibility.FromRegistry.Bridge, on: Calendar.CalendarDate) =>
    Effect.runSync(
      Stream.runCollect(
        FromRegistry.evaluateStream(bridge, { ...base, asOf: on })(Stream.fromIterable(population.households))
      )
    )

  it("has one bridge per rule set, in the same order", () => {
    expect(FromRegistry.all.map((b) => b.ruleSet)).toEqual(RuleSets.all)
  })

  for (const on of [population.asOf, d("2024-06-30")])
    for (const bridge of FromRegistry.all)
      it(`${bridge.ruleSet.id} on ${on}: every household gets an answer, none throws; undetermined ones name what is missing`, () => {
        let entries: ReadonlyArray<Eligibility.FromRegistry.Entry> = []
        expect(() => {
          entries = runAll(bridge, on)
        }).not.toThrow()
        expect(entries.length).toBe(population.households.length)
        expect(entries.map((e) => e.household)).toEqual(population.households.map((h) => h.id))
        const inForce = (Eligibility.RuleSet.inForceFrom(bridge.ruleSet) ?? "") <= on
        for (const e of entries) {
          if (!inForce) {
            // the contributo's 2024 terms cannot be applied in 2019: an invalid date, said so
            expect(Result.isFailure(e.result)).toBe(true)
            if (Result.isFailure(e.result)) expect(e.result.failure.problems.map((p) => p.path)).toEqual(["asOf"])
            continue
          }
          if (Result.isFailure(e.result)) throw new Error(`${e.household}: ${e.result.failure.message}`)
          const dec = e.result.success
          if (dec.outcome === "undetermined") {
            expect(dec.missing.length).toBeGreaterThan(0)
            for (const id of dec.missing) {
              expect(e.request.facts).not.toHaveProperty(id)
              const fact = bridge.ruleSet.facts.find((f) => f.id === id)
              expect(dec.explanation.it).toContain(fact?.phrase.it)
            }
          } else expect(dec.missing).toEqual([])
        }
      })

  it("the batch summary counts every household in constant memory", () => {
    const summary = Effect.runSync(
      FromRegistry.summarize(FromRegistry.morositaIncolpevole, { ...base, asOf: d("2024-06-30") })(
        Stream.fromIterable(population.households)
      )
    )
    // every tenant of the population holds an SAP lease: all excluded from the private-market fund
    expect(summary).toEqual({
      total: population.households.length,
      eligible: 0,
      ineligible: population.households.length,
      undetermined: 0,
      invalid: 0,
      missing: {}
    })
  })

  it("in 2019 SAP access is undetermined for every household: assets and dwelling are never in the registry", () => {
    const entries = runAll(FromRegistry.sapAccess, population.asOf)
    const outcomes = entries.map((e) => Result.getOrThrow(e.result))
    for (const dec of outcomes) {
      if (dec.outcome === "undetermined") expect(dec.missing).toContain("ownsAdequateDwelling")
    }
    expect(outcomes.some((dec) => dec.outcome === "undetermined")).toBe(true)
  })
})
