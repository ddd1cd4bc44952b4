/**
 * The entry snapshot: the participant as the ESF output indicators count them — on the day
 * of enrolment (the signature of the PIP), once. Age, sex, labour-market status, education,
 * household situation, special categories, housing exclusion and rural residence are all
 * taken *at entry* (facts.md §3.1): a participant who turns 25, finds a job or moves during
 * the pathway is still counted as they were when they entered. So the snapshot is computed
 * once, from the registry (the {@link Person} and their {@link Household} on that day), and
 * then frozen inside the pathway; the 2014-2020 and the 2021-2027 indicator sets are both
 * derived from it later, never stored.
 *
 * A snapshot is complete or it is not made: records that lack a personal ("*") variable do
 * not count in the common indicators (facts.md §3.1), so {@link fromRegistry} reports every
 * missing fact instead of guessing. Special-category answers are copied as they are, with
 * the consent record: `refused` stays `refused`, never "no" (estimates are not accepted).
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as Calendar from "./Calendar.js"
import type * as Household from "./Household.js"
import * as Isced from "./Isced.js"
import * as LabourMarketStatus from "./LabourMarketStatus.js"
import type { LegalReference } from "./LegalReference.js"
import * as Parameter from "./Parameter.js"
import * as Person from "./Person.js"
import * as Sensitivity from "./Sensitivity.js"
import * as SpecialCategory from "./SpecialCategory.js"

// ---------------------------------------------------------------------------------------------
// household situation (CO12–CO14)
// ---------------------------------------------------------------------------------------------

/**
 * Where the household definitions come from: the Commission's ESF monitoring guidance, from
 * memory (not in facts.md). Jobless household: no member is in employment. Dependent
 * children: members aged 0–17, and members aged 18–24 who are inactive and live with at least
 * one parent. Single-adult household: one member who is not a dependent child.
 *
 * @since 0.1.0
 * @category parameters
 */
export const householdSource: LegalReference = {
  act: "European Commission, Monitoring and evaluation of European Cohesion Policy – ESF, guidance document (June 2015)",
  article: "Annex D, CO12–CO14: jobless household, dependent children, single adult household",
  confidence: "unverified",
  note: "definitions from memory, not in facts.md; CO12–CO14 were deleted by Reg. 2018/1046 (facts.md §3.1, confirmed)"
}

/**
 * Below this age a member is always a dependent child. Unverified.
 *
 * @since 0.1.0
 * @category parameters
 */
export const dependentChildAge: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "esf.household.dependent-child-age",
    title: {
      it: "Età sotto la quale un componente è figlio a carico",
      en: "Age below which a member is a dependent child"
    },
    unit: "years",
    source: householdSource
  },
  Calendar.unsafeMake("2014-01-01"),
  18
)

/**
 * Below this age an inactive member living with a parent is a dependent child. Unverified.
 *
 * @since 0.1.0
 * @category parameters
 */
export const dependentInactiveAge: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "esf.household.dependent-inactive-age",
    title: {
      it: "Età sotto la quale un componente inattivo che vive con un genitore è a carico",
      en: "Age below which an inactive member living with a parent is a dependent child"
    },
    unit: "years",
    source: householdSource
  },
  Calendar.unsafeMake("2014-01-01"),
  25
)

/**
 * The minimum age for work in Italy (16, with the end of compulsory schooling): a younger
 * member is not in employment, so the registry need not record a labour-market status for
 * them to tell whether the household is jobless. From general knowledge, unverified.
 *
 * @since 0.1.0
 * @category parameters
 */
export const minimumWorkingAge: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "it.labour.minimum-working-age",
    title: { it: "Età minima per l'accesso al lavoro", en: "Minimum working age" },
    unit: "years",
    source: {
      act: "L. 296/2006",
      article: "art. 1, c. 622",
      confidence: "unverified",
      note: "from general knowledge: compulsory education of ten years, access to work from 16"
    }
  },
  Calendar.unsafeMake("2007-01-01"),
  16
)

/**
 * The household situation at entry: `jobless` (no member in employment), `dependentChildren`
 * (at least one dependent child lives there), `singleAdult` (exactly one member is not a
 * dependent child). CO12 is `jobless`, CO13 `jobless && dependentChildren`, CO14
 * `singleAdult && dependentChildren`.
 *
 * @since 0.1.0
 * @category models
 */
