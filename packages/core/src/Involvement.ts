/**
 * How many people a laboratorio involved: the counting rule behind figures such as the Region's
 * "1.100 persone complessivamente coinvolte nelle attività dei Laboratori sociali" (seed 002),
 * over any scope — a laboratorio, a project, a period, or a combination.
 *
 * ## The rule
 * An attendance sheet records **named persons** (each a `PersonId`) and an **anonymous
 * head-count** of people who are not registered persons (see `Attendance` for the recording
 * convention: a registered person who attends is always named). Over the sessions of a scope:
 *
 * - `N` = the set of distinct named persons. A person named at twenty sessions is one person.
 * - Head-counts cannot be de-duplicated: the 7 at one session and the 5 at another may be 7
 *   different people, or the same 5 and 2 more. What is certain is that the people of one
 *   head-count were all there together, so they are different people — and, by the convention,
 *   none of them is in `N`.
 *
 * Hence the persons involved lie between two bounds, and both are reported:
 *
 * - **lower** = |N| + the largest single head-count — the fewest people the register proves;
 * - **upper** = |N| + the sum of the head-counts — as if every anonymous attendance were a new
 *   person.
 *
 * The **published figure is the lower bound** ({@link published}): it is the largest number the
 * register can defend without counting anyone twice, named or anonymous; anything above it
 * assumes that anonymous people at different sessions were different people, which nobody
 * checked. The upper bound is reported next to it ("fino a …") so a reader sees how much the
 * anonymous head-counts leave open; when there is at most one head-count the two coincide.
 * Only named persons can be matched with other records — the 665 of the Region's 1.100 who
 * "hanno partecipato anche ai percorsi di inclusione" must be named persons, and ESF
 * participants are identified persons by definition (facts.md §3.1).
 *
 * What follows from the rule, and is tested as properties:
 * - lower ≤ upper ≤ attendances (each person counted is at least one attendance);
 * - adding a session never lowers any figure;
 * - over two scopes A and B, persons(A ∪ B) ≤ persons(A) + persons(B), for both bounds
 *   (sub-additivity: the union of named sets, the larger of two maxima); sessions, minutes and
 *   attendances add up exactly.
 *
 * Per activity kind the same figures are reported, but persons per kind do **not** add up to the
 * total: a resident who came to the sportello and to an event is involved in both.
 *
 * ## The fold
 * The counts are a fold with {@link empty}, {@link step} and {@link combine}: a single pass over
 * the sessions, in any order, so it can run over a stream of records from a store
 * (`Stream.runFold(entries, () => Involvement.empty, Involvement.step)`) and partial tallies of two
 * scopes can be merged. The set of named persons is a persistent `HashSet`, so each step is pure.
 *
 * @since 0.1.0
 */
import { HashSet, Schema } from "effect"
import { ActivityKind } from "./Activity.js"
import type { AttendanceRegister } from "./AttendanceRegister.js"
import * as Calendar from "./Calendar.js"
import { LaboratorioId, type PersonId, ProjectId } from "./Ids.js"
import type { Label } from "./Organisation.js"

// ---------------------------------------------------------------------------------------------
// the fold
// ---------------------------------------------------------------------------------------------

/**
 * One session as the fold sees it: the kind of its activity, its duration, and its attendance
 * sheet (`undefined` when no sheet was filed: the session was held, nobody's presence is known).
 * The named persons are each listed once, as a decoded `Attendance` sheet guarantees.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly kind: ActivityKind
  readonly durationMinutes: number
  readonly attendance: { readonly named: ReadonlyArray<PersonId>; readonly anonymous: number } | undefined
}

/**
 * The running counts of a set of sessions.
 *
 * @since 0.1.0
 * @category models
 */
export interface Counts {
  /** Distinct named persons. */
  readonly named: HashSet.HashSet<PersonId>
  /** Named attendances: a person named at three sessions is three. */
  readonly namedAttendances: number
  /** Sum of the head-counts. */
  readonly anonymousAttendances: number
  /** The largest head-count of a single session. */
  readonly largestHeadCount: number
  /** Sessions held. */
  readonly sessions: number
  /** Sessions held without an attendance sheet. */
  readonly sessionsWithoutSheet: number
  /** Sum of the durations, in minutes. */
  readonly minutes: number
}

/**
 * The tally of a scope: the counts of all its sessions and the counts by activity kind.
 *
 * @since 0.1.0
 * @category models
 */
export interface Tally {
  readonly total: Counts
  readonly byKind: ReadonlyMap<ActivityKind, Counts>
}

const emptyCounts: Counts = {
  named: HashSet.empty(),
  namedAttendances: 0,
  anonymousAttendances: 0,
  largestHeadCount: 0,
  sessions: 0,
  sessionsWithoutSheet: 0,
  minutes: 0
}

