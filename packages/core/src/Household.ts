/**
 * The household (nucleo familiare) of an ERP tenancy: who lives in the unit and since when,
 * its ISEE declarations, its rent-arrears ledger (morosità) and whether the Comune's social
 * services know it. Everything that changes is dated, so that a question about a household
 * is always a question *at a date*: who lived there on 1 April 2019 ({@link membersAt}),
 * which ISEE was valid then ({@link iseeAt}), how many months of arrears it had, and the
 * facts the social-management rules read ({@link factsAt}).
 *
 * Membership uses valid time: `{ from, to? }`, both ends included, `to` absent while the
 * person still lives there. A person may leave and come back (two entries), but two entries of
 * the same person never share a day. ISEE validity is data of the record (`validUntil`), as
 * printed on the attestation, never computed from the DSU date: the validity rules changed over
 * time and differ between ISEE ordinario and corrente.
 *
 * @since 0.1.0
 */
import { type Result, Schema } from "effect"
import * as Calendar from "./Calendar.js"
import * as Ids from "./Ids.js"
import * as InvalidInput from "./InvalidInput.js"
import { distinctBy } from "./internal/distinct.js"
import * as validTime from "./internal/validTime.js"
import type { LegalReference } from "./LegalReference.js"
import * as Money from "./Money.js"
import type { Person } from "./Person.js"
import * as Sensitivity from "./Sensitivity.js"
import * as SpecialCategory from "./SpecialCategory.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * A member's relation to the intestatario (the leaseholder), as in the stato di famiglia:
 * `intestatario`, `coniuge-partner` (spouse, civil partner or cohabitant), `figlio` (son or
 * daughter), `genitore`, `altro-parente`, `altro` (not related).
 *
 * @since 0.1.0
 * @category models
 */
export const Relation = Schema.Literals([
  "intestatario",
  "coniuge-partner",
  "figlio",
  "genitore",
  "altro-parente",
  "altro"
])
/** @since 0.1.0 @category models */
export type Relation = typeof Relation.Type

/**
 * A person's membership of the household: the relation and the days it lasted (`to`
 * absent while it lasts; both ends included).
 *
 * @since 0.1.0
 * @category models
 */
export const Membership = Schema.Struct({
  person: Ids.PersonId,
  relation: Relation,
  from: Calendar.CalendarDate,
  to: Schema.optionalKey(Calendar.CalendarDate)
}).pipe(Schema.check(validTime.toNotBeforeFrom()))
/** @since 0.1.0 @category models */
export type Membership = typeof Membership.Type

const oneIntestatarioAtATime = Schema.makeFilter((members: ReadonlyArray<Membership>) => {
  const issues: Array<Schema.FilterIssue> = []
  members.forEach((later, j) => {
    if (later.relation !== "intestatario") return
    for (let i = 0; i < j; i++) {
      const earlier = members[i] as Membership
      if (earlier.relation !== "intestatario" || earlier.person === later.person) continue
      if (!validTime.intersects(earlier, later)) continue
      issues.push({
        path: [j],
        issue:
          `membership ${j + 1} makes ${JSON.stringify(later.person)} intestatario (${validTime.describe(later)}) while ` +
          `membership ${i + 1} makes ${JSON.stringify(earlier.person)} intestatario (${validTime.describe(earlier)}): ` +
          `a household has one intestatario at a time`
      })
    }
  })
  return issues
})

/**
 * The members over time: no two entries of the same person share a day, and there is at most
 * one intestatario on any day.
 *
 * @since 0.1.0
 * @category models
 */
export const Members = Schema.Array(Membership).pipe(
  Schema.check(
    validTime.nonOverlapping<Membership>("membership", (m) => m.person),
    oneIntestatarioAtATime
  )
)

/**
 * The tenancy: the complesso and unit let, the lease start, and whether the lease is a SAP
 * (servizi abitativi pubblici, L.R. 16/2016) tenancy.
 *
 * @since 0.1.0
 * @category models
 */
export const Tenancy = Schema.Struct({
  complesso: Ids.SiteId,
  unit: Schema.String.pipe(
    Schema.check(Schema.makeFilter((s: string) => s.trim().length > 0 || "expected a non-empty unit"))
  ),
  leaseStart: Calendar.CalendarDate,
  sap: Schema.Boolean
})
/** @since 0.1.0 @category models */
export type Tenancy = typeof Tenancy.Type

/**
 * An ISEE attestation: the value in cents (≥ 0), the date of the DSU (dichiarazione sostitutiva
 * unica) it was computed from, and the last day it is valid, as printed on it. Since 2020 an
 * ISEE ordinario is valid until 31 December of the DSU's year (facts: from memory, not
 * confirmed), which is why the validity is stored rather than assumed.
 *
 * @since 0.1.0
 * @category models
 */
