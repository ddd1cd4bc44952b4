/**
 * A project funded under a call: its CUP, partnership, sub-projects (laboratorio sociale,
 * inclusione attiva), the sites it works in, its period, its targets, the decrees about it and
 * its lifecycle state.
 *
 * {@link checkStructure} checks a project against its call and returns **every** violation:
 * the sub-projects the call requires, each on the right action; no sub-project on an action the
 * call does not fund; the duration limits. The partnership can be checked on its own, by
 * `Partnership.check`, so a coordinator can check it before the project exists;
 * {@link checkRegistration} checks both, as the `registerProject` use-case does.
 *
 * @since 0.1.0
 */
import { type Result, Schema } from "effect"
import * as Calendar from "./Calendar.js"
import type { Call } from "./Call.js"
import { Cup } from "./Cup.js"
import { CallId, ProjectId, SiteId, SubProjectId } from "./Ids.js"
import * as InvalidInput from "./InvalidInput.js"
import { distinctBy } from "./internal/distinct.js"
import type { LegalReference } from "./LegalReference.js"
import type { Label } from "./Organisation.js"
import * as Parameter from "./Parameter.js"
import { Partnership, violations as partnershipViolations } from "./Partnership.js"
import { ActionCode } from "./Programme.js"
import { ProjectState } from "./ProjectLifecycle.js"
import * as Violations from "./Violation.js"
import { Violation } from "./Violation.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * The kind of a sub-project of the 2017 avviso: the `laboratorio-sociale` (a local presence in
 * the housing complex, azione 9.4.2) or the `inclusione-attiva` (labour inclusion of people in
 * temporary economic hardship, azione 9.1.3).
 *
 * @since 0.1.0
 * @category models
 */
export const SubProjectKind = Schema.Literals(["laboratorio-sociale", "inclusione-attiva"])
/** @since 0.1.0 @category models */
export type SubProjectKind = typeof SubProjectKind.Type

/**
 * Italian and English labels of each sub-project kind.
 *
 * @since 0.1.0
 * @category formatting
 */
export const subProjectKindLabel: { readonly [K in SubProjectKind]: Label } = {
  "laboratorio-sociale": { it: "Laboratorio sociale", en: "Social laboratory (laboratorio sociale)" },
  "inclusione-attiva": { it: "Inclusione attiva", en: "Active inclusion (inclusione attiva)" }
}

const Text = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => s.trim().length > 0 || "the text must not be empty"))
)

/**
 * A sub-project: its kind and the action that funds it.
 *
 * @since 0.1.0
 * @category models
 */
export const SubProject = Schema.Struct({
  id: SubProjectId,
  kind: SubProjectKind,
  action: ActionCode,
  title: Schema.optionalKey(Text)
})
/** @since 0.1.0 @category models */
export type SubProject = typeof SubProject.Type

/**
 * What a target counts: `personalised-pathways` (percorsi personalizzati, e.g. 28 in
 * IntERPreti di cambiamento) or `laboratori-sociali` (laboratories opened).
 *
 * @since 0.1.0
 * @category models
 */
export const TargetIndicator = Schema.Literals(["personalised-pathways", "laboratori-sociali"])
/** @since 0.1.0 @category models */
export type TargetIndicator = typeof TargetIndicator.Type

/**
 * Italian and English labels of each target indicator.
 *
 * @since 0.1.0
 * @category formatting
 */
export const targetIndicatorLabel: { readonly [T in TargetIndicator]: Label } = {
  "personalised-pathways": { it: "Percorsi personalizzati", en: "Personalised pathways" },
  "laboratori-sociali": { it: "Laboratori sociali attivati", en: "Social laboratories opened" }
}

/**
 * A planned quantity: the indicator and a whole number, zero or more.
 *
 * @since 0.1.0
 * @category models
 */
export const Target = Schema.Struct({
  indicator: TargetIndicator,
  value: Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
})
/** @since 0.1.0 @category models */
export type Target = typeof Target.Type

/**
 * A decree about the project (admission, funding, revocation…): the act as cited
 * (`D.G.R. XI/741/2018`) and its date when known.
 *
 * @since 0.1.0
 * @category models
 */
export const Decree = Schema.Struct({
  act: Text,
  date: Schema.optionalKey(Calendar.CalendarDate)
})
/** @since 0.1.0 @category models */
export type Decree = typeof Decree.Type

