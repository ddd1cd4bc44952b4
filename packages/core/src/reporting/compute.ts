/**
 * Counting the common indicators in one pass: a fold — {@link empty}, {@link step},
 * {@link result} — over participant records, and {@link fromStream} to run it over an effect
 * `Stream`, so that a report over the whole programme never loads all the micro-data at once.
 *
 * **What is counted.** Each record is first matched with the other records of the same person
 * in the same operation: only one counts (once per operation, facts.md §3.1), the one with the
 * earliest entry (`Participant.precedence`); the others are reported as duplicates. The record
 * that counts is then placed in the reporting period by its entry date (a participant whose
 * first entry falls outside the period is not counted in it, even if they re-entered inside
 * it); classified complete or incomplete for the set (`Participant.classify`: incomplete ones
 * are reported with their missing fields and excluded); and, when complete, counted in every
 * indicator by sex — `yes`, and beside it `refused` and `not-collected` for the indicators that
 * read a special-category answer. Results count only when observed inside their window and not
 * after the period's last day (`Participant.uponLeaving`, `Participant.sixMonthsAfter`), so a
 * report on a closed period gives the same numbers whenever it is run.
 *
 * **Memory.** The counters are a fixed-size vector (six cells per indicator, three per coverage
 * line). The only state that grows with the participants is the dedupe map: one entry per
 * (person, operation) pair, holding the record that currently wins, because a record streamed
 * later with an earlier entry must be able to replace it — this is what makes the result
 * independent of the order of the stream. Memory is therefore proportional to the number of
 * distinct participations, never to the number of records read, and nothing else is kept.
 * The {@link State} of `step` is immutable (the map is a persistent `HashMap`): `step` never
 * changes its input. {@link compute} and {@link fromStream} count the same way into counters
 * and a `Map` of their own, changed in place — nobody else sees them — so that a record costs
 * no copy of the counters.
 *
 * @since 0.1.0
 */
import { Effect, HashMap, Option, Stream } from "effect"
import type * as Calendar from "../Calendar.js"
import type { Label } from "../Organisation.js"
import type { Entities } from "./Entity.js"
import * as Indicator from "./Indicator.js"
import * as Participant from "./Participant.js"
import * as Table from "./Table.js"

// ---------------------------------------------------------------------------------------------
// options and layout
// ---------------------------------------------------------------------------------------------

/**
 * What to count: the indicator `set`, and the reporting `period` (participants whose counted
 * entry falls in it; results recorded by its last day; dated rules such as CO12–CO14).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly set: Indicator.IndicatorSet
  readonly period: Calendar.Period
}

/**
 * A line of the coverage table: what happened to the records.
 *
 * @since 0.1.0
 * @category models
 */
export type CoverageItem =
  | "records"
  | "duplicates"
  | "outside-period"
  | "incomplete"
  | "complete"
  | `missing:${Participant.Field}`
  | "left"
  | "leaving-counted"
  | "leaving-not-recorded"
  | "leaving-outside-window"
  | "leaving-after-closing"
  | "follow-up-counted"
  | "follow-up-not-recorded"
  | "follow-up-outside-window"
  | "follow-up-after-closing"

/**
 * The coverage lines in order, with their Italian and English labels.
 *
 * @since 0.1.0
 * @category formatting
 */
