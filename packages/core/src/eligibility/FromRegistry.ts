/**
 * The bridge from registry records to facts: for each rule set, the facts a `Household` and
 * its `Person`s give on a date, and nothing else. What the registry cannot tell stays
 * **missing** — never a guessed value — so the decision is undetermined and names it (the
 * household's assets, its PSE, the social services' certification of indigence, its rent
 * area, an eviction notice…). The engine stays independent of the registry: this module is
 * the only place that knows both.
 *
 * What is derived, on `asOf`:
 *
 * | fact | from |
 * |---|---|
 * | `isee` | the ISEE attestation valid on the date (`Household.iseeAt`) |
 * | `householdSize` | the members on the date (`Household.membersAt`), when there is one |
 * | `sapLease`, `leaseStart` | the tenancy, when its lease has started by the date; before, `sapLease` is false |
 * | `arrearsAmount`, `arrearsCause` | the arrears entry in force (`Household.arrearsAt`); no entry is no arrears (as `Household.factsAt` reads the ledger); a cause `unknown` stays missing |
 * | `residesInProjectComplex` | the tenancy's complesso among the project's `projectComplessi`, when they are given |
 * | `residesOrWorksInLombardy` | true when the tenancy's complesso, among the given `complessi`, is in a Lombard province; never false (one may work in Lombardy) |
 * | `citizenship`, `residencePermit` | the applicant's citizenship; a non-EU permit `other` stays missing (it may or may not give equal treatment) |
 * | `regularWork`, `labourStatus` | the applicant's labour-market status on the date; employed or self-employed is read as regular work |
 * | `birthDate` | the applicant's |
 * | `inActivePathway` | the applicant's pathways, when given: one enrolled by the date and not left by then |
 * | `residenceStart` | the later of the applicant's current membership and the lease start |
 *
 * The applicant of person-level facts is `context.person` when it is a member on the date,
 * otherwise the intestatario on the date; without one (or without the person's record) the
 * person-level facts are missing.
 *
 * @since 0.1.0
 */
import { type Effect, type Result, Stream } from "effect"
import * as Calendar from "../Calendar.js"
import * as Household from "../Household.js"
import type * as Ids from "../Ids.js"
import type * as InvalidInput from "../InvalidInput.js"
import * as IstatComune from "../IstatComune.js"
import * as LabourMarketStatus from "../LabourMarketStatus.js"
import * as Pathway from "../Pathway.js"
import type * as Person from "../Person.js"
import type * as Site from "../Site.js"
import * as Batch from "./Batch.js"
import type * as Decision from "./Decision.js"
import * as Engine from "./Engine.js"
import type * as Fact from "./Fact.js"
import type * as RuleSet from "./RuleSet.js"
import * as ContributoSolidarieta from "./rulesets/ContributoSolidarieta.js"
import * as InclusioneAttiva from "./rulesets/InclusioneAttiva.js"
import * as Indigenza from "./rulesets/Indigenza.js"
import * as MorositaContenuta from "./rulesets/MorositaContenuta.js"
import * as MorositaIncolpevole from "./rulesets/MorositaIncolpevole.js"
import * as SapAccess from "./rulesets/SapAccess.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * What the bridge is told besides the household: the date, the persons to look members up in,
 * and — when known — the complessi (to locate the tenancy), the complessi of the project a
 * rule set is about, the pathways of the persons, and the applicant.
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  readonly asOf: Calendar.CalendarDate
  readonly persons: Household.Persons
  readonly complessi?: ReadonlyArray<Site.Complesso>
  readonly projectComplessi?: ReadonlyArray<Ids.SiteId>
  readonly pathways?: ReadonlyArray<Pathway.Pathway>
  readonly person?: Ids.PersonId
}