export const Isee = Schema.Struct({
  value: Money.NonNegativeCents,
  dsuDate: Calendar.CalendarDate,
  validUntil: Calendar.CalendarDate
}).pipe(
  Schema.check(
    Schema.makeFilter((r: { readonly dsuDate: string; readonly validUntil: string }) =>
      r.validUntil >= r.dsuDate
        ? true
        : { path: ["validUntil"], issue: `validUntil ${r.validUntil} is before the DSU date ${r.dsuDate}` }
    )
  )
)
/** @since 0.1.0 @category models */
export type Isee = typeof Isee.Type

/**
 * Cause of rent arrears: `incolpevole` (no-fault: caused by a loss or substantial reduction
 * of the household's income — dismissal, cassa integrazione, serious illness, a death…),
 * `colpevole`, or `unknown` (not assessed yet).
 *
 * @since 0.1.0
 * @category models
 */
export const ArrearsCause = Schema.Literals(["incolpevole", "colpevole", "unknown"])
/** @since 0.1.0 @category models */
export type ArrearsCause = typeof ArrearsCause.Type

/**
 * Source of the distinction between culpable and no-fault arrears (facts.md §2.5, confirmed
 * definition; the r.r. 4/2017 art. 25 details were not found).
 *
 * @since 0.1.0
 * @category parameters
 */
export const arrearsSource: LegalReference = {
  act: "DL 102/2013 art. 6 c. 5 (conv. L. 124/2013); r.r. Lombardia 4/2017 art. 25",
  url: "https://comune.bollate.mi.it/attivita-correlata/morosita-incolpevole/",
  confidence: "confirmed",
  note: "definition of morosità incolpevole confirmed on municipal pages; r.r. 4/2017 art. 25 details not found"
}

const WholeNumber = (what: string, min: number) =>
  Schema.Number.pipe(
    Schema.check(Schema.makeFilter((n: number) => (Number.isSafeInteger(n) && n >= min) || `expected ${what}`))
  )

/**
 * A repayment plan (piano di rientro): the day it was signed, the number of instalments
 * (≥ 1) and the total amount it repays, in cents (> 0). See {@link instalmentAmounts}.
 *
 * @since 0.1.0
 * @category models
 */
export const RepaymentPlan = Schema.Struct({
  signedOn: Calendar.CalendarDate,
  instalments: WholeNumber("a whole number of instalments, at least 1", 1),
  amount: Money.NonNegativeCents.pipe(
    Schema.check(Schema.makeFilter((n: number) => n > 0 || "a repayment plan repays more than zero cents"))
  )
})
/** @since 0.1.0 @category models */
export type RepaymentPlan = typeof RepaymentPlan.Type

/**
 * One entry of the arrears ledger: on `date`, the household owed `owed` cents, that is
 * `monthsInArrears` unpaid monthly rents, for the stated cause, under an optional repayment
 * plan. An entry is a snapshot: the latest entry at or before a date is the state then, and
 * an entry with zero owed closes the arrears.
 *
 * @since 0.1.0
 * @category models
 */
export const ArrearsEntry = Schema.Struct({
  date: Calendar.CalendarDate,
  owed: Money.NonNegativeCents,
  monthsInArrears: WholeNumber("a whole number of months, 0 or more", 0),
  cause: ArrearsCause,
  repaymentPlan: Schema.optionalKey(RepaymentPlan)
}).pipe(
  Schema.check(
    Schema.makeFilter((e: { readonly date: string; readonly repaymentPlan?: { readonly signedOn: string } }) =>
      e.repaymentPlan === undefined || e.repaymentPlan.signedOn <= e.date
        ? true
        : {
            path: ["repaymentPlan", "signedOn"],
            issue: `the plan is signed on ${e.repaymentPlan.signedOn}, after the entry's date ${e.date}`
          }
    ),
    Schema.makeFilter((e: { readonly owed: number; readonly monthsInArrears: number }) =>
      e.monthsInArrears === 0 || e.owed > 0
        ? true
        : { path: ["owed"], issue: `${e.monthsInArrears} months in arrears, but the amount owed is zero` }
    )
  )
)
/** @since 0.1.0 @category models */
export type ArrearsEntry = typeof ArrearsEntry.Type

/**
 * The household is known to the Comune's social services (Servizio Sociale Territoriale,
 * with a social project in place) since `since`, until `until` if the case was closed.
 *
 * @since 0.1.0
 * @category models
 */