export const coverageItems: ReadonlyArray<{ readonly item: CoverageItem; readonly label: Label }> = [
  { item: "records", label: { it: "Record letti", en: "Records read" } },
  {
    item: "duplicates",
    label: {
      it: "Record doppi (stessa persona e operazione, non contati)",
      en: "Duplicate records (same person and operation, not counted)"
    }
  },
  {
    item: "outside-period",
    label: {
      it: "Partecipanti entrati fuori dal periodo (non contati)",
      en: "Participants who entered outside the period (not counted)"
    }
  },
  {
    item: "incomplete",
    label: {
      it: "Partecipanti con dati personali incompleti (esclusi)",
      en: "Participants with incomplete personal data (excluded)"
    }
  },
  {
    item: "complete",
    label: { it: "Partecipanti con dati completi (contati)", en: "Participants with complete data (counted)" }
  },
  ...Participant.fields.map((f) => ({
    item: `missing:${f}` as const,
    label: {
      it: `Incompleti per mancanza di: ${Participant.fieldLabel[f].it}`,
      en: `Incomplete for lack of: ${Participant.fieldLabel[f].en}`
    }
  })),
  { item: "left", label: { it: "Partecipanti usciti", en: "Participants who left" } },
  {
    item: "leaving-counted",
    label: { it: "Condizione all'uscita contata", en: "Status upon leaving counted" }
  },
  {
    item: "leaving-not-recorded",
    label: { it: "Condizione all'uscita non rilevata", en: "Status upon leaving not recorded" }
  },
  {
    item: "leaving-outside-window",
    label: {
      it: "Condizione all'uscita rilevata oltre 4 settimane (non contata)",
      en: "Status upon leaving recorded after 4 weeks (not counted)"
    }
  },
  {
    item: "leaving-after-closing",
    label: {
      it: "Condizione all'uscita rilevata dopo la fine del periodo (non contata)",
      en: "Status upon leaving recorded after the end of the period (not counted)"
    }
  },
  { item: "follow-up-counted", label: { it: "Rilevazione a sei mesi contata", en: "Six-month follow-up counted" } },
  {
    item: "follow-up-not-recorded",
    label: { it: "Rilevazione a sei mesi non registrata", en: "Six-month follow-up not recorded" }
  },
  {
    item: "follow-up-outside-window",
    label: {
      it: "Rilevazione registrata prima dei sei mesi (non contata)",
      en: "Follow-up recorded before six months (not counted)"
    }
  },
  {
    item: "follow-up-after-closing",
    label: {
      it: "Rilevazione a sei mesi registrata dopo la fine del periodo (non contata)",
      en: "Six-month follow-up recorded after the end of the period (not counted)"
    }
  }
]

const coverageIndex: ReadonlyMap<CoverageItem, number> = new Map(coverageItems.map((c, i) => [c.item, i]))

type SexSlot = 0 | 1 | 2 // F, M, unknown
const sexSlot = (sex: Participant.Participant["sex"]): SexSlot => (sex === "F" ? 0 : sex === "M" ? 1 : 2)

type Kind = 0 | 1 | 2 // yes, refused, not-collected
const kindOf = (a: Participant.Answer): Kind | undefined =>
  a === "yes" ? 0 : a === "refused" ? 1 : a === "not-collected" ? 2 : undefined

/** Six cells per participant indicator (kind × F/M), then three per coverage line (F/M/unknown). */
interface Layout {
  readonly indicators: ReadonlyArray<Indicator.ParticipantIndicator>
  readonly coverageBase: number
  readonly size: number
}

const layoutOf = (set: Indicator.IndicatorSet): Layout => {
  const indicators = Indicator.participantIndicators(set)
  const coverageBase = indicators.length * 6
  return { indicators, coverageBase, size: coverageBase + coverageItems.length * 3 }
}

const indicatorCell = (i: number, kind: Kind, sex: 0 | 1): number => i * 6 + kind * 2 + sex
const coverageCell = (layout: Layout, item: CoverageItem, sex: SexSlot): number =>
  layout.coverageBase + (coverageIndex.get(item) ?? 0) * 3 + sex

// ---------------------------------------------------------------------------------------------
// one record's contribution
// ---------------------------------------------------------------------------------------------

const inPeriod = (period: Calendar.Period, d: Calendar.CalendarDate): boolean =>
  d >= period.start && (period.end === undefined || d <= period.end)

