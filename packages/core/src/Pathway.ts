/**
 * A personalised inclusion pathway (percorso personalizzato, PIP) of a fragile tenant, from
 * the first referral to the six-month follow-up after leaving:
 *
 * ```text
 * state       accepts                                    leads to
 * candidate   assess, drop                               assessed, dropped (before enrolment)
 * assessed    assess, enrol, drop                        assessed, enrolled, dropped (before enrolment)
 * enrolled    start, drop                                active, dropped
 * active      suspend, complete, drop, recordService     suspended, completed, dropped, active
 * suspended   resume, drop                               active, dropped
 * completed   recordLeavingStatus, recordFollowUp        completed
 * dropped     recordLeavingStatus, recordFollowUp        dropped (only after enrolment)
 * ```
 *
 * - `assessed` holds the reference of the eligibility decision (id, outcome, as-of date); an
 *   undetermined decision can be replaced by a later one (`assess` again). Only an
 *   `eligible` outcome can be enrolled;
 * - `enrol` is the signature of the PIP: its date, objectives, planned services and the
 *   organisation responsible for it, and the **entry snapshot** of the person on that day
 *   (the ESF micro-data counted at entry);
 * - delivered services are recorded only while `active`: not before the start, not while
 *   suspended, not after leaving;
 * - `completed` and `dropped` after enrolment are the two ways of **leaving**. They accept the
 *   status upon leaving (within 4 weeks) and the six-month follow-up (from 6 months on), each
 *   once. A pathway dropped before enrolment never had a participant: it accepts nothing.
 *
 * **The entry snapshot is frozen, structurally.** A pathway is either a *prospect* (candidate,
 * assessed, or dropped before enrolment), which has no snapshot, or a *participant*, which
 * has an {@link Enrolment} (PIP and snapshot) beside its evolving {@link Stage} and services.
 * The one place that builds an `Enrolment` is the assessed × `enrol` cell. Every later command
 * goes through a reducer whose type is `(Progress, Command) → Progress`, where `Progress` is
 * the stage and the services only: it is never given the enrolment and has nowhere to put
 * one, so no command after enrolment can change the snapshot. Its fields are `readonly`, and
 * the enrolments made by `enrol` or by {@link decode} are deep-frozen copies, so no caller can
 * change one in place either.
 *
 * Every command carries its date, and dates never go backwards: a command dated before the
 * current state's date is refused. A refusal is a {@link PathwayTransitionNotAllowed} naming
 * the current state and the command, in English and Italian. The checks run in this order:
 * the state accepts the command (`not-accepted`, `never-enrolled`); the state allows it
 * (`not-eligible`, `already-recorded`); the dates (`date-before-state`, then
 * `date-before-last-service`: a pathway does not stop before a service it delivered); the
 * command's own rules (`entry-date-mismatch`, `leaving-status-too-late`, `follow-up-too-early`).
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import { match, P } from "ts-pattern"
import * as Calendar from "./Calendar.js"
import { EntrySnapshot } from "./EntrySnapshot.js"
import { HouseholdId, OrganisationId, PathwayId, PersonId, ProjectId } from "./Ids.js"
import * as InvalidInput from "./InvalidInput.js"
import { frozenCopy } from "./internal/frozen.js"
import * as LeavingStatus from "./LeavingStatus.js"
import * as LegalReference from "./LegalReference.js"
import type { Label } from "./Organisation.js"
import * as PathwayService from "./PathwayService.js"
import * as Sensitivity from "./Sensitivity.js"

// ---------------------------------------------------------------------------------------------
// small values
// ---------------------------------------------------------------------------------------------

const Text = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => s.trim().length > 0 || "the text must not be blank"))
)

const Objectives = Schema.NonEmptyArray(Text.annotateKey({ messageMissingKey: "a PIP has at least one objective" }))

const Planned = Schema.NonEmptyArray(
  PathwayService.PlannedService.annotateKey({ messageMissingKey: "a PIP plans at least one service" })
)

const Reason = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => s.trim().length > 0 || "the reason must not be blank"))
)

/**
 * The outcome of an eligibility decision: `eligible`, `ineligible`, or `undetermined` (facts
 * were missing).
 *
 * @since 0.1.0
 * @category models
 */
export const Outcome = Schema.Literals(["eligible", "ineligible", "undetermined"])
/** @since 0.1.0 @category models */
export type Outcome = typeof Outcome.Type

/**
 * Italian and English labels of each outcome.
 *
 * @since 0.1.0
 * @category formatting
 */
export const outcomeLabel: { readonly [O in Outcome]: Label } = {
  eligible: { it: "ammissibile", en: "eligible" },
  ineligible: { it: "non ammissibile", en: "ineligible" },
  undetermined: { it: "indeterminato", en: "undetermined" }
}

/**
 * The reference of an eligibility decision: its id (the decision itself, with its trace, is
 * stored elsewhere), its outcome, and the date it was evaluated at.
 *
 * @since 0.1.0
 * @category models
 */
