/**
 * A laboratorio sociale: the "servizio di prossimità e di presidio territoriale locale" that
 * every project of the 2017 avviso opens in an ERP housing complex (facts.md §1.2). It is the
 * operational base of the project, a listening point for the residents and the place where
 * segnalazioni are collected; the Milano C.A.S.A. presidi play the same part (facts.md §1.3).
 *
 * A laboratorio belongs to one project and sits at one site (complesso). It has a
 * {@link Presidio} — an address and weekly opening hours — and {@link Staff}: who works there, in
 * which role, for which organisation, and how many hours a week. What happens there (activities,
 * sessions, attendance) is in `Activity`, `Session` and `Attendance`; how people are counted is
 * in `Involvement`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { LaboratorioId, OrganisationId, ProjectId, SiteId } from "./Ids.js"
import * as InvalidInput from "./InvalidInput.js"
import type { LegalReference } from "./LegalReference.js"
import type { Label } from "./Organisation.js"

const text = (what: string, max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.makeFilter((s: string) => s.trim().length > 0 || `the ${what} must not be empty`),
      Schema.makeFilter(
        (s: string) => s.length <= max || `the ${what} is ${s.length} characters long, at most ${max} are allowed`
      )
    )
  )

// ---------------------------------------------------------------------------------------------
// opening hours
// ---------------------------------------------------------------------------------------------

/**
 * A day of the week, numbered as ISO 8601 does: 1 is Monday, 7 is Sunday.
 *
 * @since 0.1.0
 * @category models
 */
export const Weekday = Schema.Number.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) =>
        (Number.isInteger(n) && n >= 1 && n <= 7) || `expected a weekday from 1 (Monday) to 7 (Sunday), got ${n}`
    )
  )
)
/** @since 0.1.0 @category models */
export type Weekday = typeof Weekday.Type

/**
 * Italian and English names of the weekdays, indexed by {@link Weekday} (index 0 is unused).
 *
 * @since 0.1.0
 * @category formatting
 */
export const weekdayLabel: ReadonlyArray<Label> = [
  { it: "", en: "" },
  { it: "lunedì", en: "Monday" },
  { it: "martedì", en: "Tuesday" },
  { it: "mercoledì", en: "Wednesday" },
  { it: "giovedì", en: "Thursday" },
  { it: "venerdì", en: "Friday" },
  { it: "sabato", en: "Saturday" },
  { it: "domenica", en: "Sunday" }
]

const CLOCK = /^(\d{2}):(\d{2})$/

/**
 * A time of day as `HH:MM` on the 24-hour clock, `00:00` to `23:59`. Two times compare as text.
 *
 * @since 0.1.0
 * @category models
 */
export const ClockTime = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) => {
        const m = CLOCK.exec(s)
        if (m === null) return `expected a time as HH:MM (24-hour clock), got ${JSON.stringify(s)}`
        const [hours, minutes] = [Number(m[1]), Number(m[2])]
        if (hours > 23) return `hour ${hours} does not exist: expected 00 to 23`
        if (minutes > 59) return `minute ${minutes} does not exist: expected 00 to 59`
        return true
      },
      { toJsonSchema: () => ({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" }) }
    )
  ),
  Schema.brand("ClockTime")
)
/** @since 0.1.0 @category models */
export type ClockTime = typeof ClockTime.Type

/**
 * Minutes from midnight of a {@link ClockTime}: `09:30` is 570.
 *
 * @since 0.1.0
 * @category utils
 */
export const minutesOfDay = (t: ClockTime): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/**
 * A weekly opening slot of the presidio: a weekday and a time range `[from, to)`, with `from`
 * before `to` (a slot does not run past midnight).
 *
 * @since 0.1.0
 * @category models
 */
export const Slot = Schema.Struct({
  weekday: Weekday,
  from: ClockTime,
  to: ClockTime
}).pipe(
  Schema.check(
    Schema.makeFilter((s) =>
      s.from < s.to ? true : { path: ["to"], issue: `the slot ends at ${s.to}, not after it starts at ${s.from}` }
    )
  )
)
/** @since 0.1.0 @category models */
export type Slot = typeof Slot.Type