/**
 * A rule set and how to build its facts from a household.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bridge {
  readonly ruleSet: RuleSet.RuleSet
  readonly facts: (household: Household.Household, context: Context) => Fact.Input
}

// ---------------------------------------------------------------------------------------------
// derivations
// ---------------------------------------------------------------------------------------------

/**
 * The ISTAT codes of the Lombard provinces (Varese, Como, Sondrio, Milano, Bergamo, Brescia,
 * Pavia, Cremona, Mantova, Lecco, Lodi, Monza e della Brianza). General knowledge, not in
 * facts.md.
 *
 * @since 0.1.0
 * @category utils
 */
export const lombardProvinces: ReadonlyArray<string> = [
  "012",
  "013",
  "014",
  "015",
  "016",
  "017",
  "018",
  "019",
  "020",
  "097",
  "098",
  "108"
]

const lookup = (persons: Household.Persons): ReadonlyMap<Ids.PersonId, Person.Person> =>
  Array.isArray(persons)
    ? new Map((persons as ReadonlyArray<Person.Person>).map((p) => [p.id, p]))
    : (persons as ReadonlyMap<Ids.PersonId, Person.Person>)

/**
 * The applicant on the date: `context.person` when a member then, else the intestatario then.
 *
 * @since 0.1.0
 * @category utils
 */
export const applicantOf = (
  household: Household.Household,
  context: Pick<Context, "asOf" | "person">
): Household.Membership | undefined => {
  const members = Household.membersAt(household, context.asOf)
  return (
    (context.person === undefined ? undefined : members.find((m) => m.person === context.person)) ??
    members.find((m) => m.relation === "intestatario")
  )
}

const leaseStarted = (household: Household.Household, asOf: Calendar.CalendarDate): boolean =>
  household.tenancy.leaseStart <= asOf

/** Drops the undefined entries, and keeps only the facts the rule set declares. */
const only = (ruleSet: RuleSet.RuleSet, facts: Record<string, unknown>): Fact.Input => {
  const declared = new Set(ruleSet.facts.map((f) => f.id))
  return Object.fromEntries(Object.entries(facts).filter(([k, v]) => v !== undefined && declared.has(k)))
}

interface Derived {
  readonly applicant: Person.Person | undefined
  readonly membership: Household.Membership | undefined
}

const derive = (household: Household.Household, context: Context): Derived => {
  const membership = applicantOf(household, context)
  const applicant = membership === undefined ? undefined : lookup(context.persons).get(membership.person)
  return { applicant, membership }
}

const iseeOf = (household: Household.Household, asOf: Calendar.CalendarDate) => Household.iseeAt(household, asOf)?.value

const sizeOf = (household: Household.Household, asOf: Calendar.CalendarDate): number | undefined => {
  const n = Household.membersAt(household, asOf).length
  return n >= 1 ? n : undefined
}

const sapLeaseOf = (household: Household.Household, asOf: Calendar.CalendarDate): boolean =>
  leaseStarted(household, asOf) && household.tenancy.sap

const leaseStartOf = (household: Household.Household, asOf: Calendar.CalendarDate) =>
  leaseStarted(household, asOf) ? household.tenancy.leaseStart : undefined

const arrearsOf = (household: Household.Household, asOf: Calendar.CalendarDate) => {
  const entry = Household.arrearsAt(household, asOf)
  return {
    arrearsAmount: entry?.owed ?? 0,
    arrearsCause: entry === undefined || entry.cause === "unknown" ? undefined : entry.cause
  }
}

const inProjectOf = (household: Household.Household, context: Context): boolean | undefined =>
  context.projectComplessi === undefined || !leaseStarted(household, context.asOf)
    ? undefined
    : context.projectComplessi.includes(household.tenancy.complesso)

const inLombardyOf = (household: Household.Household, context: Context): true | undefined => {
  const complesso = context.complessi?.find((c) => c.id === household.tenancy.complesso)
  return complesso !== undefined &&
    leaseStarted(household, context.asOf) &&
    lombardProvinces.includes(IstatComune.province(complesso.comune))
    ? true
    : undefined
}