export const EligibilityRef = Schema.Struct({
  decisionId: Schema.String.pipe(
    Schema.check(
      Schema.makeFilter((s: string) => s.trim().length > 0 || "the decision id must not be blank"),
      Schema.makeFilter((s: string) => s.length <= 128 || `expected at most 128 characters, got ${s.length}`)
    )
  ),
  outcome: Outcome,
  asOf: Calendar.CalendarDate
})
/** @since 0.1.0 @category models */
export type EligibilityRef = typeof EligibilityRef.Type

// ---------------------------------------------------------------------------------------------
// states
// ---------------------------------------------------------------------------------------------

/**
 * The name of a pathway state.
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literals([
  "candidate",
  "assessed",
  "enrolled",
  "active",
  "suspended",
  "completed",
  "dropped"
])
/** @since 0.1.0 @category models */
export type Status = typeof Status.Type

/**
 * Italian and English labels of each state.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusLabel: { readonly [S in Status]: Label } = {
  candidate: { it: "candidato", en: "candidate" },
  assessed: { it: "valutato", en: "assessed" },
  enrolled: { it: "iscritto", en: "enrolled" },
  active: { it: "attivo", en: "active" },
  suspended: { it: "sospeso", en: "suspended" },
  completed: { it: "concluso", en: "completed" },
  dropped: { it: "interrotto", en: "dropped" }
}

const decisionNotAfterAssessment = Schema.makeFilter(
  (s: { readonly since: Calendar.CalendarDate; readonly eligibility: EligibilityRef }) =>
    s.eligibility.asOf <= s.since
      ? true
      : {
          path: ["eligibility", "asOf"],
          issue: `the eligibility decision is as of ${s.eligibility.asOf}, after the assessment on ${s.since}`
        }
)

/**
 * A person referred to the pathway (segnalato), since `since`.
 *
 * @since 0.1.0
 * @category models
 */
export const Candidate = Schema.Struct({ status: Schema.Literal("candidate"), since: Calendar.CalendarDate })
/** @since 0.1.0 @category models */
export type Candidate = typeof Candidate.Type

/**
 * A candidate whose eligibility was assessed on `since`, with the decision's reference.
 *
 * @since 0.1.0
 * @category models
 */
export const Assessed = Schema.Struct({
  status: Schema.Literal("assessed"),
  since: Calendar.CalendarDate,
  eligibility: EligibilityRef
}).pipe(Schema.check(decisionNotAfterAssessment))
/** @since 0.1.0 @category models */
export type Assessed = typeof Assessed.Type

/**
 * A pathway that ended before enrolment (the person declined, was ineligible, moved away):
 * the state it ended from, the reason, and the eligibility decision when there was one.
 *
 * @since 0.1.0
 * @category models
 */
export const NotEnrolled = Schema.Struct({
  status: Schema.Literal("dropped"),
  since: Calendar.CalendarDate,
  from: Schema.Literals(["candidate", "assessed"]),
  reason: Reason,
  eligibility: Schema.optionalKey(EligibilityRef)
}).pipe(
  Schema.check(
    Schema.makeFilter((s: { readonly from: "candidate" | "assessed"; readonly eligibility?: EligibilityRef }) =>
      (s.from === "assessed") === (s.eligibility !== undefined)
        ? true
        : {
            path: ["eligibility"],
            issue:
              s.from === "assessed"
                ? "a pathway dropped after assessment keeps its eligibility decision"
                : "a pathway dropped as a candidate has no eligibility decision"
          }
    )
  )
)
/** @since 0.1.0 @category models */
export type NotEnrolled = typeof NotEnrolled.Type

/**
 * The state of a pathway before enrolment.
 *
 * @since 0.1.0
 * @category models
 */
export const ProspectState = Schema.Union([Candidate, Assessed, NotEnrolled])
/** @since 0.1.0 @category models */
export type ProspectState = typeof ProspectState.Type

/**
 * The enrolment: the PIP signed on `date` — its objectives, planned services and the
 * organisation responsible for it — with the eligibility decision it rests on and the entry
 * snapshot of the person on that day. Frozen: nothing after enrolment changes it.
 *
 * @since 0.1.0
 * @category models
 */
export const Enrolment = Schema.Struct({
  date: Calendar.CalendarDate,
  eligibility: EligibilityRef,
  objectives: Objectives,
  planned: Planned,
  responsible: OrganisationId,
  entry: EntrySnapshot
}).pipe(
  Schema.check(
    Schema.makeFilter(
      (e: { readonly date: Calendar.CalendarDate; readonly entry: { readonly asOf: Calendar.CalendarDate } }) =>
        e.entry.asOf === e.date
          ? true
          : {
              path: ["entry", "asOf"],
              issue: `the entry snapshot is as of ${e.entry.asOf}, not the enrolment date ${e.date}`
            }
    ),
    Schema.makeFilter((e: { readonly date: Calendar.CalendarDate; readonly eligibility: EligibilityRef }) => {
      if (e.eligibility.outcome !== "eligible")
        return {
          path: ["eligibility", "outcome"],
          issue: `only an eligible candidate is enrolled, the decision is "${e.eligibility.outcome}"`
        }
      if (e.eligibility.asOf > e.date)
        return {
          path: ["eligibility", "asOf"],
          issue: `the eligibility decision is as of ${e.eligibility.asOf}, after the enrolment on ${e.date}`
        }
      return true
    })
  )
)
/** @since 0.1.0 @category models */
export type Enrolment = typeof Enrolment.Type

