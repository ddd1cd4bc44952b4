/**
 * Programme results: the figures the Region publishes about the ERP projects — "33 laboratori
 * sociali attivati", "1.100 persone complessivamente coinvolte… di queste 665 hanno
 * partecipato anche ai percorsi di inclusione" (seed 002) — computed from the micro-data, by
 * project, quartiere, Comune and programme, in total and per reporting period.
 *
 * ## The figures
 * - **laboratori activated**: laboratori that held at least one session in the scope (the
 *   model has no opening date: a session is the observable sign that a laboratorio is open —
 *   our reading);
 * - **persons involved**: the `Involvement` rule — between `|named| + largest head-count`
 *   (published) and `|named| + sum of head-counts` (reported as "up to"); a named person is
 *   counted once however many sessions they came to;
 * - **households reached**: distinct households with a member named at a session (the
 *   household the person belonged to on the session's date) or with a member in a pathway;
 *   anonymous head-counts reach no known household and are not counted (a lower bound);
 * - **persons in inclusion pathways**: distinct persons with a pathway past enrolment (a PIP
 *   was signed) whose participation — enrolment to leaving, or still going — overlaps the
 *   scope; candidates and pathways dropped before enrolment are not counted;
 * - **involved and also in a pathway**: persons counted in both of the above (the Region's
 *   "665 of the 1.100"); only named persons can be matched;
 * - **pathways enrolled** (PIP signed in the scope) and **pathways completed** (the pathway
 *   reached `completed`, its leaving date in the scope; a drop-out is not a completion);
 * - **hours delivered**: the sessions' minutes and the pathway services' hours dated in the
 *   scope. Exact in {@link Figures}; in tables rounded to whole hours (half up), since table
 *   hours are whole numbers.
 *
 * Persons and households are **not additive** across groups — a resident who came to
 * laboratori in two quartieri is one person in the programme and one in each quartiere — so
 * the `_T` row of a table is computed, never summed, and disclosure control treats those
 * columns as non-additive (`Disclosure.inferLayout`).
 *
 * ## One pass, streaming
 * The figures are a fold: {@link empty}, {@link step}, {@link result}. Each {@link Entry} (a
 * session with its attendance, or a pathway) is read once, in any order, so the fold runs
 * over a `Stream` from a store: `Stream.runFold(entries, () => ProgrammeResults.empty(options),
 * ProgrammeResults.step)`. The state holds, for each group (dimension × value × period), the
 * sets of distinct persons, households and laboratori plus counters (and, inside
 * `Involvement`'s tally, the named persons per activity kind): it grows with the number of
 * **distinct** persons and households — times the groups each belongs to (five dimensions ×
 * the periods containing it) and the activity kinds — never with the number of sessions or
 * attendances. Each step is pure: the sets are persistent.
 *
 * @since 0.1.0
 */
import { HashMap, HashSet, Option, Result } from "effect"
import type { ActivityKind } from "../Activity.js"
import type { AttendanceRegister } from "../AttendanceRegister.js"
import type * as Calendar from "../Calendar.js"
import * as Call from "../Call.js"
import * as Household from "../Household.js"
import type { CallId, HouseholdId, LaboratorioId, PersonId, ProgrammeId, ProjectId } from "../Ids.js"
import * as Involvement from "../Involvement.js"
import type { IstatComune } from "../IstatComune.js"
import * as Pathway from "../Pathway.js"
import type * as Site from "../Site.js"
import * as Disclosure from "./Disclosure.js"
import * as Table from "./Table.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * What the figures are broken down by: `total` (the whole input), `project`, `quartiere`,
 * `comune` (ISTAT code) or `programme`.
 *
 * @since 0.1.0
 * @category models
 */
export type Dimension = "total" | "project" | "quartiere" | "comune" | "programme"

/**
 * The dimensions, in report order.
 *
 * @since 0.1.0
 * @category models
 */
export const dimensions: ReadonlyArray<Dimension> = ["total", "project", "quartiere", "comune", "programme"]

/**
 * Where a record belongs: its project, the programme funding it, and the quartiere and Comune
 * (of the laboratorio's complesso for a session, of the household's tenancy for a pathway).
 *
 * @since 0.1.0
 * @category models
 */