const citizenshipOf = (p: Person.Person | undefined) => {
  if (p === undefined) return {}
  const c = p.citizenship
  if (c.kind === "IT") return { citizenship: "italiana" }
  if (c.kind === "EU") return { citizenship: "ue" }
  const permit =
    c.permit === "eu-long-term"
      ? "ue-lungo-periodo"
      : c.permit === "at-least-2-years"
        ? "almeno-biennale"
        : c.permit === "none"
          ? "altro"
          : undefined
  return { citizenship: "extra-ue", residencePermit: permit }
}

const statusOf = (p: Person.Person | undefined, asOf: Calendar.CalendarDate) =>
  p === undefined ? undefined : LabourMarketStatus.statusAt(p.labourMarket, asOf)

const runningPathwayOf = (p: Person.Person | undefined, context: Context): boolean | undefined => {
  if (p === undefined || context.pathways === undefined) return undefined
  return context.pathways.some((w) => {
    if (w.person !== p.id || w.phase !== "participant" || w.enrolment.date > context.asOf) return false
    const left = Pathway.leftOn(w)
    return left === undefined || left > context.asOf
  })
}

// ---------------------------------------------------------------------------------------------
// bridges
// ---------------------------------------------------------------------------------------------

/**
 * SAP access: citizenship, permit and work of the applicant, Lombardy, ISEE and household
 * size; the years in Lombardy, assets, PSE and dwelling owned stay missing.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sapAccess: Bridge = {
  ruleSet: SapAccess.ruleSet,
  facts: (household, context) => {
    const { applicant } = derive(household, context)
    const status = statusOf(applicant, context.asOf)
    return only(SapAccess.ruleSet, {
      ...citizenshipOf(applicant),
      regularWork: status === undefined ? undefined : LabourMarketStatus.isEmployed(status),
      residesOrWorksInLombardy: inLombardyOf(household, context),
      isee: iseeOf(household, context.asOf),
      householdSize: sizeOf(household, context.asOf)
    })
  }
}

/**
 * Indigenza: the ISEE; the social services' certification stays missing (being known to the
 * social services is not being certified).
 *
 * @since 0.1.0
 * @category constructors
 */
export const indigenza: Bridge = {
  ruleSet: Indigenza.ruleSet,
  facts: (household, context) => only(Indigenza.ruleSet, { isee: iseeOf(household, context.asOf) })
}

/**
 * Contributo di solidarietà: the SAP lease and its date, ISEE and household size; the area,
 * assets, PSE, decadenza and assignment as indigent stay missing.
 *
 * @since 0.1.0
 * @category constructors
 */
export const contributoSolidarieta: Bridge = {
  ruleSet: ContributoSolidarieta.ruleSet,
  facts: (household, context) =>
    only(ContributoSolidarieta.ruleSet, {
      sapLease: sapLeaseOf(household, context.asOf),
      leaseStart: leaseStartOf(household, context.asOf),
      isee: iseeOf(household, context.asOf),
      householdSize: sizeOf(household, context.asOf)
    })
}

/**
 * Inclusione attiva for a rule set built by `InclusioneAttiva.make` (default: the registered
 * one): the project's complessi, the applicant's status, birth date and pathways, the
 * household's arrears and ISEE. Only the facts the rule set declares are supplied.
 *
 * @since 0.1.0
 * @category constructors
 */
export const inclusioneAttivaFor = (ruleSet: RuleSet.RuleSet = InclusioneAttiva.ruleSet): Bridge => ({
  ruleSet,
  facts: (household, context) => {
    const { applicant } = derive(household, context)
    return only(ruleSet, {
      residesInProjectComplex: inProjectOf(household, context),
      labourStatus: statusOf(applicant, context.asOf),
      ...arrearsOf(household, context.asOf),
      isee: iseeOf(household, context.asOf),
      inActivePathway: runningPathwayOf(applicant, context),
      birthDate: applicant?.birthDate
    })
  }
})

/**
 * Inclusione attiva with the registered rule set.
 *
 * @since 0.1.0
 * @category constructors
 */
export const inclusioneAttiva: Bridge = inclusioneAttivaFor()

/**
 * Morosità contenuta (Un ponte sul blu): the project's condomini (as `projectComplessi`), the
 * SAP lease and the arrears.
 *
 * @since 0.1.0
 * @category constructors
 */