/**
 * Enrolled: the PIP is signed, the services have not started.
 *
 * @since 0.1.0
 * @category models
 */
export const Enrolled = Schema.Struct({ status: Schema.Literal("enrolled"), since: Calendar.CalendarDate })
/** @since 0.1.0 @category models */
export type Enrolled = typeof Enrolled.Type

/**
 * Active since `since` (the start, or the resumption after a suspension).
 *
 * @since 0.1.0
 * @category models
 */
export const Active = Schema.Struct({ status: Schema.Literal("active"), since: Calendar.CalendarDate })
/** @since 0.1.0 @category models */
export type Active = typeof Active.Type

/**
 * Suspended since `since`, for `reason` (illness, a temporary job, a family crisis…).
 *
 * @since 0.1.0
 * @category models
 */
export const Suspended = Schema.Struct({
  status: Schema.Literal("suspended"),
  since: Calendar.CalendarDate,
  reason: Reason
})
/** @since 0.1.0 @category models */
export type Suspended = typeof Suspended.Type

const afterLeaving = Schema.makeFilter(
  (s: {
    readonly since: Calendar.CalendarDate
    readonly leaving?: LeavingStatus.LeavingRecord
    readonly followUp?: LeavingStatus.FollowUpRecord
  }) => {
    const issues: Array<Schema.FilterIssue> = []
    if (s.leaving !== undefined && s.leaving.recordedOn < s.since)
      issues.push({
        path: ["leaving", "recordedOn"],
        issue: `the status upon leaving is recorded on ${s.leaving.recordedOn}, before leaving on ${s.since}`
      })
    if (s.followUp !== undefined && s.followUp.recordedOn < s.since)
      issues.push({
        path: ["followUp", "recordedOn"],
        issue: `the follow-up is recorded on ${s.followUp.recordedOn}, before leaving on ${s.since}`
      })
    return issues.length === 0 ? true : issues
  }
)

/**
 * Completed on `since` (the leaving date), with the status upon leaving and the six-month
 * follow-up once recorded.
 *
 * @since 0.1.0
 * @category models
 */
export const Completed = Schema.Struct({
  status: Schema.Literal("completed"),
  since: Calendar.CalendarDate,
  leaving: Schema.optionalKey(LeavingStatus.LeavingRecord),
  followUp: Schema.optionalKey(LeavingStatus.FollowUpRecord)
}).pipe(Schema.check(afterLeaving))
/** @since 0.1.0 @category models */
export type Completed = typeof Completed.Type

/**
 * Dropped on `since` (the leaving date) from `from`, for `reason`; with the status upon
 * leaving and the follow-up once recorded (early leavers count in the result indicators too).
 *
 * @since 0.1.0
 * @category models
 */
export const Dropped = Schema.Struct({
  status: Schema.Literal("dropped"),
  since: Calendar.CalendarDate,
  from: Schema.Literals(["enrolled", "active", "suspended"]),
  reason: Reason,
  leaving: Schema.optionalKey(LeavingStatus.LeavingRecord),
  followUp: Schema.optionalKey(LeavingStatus.FollowUpRecord)
}).pipe(Schema.check(afterLeaving))
/** @since 0.1.0 @category models */
export type Dropped = typeof Dropped.Type

/**
 * The state of a pathway after enrolment.
 *
 * @since 0.1.0
 * @category models
 */
export const Stage = Schema.Union([Enrolled, Active, Suspended, Completed, Dropped])
/** @since 0.1.0 @category models */
export type Stage = typeof Stage.Type

// ---------------------------------------------------------------------------------------------
// the pathway
// ---------------------------------------------------------------------------------------------

const header = {
  id: PathwayId,
  person: PersonId,
  household: HouseholdId,
  project: ProjectId
}

/**
 * A pathway before enrolment: who, in which project, and its state.
 *
 * @since 0.1.0
 * @category models
 */
export const Prospect = Schema.Struct({ ...header, phase: Schema.Literal("prospect"), state: ProspectState })
/** @since 0.1.0 @category models */
export type Prospect = typeof Prospect.Type

/**
 * A pathway after enrolment: who, in which project, the frozen {@link Enrolment}, the current
 * {@link Stage} and the services delivered, in the order they were recorded. The enrolment is
 * marked special category (its snapshot holds art. 9 data), the stage and services personal.
 *
 * @since 0.1.0
 * @category models
 */
