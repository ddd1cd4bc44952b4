/**
 * The report's charts: a Vega-Lite specification for each kind of table the report knows,
 * compiled by `vega-lite` and rendered **to SVG at export time** by `vega` (a headless `View`
 * with renderer `none`), so the page needs no script and no network to show them.
 *
 * - `targets` → achieved against target, per indicator (bar and target tick);
 * - `budget-execution.*` → planned, claimed and verified amounts per group;
 * - `budget-funding*` → the funding plan by source;
 * - `pathway-funnel` → referred → enrolled → completed;
 * - `laboratorio-activity` → sessions and persons involved, month by month;
 * - `*.participants` (ESF indicator tables) → women and men per indicator.
 *
 * Data go into the specification inline; the `View` gets a loader that refuses every request,
 * so nothing can be fetched while rendering. A suppressed value (`●`) is never drawn as a
 * number: its bar is left out and the mark `●` is written in its place. The SVG is checked
 * for URLs: the only one allowed is the SVG namespace (`xmlns:xlink` is dropped when unused),
 * and a URL that comes from the data is written with its scheme's colon as `&#58;`, as
 * `Html.escapeHtml` does for the page.
 *
 * @since 0.1.0
 */
import { FundingSource, Reporting } from "@quartieri/core"
import * as vega from "vega"
import type { TopLevelSpec } from "vega-lite"
import * as vl from "vega-lite"
import { codeLabel, formatCount, formatEuros, formatRate, type Language } from "./Html.js"
import * as LaboratorioActivity from "./LaboratorioActivity.js"
import * as PathwayFunnel from "./PathwayFunnel.js"

type Table = Reporting.Table.Table
type Row = Readonly<Record<string, Reporting.Table.CellValue>>

/**
 * The palette of the report: brand blue, light blue, accent orange, green, grey.
 *
 * @since 0.1.0
 * @category models
 */
export const palette = {
  brand: "#1f4e79",
  light: "#5fa8d3",
  accent: "#e07a1f",
  green: "#3a7d44",
  grey: "#9aa5b1",
  ink: "#1d2733"
} as const