/** The cells a record adds when it is the one that counts for its (person, operation). */
const contribution = (options: Options, layout: Layout, p: Participant.Participant): ReadonlyArray<number> => {
  const sex = sexSlot(p.sex)
  const cell = (item: CoverageItem) => coverageCell(layout, item, sex)
  if (p.entryDate !== undefined && !inPeriod(options.period, p.entryDate)) return [cell("outside-period")]
  const classified = Participant.classify(p, p.entryDate === undefined ? [] : options.set.requires(p.entryDate))
  if (classified._tag === "incomplete")
    return [cell("incomplete"), ...classified.missing.map((f) => cell(`missing:${f}`))]
  const c = classified.participant
  const cells: Array<number> = [cell("complete")]
  const closing = options.period.end
  const leaving = Participant.uponLeaving(c, closing)
  const followUp = Participant.sixMonthsAfter(c, closing)
  if (leaving._tag !== "not-left") {
    cells.push(cell("left"))
    cells.push(
      cell(
        leaving._tag === "counted"
          ? "leaving-counted"
          : leaving._tag === "not-recorded"
            ? "leaving-not-recorded"
            : leaving._tag === "outside-window"
              ? "leaving-outside-window"
              : "leaving-after-closing"
      )
    )
    cells.push(
      cell(
        followUp._tag === "counted"
          ? "follow-up-counted"
          : followUp._tag === "outside-window"
            ? "follow-up-outside-window"
            : followUp._tag === "after-closing"
              ? "follow-up-after-closing"
              : "follow-up-not-recorded"
      )
    )
  }
  const counted: Indicator.Counted = {
    participant: c,
    ...(leaving._tag === "counted" ? { uponLeaving: leaving.value } : {}),
    ...(followUp._tag === "counted" ? { sixMonthsAfter: followUp.value } : {})
  }
  const s = c.sex === "F" ? 0 : 1
  layout.indicators.forEach((indicator, i) => {
    if (!Indicator.inForceOn(indicator, c.entryDate)) return
    const kind = kindOf(indicator.count(counted))
    if (kind !== undefined) cells.push(indicatorCell(i, kind, s))
  })
  return cells
}

/** The cells a record adds when another record of the same person and operation counts. */
const asDuplicate = (layout: Layout, p: Participant.Participant): ReadonlyArray<number> => [
  coverageCell(layout, "duplicates", sexSlot(p.sex))
]

/**
 * Counts one record into `counts` and `winners`, in place: the rule of {@link step}.
 * `winners` maps (person, operation) to the record that counts.
 */
const tally = (
  options: Options,
  layout: Layout,
  counts: Array<number>,
  winners: {
    readonly get: (key: string) => Participant.Participant | undefined
    readonly set: (key: string, p: Participant.Participant) => unknown
  },
  p: Participant.Participant
): void => {
  const records = coverageCell(layout, "records", sexSlot(p.sex))
  counts[records] = (counts[records] ?? 0) + 1
  const key = Participant.operationKey(p)
  const current = winners.get(key)
  if (current === undefined) {
    apply(counts, contribution(options, layout, p), 1)
    winners.set(key, p)
  } else if (Participant.precedence(p, current) < 0) {
    apply(counts, contribution(options, layout, current), -1)
    apply(counts, asDuplicate(layout, current), 1)
    apply(counts, contribution(options, layout, p), 1)
    winners.set(key, p)
  } else apply(counts, asDuplicate(layout, p), 1)
}

/** The counters and dedupe map of `compute` and `fromStream`: theirs alone, changed in place. */
interface Tally {
  readonly options: Options
  readonly layout: Layout
  readonly counts: Array<number>
  readonly winners: Map<string, Participant.Participant>
}

const startTally = (options: Options): Tally => {
  const layout = layoutOf(options.set)
  return { options, layout, counts: new Array<number>(layout.size).fill(0), winners: new Map() }
}

const addToTally = (t: Tally, p: Participant.Participant): Tally => {
  tally(t.options, t.layout, t.counts, t.winners, p)
  return t
}

// ---------------------------------------------------------------------------------------------
// the fold
// ---------------------------------------------------------------------------------------------

/**
 * The state of the fold: the options, the counters, and the dedupe map from (person,
 * operation) to the record that counts. Immutable.
 *
 * @since 0.1.0
 * @category models
 */
export interface State {
  readonly options: Options
  readonly layout: Layout
  readonly counts: ReadonlyArray<number>
  readonly winners: HashMap.HashMap<string, Participant.Participant>
}

/**
 * The state before any record.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty = (options: Options): State => {
  const layout = layoutOf(options.set)
  return { options, layout, counts: new Array<number>(layout.size).fill(0), winners: HashMap.empty() }
}

const apply = (counts: Array<number>, cells: ReadonlyArray<number>, sign: 1 | -1): void => {
  for (const c of cells) counts[c] = (counts[c] ?? 0) + sign
}

/**
 * Adds one record. When it is the first of its (person, operation), it counts. When another
 * record of the same pair came before, the one with precedence (`Participant.precedence`:
 * earliest entry) counts and the other is a duplicate — replacing the earlier winner if needed,
 * so that the outcome does not depend on the order of the records.
 *
 * @since 0.1.0
 * @category constructors
 */