export const Participant = Schema.Struct({
  ...header,
  phase: Schema.Literal("participant"),
  enrolment: Sensitivity.annotateSpecialCategory(Enrolment),
  state: Sensitivity.annotatePersonal(Stage),
  services: Sensitivity.annotatePersonal(Schema.Array(PathwayService.DeliveredService))
}).pipe(
  Schema.check(
    Schema.makeFilter(
      (p: {
        readonly enrolment: { readonly date: Calendar.CalendarDate }
        readonly state: Stage
        readonly services: ReadonlyArray<PathwayService.DeliveredService>
      }) => {
        const issues: Array<Schema.FilterIssue> = []
        const enrolled = p.enrolment.date
        if (p.state.since < enrolled)
          issues.push({
            path: ["state", "since"],
            issue: `the state began on ${p.state.since}, before the enrolment on ${enrolled}`
          })
        const left = p.state.status === "completed" || p.state.status === "dropped" ? p.state.since : undefined
        p.services.forEach((s, i) => {
          if (s.date < enrolled)
            issues.push({
              path: ["services", i, "date"],
              issue: `service delivered on ${s.date}, before the enrolment on ${enrolled}`
            })
          else if (left !== undefined && s.date > left)
            issues.push({
              path: ["services", i, "date"],
              issue: `service delivered on ${s.date}, after leaving on ${left}`
            })
        })
        return issues.length === 0 ? true : issues
      }
    )
  )
)
/** @since 0.1.0 @category models */
export type Participant = typeof Participant.Type

/**
 * A pathway: a {@link Prospect} or a {@link Participant}. Decoding checks the invariants the
 * state machine keeps (dates in order, an eligible decision behind every enrolment, services
 * within the participation) but not the ESF time windows, which are dated parameters: a
 * record valid when written stays readable if a parameter is later corrected.
 *
 * @since 0.1.0
 * @category models
 */
export const Pathway = Schema.Union([Prospect, Participant])
/** @since 0.1.0 @category models */
export type Pathway = typeof Pathway.Type

/**
 * Decodes untrusted input as a pathway, with every problem and its path; never throws. The
 * enrolment of the result is deep-frozen, like one made by {@link transition}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = (input: unknown): Result.Result<Pathway, InvalidInput.InvalidInput> =>
  Result.map(InvalidInput.decoder(Pathway, "Pathway")(input), (p) =>
    p.phase === "participant" ? { ...p, enrolment: frozenCopy(p.enrolment) } : p
  )

/**
 * A new pathway: the person referred as a candidate on `date`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const candidate = (who: {
  readonly id: PathwayId
  readonly person: PersonId
  readonly household: HouseholdId
  readonly project: ProjectId
  readonly date: Calendar.CalendarDate
}): Prospect => ({
  id: who.id,
  person: who.person,
  household: who.household,
  project: who.project,
  phase: "prospect",
  state: { status: "candidate", since: who.date }
})

/**
 * The name of the current state.
 *
 * @since 0.1.0
 * @category utils
 */
export const status = (p: Pathway): Status => p.state.status

/**
 * The entry snapshot of a participant; `undefined` before enrolment.
 *
 * @since 0.1.0
 * @category utils
 */
export const entryOf = (p: Pathway): EntrySnapshot | undefined =>
  p.phase === "participant" ? p.enrolment.entry : undefined

/**
 * The leaving date of a participant who completed or dropped out; `undefined` otherwise.
 *
 * @since 0.1.0
 * @category utils
 */
export const leftOn = (p: Pathway): Calendar.CalendarDate | undefined =>
  p.phase === "participant" && (p.state.status === "completed" || p.state.status === "dropped")
    ? p.state.since
    : undefined

// ---------------------------------------------------------------------------------------------
// commands
// ---------------------------------------------------------------------------------------------

/**
 * The name of a command.
 *
 * @since 0.1.0
 * @category models
 */
export const CommandName = Schema.Literals([
  "assess",
  "enrol",
  "start",
  "suspend",
  "resume",
  "complete",
  "drop",
  "recordService",
  "recordLeavingStatus",
  "recordFollowUp"
])
/** @since 0.1.0 @category models */
export type CommandName = typeof CommandName.Type

/**
 * Italian and English labels of each command.
 *
 * @since 0.1.0
 * @category formatting
 */
export const commandLabel: { readonly [C in CommandName]: Label } = {
  assess: { it: "valutazione", en: "assess" },
  enrol: { it: "iscrizione (firma del PIP)", en: "enrol" },
  start: { it: "avvio", en: "start" },
  suspend: { it: "sospensione", en: "suspend" },
  resume: { it: "ripresa", en: "resume" },
  complete: { it: "conclusione", en: "complete" },
  drop: { it: "interruzione", en: "drop" },
  recordService: { it: "registrazione di un servizio erogato", en: "record a delivered service" },
  recordLeavingStatus: { it: "rilevazione della condizione all'uscita", en: "record the status upon leaving" },
  recordFollowUp: { it: "rilevazione a sei mesi", en: "record the six-month follow-up" }
}

