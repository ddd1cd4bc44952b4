/**
 * Seeded synthetic populations of ERP complexes: households and persons that decode with the
 * core Schemas and reproduce given marginals exactly, for tests, demos and benchmarks. The
 * same seed always gives the same population; no real person is in it (the names behind the
 * codici fiscali are made up — `Anna Fittizio`, `Luca Esempio` — and never stored).
 *
 * {@link abitareLaComunita} rebuilds the tenants of the "Abitare la Comunità" project
 * (Cremona, quartieri San Bernardo-Borgo Loreto and Zaist, started 1 April 2019) from the
 * figures its page publishes. How those figures are read is documented on
 * {@link abitareLaComunitaFigures}: the literal reading is impossible, see there.
 *
 * @since 0.1.0
 */
import {
  Calendar,
  CodiceFiscale,
  type Household,
  Ids,
  type Isced,
  IstatComune,
  type LabourMarketStatus,
  Money,
  type Person,
  Site,
  SpecialCategory
} from "@quartieri/core"
import * as Rng from "./Random.js"

// ---------------------------------------------------------------------------------------------
// seeded randomness
// ---------------------------------------------------------------------------------------------

// mulberry32, shared with the demo and the benchmark (Random.ts)
const prng = Rng.make
type Random = Rng.Random

const cents = (n: number) => Money.NonNegativeCents.make(n)

// ---------------------------------------------------------------------------------------------
// targets
// ---------------------------------------------------------------------------------------------

/**
 * How the households known to the social services split, as a partition: `disability` have
 * a member who answered "yes" to the disability question; among the others (every member
 * answered), `elderly` have a member 65+ and no minor, `minors` have a minor and no member
 * 65+, `adultsOnly` are made only of persons aged 18–64; `undetermined` have a member who
 * refused the disability question (and no "yes"), so they cannot be placed.
 *
 * @since 0.1.0
 * @category models
 */
export interface KnownSplit {
  readonly disability: number
  readonly elderly: number
  readonly minors: number
  readonly adultsOnly: number
  readonly undetermined: number
}

/**
 * The marginals a population reproduces exactly on `asOf`: households, resident persons,
 * households known to the social services and their split. Only the households known to
 * the social services have a member with disability.
 *
 * @since 0.1.0
 * @category models
 */
export interface Targets {
  readonly asOf: Calendar.CalendarDate
  readonly households: number
  /** Residents on `asOf` (persons who left earlier have records too, and are not counted). */
  readonly persons: number
  readonly knownToSocialServices: number
  readonly known: KnownSplit
}

/**
 * A generated population: the sites, the households and every person record (residents on
 * `asOf`, and the few former members who moved out before).
 *
 * @since 0.1.0
 * @category models
 */
export interface Population {
  readonly asOf: Calendar.CalendarDate
  readonly quartieri: ReadonlyArray<Site.Quartiere>
  readonly complessi: ReadonlyArray<Site.Complesso>
  readonly households: ReadonlyArray<Household.Household>
  readonly persons: ReadonlyArray<Person.Person>
}

// ---------------------------------------------------------------------------------------------
// household plans
// ---------------------------------------------------------------------------------------------

type Group = "disability" | "elderly" | "minors" | "adultsOnly" | "undetermined" | "notKnown"

/** Size bounds per group (minimum, maximum). */
const SIZE: Record<Group, readonly [number, number]> = {
  disability: [1, 4],
  elderly: [1, 3],
  minors: [2, 6],
  adultsOnly: [1, 4],
  undetermined: [1, 3],
  notKnown: [1, 6]
}
/** Size drawn before the total is adjusted: weights for sizes min..max. */
const SIZE_WEIGHTS: Record<Group, ReadonlyArray<number>> = {
  disability: [5, 6, 3, 1],
  elderly: [10, 7, 1],
  minors: [3, 5, 4, 2, 1],
  adultsOnly: [10, 6, 2, 1],
  undetermined: [1, 1, 1],
  notKnown: [9, 7, 3, 2, 1, 1]
}

interface MemberPlan {
  readonly age: number
  readonly relation: Household.Relation
  readonly sex: CodiceFiscale.Sex
  readonly disability: SpecialCategory.TriState
  /** Joined after the lease started (a partner, a newborn): set when building. */
  readonly joinedLater: boolean
}

