/**
 * A published dataset built from personal micro-data, for checking that no exporter lets any of
 * it out: the synthetic Abitare la Comunità population (800 persons with codici fiscali and
 * birth dates, 380 households), laboratori sessions naming its residents, and participant
 * records of its working-age adults — reported through the library's own reporting
 * (`Composition`, `ProgrammeResults`, `Compute`) and released with `Disclosure.publish` under
 * the default published policy. {@link make} gives the tables, the persons behind them and the
 * strings that must never appear in a published file.
 *
 * A second dataset, {@link partnerTable}, carries a personal column on purpose: what a
 * `partner` export must pseudonymise.
 *
 * @since 0.1.0
 */
import { AttendanceRegister, Calendar, Call, LabourMarketStatus, type Person, Reporting } from "@quartieri/core"
import { Result, Schema } from "effect"
import * as Population from "../population.js"
import * as PersonalData from "./PersonalData.js"

const { Composition, Compute, Disclosure, Esf2014, Participant, ProgrammeResults, Table } = Reporting

/**
 * What {@link make} builds.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dataset {
  /** The persons behind the tables. */
  readonly persons: ReadonlyArray<Person.Person>
  /** The tables as released by `Disclosure.publish` (published policy). */
  readonly tables: ReadonlyArray<Reporting.Table.Table>
  /** Dates the files may hold for another reason than a birth: the data's date, the periods, the sessions. */
  readonly context: ReadonlyArray<string>
  /** What must never appear in a published file (see `PersonalData.needles`). */
  readonly needles: ReadonlyArray<string>
}

const project = "abitare-la-comunita"
const year = { start: "2019-01-01", end: "2019-12-31" }

const publish = (table: Reporting.Table.Table, layout?: Reporting.Disclosure.Layout): Reporting.Table.Table => {
  const released = Disclosure.publish(table, Disclosure.published(), layout)
  if (Result.isFailure(released)) throw released.failure
  return released.success.table
}

// women / men / total in columns, each row a grid of its own (as the report use-case does)
const bySex = (
  t: Reporting.Table.Table,
  groups: ReadonlyArray<ReadonlyArray<string>>
): Reporting.Disclosure.Layout => ({
  grids: t.rows.flatMap((r, row) =>
    groups
      .filter((columns) => columns.every((c) => typeof r[c] === "number"))
      .map((columns) => Disclosure.grid({ rows: [row], columns, totalRow: false, totalColumn: true }))
  ),
  dependencies: [],
  exempt: []
})

