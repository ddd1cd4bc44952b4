/**
 * The HTML report, as an `Exporter`: one self-contained page — inline CSS, SVG charts, no
 * script, no web font, no image file, no link, no URL — that a coordinator opens from a USB
 * stick or attaches to an e-mail, and that looks the same offline.
 *
 * The page shows, in order: a header with the title and the facts of the project or programme
 * (programme, call, capofila, period), the key figures read from the tables it recognises
 * (budget, funnel, activity, targets), then one section per table: its chart when the report
 * knows the kind of table (`Charts.chartFor`), the table itself, its notes and source.
 *
 * **Accessible tables**: a `caption`, column headers `th scope="col"`, the first column as row
 * headers `th scope="row"`, numbers right-aligned in Italian format, the `_T` row marked as
 * total, `lang="it"` on the page (or `en`). A **suppressed** cell shows `●`, with "dato
 * oscurato" for screen readers and a legend under the table giving the threshold; a value not
 * available shows `–`. Every text is escaped (`Html.escapeHtml`).
 *
 * The dataset goes through `Exporter.prepare` first: a published report refuses a table that
 * still holds personal data. The page is written section by section; each chart is rendered
 * when its section is reached.
 *
 * @since 0.1.0
 */
import { ExportError, Exporter, FundingSource, Reporting } from "@quartieri/core"
import { Effect, Layer, Result, Stream } from "effect"
import * as Charts from "./Charts.js"
import { escapeHtml, formatCell, formatCount, formatDate, formatEuros, formatRate, type Language } from "./Html.js"
import * as LaboratorioActivity from "./LaboratorioActivity.js"
import * as PathwayFunnel from "./PathwayFunnel.js"

type Table = Reporting.Table.Table

/**
 * The options of the report: its title and subtitle, facts shown under the title (label and
 * value), the date it refers to (shown in the header; absent by default so the same data give
 * the same page), whether to draw charts (yes by default) and the language (`it` by default).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends Exporter.Options {
  readonly title?: string
  readonly subtitle?: string
  readonly kicker?: string
  readonly facts?: ReadonlyArray<{ readonly label: string; readonly value: string }>
  readonly asOf?: string
  readonly charts?: boolean
}

/**
 * A key figure: a label, the value as shown, and an optional note under it.
 *
 * @since 0.1.0
 * @category models
 */
export interface KeyFigure {
  readonly label: string
  readonly value: string
  readonly note?: string
}

const t = (language: Language, it: string, en: string) => (language === "it" ? it : en)
const num = (v: Reporting.Table.CellValue | undefined) => (typeof v === "number" ? v : undefined)
const total = (table: Table, key: string) => table.rows.find((r) => r[key] === Reporting.Table.total)

/**
 * The key figures of a set of tables: total cost and claimed share from budget execution, the
 * FSE grant from the funding plan, referred / enrolled / completed from the funnel, sessions and
 * persons involved from the activity, and each target's achievement. A figure whose cell is
 * suppressed is shown as `●`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const keyFigures = (tables: ReadonlyArray<Table>, language: Language = "it"): ReadonlyArray<KeyFigure> => {
  const out: Array<KeyFigure> = []
  const shown = (v: Reporting.Table.CellValue | undefined, f: (n: number) => string) =>
    v === Reporting.Table.suppressedMark ? "●" : typeof v === "number" ? f(v) : "–"
  const execution = tables.find((x) => x.id.startsWith("budget-execution") && x.columns[0] !== undefined)
  const key = execution?.columns[0]?.id
  const exTotal = execution === undefined || key === undefined ? undefined : total(execution, key)
  if (exTotal !== undefined) {
    const planned = exTotal["planned"] ?? exTotal["totalCost"]
    out.push({
      label: t(language, "Costo totale", "Total cost"),
      value: shown(planned, (n) => formatEuros(n, language))
    })
    const rate = num(exTotal["claimedRate"])
    out.push({
      label: t(language, "Rendicontato", "Claimed"),
      value: shown(exTotal["claimed"], (n) => formatEuros(n, language)),
      ...(rate === undefined
        ? {}
        : {
            note: t(language, `${formatRate(rate, language)} del previsto`, `${formatRate(rate, language)} of planned`)
          })
    })
  }
  const funding = tables.find((x) => x.id.startsWith("budget-funding"))
  const grant = funding?.rows.find((r) => r["source"] === "fse-grant")
  if (grant !== undefined) {
    const share = num(grant["share"])
    out.push({
      label: t(language, "Contributo regionale FSE", "Regional FSE grant"),
      value: shown(grant["planned"], (n) => formatEuros(n, language)),
      ...(share === undefined
        ? {}
        : {
            note: t(language, `${formatRate(share, language)} del costo`, `${formatRate(share, language)} of the cost`)
          })
    })
  }
  const funnel = tables.find((x) => x.id === PathwayFunnel.tableId)
  const fTotal = funnel === undefined ? undefined : total(funnel, "project")
  if (fTotal !== undefined) {
    const s = PathwayFunnel.stages(fTotal)
    const n = (v: number | undefined) => (v === undefined ? "●" : formatCount(v, language))
    out.push({ label: t(language, "Persone segnalate", "Persons referred"), value: n(s.candidates) })
    out.push({ label: t(language, "Percorsi avviati", "Pathways enrolled"), value: n(s.enrolled) })
    out.push({ label: t(language, "Percorsi conclusi", "Pathways completed"), value: n(s.completed) })
  }
  const activity = tables.find((x) => x.id === LaboratorioActivity.tableId)
  const aTotal = activity === undefined ? undefined : total(activity, "month")
  if (aTotal !== undefined) {
    out.push({
      label: t(language, "Incontri nei laboratori", "Laboratori sessions"),
      value: shown(aTotal["sessions"], (n) => formatCount(n, language))
    })
    out.push({
      label: t(language, "Persone coinvolte", "Persons involved"),
      value: shown(aTotal["personsInvolved"], (n) => formatCount(n, language))
    })
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// the page
// ---------------------------------------------------------------------------------------------

/**
 * The style sheet of the page (inline, no font file: the system's sans-serif).
 *
 * @since 0.1.0
 * @category formatting
 */