const otherSex = (s: CodiceFiscale.Sex): CodiceFiscale.Sex => (s === "F" ? "M" : "F")

/**
 * The members of a household of `group` and `size`, ages on `asOf`. Invariants by group:
 * elderly → a member 65+, no minor; minors → a minor, no member 65+; adultsOnly and
 * undetermined → all 18–64; disability → exactly one "yes". Only notKnown and undetermined
 * households have refusals, and only disability households have a "yes".
 */
const planMembers = (r: Random, group: Group, size: number): ReadonlyArray<MemberPlan> => {
  const head = r.pick(["F", "M"] as const)
  const m = (
    age: number,
    relation: Household.Relation,
    sex: CodiceFiscale.Sex,
    disability: SpecialCategory.TriState = "no",
    joinedLater = false
  ): MemberPlan => ({
    age,
    relation,
    sex,
    disability,
    joinedLater
  })
  const answer = (): SpecialCategory.TriState => (group === "notKnown" && r.chance(0.12) ? "refused" : "no")
  const children = (n: number, maxAge: number) =>
    Array.from({ length: n }, () => m(r.int(0, maxAge), "figlio", r.pick(["F", "M"] as const), answer()))
  switch (group) {
    case "elderly": {
      const age = r.int(65, 94)
      const adultChild = () =>
        m(r.int(Math.max(18, age - 45), Math.min(64, age - 20)), "figlio", r.pick(["F", "M"] as const))
      if (size === 1) return [m(age, "intestatario", head)]
      const second =
        size === 3 || r.chance(0.7)
          ? m(r.int(Math.max(65, age - 8), Math.min(96, age + 5)), "coniuge-partner", otherSex(head))
          : adultChild()
      return size === 2 ? [m(age, "intestatario", head), second] : [m(age, "intestatario", head), second, adultChild()]
    }
    case "minors": {
      const adults = size >= 3 && r.chance(0.65) ? 2 : 1
      const kids = children(size - adults, 17)
      const oldest = Math.max(...kids.map((k) => k.age))
      const parentAge = r.int(Math.max(20, oldest + 18), Math.max(Math.max(20, oldest + 18), Math.min(64, oldest + 42)))
      const parents = [m(parentAge, "intestatario", head)]
      if (adults === 2)
        parents.push(m(r.int(Math.max(oldest + 18, 20), 64), "coniuge-partner", otherSex(head), "no", r.chance(0.2)))
      return [...parents, ...kids.map((k) => (r.chance(0.5) && k.age < 5 ? { ...k, joinedLater: true } : k))]
    }
    case "adultsOnly":
    case "undetermined": {
      const refusing = group === "undetermined" ? r.int(0, size - 1) : -1
      const age = r.int(22, 64)
      const out = [m(age, "intestatario", head, refusing === 0 ? "refused" : "no")]
      for (let i = 1; i < size; i++) {
        const d: SpecialCategory.TriState = refusing === i ? "refused" : "no"
        out.push(
          i === 1 && r.chance(0.6)
            ? m(
                r.int(Math.max(18, age - 10), Math.min(64, age + 10)),
                "coniuge-partner",
                otherSex(head),
                d,
                r.chance(0.25)
              )
            : age >= 40 && r.chance(0.7)
              ? m(r.int(18, Math.min(age - 18, 40)), "figlio", r.pick(["F", "M"] as const), d)
              : m(r.int(18, 64), r.pick(["altro-parente", "altro"] as const), r.pick(["F", "M"] as const), d)
        )
      }
      return out
    }
    case "disability": {
      // The disabled member: an adult living alone or with a parent or partner, or a child
      // with parents. Other members answered "no".
      if (size === 1) return [m(r.int(25, 64), "intestatario", head, "yes")]
      if (size === 2 && r.chance(0.5)) {
        const childAge = r.int(25, 55)
        return [
          m(childAge + r.int(22, 35), "intestatario", head),
          m(childAge, "figlio", r.pick(["F", "M"] as const), "yes")
        ]
      }
      if (size === 2) {
        const age = r.int(30, 64)
        return [
          m(age, "intestatario", head, "yes"),
          m(r.int(Math.max(18, age - 8), Math.min(64, age + 8)), "coniuge-partner", otherSex(head))
        ]
      }
      const kids = children(size - 2, 17).map((k, i) =>
        i === 0 ? { ...k, disability: "yes" as const } : { ...k, disability: "no" as const }
      )
      const oldest = Math.max(...kids.map((k) => k.age))
      const parentAge = () => r.int(Math.max(25, oldest + 18), Math.min(64, oldest + 45))
      return [m(parentAge(), "intestatario", head), m(parentAge(), "coniuge-partner", otherSex(head)), ...kids]
    }
    case "notKnown": {
      const kind =
        size === 1
          ? r.weighted([
              ["elderly", 6],
              ["adults", 4]
            ] as const)
          : r.weighted([
              ["elderly", 3],
              ["family", 5],
              ["adults", 3],
              ["three-generations", size >= 3 ? 1 : 0]
            ] as const)
      if (kind === "elderly" && size <= 3)
        return planMembers(r, "elderly", size).map((p) => ({ ...p, disability: answer() }))
      if (kind === "family" || kind === "elderly")
        return planMembers(r, "minors", Math.max(2, size)).map((p) => ({ ...p, disability: answer() }))
      if (kind === "adults") return planMembers(r, "adultsOnly", size).map((p) => ({ ...p, disability: answer() }))
      const family = planMembers(r, "minors", size - 1).map((p) => ({ ...p, disability: answer() }))
      const parentOfHead = Math.min(100, Math.max(65, (family[0] as MemberPlan).age + r.int(20, 35)))
      return [...family, m(parentOfHead, "genitore", r.pick(["F", "M"] as const), answer())]
    }
  }
}

