/**
 * A person in the registry: the facts about one resident that the social management of an
 * ERP neighbourhood and the ESF monitoring need, and no more. There is no name field: the
 * codice fiscale (optional — not every resident gives one) identifies the person to the
 * offices that issued it, and the registry's own {@link Ids.PersonId} is an opaque id that
 * must not be derived from it.
 *
 * Every personal field is marked with its {@link Sensitivity}, so exports and logs can drop
 * them by asking the Schema. A record is dated: `recordedOn` is the day the facts were
 * recorded, and the decoder checks the record against it (no birth after it, no spell or
 * consent after it) — core never reads the clock, so "today" is part of the record.
 *
 * @since 0.1.0
 */
import { type Result, Schema } from "effect"
import * as Calendar from "./Calendar.js"
import * as CodiceFiscale from "./CodiceFiscale.js"
import * as Ids from "./Ids.js"
import type * as InvalidInput from "./InvalidInput.js"
import * as Isced from "./Isced.js"
import * as everyProblem from "./internal/everyProblem.js"
import * as LabourMarketStatus from "./LabourMarketStatus.js"
import type { LegalReference } from "./LegalReference.js"
import * as Sensitivity from "./Sensitivity.js"
import * as SpecialCategory from "./SpecialCategory.js"

/**
 * Sex as recorded in the codice fiscale and in the ESF micro-data (all ESF data are broken
 * down by gender): `F` or `M`.
 *
 * @since 0.1.0
 * @category models
 */
export const Sex = CodiceFiscale.Sex
/** @since 0.1.0 @category models */
export type Sex = typeof Sex.Type

/**
 * The residence permit of a non-EU citizen, in the classes r.r. 4/2017 art. 7 c. 1 lett. a
 * distinguishes for access to SAP housing:
 * - `eu-long-term`: EU long-term residence permit (permesso di soggiorno UE per soggiornanti
 *   di lungo periodo);
 * - `at-least-2-years`: a permit valid for at least 2 years (access also requires regular
 *   employed or self-employed work, which is the labour-market history's business);
 * - `other`: any other permit (including the protections that give equal treatment by State law);
 * - `none`: no valid permit.
 *
 * @since 0.1.0
 * @category models
 */
export const Permit = Schema.Literals(["eu-long-term", "at-least-2-years", "other", "none"])
/** @since 0.1.0 @category models */
export type Permit = typeof Permit.Type

/**
 * Source of the citizenship classes: r.r. 4/2017 art. 7 c. 1 lett. a (facts.md §2.2, confirmed).
 *
 * @since 0.1.0
 * @category parameters
 */
export const citizenshipSource: LegalReference = {
  act: "r.r. Lombardia 4/2017",
  article: "art. 7, c. 1, lett. a",
  url: "https://normelombardia.consiglio.regione.lombardia.it/normelombardia/Accessibile/main.aspx?idparte=rr002017080400004ar0007a&view=showpart",
  confidence: "confirmed"
}

/**
 * Citizenship: Italian (`IT`), another EU country (`EU`), or non-EU with the permit type,
 * which is required (`{ kind: "non-EU", permit: "eu-long-term" }`). No country is kept: the
 * rules need only the class (data minimisation).
 *
 * @since 0.1.0
 * @category models
 */
export const Citizenship = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("IT") }),
  Schema.Struct({ kind: Schema.Literal("EU") }),
  Schema.Struct({
    kind: Schema.Literal("non-EU"),
    permit: Permit.annotateKey({
      messageMissingKey: 'a non-EU citizen needs a permit type: "eu-long-term", "at-least-2-years", "other" or "none"'
    })
  })
]).annotate({ expected: 'a citizenship: { kind: "IT" }, { kind: "EU" } or { kind: "non-EU", permit }' })
/** @since 0.1.0 @category models */
export type Citizenship = typeof Citizenship.Type

const Flag = Sensitivity.annotatePersonal(Schema.Boolean)

const PersonStruct = Schema.Struct({
  /** The registry's opaque id. */
  id: Ids.PersonId,
  /** The day these facts were recorded: the decoder's "today". */
  recordedOn: Calendar.CalendarDate,
  codiceFiscale: Schema.optionalKey(Sensitivity.annotatePersonal(CodiceFiscale.PersonCode)),
  birthDate: Sensitivity.annotatePersonal(Calendar.CalendarDate),
  sex: Sensitivity.annotatePersonal(Sex),
  citizenship: Sensitivity.annotatePersonal(Citizenship),
  /** Highest ISCED 2011 level completed; absent when not collected. */
  isced: Schema.optionalKey(Sensitivity.annotatePersonal(Isced.Level)),
  labourMarket: Sensitivity.annotatePersonal(LabourMarketStatus.History),
  specialCategory: SpecialCategory.Attributes,
  /** Homeless or affected by housing exclusion (ESF CO18 / EECO16); absent when not collected. */
  homelessOrHousingExclusion: Schema.optionalKey(Flag),
  /** Lives in a rural area (ESF CO19 / EECO17); absent when not collected. */
  rural: Schema.optionalKey(Flag)
})