export const step = (state: State, p: Participant.Participant): State => {
  const counts = state.counts.slice()
  let winners = state.winners
  tally(
    state.options,
    state.layout,
    counts,
    {
      get: (key) => Option.getOrUndefined(HashMap.get(winners, key)),
      set: (key, winner) => {
        winners = HashMap.set(winners, key, winner)
      }
    },
    p
  )
  return { ...state, counts, winners }
}

// ---------------------------------------------------------------------------------------------
// tables
// ---------------------------------------------------------------------------------------------

/**
 * The tables of a report: `indicators` (one row per participant indicator in force during the
 * period) and `coverage` (what happened to the records: read, duplicates, outside the period,
 * incomplete and why, complete, results observed or not).
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly indicators: Table.Table
  readonly coverage: Table.Table
}

const text = (id: string, label: Label) => Table.dimension(id, label, "text")
const count = (id: string, label: Label) => Table.measure(id, label, "count")

/**
 * The columns of the indicator table.
 *
 * @since 0.1.0
 * @category formatting
 */
export const indicatorColumns: ReadonlyArray<Table.Column> = [
  Table.dimension("code", { it: "Codice", en: "Code" }, "code"),
  text("label_it", { it: "Indicatore (italiano)", en: "Indicator (Italian)" }),
  text("label_en", { it: "Indicatore (inglese)", en: "Indicator (English)" }),
  Table.dimension(
    "data_type",
    { it: "Tipo di dato (* personale, ** particolare)", en: "Data type (* personal, ** special category)" },
    "code"
  ),
  Table.dimension("confidence", { it: "Affidabilità", en: "Confidence" }, "code"),
  count("total", { it: "Totale", en: "Total" }),
  count("women", { it: "Donne", en: "Women" }),
  count("men", { it: "Uomini", en: "Men" }),
  count("refused", { it: "Risposta rifiutata", en: "Refused" }),
  count("refused_women", { it: "Risposta rifiutata, donne", en: "Refused, women" }),
  count("refused_men", { it: "Risposta rifiutata, uomini", en: "Refused, men" }),
  count("not_collected", { it: "Non rilevato", en: "Not collected" }),
  count("not_collected_women", { it: "Non rilevato, donne", en: "Not collected, women" }),
  count("not_collected_men", { it: "Non rilevato, uomini", en: "Not collected, men" })
]

/**
 * The columns of the coverage table.
 *
 * @since 0.1.0
 * @category formatting
 */
export const coverageColumns: ReadonlyArray<Table.Column> = [
  Table.dimension("item", { it: "Voce", en: "Item" }, "code"),
  text("label_it", { it: "Voce (italiano)", en: "Item (Italian)" }),
  text("label_en", { it: "Voce (inglese)", en: "Item (English)" }),
  count("total", { it: "Totale", en: "Total" }),
  count("women", { it: "Donne", en: "Women" }),
  count("men", { it: "Uomini", en: "Men" }),
  count("sex_unknown", { it: "Sesso non rilevato", en: "Sex not recorded" })
]

const periodText = (p: Calendar.Period): Label => ({
  it: `Periodo: ingressi dal ${p.start}${p.end === undefined ? "" : ` al ${p.end}; esiti rilevati entro il ${p.end}`}.`,
  en: `Period: entries from ${p.start}${p.end === undefined ? "" : ` to ${p.end}; results recorded by ${p.end}`}.`
})

const rulesNote: Label = {
  it: "Ogni persona è contata una volta per operazione, con le caratteristiche del primo ingresso; i record con dati personali (*) mancanti sono esclusi e riportati nella tabella di copertura; i dati particolari (**) rifiutati o non rilevati sono riportati a parte, mai stimati.",
  en: "Each person is counted once per operation, with the characteristics of the first entry; records missing personal (*) data are excluded and reported in the coverage table; refused or not-collected special-category (**) data are reported apart, never estimated."
}

/**
 * The tables of the state: the indicators in force during the period, and the coverage.
 *
 * @since 0.1.0
 * @category constructors
 */
export const result = (state: State): Report => tables(state.options, state.layout, state.counts)