// ---------------------------------------------------------------------------------------------
// building records
// ---------------------------------------------------------------------------------------------

const SURNAMES = [
  "Fittizio",
  "Esempio",
  "Prova",
  "Campione",
  "Inventato",
  "Finto",
  "Modello",
  "Simulato",
  "Immaginario",
  "Ipotetico",
  "Sintetico",
  "Provvisorio"
]
const NAMES: Record<CodiceFiscale.Sex, ReadonlyArray<string>> = {
  F: ["Anna", "Giulia", "Sara", "Marta", "Elena", "Chiara", "Paola", "Rosa", "Fatima", "Ioana"],
  M: ["Luca", "Marco", "Paolo", "Andrea", "Giorgio", "Franco", "Mario", "Youssef", "Andrei", "Ardit"]
}
// Places of birth (Belfiore): Cremona, Crema, Milano; abroad Romania (Z129), Albania (Z100),
// Marocco (Z330) — foreign-state codes from memory, used only to build synthetic codes.
const ITALIAN_BIRTHPLACES = ["D150", "D150", "D150", "D142", "F205"] as const
const FOREIGN_BIRTHPLACE = { EU: "Z129", "non-EU": ["Z100", "Z330"] } as const

/** A birth date that makes the person exactly `age` on `asOf`. */
const birthDateFor = (r: Random, asOf: Calendar.CalendarDate, age: number): Calendar.CalendarDate => {
  const earliestExcluded = Calendar.addMonths(asOf, -12 * (age + 1)) // one day too early
  const latest = Calendar.addMonths(asOf, -12 * age)
  return Calendar.addDays(earliestExcluded, r.int(1, Calendar.daysBetween(earliestExcluded, latest)))
}

const randomDateBetween = (r: Random, from: Calendar.CalendarDate, to: Calendar.CalendarDate): Calendar.CalendarDate =>
  to <= from ? from : Calendar.addDays(from, r.int(0, Calendar.daysBetween(from, to)))

const iscedFor = (r: Random, age: number): Isced.Level | undefined => {
  if (age < 6) return undefined
  if (age < 11) return 0
  if (age < 14) return 1
  if (age < 19) return 2
  if (age >= 65)
    return r.weighted([
      [0, 1],
      [1, 5],
      [2, 4],
      [3, 2],
      [6, 1]
    ] as const)
  return r.weighted([
    [1, 2],
    [2, 6],
    [3, 6],
    [4, 1],
    [6, 2],
    [7, 1]
  ] as const)
}