export const css = `
:root{--ink:#1d2733;--muted:#5b6775;--line:#dde2e8;--brand:#1f4e79;--brand2:#2e7fb0;--accent:#c8620f;--paper:#fff;--bg:#eef1f5}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;color:var(--ink);font:15px/1.55 "DejaVu Sans","Liberation Sans",Arial,system-ui,sans-serif}
.page{max-width:1100px;margin:0 auto;background:var(--paper);padding:36px 44px 40px;box-shadow:0 0 0 1px var(--line)}
header.masthead{border-bottom:4px solid var(--brand);padding-bottom:18px;margin-bottom:24px}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.09em;font-size:12px;font-weight:700;color:var(--brand2)}
h1{margin:6px 0 4px;font-size:30px;line-height:1.2;color:var(--brand)}
.subtitle{margin:0;color:var(--muted);font-size:16px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:16px 0 0;font-size:14px}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px;margin:0 0 8px;padding:0;list-style:none}
.card{border:1px solid var(--line);border-top:4px solid var(--brand2);border-radius:6px;padding:10px 14px;background:#fafbfd}
.card .label{font-size:12.5px;color:var(--muted);margin:0}
.card .value{font-size:23px;font-weight:700;margin:2px 0 0;color:var(--ink);font-variant-numeric:tabular-nums}
.card .note{font-size:12px;color:var(--muted);margin:0}
section.table{margin-top:34px;break-inside:avoid}
h2{font-size:19px;margin:0 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line);color:var(--brand)}
figure{margin:8px 0 14px}
figure svg{max-width:100%;height:auto;display:block}
figcaption{font-size:13px;color:var(--muted);margin-top:4px}
.table-wrap{overflow-x:auto;position:relative}
table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:left;font-weight:700;padding:4px 0 8px;color:var(--ink)}
th,td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:#eaf0f6;font-weight:700;border-bottom:2px solid #b9c6d3}
tbody th{font-weight:600}
.num{text-align:right;white-space:nowrap}
tr.total th,tr.total td{font-weight:700;border-top:2px solid var(--ink);background:#f6f8fa}
.suppressed{color:var(--accent);font-weight:700}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.legend,.notes,.source{font-size:12.5px;color:var(--muted);margin:6px 0 0}
.notes{padding-left:18px}
.legend .mark{color:var(--accent);font-weight:700}
footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--line);font-size:12px;color:var(--muted)}
@media print{html{background:#fff}.page{box-shadow:none;padding:0}}
`