const describeSlot = (s: Slot): string => `${weekdayLabel[s.weekday]?.en} ${s.from}–${s.to}`

/**
 * Weekly opening hours: slots, none overlapping another on the same day. Slots that touch
 * (`09:00–12:00` and `12:00–13:00`) do not overlap. A slot that overlaps an earlier one is
 * reported at its own position, naming the first earlier slot it overlaps.
 *
 * @since 0.1.0
 * @category models
 */
export const OpeningHours = Schema.Array(Slot).pipe(
  Schema.check(
    Schema.makeFilter((slots: ReadonlyArray<Slot>) =>
      slots.flatMap((slot, i) => {
        const j = slots.findIndex(
          (other, k) => k < i && other.weekday === slot.weekday && other.from < slot.to && slot.from < other.to
        )
        const other = slots[j]
        return other === undefined
          ? []
          : [
              {
                path: [i],
                issue: `the slot ${describeSlot(slot)} overlaps the slot ${describeSlot(other)} (position ${j + 1})`
              }
            ]
      })
    )
  )
)
/** @since 0.1.0 @category models */
export type OpeningHours = typeof OpeningHours.Type

/**
 * Minutes a week the presidio is open: the sum of its slots (they never overlap).
 *
 * @since 0.1.0
 * @category utils
 */
export const weeklyOpeningMinutes = (hours: OpeningHours): number =>
  hours.reduce((sum, s) => sum + minutesOfDay(s.to) - minutesOfDay(s.from), 0)

/**
 * The presidio: the physical space of the laboratorio, with its sportello. `address` is absent
 * when not known (the public sources of the seed projects do not give one); `openingHours` may
 * be empty for the same reason.
 *
 * @since 0.1.0
 * @category models
 */
export const Presidio = Schema.Struct({
  address: Schema.optionalKey(text("address", 300)),
  openingHours: OpeningHours
})
/** @since 0.1.0 @category models */
export type Presidio = typeof Presidio.Type

// ---------------------------------------------------------------------------------------------
// staff
// ---------------------------------------------------------------------------------------------

/**
 * The role of a staff member at the laboratorio: the tutor di condominio (Abitare la Comunità,
 * Cremona), the community manager (Milano C.A.S.A.), the operatore di sportello, the educatore,
 * the mediatore (mediazione abitativa e dei conflitti), the custode sociale (portierato), or
 * `altro`, which must then be described.
 *
 * @since 0.1.0
 * @category models
 */
export const StaffRole = Schema.Literals([
  "tutor-di-condominio",
  "community-manager",
  "operatore-sportello",
  "educatore",
  "mediatore",
  "custode-sociale",
  "altro"
])
/** @since 0.1.0 @category models */
export type StaffRole = typeof StaffRole.Type

/**
 * Italian and English labels of each staff role.
 *
 * @since 0.1.0
 * @category formatting
 */
export const staffRoleLabel: { readonly [R in StaffRole]: Label } = {
  "tutor-di-condominio": { it: "Tutor di condominio", en: "Building tutor (tutor di condominio)" },
  "community-manager": { it: "Community manager", en: "Community manager" },
  "operatore-sportello": { it: "Operatore di sportello", en: "Help-desk worker (sportello)" },
  educatore: { it: "Educatore", en: "Social educator" },
  mediatore: { it: "Mediatore", en: "Mediator" },
  "custode-sociale": { it: "Custode sociale", en: "Social caretaker (custode sociale)" },
  altro: { it: "Altro", en: "Other" }
}

/**
 * The most hours a week one staff assignment may take: 48, the cap on the average weekly
 * working time, overtime included (D.Lgs. 66/2003, art. 4, c. 2). **Unverified**: from memory,
 * not in facts.md. It bounds one assignment; a worker with several assignments is bound on
 * their total, which this library does not see.
 *
 * @since 0.1.0
 * @category parameters
 */
export const maxHoursPerWeek = 48

