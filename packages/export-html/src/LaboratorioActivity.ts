/**
 * Laboratorio activity over time: sessions held, hours delivered and persons involved, month by
 * month, read from `Reporting.ProgrammeResults` computed with monthly periods
 * ({@link months}). The HTML report draws it as a time series.
 *
 * Sessions count things, not people, and are exempt from the disclosure threshold; persons
 * involved are protected, and since a person who came in two months counts in both, the `_T`
 * row is the programme's own figure (computed, not summed) and the grid is declared
 * non-additive.
 *
 * @since 0.1.0
 */
import { Calendar, Reporting } from "@quartieri/core"

type Table = Reporting.Table.Table

/**
 * The id of the activity table (the HTML report draws a time series for it).
 *
 * @since 0.1.0
 * @category models
 */
export const tableId = "laboratorio-activity"

/**
 * The calendar months from the month of `start` to the month of `end`, as reporting periods
 * with ids `YYYY-MM`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const months = (
  start: Calendar.CalendarDate,
  end: Calendar.CalendarDate
): ReadonlyArray<Reporting.ProgrammeResults.ReportingPeriod> => {
  const out: Array<Reporting.ProgrammeResults.ReportingPeriod> = []
  const first = Calendar.parts(start)
  const last = Calendar.parts(end)
  for (let y = first.year, m = first.month; y < last.year || (y === last.year && m <= last.month); ) {
    const from = Calendar.fromParts(y, m, 1)
    const to = Calendar.fromParts(y, m, Calendar.daysInMonth(y, m))
    if (from !== undefined && to !== undefined)
      out.push({ id: `${y}-${String(m).padStart(2, "0")}`, start: from, end: to })
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/**
 * The monthly activity of `results` for one dimension value (the whole input by default): one
 * row per period of the results, in order, and the `_T` row.
 *
 * @since 0.1.0
 * @category constructors
 */
export const table = (
  results: Reporting.ProgrammeResults.Results,
  dimension: Reporting.ProgrammeResults.Dimension = "total",
  value: string = Reporting.Table.total
): Table => {
  const row = (period: string) => {
    const f = Reporting.ProgrammeResults.figuresFor(results, dimension, value, period)
    return {
      month: period,
      sessions: f?.involvement.sessions ?? 0,
      sessionHours: Math.floor((f?.sessionMinutes ?? 0) / 60 + 0.5),
      personsInvolved: f?.personsInvolved ?? 0
    }
  }
  return Reporting.Table.makeUnsafe({
    id: tableId,
    title: { it: "Attività dei laboratori sociali per mese", en: "Laboratori sociali activity by month" },
    columns: [
      Reporting.Table.dimension("month", { it: "Mese", en: "Month" }, "code"),
      Reporting.Table.measure("sessions", { it: "Incontri", en: "Sessions" }),
      Reporting.Table.measure("sessionHours", { it: "Ore di attività", en: "Hours of activity" }, "hours"),
      Reporting.Table.measure("personsInvolved", { it: "Persone coinvolte", en: "Persons involved" })
    ],
    rows: [...results.periods.map((p) => row(p.id)), row(Reporting.Table.total)],
    notes: [
      {
        it: "Persone coinvolte: chi ha partecipato in più mesi è contato in ciascuno e una sola volta nel totale. Ore arrotondate all'ora intera.",
        en: "Persons involved: someone who came in several months counts in each and once in the total. Hours rounded to the whole hour."
      }
    ]
  })
}

/**
 * The disclosure layout of an activity table: sessions exempt, persons involved a
 * non-additive column with its `_T` total.
 *
 * @since 0.1.0
 * @category formatting
 */
export const layout = (t: Table): Reporting.Disclosure.Layout => ({
  grids: [
    Reporting.Disclosure.grid({
      rows: t.rows.map((_, i) => i),
      columns: ["personsInvolved"],
      totalRow: true,
      totalColumn: false,
      additive: false
    })
  ],
  dependencies: [],
  exempt: Reporting.Disclosure.cellsOf(t, ["sessions"])
})
