/**
 * The documents the application stores: the domain records, each with the **scope** the access
 * policy needs. A household, a person, a session or an expenditure does not say by itself which
 * project, laboratorio or organisation it belongs to; the policy (`Access.authorize`) cannot
 * decide without it, so every stored record carries it.
 *
 * Where the domain schema is a plain struct the record *is* the domain record with the scope
 * fields added (a `HouseholdRecord` is a `Household.Household`, and every function of
 * `Household` accepts it). Cross-field rules of the domain schemas are kept on the records.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Activity, ActivityKind } from "../Activity.js"
import * as Attendance from "../Attendance.js"
import * as Audit from "../Audit.js"
import * as Budget from "../Budget.js"
import * as Calendar from "../Calendar.js"
import * as Decision from "../eligibility/Decision.js"
import * as Household from "../Household.js"
import * as Ids from "../Ids.js"
import { toFilter } from "../internal/everyProblem.js"
import * as Laboratorio from "../Laboratorio.js"
import { LegalReference } from "../LegalReference.js"
import * as Money from "../Money.js"
import * as Person from "../Person.js"
import * as Sensitivity from "../Sensitivity.js"
import * as Session from "../Session.js"

/**
 * Id of a stored eligibility decision: the same shape as every id of `Ids` (1-64 characters
 * from `[A-Za-z0-9._:-]`). A pathway's `assess` command refers to it.
 *
 * @since 0.1.0
 * @category models
 */
export const DecisionId = Ids.HouseholdId.schema.pipe(Schema.brand("DecisionId"))
/** @since 0.1.0 @category models */
export type DecisionId = typeof DecisionId.Type

/**
 * A version a caller read and expects to update: a whole number, at least 1.
 *
 * @since 0.1.0
 * @category models
 */
export const ExpectedVersion = Schema.Number.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) =>
        (Number.isSafeInteger(n) && n >= 1) ||
        `expected the version you read (a whole number, at least 1), got ${JSON.stringify(n)}`
    )
  )
)
/** @since 0.1.0 @category models */
export type ExpectedVersion = typeof ExpectedVersion.Type

/**
 * A household of the registry with its scope: the project and the laboratorio that work with
 * it. Every field of `Household.Household` plus `project` and `laboratorio`.
 *
 * @since 0.1.0
 * @category models
 */
export const HouseholdRecord = Schema.Struct({
  ...Household.Household.fields,
  project: Ids.ProjectId,
  laboratorio: Ids.LaboratorioId
})
/** @since 0.1.0 @category models */
export type HouseholdRecord = typeof HouseholdRecord.Type

/**
 * A person of the registry with its scope: project, laboratorio and the household it was
 * registered with. Every field (and every cross-field rule) of `Person.Person`.
 *
 * @since 0.1.0
 * @category models
 */
export const PersonRecord = Schema.Struct({
  ...Person.Person.fields,
  project: Ids.ProjectId,
  laboratorio: Ids.LaboratorioId,
  household: Ids.HouseholdId
}).pipe(
  Schema.check(
    toFilter(Person.bornByRecording),
    toFilter(Person.spellsWithinRecord),
    toFilter(Person.consentWithinRecord)
  )
)
/** @since 0.1.0 @category models */
export type PersonRecord = typeof PersonRecord.Type

/**
 * Why a person was erased: the grounds of GDPR art. 17(1), as codes — never free text, so the
 * record of an erasure cannot itself carry personal data:
 * - `no-longer-necessary` (lett. a): the data are no longer needed for their purpose;
 * - `consent-withdrawn` (lett. b): the person withdrew the consent the processing rested on;
 * - `objection` (lett. c): the person objected (art. 21) and no overriding ground remains;
 * - `unlawfully-processed` (lett. d): the data should never have been processed;
 * - `legal-obligation` (lett. e): a law requires the erasure.
 *
 * @since 0.1.0
 * @category models
 */
