/**
 * fast-check arbitraries for the export adapters: text that is hard to write to a file
 * (quotes, separators, line breaks, formula triggers, accents, emoji, long paragraphs), records
 * of the registry with such text in their free-text fields, participant micro-records with every
 * optional field present or absent, and small report tables. Households and persons start from
 * the seeded Abitare la Comunità population, so every record decodes through its Schema.
 *
 * @since 0.1.0
 */
import { Calendar, type Household, Ids, Isced, LabourMarketStatus, type Person, Reporting } from "@quartieri/core"
import * as fc from "fast-check"
import * as Population from "../population.js"

const nasty = [
  '"',
  "'",
  ",",
  ";",
  "\n",
  "\r\n",
  "\r",
  "\t",
  "=",
  "+",
  "-",
  "@",
  " ",
  "●",
  "è",
  "€",
  "😀",
  "a",
  "Z",
  "1",
  ".",
  "\u0001",
  "\u001F"
]

/**
 * Text that is hard to write to CSV or a spreadsheet: any Unicode, pieces of separators and
 * formula triggers, or a long paragraph (up to 2000 characters). Always well-formed Unicode.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hardText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.array(fc.constantFrom(...nasty), { maxLength: 20 }).map((parts) => parts.join("")),
  fc.string({ unit: "grapheme-ascii", minLength: 300, maxLength: 2000 })
)

/**
 * {@link hardText} that is not blank.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nonBlankText: fc.Arbitrary<string> = hardText.map((s) => (s.trim() === "" ? `${s}x` : s))

let cached: Population.Population | undefined
// built on first use, so that importing @quartieri/testing stays cheap
const population = (): Population.Population => {
  cached ??= Population.abitareLaComunita(7)
  return cached
}

/**
 * A household of the seeded population with a random unit designation (free text).
 *
 * @since 0.1.0
 * @category constructors
 */
export const household: fc.Arbitrary<Household.Household> = fc.tuple(fc.nat(), nonBlankText).map(([i, unit]) => {
  const all = population().households
  const h = all[i % all.length] as Household.Household
  return { ...h, tenancy: { ...h.tenancy, unit } }
})

/**
 * A person of the seeded population with a random consent purpose and evidence (free text).
 *
 * @since 0.1.0
 * @category constructors
 */
export const person: fc.Arbitrary<Person.Person> = fc
  .tuple(
    fc.nat(),
    nonBlankText,
    fc.option(
      hardText.filter((s) => s !== ""),
      { nil: undefined }
    )
  )
  .map(([i, purpose, evidence]) => {
    const all = population().persons
    const p = all[i % all.length] as Person.Person
    const { evidence: _, ...consent } = p.specialCategory.consent
    return {
      ...p,
      specialCategory: {
        ...p.specialCategory,
        consent: { ...consent, purpose, ...(evidence === undefined ? {} : { evidence }) }
      }
    }
  })

const date = (min: string, max: string): fc.Arbitrary<Calendar.CalendarDate> =>
  fc
    .integer({
      min: Calendar.daysBetween(Calendar.unsafeMake("1970-01-01"), Calendar.unsafeMake(min)),
      max: Calendar.daysBetween(Calendar.unsafeMake("1970-01-01"), Calendar.unsafeMake(max))
    })
    .map((n) => Calendar.addDays(Calendar.unsafeMake("1970-01-01"), n))

const optional = <A>(arb: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(arb, { nil: undefined })

const defined = <O extends Record<string, unknown>>(o: O): O =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as O

const triState = fc.constantFrom("yes" as const, "no" as const, "refused" as const)

/**
 * A participant micro-record: every optional characteristic present or absent, a leaving date
 * on or after the entry date (no status upon leaving or follow-up).
 *
 * @since 0.1.0
 * @category constructors
 */
export const participant: fc.Arbitrary<Reporting.Participant.Participant> = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/).map((s) => Ids.PathwayId.make(s)),
    person: fc.stringMatching(/^[A-Za-z0-9._:-]{1,20}$/).map((s) => Ids.PersonId.make(s)),
    operation: fc.constantFrom("P1", "E41J17000190009").map((s) => Ids.ProjectId.make(s)),
    action: optional(fc.constantFrom("9.4.2" as const, "9.1.3" as const)),
    entryDate: optional(date("2016-01-01", "2024-12-31")),
    sex: optional(fc.constantFrom("F" as const, "M" as const)),
    ageAtEntry: optional(fc.integer({ min: 0, max: 130 })),
    labourMarketStatus: optional(fc.constantFrom(...LabourMarketStatus.Status.literals)),
    isced: optional(fc.constantFrom(...Isced.Level.literals)),
    thirdCountryNational: optional(fc.boolean()),
    homelessOrHousingExclusion: optional(fc.boolean()),
    rural: optional(fc.boolean()),
    disability: optional(triState),
    foreignBackground: optional(triState),
    minority: optional(triState),
    otherDisadvantaged: optional(triState),
    stayDays: optional(fc.integer({ min: 0, max: 800 }))
  })
  .map(
    ({ stayDays, ...p }) =>
      defined({
        ...p,
        leftOn:
          stayDays === undefined || p.entryDate === undefined ? undefined : Calendar.addDays(p.entryDate, stayDays)
      }) as Reporting.Participant.Participant
  )

const T = Reporting.Table

/**
 * A small report table: a text, a code and a date dimension and a count, cents, hours and
 * basis-points measure; text cells are {@link hardText}, any cell may be `null` and measures may
 * be suppressed (`●`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const table: fc.Arbitrary<Reporting.Table.Table> = fc
  .array(
    fc.record({
      name: fc.option(hardText, { nil: null }),
      code: fc.option(hardText, { nil: null }),
      day: fc.option(date("1990-01-01", "2030-12-31"), { nil: null }),
      persons: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constant(null), fc.constant(T.suppressedMark)),
      amount: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.constant(null), fc.constant(T.suppressedMark)),
      hours: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
      rate: fc.option(fc.integer({ min: -20_000, max: 20_000 }), { nil: null })
    }),
    { maxLength: 12 }
  )
  .map((rows) => ({
    id: "random",
    title: { it: "Tabella di prova", en: "Test table" },
    columns: [
      T.dimension("name", { it: "Nome", en: "Name" }),
      T.dimension("code", { it: "Codice", en: "Code" }, "code"),
      T.dimension("day", { it: "Giorno", en: "Day" }, "date"),
      T.measure("persons", { it: "Persone", en: "Persons" }),
      T.measure("amount", { it: "Importo", en: "Amount" }, "cents"),
      T.measure("hours", { it: "Ore", en: "Hours" }, "hours"),
      T.measure("rate", { it: "Tasso", en: "Rate" }, "basis-points")
    ],
    rows,
    notes: [{ it: "=nota", en: "=note" }]
  }))
