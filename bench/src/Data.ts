/**
 * The synthetic data every workload runs on, seeded, so that ours and the baseline read the
 * very same objects and two runs read the same data.
 *
 * - **Households and persons** come from `@quartieri/testing`'s `Population.generate`: the
 *   marginals of "Abitare la Comunità" (380 households, 800 persons, 143 known to the social
 *   services and their split) scaled to N households, over Lombard complessi of 100 units in
 *   Cremona. Generating a population costs about 60 µs a household, so at most
 *   {@link maxGenerated} households are generated; larger N **tile** that base (copy k of a
 *   record gets the suffix `:k` on its ids), and every copy draws its own values where the
 *   bench adds any (below).
 * - **Eligibility requests** are what `FromRegistry` bridges give for each household, plus the
 *   facts a registry cannot tell (assets, PSE, dwelling owned, years in Lombardy, a running
 *   pathway) drawn from a seeded generator, each left missing with some probability — so every
 *   outcome and the three-valued logic are exercised.
 * - **Participants** (ESF micro-records) are derived from the persons: entry in 2021-2024 in one
 *   of three operations, characteristics at entry from the person record, leaving, status upon
 *   leaving and six-month follow-up drawn (some outside their window), 4 % re-entries (the
 *   same person and operation twice), 3 % with a characteristic dropped (incomplete).
 *
 * @since 0.1.0
 */
import {
  Calendar,
  Eligibility,
  type Household,
  Ids,
  IstatComune,
  LabourMarketStatus,
  type Person,
  type Reporting,
  type Site
} from "@quartieri/core"
import { Population, Random } from "@quartieri/testing"

/** The date of the population (its marginals hold on it). */
export const populationDate = Calendar.unsafeMake("2019-04-01")

/** The date eligibility is evaluated on: the 2019 ISEE attestations are valid then. */
export const evaluationDate = Calendar.unsafeMake("2019-06-30")

/** The largest population generated; larger N tile it. */
export const maxGenerated = 100_000

/**
 * The seeded generator of `@quartieri/testing` (mulberry32, the one `Population` uses).
 *
 * @since 0.1.0
 * @category utils
 */
export const prng = Random.make

const cremona = IstatComune.knownComuni["019036"].istat

/** Scales the Abitare la Comunità figures (380 / 800 / 143: 19, 18, 57, 48, 1) to `households`. */
const targetsFor = (households: number): Population.Targets => {
  const share = (n: number, of: number) => Math.round((n * households) / of)
  const known = share(143, 380)
  const disability = share(19, 380)
  const elderly = share(18, 380)
  const minors = share(57, 380)
  const undetermined = Math.max(known > 0 ? 1 : 0, share(1, 380))
  return {
    asOf: populationDate,
    households,
    persons: share(800, 380),
    knownToSocialServices: known,
    known: {
      disability,
      elderly,
      minors,
      undetermined,
      adultsOnly: known - disability - elderly - minors - undetermined
    }
  }
}

const cache = new Map<string, Population.Population>()

/**
 * A generated population of `households` households (at most {@link maxGenerated}), seeded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const population = (households: number, seed = 2019): Population.Population => {
  const key = `${households}/${seed}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  if (households > maxGenerated) throw new RangeError(`generate at most ${maxGenerated} households, then tile`)
  const quartieri: ReadonlyArray<Site.Quartiere> = Population.abitareLaComunitaQuartieri
  const complessi: ReadonlyArray<Site.Complesso> = Array.from({ length: Math.ceil(households / 100) }, (_, i) => ({
    id: Ids.SiteId.make(`cr-bench-${i}`),
    quartiere: (quartieri[i % quartieri.length] as Site.Quartiere).id,
    address: `via Esempio ${i + 1}, Cremona`,
    comune: cremona,
    owner: Ids.OrganisationId.make("aler-cremona"),
    housingUnits: 100
  }))
  const generated = Population.generate(seed, quartieri, complessi, targetsFor(households))
  cache.set(key, generated)
  return generated
}

// ---------------------------------------------------------------------------------------------
// eligibility requests
// ---------------------------------------------------------------------------------------------

/** The requests of one rule set for N households. */
export interface Requests {
  readonly sap: ReadonlyArray<Eligibility.Engine.Request>
  readonly inclusione: ReadonlyArray<Eligibility.Engine.Request>
}

const maybe = <A>(r: ReturnType<typeof prng>, p: number, value: () => A): A | undefined =>
  r.chance(p) ? value() : undefined

const defined = (facts: Record<string, unknown>): Eligibility.Fact.Input =>
  Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined))

