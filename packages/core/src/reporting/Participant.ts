/**
 * The participant micro-record the ESF and ESF+ common indicators are counted from: one
 * participation of one person in one operation (project) — who, where, the characteristics at
 * entry, the leaving date, the status upon leaving and the six-month follow-up.
 *
 * Why a record of its own, and not the {@link Pathway.Participant} directly: the indicators
 * must also be computed from micro-data that did not go through a pathway (an import from the
 * Region's monitoring system, a spreadsheet of an earlier project), and such data has holes.
 * So every characteristic is optional here, and {@link classify} decides, with the list of
 * what is missing, whether the record is `complete` (it counts) or `incomplete` (it is reported
 * and excluded from every common indicator, never guessed: facts.md §3.1). A record built from
 * a pathway with {@link fromPathway} is always complete, because the entry snapshot is.
 *
 * Special-category answers (disability, foreign background, minority, other disadvantage) are
 * kept as they are: `refused` stays `refused`, and an answer that was never collected is absent
 * — neither is ever read as "no", and neither makes a record incomplete (the ESF rules let a
 * participant refuse them; estimates are not accepted: facts.md §3.1, confirmed).
 *
 * The results are observed through the rules of {@link LeavingStatus}: a status upon leaving
 * counts only when recorded within 4 weeks of leaving, a follow-up only when recorded at least
 * six months after leaving (both unverified, dated parameters), and — so that a report can be
 * reproduced later — neither counts when recorded after the report's closing date.
 *
 * @since 0.1.0
 */
import { type Result, Schema } from "effect"
import * as Calendar from "../Calendar.js"
import { HouseholdSituation } from "../EntrySnapshot.js"
import { PathwayId, PersonId, ProjectId } from "../Ids.js"
import * as InvalidInput from "../InvalidInput.js"
import * as Isced from "../Isced.js"
import * as LabourMarketStatus from "../LabourMarketStatus.js"
import * as LeavingStatus from "../LeavingStatus.js"
import type { Label } from "../Organisation.js"
import type * as Pathway from "../Pathway.js"
import * as Person from "../Person.js"
import { ActionCode } from "../Programme.js"
import * as Sensitivity from "../Sensitivity.js"
import * as SpecialCategory from "../SpecialCategory.js"

// ---------------------------------------------------------------------------------------------
// the record
// ---------------------------------------------------------------------------------------------

const Age = Schema.Number.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) => (Number.isInteger(n) && n >= 0 && n <= 130) || `expected an age from 0 to 130, got ${n}`
    )
  )
)

const personal = <S extends Schema.Top>(schema: S) => Schema.optionalKey(Sensitivity.annotatePersonal(schema))
const special = Schema.optionalKey(Sensitivity.annotateSpecialCategory(SpecialCategory.TriState))

const ParticipantStruct = Schema.Struct({
  id: PathwayId,
  person: PersonId,
  operation: ProjectId,
  action: Schema.optionalKey(ActionCode),
  entryDate: Schema.optionalKey(Calendar.CalendarDate),
  sex: personal(Person.Sex),
  ageAtEntry: personal(Age),
  labourMarketStatus: personal(LabourMarketStatus.Status),
  longTermUnemployed: personal(Schema.Boolean),
  isced: personal(Isced.Level),
  thirdCountryNational: personal(Schema.Boolean),
  household: Schema.optionalKey(HouseholdSituation),
  homelessOrHousingExclusion: personal(Schema.Boolean),
  rural: personal(Schema.Boolean),
  disability: special,
  foreignBackground: special,
  minority: special,
  otherDisadvantaged: special,
  leftOn: personal(Calendar.CalendarDate),
  leaving: Schema.optionalKey(LeavingStatus.LeavingRecord),
  followUp: Schema.optionalKey(LeavingStatus.FollowUpRecord)
})

type Shape = typeof ParticipantStruct.Type

