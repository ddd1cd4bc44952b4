/**
 * fast-check arbitraries for laboratori sociali: opening hours that never overlap, staff,
 * laboratori, activities, sessions and attendance sheets, whole attendance registers whose
 * pointers all hold, and the fold entries of `Involvement`. Persons come from a small pool, so
 * the same person is named at many sessions and de-duplication is exercised; head-counts go up
 * to 30. Everything is synthetic, and every value decodes through its `@quartieri/core` Schema.
 *
 * @since 0.1.0
 */
import {
  Activity,
  AttendanceRegister,
  Calendar,
  Ids,
  type Involvement,
  Laboratorio,
  type Session
} from "@quartieri/core"
import { Schema } from "effect"
import * as fc from "fast-check"

const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`

/**
 * A weekday, 1 (Monday) to 7 (Sunday).
 *
 * @since 0.1.0
 * @category constructors
 */
export const weekday: fc.Arbitrary<number> = fc.integer({ min: 1, max: 7 })

/**
 * A time of day `HH:MM`, `00:00` to `23:59`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const clockTime: fc.Arbitrary<string> = fc.integer({ min: 0, max: 24 * 60 - 1 }).map(clock)

/**
 * A valid slot: `from` strictly before `to`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const slot: fc.Arbitrary<Laboratorio.Slot> = fc
  .tuple(weekday, fc.uniqueArray(fc.integer({ min: 0, max: 24 * 60 - 1 }), { minLength: 2, maxLength: 2 }))
  .map(([day, [a = 0, b = 1]]) =>
    Schema.decodeUnknownSync(Laboratorio.Slot)({ weekday: day, from: clock(Math.min(a, b)), to: clock(Math.max(a, b)) })
  )

/**
 * Valid opening hours: up to three slots on each of some weekdays, never overlapping (and
 * sometimes touching: `09:00–12:00`, `12:00–13:00`), in shuffled order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const openingHours: fc.Arbitrary<Laboratorio.OpeningHours> = fc
  .array(
    fc.tuple(
      weekday,
      fc.uniqueArray(fc.integer({ min: 0, max: 24 * 60 - 1 }), { minLength: 2, maxLength: 6 }),
      fc.boolean()
    ),
    { maxLength: 4 }
  )
  .map((days) => {
    const seen = new Set<number>()
    return days.flatMap(([day, bounds, touch]) => {
      if (seen.has(day)) return []
      seen.add(day)
      const sorted = [...bounds].sort((a, b) => a - b)
      const slots: Array<{ weekday: number; from: string; to: string }> = []
      // consecutive pairs; with `touch`, each slot starts where the previous one ended
      for (let i = 0; i + 1 < sorted.length; i += touch ? 1 : 2)
        slots.push({ weekday: day, from: clock(sorted[i] ?? 0), to: clock(sorted[i + 1] ?? 0) })
      return slots
    })
  })
  .chain((slots) => fc.shuffledSubarray(slots, { minLength: slots.length, maxLength: slots.length }))
  .map((slots) => Schema.decodeUnknownSync(Laboratorio.OpeningHours)(slots))

/**
 * Any staff role.
 *
 * @since 0.1.0
 * @category constructors
 */
export const staffRole: fc.Arbitrary<Laboratorio.StaffRole> = fc.constantFrom(...Laboratorio.StaffRole.literals)

/**
 * A valid staff assignment: hours a week in quarter hours from 0.25 to 48 (not known one time in
 * ten), a description when the role is `altro`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const staff: fc.Arbitrary<Laboratorio.Staff> = fc
  .record({
    role: staffRole,
    organisation: fc.constantFrom("comune-capofila", "aler", "cooperativa", "ente-lavoro"),
    quarters: fc.option(fc.integer({ min: 1, max: 48 * 4 }), { nil: undefined, freq: 10 })
  })
  .map(({ organisation, quarters, role }) =>
    Schema.decodeUnknownSync(Laboratorio.Staff)({
      role,
      organisation,
      ...(quarters === undefined ? {} : { hoursPerWeek: quarters / 4 }),
      ...(role === "altro" ? { description: "Custode del giardino condiviso" } : {})
    })
  )

/**
 * A laboratorio id from a pool of four.
 *
 * @since 0.1.0
 * @category constructors
 */
export const laboratorioId: fc.Arbitrary<Ids.LaboratorioId> = fc
  .constantFrom("lab-1", "lab-2", "lab-3", "lab-4")
  .map((s) => Ids.LaboratorioId.make(s))

/**
 * A project id from a pool of two.
 *
 * @since 0.1.0
 * @category constructors
 */
export const projectId: fc.Arbitrary<Ids.ProjectId> = fc
  .constantFrom("project-a", "project-b")
  .map((s) => Ids.ProjectId.make(s))

/**
 * A person id from a pool of twelve, so that the same person is named at many sessions.
 *
 * @since 0.1.0
 * @category constructors
 */
export const personId: fc.Arbitrary<Ids.PersonId> = fc
  .integer({ min: 1, max: 12 })
  .map((n) => Ids.PersonId.make(`person-${n}`))

/**
 * A valid laboratorio with the given id (by default one of {@link laboratorioId}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const laboratorio = (
  id: fc.Arbitrary<Ids.LaboratorioId> = laboratorioId
): fc.Arbitrary<Laboratorio.Laboratorio> =>
  fc
    .record({
      id,
      project: projectId,
      site: fc.constantFrom("site-1", "site-2", "site-3"),
      address: fc.option(fc.constantFrom("Via XXIV Maggio 1", "Via Borgo Loreto 10"), { nil: undefined }),
      openingHours,
      staff: fc.array(staff, { maxLength: 3 })
    })
    .map(({ address, id, openingHours, project, site, staff }) =>
      Schema.decodeUnknownSync(Laboratorio.Laboratorio)({
        id,
        project,
        site,
        name: `Laboratorio sociale ${id}`,
        presidio: { ...(address === undefined ? {} : { address }), openingHours },
        staff
      })
    )

/**
 * Any activity kind.
 *
 * @since 0.1.0
 * @category constructors
 */
export const activityKind: fc.Arbitrary<Activity.ActivityKind> = fc.constantFrom(...Activity.ActivityKind.literals)

/**
 * A session date in 2019-2020, the biennio of the 2017 avviso's projects.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sessionDate: fc.Arbitrary<Calendar.CalendarDate> = fc
  .integer({ min: 0, max: 730 })
  .map((n) => Calendar.addDays(Calendar.unsafeMake("2019-01-01"), n))

/**
 * A session duration: 15 minutes to 8 hours.
 *
 * @since 0.1.0
 * @category constructors
 */
export const durationMinutes: fc.Arbitrary<number> = fc.integer({ min: 15, max: 8 * 60 })

/**
 * The attendance of a session: up to six distinct named persons and a head-count up to 30.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sheetContent: fc.Arbitrary<{
  readonly named: ReadonlyArray<Ids.PersonId>
  readonly anonymous: number
}> = fc.record({
  named: fc.uniqueArray(personId, { maxLength: 6 }),
  anonymous: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 }))
})

/**
 * One fold entry of `Involvement`: a session of some kind and duration, with its attendance
 * (absent one time in ten).
 *
 * @since 0.1.0
 * @category constructors
 */
export const entry: fc.Arbitrary<Involvement.Entry> = fc.record({
  kind: activityKind,
  durationMinutes,
  attendance: fc.option(sheetContent, { nil: undefined, freq: 10 })
})

/**
 * A valid attendance register, encoded as an import file carries it: one to three laboratori
 * (of one or two projects), one to three activities each, up to twelve sessions, each with its
 * sheet filed under the right laboratorio (absent one time in eight).
 *
 * @since 0.1.0
 * @category constructors
 */
export const registerEncoded: fc.Arbitrary<AttendanceRegister.AttendanceRegisterEncoded> = fc
  .record({
    laboratori: fc.uniqueArray(laboratorio(), { minLength: 1, maxLength: 3, selector: (l) => l.id }),
    kinds: fc.array(fc.array(activityKind, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
    sessions: fc.array(
      fc.record({
        activity: fc.nat(),
        date: sessionDate,
        durationMinutes,
        sheet: fc.option(sheetContent, { nil: undefined, freq: 8 })
      }),
      { maxLength: 12 }
    )
  })
  .map(({ kinds, laboratori, sessions }) => {
    const activities = laboratori.flatMap((l, i) =>
      (kinds[i] ?? []).map((kind, k) => ({
        id: `${l.id}-activity-${k + 1}`,
        laboratorio: l.id,
        kind,
        ...(kind === "altro" ? { title: "Orto condiviso" } : {})
      }))
    )
    const held = sessions.map((s, i) => {
      const activity = activities[s.activity % activities.length] ?? activities[0]
      return { ...s, id: `session-${i + 1}`, activity: activity?.id ?? "", laboratorio: activity?.laboratorio ?? "" }
    })
    return {
      laboratori: laboratori.map((l) => Schema.encodeSync(Laboratorio.Laboratorio)(l)),
      activities,
      sessions: held.map(
        (s): Session.SessionEncoded => ({
          id: s.id,
          activity: s.activity,
          date: s.date,
          durationMinutes: s.durationMinutes
        })
      ),
      attendance: held.flatMap((s) =>
        s.sheet === undefined
          ? []
          : [{ session: s.id, laboratorio: s.laboratorio, named: [...s.sheet.named], anonymous: s.sheet.anonymous }]
      )
    }
  })

/**
 * A valid attendance register, decoded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const register: fc.Arbitrary<AttendanceRegister.AttendanceRegister> = registerEncoded.map((r) =>
  Schema.decodeUnknownSync(AttendanceRegister.AttendanceRegister)(r)
)