/**
 * A project. `cup` is optional (not every source gives it) and checked when present; `period`
 * is the period of activities (`end` absent while not planned); `status` is its lifecycle state.
 * Sub-project ids, sites and target indicators are listed once each.
 *
 * @since 0.1.0
 * @category models
 */
export const Project = Schema.Struct({
  id: ProjectId,
  cup: Schema.optionalKey(Cup),
  call: CallId,
  title: Text,
  partnership: Partnership,
  subProjects: Schema.Array(SubProject).pipe(Schema.check(distinctBy("sub-project", (s: SubProject) => s.id))),
  sites: Schema.Array(SiteId).pipe(Schema.check(distinctBy("site", (s: SiteId) => s))),
  period: Calendar.Period,
  targets: Schema.Array(Target).pipe(Schema.check(distinctBy("target indicator", (t: Target) => t.indicator))),
  decrees: Schema.Array(Decree),
  status: ProjectState
})
/** @since 0.1.0 @category models */
export type Project = typeof Project.Type
/** @since 0.1.0 @category models */
export type ProjectEncoded = typeof Project.Encoded

/**
 * Decodes untrusted input into a {@link Project}, listing every problem with its path. Never
 * throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = InvalidInput.decoder(Project, "Project")

// ---------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------

/**
 * A project's structure breaks the rules of its call: every violation.
 *
 * @since 0.1.0
 * @category errors
 */
export class ProjectStructureInvalid extends Schema.TaggedError<ProjectStructureInvalid>()("ProjectStructureInvalid", {
  violations: Schema.NonEmptyArray(Violation)
}) {
  override get message(): string {
    const n = this.violations.length
    return `the project breaks ${n} ${n === 1 ? "rule" : "rules"} of its call: ${this.violations.map((v) => v.message).join("; ")}`
  }
  /** The same in Italian. */
  get messageIt(): string {
    const n = this.violations.length
    return `il progetto viola ${n} ${n === 1 ? "regola" : "regole"} dell'avviso: ${this.violations.map((v) => v.messageIt).join("; ")}`
  }
}

// ---------------------------------------------------------------------------------------------
// rules
// ---------------------------------------------------------------------------------------------

const violation = (rule: string, source: LegalReference, message: string, messageIt: string, subject?: string) =>
  new Violation({ rule, message, messageIt, source, ...(subject === undefined ? {} : { subject }) })

/**
 * The project belongs to the call it is checked against.
 *
 * @since 0.1.0
 * @category rules
 */
export const belongsToCall = (call: Call, project: Project): ReadonlyArray<Violation> =>
  project.call === call.id
    ? []
    : [
        violation(
          "project.call",
          call.source,
          `the project belongs to call ${project.call}, not to ${call.id}`,
          `il progetto appartiene all'avviso ${project.call}, non a ${call.id}`,
          project.id
        )
      ]

/**
 * Every sub-project the call requires is present, on the action the call sets for it: one
 * violation per missing kind, and one per sub-project of a required kind on another action.
 * Source: the call (2017 avviso: laboratorio sociale on 9.4.2, inclusione attiva on 9.1.3;
 * facts.md §1.2, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const requiredSubProjects = (call: Call, project: Project): ReadonlyArray<Violation> =>
  call.requiredSubProjects.flatMap((required) => {
    const label = subProjectKindLabel[required.kind]
    const ofKind = project.subProjects.filter((s) => s.kind === required.kind)
    if (ofKind.length === 0) {
      return [
        violation(
          "project.required-sub-project",
          required.source,
          `the project has no ${label.en} sub-project: the call requires one on azione ${required.action}`,
          `il progetto non ha il sottoprogetto ${label.it}: l'avviso lo richiede sull'azione ${required.action}`,
          required.kind
        )
      ]
    }
    return ofKind
      .filter((s) => s.action !== required.action)
      .map((s) =>
        violation(
          "project.sub-project-action",
          required.source,
          `sub-project ${s.id} (${label.en}) is on azione ${s.action}: the call funds it on azione ${required.action}`,
          `il sottoprogetto ${s.id} (${label.it}) è sull'azione ${s.action}: l'avviso lo finanzia sull'azione ${required.action}`,
          s.id
        )
      )
  })

/**
 * No sub-project is on an action the call does not fund. One violation per such sub-project.
 *
 * @since 0.1.0
 * @category rules
 */
export const actionsOfCall = (call: Call, project: Project): ReadonlyArray<Violation> =>
  project.subProjects
    .filter((s) => !call.actions.includes(s.action))
    .map((s) =>
      violation(
        "project.action-not-in-call",
        call.source,
        `sub-project ${s.id} is on azione ${s.action}, which the call does not fund (it funds ${call.actions.join(", ")})`,
        `il sottoprogetto ${s.id} è sull'azione ${s.action}, che l'avviso non finanzia (finanzia ${call.actions.join(", ")})`,
        s.id
      )
    )