const consistent = Schema.makeFilter((p: Shape) => {
  const issues: Array<Schema.FilterIssue> = []
  if (p.longTermUnemployed === true && p.labourMarketStatus !== undefined && p.labourMarketStatus !== "unemployed")
    issues.push({
      path: ["longTermUnemployed"],
      issue: `a long-term unemployed participant is unemployed, but the status at entry is "${p.labourMarketStatus}"`
    })
  if (p.leftOn === undefined) {
    if (p.leaving !== undefined)
      issues.push({ path: ["leaving"], issue: "a status upon leaving needs the leaving date (leftOn)" })
    if (p.followUp !== undefined)
      issues.push({ path: ["followUp"], issue: "a six-month follow-up needs the leaving date (leftOn)" })
  } else {
    if (p.entryDate !== undefined && p.leftOn < p.entryDate)
      issues.push({ path: ["leftOn"], issue: `left on ${p.leftOn}, before the entry on ${p.entryDate}` })
    if (p.leaving !== undefined && p.leaving.recordedOn < p.leftOn)
      issues.push({
        path: ["leaving", "recordedOn"],
        issue: `the status upon leaving is recorded on ${p.leaving.recordedOn}, before leaving on ${p.leftOn}`
      })
    if (p.followUp !== undefined && p.followUp.recordedOn < p.leftOn)
      issues.push({
        path: ["followUp", "recordedOn"],
        issue: `the follow-up is recorded on ${p.followUp.recordedOn}, before leaving on ${p.leftOn}`
      })
  }
  return issues.length === 0 ? true : issues
})

/**
 * A participant micro-record:
 * - `id` (the participation record: the pathway id when built from a pathway), `person`,
 *   `operation` (the project, COD_LOCALE_PROGETTO / CUP), `action` (the sub-project's action,
 *   9.1.3 or 9.4.2 …) when known;
 * - at entry, each optional: `entryDate`, `sex`, `ageAtEntry`, `labourMarketStatus`,
 *   `longTermUnemployed`, `isced`, `thirdCountryNational`, `household` (CO12–CO14),
 *   `homelessOrHousingExclusion`, `rural` — personal data;
 * - `disability`, `foreignBackground`, `minority`, `otherDisadvantaged`: `yes` / `no` /
 *   `refused`, absent when never collected — special categories of data;
 * - after leaving: `leftOn`, `leaving` (the status upon leaving, with the day it was recorded)
 *   and `followUp` (the six-month situation, with the day it was recorded).
 *
 * Decoding checks consistency only (long-term unemployed only when unemployed; a status upon
 * leaving or a follow-up needs a leaving date, not before it; leaving not before entry); what
 * is *missing* is {@link classify}'s business.
 *
 * @since 0.1.0
 * @category models
 */
export const Participant = ParticipantStruct.pipe(Schema.check(consistent))
/** @since 0.1.0 @category models */
export type Participant = typeof Participant.Type
/** @since 0.1.0 @category models */
export type ParticipantEncoded = typeof Participant.Encoded

