/**
 * Records (households, persons, participants, projects…) to and from JSON: each record encoded
 * with its Schema, exactly as the JSON Schemas of this package describe it (`schemas/*.json`).
 *
 * - `ndjson`: one record per line (`\n`), streamed — the framing for large registers;
 * - `document`: one JSON array of records, streamed element by element.
 *
 * A record type with personal or special-category fields leaves as records only under the
 * `internal` profile (`RecordFormat.checkProfile`). {@link parseRecords} reads either framing
 * back with per-record errors (the line number in NDJSON, the 1-based position in a document)
 * and the explicit `all-or-nothing` / `valid-rows-only` choice.
 *
 * @since 0.1.0
 */
import {
  Exporter,
  type Household,
  type InvalidInput,
  type Person,
  type Privacy,
  RecordFormat,
  type Reporting
} from "@quartieri/core"
import { Effect, Result, Schema, Stream } from "effect"
import type { Framing } from "./TableDocument.js"

/**
 * The record formats of core (`RecordFormat.household`, `.person`, `.participant`, `.make`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const formats: {
  readonly household: RecordFormat.RecordFormat<Household.Household>
  readonly person: RecordFormat.RecordFormat<Person.Person>
  readonly participant: RecordFormat.RecordFormat<Reporting.Participant.Participant>
  readonly make: typeof RecordFormat.make
} = {
  household: RecordFormat.household,
  person: RecordFormat.person,
  participant: RecordFormat.participant,
  make: RecordFormat.make
}

/**
 * Options of a records export.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExportOptions<A> {
  readonly schema: RecordFormat.RecordFormat<A>
  readonly profile: Privacy.Profile
  readonly framing?: Framing
}

/**
 * Records as JSON, streamed (NDJSON by default). Fails with `PersonalDataRefused` or with
 * `InvalidData` naming the record that does not encode.
 *
 * @since 0.1.0
 * @category constructors
 */
export const exportRecords = <A, E = never>(
  records: Iterable<A> | Stream.Stream<A, E>,
  options: ExportOptions<A>
): Stream.Stream<Uint8Array, Exporter.ExportError | E> => {
  const refused = RecordFormat.checkProfile(options.schema, options.profile)
  if (refused !== undefined) return Stream.fail(refused)
  const ndjson = (options.framing ?? "ndjson") === "ndjson"
  const encode = Schema.encodeUnknownResult(options.schema.schema)
  const source: Stream.Stream<A, E> = Stream.isStream(records) ? records : Stream.fromIterable(records)
  const body = source.pipe(
    Stream.zipWithIndex,
    Stream.mapEffect(([record, i]) => {
      const encoded = encode(record)
      if (Result.isFailure(encoded))
        return Effect.fail(
          new Exporter.ExportError({
            reason: "InvalidData",
            detail: `the record does not encode: ${encoded.failure.message}`,
            table: options.schema.name,
            row: i
          })
        )
      const json = JSON.stringify(encoded.success)
      return Effect.succeed(Exporter.utf8(ndjson ? `${json}\n` : `${i === 0 ? "" : ","}${json}`))
    })
  )
  return ndjson
    ? body
    : Stream.concat(Stream.concat(Stream.succeed(Exporter.utf8("[")), body), Stream.succeed(Exporter.utf8("]\n")))
}

/**
 * Records as one byte array, for callers outside Effect.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recordsToBytes = <A>(records: Iterable<A>, options: ExportOptions<A>): Promise<Uint8Array> =>
  Exporter.collect(exportRecords(records, options))

/**
 * A problem of one record: its line (NDJSON) or position (document, from 1), the field path
 * when there is one, and the reason.
 *
 * @since 0.1.0
 * @category models
 */
export interface RecordError {
  readonly record: number
  readonly path?: string
  readonly reason: string
}

/**
 * What an import gives back: the records, every error, and the number of records read.
 *
 * @since 0.1.0
 * @category models
 */
export interface Parsed<A> {
  readonly records: ReadonlyArray<A>
  readonly errors: ReadonlyArray<RecordError>
  readonly count: number
}

/**
 * Options of an import: the format, the mode (no default: the caller chooses) and the framing
 * (`ndjson` by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface ParseOptions<A> {
  readonly schema: RecordFormat.RecordFormat<A>
  readonly mode: "all-or-nothing" | "valid-rows-only"
  readonly framing?: Framing
}

const problems = (record: number, e: InvalidInput.InvalidInput): ReadonlyArray<RecordError> =>
  e.problems.map((p) => ({ record, ...(p.path === "" ? {} : { path: p.path }), reason: p.message }))

/**
 * Reads JSON records (see the module header). Never throws; blank NDJSON lines are skipped.
 *
 * @since 0.1.0
 * @category constructors
 */
export const parseRecords = <A>(text: string, options: ParseOptions<A>): Parsed<A> => {
  const entries: Array<readonly [number, string | unknown]> = []
  const errors: Array<RecordError> = []
  if ((options.framing ?? "ndjson") === "ndjson") {
    text.split("\n").forEach((line, i) => {
      if (line.trim() !== "") entries.push([i + 1, line])
    })
  } else {
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch (e) {
      return { records: [], errors: [{ record: 0, reason: `not JSON: ${(e as Error).message}` }], count: 0 }
    }
    if (!Array.isArray(doc))
      return { records: [], errors: [{ record: 0, reason: "expected an array of records" }], count: 0 }
    doc.forEach((r, i) => {
      entries.push([i + 1, r])
    })
  }
  const records: Array<A> = []
  const ndjson = (options.framing ?? "ndjson") === "ndjson"
  for (const [n, raw] of entries) {
    let value: unknown = raw
    if (ndjson)
      try {
        value = JSON.parse(raw as string)
      } catch (e) {
        errors.push({ record: n, reason: `not JSON: ${(e as Error).message}` })
        continue
      }
    const decoded = options.schema.decode(value)
    if (Result.isFailure(decoded)) errors.push(...problems(n, decoded.failure))
    else records.push(decoded.success)
  }
  return {
    records: options.mode === "all-or-nothing" && errors.length > 0 ? [] : records,
    errors,
    count: entries.length
  }
}