/**
 * A chart: its Vega-Lite specification, a one-sentence description (the figure's caption and
 * the SVG's accessible name) and whether a value was left out because it is suppressed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Chart {
  readonly spec: TopLevelSpec
  readonly description: string
  readonly suppressed: boolean
}

const width = 820
const font = "DejaVu Sans, Liberation Sans, Arial, sans-serif"

const config = (language: Language) => ({
  font,
  background: "#ffffff",
  view: { stroke: null },
  axis: {
    labelColor: "#3c4855",
    titleColor: "#3c4855",
    gridColor: "#e6e9ef",
    domainColor: "#9aa5b1",
    tickColor: "#9aa5b1",
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 600 as const,
    labelLimit: 260
  },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: "bottom" as const, symbolType: "square" },
  title: { fontSize: 14, anchor: "start" as const, color: palette.ink },
  locale: {
    number:
      language === "it"
        ? { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] as [string, string] }
        : { decimal: ".", thousands: ",", grouping: [3], currency: ["€", ""] as [string, string] }
  }
})

const num = (v: Reporting.Table.CellValue | undefined): number | undefined => (typeof v === "number" ? v : undefined)
const isSuppressed = (v: Reporting.Table.CellValue | undefined) => v === Reporting.Table.suppressedMark
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const label = (t: Reporting.Table.Text, language: Language) => (language === "it" ? t.it : t.en)
const bodyRows = (t: Table, key: string): ReadonlyArray<Row> => t.rows.filter((r) => r[key] !== Reporting.Table.total)
const totalRow = (t: Table, key: string): Row | undefined => t.rows.find((r) => r[key] === Reporting.Table.total)

const monthLabel = (id: string, language: Language): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(id)
  if (m === null) return codeLabel(id, language)
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))
  return new Intl.DateTimeFormat(language === "it" ? "it-IT" : "en-GB", {
    timeZone: "UTC",
    month: "short",
    year: "2-digit"
  }).format(date)
}

// ---------------------------------------------------------------------------------------------
// one chart per kind of table
// ---------------------------------------------------------------------------------------------

const targetsChart = (t: Table, language: Language): Chart | undefined => {
  const projects = new Set(t.rows.map((r) => r["project"]))
  let suppressed = false
  const data = t.rows.map((r) => {
    const actual = num(r["actual"])
    const target = num(r["target"])
    if (isSuppressed(r["actual"])) suppressed = true
    const name = String(r["indicatorLabel"] ?? r["indicator"] ?? "")
    const caption =
      actual === undefined
        ? isSuppressed(r["actual"])
          ? "●"
          : "–"
        : target === undefined || target === 0
          ? formatCount(actual, language)
          : `${formatCount(actual, language)} ${language === "it" ? "su" : "of"} ${formatCount(target, language)} (${formatRate(Math.floor((actual * 10_000) / target), language)})`
    return {
      label: projects.size > 1 ? `${name} — ${String(r["project"])}` : name,
      actual: actual ?? null,
      target: target ?? null,
      at: Math.max(actual ?? 0, target ?? 0),
      caption
    }
  })
  if (data.length === 0) return undefined
  const y = { field: "label", type: "nominal" as const, title: null, sort: null }
  return {
    suppressed,
    description:
      language === "it"
        ? "Realizzato (barra) rispetto all'obiettivo dichiarato (tacca arancione), per indicatore."
        : "Achieved (bar) against the declared target (orange tick), by indicator.",
    spec: {
      width,
      height: { step: 44 },
      config: config(language),
      data: { values: data },
      layer: [
        {
          mark: { type: "bar", color: palette.brand, cornerRadiusEnd: 3, height: { band: 0.55 } },
          encoding: {
            y,
            x: {
              field: "actual",
              type: "quantitative",
              title: language === "it" ? "Realizzato e obiettivo" : "Achieved and target",
              scale: { nice: true }
            }
          }
        },
        {
          mark: { type: "tick", color: palette.accent, thickness: 4, size: 34 },
          encoding: { y, x: { field: "target", type: "quantitative" } }
        },
        {
          mark: { type: "text", align: "left", dx: 8, color: palette.ink, fontSize: 12 },
          encoding: { y, x: { field: "at", type: "quantitative" }, text: { field: "caption" } }
        }
      ]
    }
  }
}

const executionChart = (t: Table, language: Language): Chart | undefined => {
  const key = t.columns[0]?.id
  if (key === undefined) return undefined
  const body = bodyRows(t, key)
  const rows = body.length > 0 ? body : t.rows
  const measures: ReadonlyArray<{ id: string; name: Reporting.Table.Text; color: string }> = [
    { id: "planned", name: { it: "Previsto", en: "Planned" }, color: palette.grey },
    { id: "claimed", name: { it: "Rendicontato", en: "Claimed" }, color: palette.light },
    { id: "verified", name: { it: "Verificato", en: "Verified" }, color: palette.brand }
  ]
  const data = rows.flatMap((r) => {
    const group = String(r["label"] ?? codeLabel(String(r[key] ?? ""), language))
    return measures.flatMap((m) => {
      const v = num(r[m.id] ?? (m.id === "planned" ? r["totalCost"] : undefined))
      return v === undefined
        ? []
        : [
            {
              group: group === "totale" ? codeLabel(Reporting.Table.total, language) : group,
              measure: label(m.name, language),
              euros: v / 100,
              text: formatEuros(v, language)
            }
          ]
    })
  })
  if (data.length === 0) return undefined
  return {
    suppressed: false,
    description:
      language === "it" ? "Importi previsti, rendicontati e verificati." : "Planned, claimed and verified amounts.",
    spec: {
      width,
      height: { step: 22 },
      config: config(language),
      data: { values: data },
      encoding: {
        y: { field: "group", type: "nominal", title: null, sort: null },
        yOffset: { field: "measure", sort: measures.map((m) => label(m.name, language)) },
        x: { field: "euros", type: "quantitative", title: "€", axis: { format: ",.0f" } }
      },
      layer: [
        {
          mark: { type: "bar", cornerRadiusEnd: 2 },
          encoding: {
            color: {
              field: "measure",
              type: "nominal",
              title: null,
              scale: { domain: measures.map((m) => label(m.name, language)), range: measures.map((m) => m.color) }
            }
          }
        },
        {
          mark: { type: "text", align: "left", dx: 4, fontSize: 11, color: palette.ink },
          encoding: { text: { field: "text" } }
        }
      ]
    }
  }
}

const fundingChart = (t: Table, language: Language): Chart | undefined => {
  const data = bodyRows(t, "source").flatMap((r) => {
    const v = num(r["planned"])
    const source = String(r["source"] ?? "")
    const name = (FundingSource.labels as Readonly<Record<string, { it: string; en: string }>>)[source]
    return v === undefined
      ? []
      : [
          {
            source: name === undefined ? source : capitalise(label(name, language)),
            euros: v / 100,
            text: formatEuros(v, language)
          }
        ]
  })
  if (data.length === 0) return undefined
  return {
    suppressed: false,
    description: language === "it" ? "Il piano di finanziamento per fonte." : "The funding plan by source.",
    spec: {
      width,
      height: { step: 34 },
      config: config(language),
      data: { values: data },
      encoding: {
        y: { field: "source", type: "nominal", title: null, sort: null },
        x: { field: "euros", type: "quantitative", title: "€", axis: { format: ",.0f" } }
      },
      layer: [
        { mark: { type: "bar", color: palette.green, cornerRadiusEnd: 3, height: { band: 0.6 } } },
        {
          mark: { type: "text", align: "left", dx: 6, fontSize: 12, color: palette.ink },
          encoding: { text: { field: "text" } }
        }
      ]
    }
  }
}

const funnelChart = (t: Table, language: Language): Chart | undefined => {
  const row = totalRow(t, "project")
  if (row === undefined) return undefined
  const s = PathwayFunnel.stages(row)
  const stages: ReadonlyArray<{ name: Reporting.Table.Text; value: number | undefined; color: string }> = [
    { name: { it: "Segnalati", en: "Referred" }, value: s.candidates, color: palette.light },
    { name: { it: "Avviati (PIP firmato)", en: "Enrolled (PIP signed)" }, value: s.enrolled, color: palette.brand },
    { name: { it: "Conclusi", en: "Completed" }, value: s.completed, color: palette.green }
  ]
  const top = s.candidates ?? 0
  const data = stages.map((st) => ({
    stage: label(st.name, language),
    known: st.value !== undefined,
    from: st.value === undefined ? 0 : -st.value / 2,
    to: st.value === undefined ? 0 : st.value / 2,
    color: st.color,
    text:
      st.value === undefined
        ? "●"
        : top > 0 && st.value !== top
          ? `${formatCount(st.value, language)} (${formatRate(Math.floor((st.value * 10_000) / top), language)})`
          : formatCount(st.value, language)
  }))
  return {
    suppressed: stages.some((st) => st.value === undefined),
    description:
      language === "it"
        ? "Il percorso delle persone segnalate: quante hanno firmato il PIP e quante hanno concluso il percorso."
        : "The pathway of referred persons: how many signed the PIP and how many completed it.",
    spec: {
      width,
      height: { step: 56 },
      config: config(language),
      data: { values: data },
      encoding: {
        y: {
          field: "stage",
          type: "nominal",
          title: null,
          sort: null,
          axis: { labelFontSize: 13, labelFontWeight: 600 }
        }
      },
      layer: [
        {
          mark: { type: "bar", height: { band: 0.8 }, cornerRadius: 3 },
          encoding: {
            x: {
              field: "from",
              type: "quantitative",
              axis: null,
              scale: { domain: [-(top || 1) / 2, (top || 1) / 2] }
            },
            x2: { field: "to" },
            color: { field: "color", type: "nominal", scale: null, legend: null }
          }
        },
        {
          transform: [{ filter: "datum.known" }],
          mark: { type: "text", fontSize: 14, fontWeight: 700, color: "#ffffff" },
          encoding: { text: { field: "text" }, x: { datum: 0, type: "quantitative" } }
        },
        {
          transform: [{ filter: "!datum.known" }],
          mark: { type: "text", fontSize: 14, fontWeight: 700, color: palette.accent },
          encoding: {
            text: { value: language === "it" ? "● dato oscurato" : "● suppressed" },
            x: { datum: 0, type: "quantitative" }
          }
        }
      ]
    }
  }
}

const activityChart = (t: Table, language: Language): Chart | undefined => {
  let suppressed = false
  const data = bodyRows(t, "month").map((r) => {
    if (isSuppressed(r["personsInvolved"])) suppressed = true
    return {
      month: monthLabel(String(r["month"] ?? ""), language),
      sessions: num(r["sessions"]) ?? null,
      persons: num(r["personsInvolved"]) ?? null
    }
  })
  if (data.length === 0) return undefined
  const sessions = language === "it" ? "Incontri" : "Sessions"
  const persons = language === "it" ? "Persone coinvolte" : "Persons involved"
  const x = { field: "month", type: "ordinal" as const, title: null, sort: null, axis: { labelAngle: -45 } }
  return {
    suppressed,
    description:
      language === "it"
        ? "Incontri dei laboratori (barre) e persone coinvolte (linea), mese per mese."
        : "Laboratori sessions (bars) and persons involved (line), month by month.",
    spec: {
      width,
      height: 260,
      config: config(language),
      data: { values: data },
      layer: [
        {
          mark: { type: "bar", color: palette.light, cornerRadiusEnd: 2 },
          encoding: {
            x,
            y: { field: "sessions", type: "quantitative", title: sessions, axis: { titleColor: palette.brand } }
          }
        },
        {
          mark: { type: "line", color: palette.accent, strokeWidth: 2.5, point: { color: palette.accent, size: 40 } },
          encoding: {
            x,
            y: {
              field: "persons",
              type: "quantitative",
              title: persons,
              axis: { titleColor: palette.accent, orient: "right" }
            }
          }
        }
      ],
      resolve: { scale: { y: "independent" } }
    }
  }
}

const participantsChart = (t: Table, language: Language): Chart | undefined => {
  let suppressed = false
  const data = t.rows.flatMap((r) => {
    const code = String(r["code"] ?? "")
    return (["women", "men"] as const).flatMap((k) => {
      if (isSuppressed(r[k])) suppressed = true
      const v = num(r[k])
      return v === undefined || v === 0
        ? []
        : [
            {
              code,
              sex: k === "women" ? (language === "it" ? "Donne" : "Women") : language === "it" ? "Uomini" : "Men",
              n: v
            }
          ]
    })
  })
  if (data.length === 0) return undefined
  return {
    suppressed,
    description:
      language === "it"
        ? "Partecipanti per indicatore comune FSE, donne e uomini (i codici sono spiegati nella tabella)."
        : "Participants by ESF common indicator, women and men (the codes are explained in the table).",
    spec: {
      width,
      height: { step: 20 },
      config: config(language),
      data: { values: data },
      mark: { type: "bar" },
      encoding: {
        y: { field: "code", type: "nominal", title: null, sort: null },
        x: {
          field: "n",
          type: "quantitative",
          stack: "zero",
          title: language === "it" ? "Partecipanti" : "Participants"
        },
        color: {
          field: "sex",
          type: "nominal",
          title: null,
          scale: { range: [palette.accent, palette.brand] }
        }
      }
    }
  }
}

/**
 * The chart of a table, when the report knows its kind (see the module header).
 *
 * @since 0.1.0
 * @category constructors
 */