/**
 * Decodes untrusted input (an imported row, a JSON file) as a participant record, with every
 * problem and its path; never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode: (input: unknown) => Result.Result<Participant, InvalidInput.InvalidInput> = InvalidInput.decoder(
  Participant,
  "Participant"
)

// ---------------------------------------------------------------------------------------------
// from a pathway
// ---------------------------------------------------------------------------------------------

/**
 * The participant record of a pathway, or `undefined` for a pathway that never reached
 * enrolment (a prospect: no participant, facts.md §3.1). The characteristics are those of the
 * frozen entry snapshot, the entry date is the enrolment date, and the leaving date, status
 * upon leaving and follow-up are those of a completed or dropped pathway. The pathway does not
 * know the sub-project's `action` nor "other disadvantaged" (CO17), which the caller may give;
 * when not given, "other disadvantaged" stays absent (not collected), never "no".
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromPathway = (
  pathway: Pathway.Pathway,
  extra: { readonly action?: ActionCode; readonly otherDisadvantaged?: SpecialCategory.TriState } = {}
): Participant | undefined => {
  if (pathway.phase !== "participant") return undefined
  const e = pathway.enrolment.entry
  const state = pathway.state
  const left = state.status === "completed" || state.status === "dropped" ? state : undefined
  return {
    id: pathway.id,
    person: pathway.person,
    operation: pathway.project,
    ...(extra.action === undefined ? {} : { action: extra.action }),
    entryDate: pathway.enrolment.date,
    sex: e.sex,
    ageAtEntry: e.ageAtEntry,
    labourMarketStatus: e.labourMarketStatus,
    longTermUnemployed: e.longTermUnemployed,
    isced: e.isced,
    thirdCountryNational: e.thirdCountryNational,
    household: e.household,
    homelessOrHousingExclusion: e.homelessOrHousingExclusion,
    rural: e.rural,
    disability: e.specialCategory.disability,
    foreignBackground: e.specialCategory.foreignBackground,
    minority: e.specialCategory.minority,
    ...(extra.otherDisadvantaged === undefined ? {} : { otherDisadvantaged: extra.otherDisadvantaged }),
    ...(left === undefined
      ? {}
      : {
          leftOn: left.since,
          ...(left.leaving === undefined ? {} : { leaving: left.leaving }),
          ...(left.followUp === undefined ? {} : { followUp: left.followUp })
        })
  }
}

// ---------------------------------------------------------------------------------------------
// completeness
// ---------------------------------------------------------------------------------------------

/**
 * A personal ("*") field an indicator set may require. `entryDate`, `sex`, `ageAtEntry`,
 * `labourMarketStatus`, `longTermUnemployed` (when unemployed), `isced`,
 * `homelessOrHousingExclusion` and `rural` are required by both sets ({@link coreFields});
 * `household` and `thirdCountryNational` by a set when it says so.
 *
 * @since 0.1.0
 * @category models
 */
export type Field =
  | "entryDate"
  | "sex"
  | "ageAtEntry"
  | "labourMarketStatus"
  | "longTermUnemployed"
  | "isced"
  | "thirdCountryNational"
  | "household"
  | "homelessOrHousingExclusion"
  | "rural"

/**
 * Every field, in the order they are reported.
 *
 * @since 0.1.0
 * @category models
 */
export const fields: ReadonlyArray<Field> = [
  "entryDate",
  "sex",
  "ageAtEntry",
  "labourMarketStatus",
  "longTermUnemployed",
  "isced",
  "thirdCountryNational",
  "household",
  "homelessOrHousingExclusion",
  "rural"
]

/**
 * The fields every indicator set requires.
 *
 * @since 0.1.0
 * @category models
 */
export const coreFields: ReadonlyArray<Field> = [
  "entryDate",
  "sex",
  "ageAtEntry",
  "labourMarketStatus",
  "longTermUnemployed",
  "isced",
  "homelessOrHousingExclusion",
  "rural"
]

/**
 * Italian and English labels of each field.
 *
 * @since 0.1.0
 * @category formatting
 */
export const fieldLabel: { readonly [F in Field]: Label } = {
  entryDate: { it: "data di ingresso", en: "date of entry" },
  sex: { it: "sesso", en: "sex" },
  ageAtEntry: { it: "età all'ingresso", en: "age at entry" },
  labourMarketStatus: { it: "condizione occupazionale all'ingresso", en: "labour-market status at entry" },
  longTermUnemployed: { it: "disoccupazione di lunga durata", en: "long-term unemployment" },
  isced: { it: "titolo di studio (ISCED)", en: "education (ISCED)" },
  thirdCountryNational: { it: "cittadinanza di un paese terzo", en: "third-country nationality" },
  household: { it: "situazione familiare", en: "household situation" },
  homelessOrHousingExclusion: {
    it: "senza dimora o esclusione abitativa",
    en: "homelessness or housing exclusion"
  },
  rural: { it: "residenza in area rurale", en: "rural residence" }
}

/**
 * A record with every core field present (`longTermUnemployed` is filled in as `false` when the
 * participant is not unemployed): what the indicators read.
 *
 * @since 0.1.0
 * @category models
 */
export type Complete = Participant & {
  readonly entryDate: Calendar.CalendarDate
  readonly sex: Person.Sex
  readonly ageAtEntry: number
  readonly labourMarketStatus: LabourMarketStatus.Status
  readonly longTermUnemployed: boolean
  readonly isced: Isced.Level
  readonly homelessOrHousingExclusion: boolean
  readonly rural: boolean
}