/**
 * The tally of no session.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty: Tally = { total: emptyCounts, byKind: new Map() }

const addEntry = (c: Counts, e: Entry): Counts => {
  const sheet = e.attendance
  return {
    named: sheet === undefined ? c.named : sheet.named.reduce((set, p) => HashSet.add(set, p), c.named),
    namedAttendances: c.namedAttendances + (sheet?.named.length ?? 0),
    anonymousAttendances: c.anonymousAttendances + (sheet?.anonymous ?? 0),
    largestHeadCount: Math.max(c.largestHeadCount, sheet?.anonymous ?? 0),
    sessions: c.sessions + 1,
    sessionsWithoutSheet: c.sessionsWithoutSheet + (sheet === undefined ? 1 : 0),
    minutes: c.minutes + e.durationMinutes
  }
}

const combineCounts = (a: Counts, b: Counts): Counts => ({
  named: HashSet.union(a.named, b.named),
  namedAttendances: a.namedAttendances + b.namedAttendances,
  anonymousAttendances: a.anonymousAttendances + b.anonymousAttendances,
  largestHeadCount: Math.max(a.largestHeadCount, b.largestHeadCount),
  sessions: a.sessions + b.sessions,
  sessionsWithoutSheet: a.sessionsWithoutSheet + b.sessionsWithoutSheet,
  minutes: a.minutes + b.minutes
})

/**
 * Adds one session to a tally. Pure: `tally` is not changed.
 *
 * @since 0.1.0
 * @category rules
 */
export const step = (tally: Tally, entry: Entry): Tally => {
  const byKind = new Map(tally.byKind)
  byKind.set(entry.kind, addEntry(tally.byKind.get(entry.kind) ?? emptyCounts, entry))
  return { total: addEntry(tally.total, entry), byKind }
}

/**
 * The tally of the sessions of two tallies together, as if folded in one pass. Associative and
 * commutative, with {@link empty} as identity. Each session must be in one of the two only: a
 * session in both would be counted twice in the sums (the named persons, being a set, would not).
 *
 * @since 0.1.0
 * @category rules
 */
export const combine = (a: Tally, b: Tally): Tally => {
  const byKind = new Map(a.byKind)
  for (const [kind, counts] of b.byKind) byKind.set(kind, combineCounts(byKind.get(kind) ?? emptyCounts, counts))
  return { total: combineCounts(a.total, b.total), byKind }
}

/**
 * The tally of some sessions, in one pass.
 *
 * @since 0.1.0
 * @category rules
 */
export const fold = (entries: Iterable<Entry>): Tally => {
  let tally = empty
  for (const entry of entries) tally = step(tally, entry)
  return tally
}

/**
 * The distinct named persons of a tally, sorted: what can be matched with pathways, households
 * and the ESF micro-data.
 *
 * @since 0.1.0
 * @category utils
 */
export const namedPersons = (tally: Tally): ReadonlyArray<PersonId> =>
  [...tally.total.named].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

// ---------------------------------------------------------------------------------------------
// figures
// ---------------------------------------------------------------------------------------------

/**
 * The figures of a set of sessions (see the module note for the rule).
 *
 * @since 0.1.0
 * @category models
 */
export interface Figures {
  /** Persons involved: `lower` (published) and `upper`. */
  readonly personsInvolved: { readonly lower: number; readonly upper: number }
  /** Distinct named persons. */
  readonly distinctNamed: number
  /** The largest head-count of a single session. */
  readonly largestHeadCount: number
  /** Attendances: named attendances plus head-counts. */
  readonly attendances: number
  readonly namedAttendances: number
  readonly anonymousAttendances: number
  /** Sessions held, and how many of them have no attendance sheet. */
  readonly sessions: number
  readonly sessionsWithoutSheet: number
  /** Time delivered: the sum of the session durations, in minutes and in hours. */
  readonly minutesDelivered: number
  readonly hoursDelivered: number
}

/**
 * The figures of some counts: persons involved between `|N| + largest head-count` and
 * `|N| + sum of head-counts`, attendances, sessions, time delivered.
 *
 * @since 0.1.0
 * @category rules
 */
export const figures = (c: Counts): Figures => {
  const distinctNamed = HashSet.size(c.named)
  return {
    personsInvolved: { lower: distinctNamed + c.largestHeadCount, upper: distinctNamed + c.anonymousAttendances },
    distinctNamed,
    largestHeadCount: c.largestHeadCount,
    attendances: c.namedAttendances + c.anonymousAttendances,
    namedAttendances: c.namedAttendances,
    anonymousAttendances: c.anonymousAttendances,
    sessions: c.sessions,
    sessionsWithoutSheet: c.sessionsWithoutSheet,
    minutesDelivered: c.minutes,
    hoursDelivered: c.minutes / 60
  }
}

/**
 * Which bound of the persons involved is the published figure: the lower one.
 *
 * @since 0.1.0
 * @category parameters
 */
export const publishedBound = "lower" as const

/**
 * The published number of persons involved: the lower bound (see the module note for why).
 *
 * @since 0.1.0
 * @category rules
 */