export const chartFor = (t: Table, language: Language = "it"): Chart | undefined => {
  if (t.id === "targets") return targetsChart(t, language)
  if (t.id.startsWith("budget-funding")) return fundingChart(t, language)
  if (t.id.startsWith("budget-execution")) return executionChart(t, language)
  if (t.id === PathwayFunnel.tableId) return funnelChart(t, language)
  if (t.id === LaboratorioActivity.tableId) return activityChart(t, language)
  if (t.id.endsWith(".participants")) return participantsChart(t, language)
  return undefined
}

// ---------------------------------------------------------------------------------------------
// rendering
// ---------------------------------------------------------------------------------------------

const refuse = (what: string) => () => Promise.reject(new Error(`the report loads nothing (${what})`))

/** A loader that fetches nothing: rendering never touches the network or the disk. */
const noLoader: vega.Loader = {
  load: refuse("load"),
  sanitize: refuse("sanitize"),
  http: refuse("http"),
  file: refuse("file")
}

const svgNamespace = "http://www.w3.org/2000/svg"
const xlinkDeclaration = ' xmlns:xlink="http://www.w3.org/1999/xlink"'

/**
 * The URLs in a text other than the SVG namespace.
 *
 * @since 0.1.0
 * @category utils
 */
export const externalUrls = (text: string): ReadonlyArray<string> =>
  [...text.matchAll(/https?:\/\/[^\s"'<>)]*/gi)].map((m) => m[0]).filter((u) => u !== svgNamespace)

/**
 * Renders a Vega-Lite specification to an SVG string: compiled by vega-lite, rendered by a
 * headless vega `View` that may load nothing. Rejects when the SVG would carry any URL other
 * than the SVG namespace.
 *
 * @since 0.1.0
 * @category constructors
 */
export const renderSvg = async (spec: TopLevelSpec, description?: string): Promise<string> => {
  const compiled = vl.compile(description === undefined ? spec : ({ ...spec, description } as TopLevelSpec)).spec
  const view = new vega.View(vega.parse(compiled), { renderer: "none", loader: noLoader })
  try {
    let svg = await view.toSVG()
    if (!svg.includes("xlink:")) svg = svg.replace(xlinkDeclaration, "")
    // a URL in the data (a name, a label) is shown, never carried: its scheme's colon becomes `&#58;`
    svg = svg.replace(/(https?):(?!\/\/www\.w3\.org\/2000\/svg")/gi, "$1&#58;")
    const urls = externalUrls(svg)
    if (urls.length > 0) throw new Error(`the chart would carry external URLs: ${urls.join(", ")}`)
    return svg
  } finally {
    view.finalize()
  }
}