/**
 * The outcome of {@link classify}: `complete` with the record as the indicators read it, or
 * `incomplete` with every missing field, in the order of {@link fields}.
 *
 * @since 0.1.0
 * @category models
 */
export type Classification =
  | { readonly _tag: "complete"; readonly participant: Complete }
  | { readonly _tag: "incomplete"; readonly missing: readonly [Field, ...Array<Field>] }

const isMissing = (p: Participant, f: Field): boolean =>
  f === "longTermUnemployed"
    ? p.labourMarketStatus === "unemployed" && p.longTermUnemployed === undefined
    : p[f] === undefined

/**
 * Whether a record is complete: every field of {@link coreFields} and of `also` (the fields a
 * set adds, such as `household` before the deletion of CO12–CO14) is present, and
 * `longTermUnemployed` when the status at entry is unemployed. Special-category answers are
 * never required. Source: facts.md §3.1 (records lacking "*" data are not counted, [M]).
 *
 * @since 0.1.0
 * @category rules
 */
export const classify = (p: Participant, also: ReadonlyArray<Field> = []): Classification => {
  let missing: Array<Field> | undefined
  for (const f of fields)
    if ((coreFields.includes(f) || also.includes(f)) && isMissing(p, f)) {
      missing ??= []
      missing.push(f)
    }
  const [first, ...rest] = missing ?? []
  if (first !== undefined) return { _tag: "incomplete", missing: [first, ...rest] }
  return {
    _tag: "complete",
    // a complete record that states long-term unemployment is already what the indicators read
    participant: (p.longTermUnemployed === undefined ? { ...p, longTermUnemployed: false } : p) as Complete
  }
}

// ---------------------------------------------------------------------------------------------
// special categories
// ---------------------------------------------------------------------------------------------

/**
 * An answer as the indicators count it: `yes`, `no`, `refused` (documented refusal), or
 * `not-collected` (absent). Only `yes` counts in an indicator; `refused` and `not-collected`
 * are reported beside it, never turned into "no".
 *
 * @since 0.1.0
 * @category models
 */
export type Answer = "yes" | "no" | "refused" | "not-collected"

/**
 * The special-category questions of the record.
 *
 * @since 0.1.0
 * @category models
 */
export type Question = "disability" | "foreignBackground" | "minority" | "otherDisadvantaged"

/**
 * The answer to a special-category question: absent is `not-collected`.
 *
 * @since 0.1.0
 * @category utils
 */
export const answer = (p: Participant, q: Question): Answer => p[q] ?? "not-collected"

/**
 * A boolean as an answer; `undefined` is `not-collected`.
 *
 * @since 0.1.0
 * @category utils
 */
export const fromBoolean = (b: boolean | undefined): Answer => (b === undefined ? "not-collected" : b ? "yes" : "no")

/**
 * "Any of": `yes` when one answer is `yes`; otherwise `refused` when one is refused; otherwise
 * `not-collected` when one is missing; otherwise `no`. A refusal is never outweighed by a
 * `no`: the person might be a `yes`.
 *
 * @since 0.1.0
 * @category utils
 */
export const anyOf = (answers: ReadonlyArray<Answer>): Answer =>
  answers.includes("yes")
    ? "yes"
    : answers.includes("refused")
      ? "refused"
      : answers.includes("not-collected")
        ? "not-collected"
        : "no"

/**
 * "Condition and answer": `no` when the (personal, always known) condition is false, the answer
 * otherwise.
 *
 * @since 0.1.0
 * @category utils
 */
export const when = (condition: boolean, a: Answer): Answer => (condition ? a : "no")

// ---------------------------------------------------------------------------------------------
// results
// ---------------------------------------------------------------------------------------------

/**
 * How a result was observed:
 * - `counted`: recorded inside its window and not after the closing date, with the value;
 * - `not-left`: the participant has not left (or left after the closing date);
 * - `not-recorded`: left, nothing recorded;
 * - `outside-window`: recorded after 4 weeks from leaving (status upon leaving) or before six
 *   months from leaving (follow-up), `limit` being the last or first admissible day;
 * - `after-closing`: recorded after the closing date of the report.
 *
 * @since 0.1.0
 * @category models
 */