const Assess = Schema.Struct({
  command: Schema.Literal("assess"),
  date: Calendar.CalendarDate,
  eligibility: EligibilityRef
}).pipe(
  Schema.check(
    Schema.makeFilter((c: { readonly date: Calendar.CalendarDate; readonly eligibility: EligibilityRef }) =>
      c.eligibility.asOf <= c.date
        ? true
        : {
            path: ["eligibility", "asOf"],
            issue: `the decision is as of ${c.eligibility.asOf}, after the assessment on ${c.date}`
          }
    )
  )
)

const simple = <const C extends CommandName>(name: C) =>
  Schema.Struct({ command: Schema.Literal(name), date: Calendar.CalendarDate })

/**
 * A command with its date:
 * - `assess`: the eligibility decision (its `asOf` not after the command date);
 * - `enrol`: the PIP signed on `date` — objectives, planned services, responsible
 *   organisation — and the entry snapshot of the person on `date`;
 * - `start`, `resume`, `complete`: the services start, resume, are completed;
 * - `suspend`, `drop`: with a reason;
 * - `recordService`: a service delivered on `date`;
 * - `recordLeavingStatus`: the status upon leaving, observed on `date`;
 * - `recordFollowUp`: the six-month situation, observed on `date`.
 *
 * @since 0.1.0
 * @category models
 */
export const Command = Schema.Union([
  Assess,
  Schema.Struct({
    command: Schema.Literal("enrol"),
    date: Calendar.CalendarDate,
    objectives: Objectives,
    planned: Planned,
    responsible: OrganisationId,
    entry: EntrySnapshot
  }),
  simple("start"),
  Schema.Struct({ command: Schema.Literal("suspend"), date: Calendar.CalendarDate, reason: Reason }),
  simple("resume"),
  simple("complete"),
  Schema.Struct({ command: Schema.Literal("drop"), date: Calendar.CalendarDate, reason: Reason }),
  Schema.Struct({
    command: Schema.Literal("recordService"),
    date: Calendar.CalendarDate,
    service: PathwayService.Delivery
  }),
  Schema.Struct({
    command: Schema.Literal("recordLeavingStatus"),
    date: Calendar.CalendarDate,
    status: LeavingStatus.LeavingStatus
  }),
  Schema.Struct({
    command: Schema.Literal("recordFollowUp"),
    date: Calendar.CalendarDate,
    situation: LeavingStatus.FollowUp
  })
])
/** @since 0.1.0 @category models */
export type Command = typeof Command.Type

/**
 * Decodes untrusted input (a portal form, an imported row) as a command, with every problem
 * and its path; never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeCommand: (input: unknown) => Result.Result<Command, InvalidInput.InvalidInput> =
  InvalidInput.decoder(Command, "Pathway command")

// ---------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------

/**
 * Why a command is refused:
 * - `not-accepted`: the state does not accept the command;
 * - `never-enrolled`: the pathway was dropped before enrolment, so there is no participant
 *   whose leaving or follow-up could be recorded;
 * - `not-eligible`: enrolment of a candidate whose decision is not `eligible`;
 * - `already-recorded`: the status upon leaving, or the follow-up, is already recorded;
 * - `date-before-state`: the command is dated before the current state's date;
 * - `date-before-last-service`: a suspension, completion or drop dated before the last
 *   service recorded (`limit` is that service's date);
 * - `entry-date-mismatch`: the entry snapshot is not as of the enrolment date;
 * - `leaving-status-too-late`: recorded after the 4-week window (`limit` is the last day);
 * - `follow-up-too-early`: recorded before six months from leaving (`limit` is the first day).
 *
 * @since 0.1.0
 * @category errors
 */
export const RefusalReason = Schema.Literals([
  "not-accepted",
  "never-enrolled",
  "not-eligible",
  "already-recorded",
  "date-before-state",
  "date-before-last-service",
  "entry-date-mismatch",
  "leaving-status-too-late",
  "follow-up-too-early"
])
/** @since 0.1.0 @category errors */
export type RefusalReason = typeof RefusalReason.Type

/**
 * A pathway command refused: the current `state` (and the date it began, `since`), the
 * `command` and its `date`, and the `reason`. A time-window refusal carries the `limit` date
 * and the `source` of the rule, `date-before-last-service` the last service's date as `limit`;
 * `not-eligible` the decision's `outcome`;
 * `entry-date-mismatch` the snapshot's date (`entryAsOf`).
 *
 * @since 0.1.0
 * @category errors
 */