const labourFor = (
  r: Random,
  birth: Calendar.CalendarDate,
  age: number,
  asOf: Calendar.CalendarDate
): LabourMarketStatus.History => {
  if (age < 6) return []
  if (age < 18) return [{ status: "inactive-in-education-or-training", from: Calendar.addMonths(birth, 12 * 6) }]
  const adulthood = Calendar.addMonths(birth, 12 * 18)
  if (age >= 65)
    return [
      {
        status: "inactive-not-in-education-or-training",
        from: Calendar.addMonths(birth, 12 * Math.min(age, r.int(60, 67)))
      }
    ]
  const current = r.weighted([
    ["employed", 4],
    ["self-employed", 1],
    ["unemployed", 4],
    ["inactive-not-in-education-or-training", 2],
    ["inactive-in-education-or-training", age < 26 ? 2 : 0]
  ] as const)
  const since = randomDateBetween(r, adulthood, Calendar.addDays(asOf, -1))
  if (since > adulthood && r.chance(0.5)) {
    const before = r.pick(["employed", "inactive-in-education-or-training"] as const)
    return [
      { status: before, from: adulthood, to: Calendar.addDays(since, -1) },
      { status: current, from: since }
    ]
  }
  return [{ status: current, from: since }]
}

type CitizenshipClass = "IT" | "EU" | "non-EU"

const citizenshipOf = (r: Random, cls: CitizenshipClass): Person.Citizenship =>
  cls === "non-EU"
    ? {
        kind: "non-EU",
        permit: r.weighted([
          ["eu-long-term", 3],
          ["at-least-2-years", 2]
        ] as const)
      }
    : { kind: cls }

// ---------------------------------------------------------------------------------------------
// generate
// ---------------------------------------------------------------------------------------------

const check = (ok: boolean, message: string) => {
  if (!ok) throw new RangeError(`Population.generate: ${message}`)
}

/**
 * Builds a population of `targets.households` households over `complessi` (filled in
 * proportion to their housing units), reproducing the targets exactly on `targets.asOf`
 * whatever the seed; the seed changes ages, sizes, dates, amounts and codes. Throws a
 * `RangeError` when the targets cannot be met (more households than units, a split that does
 * not add up, a person total outside what the group sizes allow): targets are written in
 * code, not read from users.
 *
 * @since 0.1.0
 * @category constructors
 */