const knownCodes: Readonly<Record<string, Readonly<Record<string, Reporting.Table.Text>>>> = {
  source: FundingSource.labels,
  role: {
    grant: { it: "Contributo", en: "Grant" },
    cofinancing: { it: "Cofinanziamento", en: "Cofinancing" }
  },
  status: Reporting.Targets.statusLabel
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const cellText = (column: Reporting.Table.Column, value: Reporting.Table.CellValue | undefined, language: Language) => {
  const known = typeof value === "string" ? knownCodes[column.id]?.[value] : undefined
  if (known !== undefined) return capitalise(language === "it" ? known.it : known.en)
  if (column.id === "month" && typeof value === "string" && /^\d{4}-\d{2}$/.test(value))
    return new Intl.DateTimeFormat(language === "it" ? "it-IT" : "en-GB", {
      timeZone: "UTC",
      month: "long",
      year: "numeric"
    }).format(new Date(`${value}-01T00:00:00Z`))
  return formatCell(column, value, language)
}

const isNumeric = (c: Reporting.Table.Column) =>
  c.role === "measure" && (c.unit === "count" || c.unit === "cents" || c.unit === "hours" || c.unit === "basis-points")

/**
 * One table as accessible HTML: caption, column headers, row headers, suppressed cells marked.
 *
 * @since 0.1.0
 * @category formatting
 */
export const tableHtml = (table: Table, language: Language = "it"): string => {
  const [first, ...rest] = table.columns
  const title = escapeHtml(language === "it" ? table.title.it : table.title.en)
  const header = table.columns
    .map(
      (c) =>
        `<th scope="col"${isNumeric(c) ? ' class="num"' : ""}>${escapeHtml(language === "it" ? c.label.it : c.label.en)}</th>`
    )
    .join("")
  const cell = (c: Reporting.Table.Column, v: Reporting.Table.CellValue | undefined, tag: "td" | "th") => {
    const scope = tag === "th" ? ' scope="row"' : ""
    if (v === Reporting.Table.suppressedMark) {
      const hidden = t(language, "dato oscurato", "suppressed")
      return `<${tag}${scope} class="num suppressed" title="${hidden}"><span aria-hidden="true">●</span><span class="sr-only">${hidden}</span></${tag}>`
    }
    return `<${tag}${scope}${isNumeric(c) ? ' class="num"' : ""}>${escapeHtml(cellText(c, v, language))}</${tag}>`
  }
  const body = table.rows
    .map((r) => {
      const isTotal = first !== undefined && r[first.id] === Reporting.Table.total
      const cells = [
        first === undefined ? "" : cell(first, r[first.id], "th"),
        ...rest.map((c) => cell(c, r[c.id], "td"))
      ]
      return `<tr${isTotal ? ' class="total"' : ""}>${cells.join("")}</tr>`
    })
    .join("\n")
  return `<div class="table-wrap"><table>\n<caption>${title}</caption>\n<thead><tr>${header}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`
}

const hasSuppressed = (table: Table) =>
  table.rows.some((r) => Object.values(r).some((v) => v === Reporting.Table.suppressedMark))

const legend = (table: Table, language: Language): string => {
  if (!hasSuppressed(table)) return ""
  const n = table.suppression?.threshold
  const it =
    n === undefined || n === 0
      ? "dato oscurato per tutelare la riservatezza delle persone."
      : `dato oscurato per tutelare la riservatezza: conteggio inferiore a ${n}, o da cui se ne potrebbe ricavare uno.`
  const en =
    n === undefined || n === 0
      ? "value suppressed to protect people's confidentiality."
      : `value suppressed to protect confidentiality: a count below ${n}, or one from which such a count could be derived.`
  return `<p class="legend"><span class="mark" aria-hidden="true">●</span> ${escapeHtml(t(language, it, en))}</p>`
}

const notesHtml = (table: Table, language: Language): string => {
  const items = table.notes.map((n) => `<li>${escapeHtml(language === "it" ? n.it : n.en)}</li>`)
  const source =
    table.source === undefined
      ? ""
      : `<p class="source">${escapeHtml(t(language, "Fonte", "Source"))}: ${escapeHtml(table.source.act)}</p>`
  return `${items.length === 0 ? "" : `<ul class="notes">${items.join("")}</ul>`}${source}`
}

const head = (tables: ReadonlyArray<Table>, options: Options): string => {
  const language = options.language ?? "it"
  const title =
    options.title ??
    (tables[0] === undefined
      ? t(language, "Rapporto", "Report")
      : language === "it"
        ? tables[0].title.it
        : tables[0].title.en)
  const facts = [
    ...(options.facts ?? []),
    ...(options.asOf === undefined
      ? []
      : [{ label: t(language, "Dati al", "Data as of"), value: formatDate(options.asOf, language) }])
  ]
  const cards = keyFigures(tables, language)
  return [
    "<!DOCTYPE html>",
    `<html lang="${language}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    "</head>",
    "<body>",
    '<main class="page">',
    '<header class="masthead">',
    `<p class="kicker">${escapeHtml(options.kicker ?? t(language, "Rapporto · Gestione sociale dei quartieri ERP", "Report · Social management of ERP neighbourhoods"))}</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    options.subtitle === undefined ? "" : `<p class="subtitle">${escapeHtml(options.subtitle)}</p>`,
    facts.length === 0
      ? ""
      : `<dl class="facts">${facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join("")}</dl>`,
    "</header>",
    cards.length === 0
      ? ""
      : `<section aria-label="${escapeHtml(t(language, "Dati principali", "Key figures"))}"><ul class="cards">${cards
          .map(
            (c) =>
              `<li class="card"><p class="label">${escapeHtml(c.label)}</p><p class="value">${escapeHtml(c.value)}</p>${c.note === undefined ? "" : `<p class="note">${escapeHtml(c.note)}</p>`}</li>`
          )
          .join("")}</ul></section>`,
    ""
  ]
    .filter((line) => line !== "")
    .join("\n")
}

const section = async (table: Table, index: number, options: Options): Promise<string> => {
  const language = options.language ?? "it"
  const title = escapeHtml(language === "it" ? table.title.it : table.title.en)
  const chart = options.charts === false ? undefined : Charts.chartFor(table, language)
  let figure = ""
  if (chart !== undefined) {
    const svg = await Charts.renderSvg(chart.spec, chart.description)
    const note = chart.suppressed
      ? t(language, " I valori oscurati (●) non sono disegnati.", " Suppressed values (●) are not drawn.")
      : ""
    figure = `<figure>\n${svg}\n<figcaption>${escapeHtml(chart.description + note)} ${escapeHtml(t(language, "I dati sono nella tabella.", "The data are in the table."))}</figcaption>\n</figure>`
  }
  return `\n<section class="table" id="t${index + 1}">\n<h2>${title}</h2>\n${figure}\n${tableHtml(table, language)}\n${legend(table, language)}${notesHtml(table, language)}\n</section>`
}

const foot = (options: Options): string => {
  const language = options.language ?? "it"
  return `\n<footer><p>${escapeHtml(
    t(
      language,
      "Rapporto prodotto con quartieri. Pagina autonoma: nessuna risorsa esterna, nessuno script. ● dato oscurato; – dato non disponibile.",
      "Report produced with quartieri. Self-contained page: no external resource, no script. ● suppressed; – not available."
    )
  )}</p></footer>\n</main>\n</body>\n</html>\n`
}

/**
 * The report of a dataset as a stream of bytes: the head and key figures, then one section per
 * table (its chart rendered when reached), then the foot. Fails with `ExportError`:
 * `PersonalDataRefused` or `InvalidData` from `Exporter.prepare`, `Io` when a chart cannot be
 * rendered.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stream = (
  dataset: Exporter.Dataset,
  options: Options = {}
): Stream.Stream<Uint8Array, ExportError.ExportError> =>
  Stream.suspend(() => {
    const prepared = Exporter.prepare(dataset)
    if (Result.isFailure(prepared)) return Stream.fail(prepared.failure)
    const tables = prepared.success
    const sections = Stream.fromIterable(tables.entries()).pipe(
      Stream.mapEffect(([i, table]) =>
        Effect.tryPromise({
          try: () => section(table, i, options),
          catch: (cause) =>
            new ExportError.ExportError({
              reason: "Io",
              detail: `the chart of table ${table.id} could not be rendered: ${cause instanceof Error ? cause.message : String(cause)}`,
              table: table.id,
              cause
            })
        }).pipe(Effect.map(Exporter.utf8))
      )
    )
    return Stream.concat(
      Stream.concat(
        Stream.sync(() => Exporter.utf8(head(tables, options))),
        sections
      ),
      Stream.sync(() => Exporter.utf8(foot(options)))
    )
  })

/**
 * The report as an `Exporter.Shape`, with default options.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (defaults: Options = {}): Exporter.Shape<Options> => ({
  format: "html-report",
  mediaType: "text/html; charset=utf-8",
  extension: "html",
  export: (dataset, options) => stream(dataset, { ...defaults, ...options })
})

/**
 * The `Exporter` service writing the HTML report.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (defaults: Options = {}): Layer.Layer<Exporter.Exporter> =>
  Layer.succeed(Exporter.Exporter, make(defaults))

/**
 * The plain-function form: the whole page as bytes; rejects with the `ExportError`.
 *
 * @since 0.1.0
 * @category utils
 */
export const toBytes = (dataset: Exporter.Dataset, options: Options = {}): Promise<Uint8Array> =>
  Exporter.collect(stream(dataset, options))