export class PathwayTransitionNotAllowed extends Schema.TaggedError<PathwayTransitionNotAllowed>()(
  "PathwayTransitionNotAllowed",
  {
    state: Status,
    command: CommandName,
    reason: RefusalReason,
    since: Calendar.CalendarDate,
    date: Calendar.CalendarDate,
    limit: Schema.optionalKey(Calendar.CalendarDate),
    source: Schema.optionalKey(LegalReference.LegalReference),
    outcome: Schema.optionalKey(Outcome),
    entryAsOf: Schema.optionalKey(Calendar.CalendarDate)
  }
) {
  override get message(): string {
    const state = statusLabel[this.state].en
    const command = commandLabel[this.command].en
    const source = this.source === undefined ? "" : ` (${LegalReference.cite(this.source)})`
    return match(this.reason)
      .with("not-accepted", () => `a pathway in state "${state}" does not accept the command "${command}"`)
      .with(
        "never-enrolled",
        () => `the pathway was dropped before enrolment: there is no participant, so nothing to "${command}"`
      )
      .with(
        "not-eligible",
        () =>
          `only an eligible candidate can be enrolled: the eligibility decision is "${outcomeLabel[this.outcome ?? "undetermined"].en}"`
      )
      .with("already-recorded", () =>
        this.command === "recordFollowUp"
          ? "the six-month follow-up is already recorded"
          : "the status upon leaving is already recorded"
      )
      .with(
        "date-before-state",
        () => `the command "${command}" dated ${this.date} is before ${this.since}, when the pathway became ${state}`
      )
      .with(
        "date-before-last-service",
        () =>
          `the command "${command}" dated ${this.date} is before the last service recorded, on ${this.limit ?? "?"}: ` +
          "a pathway cannot stop before a service it delivered"
      )
      .with(
        "entry-date-mismatch",
        () =>
          `the entry snapshot is as of ${this.entryAsOf ?? "?"}, not the enrolment date ${this.date}: it must describe the person on the day the PIP is signed`
      )
      .with(
        "leaving-status-too-late",
        () =>
          `the status upon leaving dated ${this.date} is ${Calendar.daysBetween(this.since, this.date)} days after leaving on ${this.since}: ` +
          `it must be recorded by ${this.limit ?? "?"}${source}`
      )
      .with(
        "follow-up-too-early",
        () =>
          `the six-month follow-up dated ${this.date} is too early: the participant left on ${this.since}, ` +
          `so it can be recorded from ${this.limit ?? "?"}${source}`
      )
      .exhaustive()
  }

  /** The same in Italian. */
  get messageIt(): string {
    const state = statusLabel[this.state].it
    const command = commandLabel[this.command].it
    const source = this.source === undefined ? "" : ` (${LegalReference.cite(this.source)})`
    return match(this.reason)
      .with("not-accepted", () => `un percorso nello stato "${state}" non ammette il comando "${command}"`)
      .with(
        "never-enrolled",
        () =>
          `il percorso è stato interrotto prima dell'iscrizione: non c'è un partecipante, quindi niente "${command}"`
      )
      .with(
        "not-eligible",
        () =>
          `si può iscrivere solo un candidato ammissibile: la decisione di ammissibilità è "${outcomeLabel[this.outcome ?? "undetermined"].it}"`
      )
      .with("already-recorded", () =>
        this.command === "recordFollowUp"
          ? "la rilevazione a sei mesi è già registrata"
          : "la condizione all'uscita è già registrata"
      )
      .with(
        "date-before-state",
        () =>
          `il comando "${command}" del ${this.date} precede il ${this.since}, data in cui il percorso è diventato ${state}`
      )
      .with(
        "date-before-last-service",
        () =>
          `il comando "${command}" del ${this.date} precede l'ultimo servizio registrato, del ${this.limit ?? "?"}: ` +
          "un percorso non può fermarsi prima di un servizio erogato"
      )
      .with(
        "entry-date-mismatch",
        () =>
          `la fotografia all'ingresso è del ${this.entryAsOf ?? "?"} e non del ${this.date}: deve descrivere la persona il giorno della firma del PIP`
      )
      .with(
        "leaving-status-too-late",
        () =>
          `la condizione all'uscita del ${this.date} è rilevata ${Calendar.daysBetween(this.since, this.date)} giorni dopo l'uscita del ${this.since}: ` +
          `va rilevata entro il ${this.limit ?? "?"}${source}`
      )
      .with(
        "follow-up-too-early",
        () =>
          `la rilevazione a sei mesi del ${this.date} è troppo anticipata: il partecipante è uscito il ${this.since}, ` +
          `si può registrare dal ${this.limit ?? "?"}${source}`
      )
      .exhaustive()
  }
}

// ---------------------------------------------------------------------------------------------
// transitions
// ---------------------------------------------------------------------------------------------

interface Refusal {
  readonly reason: RefusalReason
  readonly limit?: Calendar.CalendarDate
  readonly source?: LegalReference.LegalReference
  readonly outcome?: Outcome
  readonly entryAsOf?: Calendar.CalendarDate
}

type Step<S> = Result.Result<S, Refusal>

const refuse = (reason: RefusalReason, details: Omit<Refusal, "reason"> = {}): Step<never> =>
  Result.fail({ reason, ...details })

/** The date check every accepted command goes through: not before the state's date. */
const onOrAfter = <S>(since: Calendar.CalendarDate, c: Command, next: () => Step<S>): Step<S> =>
  c.date < since ? refuse("date-before-state") : next()

/** Prospect × command: the next prospect state, or the enrolment that makes it a participant. */
type ProspectNext =
  | { readonly _tag: "prospect"; readonly state: ProspectState }
  | { readonly _tag: "enrol"; readonly enrolment: Enrolment }