export const generate = (
  seed: number,
  quartieri: ReadonlyArray<Site.Quartiere>,
  complessi: ReadonlyArray<Site.Complesso>,
  targets: Targets
): Population => {
  const r = prng(seed)
  const { asOf, known } = targets
  const split = known.disability + known.elderly + known.minors + known.adultsOnly + known.undetermined
  check(
    split === targets.knownToSocialServices,
    `the split of the known households sums to ${split}, not ${targets.knownToSocialServices}`
  )
  check(targets.knownToSocialServices <= targets.households, "more households known to social services than households")
  const units = complessi.reduce((s, c) => s + c.housingUnits, 0)
  check(targets.households <= units, `${targets.households} households do not fit in ${units} housing units`)

  // 1. groups and sizes, then sizes adjusted to the exact person total
  const groups: Array<Group> = r.shuffle([
    ...Array<Group>(known.disability).fill("disability"),
    ...Array<Group>(known.elderly).fill("elderly"),
    ...Array<Group>(known.minors).fill("minors"),
    ...Array<Group>(known.adultsOnly).fill("adultsOnly"),
    ...Array<Group>(known.undetermined).fill("undetermined"),
    ...Array<Group>(targets.households - targets.knownToSocialServices).fill("notKnown")
  ])
  const sizes = groups.map((g) => SIZE[g][0] + r.weighted(SIZE_WEIGHTS[g].map((w, i) => [i, w] as const)))
  const min = groups.reduce((s, g) => s + SIZE[g][0], 0)
  const max = groups.reduce((s, g) => s + SIZE[g][1], 0)
  check(
    min <= targets.persons && targets.persons <= max,
    `${targets.persons} persons is outside ${min}–${max} for these households`
  )
  let total = sizes.reduce((a, b) => a + b, 0)
  while (total !== targets.persons) {
    const i = r.int(0, sizes.length - 1)
    const [lo, hi] = SIZE[groups[i] as Group]
    const s = sizes[i] as number
    if (total < targets.persons && s < hi) {
      sizes[i] = s + 1
      total++
    } else if (total > targets.persons && s > lo) {
      sizes[i] = s - 1
      total--
    }
  }

  // 2. units: complessi filled in proportion to their units, unit labels unique per complesso
  const slots = complessi.flatMap((c) =>
    Array.from({ length: c.housingUnits }, (_, u) => ({
      complesso: c.id,
      unit: `${String.fromCharCode(65 + Math.floor(u / 20))}-${(u % 20) + 1}`
    }))
  )
  const chosenSlots = r.shuffle(slots).slice(0, targets.households)

  // 3. records
  const persons: Array<Person.Person> = []
  const households: Array<Household.Household> = []
  const codes = new Set<string>()
  let personNo = 0

  const makePerson = (
    plan: { age: number; sex: CodiceFiscale.Sex; disability: SpecialCategory.TriState },
    surname: string,
    cls: CitizenshipClass,
    bornAbroad: boolean
  ): Person.Person => {
    personNo++
    const birthDate = birthDateFor(r, asOf, plan.age)
    const belfiore = bornAbroad
      ? cls === "EU"
        ? FOREIGN_BIRTHPLACE.EU
        : r.pick(FOREIGN_BIRTHPLACE["non-EU"])
      : r.pick(ITALIAN_BIRTHPLACES)
    let code = CodiceFiscale.encode({
      surname,
      name: r.pick(NAMES[plan.sex]),
      birthDate,
      sex: plan.sex,
      belfiore: belfiore as CodiceFiscale.PersonData["belfiore"]
    })
    if (codes.has(code)) code = CodiceFiscale.omocodeVariants(code).find((v) => !codes.has(v)) ?? code // omocodia, as the Agenzia would
    codes.add(code)
    const refused = plan.disability === "refused"
    const specialCategory: SpecialCategory.Attributes = refused
      ? SpecialCategory.refusedAll(asOf, "monitoraggio FSE e gestione sociale", `modulo-${personNo}`)
      : {
          disability: plan.disability,
          foreignBackground: cls === "IT" && !bornAbroad ? "no" : "yes",
          minority: r.chance(0.95) ? "no" : "refused",
          consent: {
            given: true,
            date: asOf,
            purpose: "monitoraggio FSE e gestione sociale",
            evidence: `modulo-${personNo}`
          }
        }
    const isced = iscedFor(r, plan.age)
    const base = {
      id: Ids.PersonId.make(`p-${String(personNo).padStart(4, "0")}`),
      recordedOn: asOf,
      birthDate,
      sex: plan.sex,
      citizenship: citizenshipOf(r, cls),
      labourMarket: labourFor(r, birthDate, plan.age, asOf),
      specialCategory,
      homelessOrHousingExclusion: false,
      rural: false
    }
    const withCode = r.chance(0.97) ? { ...base, codiceFiscale: code } : base
    const person: Person.Person = isced === undefined ? withCode : { ...withCode, isced }
    persons.push(person)
    return person
  }

  groups.forEach((group, h) => {
    const plans = planMembers(r, group, sizes[h] as number)
    const surname = r.pick(SURNAMES)
    const cls: CitizenshipClass = r.weighted([
      ["IT", 80],
      ["EU", 5],
      ["non-EU", 15]
    ] as const)
    const residents = plans.map((plan) => ({
      plan,
      person: makePerson(
        plan,
        plan.relation === "coniuge-partner" ? r.pick(SURNAMES) : surname,
        cls,
        cls !== "IT" && (plan.age >= 18 || r.chance(0.3))
      )
    }))
    const head = (residents[0] as { person: Person.Person }).person
    // the lease was signed by the intestatario as an adult, after 1990, at least two months ago
    const leaseStart = randomDateBetween(
      r,
      Calendar.max(Calendar.unsafeMake("1990-01-01"), Calendar.addMonths(head.birthDate, 12 * 19)),
      Calendar.addDays(asOf, -60)
    )
    const members: Array<Household.Membership> = residents.map(({ person, plan }) => {
      const earliest = Calendar.max(leaseStart, person.birthDate)
      return {
        person: person.id,
        relation: plan.relation,
        from: plan.joinedLater ? randomDateBetween(r, earliest, asOf) : earliest
      }
    })
    // A former member: an adult child who moved out before asOf (valid time in the data).
    if (r.chance(0.05)) {
      const p = makePerson(
        { age: r.int(22, 40), sex: r.pick(["F", "M"] as const), disability: "no" },
        surname,
        cls,
        false
      )
      const from = Calendar.max(leaseStart, p.birthDate)
      const adult = Calendar.max(from, Calendar.addMonths(p.birthDate, 12 * 18))
      if (adult < asOf)
        members.push({
          person: p.id,
          relation: "figlio",
          from,
          to: randomDateBetween(r, adult, Calendar.addDays(asOf, -1))
        })
      else persons.pop()
    }
    const slot = chosenSlots[h] as { complesso: Ids.SiteId; unit: string }
    const isee: Array<Household.Isee> = []
    if (r.chance(0.9)) {
      // ISEE values mostly within the SAP access ceiling (EUR 16,000); a 2019 DSU valid until
      // 15 January 2020 and an older 2018 one, as attestations of the time were printed.
      const value = r.chance(0.85) ? r.int(0, 1_600_000) : r.int(1_600_001, 3_500_000)
      isee.push({
        value: cents(value),
        dsuDate: randomDateBetween(r, Calendar.unsafeMake("2019-01-02"), Calendar.addDays(asOf, -1)),
        validUntil: Calendar.unsafeMake("2020-01-15")
      })
      if (r.chance(0.6))
        isee.push({
          value: cents(Math.max(0, value + r.int(-200_000, 200_000))),
          dsuDate: randomDateBetween(r, Calendar.unsafeMake("2018-01-02"), Calendar.unsafeMake("2018-06-30")),
          validUntil: Calendar.unsafeMake("2019-01-15")
        })
    }
    const arrears: Array<Household.ArrearsEntry> = []
    if (r.chance(group === "notKnown" ? 0.12 : 0.35)) {
      const rent = r.int(60, 300) * 100
      const monthsInArrears = r.int(1, 14)
      const owed = cents(rent * monthsInArrears)
      const date = randomDateBetween(r, Calendar.unsafeMake("2018-06-01"), Calendar.addDays(asOf, -1))
      const cause = r.weighted([
        ["incolpevole", 5],
        ["colpevole", 2],
        ["unknown", 3]
      ] as const)
      arrears.push(
        r.chance(0.4)
          ? {
              date,
              owed,
              monthsInArrears,
              cause,
              repaymentPlan: {
                signedOn: randomDateBetween(r, Calendar.addDays(date, -90), date),
                instalments: r.int(6, 36),
                amount: owed
              }
            }
          : { date, owed, monthsInArrears, cause }
      )
    }
    const knownSince = randomDateBetween(r, Calendar.unsafeMake("2010-01-01"), Calendar.addDays(asOf, -1))
    const closedCase = group === "notKnown" && r.chance(0.04)
    const socialServices: Household.SocialServices | undefined =
      group !== "notKnown"
        ? { since: knownSince }
        : closedCase
          ? {
              since: Calendar.min(knownSince, Calendar.unsafeMake("2016-01-01")),
              until: randomDateBetween(r, Calendar.unsafeMake("2016-01-02"), Calendar.addDays(asOf, -1))
            }
          : undefined
    const household: Household.Household = {
      id: Ids.HouseholdId.make(`h-${String(h + 1).padStart(4, "0")}`),
      tenancy: { complesso: slot.complesso, unit: slot.unit, leaseStart, sap: true },
      members,
      isee,
      arrears
    }
    households.push(socialServices === undefined ? household : { ...household, socialServices })
  })

  return { asOf, quartieri, complessi, households, persons }
}

