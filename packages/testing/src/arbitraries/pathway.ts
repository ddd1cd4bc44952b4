/**
 * fast-check arbitraries for personalised pathways: services and hours, eligibility
 * references, entry snapshots, leaving statuses and follow-ups, and command *steps* — a
 * command name with a date offset and every payload it could need — that a test turns into
 * commands with {@link toCommand}, so a sequence can be replayed against the state machine and
 * against an independent model. {@link steps} mixes random sequences (which mostly hit refused
 * cells) with guided ones that walk the whole life of a pathway with noise in between, so deep
 * states (suspended, completed with a follow-up) are reached often. {@link pathway} is any
 * valid pathway, built by replaying steps. Every value decodes through its Schema.
 *
 * @since 0.1.0
 */
import {
  Calendar,
  type EntrySnapshot,
  Ids,
  type LeavingStatus,
  Pathway,
  PathwayService,
  Person,
  SpecialCategory
} from "@quartieri/core"
import { Result } from "effect"
import * as fc from "fast-check"

// ---------------------------------------------------------------------------------------------
// services and hours
// ---------------------------------------------------------------------------------------------

/**
 * Any service kind.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serviceKind: fc.Arbitrary<PathwayService.Kind> = fc.constantFrom(...PathwayService.Kind.literals)

/**
 * Hours from 0 to 100, in quarter hours.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hours: fc.Arbitrary<PathwayService.Hours> = fc
  .integer({ min: 0, max: 400 })
  .map((n) => PathwayService.Hours.make(n / 4))

/**
 * Hours of a service on one day: from 0.25 to 24, in quarter hours.
 *
 * @since 0.1.0
 * @category constructors
 */
export const dayHours: fc.Arbitrary<PathwayService.DayHours> = fc
  .integer({ min: 1, max: 96 })
  .map((n) => PathwayService.DayHours.make(n / 4))

/**
 * A labour operator's id, from a pool of three (the seed projects' operators).
 *
 * @since 0.1.0
 * @category constructors
 */
export const operatorId: fc.Arbitrary<Ids.OrganisationId> = fc
  .constantFrom("consorzio-mestieri", "cooperativa-koala", "solco-brescia")
  .map((s) => Ids.OrganisationId.make(s))

/**
 * A planned service.
 *
 * @since 0.1.0
 * @category constructors
 */
export const plannedService: fc.Arbitrary<PathwayService.PlannedService> = fc.record({
  kind: serviceKind,
  hours,
  organisation: operatorId
})

/**
 * A delivery (the service, without its date).
 *
 * @since 0.1.0
 * @category constructors
 */
export const delivery: fc.Arbitrary<PathwayService.Delivery> = fc.record({
  kind: serviceKind,
  hours: dayHours,
  organisation: operatorId
})

// ---------------------------------------------------------------------------------------------
// entry, leaving, follow-up
// ---------------------------------------------------------------------------------------------

/**
 * Any eligibility outcome.
 *
 * @since 0.1.0
 * @category constructors
 */
export const outcome: fc.Arbitrary<Pathway.Outcome> = fc.constantFrom(...Pathway.Outcome.literals)

/**
 * Special-category attributes that keep the consent rule: with consent any answer, without it
 * every answer `refused`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const specialCategory = (date: Calendar.CalendarDate): fc.Arbitrary<SpecialCategory.Attributes> =>
  fc.oneof(
    fc.record({
      disability: fc.constantFrom(...SpecialCategory.TriState.literals),
      foreignBackground: fc.constantFrom(...SpecialCategory.TriState.literals),
      minority: fc.constantFrom(...SpecialCategory.TriState.literals),
      consent: fc.constant({ given: true, date, purpose: "monitoraggio FSE" })
    }),
    fc.constant(SpecialCategory.refusedAll(date, "monitoraggio FSE"))
  )

/**
 * The facts of an entry snapshot, without its date: long-term unemployment only when
 * unemployed.
 *
 * @since 0.1.0
 * @category models
 */
export type EntryFacts = Omit<EntrySnapshot.EntrySnapshot, "asOf">

/**
 * Entry facts (consent asked on 2018-01-01).
 *
 * @since 0.1.0
 * @category constructors
 */