const prospectNext = (s: ProspectState, c: Command): Step<ProspectNext> =>
  match<readonly [ProspectState, Command], Step<ProspectNext>>([s, c])
    .with([{ status: P.union("candidate", "assessed") }, { command: "assess" }], ([s, c]) =>
      onOrAfter(s.since, c, () =>
        Result.succeed({ _tag: "prospect", state: { status: "assessed", since: c.date, eligibility: c.eligibility } })
      )
    )
    .with([{ status: "assessed" }, { command: "enrol" }], ([s, c]) =>
      s.eligibility.outcome !== "eligible"
        ? refuse("not-eligible", { outcome: s.eligibility.outcome })
        : onOrAfter(s.since, c, () =>
            c.entry.asOf !== c.date
              ? refuse("entry-date-mismatch", { entryAsOf: c.entry.asOf })
              : Result.succeed({
                  _tag: "enrol",
                  // the only place an enrolment is made: a deep-frozen copy, never shared with the caller
                  enrolment: frozenCopy({
                    date: c.date,
                    eligibility: s.eligibility,
                    objectives: c.objectives,
                    planned: c.planned,
                    responsible: c.responsible,
                    entry: c.entry
                  })
                })
          )
    )
    .with([{ status: "candidate" }, { command: "drop" }], ([s, c]) =>
      onOrAfter(s.since, c, () =>
        Result.succeed({
          _tag: "prospect",
          state: { status: "dropped", since: c.date, from: "candidate", reason: c.reason }
        })
      )
    )
    .with([{ status: "assessed" }, { command: "drop" }], ([s, c]) =>
      onOrAfter(s.since, c, () =>
        Result.succeed({
          _tag: "prospect",
          state: { status: "dropped", since: c.date, from: "assessed", reason: c.reason, eligibility: s.eligibility }
        })
      )
    )
    .with(
      [
        { status: "candidate" },
        {
          command: P.union(
            "enrol",
            "start",
            "suspend",
            "resume",
            "complete",
            "recordService",
            "recordLeavingStatus",
            "recordFollowUp"
          )
        }
      ],
      () => refuse("not-accepted")
    )
    .with(
      [
        { status: "assessed" },
        {
          command: P.union(
            "start",
            "suspend",
            "resume",
            "complete",
            "recordService",
            "recordLeavingStatus",
            "recordFollowUp"
          )
        }
      ],
      () => refuse("not-accepted")
    )
    .with([{ status: "dropped" }, { command: P.union("recordLeavingStatus", "recordFollowUp") }], () =>
      refuse("never-enrolled")
    )
    .with(
      [
        { status: "dropped" },
        { command: P.union("assess", "enrol", "start", "suspend", "resume", "complete", "drop", "recordService") }
      ],
      () => refuse("not-accepted")
    )
    .exhaustive()

/**
 * What changes after enrolment: the stage and the services. The enrolment (PIP and entry
 * snapshot) is not part of it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly state: Stage
  readonly services: ReadonlyArray<PathwayService.DeliveredService>
}

const recordLeaving = (
  s: Completed | Dropped,
  c: Command & { readonly command: "recordLeavingStatus" }
): Step<Stage> => {
  if (s.leaving !== undefined) return refuse("already-recorded")
  return onOrAfter(s.since, c, () => {
    const deadline = LeavingStatus.leavingStatusDeadline(s.since)
    if (deadline !== undefined && c.date > deadline.date)
      return refuse("leaving-status-too-late", { limit: deadline.date, source: deadline.reading.source })
    return Result.succeed({ ...s, leaving: { recordedOn: c.date, status: c.status } })
  })
}

const recordFollowUp = (s: Completed | Dropped, c: Command & { readonly command: "recordFollowUp" }): Step<Stage> => {
  if (s.followUp !== undefined) return refuse("already-recorded")
  return onOrAfter(s.since, c, () => {
    const earliest = LeavingStatus.followUpEarliest(s.since)
    if (earliest !== undefined && c.date < earliest.date)
      return refuse("follow-up-too-early", { limit: earliest.date, source: earliest.reading.source })
    return Result.succeed({ ...s, followUp: { recordedOn: c.date, situation: c.situation } })
  })
}

/**
 * The reducer after enrolment: `(Progress, Command) → Progress`. It is never given the
 * enrolment, and its result has no place for one.
 */