// ---------------------------------------------------------------------------------------------
// Abitare la Comunità (Cremona, 2019-2020)
// ---------------------------------------------------------------------------------------------

const cremona = IstatComune.knownComuni["019036"].istat

/**
 * The two quartieri of the project, as its page names them (seed 001).
 *
 * @since 0.1.0
 * @category constructors
 */
export const abitareLaComunitaQuartieri: ReadonlyArray<Site.Quartiere> = [
  { id: Site.QuartiereId.make("cr-san-bernardo-borgo-loreto"), name: "San Bernardo-Borgo Loreto", comune: cremona },
  { id: Site.QuartiereId.make("cr-zaist"), name: "Zaist", comune: cremona }
]

/**
 * Synthetic complessi for the two quartieri: the page gives neither addresses nor unit counts,
 * so these (420 units, owner ALER) are invented; only the quartieri and the owner are the
 * seed's.
 *
 * @since 0.1.0
 * @category constructors
 */
export const abitareLaComunitaComplessi: ReadonlyArray<Site.Complesso> = [
  ["cr-sbbl-1", 0, "via Esempio 1, Cremona", 90],
  ["cr-sbbl-2", 0, "via Esempio 15, Cremona", 70],
  ["cr-sbbl-3", 0, "piazza Fittizia 3, Cremona", 60],
  ["cr-zaist-1", 1, "via Campione 2, Cremona", 80],
  ["cr-zaist-2", 1, "via Campione 20, Cremona", 70],
  ["cr-zaist-3", 1, "via Prova 7, Cremona", 50]
].map(([id, q, address, units]) => ({
  id: Ids.SiteId.make(id as string),
  quartiere: (abitareLaComunitaQuartieri[q as number] as Site.Quartiere).id,
  address: address as string,
  comune: cremona,
  owner: Ids.OrganisationId.make("aler-cremona"),
  housingUnits: units as number
}))