export const entryFacts: fc.Arbitrary<EntryFacts> = fc
  .record({
    ageAtEntry: fc.integer({ min: 16, max: 75 }),
    sex: fc.constantFrom(...Person.Sex.literals),
    labourMarketStatus: fc.constantFrom(
      "employed",
      "self-employed",
      "unemployed",
      "inactive-in-education-or-training",
      "inactive-not-in-education-or-training"
    ),
    longTermUnemployed: fc.boolean(),
    isced: fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8),
    thirdCountryNational: fc.boolean(),
    household: fc.record({ jobless: fc.boolean(), dependentChildren: fc.boolean(), singleAdult: fc.boolean() }),
    specialCategory: specialCategory(Calendar.unsafeMake("2018-01-01")),
    homelessOrHousingExclusion: fc.boolean(),
    rural: fc.boolean()
  })
  .map((f) => ({ ...f, longTermUnemployed: f.longTermUnemployed && f.labourMarketStatus === "unemployed" }))

/**
 * An entry snapshot as of `asOf`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const entrySnapshot = (asOf: Calendar.CalendarDate): fc.Arbitrary<EntrySnapshot.EntrySnapshot> =>
  entryFacts.map((f) => ({ asOf, ...f }))

/**
 * Any status upon leaving (all false included: "none of these").
 *
 * @since 0.1.0
 * @category constructors
 */
export const leavingStatus: fc.Arbitrary<LeavingStatus.LeavingStatus> = fc.record({
  jobSearching: fc.boolean(),
  inEducationOrTraining: fc.boolean(),
  gainedQualification: fc.boolean(),
  inEmployment: fc.boolean()
})

/**
 * Any six-month situation.
 *
 * @since 0.1.0
 * @category constructors
 */
export const followUp: fc.Arbitrary<LeavingStatus.FollowUp> = fc.record({
  employed: fc.boolean(),
  selfEmployed: fc.boolean(),
  improvedSituation: fc.boolean()
})

/**
 * The PIP of an enrolment, as the `enrol` command carries it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plan {
  readonly objectives: readonly [string, ...Array<string>]
  readonly planned: readonly [PathwayService.PlannedService, ...Array<PathwayService.PlannedService>]
  readonly responsible: Ids.OrganisationId
}

const objectives = ["ricollocazione lavorativa", "rientro dalla morosità", "riqualificazione", "autonomia abitativa"]

/**
 * A PIP: one to four objectives, one to six planned services, the responsible organisation.
 *
 * @since 0.1.0
 * @category constructors
 */
export const plan: fc.Arbitrary<Plan> = fc.record({
  objectives: fc
    .tuple(fc.constantFrom(...objectives), fc.subarray(objectives, { maxLength: 3 }))
    .map(([first, rest]) => [first, ...rest] as const),
  planned: fc
    .tuple(plannedService, fc.array(plannedService, { maxLength: 5 }))
    .map(([first, rest]) => [first, ...rest] as const),
  responsible: operatorId
})

// ---------------------------------------------------------------------------------------------
// command steps
// ---------------------------------------------------------------------------------------------

/**
 * One step of a command sequence: the command name, the days since the previous *accepted*
 * command (negative ones test dates going backwards), and every payload the command may need.
 * `entryShift` is 0 for a snapshot as of the command date, and otherwise moves it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Step {
  readonly name: Pathway.CommandName
  readonly offset: number
  readonly outcome: Pathway.Outcome
  readonly entryShift: number
  readonly entry: EntryFacts
  readonly plan: Plan
  readonly delivery: PathwayService.Delivery
  readonly leaving: LeavingStatus.LeavingStatus
  readonly followUp: LeavingStatus.FollowUp
}

/** Offsets that move forward by days or weeks, sometimes back, sometimes past six months. */
const offset: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(27, 28, 29) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: -1 }) },
  { weight: 2, arbitrary: fc.integer({ min: 170, max: 220 }) }
)

const stepOf = (name: fc.Arbitrary<Pathway.CommandName>): fc.Arbitrary<Step> =>
  fc.record({
    name,
    offset,
    outcome: fc.oneof({ weight: 4, arbitrary: fc.constant("eligible" as const) }, { weight: 1, arbitrary: outcome }),
    entryShift: fc.oneof(
      { weight: 9, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) }
    ),
    entry: entryFacts,
    plan,
    delivery,
    leaving: leavingStatus,
    followUp
  })

/**
 * A step with any command.
 *
 * @since 0.1.0
 * @category constructors
 */
export const step: fc.Arbitrary<Step> = stepOf(fc.constantFrom(...Pathway.CommandName.literals))

