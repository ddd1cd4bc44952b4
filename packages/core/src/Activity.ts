/**
 * The activities of a laboratorio sociale, by kind. The kinds are those the sources describe:
 * the presidio as a listening point and sportello, educazione all'abitare, participatory
 * renovation of common spaces (IntERPreti di cambiamento, seed 000; facts.md §1.2), thematic
 * events and the management of rent arrears (Abitare la Comunità, seed 001), mediation and
 * prevention of conflicts (seed 000), orientation to the services (Milano C.A.S.A., seed 002),
 * community animation (seed 001: "animazione sociale"). `altro` covers the rest and must be
 * described.
 *
 * An activity belongs to one laboratorio; it is held in sessions (`Session`), each with its
 * attendance (`Attendance`).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { LaboratorioId } from "./Ids.js"
import * as InvalidInput from "./InvalidInput.js"
import type { Label } from "./Organisation.js"

/**
 * Id of an activity. Same shape as every id of `Ids` (1-64 characters from `[A-Za-z0-9._:-]`):
 * it reuses their unbranded schema.
 *
 * @since 0.1.0
 * @category models
 */
export const ActivityId = LaboratorioId.schema.pipe(Schema.brand("ActivityId"))
/** @since 0.1.0 @category models */
export type ActivityId = typeof ActivityId.Type

/**
 * The kind of an activity.
 *
 * @since 0.1.0
 * @category models
 */
export const ActivityKind = Schema.Literals([
  "sportello-e-ascolto",
  "educazione-all-abitare",
  "mediazione-dei-conflitti",
  "riqualificazione-partecipata",
  "eventi-tematici",
  "gestione-della-morosita",
  "orientamento-ai-servizi",
  "animazione-di-comunita",
  "altro"
])
/** @since 0.1.0 @category models */
export type ActivityKind = typeof ActivityKind.Type

/**
 * Italian and English labels of each activity kind.
 *
 * @since 0.1.0
 * @category formatting
 */
export const kindLabel: { readonly [K in ActivityKind]: Label } = {
  "sportello-e-ascolto": { it: "Sportello e ascolto", en: "Help desk and listening point" },
  "educazione-all-abitare": { it: "Educazione all'abitare", en: "Tenancy education" },
  "mediazione-dei-conflitti": { it: "Mediazione dei conflitti", en: "Conflict mediation" },
  "riqualificazione-partecipata": {
    it: "Riqualificazione partecipata degli spazi comuni",
    en: "Participatory renovation of common spaces"
  },
  "eventi-tematici": { it: "Eventi tematici", en: "Thematic events" },
  "gestione-della-morosita": { it: "Gestione della morosità", en: "Rent-arrears management" },
  "orientamento-ai-servizi": { it: "Orientamento ai servizi", en: "Orientation to services" },
  "animazione-di-comunita": { it: "Animazione di comunità", en: "Community animation" },
  altro: { it: "Altro", en: "Other" }
}

/**
 * An activity of a laboratorio: its id, the laboratorio, the kind and a title (required for the
 * kind `altro`, optional otherwise: "Sportello del martedì", "Festa di quartiere").
 *
 * @since 0.1.0
 * @category models
 */
export const Activity = Schema.Struct({
  id: ActivityId,
  laboratorio: LaboratorioId,
  kind: ActivityKind,
  title: Schema.optionalKey(
    Schema.String.pipe(
      Schema.check(
        Schema.makeFilter((s: string) => s.trim().length > 0 || "the title must not be empty"),
        Schema.makeFilter(
          (s: string) => s.length <= 200 || `the title is ${s.length} characters long, at most 200 are allowed`
        )
      )
    )
  )
}).pipe(
  Schema.check(
    Schema.makeFilter((a) =>
      a.kind !== "altro" || a.title !== undefined
        ? true
        : { path: ["title"], issue: "an activity of kind 'altro' must have a title" }
    )
  )
)
/** @since 0.1.0 @category models */
export type Activity = typeof Activity.Type
/** @since 0.1.0 @category models */
export type ActivityEncoded = typeof Activity.Encoded

/**
 * Decodes untrusted input into an {@link Activity}, listing every problem with its path. Never
 * throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = InvalidInput.decoder(Activity, "Activity")

/**
 * The title of an activity, or the Italian label of its kind when it has none.
 *
 * @since 0.1.0
 * @category formatting
 */
export const titleOf = (activity: Activity): string => activity.title ?? kindLabel[activity.kind].it