const tables = (options: Options, layout: Layout, counts: ReadonlyArray<number>): Report => {
  const { set, period } = options
  const at = (cell: number): number => counts[cell] ?? 0
  const rows = layout.indicators.flatMap((indicator, i) => {
    if (!Indicator.inForceDuring(indicator, period)) return []
    const pair = (kind: Kind) => [at(indicatorCell(i, kind, 0)), at(indicatorCell(i, kind, 1))] as const
    const [w, m] = pair(0)
    const [rw, rm] = pair(1)
    const [nw, nm] = pair(2)
    const tri = indicator.answers === "tri-state"
    return [
      {
        code: indicator.code,
        label_it: indicator.label.it,
        label_en: indicator.label.en,
        data_type: Indicator.marker(indicator.dataType),
        confidence: Indicator.confidenceOf(indicator),
        total: w + m,
        women: w,
        men: m,
        refused: tri ? rw + rm : null,
        refused_women: tri ? rw : null,
        refused_men: tri ? rm : null,
        not_collected: tri ? nw + nm : null,
        not_collected_women: tri ? nw : null,
        not_collected_men: tri ? nm : null
      }
    ]
  })
  const dropped = layout.indicators.filter((i) => !Indicator.inForceDuring(i, period)).map((i) => i.code)
  const notes: Array<Label> = [periodText(period), rulesNote]
  if (dropped.length > 0)
    notes.push({
      it: `Non riportati perché non in vigore nel periodo: ${dropped.join(", ")}.`,
      en: `Not reported because not in force during the period: ${dropped.join(", ")}.`
    })
  const indicators = Table.makeUnsafe({
    id: `${set.id}.participants`,
    title: {
      it: `${set.title.it}: partecipanti`,
      en: `${set.title.en}: participants`
    },
    columns: indicatorColumns,
    rows,
    notes,
    source: set.source
  })
  const coverage = Table.makeUnsafe({
    id: `${set.id}.coverage`,
    title: {
      it: `${set.title.it}: copertura dei dati`,
      en: `${set.title.en}: data coverage`
    },
    columns: coverageColumns,
    rows: coverageItems.map(({ item, label }) => {
      const w = at(coverageCell(layout, item, 0))
      const m = at(coverageCell(layout, item, 1))
      const u = at(coverageCell(layout, item, 2))
      return { item, label_it: label.it, label_en: label.en, total: w + m + u, women: w, men: m, sex_unknown: u }
    }),
    notes: [periodText(period)]
  })
  return { indicators, coverage }
}

/**
 * Counts `participants` in one pass: the `result` of `step` over them from `empty`, counted in
 * place.
 *
 * @since 0.1.0
 * @category constructors
 */
export const compute = (participants: Iterable<Participant.Participant>, options: Options): Report => {
  const t = startTally(options)
  for (const p of participants) addToTally(t, p)
  return tables(t.options, t.layout, t.counts)
}

/**
 * Counts a stream of participant records in one pass (see the module header for memory).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromStream = <E, R>(
  participants: Stream.Stream<Participant.Participant, E, R>,
  options: Options
): Effect.Effect<Report, E, R> =>
  Effect.map(
    Stream.runFold(participants, () => startTally(options), addToTally),
    (t) => tables(t.options, t.layout, t.counts)
  )

/**
 * The entity indicators of a set counted from the supplied entities: one row per indicator,
 * its count in `total` (entities are not broken down by sex).
 *
 * @since 0.1.0
 * @category constructors
 */
export const entities = (set: Indicator.IndicatorSet, input: Entities): Table.Table =>
  Table.makeUnsafe({
    id: `${set.id}.entities`,
    title: { it: `${set.title.it}: enti e progetti`, en: `${set.title.en}: entities and projects` },
    columns: [
      Table.dimension("code", { it: "Codice", en: "Code" }, "code"),
      text("label_it", { it: "Indicatore (italiano)", en: "Indicator (Italian)" }),
      text("label_en", { it: "Indicatore (inglese)", en: "Indicator (English)" }),
      Table.dimension("confidence", { it: "Affidabilità", en: "Confidence" }, "code"),
      count("total", { it: "Totale", en: "Total" })
    ],
    rows: Indicator.entityIndicators(set).map((i) => ({
      code: i.code,
      label_it: i.label.it,
      label_en: i.label.en,
      confidence: Indicator.confidenceOf(i),
      total: i.count(input)
    })),
    notes: [
      {
        it: "Progetti e organizzazioni come forniti, ciascuno contato una volta.",
        en: "Projects and organisations as supplied, each counted once."
      }
    ],
    source: set.source
  })