/** The whole life of a pathway, with services and a suspension or two. */
const life: ReadonlyArray<Pathway.CommandName> = [
  "assess",
  "enrol",
  "start",
  "recordService",
  "recordService",
  "suspend",
  "resume",
  "recordService",
  "recordService",
  "complete",
  "recordLeavingStatus",
  "recordFollowUp"
]

/**
 * Command steps: random sequences, and guided ones that follow the life of a pathway (ending
 * in `complete` or `drop`) with random steps in between.
 *
 * @since 0.1.0
 * @category constructors
 */
export const steps: fc.Arbitrary<ReadonlyArray<Step>> = fc.oneof(
  fc.array(step, { maxLength: 30 }),
  fc
    .tuple(
      fc.constantFrom("complete", "drop"),
      fc.array(fc.tuple(fc.boolean(), step), { minLength: life.length, maxLength: life.length }),
      fc.array(stepOf(fc.constantFrom(...life)), { minLength: life.length, maxLength: life.length })
    )
    .map(([ending, noise, guided]) =>
      guided.flatMap((g, i) => {
        const name = life[i] === "complete" ? ending : (life[i] ?? g.name)
        const [withNoise, extra] = noise[i] ?? [false, g]
        return withNoise ? [extra, { ...g, name }] : [{ ...g, name }]
      })
    )
)

/**
 * The command a step stands for, dated `date`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toCommand = (s: Step, date: Calendar.CalendarDate): Pathway.Command => {
  switch (s.name) {
    case "assess":
      return { command: "assess", date, eligibility: { decisionId: `D-${date}`, outcome: s.outcome, asOf: date } }
    case "enrol":
      return { command: "enrol", date, ...s.plan, entry: { asOf: Calendar.addDays(date, s.entryShift), ...s.entry } }
    case "start":
    case "resume":
    case "complete":
      return { command: s.name, date }
    case "suspend":
      return { command: "suspend", date, reason: "sospensione per motivi di salute" }
    case "drop":
      return { command: "drop", date, reason: "rinuncia del partecipante" }
    case "recordService":
      return { command: "recordService", date, service: s.delivery }
    case "recordLeavingStatus":
      return { command: "recordLeavingStatus", date, status: s.leaving }
    case "recordFollowUp":
      return { command: "recordFollowUp", date, situation: s.followUp }
  }
}

// ---------------------------------------------------------------------------------------------
// pathways
// ---------------------------------------------------------------------------------------------

/**
 * A referral date from 2018 to 2022.
 *
 * @since 0.1.0
 * @category constructors
 */
export const referralDate: fc.Arbitrary<Calendar.CalendarDate> = fc
  .integer({ min: 0, max: Calendar.daysBetween(Calendar.unsafeMake("2018-01-01"), Calendar.unsafeMake("2022-12-31")) })
  .map((n) => Calendar.addDays(Calendar.unsafeMake("2018-01-01"), n))

/**
 * A new pathway (a candidate).
 *
 * @since 0.1.0
 * @category constructors
 */
export const candidate: fc.Arbitrary<Pathway.Prospect> = fc
  .record({ n: fc.integer({ min: 1, max: 28 }), date: referralDate })
  .map(({ n, date }) =>
    Pathway.candidate({
      id: Ids.PathwayId.make(`pip-${String(n).padStart(2, "0")}`),
      person: Ids.PersonId.make(`person-${n}`),
      household: Ids.HouseholdId.make(`household-${n}`),
      project: Ids.ProjectId.make("interpreti-di-cambiamento"),
      date
    })
  )

/**
 * Replays steps from a pathway, each dated `offset` days after the previous accepted one and
 * skipping refused ones: the pathway reached and the commands accepted.
 *
 * @since 0.1.0
 * @category utils
 */
export const run = (
  initial: Pathway.Pathway,
  sequence: ReadonlyArray<Step>
): { readonly pathway: Pathway.Pathway; readonly accepted: ReadonlyArray<Pathway.Command> } => {
  let current = initial
  let last = initial.state.since
  const accepted: Array<Pathway.Command> = []
  for (const s of sequence) {
    const command = toCommand(s, Calendar.addDays(last, s.offset))
    const next = Pathway.transition(current, command)
    if (Result.isSuccess(next)) {
      current = next.success
      last = command.date
      accepted.push(command)
    }
  }
  return { pathway: current, accepted }
}

/**
 * Any valid pathway, in any state: a candidate with random steps replayed on it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const pathway: fc.Arbitrary<Pathway.Pathway> = fc
  .tuple(candidate, steps)
  .map(([initial, sequence]) => run(initial, sequence).pathway)
