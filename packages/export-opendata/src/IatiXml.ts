/**
 * IATI 2.03 activity XML, written by xmlbuilder2 (its callback builder, `createCB`): the
 * `iati-activities` root with `version="2.03"`, then each `iati-activity` as it comes, so a
 * programme of many projects streams one activity at a time. Every element and attribute goes
 * through the library, which escapes `<`, `>` and quotes; `&` is escaped before (the library
 * would keep a `&` that already looks like an entity reference, see `safe`); no XML is
 * concatenated by hand.
 *
 * Text is XML 1.0 text: characters XML 1.0 forbids (control characters other than tab, line
 * feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF) cannot be written at all,
 * and are replaced by U+FFFD (�) so the file stays well-formed and the damage stays visible.
 * Italian is the activity's default language (`xml:lang="it"`): Italian narratives carry no
 * `xml:lang`, English ones carry `xml:lang="en"`. Amounts are euros with a decimal point,
 * currency EUR.
 *
 * Well-formedness is checked in the tests with `xmllint --noout`; validity against the IATI
 * schema is not (the XSD is not shipped here), and the element order follows the 2.03 schema
 * as we know it (facts.md §5.2, from memory).
 *
 * @since 0.1.0
 */
import { type ExportError, Exporter } from "@quartieri/core"
import { Effect, Stream } from "effect"
import { createCB } from "xmlbuilder2"
import type * as IatiActivity from "./IatiActivity.js"
import * as Activities from "./IatiActivity.js"
import type { ProjectRecord } from "./ProjectRecord.js"

type Text = IatiActivity.Activity["title"]
type XMLBuilderCB = ReturnType<typeof createCB>

const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/**
 * `text` with every character XML 1.0 cannot hold replaced by U+FFFD.
 *
 * @since 0.1.0
 * @category formatting
 */
export const xmlText = (text: string): string => text.replace(forbidden, "\uFFFD")

/**
 * Cents as an IATI value: euros with a decimal point, `22998954` → `229989.54`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatValue = (cents: number): string => {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  const euros = Math.floor(abs / 100)
  return `${sign}${euros}.${String(abs - euros * 100).padStart(2, "0")}`
}

/**
 * What is handed to xmlbuilder2: the XML 1.0 text with every `&` already written `&amp;`.
 * xmlbuilder2 escapes `<`, `>` and quotes, but leaves a `&` that already starts an entity
 * reference (`&amp;`, `&lt;`) as it is, so the text `&amp;` would read back as `&`; escaping
 * `&` first makes every `&` such a reference, which the library then keeps.
 */
const safe = (text: string): string => xmlText(text).replaceAll("&", "&amp;")

const att = (x: XMLBuilderCB, name: string, value: string | number) => x.att(name, safe(String(value)))

const narratives = (x: XMLBuilderCB, element: string, text: Text) => {
  x.ele(element)
  x.ele("narrative").txt(safe(text.it)).up()
  x.ele("narrative")
  att(x, "xml:lang", "en")
  x.txt(safe(text.en)).up()
  x.up()
}

const org = (x: XMLBuilderCB, element: string, o: IatiActivity.OrgRef, role?: number) => {
  x.ele(element)
  if (o.ref !== undefined) att(x, "ref", o.ref)
  if (o.type !== undefined) att(x, "type", o.type)
  if (role !== undefined) att(x, "role", role)
  x.ele("narrative").txt(safe(o.name)).up()
  x.up()
}

const dated = (x: XMLBuilderCB, element: string, date: string) => {
  x.ele(element)
  att(x, "iso-date", date)
  x.up()
}

const value = (x: XMLBuilderCB, cents: number, date: string) => {
  x.ele("value")
  att(x, "currency", "EUR")
  att(x, "value-date", date)
  x.txt(formatValue(cents)).up()
}

/**
 * Writes one `iati-activity` element at the builder's cursor.
 *
 * @since 0.1.0
 * @category formatting
 */