export const SocialServices = Schema.Struct({
  since: Calendar.CalendarDate,
  until: Schema.optionalKey(Calendar.CalendarDate)
}).pipe(
  Schema.check(
    Schema.makeFilter((s: { readonly since: string; readonly until?: string }) =>
      s.until === undefined || s.until >= s.since
        ? true
        : { path: ["until"], issue: `until ${s.until} is before since ${s.since}` }
    )
  )
)
/** @since 0.1.0 @category models */
export type SocialServices = typeof SocialServices.Type

/**
 * A household of the registry: id, tenancy, members over time, ISEE attestations (distinct
 * DSU dates), arrears ledger (distinct dates) and the social-services flag. Every field but
 * the id is personal data.
 *
 * @since 0.1.0
 * @category models
 */
export const Household = Schema.Struct({
  id: Ids.HouseholdId,
  tenancy: Sensitivity.annotatePersonal(Tenancy),
  members: Sensitivity.annotatePersonal(Members),
  isee: Sensitivity.annotatePersonal(
    Schema.Array(Isee).pipe(Schema.check(distinctBy<Isee>("an ISEE with DSU date", (r) => r.dsuDate)))
  ),
  arrears: Sensitivity.annotatePersonal(
    Schema.Array(ArrearsEntry).pipe(Schema.check(distinctBy<ArrearsEntry>("an arrears entry dated", (e) => e.date)))
  ),
  socialServices: Schema.optionalKey(Sensitivity.annotatePersonal(SocialServices))
})
/** @since 0.1.0 @category models */
export type Household = typeof Household.Type
/** @since 0.1.0 @category models */
export type HouseholdEncoded = typeof Household.Encoded

/**
 * Decodes unknown input as a {@link Household}, reporting every problem with its path. Never
 * throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode: (input: unknown) => Result.Result<Household, InvalidInput.InvalidInput> = InvalidInput.decoder(
  Household,
  "Household"
)

// ---------------------------------------------------------------------------------------------
// queries at a date
// ---------------------------------------------------------------------------------------------

/**
 * The memberships in force on `date`, in the household's order: who lived there that day.
 *
 * @since 0.1.0
 * @category utils
 */
export const membersAt = (
  household: Pick<Household, "members">,
  date: Calendar.CalendarDate
): ReadonlyArray<Membership> => household.members.filter((m) => validTime.holdsOn(m, date))

/**
 * The ISEE valid on `date` (`dsuDate ≤ date ≤ validUntil`); when several are, the one with
 * the latest DSU, which supersedes the earlier ones. `undefined` when none is valid.
 *
 * @since 0.1.0
 * @category utils
 */
export const iseeAt = (household: Pick<Household, "isee">, date: Calendar.CalendarDate): Isee | undefined => {
  let found: Isee | undefined
  for (const r of household.isee)
    if (r.dsuDate <= date && date <= r.validUntil && (found === undefined || r.dsuDate > found.dsuDate)) found = r
  return found
}

/**
 * The arrears entry in force on `date`: the latest one dated on or before it.
 *
 * @since 0.1.0
 * @category utils
 */
export const arrearsAt = (
  household: Pick<Household, "arrears">,
  date: Calendar.CalendarDate
): ArrearsEntry | undefined => {
  let found: ArrearsEntry | undefined
  for (const e of household.arrears) if (e.date <= date && (found === undefined || e.date > found.date)) found = e
  return found
}

/**
 * Whether the social services know the household on `date`.
 *
 * @since 0.1.0
 * @category utils
 */
export const knownToSocialServicesAt = (
  household: Pick<Household, "socialServices">,
  date: Calendar.CalendarDate
): boolean => {
  const s = household.socialServices
  return s !== undefined && s.since <= date && (s.until === undefined || date <= s.until)
}

/**
 * Splits a plan's amount into its instalments, the earlier ones a cent larger when it does not
 * divide evenly: the instalments always sum to the amount.
 *
 * @since 0.1.0
 * @category utils
 */
export const instalmentAmounts = (plan: RepaymentPlan): ReadonlyArray<Money.Cents> => {
  const base = Math.floor(plan.amount / plan.instalments)
  const rest = plan.amount - base * plan.instalments
  return Array.from({ length: plan.instalments }, (_, i) => (base + (i < rest ? 1 : 0)) as Money.Cents)
}

// ---------------------------------------------------------------------------------------------
// derived facts
// ---------------------------------------------------------------------------------------------

/**
 * A derived fact: `yes`, `no`, or `undetermined` when the registry cannot tell (a member's
 * person record is missing, or a special-category answer was refused). Undetermined is
 * never read as no.
 *
 * @since 0.1.0
 * @category models
 */