export interface Where {
  readonly project: ProjectId
  readonly programme: ProgrammeId
  readonly quartiere: Site.QuartiereId
  readonly comune: IstatComune
}

/**
 * A reporting period, both ends included, with an id for the tables (`2019`, `2019-S1`).
 * The id `_T` is reserved for "the whole input".
 *
 * @since 0.1.0
 * @category models
 */
export interface ReportingPeriod {
  readonly id: string
  readonly start: Calendar.CalendarDate
  readonly end: Calendar.CalendarDate
}

/**
 * The id of the period that covers the whole input.
 *
 * @since 0.1.0
 * @category models
 */
export const allTime = Table.total

/**
 * The reporting periods to compute besides the whole input.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly periods: ReadonlyArray<ReportingPeriod>
}

/**
 * A session as the fold reads it: where, which laboratorio, the activity kind, date, duration,
 * the attendance sheet (`undefined` when none was filed) and the households of the named
 * persons on that date (each once; see {@link sessionEntries}).
 *
 * @since 0.1.0
 * @category models
 */
export interface SessionEntry {
  readonly _tag: "Session"
  readonly where: Where
  readonly laboratorio: LaboratorioId
  readonly kind: ActivityKind
  readonly date: Calendar.CalendarDate
  readonly durationMinutes: number
  readonly attendance: { readonly named: ReadonlyArray<PersonId>; readonly anonymous: number } | undefined
  readonly households: ReadonlyArray<HouseholdId>
}

/**
 * A pathway as the fold reads it: where, and the pathway. Each pathway is streamed once.
 *
 * @since 0.1.0
 * @category models
 */
export interface PathwayEntry {
  readonly _tag: "Pathway"
  readonly where: Where
  readonly pathway: Pathway.Pathway
}

/**
 * One record of the stream.
 *
 * @since 0.1.0
 * @category models
 */
export type Entry = SessionEntry | PathwayEntry

interface Group {
  readonly dimension: Dimension
  readonly value: string
  readonly period: string
  readonly laboratori: HashSet.HashSet<LaboratorioId>
  readonly involvement: Involvement.Tally
  readonly households: HashSet.HashSet<HouseholdId>
  readonly pathwayPersons: HashSet.HashSet<PersonId>
  readonly pathwaysEnrolled: number
  readonly pathwaysCompleted: number
  readonly pathwayHours: number
}

/**
 * The running state of the fold: the options and one group per dimension × value × period
 * met so far.
 *
 * @since 0.1.0
 * @category models
 */
export interface State {
  readonly options: Options
  readonly groups: HashMap.HashMap<string, Group>
}

// ---------------------------------------------------------------------------------------------
// the fold
// ---------------------------------------------------------------------------------------------