export const morositaContenuta: Bridge = {
  ruleSet: MorositaContenuta.ruleSet,
  facts: (household, context) =>
    only(MorositaContenuta.ruleSet, {
      residesInProjectComplex: inProjectOf(household, context),
      sapLease: sapLeaseOf(household, context.asOf),
      ...arrearsOf(household, context.asOf)
    })
}

/**
 * Morosità incolpevole (private market): ISEE, the SAP lease, the cause of the arrears and
 * the start of residence; ISE, eviction notice, registration and cadastral category stay
 * missing.
 *
 * @since 0.1.0
 * @category constructors
 */
export const morositaIncolpevole: Bridge = {
  ruleSet: MorositaIncolpevole.ruleSet,
  facts: (household, context) => {
    const { membership } = derive(household, context)
    const lease = leaseStartOf(household, context.asOf)
    return only(MorositaIncolpevole.ruleSet, {
      isee: iseeOf(household, context.asOf),
      residenceStart:
        membership === undefined || lease === undefined ? undefined : Calendar.max(membership.from, lease),
      arrearsCause: arrearsOf(household, context.asOf).arrearsCause,
      sapLease: sapLeaseOf(household, context.asOf)
    })
  }
}

/**
 * Every bridge, one per rule set of `RuleSets.all`, in the same order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const all: ReadonlyArray<Bridge> = [
  sapAccess,
  indigenza,
  contributoSolidarieta,
  inclusioneAttiva,
  morositaContenuta,
  morositaIncolpevole
]

// ---------------------------------------------------------------------------------------------
// evaluation
// ---------------------------------------------------------------------------------------------

/**
 * The engine request of a household for a bridge's rule set.
 *
 * @since 0.1.0
 * @category constructors
 */
export const request = (bridge: Bridge, household: Household.Household, context: Context): Engine.Request => ({
  asOf: context.asOf,
  facts: bridge.facts(household, context)
})

/**
 * Evaluates a household: the decision of the bridge's rule set on its facts, or the invalid
 * input (an `asOf` before the rule set's parameters are in force).
 *
 * @since 0.1.0
 * @category constructors
 */
export const evaluate = (
  bridge: Bridge,
  household: Household.Household,
  context: Context
): Result.Result<Decision.Decision, InvalidInput.InvalidInput> =>
  Engine.evaluate(bridge.ruleSet, request(bridge, household, context))

/**
 * One household's result in a batch: its id, the request and the decision (or invalid input).
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly household: Ids.HouseholdId
  readonly request: Engine.Request
  readonly result: Result.Result<Decision.Decision, InvalidInput.InvalidInput>
}

/**
 * Evaluates a stream of households, lazily and in order, at most `Batch.chunkSize` at a time
 * however the stream is chunked: memory stays bounded however long the stream. `context.person` is ignored here: each household's
 * applicant is its intestatario.
 *
 * @since 0.1.0
 * @category constructors
 */
export const evaluateStream =
  (bridge: Bridge, context: Context) =>
  <E, R>(households: Stream.Stream<Household.Household, E, R>): Stream.Stream<Entry, E, R> => {
    const { person: _ignored, ...shared } = context
    return Stream.map(Stream.rechunk(households, Batch.chunkSize), (household) => {
      const req = request(bridge, household, shared)
      return { household: household.id, request: req, result: Engine.evaluate(bridge.ruleSet, req) }
    })
  }

/**
 * Decides a stream of households (`Engine.decide`: outcomes and missing facts only) and folds
 * the answers into a `Batch.Summary`, in constant memory: the same counts as folding
 * {@link evaluateStream}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const summarize =
  (bridge: Bridge, context: Context) =>
  <E, R>(households: Stream.Stream<Household.Household, E, R>): Effect.Effect<Batch.Summary, E, R> => {
    const { person: _ignored, ...shared } = context
    return Batch.summarize(bridge.ruleSet)(Stream.map(households, (household) => request(bridge, household, shared)))
  }