export type Fact = "yes" | "no" | "undetermined"

/**
 * Age of majority: a member under 18 is a minor (codice civile art. 2).
 *
 * @since 0.1.0
 * @category parameters
 */
export const majorityAge = 18

/**
 * Age from which a member counts as elderly: 65, the usual threshold of ISTAT and of the
 * Comuni's social services. The seed says "anziane" without an age: this is a reading.
 *
 * @since 0.1.0
 * @category parameters
 */
export const elderlyAge = 65

/**
 * Sources of the age thresholds.
 *
 * @since 0.1.0
 * @category parameters
 */
export const ageSources: { readonly majority: LegalReference; readonly elderly: LegalReference } = {
  majority: {
    act: "Codice civile",
    article: "art. 2",
    confidence: "confirmed",
    note: "general knowledge: maggiore età at 18"
  },
  elderly: {
    act: "nessuna fonte trovata",
    confidence: "unverified",
    note: "65 as the conventional start of old age (ISTAT); the seed's 'persone anziane' gives no age"
  }
}

/**
 * The facts about a household on a date that the social-management rules read.
 *
 * @since 0.1.0
 * @category models
 */
export interface Facts {
  readonly date: Calendar.CalendarDate
  /** The memberships in force. */
  readonly members: ReadonlyArray<Membership>
  /** Number of members on the date. */
  readonly size: number
  /** Members with no person record among those given. */
  readonly unknownPersons: ReadonlyArray<Ids.PersonId>
  /** A member is under {@link majorityAge}. */
  readonly hasMinors: Fact
  /** A member is {@link elderlyAge} or older. */
  readonly hasMembers65Plus: Fact
  /** There are members, and all are aged 18–64. */
  readonly onlyAdults18To64: Fact
  /** A member answered "yes" to the disability question; "refused" makes it undetermined. */
  readonly hasMemberWithDisability: Fact
  /** Months in arrears per the ledger entry in force (0 without one). */
  readonly arrearsMonths: number
  readonly knownToSocialServices: boolean
  readonly isee: Isee | undefined
}

/**
 * The persons a query may look members up in: a map by id, or a list.
 *
 * @since 0.1.0
 * @category models
 */
export type Persons = ReadonlyMap<Ids.PersonId, Person> | ReadonlyArray<Person>

const lookup = (persons: Persons): ReadonlyMap<Ids.PersonId, Person> =>
  Array.isArray(persons)
    ? new Map((persons as ReadonlyArray<Person>).map((p) => [p.id, p]))
    : (persons as ReadonlyMap<Ids.PersonId, Person>)

const anyOf = (known: ReadonlyArray<boolean>, unknown: number): Fact =>
  known.some((b) => b) ? "yes" : unknown > 0 ? "undetermined" : "no"

/**
 * The facts of `household` on `date`, its members looked up in `persons`. Ages are completed
 * years on `date` (`Calendar.ageAt`). Sources: {@link ageSources} (18 confirmed; 65 a
 * convention), SpecialCategory (refused is undetermined, facts.md §3.1).
 *
 * @since 0.1.0
 * @category rules
 */
export const factsAt = (household: Household, persons: Persons, date: Calendar.CalendarDate): Facts => {
  const byId = lookup(persons)
  const members = membersAt(household, date)
  const known: Array<Person> = []
  const unknownPersons: Array<Ids.PersonId> = []
  for (const m of members) {
    const p = byId.get(m.person)
    if (p === undefined) unknownPersons.push(m.person)
    else known.push(p)
  }
  const ages = known.map((p) => Calendar.ageAt(p.birthDate, date))
  const outside18To64 = ages.some((a) => a < majorityAge || a >= elderlyAge)
  const disability = known.map((p) => SpecialCategory.toBoolean(p.specialCategory.disability))
  const unansweredDisability = disability.filter((d) => d === undefined).length
  return {
    date,
    members,
    size: members.length,
    unknownPersons,
    hasMinors: anyOf(
      ages.map((a) => a < majorityAge),
      unknownPersons.length
    ),
    hasMembers65Plus: anyOf(
      ages.map((a) => a >= elderlyAge),
      unknownPersons.length
    ),
    onlyAdults18To64: members.length === 0 || outside18To64 ? "no" : unknownPersons.length > 0 ? "undetermined" : "yes",
    hasMemberWithDisability: anyOf(
      disability.map((d) => d === true),
      unknownPersons.length + unansweredDisability
    ),
    arrearsMonths: arrearsAt(household, date)?.monthsInArrears ?? 0,
    knownToSocialServices: knownToSocialServicesAt(household, date),
    isee: iseeAt(household, date)
  }
}