/**
 * The state before any record.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty = (options: Options = { periods: [] }): State => ({ options, groups: HashMap.empty() })

const keysOf = (where: Where): ReadonlyArray<readonly [Dimension, string]> => [
  ["total", Table.total],
  ["project", where.project],
  ["quartiere", where.quartiere],
  ["comune", where.comune],
  ["programme", where.programme]
]

const newGroup = (dimension: Dimension, value: string, period: string): Group => ({
  dimension,
  value,
  period,
  laboratori: HashSet.empty(),
  involvement: Involvement.empty,
  households: HashSet.empty(),
  pathwayPersons: HashSet.empty(),
  pathwaysEnrolled: 0,
  pathwaysCompleted: 0,
  pathwayHours: 0
})

const update = (
  state: State,
  where: Where,
  periods: ReadonlyArray<string>,
  f: (g: Group, period: string) => Group
): State => {
  let groups = state.groups
  for (const period of periods)
    for (const [dimension, value] of keysOf(where)) {
      const key = `${dimension}\u0000${value}\u0000${period}`
      const current = Option.getOrElse(HashMap.get(groups, key), () => newGroup(dimension, value, period))
      groups = HashMap.set(groups, key, f(current, period))
    }
  return { options: state.options, groups }
}

const within = (p: ReportingPeriod | undefined, date: Calendar.CalendarDate): boolean =>
  p === undefined || (p.start <= date && date <= p.end)

const addAll = <A>(set: HashSet.HashSet<A>, items: Iterable<A>): HashSet.HashSet<A> => {
  let out = set
  for (const item of items) out = HashSet.add(out, item)
  return out
}

const stepSession = (state: State, e: SessionEntry): State => {
  const periods = [allTime, ...state.options.periods.filter((p) => within(p, e.date)).map((p) => p.id)]
  const entry: Involvement.Entry = { kind: e.kind, durationMinutes: e.durationMinutes, attendance: e.attendance }
  return update(state, e.where, periods, (g) => ({
    ...g,
    laboratori: HashSet.add(g.laboratori, e.laboratorio),
    involvement: Involvement.step(g.involvement, entry),
    households: addAll(g.households, e.households)
  }))
}

const stepPathway = (state: State, e: PathwayEntry): State => {
  const p = e.pathway
  if (p.phase !== "participant") return state
  const enrolled = p.enrolment.date
  const left = Pathway.leftOn(p)
  const completedOn = p.state.status === "completed" ? p.state.since : undefined
  const overlaps = (period: ReportingPeriod | undefined) =>
    period === undefined || (enrolled <= period.end && (left === undefined || left >= period.start))
  const byId = new Map(state.options.periods.map((period) => [period.id, period]))
  const periods = [allTime, ...state.options.periods.filter(overlaps).map((period) => period.id)]
  return update(state, e.where, periods, (g, id) => {
    const period = byId.get(id)
    const hours = p.services.filter((s) => within(period, s.date)).reduce((sum, s) => sum + s.hours, 0)
    return {
      ...g,
      households: HashSet.add(g.households, p.household),
      pathwayPersons: HashSet.add(g.pathwayPersons, p.person),
      pathwaysEnrolled: g.pathwaysEnrolled + (within(period, enrolled) ? 1 : 0),
      pathwaysCompleted: g.pathwaysCompleted + (completedOn !== undefined && within(period, completedOn) ? 1 : 0),
      pathwayHours: g.pathwayHours + hours // quarter hours: exact
    }
  })
}

/**
 * Adds one record to the state. Pure: `state` is not changed. A pathway before enrolment adds
 * nothing.
 *
 * @since 0.1.0
 * @category rules
 */
export const step = (state: State, entry: Entry): State =>
  entry._tag === "Session" ? stepSession(state, entry) : stepPathway(state, entry)

/**
 * The figures of one group.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figures {
  readonly laboratori: number
  /** The `Involvement` figures: both bounds, sessions, attendances, minutes. */
  readonly involvement: Involvement.Figures
  /** The published persons involved: `Involvement.published` (the lower bound). */
  readonly personsInvolved: number
  readonly householdsReached: number
  readonly personsInPathways: number
  readonly involvedAlsoInPathways: number
  readonly pathwaysEnrolled: number
  readonly pathwaysCompleted: number
  /** Minutes of the sessions. */
  readonly sessionMinutes: number
  /** Hours of the pathway services (quarter hours, exact). */
  readonly pathwayHours: number
}

/**
 * The figures of one dimension value in one period (`_T` for the whole input).
 *
 * @since 0.1.0
 * @category models
 */
export interface GroupFigures {
  readonly dimension: Dimension
  readonly value: string
  readonly period: string
  readonly figures: Figures
}

/**
 * The results: the periods asked for and the figures of every group met, ordered by dimension,
 * value and period (`_T` first).
 *
 * @since 0.1.0
 * @category models
 */
export interface Results {
  readonly periods: ReadonlyArray<ReportingPeriod>
  readonly groups: ReadonlyArray<GroupFigures>
}