export type Observation<A> =
  | { readonly _tag: "counted"; readonly value: A }
  | { readonly _tag: "not-left" }
  | { readonly _tag: "not-recorded" }
  | { readonly _tag: "outside-window"; readonly limit: Calendar.CalendarDate }
  | { readonly _tag: "after-closing" }

const left = (p: Participant, closing: Calendar.CalendarDate | undefined): Calendar.CalendarDate | undefined =>
  p.leftOn !== undefined && (closing === undefined || p.leftOn <= closing) ? p.leftOn : undefined

/**
 * The status upon leaving as the result indicators count it (CR01–CR05, EECR01–EECR04): when
 * recorded within the window of `LeavingStatus.leavingStatusDeadline` (28 days, unverified; no
 * limit before the parameter is in force) and not after `closing`, the report's last day.
 *
 * @since 0.1.0
 * @category rules
 */
export const uponLeaving = (
  p: Participant,
  closing?: Calendar.CalendarDate
): Observation<LeavingStatus.LeavingStatus> => {
  const leftOn = left(p, closing)
  if (leftOn === undefined) return { _tag: "not-left" }
  if (p.leaving === undefined) return { _tag: "not-recorded" }
  const deadline = LeavingStatus.leavingStatusDeadline(leftOn)
  if (deadline !== undefined && p.leaving.recordedOn > deadline.date)
    return { _tag: "outside-window", limit: deadline.date }
  if (closing !== undefined && p.leaving.recordedOn > closing) return { _tag: "after-closing" }
  return { _tag: "counted", value: p.leaving.status }
}

/**
 * The six-month follow-up as the longer-term result indicators count it (CR06–CR09, EECR05):
 * when recorded on or after `LeavingStatus.followUpEarliest` (six months, unverified) and not
 * after `closing`.
 *
 * @since 0.1.0
 * @category rules
 */
export const sixMonthsAfter = (
  p: Participant,
  closing?: Calendar.CalendarDate
): Observation<LeavingStatus.FollowUp> => {
  const leftOn = left(p, closing)
  if (leftOn === undefined) return { _tag: "not-left" }
  if (p.followUp === undefined) return { _tag: "not-recorded" }
  const earliest = LeavingStatus.followUpEarliest(leftOn)
  if (earliest !== undefined && p.followUp.recordedOn < earliest.date)
    return { _tag: "outside-window", limit: earliest.date }
  if (closing !== undefined && p.followUp.recordedOn > closing) return { _tag: "after-closing" }
  return { _tag: "counted", value: p.followUp.situation }
}

// ---------------------------------------------------------------------------------------------
// once per operation
// ---------------------------------------------------------------------------------------------

/**
 * The key of "once per operation": the person and the operation.
 *
 * @since 0.1.0
 * @category utils
 */
export const operationKey = (p: Pick<Participant, "person" | "operation">): string => `${p.person}|${p.operation}`

const canonical = (u: unknown): string =>
  Array.isArray(u)
    ? `[${u.map(canonical).join(",")}]`
    : typeof u === "object" && u !== null
      ? `{${Object.keys(u)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((u as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : (JSON.stringify(u) ?? "null")

/**
 * Which of two records of the same person in the same operation is counted: the one with the
 * **earliest entry date** (characteristics are taken at the first entry; a participant who
 * leaves and re-enters is counted once, at entry: facts.md §3.1, [M]); a record without an
 * entry date loses to one with; on the same date the smaller record `id`; and as a last resort
 * (same id and date, different content) the smaller canonical JSON. A strict total order, so
 * the winner does not depend on the order the records arrive in. Negative when `a` wins.
 *
 * @since 0.1.0
 * @category rules
 */
export const precedence = (a: Participant, b: Participant): number => {
  const ea = a.entryDate ?? "~"
  const eb = b.entryDate ?? "~"
  if (ea !== eb) return ea < eb ? -1 : 1
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  const ca = canonical(a)
  const cb = canonical(b)
  return ca === cb ? 0 : ca < cb ? -1 : 1
}
