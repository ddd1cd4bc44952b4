/**
 * The pathway funnel: how many personalised pathways were opened (every referral starts as a
 * candidate), how many reached the signature of the PIP (enrolled), and how many were completed
 * — per project and in total. It is what the HTML report draws as a funnel.
 *
 * The table holds the funnel as a **partition**, so that disclosure control can protect it:
 * `notEnrolled` (still a candidate or assessed, or dropped before enrolment), `inProgress`
 * (enrolled, active or suspended), `dropped` (left after enrolment), `completed`, and
 * `candidates`, their total. The stages of the funnel are sums of these — enrolled =
 * in progress + dropped + completed — so a published funnel never shows a small group that a
 * reader could get by subtraction: {@link layout} declares the partition as a grid with its
 * totals, and `Reporting.Disclosure.publish` suppresses what must be.
 *
 * A pathway counts once, in its current state. Pathways count participations, not persons: a
 * person with two pathways counts twice.
 *
 * @since 0.1.0
 */
import { type Pathway, Reporting } from "@quartieri/core"

type Table = Reporting.Table.Table

/**
 * The columns of the partition, in order, the total last.
 *
 * @since 0.1.0
 * @category models
 */
export const partition = ["notEnrolled", "inProgress", "dropped", "completed", "candidates"] as const

/**
 * The id of the funnel table (the HTML report draws a funnel for it).
 *
 * @since 0.1.0
 * @category models
 */
export const tableId = "pathway-funnel"

/**
 * Which column of the partition a pathway counts in.
 *
 * @since 0.1.0
 * @category rules
 */
export const placeOf = (p: Pathway.Pathway): (typeof partition)[number] => {
  if (p.phase === "prospect") return "notEnrolled"
  const status = p.state.status
  return status === "completed" ? "completed" : status === "dropped" ? "dropped" : "inProgress"
}

/**
 * The funnel of `pathways`: one row per project (in order of first appearance) and the `_T` row.
 *
 * @since 0.1.0
 * @category constructors
 */
export const table = (pathways: ReadonlyArray<Pathway.Pathway>): Table => {
  const counts = new Map<string, Record<(typeof partition)[number], number>>()
  const empty = () => ({ notEnrolled: 0, inProgress: 0, dropped: 0, completed: 0, candidates: 0 })
  const total = empty()
  for (const p of pathways) {
    const row = counts.get(p.project) ?? empty()
    counts.set(p.project, row)
    const place = placeOf(p)
    row[place] += 1
    row.candidates += 1
    total[place] += 1
    total.candidates += 1
  }
  const count = (id: string, it: string, en: string) => Reporting.Table.measure(id, { it, en }, "count")
  return Reporting.Table.makeUnsafe({
    id: tableId,
    title: {
      it: "Percorsi personalizzati: dalla segnalazione alla conclusione",
      en: "Personalised pathways: from referral to completion"
    },
    columns: [
      Reporting.Table.dimension("project", { it: "Progetto", en: "Project" }, "code"),
      count("notEnrolled", "Non avviati", "Not enrolled"),
      count("inProgress", "In corso", "In progress"),
      count("dropped", "Interrotti dopo l'avvio", "Dropped after enrolment"),
      count("completed", "Conclusi", "Completed"),
      count("candidates", "Segnalati (totale)", "Referred (total)")
    ],
    rows: [...[...counts].map(([project, c]) => ({ project, ...c })), { project: Reporting.Table.total, ...total }],
    notes: [
      {
        it: "Ogni percorso è contato una volta, nel suo stato attuale. Avviati = in corso + interrotti dopo l'avvio + conclusi (PIP firmato). Non avviati: candidati, valutati o ritirati prima della firma del PIP.",
        en: "Each pathway counts once, in its current state. Enrolled = in progress + dropped after enrolment + completed (PIP signed). Not enrolled: candidates, assessed, or dropped before the PIP was signed."
      }
    ]
  })
}

/**
 * The disclosure layout of a funnel table: the project rows and the `_T` row by the partition,
 * with its totals.
 *
 * @since 0.1.0
 * @category formatting
 */
export const layout = (t: Table): Reporting.Disclosure.Layout => ({
  grids: [
    Reporting.Disclosure.grid({
      rows: t.rows.map((_, i) => i),
      columns: [...partition],
      totalRow: true,
      totalColumn: true
    })
  ],
  dependencies: [],
  exempt: []
})

/**
 * The three stages of the funnel from a row of the table: referred, enrolled, completed.
 * Enrolled is the sum of in progress, dropped and completed, or — when one of them is
 * suppressed — referred minus not enrolled, which the published cells give as well. A stage is
 * `undefined` when the cells it needs are suppressed or missing.
 *
 * @since 0.1.0
 * @category utils
 */
export const stages = (
  row: Readonly<Record<string, Reporting.Table.CellValue>>
): { readonly candidates?: number; readonly enrolled?: number; readonly completed?: number } => {
  const n = (k: string) => {
    const v = row[k]
    return typeof v === "number" ? v : undefined
  }
  const [notEnrolled, inProgress, dropped, completed, candidates] = [
    n("notEnrolled"),
    n("inProgress"),
    n("dropped"),
    n("completed"),
    n("candidates")
  ]
  const enrolled =
    inProgress !== undefined && dropped !== undefined && completed !== undefined
      ? inProgress + dropped + completed
      : candidates !== undefined && notEnrolled !== undefined
        ? candidates - notEnrolled
        : undefined
  return {
    ...(candidates === undefined ? {} : { candidates }),
    ...(enrolled === undefined ? {} : { enrolled }),
    ...(completed === undefined ? {} : { completed })
  }
}