const figuresOf = (g: Group): Figures => {
  const involvement = Involvement.figures(g.involvement.total)
  return {
    laboratori: HashSet.size(g.laboratori),
    involvement,
    personsInvolved: Involvement.published(involvement),
    householdsReached: HashSet.size(g.households),
    personsInPathways: HashSet.size(g.pathwayPersons),
    involvedAlsoInPathways: HashSet.size(HashSet.intersection(g.involvement.total.named, g.pathwayPersons)),
    pathwaysEnrolled: g.pathwaysEnrolled,
    pathwaysCompleted: g.pathwaysCompleted,
    sessionMinutes: involvement.minutesDelivered,
    pathwayHours: g.pathwayHours
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The results of the state.
 *
 * @since 0.1.0
 * @category rules
 */
export const result = (state: State): Results => {
  const order = new Map<string, number>([[allTime, -1], ...state.options.periods.map((p, i) => [p.id, i] as const)])
  const groups = [...HashMap.values(state.groups)].sort(
    (a, b) =>
      dimensions.indexOf(a.dimension) - dimensions.indexOf(b.dimension) ||
      (a.value === Table.total ? -1 : b.value === Table.total ? 1 : compare(a.value, b.value)) ||
      (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0)
  )
  return {
    periods: state.options.periods,
    groups: groups.map((g) => ({ dimension: g.dimension, value: g.value, period: g.period, figures: figuresOf(g) }))
  }
}

/**
 * The results of some records, in one pass.
 *
 * @since 0.1.0
 * @category rules
 */
export const compute = (entries: Iterable<Entry>, options: Options = { periods: [] }): Results => {
  let state = empty(options)
  for (const entry of entries) state = step(state, entry)
  return result(state)
}

/**
 * The figures of one group, if it was met.
 *
 * @since 0.1.0
 * @category utils
 */
export const figuresFor = (
  results: Results,
  dimension: Dimension,
  value: string = Table.total,
  period: string = allTime
): Figures | undefined =>
  results.groups.find((g) => g.dimension === dimension && g.value === value && g.period === period)?.figures

// ---------------------------------------------------------------------------------------------
// building the entries from the registry
// ---------------------------------------------------------------------------------------------

/**
 * What is needed to place records: the projects (id and call), the calls (their programme;
 * `Call.all` by default), the complessi and the households of the registry.
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  readonly projects: ReadonlyArray<{ readonly id: ProjectId; readonly call: CallId }>
  readonly calls?: ReadonlyArray<Call.Call>
  readonly complessi: ReadonlyArray<Site.Complesso>
  readonly households: ReadonlyArray<Household.Household>
}

/**
 * Entries built from the registry, with the records that could not be placed (an unknown
 * project, call, complesso or household), which are left out.
 *
 * @since 0.1.0
 * @category models
 */
export interface Built<E> {
  readonly entries: ReadonlyArray<E>
  readonly problems: ReadonlyArray<string>
}

const placer = (context: Context) => {
  const calls = new Map((context.calls ?? Call.all).map((c) => [c.id, c]))
  const programmeOf = new Map(
    context.projects.flatMap((p) => {
      const call = calls.get(p.call)
      return call === undefined ? [] : [[p.id, call.programme.id] as const]
    })
  )
  const complessi = new Map(context.complessi.map((c) => [c.id, c]))
  const households = new Map(context.households.map((h) => [h.id, h]))
  const where = (project: ProjectId, complesso: string): Where | string => {
    const programme = programmeOf.get(project)
    if (programme === undefined) return `project ${project} or its call is unknown`
    const c = complessi.get(complesso as Site.Complesso["id"])
    if (c === undefined) return `complesso ${complesso} is unknown`
    return { project, programme, quartiere: c.quartiere, comune: c.comune }
  }
  return { where, households }
}

/**
 * The sessions of a register as entries: each placed by its laboratorio's project and complesso,
 * with the households of its named persons on its date (`Household.membersAt`). A named person
 * in no household that day reaches no household.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sessionEntries = (register: AttendanceRegister, context: Context): Built<SessionEntry> => {
  const { where } = placer(context)
  const memberships = new Map<PersonId, Array<Household.Household>>()
  for (const h of context.households)
    for (const m of h.members) {
      const list = memberships.get(m.person) ?? []
      if (!list.includes(h)) list.push(h)
      memberships.set(m.person, list)
    }
  const householdOn = (person: PersonId, date: Calendar.CalendarDate): HouseholdId | undefined =>
    memberships.get(person)?.find((h) => Household.membersAt(h, date).some((m) => m.person === person))?.id
  const laboratori = new Map(register.laboratori.map((l) => [l.id, l]))
  const activities = new Map(register.activities.map((a) => [a.id, a]))
  const sheets = new Map(register.attendance.map((a) => [a.session, a]))
  const problems: Array<string> = []
  const entries = register.sessions.flatMap((s): ReadonlyArray<SessionEntry> => {
    const activity = activities.get(s.activity)
    const lab = activity === undefined ? undefined : laboratori.get(activity.laboratorio)
    if (activity === undefined || lab === undefined) {
      problems.push(`session ${s.id}: its activity or laboratorio is not in the register`)
      return []
    }
    const w = where(lab.project, lab.site)
    if (typeof w === "string") {
      problems.push(`session ${s.id}: ${w}`)
      return []
    }
    const sheet = sheets.get(s.id)
    const households = new Set<HouseholdId>()
    for (const person of sheet?.named ?? []) {
      const h = householdOn(person, s.date)
      if (h !== undefined) households.add(h)
    }
    return [
      {
        _tag: "Session",
        where: w,
        laboratorio: lab.id,
        kind: activity.kind,
        date: s.date,
        durationMinutes: s.durationMinutes,
        attendance: sheet === undefined ? undefined : { named: sheet.named, anonymous: sheet.anonymous },
        households: [...households]
      }
    ]
  })
  return { entries, problems }
}

/**
 * Pathways as entries, each placed by its project and its household's complesso.
 *
 * @since 0.1.0
 * @category constructors
 */
export const pathwayEntries = (pathways: ReadonlyArray<Pathway.Pathway>, context: Context): Built<PathwayEntry> => {
  const { where, households } = placer(context)
  const problems: Array<string> = []
  const entries = pathways.flatMap((pathway): ReadonlyArray<PathwayEntry> => {
    const h = households.get(pathway.household)
    if (h === undefined) {
      problems.push(`pathway ${pathway.id}: household ${pathway.household} is unknown`)
      return []
    }
    const w = where(pathway.project, h.tenancy.complesso)
    if (typeof w === "string") {
      problems.push(`pathway ${pathway.id}: ${w}`)
      return []
    }
    return [{ _tag: "Pathway", where: w, pathway }]
  })
  return { entries, problems }
}

// ---------------------------------------------------------------------------------------------
// tables
// ---------------------------------------------------------------------------------------------

const dimensionLabel: { readonly [D in Dimension]: Table.Text } = {
  total: { it: "Totale", en: "Total" },
  project: { it: "Progetto", en: "Project" },
  quartiere: { it: "Quartiere", en: "Neighbourhood (quartiere)" },
  comune: { it: "Comune (codice ISTAT)", en: "Comune (ISTAT code)" },
  programme: { it: "Programma", en: "Programme" }
}

/**
 * The columns of a results table, after the dimension column.
 *
 * @since 0.1.0
 * @category models
 */
export const measureColumns: ReadonlyArray<Table.Column> = [
  Table.measure("laboratori", { it: "Laboratori sociali attivati", en: "Social laboratories activated" }),
  Table.measure("personsInvolved", { it: "Persone coinvolte", en: "Persons involved" }),
  Table.measure("personsInvolvedUpTo", {
    it: "Persone coinvolte, limite superiore",
    en: "Persons involved, upper bound"
  }),
  Table.measure("householdsReached", { it: "Nuclei familiari raggiunti", en: "Households reached" }),
  Table.measure("personsInPathways", {
    it: "Persone nei percorsi di inclusione",
    en: "Persons in inclusion pathways"
  }),
  Table.measure("involvedAlsoInPathways", {
    it: "Persone coinvolte che hanno partecipato anche ai percorsi",
    en: "Persons involved who were also in a pathway"
  }),
  Table.measure("pathwaysEnrolled", { it: "Percorsi avviati", en: "Pathways enrolled" }),
  Table.measure("pathwaysCompleted", { it: "Percorsi conclusi", en: "Pathways completed" }),
  Table.measure("sessions", { it: "Incontri", en: "Sessions" }),
  Table.measure("sessionHours", { it: "Ore di laboratorio", en: "Laboratorio hours" }, "hours"),
  Table.measure("pathwayHours", { it: "Ore di servizi nei percorsi", en: "Pathway service hours" }, "hours")
]

/**
 * The count columns of a results table that count things, not people: exempt from the
 * disclosure threshold.
 *
 * @since 0.1.0
 * @category models
 */
export const thingCounts: ReadonlyArray<string> = ["laboratori", "sessions"]

const wholeHours = (hours: number): number => Math.floor(hours + 0.5)

const rowOf = (
  dimension: Dimension,
  value: string,
  f: Figures | undefined
): Readonly<Record<string, Table.CellValue>> => ({
  [dimension]: value,
  laboratori: f?.laboratori ?? 0,
  personsInvolved: f?.personsInvolved ?? 0,
  personsInvolvedUpTo: f?.involvement.personsInvolved.upper ?? 0,
  householdsReached: f?.householdsReached ?? 0,
  personsInPathways: f?.personsInPathways ?? 0,
  involvedAlsoInPathways: f?.involvedAlsoInPathways ?? 0,
  pathwaysEnrolled: f?.pathwaysEnrolled ?? 0,
  pathwaysCompleted: f?.pathwaysCompleted ?? 0,
  sessions: f?.involvement.sessions ?? 0,
  sessionHours: wholeHours((f?.sessionMinutes ?? 0) / 60),
  pathwayHours: wholeHours(f?.pathwayHours ?? 0)
})

/**
 * The results by one dimension for one period (`_T`, the whole input, by default): one row per
 * value, in code order, and the `_T` row of the whole input — computed, not summed, since
 * persons are not additive across groups. Hours are rounded to whole hours.
 *
 * @since 0.1.0
 * @category formatting
 */
export const table = (results: Results, dimension: Dimension, period: string = allTime): Table.Table => {
  const rows = results.groups
    .filter((g) => g.dimension === dimension && g.period === period && g.value !== Table.total)
    .map((g) => rowOf(dimension, g.value, g.figures))
  const total = figuresFor(results, "total", Table.total, period)
  const p = results.periods.find((x) => x.id === period)
  const when =
    p === undefined ? { it: "", en: "" } : { it: ` dal ${p.start} al ${p.end}`, en: ` from ${p.start} to ${p.end}` }
  return Table.makeUnsafe({
    id: `programme-results.${dimension}.${period}`,
    title: {
      it: `Risultati per ${dimensionLabel[dimension].it.toLowerCase()}${when.it}`,
      en: `Results by ${dimensionLabel[dimension].en.toLowerCase()}${when.en}`
    },
    columns: [Table.dimension(dimension, dimensionLabel[dimension], "code"), ...measureColumns],
    rows: [...rows, rowOf(dimension, Table.total, total)],
    notes: [
      {
        it: "Persone coinvolte: persone registrate distinte più il maggior numero di presenti non registrati a un singolo incontro (limite inferiore, pubblicato); il limite superiore conta ogni presenza anonima come una persona nuova.",
        en: "Persons involved: distinct registered persons plus the largest head-count of unregistered people at one session (lower bound, published); the upper bound counts every anonymous attendance as a new person."
      },
      {
        it: "Persone e nuclei non si sommano tra righe: chi ha partecipato in due quartieri è contato in entrambi e una volta nel totale.",
        en: "Persons and households do not add up across rows: someone involved in two quartieri counts in both and once in the total."
      },
      {
        it: "Ore arrotondate all'ora intera.",
        en: "Hours rounded to the whole hour."
      }
    ]
  })
}

/**
 * The disclosure layout of a results table: the `_T` grids of `Disclosure.inferLayout`, with
 * the laboratori and sessions columns exempt from the threshold ({@link thingCounts}).
 *
 * @since 0.1.0
 * @category formatting
 */
export const layout = (t: Table.Table): Result.Result<Disclosure.Layout, Disclosure.CannotPublish> =>
  Result.map(Disclosure.inferLayout(t), (l) => ({ ...l, exempt: Disclosure.cellsOf(t, thingCounts) }))