/**
 * The SAP access and Inclusione attiva requests of `n` households: the bridge's facts of each
 * household of the base population (tiled past {@link maxGenerated}), with the facts the
 * registry does not hold drawn from the seed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const requests = (n: number, seed = 9): Requests => {
  const base = population(Math.min(n, maxGenerated))
  const persons = Population.personsById(base)
  const half = base.complessi.slice(0, Math.ceil(base.complessi.length / 2)).map((c) => c.id)
  const context: Eligibility.FromRegistry.Context = {
    asOf: evaluationDate,
    persons,
    complessi: base.complessi,
    projectComplessi: half,
    pathways: []
  }
  const bridgedSap = base.households.map((h) => Eligibility.FromRegistry.sapAccess.facts(h, context))
  const bridgedIa = base.households.map((h) => Eligibility.FromRegistry.inclusioneAttiva.facts(h, context))
  const r = prng(seed)
  const sap: Array<Eligibility.Engine.Request> = []
  const inclusione: Array<Eligibility.Engine.Request> = []
  for (let i = 0; i < n; i++) {
    const j = i % base.households.length
    const size = (bridgedSap[j] as Eligibility.Fact.Input).householdSize
    sap.push({
      asOf: evaluationDate,
      facts: defined({
        ...bridgedSap[j],
        yearsInLombardy: maybe(r, 0.7, () => r.int(0, 40)),
        patrimonio: maybe(r, 0.8, () => (r.chance(0.8) ? r.int(0, 2_500_000) : r.int(2_500_001, 9_000_000))),
        pse: maybe(r, 0.75, () => {
          const thousandths = 1000 + (typeof size === "number" ? (size - 1) * 570 : r.int(0, 2000)) + r.int(0, 300)
          return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, "0")}`
        }),
        ownsAdequateDwelling: maybe(r, 0.85, () => r.chance(0.08))
      })
    })
    inclusione.push({
      asOf: evaluationDate,
      facts: defined({ ...bridgedIa[j], inActivePathway: maybe(r, 0.9, () => r.chance(0.1)) })
    })
  }
  return { sap, inclusione }
}

// ---------------------------------------------------------------------------------------------
// participants
// ---------------------------------------------------------------------------------------------

const operations = [
  Ids.ProjectId.make("E41J17000190009"),
  Ids.ProjectId.make("E11B18000340007"),
  Ids.ProjectId.make("E91H18000080009")
]

/** Entries from 2021-01-01 (ESF+) over four years. */
const entryStart = Calendar.unsafeMake("2021-01-01")

/**
 * The reporting period of the participant workloads: entries in 2021-2023, results recorded by
 * 2023-12-31 (later entries are outside the period, later records after closing).
 *
 * @since 0.1.0
 * @category constructors
 */
export const reportingPeriod: Calendar.Period = {
  start: Calendar.unsafeMake("2021-01-01"),
  end: Calendar.unsafeMake("2023-12-31")
}

const adults = (persons: ReadonlyArray<Person.Person>): ReadonlyArray<Person.Person> =>
  persons.filter((p) => Calendar.ageAt(p.birthDate, populationDate) >= 15)

/** The participant records of one person (one, or two for a re-entry). */
const recordsOf = (
  r: ReturnType<typeof prng>,
  p: Person.Person,
  copy: number,
  serial: () => string
): ReadonlyArray<Reporting.Participant.Participant> => {
  const operation = r.pick(operations)
  const person = Ids.PersonId.make(copy === 0 ? p.id : `${p.id}:${copy}`)
  const one = (entryDate: Calendar.CalendarDate): Reporting.Participant.Participant => {
    const status = LabourMarketStatus.statusAt(p.labourMarket, entryDate) ?? "inactive-not-in-education-or-training"
    const leaves = r.chance(0.7)
    const leftOn = leaves ? Calendar.addDays(entryDate, r.int(20, 500)) : undefined
    const record: Record<string, unknown> = {
      id: Ids.PathwayId.make(serial()),
      person,
      operation,
      action: r.chance(0.7) ? "9.1.3" : "9.4.2",
      entryDate,
      sex: p.sex,
      ageAtEntry: Calendar.ageAt(p.birthDate, entryDate),
      labourMarketStatus: status,
      ...(status === "unemployed" ? { longTermUnemployed: r.chance(0.45) } : {}),
      isced: p.isced ?? 2,
      thirdCountryNational: p.citizenship.kind === "non-EU",
      homelessOrHousingExclusion: r.chance(0.03),
      rural: false,
      disability: p.specialCategory.disability,
      foreignBackground: p.specialCategory.foreignBackground,
      minority: p.specialCategory.minority,
      ...(r.chance(0.2) ? { otherDisadvantaged: r.chance(0.5) ? "yes" : "no" } : {})
    }
    if (leftOn !== undefined) {
      record.leftOn = leftOn
      if (r.chance(0.85))
        record.leaving = {
          recordedOn: Calendar.addDays(leftOn, r.int(0, 40)),
          status: {
            jobSearching: r.chance(0.4),
            inEducationOrTraining: r.chance(0.2),
            gainedQualification: r.chance(0.3),
            inEmployment: r.chance(0.25)
          }
        }
      if (r.chance(0.6))
        record.followUp = {
          recordedOn: Calendar.addDays(leftOn, r.int(150, 260)),
          situation: { employed: r.chance(0.3), selfEmployed: r.chance(0.05), improvedSituation: r.chance(0.4) }
        }
    }
    if (r.chance(0.03)) delete record[r.pick(["sex", "ageAtEntry", "isced", "thirdCountryNational", "rural"])]
    return record as unknown as Reporting.Participant.Participant
  }
  const first = one(Calendar.addDays(entryStart, r.int(0, 4 * 365)))
  return r.chance(0.04) ? [first, one(Calendar.addDays(entryStart, r.int(0, 4 * 365)))] : [first]
}

/**
 * `n` participant records derived from the persons of the base population (aged 15 or more),
 * tiled past it, seeded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const participants = (n: number, seed = 21): ReadonlyArray<Reporting.Participant.Participant> => {
  const base = adults(population(Math.min(maxGenerated, Math.max(1_000, Math.ceil(n / 1.5)))).persons)
  const r = prng(seed)
  const out: Array<Reporting.Participant.Participant> = []
  let k = 0
  const serial = () => `w-${(++k).toString(36)}`
  for (let i = 0; out.length < n; i++) {
    for (const record of recordsOf(r, base[i % base.length] as Person.Person, Math.floor(i / base.length), serial)) {
      if (out.length < n) out.push(record)
    }
  }
  return out
}

/**
 * The households of the base population with the persons who are members of them, for the
 * storage workloads (`n` at most {@link maxGenerated}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const registry = (
  n: number
): { readonly households: ReadonlyArray<Household.Household>; readonly persons: ReadonlyArray<Person.Person> } => {
  const base = population(n)
  return { households: base.households, persons: base.persons }
}