export const ErasureReason = Schema.Literals([
  "no-longer-necessary",
  "consent-withdrawn",
  "objection",
  "unlawfully-processed",
  "legal-obligation"
])
/** @since 0.1.0 @category models */
export type ErasureReason = typeof ErasureReason.Type

/**
 * What is left of a person after the erasure (GDPR art. 17): the opaque registry id, the scope
 * the access policy needs (project, laboratorio, household), and when and why the record was
 * erased. No personal field is kept — no codice fiscale, birth date, sex, citizenship,
 * education, labour-market history or special category — not even a birth year: no report of
 * the library needs one (see `Erasure`). The id stays taken, so it is never given to someone
 * else by mistake.
 *
 * @since 0.1.0
 * @category models
 */
export const ErasedPersonRecord = Schema.Struct({
  id: Ids.PersonId,
  project: Ids.ProjectId,
  laboratorio: Ids.LaboratorioId,
  household: Ids.HouseholdId,
  erased: Schema.Struct({ at: Audit.Instant, reason: ErasureReason })
})
/** @since 0.1.0 @category models */
export type ErasedPersonRecord = typeof ErasedPersonRecord.Type

/**
 * A document of the `persons` collection: a person record, or what is left of it once erased.
 *
 * @since 0.1.0
 * @category models
 */
export const StoredPerson = Schema.Union([PersonRecord, ErasedPersonRecord])
/** @since 0.1.0 @category models */
export type StoredPerson = typeof StoredPerson.Type

/**
 * Whether a stored person has been erased.
 *
 * @since 0.1.0
 * @category utils
 */
export const isErased = (p: StoredPerson): p is ErasedPersonRecord => "erased" in p

/**
 * A laboratorio with its activities: every field of `Laboratorio.Laboratorio` plus the
 * activities held there, each of this laboratorio and with its own id.
 *
 * @since 0.1.0
 * @category models
 */
export const LaboratorioRecord = Schema.Struct({
  ...Laboratorio.Laboratorio.fields,
  activities: Schema.Array(Activity)
}).pipe(
  Schema.check(
    Schema.makeFilter(
      (l: {
        readonly id: string
        readonly activities: ReadonlyArray<{ readonly id: string; readonly laboratorio: string }>
      }) => {
        const issues: Array<Schema.FilterIssue> = []
        const seen = new Map<string, number>()
        l.activities.forEach((a, i) => {
          if (a.laboratorio !== l.id)
            issues.push({
              path: ["activities", i, "laboratorio"],
              issue: `activity ${JSON.stringify(a.id)} belongs to laboratorio ${JSON.stringify(a.laboratorio)}, not to ${JSON.stringify(l.id)}`
            })
          const earlier = seen.get(a.id)
          if (earlier === undefined) seen.set(a.id, i)
          else
            issues.push({
              path: ["activities", i, "id"],
              issue: `activity ${JSON.stringify(a.id)} is listed twice (positions ${earlier + 1} and ${i + 1})`
            })
        })
        return issues.length === 0 ? true : issues
      }
    )
  )
)
/** @since 0.1.0 @category models */
export type LaboratorioRecord = typeof LaboratorioRecord.Type

/**
 * A session with its scope: every field of `Session.Session` plus the laboratorio, its project
 * and the kind of the activity (copied from the laboratorio's activity when recorded, so that
 * reports need not look it up).
 *
 * @since 0.1.0
 * @category models
 */
export const SessionRecord = Schema.Struct({
  ...Session.Session.fields,
  laboratorio: Ids.LaboratorioId,
  project: Ids.ProjectId,
  kind: ActivityKind
})
/** @since 0.1.0 @category models */
export type SessionRecord = typeof SessionRecord.Type

/**
 * The attendance sheet of a session with its project: every field of `Attendance.Attendance`
 * (the session is the sheet's id: one sheet per session) plus `project`.
 *
 * @since 0.1.0
 * @category models
 */
