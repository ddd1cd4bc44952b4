/**
 * A record format: what the import and export adapters need to know about one kind of record
 * (a household, a person, a participant, a project…) to write it and read it back — its name
 * for messages, its Schema (encoded for the file, decoded on import) and the decoder that
 * reports **every** problem of an input (`Person.decode` also reports the cross-field ones).
 *
 * Records are micro-data. {@link checkProfile} is the one rule every records export applies: a
 * record type with personal or special-category fields (`Sensitivity`) leaves as records only
 * under the `internal` profile; partners and the public get report tables through
 * `Privacy.applyProfile` instead.
 *
 * @since 0.1.0
 */
import type { Result, Schema } from "effect"
import { ExportError } from "./ExportError.js"
import * as Household from "./Household.js"
import * as InvalidInput from "./InvalidInput.js"
import * as Person from "./Person.js"
import type * as Privacy from "./Privacy.js"
import * as Participant from "./reporting/Participant.js"
import * as Sensitivity from "./Sensitivity.js"

/**
 * A record format: name, Schema and a decoder that never throws.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordFormat<A> {
  readonly name: string
  // biome-ignore lint/suspicious/noExplicitAny: the encoded form differs from one record type to the next
  readonly schema: Schema.Codec<A, any>
  readonly decode: (input: unknown) => Result.Result<A, InvalidInput.InvalidInput>
}

/**
 * The record format of any record Schema, decoded with `InvalidInput.decoder`.
 *
 * @since 0.1.0
 * @category constructors
 */
// biome-ignore lint/suspicious/noExplicitAny: see RecordFormat
export const make = <A>(schema: Schema.Codec<A, any>, name: string): RecordFormat<A> => ({
  name,
  schema,
  decode: InvalidInput.decoder(schema, name)
})

/**
 * Households (`Household.Household`), decoded with `Household.decode`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const household: RecordFormat<Household.Household> = {
  name: "Household",
  schema: Household.Household,
  decode: Household.decode
}

/**
 * Persons (`Person.Person`), decoded with `Person.decode` (cross-field problems included).
 *
 * @since 0.1.0
 * @category constructors
 */
export const person: RecordFormat<Person.Person> = { name: "Person", schema: Person.Person, decode: Person.decode }

/**
 * Participant micro-records (`Reporting.Participant.Participant`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const participant: RecordFormat<Participant.Participant> = {
  name: "Participant",
  schema: Participant.Participant,
  decode: Participant.decode
}

/**
 * Refuses a records export the profile does not allow: a record type with marked fields leaves
 * as records under `internal` only (`PersonalDataRefused`, naming the fields). `undefined` when
 * the export is allowed.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkProfile = <A>(format: RecordFormat<A>, profile: Privacy.Profile): ExportError | undefined => {
  const marked = Sensitivity.sensitiveFields(format.schema)
  if (profile === "internal" || marked.length === 0) return undefined
  return new ExportError({
    reason: "PersonalDataRefused",
    detail: `${format.name} records carry personal or special-category fields (${marked.join(", ")}) and leave as records only under the internal profile; export a report table under the ${profile} profile instead`,
    table: format.name
  })
}