export const writeActivity = (x: XMLBuilderCB, a: IatiActivity.Activity): void => {
  x.ele("iati-activity")
  att(x, "last-updated-datetime", `${a.lastUpdated}T00:00:00Z`)
  att(x, "xml:lang", "it")
  att(x, "default-currency", "EUR")
  x.ele("iati-identifier").txt(safe(a.identifier)).up()
  org(x, "reporting-org", a.reportingOrg)
  narratives(x, "title", a.title)
  for (const d of a.descriptions) {
    x.ele("description")
    att(x, "type", d.type)
    x.ele("narrative").txt(safe(d.text.it)).up()
    x.ele("narrative")
    att(x, "xml:lang", "en")
    x.txt(safe(d.text.en)).up()
    x.up()
  }
  for (const p of a.participatingOrgs) org(x, "participating-org", p, p.role)
  x.ele("activity-status")
  att(x, "code", a.status)
  x.up()
  for (const d of a.dates) {
    x.ele("activity-date")
    att(x, "type", d.type)
    att(x, "iso-date", d.date)
    x.up()
  }
  x.ele("recipient-country")
  att(x, "code", "IT")
  att(x, "percentage", 100)
  x.up()
  for (const b of a.budgets) {
    x.ele("budget")
    att(x, "type", b.type)
    att(x, "status", b.status)
    dated(x, "period-start", b.periodStart)
    dated(x, "period-end", b.periodEnd)
    value(x, b.value, b.valueDate)
    x.up()
  }
  for (const t of a.transactions) {
    x.ele("transaction")
    x.ele("transaction-type")
    att(x, "code", t.type)
    x.up()
    dated(x, "transaction-date", t.date)
    value(x, t.value, t.date)
    if (t.description !== undefined) {
      x.ele("description")
      x.ele("narrative").txt(safe(t.description)).up()
      x.up()
    }
    if (t.provider !== undefined) org(x, "provider-org", t.provider)
    if (t.receiver !== undefined) org(x, "receiver-org", t.receiver)
    x.up()
  }
  for (const r of a.results) {
    x.ele("result")
    att(x, "type", r.type)
    narratives(x, "title", r.title)
    for (const i of r.indicators) {
      x.ele("indicator")
      att(x, "measure", i.measure)
      att(x, "ascending", i.ascending ? 1 : 0)
      narratives(x, "title", i.title)
      if (i.reference !== undefined) {
        x.ele("reference")
        att(x, "vocabulary", i.reference.vocabulary)
        att(x, "code", i.reference.code)
        x.up()
      }
      if (i.period !== undefined) {
        x.ele("period")
        dated(x, "period-start", i.period.start)
        dated(x, "period-end", i.period.end)
        if (i.period.target !== undefined) {
          x.ele("target")
          att(x, "value", i.period.target)
          x.up()
        }
        if (i.period.actual !== undefined) {
          x.ele("actual")
          att(x, "value", i.period.actual)
          x.up()
        }
        x.up()
      }
      x.up()
    }
    x.up()
  }
  x.up()
}

/**
 * Options of the document: `generatedAt`, the `generated-datetime` of the root (an ISO date-time;
 * absent by default, so the same data gives the same bytes).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly generatedAt?: string
}

/**
 * The IATI document of a stream of activities: the declaration and the root, then one activity
 * at a time, then the end of the root. Nothing but the current activity is held in memory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stream = <E = never>(
  activities: Stream.Stream<IatiActivity.Activity, E> | Iterable<IatiActivity.Activity>,
  options: Options = {}
): Stream.Stream<Uint8Array, E> =>
  Stream.suspend(() => {
    const chunks: Array<string> = []
    const x = createCB({ data: (chunk: string) => chunks.push(chunk), prettyPrint: true, indent: "  " })
    const flush = () => Exporter.utf8(chunks.splice(0).join(""))
    const source: Stream.Stream<IatiActivity.Activity, E> = Stream.isStream(activities)
      ? activities
      : Stream.fromIterable(activities)
    const head = Stream.sync(() => {
      x.dec({ version: "1.0", encoding: "UTF-8" })
      x.ele("iati-activities")
      att(x, "version", "2.03")
      if (options.generatedAt !== undefined) att(x, "generated-datetime", options.generatedAt)
      return flush()
    })
    const body = Stream.map(source, (a) => {
      writeActivity(x, a)
      return flush()
    })
    const tail = Stream.sync(() => {
      x.up()
      x.end()
      return flush()
    })
    return Stream.concat(Stream.concat(head, body), tail)
  })

/**
 * The IATI document of project records: each built by `IatiActivity.activity` as the stream
 * reaches it; the first record that cannot be built fails the stream with its `ExportError`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromRecords = (
  records: Iterable<ProjectRecord>,
  activityOptions: IatiActivity.Options,
  options: Options = {}
): Stream.Stream<Uint8Array, ExportError.ExportError> =>
  stream(
    Stream.fromIterable(records).pipe(
      Stream.mapEffect((r) => Effect.fromResult(Activities.activity(r, activityOptions)))
    ),
    options
  )

/**
 * The plain-function form: the whole document of `records` as bytes; rejects with the
 * `ExportError`.
 *
 * @since 0.1.0
 * @category utils
 */
export const toBytes = (
  records: Iterable<ProjectRecord>,
  activityOptions: IatiActivity.Options,
  options: Options = {}
): Promise<Uint8Array> => Exporter.collect(fromRecords(records, activityOptions, options))