export const published = (f: Figures): number => f.personsInvolved[publishedBound]

/**
 * The figures of a scope: in total and by activity kind (kinds in the order of
 * `Activity.ActivityKind`, only those with sessions).
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly total: Figures
  readonly byKind: ReadonlyArray<{ readonly kind: ActivityKind; readonly figures: Figures }>
}

/**
 * The report of a tally.
 *
 * @since 0.1.0
 * @category rules
 */
export const report = (tally: Tally): Report => ({
  total: figures(tally.total),
  byKind: ActivityKind.literals.flatMap((kind) => {
    const counts = tally.byKind.get(kind)
    return counts === undefined ? [] : [{ kind, figures: figures(counts) }]
  })
})

// ---------------------------------------------------------------------------------------------
// scope
// ---------------------------------------------------------------------------------------------

/**
 * Which sessions to count. Every given condition must hold; an absent one does not filter:
 * - `laboratori`: the session is of one of these laboratori (an empty list selects nothing);
 * - `project`: the session is of a laboratorio of this project;
 * - `period`: the session was held within the period (both ends included).
 *
 * @since 0.1.0
 * @category models
 */
export const Scope = Schema.Struct({
  laboratori: Schema.optionalKey(Schema.Array(LaboratorioId)),
  project: Schema.optionalKey(ProjectId),
  period: Schema.optionalKey(Calendar.Period)
})
/** @since 0.1.0 @category models */
export type Scope = typeof Scope.Type

/**
 * The sessions of a register that fall in `scope`, as fold entries, in register order. A
 * session whose activity or laboratorio is missing from the register (which a decoded register
 * never has) is left out.
 *
 * @since 0.1.0
 * @category utils
 */
export const entries = (register: AttendanceRegister, scope: Scope = {}): ReadonlyArray<Entry> => {
  const laboratori = new Map(register.laboratori.map((l) => [l.id, l]))
  const activities = new Map(register.activities.map((a) => [a.id, a]))
  const sheets = new Map(register.attendance.map((a) => [a.session, a]))
  const wanted = scope.laboratori === undefined ? undefined : new Set(scope.laboratori)
  return register.sessions.flatMap((session): ReadonlyArray<Entry> => {
    const activity = activities.get(session.activity)
    const laboratorio = activity === undefined ? undefined : laboratori.get(activity.laboratorio)
    if (activity === undefined || laboratorio === undefined) return []
    if (wanted !== undefined && !wanted.has(laboratorio.id)) return []
    if (scope.project !== undefined && laboratorio.project !== scope.project) return []
    if (scope.period !== undefined && !Calendar.contains(scope.period, session.date)) return []
    const sheet = sheets.get(session.id)
    return [
      {
        kind: activity.kind,
        durationMinutes: session.durationMinutes,
        attendance: sheet === undefined ? undefined : { named: sheet.named, anonymous: sheet.anonymous }
      }
    ]
  })
}

/**
 * The tally of the sessions of a register in `scope` (all of them by default).
 *
 * @since 0.1.0
 * @category rules
 */
export const tally = (register: AttendanceRegister, scope: Scope = {}): Tally => fold(entries(register, scope))

/**
 * The report of the sessions of a register in `scope` (all of them by default).
 *
 * @since 0.1.0
 * @category rules
 */
export const of = (register: AttendanceRegister, scope: Scope = {}): Report => report(tally(register, scope))

// ---------------------------------------------------------------------------------------------
// formatting
// ---------------------------------------------------------------------------------------------

const group = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".")
const count = (n: number, one: string, many: string): string => `${group(n)} ${n === 1 ? one : many}`
const duration = (minutes: number): string => {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${group(h)} h` : `${group(h)} h ${m} min`
}

/**
 * The figures in one sentence, in Italian and English, with both bounds:
 * "10 persone coinvolte (fino a 17): 3 registrate e almeno 7 non registrate; 18 presenze in 3
 * incontri, 4 h 30 min."
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (f: Figures): Label => {
  const { lower, upper } = f.personsInvolved
  const range = (upTo: string) => (upper === lower ? "" : ` (${upTo} ${group(upper)})`)
  return {
    it:
      `${count(lower, "persona coinvolta", "persone coinvolte")}${range("fino a")}: ` +
      `${count(f.distinctNamed, "registrata", "registrate")} e almeno ` +
      `${count(f.largestHeadCount, "non registrata", "non registrate")}; ` +
      `${count(f.attendances, "presenza", "presenze")} in ${count(f.sessions, "incontro", "incontri")}, ` +
      `${duration(f.minutesDelivered)}.`,
    en:
      `${count(lower, "person involved", "persons involved")}${range("up to")}: ` +
      `${group(f.distinctNamed)} registered and at least ${group(f.largestHeadCount)} unregistered; ` +
      `${count(f.attendances, "attendance", "attendances")} at ${count(f.sessions, "session", "sessions")}, ` +
      `${duration(f.minutesDelivered)}.`
  }
}