const advance = (p: Progress, c: Command): Step<Progress> => {
  const stage = (state: Step<Stage>): Step<Progress> => Result.map(state, (state) => ({ state, services: p.services }))
  // leaving the active state (suspend, complete, drop) not before a service delivered in it
  const lastService = p.services.reduce<Calendar.CalendarDate | undefined>(
    (latest, s) => (latest === undefined || s.date > latest ? s.date : latest),
    undefined
  )
  const afterServices = (next: () => Step<Stage>): Step<Stage> =>
    lastService !== undefined && c.date < lastService
      ? refuse("date-before-last-service", { limit: lastService })
      : next()
  return match<readonly [Stage, Command], Step<Progress>>([p.state, c])
    .with([{ status: "enrolled" }, { command: "start" }], ([s, c]) =>
      stage(onOrAfter(s.since, c, () => Result.succeed({ status: "active", since: c.date })))
    )
    .with([{ status: "active" }, { command: "suspend" }], ([s, c]) =>
      stage(
        onOrAfter(s.since, c, () =>
          afterServices(() => Result.succeed({ status: "suspended", since: c.date, reason: c.reason }))
        )
      )
    )
    .with([{ status: "suspended" }, { command: "resume" }], ([s, c]) =>
      stage(onOrAfter(s.since, c, () => Result.succeed({ status: "active", since: c.date })))
    )
    .with([{ status: "active" }, { command: "complete" }], ([s, c]) =>
      stage(onOrAfter(s.since, c, () => afterServices(() => Result.succeed({ status: "completed", since: c.date }))))
    )
    .with([{ status: P.union("enrolled", "active", "suspended") }, { command: "drop" }], ([s, c]) =>
      stage(
        onOrAfter(s.since, c, () =>
          afterServices(() => Result.succeed({ status: "dropped", since: c.date, from: s.status, reason: c.reason }))
        )
      )
    )
    .with([{ status: "active" }, { command: "recordService" }], ([s, c]) =>
      onOrAfter(s.since, c, () =>
        Result.succeed({ state: s, services: [...p.services, { date: c.date, ...c.service }] })
      )
    )
    .with([{ status: P.union("completed", "dropped") }, { command: "recordLeavingStatus" }], ([s, c]) =>
      stage(recordLeaving(s, c))
    )
    .with([{ status: P.union("completed", "dropped") }, { command: "recordFollowUp" }], ([s, c]) =>
      stage(recordFollowUp(s, c))
    )
    .with(
      [
        { status: "enrolled" },
        {
          command: P.union(
            "assess",
            "enrol",
            "suspend",
            "resume",
            "complete",
            "recordService",
            "recordLeavingStatus",
            "recordFollowUp"
          )
        }
      ],
      () => refuse("not-accepted")
    )
    .with(
      [
        { status: "active" },
        { command: P.union("assess", "enrol", "start", "resume", "recordLeavingStatus", "recordFollowUp") }
      ],
      () => refuse("not-accepted")
    )
    .with(
      [
        { status: "suspended" },
        {
          command: P.union(
            "assess",
            "enrol",
            "start",
            "suspend",
            "complete",
            "recordService",
            "recordLeavingStatus",
            "recordFollowUp"
          )
        }
      ],
      () => refuse("not-accepted")
    )
    .with(
      [
        { status: P.union("completed", "dropped") },
        { command: P.union("assess", "enrol", "start", "suspend", "resume", "complete", "drop", "recordService") }
      ],
      () => refuse("not-accepted")
    )
    .exhaustive()
}

/**
 * Applies a command to a pathway: the pathway after it, or {@link PathwayTransitionNotAllowed}
 * naming the current state and the command, with the reason (see the module header for the
 * order of the checks). After enrolment, the enrolment of the result is the very same
 * (frozen) object as before: no command can change the entry snapshot.
 *
 * @since 0.1.0
 * @category rules
 */
export const transition = (p: Pathway, c: Command): Result.Result<Pathway, PathwayTransitionNotAllowed> => {
  const step: Step<Pathway> = match<Pathway, Step<Pathway>>(p)
    .with({ phase: "prospect" }, (p) =>
      Result.map(
        prospectNext(p.state, c),
        (next): Pathway =>
          next._tag === "prospect"
            ? { ...p, state: next.state }
            : {
                id: p.id,
                person: p.person,
                household: p.household,
                project: p.project,
                phase: "participant",
                enrolment: next.enrolment,
                state: { status: "enrolled", since: next.enrolment.date },
                services: []
              }
      )
    )
    .with({ phase: "participant" }, (p) =>
      Result.map(
        advance({ state: p.state, services: p.services }, c),
        (next): Pathway => ({
          ...p,
          state: next.state,
          services: next.services
        })
      )
    )
    .exhaustive()
  return Result.mapError(
    step,
    (r) =>
      new PathwayTransitionNotAllowed({
        state: p.state.status,
        command: c.command,
        since: p.state.since,
        date: c.date,
        ...r
      })
  )
}

/**
 * Applies commands in order, stopping at the first refusal. Commands must come in date order:
 * to insert a late entry (a service registered a week after the fact), replay the whole
 * command log sorted by date.
 *
 * @since 0.1.0
 * @category rules
 */
export const replay = (
  initial: Pathway,
  commands: ReadonlyArray<Command>
): Result.Result<Pathway, PathwayTransitionNotAllowed> =>
  commands.reduce<Result.Result<Pathway, PathwayTransitionNotAllowed>>(
    (acc, c) => Result.flatMap(acc, (p) => transition(p, c)),
    Result.succeed(initial)
  )