/**
 * The project's period respects the call's duration limits read at `asOf`: it has an end, it
 * lasts at most the maximum number of months (counted as `Calendar.addMonths` does: the end is
 * no later than the same-numbered day that many months after the start), and it ends no later
 * than the latest end. A limit not yet in force at `asOf` is reported, never skipped.
 * Source: each limit's parameter (2017 avviso: 24 months, 16/05/2020; facts.md §1.2, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const duration = (call: Call, project: Project, asOf: Calendar.CalendarDate): ReadonlyArray<Violation> => {
  const { maxMonths, latestEnd } = call.duration
  if (maxMonths === undefined && latestEnd === undefined) return []
  const { start, end } = project.period
  if (end === undefined) {
    return [
      violation(
        "project.period-open-ended",
        call.source,
        "the project period has no end: the call limits its duration",
        "il periodo del progetto non ha una data di fine: l'avviso ne limita la durata",
        project.id
      )
    ]
  }
  const notInForce = (p: Parameter.Parameter<unknown>) =>
    violation(
      "project.limit-not-in-force",
      p.source,
      `the call's limit ${p.id} is not in force on ${asOf}: the duration cannot be checked at that date`,
      `il limite ${p.id} dell'avviso non è in vigore al ${asOf}: la durata non può essere verificata a quella data`,
      project.id
    )
  const out: Array<Violation> = []
  if (maxMonths !== undefined) {
    const reading = Parameter.readAt(maxMonths, asOf)
    if (reading._tag === "None") out.push(notInForce(maxMonths))
    else {
      const months = reading.value.value
      const last = Calendar.addMonths(start, months)
      if (end > last) {
        out.push(
          violation(
            "project.max-duration",
            reading.value.source,
            `the project runs from ${start} to ${end}, more than ${months} months: starting on ${start} it must end by ${last}`,
            `il progetto dura dal ${start} al ${end}, più di ${months} mesi: iniziando il ${start} deve concludersi entro il ${last}`,
            project.id
          )
        )
      }
    }
  }
  if (latestEnd !== undefined) {
    const reading = Parameter.readAt(latestEnd, asOf)
    if (reading._tag === "None") out.push(notInForce(latestEnd))
    else if (end > reading.value.value) {
      out.push(
        violation(
          "project.latest-end",
          reading.value.source,
          `the project ends on ${end}, after ${reading.value.value}, the latest end the call allows`,
          `il progetto termina il ${end}, dopo il ${reading.value.value}, termine ultimo fissato dall'avviso`,
          project.id
        )
      )
    }
  }
  return out
}

/**
 * Checks a project's structure against its call and returns **every** violation, in this
 * order: call membership, required sub-projects, actions, duration. Parameters are read at
 * `asOf`, by default the date from which the call's terms apply; pass a later date to apply a
 * later amendment (a proroga entered as a new parameter step).
 *
 * @since 0.1.0
 * @category rules
 */
export const checkStructure = (
  call: Call,
  project: Project,
  options?: { readonly asOf?: Calendar.CalendarDate }
): Result.Result<void, ProjectStructureInvalid> =>
  Violations.toResult(
    structureViolations(call, project, options),
    (violations) => new ProjectStructureInvalid({ violations })
  )

const structureViolations = (
  call: Call,
  project: Project,
  options?: { readonly asOf?: Calendar.CalendarDate }
): ReadonlyArray<Violation> => [
  ...belongsToCall(call, project),
  ...requiredSubProjects(call, project),
  ...actionsOfCall(call, project),
  ...duration(call, project, options?.asOf ?? call.effectiveFrom)
]

/**
 * Everything a call asks of a project when it is registered: its structure (the rules of
 * {@link checkStructure}) and its partnership (the call's `partnershipRules`, as
 * `Partnership.check`), every violation of both at once — a coordinator fixes them in one go.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkRegistration = (
  call: Call,
  project: Project,
  options?: { readonly asOf?: Calendar.CalendarDate }
): Result.Result<void, ProjectStructureInvalid> =>
  Violations.toResult(
    [
      ...structureViolations(call, project, options),
      ...partnershipViolations(call.partnershipRules, project.partnership)
    ],
    (violations) => new ProjectStructureInvalid({ violations })
  )
