/**
 * The attendance sheet of a session (foglio presenze): who came, as **named persons** (their
 * `PersonId`, each once) and/or an **anonymous head-count**.
 *
 * The head-count is the number of people present who are **not registered persons**: people at
 * a neighbourhood party, residents who did not give their name. The recording convention that
 * makes counting possible is: *a registered person who attends is always named, never put in
 * the head-count.* Named persons and the head-count of one sheet are then different people, and
 * a head-count never hides someone named elsewhere. A head-count cannot be de-duplicated from
 * one session to the next (the seven at Tuesday's sportello may be the five of Monday and two
 * more); `Involvement` says how head-counts are counted.
 *
 * A sheet names the laboratorio whose register it belongs to, so that a sheet filed under the
 * wrong laboratorio is caught (`AttendanceRegister`) and sheets can be indexed by laboratorio.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import { LaboratorioId, PersonId } from "./Ids.js"
import * as InvalidInput from "./InvalidInput.js"
import * as Sensitivity from "./Sensitivity.js"
import { SessionId } from "./Session.js"

/**
 * A head-count: a whole number, zero or more.
 *
 * @since 0.1.0
 * @category models
 */
export const HeadCount = Schema.Number.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) =>
        (Number.isSafeInteger(n) && n >= 0) || `expected a head-count (a whole number, 0 or more), got ${n}`
    )
  )
)
/** @since 0.1.0 @category models */
export type HeadCount = typeof HeadCount.Type

/**
 * The persons named more than once in a list: one entry per repetition, with its index and a
 * message naming the person and both positions (1-based).
 *
 * @since 0.1.0
 * @category rules
 */
export const repeatedPersons = (
  named: ReadonlyArray<PersonId>
): ReadonlyArray<{ readonly index: number; readonly message: string }> => {
  const first = new Map<PersonId, number>()
  const repeated: Array<{ readonly index: number; readonly message: string }> = []
  named.forEach((person, i) => {
    const earlier = first.get(person)
    if (earlier === undefined) first.set(person, i)
    else
      repeated.push({
        index: i,
        message: `person ${JSON.stringify(person)} is named twice on the sheet (positions ${earlier + 1} and ${i + 1})`
      })
  })
  return repeated
}

// named persons are personal data; an absent list reads as nobody named
const namedList = (list: Schema.$Array<typeof PersonId>) =>
  list.pipe(Sensitivity.annotatePersonal, Schema.withDecodingDefaultKey(Effect.succeed([])))

/**
 * The fields of a sheet, without the check that each person is named once: `session`,
 * `laboratorio`, `named` (personal data; empty when absent) and `anonymous` (0 when absent).
 * `AttendanceRegister` reads sheets with these fields and checks repeated persons itself,
 * together with the pointers between records.
 *
 * @since 0.1.0
 * @category models
 */
export const fields = {
  session: SessionId,
  laboratorio: LaboratorioId,
  named: namedList(Schema.Array(PersonId)),
  anonymous: HeadCount.pipe(Schema.withDecodingDefaultKey(Effect.succeed(0)))
}

/**
 * The attendance sheet of one session: the session, the laboratorio whose register it belongs
 * to, the named persons (each once) and the anonymous head-count.
 *
 * @since 0.1.0
 * @category models
 */
export const Attendance = Schema.Struct({
  ...fields,
  named: namedList(
    Schema.Array(PersonId).pipe(
      Schema.check(
        Schema.makeFilter((named: ReadonlyArray<PersonId>) =>
          repeatedPersons(named).map((r) => ({ path: [r.index], issue: r.message }))
        )
      )
    )
  )
})
/** @since 0.1.0 @category models */
export type Attendance = typeof Attendance.Type
/** @since 0.1.0 @category models */
export type AttendanceEncoded = typeof Attendance.Encoded

/**
 * Decodes untrusted input into an {@link Attendance} sheet, listing every problem with its
 * path. Never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = InvalidInput.decoder(Attendance, "Attendance")

/**
 * Attendances on the sheet: named persons plus the head-count. Each person present is one
 * attendance.
 *
 * @since 0.1.0
 * @category utils
 */
export const attendances = (sheet: Attendance): number => sheet.named.length + sheet.anonymous