/**
 * Builds the published dataset of population `seed`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (seed = 1): Dataset => {
  const population = Population.abitareLaComunita(seed)
  const { asOf, households, persons, complessi, quartieri } = population

  // household composition on the date of the data, total and by quartiere; the areas of the
  // households known to the social services
  const composition = Composition.compute(households, { date: asOf, persons, complessi })
  const areas = Composition.areasTable(composition)

  // one laboratorio per quartiere, two sessions a month in 2019, each naming residents of the
  // quartiere and counting a few more
  const sites = quartieri.map((q) => complessi.find((c) => c.quartiere === q.id)).filter((c) => c !== undefined)
  const laboratori = sites.map((site, i) => ({
    id: `lab-${i + 1}`,
    project,
    site: site.id,
    name: `Laboratorio ${i + 1}`,
    presidio: { openingHours: [{ weekday: 2, from: "09:00", to: "12:00" }] },
    staff: [{ role: "tutor-di-condominio", organisation: "coop", hoursPerWeek: 12 }]
  }))
  const activities = laboratori.map((l) => ({
    id: `${l.id}-sportello`,
    laboratorio: l.id,
    kind: "sportello-e-ascolto"
  }))
  const residents = (complessoIds: ReadonlyArray<string>) =>
    households.filter((h) => complessoIds.includes(h.tenancy.complesso)).flatMap((h) => h.members.map((m) => m.person))
  const sessions = laboratori.flatMap((l, i) =>
    Array.from({ length: 24 }, (_, k) => ({
      id: `${l.id}-s${k + 1}`,
      activity: `${l.id}-sportello`,
      date: `2019-${String(Math.floor(k / 2) + 1).padStart(2, "0")}-${k % 2 === 0 ? "05" : "19"}`,
      durationMinutes: 120,
      laboratorio: l.id,
      quartiere: sites[i]?.quartiere
    }))
  )
  const attendance = sessions.map((s, n) => {
    const inQuartiere = residents(complessi.filter((c) => c.quartiere === s.quartiere).map((c) => c.id))
    const named = [...new Set(Array.from({ length: 6 }, (_, k) => inQuartiere[(n * 7 + k * 13) % inQuartiere.length]))]
    return { session: s.id, laboratorio: s.laboratorio, named: named.filter((p) => p !== undefined), anonymous: 3 }
  })
  const register = Schema.decodeUnknownSync(AttendanceRegister.AttendanceRegister)({
    laboratori,
    activities,
    sessions: sessions.map(({ id, activity, date, durationMinutes }) => ({ id, activity, date, durationMinutes })),
    attendance
  })
  const built = ProgrammeResults.sessionEntries(register, {
    projects: [{ id: project as never, call: Call.avviso2017.id }],
    complessi,
    households
  })
  const results = ProgrammeResults.compute(built.entries, { periods: [{ id: "2019", ...year } as never] })
  const resultsTables = (["total", "quartiere"] as const).map((d) => ProgrammeResults.table(results, d))

  // participant records of the residents aged 18 to 64, entering on the date of the data
  const participants = persons.flatMap((p) => {
    const age = Calendar.ageAt(p.birthDate, asOf)
    if (age < 18 || age > 64) return []
    const status = LabourMarketStatus.statusAt(p.labourMarket, asOf)
    const decoded = Participant.decode({
      id: `pip-${p.id}`,
      person: p.id,
      operation: project,
      entryDate: asOf,
      sex: p.sex,
      ageAtEntry: age,
      ...(status === undefined ? {} : { labourMarketStatus: status, longTermUnemployed: false }),
      ...(p.isced === undefined ? {} : { isced: p.isced }),
      thirdCountryNational: p.citizenship.kind === "non-EU",
      homelessOrHousingExclusion: p.homelessOrHousingExclusion ?? false,
      rural: p.rural ?? false,
      disability: p.specialCategory.disability,
      foreignBackground: p.specialCategory.foreignBackground,
      minority: p.specialCategory.minority
    })
    return Result.isSuccess(decoded) ? [decoded.success] : []
  })
  const indicators = Compute.compute(participants, {
    set: Esf2014.set,
    period: Schema.decodeUnknownSync(Calendar.Period)(year)
  })

  const tables = [
    publish(Composition.table(composition, "total")),
    publish(Composition.table(composition, "quartiere")),
    publish(areas, Composition.areasLayout(areas)),
    ...resultsTables.map((t) => {
      const layout = ProgrammeResults.layout(t)
      if (Result.isFailure(layout)) throw layout.failure
      return publish(t, layout.success)
    }),
    publish(
      indicators.indicators,
      bySex(indicators.indicators, [
        ["women", "men", "total"],
        ["refused_women", "refused_men", "refused"],
        ["not_collected_women", "not_collected_men", "not_collected"]
      ])
    ),
    publish(indicators.coverage, bySex(indicators.coverage, [["women", "men", "sex_unknown", "total"]]))
  ]
  const context = [asOf, year.start, year.end, ...sessions.map((s) => s.date), ...exportDates]
  return { persons, tables, context, needles: PersonalData.needles(persons, context) }
}

/**
 * Dates the exporter tests pass as options (the date of the data, `updatedOn`): not birth
 * dates, whoever was born on them.
 *
 * @since 0.1.0
 * @category parameters
 */
export const exportDates: ReadonlyArray<string> = ["2019-04-01", "2024-06-30"]

/**
 * A table with a personal column on purpose — each person's codice fiscale next to their sex —
 * as a partner export would receive it pseudonymised: the person column must leave as the keyed
 * HMAC of the code, never the code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const partnerTable = (persons: ReadonlyArray<Person.Person>): Reporting.Table.Table =>
  Table.makeUnsafe({
    id: "persons",
    title: { it: "Persone", en: "Persons" },
    columns: [
      { ...Table.dimension("person", { it: "Persona", en: "Person" }, "code"), sensitivity: "personal" },
      Table.dimension("kind", { it: "Tipo", en: "Kind" }, "code"),
      Table.measure("n", { it: "Numero", en: "Number" })
    ],
    rows: persons
      .filter((p) => p.codiceFiscale !== undefined)
      .slice(0, 40)
      .map((p) => ({ person: p.codiceFiscale as string, kind: "residente", n: 1 })),
    notes: []
  })