/**
 * The figures of "Abitare la Comunità" (seed 001) and how they are read.
 *
 * Published: 380 households, "circa 800" persons; "Di questi 143 (37%) sono conosciuti dal
 * Servizio Sociale Territoriale…; 18 nuclei hanno al proprio interno persone anziane, 19
 * nuclei persone con … disabilità; 57 famiglie hanno … minori mentre 48 sono composte solo da
 * persone con età compresa fra i 18 e i 64 anni". The reading:
 *
 * - **The literal reading is impossible.** Every household whose ages are known has a
 *   minor, or a member 65+, or only members aged 18–64 (if it has no minor and no one 65+,
 *   everyone is 18–64). So over any N households the three counts sum to at least N; but
 *   18 + 57 + 48 = 123, less than both 380 and 143.
 * - **The four figures split the 143 known households.** 18 + 19 + 57 + 48 = 142, one short
 *   of 143, and the sentence ("Di questi…", "che si rivolgono ai servizi sociali") is about the
 *   households known to the social services. Social services count their cases by area
 *   (anziani, disabili, minori, adulti), so we take the figures as a partition: 19 households
 *   with a disabled member; among the rest (every member answered the disability question),
 *   18 with a member 65+, 57 with minors, 48 only adults 18–64, disjoint (no three-generation
 *   household among them); and the 143rd has a member who refused the disability question,
 *   so it cannot be placed — the seed does not say why it is missing.
 * - The 19 households with a disabled member are the only ones in the population with one.
 * - **Persons**: the seed gives only "circa 800"; we take exactly 800 residents on the date.
 * - **Date**: the figures are taken as of the project start, 1 April 2019.
 *
 * @since 0.1.0
 * @category constructors
 */
export const abitareLaComunitaFigures: Targets = {
  asOf: Calendar.unsafeMake("2019-04-01"),
  households: 380,
  persons: 800,
  knownToSocialServices: 143,
  known: { disability: 19, elderly: 18, minors: 57, adultsOnly: 48, undetermined: 1 }
}

/**
 * The tenants of "Abitare la Comunità" on 1 April 2019, reproducing the published figures
 * as read in {@link abitareLaComunitaFigures}; everything else is synthetic and varies with
 * the seed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const abitareLaComunita = (seed: number): Population =>
  generate(seed, abitareLaComunitaQuartieri, abitareLaComunitaComplessi, abitareLaComunitaFigures)

/**
 * The persons of a population by id, for `Household.factsAt`.
 *
 * @since 0.1.0
 * @category utils
 */
export const personsById = (population: Pick<Population, "persons">): ReadonlyMap<Ids.PersonId, Person.Person> =>
  new Map(population.persons.map((p) => [p.id, p]))