export const HouseholdSituation = Schema.Struct({
  jobless: Schema.Boolean,
  dependentChildren: Schema.Boolean,
  singleAdult: Schema.Boolean
}).pipe(Sensitivity.annotatePersonal)
/** @since 0.1.0 @category models */
export type HouseholdSituation = typeof HouseholdSituation.Type

// ---------------------------------------------------------------------------------------------
// the snapshot
// ---------------------------------------------------------------------------------------------

const Age = Schema.Number.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) => (Number.isInteger(n) && n >= 0 && n <= 130) || `expected an age from 0 to 130, got ${n}`
    )
  )
)

const ltuOnlyIfUnemployed = Schema.makeFilter(
  (s: { readonly labourMarketStatus: LabourMarketStatus.Status; readonly longTermUnemployed: boolean }) =>
    !s.longTermUnemployed || s.labourMarketStatus === "unemployed"
      ? true
      : {
          path: ["longTermUnemployed"],
          issue: `a long-term unemployed participant is unemployed, but the status at entry is "${s.labourMarketStatus}"`
        }
)

/**
 * The entry snapshot:
 * - `asOf`: the enrolment date, when it was taken;
 * - `ageAtEntry` (completed years), `sex`;
 * - `labourMarketStatus` at entry and `longTermUnemployed` (only when unemployed);
 * - `isced`: the highest ISCED 2011 level completed;
 * - `thirdCountryNational`: non-EU citizen (EECO13);
 * - `household`: the {@link HouseholdSituation};
 * - `specialCategory`: disability, foreign background, minority as `yes` / `no` / `refused`,
 *   with the consent record (special category data, GDPR art. 9);
 * - `homelessOrHousingExclusion`, `rural`.
 *
 * @since 0.1.0
 * @category models
 */
export const EntrySnapshot = Schema.Struct({
  asOf: Calendar.CalendarDate,
  ageAtEntry: Sensitivity.annotatePersonal(Age),
  sex: Sensitivity.annotatePersonal(Person.Sex),
  labourMarketStatus: Sensitivity.annotatePersonal(LabourMarketStatus.Status),
  longTermUnemployed: Sensitivity.annotatePersonal(Schema.Boolean),
  isced: Sensitivity.annotatePersonal(Isced.Level),
  thirdCountryNational: Sensitivity.annotatePersonal(Schema.Boolean),
  household: HouseholdSituation,
  specialCategory: SpecialCategory.Attributes,
  homelessOrHousingExclusion: Sensitivity.annotatePersonal(Schema.Boolean),
  rural: Sensitivity.annotatePersonal(Schema.Boolean)
}).pipe(Schema.check(ltuOnlyIfUnemployed))
/** @since 0.1.0 @category models */
export type EntrySnapshot = typeof EntrySnapshot.Type

// ---------------------------------------------------------------------------------------------
// from the registry
// ---------------------------------------------------------------------------------------------

/**
 * A fact the snapshot needs and the registry does not give: which field, and why, in English
 * and Italian.
 *
 * @since 0.1.0
 * @category models
 */
export const Missing = Schema.Struct({
  field: Schema.String,
  message: Schema.String,
  messageIt: Schema.String
})
/** @since 0.1.0 @category models */
export type Missing = typeof Missing.Type

/**
 * The registry does not give every fact the snapshot needs on `asOf`: each missing fact.
 *
 * @since 0.1.0
 * @category errors
 */
export class EntryIncomplete extends Schema.TaggedError<EntryIncomplete>()("EntryIncomplete", {
  person: Schema.String,
  asOf: Calendar.CalendarDate,
  missing: Schema.NonEmptyArray(Missing)
}) {
  override get message(): string {
    return `the entry snapshot of ${this.person} on ${this.asOf} is incomplete: ${this.missing.map((m) => `${m.field}: ${m.message}`).join("; ")}`
  }
  /** The same in Italian. */
  get messageIt(): string {
    return `la fotografia all'ingresso di ${this.person} al ${this.asOf} è incompleta: ${this.missing.map((m) => `${m.field}: ${m.messageIt}`).join("; ")}`
  }
}

type Tri = "yes" | "no" | "unknown"

type Problems = readonly [Missing, ...Array<Missing>]

const any = (values: ReadonlyArray<Tri>): Tri =>
  values.includes("yes") ? "yes" : values.includes("unknown") ? "unknown" : "no"

const holdsOn = (m: Household.Membership, date: Calendar.CalendarDate): boolean =>
  m.from <= date && (m.to === undefined || date <= m.to)