export const AttendanceRecord = Schema.Struct({
  ...Attendance.Attendance.fields,
  project: Ids.ProjectId
})
/** @since 0.1.0 @category models */
export type AttendanceRecord = typeof AttendanceRecord.Type

/**
 * A grant cap as read from the call's parameters: its parameter id, the amount, the date it
 * took effect and its legal source (a `Parameter.Reading` of cents).
 *
 * @since 0.1.0
 * @category models
 */
export const CapReading = Schema.Struct({
  id: Schema.String.pipe(Schema.check(Schema.isMinLength(1, { message: "the parameter id must not be empty" }))),
  value: Money.NonNegativeCents,
  from: Calendar.CalendarDate,
  source: LegalReference
})
/** @since 0.1.0 @category models */
export type CapReading = typeof CapReading.Type

/**
 * The budget of a project with what its rules need: the eligibility period of expenditures
 * and its source, the grant caps of the call, and the number of claims submitted so far
 * (claims are numbered 1, 2, 3…; submitting one updates this record, so two claims of the same
 * project can never be checked against the same state at once).
 *
 * @since 0.1.0
 * @category models
 */
export const BudgetRecord = Schema.Struct({
  project: Ids.ProjectId,
  budget: Budget.Budget,
  eligibility: Schema.Struct({ period: Calendar.Period, source: LegalReference }),
  caps: Schema.Struct({ perProject: CapReading, perSubProject: Schema.optionalKey(CapReading) }),
  claims: Schema.Number.pipe(
    Schema.check(
      Schema.makeFilter((n: number) => (Number.isSafeInteger(n) && n >= 0) || "expected a count of claims, 0 or more")
    )
  )
})
/** @since 0.1.0 @category models */
export type BudgetRecord = typeof BudgetRecord.Type

/**
 * An expenditure with its scope: every field of `Budget.Expenditure` plus the project and the
 * organisation (the partner of its budget line, who spent it).
 *
 * @since 0.1.0
 * @category models
 */
export const ExpenditureRecord = Schema.Struct({
  ...Budget.Expenditure.fields,
  project: Ids.ProjectId,
  organisation: Ids.OrganisationId
})
/** @since 0.1.0 @category models */
export type ExpenditureRecord = typeof ExpenditureRecord.Type

/**
 * The id of claim `number` of `project`: `project:number`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const claimId = (project: string, number: number): string => `${project}:${number}`

/**
 * A claim (rendicontazione) with its project: every field of `Budget.Claim`, its project and
 * its id ({@link claimId}).
 *
 * @since 0.1.0
 * @category models
 */
export const ClaimRecord = Schema.Struct({
  id: Schema.String,
  project: Ids.ProjectId,
  ...Budget.Claim.fields
}).pipe(
  Schema.check(
    Schema.makeFilter((c: { readonly id: string; readonly project: string; readonly number: number }) =>
      c.id === claimId(c.project, c.number)
        ? true
        : { path: ["id"], issue: `the id of claim ${c.number} of ${c.project} is ${claimId(c.project, c.number)}` }
    )
  )
)
/** @since 0.1.0 @category models */
export type ClaimRecord = typeof ClaimRecord.Type

/**
 * A stored eligibility decision: its id, the household it is about (with the household's
 * project and laboratorio), the pathway it was asked for if any, and the decision itself, which
 * carries the hash of its inputs (`decision.inputHash`). The decision is personal data.
 *
 * @since 0.1.0
 * @category models
 */
export const DecisionRecord = Schema.Struct({
  id: DecisionId,
  project: Ids.ProjectId,
  laboratorio: Ids.LaboratorioId,
  household: Ids.HouseholdId,
  pathway: Schema.optionalKey(Ids.PathwayId),
  decision: Sensitivity.annotatePersonal(Decision.Decision)
})
/** @since 0.1.0 @category models */
export type DecisionRecord = typeof DecisionRecord.Type
