/**
 * A session: one occurrence of an activity on a date — a morning of the sportello, an evening
 * assembly, a thematic event — with its duration in whole minutes. Sessions are what a
 * laboratorio delivers: their number and their summed duration are the hours delivered that
 * `Involvement` reports. Who came is recorded apart, in the session's `Attendance` sheet.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { ActivityId } from "./Activity.js"
import * as Calendar from "./Calendar.js"
import { LaboratorioId } from "./Ids.js"
import * as InvalidInput from "./InvalidInput.js"

/**
 * Id of a session. Same shape as every id of `Ids`: it reuses their unbranded schema.
 *
 * @since 0.1.0
 * @category models
 */
export const SessionId = LaboratorioId.schema.pipe(Schema.brand("SessionId"))
/** @since 0.1.0 @category models */
export type SessionId = typeof SessionId.Type

/**
 * The most minutes a session may last: it happens on one date, so 24 hours.
 *
 * @since 0.1.0
 * @category parameters
 */
export const maxDurationMinutes = 24 * 60

/**
 * A duration in whole minutes, more than 0 and at most {@link maxDurationMinutes}.
 *
 * @since 0.1.0
 * @category models
 */
export const DurationMinutes = Schema.Number.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) =>
        (Number.isInteger(n) && n > 0 && n <= maxDurationMinutes) ||
        `expected a whole number of minutes from 1 to ${maxDurationMinutes}, got ${n}`
    )
  )
)
/** @since 0.1.0 @category models */
export type DurationMinutes = typeof DurationMinutes.Type

/**
 * A session: its id, the activity it belongs to, the date it was held and its duration.
 *
 * @since 0.1.0
 * @category models
 */
export const Session = Schema.Struct({
  id: SessionId,
  activity: ActivityId,
  date: Calendar.CalendarDate,
  durationMinutes: DurationMinutes
})
/** @since 0.1.0 @category models */
export type Session = typeof Session.Type
/** @since 0.1.0 @category models */
export type SessionEncoded = typeof Session.Encoded

/**
 * Decodes untrusted input into a {@link Session}, listing every problem with its path. Never
 * throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = InvalidInput.decoder(Session, "Session")