/**
 * The source of {@link maxHoursPerWeek}.
 *
 * @since 0.1.0
 * @category parameters
 */
export const maxHoursPerWeekSource: LegalReference = {
  act: "D.Lgs. 66/2003",
  article: "art. 4, c. 2",
  confidence: "unverified",
  note: "maximum average weekly working time, from memory"
}

/**
 * Hours a week of a staff assignment: more than 0 and at most {@link maxHoursPerWeek}
 * (fractions allowed: 7.5).
 *
 * @since 0.1.0
 * @category models
 */
export const HoursPerWeek = Schema.Number.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) =>
        (Number.isFinite(n) && n > 0 && n <= maxHoursPerWeek) ||
        `expected more than 0 and at most ${maxHoursPerWeek} hours a week, got ${n}`
    )
  )
)
/** @since 0.1.0 @category models */
export type HoursPerWeek = typeof HoursPerWeek.Type

/**
 * A staff assignment: the role, the organisation that employs the worker, the hours a week
 * given to this laboratorio, and a description (required for the role `altro`). `hoursPerWeek`
 * is absent when not known: the sources of the Milano C.A.S.A. presidi name the community
 * manager but not their hours. No person is named: staff are not the people the laboratorio
 * counts.
 *
 * @since 0.1.0
 * @category models
 */
export const Staff = Schema.Struct({
  role: StaffRole,
  description: Schema.optionalKey(text("description", 200)),
  organisation: OrganisationId,
  hoursPerWeek: Schema.optionalKey(HoursPerWeek)
}).pipe(
  Schema.check(
    Schema.makeFilter((s) =>
      s.role !== "altro" || s.description !== undefined
        ? true
        : { path: ["description"], issue: "a staff role 'altro' must be described" }
    )
  )
)
/** @since 0.1.0 @category models */
export type Staff = typeof Staff.Type

// ---------------------------------------------------------------------------------------------
// laboratorio
// ---------------------------------------------------------------------------------------------

/**
 * A laboratorio sociale: its id, the project that funds it, the site it sits in (the id of a
 * `Site.Complesso`), its name, its presidio and its staff.
 *
 * @since 0.1.0
 * @category models
 */
export const Laboratorio = Schema.Struct({
  id: LaboratorioId,
  project: ProjectId,
  site: SiteId,
  name: text("name", 200),
  presidio: Presidio,
  staff: Schema.Array(Staff)
})
/** @since 0.1.0 @category models */
export type Laboratorio = typeof Laboratorio.Type
/** @since 0.1.0 @category models */
export type LaboratorioEncoded = typeof Laboratorio.Encoded

/**
 * Decodes untrusted input into a {@link Laboratorio}, listing every problem with its path. Never
 * throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = InvalidInput.decoder(Laboratorio, "Laboratorio")

const sumHours = (staff: ReadonlyArray<Staff>): number | undefined =>
  staff.reduce<number | undefined>(
    (sum, s) => (sum === undefined || s.hoursPerWeek === undefined ? undefined : sum + s.hoursPerWeek),
    0
  )

/**
 * Staff hours a week by role, in the order of {@link StaffRole}; roles without staff are left
 * out. A role's hours are `undefined` when the hours of one of its assignments are not known:
 * an unknown is never counted as zero.
 *
 * @since 0.1.0
 * @category utils
 */
export const hoursPerWeekByRole = (laboratorio: Laboratorio): ReadonlyMap<StaffRole, number | undefined> => {
  const byRole = new Map<StaffRole, number | undefined>()
  for (const role of StaffRole.literals) {
    const staff = laboratorio.staff.filter((s) => s.role === role)
    if (staff.length > 0) byRole.set(role, sumHours(staff))
  }
  return byRole
}

/**
 * Total staff hours a week at the laboratorio, or `undefined` when the hours of an assignment
 * are not known.
 *
 * @since 0.1.0
 * @category utils
 */
export const staffHoursPerWeek = (laboratorio: Laboratorio): number | undefined => sumHours(laboratorio.staff)
