/**
 * The registro presenze of one or more laboratori: the laboratori, their activities, the
 * sessions held and the attendance sheets, as flat lists that point at each other by id — the
 * way a store holds them and an import file carries them. It is the input of the
 * `Involvement` counts.
 *
 * Decoding checks that the pointers hold, and reports **every** faulty entry with its path:
 * - ids are unique in each list;
 * - an activity belongs to a laboratorio of the register;
 * - a session is of an activity of the register;
 * - a sheet belongs to a laboratorio of the register, refers to a session that exists and
 *   belongs to that laboratorio, is the only sheet of its session, and names each person once.
 *
 * Decoding runs in two passes. The first reads every record and reports every malformed one (a
 * bad id, a negative head-count, overlapping opening hours); only when all records read does the
 * second pass follow the pointers, since a pointer cannot be followed from a record that could
 * not be read. The second pass checks repeated persons too, so that a sheet naming someone twice
 * and a sheet pointing at a missing session are reported together.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Activity } from "./Activity.js"
import * as Attendance from "./Attendance.js"
import * as InvalidInput from "./InvalidInput.js"
import { Laboratorio } from "./Laboratorio.js"
import { Session } from "./Session.js"

type Issue = { readonly path: ReadonlyArray<PropertyKey>; readonly issue: string }

/** One issue per repeated key, at the repetition, naming the key and both positions (1-based). */
const repeatedIds = <A>(list: string, what: string, items: ReadonlyArray<A>, id: (a: A) => string): Array<Issue> => {
  const first = new Map<string, number>()
  const issues: Array<Issue> = []
  items.forEach((item, i) => {
    const key = id(item)
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, i)
    else
      issues.push({
        path: [list, i, "id"],
        issue: `${what} ${JSON.stringify(key)} is listed twice (positions ${earlier + 1} and ${i + 1})`
      })
  })
  return issues
}

const firstById = <A extends { readonly id: string }>(
  items: ReadonlyArray<A>,
  value: (a: A) => string
): Map<string, string> => {
  const map = new Map<string, string>()
  for (const item of items) if (!map.has(item.id)) map.set(item.id, value(item))
  return map
}

interface Shape {
  readonly laboratori: ReadonlyArray<Laboratorio>
  readonly activities: ReadonlyArray<Activity>
  readonly sessions: ReadonlyArray<Session>
  readonly attendance: ReadonlyArray<Attendance.Attendance>
}

/** The second pass: every broken pointer, every repeated id, sheet or person, in list order. */
const consistency = (r: Shape): Array<Issue> => {
  const laboratori = new Set<string>(r.laboratori.map((l) => l.id))
  // a repeated id is reported; pointers to it follow its first record
  const activityLab = firstById(r.activities, (a) => a.laboratorio)
  const sessionActivity = firstById(r.sessions, (s) => s.activity)
  const issues: Array<Issue> = [...repeatedIds("laboratori", "laboratorio", r.laboratori, (l) => l.id)]

  issues.push(...repeatedIds("activities", "activity", r.activities, (a) => a.id))
  r.activities.forEach((a, i) => {
    if (!laboratori.has(a.laboratorio))
      issues.push({
        path: ["activities", i, "laboratorio"],
        issue: `activity ${JSON.stringify(a.id)} belongs to laboratorio ${JSON.stringify(a.laboratorio)}, which is not in the register`
      })
  })

  issues.push(...repeatedIds("sessions", "session", r.sessions, (s) => s.id))
  r.sessions.forEach((s, i) => {
    if (!activityLab.has(s.activity))
      issues.push({
        path: ["sessions", i, "activity"],
        issue: `session ${JSON.stringify(s.id)} is of activity ${JSON.stringify(s.activity)}, which is not in the register`
      })
  })

  const sheetOf = new Map<string, number>()
  r.attendance.forEach((sheet, i) => {
    const activity = sessionActivity.get(sheet.session)
    const owner = activity === undefined ? undefined : activityLab.get(activity)
    if (!laboratori.has(sheet.laboratorio))
      issues.push({
        path: ["attendance", i, "laboratorio"],
        issue: `laboratorio ${JSON.stringify(sheet.laboratorio)} is not in the register`
      })
    if (activity === undefined)
      issues.push({
        path: ["attendance", i, "session"],
        issue: `session ${JSON.stringify(sheet.session)} does not exist in the register`
      })
    else if (owner !== undefined && owner !== sheet.laboratorio && laboratori.has(sheet.laboratorio))
      issues.push({
        path: ["attendance", i, "session"],
        issue: `session ${JSON.stringify(sheet.session)} belongs to laboratorio ${JSON.stringify(owner)} (activity ${JSON.stringify(activity)}), not to ${JSON.stringify(sheet.laboratorio)}`
      })
    const earlier = sheetOf.get(sheet.session)
    if (earlier === undefined) sheetOf.set(sheet.session, i)
    else
      issues.push({
        path: ["attendance", i, "session"],
        issue: `session ${JSON.stringify(sheet.session)} already has an attendance sheet (position ${earlier + 1})`
      })
    for (const repeated of Attendance.repeatedPersons(sheet.named))
      issues.push({ path: ["attendance", i, "named", repeated.index], issue: repeated.message })
  })
  return issues
}

/**
 * A register: laboratori, activities, sessions and attendance sheets, with every pointer
 * checked (see the module note).
 *
 * @since 0.1.0
 * @category models
 */
export const AttendanceRegister = Schema.Struct({
  laboratori: Schema.Array(Laboratorio),
  activities: Schema.Array(Activity),
  sessions: Schema.Array(Session),
  // the sheets' own check (each person once) runs in the second pass, with the pointers
  attendance: Schema.Array(Schema.Struct(Attendance.fields))
}).pipe(Schema.check(Schema.makeFilter(consistency)))
/** @since 0.1.0 @category models */
export type AttendanceRegister = typeof AttendanceRegister.Type
/** @since 0.1.0 @category models */
export type AttendanceRegisterEncoded = typeof AttendanceRegister.Encoded

/**
 * Decodes untrusted input into an {@link AttendanceRegister}, listing every problem with its
 * path (`attendance[3].session`, `attendance[0].named[2]`). Never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = InvalidInput.decoder(AttendanceRegister, "AttendanceRegister")

/**
 * The register with nothing in it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty: AttendanceRegister = { laboratori: [], activities: [], sessions: [], attendance: [] }