/**
 * Whether a member is a dependent child on `date`: under {@link dependentChildAge}, or under
 * {@link dependentInactiveAge}, inactive and the intestatario's child (so living with a
 * parent). `unknown` when an 18–24-year-old child's status on `date` is not recorded.
 */
const dependentChild = (membership: Household.Membership, person: Person.Person, date: Calendar.CalendarDate): Tri => {
  const age = Calendar.ageAt(person.birthDate, date)
  const childAge = Parameter.valueAt(dependentChildAge, date) ?? 18
  const inactiveAge = Parameter.valueAt(dependentInactiveAge, date) ?? 25
  if (age < childAge) return "yes"
  if (age >= inactiveAge || membership.relation !== "figlio") return "no"
  const status = LabourMarketStatus.statusAt(person.labourMarket, date)
  return status === undefined ? "unknown" : LabourMarketStatus.isInactive(status) ? "yes" : "no"
}

/**
 * The household situation of a household on `date`, its members looked up in `persons`, or
 * the facts that are missing. A member without a person record, or whose labour-market
 * status on `date` is not recorded, makes a fact missing only when it could change it (one
 * employed member is enough to say the household is not jobless); a member under the
 * {@link minimumWorkingAge} needs no status. Dependent children are
 * counted among all members, the participant included. Before 1 January 2014 the age
 * parameters are not in force and 18 and 25 are used. Source: {@link householdSource}.
 *
 * @since 0.1.0
 * @category rules
 */
export const householdSituationAt = (
  household: Pick<Household.Household, "id" | "members">,
  persons: ReadonlyArray<Person.Person>,
  date: Calendar.CalendarDate
): Result.Result<HouseholdSituation, Problems> => {
  const byId = new Map(persons.map((p) => [p.id, p]))
  const members = household.members.filter((m) => holdsOn(m, date))
  if (members.length === 0)
    return Result.fail([
      {
        field: "household",
        message: `household ${household.id} has no members on ${date}`,
        messageIt: `il nucleo ${household.id} non ha componenti al ${date}`
      }
    ])
  const unknownRecord: Array<string> = []
  const unknownStatus: Array<string> = []
  const employed: Array<Tri> = []
  const dependent: Array<Tri> = []
  for (const m of members) {
    const p = byId.get(m.person)
    if (p === undefined) {
      unknownRecord.push(m.person)
      employed.push("unknown")
      dependent.push("unknown")
      continue
    }
    const status = LabourMarketStatus.statusAt(p.labourMarket, date)
    const tooYoung = Calendar.ageAt(p.birthDate, date) < (Parameter.valueAt(minimumWorkingAge, date) ?? 16)
    if (status === undefined && !tooYoung) unknownStatus.push(m.person)
    employed.push(
      status !== undefined ? (LabourMarketStatus.isEmployed(status) ? "yes" : "no") : tooYoung ? "no" : "unknown"
    )
    dependent.push(dependentChild(m, p, date))
  }
  const because = [
    unknownRecord.length > 0
      ? { en: `no person record for ${unknownRecord.join(", ")}`, it: `manca la scheda di ${unknownRecord.join(", ")}` }
      : undefined,
    unknownStatus.length > 0
      ? {
          en: `no labour-market status recorded for ${unknownStatus.join(", ")}`,
          it: `manca la condizione occupazionale di ${unknownStatus.join(", ")}`
        }
      : undefined
  ].filter((b) => b !== undefined)
  const cannotTell = (field: string, what: string, whatIt: string): Missing => ({
    field: `household.${field}`,
    message: `cannot tell ${what} on ${date}: ${because.map((b) => b.en).join("; ")}`,
    messageIt: `non si può stabilire ${whatIt} al ${date}: ${because.map((b) => b.it).join("; ")}`
  })
  const jobless = any(employed) === "unknown" ? "unknown" : any(employed) === "yes" ? "no" : "yes"
  const dependentChildren = any(dependent)
  const adults = dependent.filter((d) => d === "no").length
  const undecided = dependent.filter((d) => d === "unknown").length
  const singleAdult: Tri = adults > 1 ? "no" : undecided > 0 ? "unknown" : adults === 1 ? "yes" : "no"
  const missing: Array<Missing> = []
  if (jobless === "unknown")
    missing.push(cannotTell("jobless", "whether the household is jobless", "se il nucleo è senza occupati"))
  if (dependentChildren === "unknown")
    missing.push(cannotTell("dependentChildren", "whether there are dependent children", "se ci sono figli a carico"))
  if (singleAdult === "unknown")
    missing.push(cannotTell("singleAdult", "whether there is a single adult", "se c'è un solo adulto"))
  const [first, ...rest] = missing
  return first !== undefined
    ? Result.fail([first, ...rest])
    : Result.succeed({
        jobless: jobless === "yes",
        dependentChildren: dependentChildren === "yes",
        singleAdult: singleAdult === "yes"
      })
}