const Dates = Schema.Struct({ birthDate: Calendar.CalendarDate, recordedOn: Calendar.CalendarDate })

/**
 * Birth is not after the recording date. Source: data integrity, no act.
 *
 * @since 0.1.0
 * @category rules
 */
export const bornByRecording = everyProblem.crossRule(Dates, (p) =>
  p.birthDate <= p.recordedOn
    ? true
    : [{ path: ["birthDate"], issue: `birth date ${p.birthDate} is after the recording date ${p.recordedOn}` }]
)

/**
 * Every labour-market spell starts between birth and the recording date (a spell may end
 * later: a fixed-term contract's planned end). Source: data integrity, no act.
 *
 * @since 0.1.0
 * @category rules
 */
export const spellsWithinRecord = everyProblem.crossRule(
  Schema.Struct({ ...Dates.fields, labourMarket: LabourMarketStatus.History }),
  (p) => {
    const issues = p.labourMarket.flatMap((s, i) =>
      s.from < p.birthDate
        ? [
            {
              path: ["labourMarket", i, "from"],
              issue: `spell starts on ${s.from}, before the birth date ${p.birthDate}`
            }
          ]
        : s.from > p.recordedOn
          ? [
              {
                path: ["labourMarket", i, "from"],
                issue: `spell starts on ${s.from}, after the recording date ${p.recordedOn}`
              }
            ]
          : []
    )
    return issues.length === 0 ? true : issues
  }
)

/**
 * The consent was asked between birth and the recording date. Source: data integrity, no act.
 *
 * @since 0.1.0
 * @category rules
 */
export const consentWithinRecord = everyProblem.crossRule(
  Schema.Struct({
    ...Dates.fields,
    specialCategory: Schema.Struct({ consent: Schema.Struct({ date: Calendar.CalendarDate }) })
  }),
  (p) => {
    const date = p.specialCategory.consent.date
    const path = ["specialCategory", "consent", "date"]
    if (date > p.recordedOn)
      return [{ path, issue: `consent asked on ${date}, after the recording date ${p.recordedOn}` }]
    if (date < p.birthDate) return [{ path, issue: `consent asked on ${date}, before the birth date ${p.birthDate}` }]
    return true
  }
)

const rules = [bornByRecording, spellsWithinRecord, consentWithinRecord] as const

/**
 * A person of the registry. Fields: `id`, `recordedOn`, `codiceFiscale?`, `birthDate`, `sex`,
 * `citizenship`, `isced?`, `labourMarket`, `specialCategory`, `homelessOrHousingExclusion?`,
 * `rural?`; every field but `id` and `recordedOn` is marked personal or special category.
 *
 * @since 0.1.0
 * @category models
 */
export const Person = PersonStruct.pipe(
  Schema.check(
    everyProblem.toFilter(bornByRecording),
    everyProblem.toFilter(spellsWithinRecord),
    everyProblem.toFilter(consentWithinRecord)
  )
)
/** @since 0.1.0 @category models */
export type Person = typeof Person.Type
/** @since 0.1.0 @category models */
export type PersonEncoded = typeof Person.Encoded

/**
 * Decodes unknown input as a {@link Person}, reporting every problem with its path — the
 * cross-field ones too, even when other fields are wrong. Never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode: (input: unknown) => Result.Result<Person, InvalidInput.InvalidInput> = everyProblem.decoder(
  Person,
  "Person",
  rules
)

/**
 * Age in completed years on `date` (29 February birthdays count from 1 March in common years).
 *
 * @since 0.1.0
 * @category utils
 */
export const ageAt = (person: Pick<Person, "birthDate">, date: Calendar.CalendarDate): number =>
  Calendar.ageAt(person.birthDate, date)

/**
 * Where the codice fiscale disagrees with the recorded birth date or sex, as messages. Not a
 * decode error: the code the Agenzia delle Entrate assigned stays the person's code even when
 * it was built from wrong data, so a clerk is warned, not stopped. The century is not
 * compared (the code holds two digits of the year).
 *
 * @since 0.1.0
 * @category utils
 */
export const codiceFiscaleDiscrepancies = (person: Person): ReadonlyArray<string> => {
  if (person.codiceFiscale === undefined) return []
  const decoded = CodiceFiscale.decode(person.codiceFiscale, person.recordedOn)
  const found: Array<string> = []
  if (decoded.birthDate.slice(2) !== person.birthDate.slice(2))
    found.push(
      `the codice fiscale gives birth date ${decoded.birthDate.slice(2)} (yy-mm-dd), the record ${person.birthDate}`
    )
  if (decoded.sex !== person.sex) found.push(`the codice fiscale gives sex ${decoded.sex}, the record ${person.sex}`)
  return found
}

/**
 * The personal and special-category fields of {@link Person}: what an anonymous export drops.
 *
 * @since 0.1.0
 * @category utils
 */
export const sensitiveFields = Sensitivity.fieldsBySensitivity(Person)