const required = <A>(value: A | undefined, missing: Missing): Result.Result<A, Problems> =>
  value === undefined ? Result.fail([missing]) : Result.succeed(value)

/**
 * Takes the entry snapshot of `person` on `date` (the enrolment date) from the registry: the
 * person's record, their household and the persons of that household. Fails with
 * {@link EntryIncomplete} listing **every** missing fact: the labour-market status on `date`,
 * the ISCED level, housing exclusion, rural residence, membership of the household on `date`,
 * and the household facts. Long-term unemployment is `LabourMarketStatus.isLongTermUnemployed`
 * on `date`; age is in completed years (`Calendar.ageAt`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromRegistry = (input: {
  readonly person: Person.Person
  readonly household: Pick<Household.Household, "id" | "members">
  readonly persons: ReadonlyArray<Person.Person>
  readonly date: Calendar.CalendarDate
}): Result.Result<EntrySnapshot, EntryIncomplete> => {
  const { person, household, date } = input
  const status = required(LabourMarketStatus.statusAt(person.labourMarket, date), {
    field: "labourMarketStatus",
    message: `the labour-market history says nothing about ${date}`,
    messageIt: `la storia occupazionale non copre il ${date}`
  })
  const longTermUnemployed =
    Result.isFailure(status) || status.success !== "unemployed"
      ? Result.succeed(false) // not unemployed, or the status is already reported missing
      : required(LabourMarketStatus.isLongTermUnemployed(person.labourMarket, person.birthDate, date), {
          field: "longTermUnemployed",
          message: `no long-term unemployment threshold is in force on ${date}`,
          messageIt: `nessuna soglia di disoccupazione di lunga durata in vigore al ${date}`
        })
  const parts = {
    status,
    longTermUnemployed,
    isced: required(person.isced, {
      field: "isced",
      message: "the ISCED level was not collected",
      messageIt: "il titolo di studio (ISCED) non è stato rilevato"
    }),
    homelessOrHousingExclusion: required(person.homelessOrHousingExclusion, {
      field: "homelessOrHousingExclusion",
      message: "homelessness or housing exclusion was not collected",
      messageIt: "la condizione di senza dimora o di esclusione abitativa non è stata rilevata"
    }),
    rural: required(person.rural, {
      field: "rural",
      message: "rural residence was not collected",
      messageIt: "la residenza in area rurale non è stata rilevata"
    }),
    member: required(household.members.some((m) => m.person === person.id && holdsOn(m, date)) ? true : undefined, {
      field: "household",
      message: `${person.id} is not a member of household ${household.id} on ${date}`,
      messageIt: `${person.id} non è componente del nucleo ${household.id} al ${date}`
    }),
    household: householdSituationAt(household, [person, ...input.persons.filter((p) => p.id !== person.id)], date)
  }
  const collected = Result.all(parts) // stops at the first failure: the problems are listed below
  if (Result.isFailure(collected)) {
    const results: ReadonlyArray<Result.Result<unknown, Problems>> = Object.values(parts)
    const [first, ...rest] = results.flatMap((r) => (Result.isFailure(r) ? r.failure : []))
    return Result.fail(
      new EntryIncomplete({
        person: person.id,
        asOf: date,
        missing: first === undefined ? collected.failure : [first, ...rest]
      })
    )
  }
  const v = collected.success
  return Result.succeed({
    asOf: date,
    ageAtEntry: Calendar.ageAt(person.birthDate, date),
    sex: person.sex,
    labourMarketStatus: v.status,
    longTermUnemployed: v.longTermUnemployed,
    isced: v.isced,
    thirdCountryNational: person.citizenship.kind === "non-EU",
    household: v.household,
    specialCategory: person.specialCategory,
    homelessOrHousingExclusion: v.homelessOrHousingExclusion,
    rural: v.rural
  })
}
