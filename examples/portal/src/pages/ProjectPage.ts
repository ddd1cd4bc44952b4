/**
 * The project page: the project's facts, its key figures, and the budget execution by partner
 * as a chart and a table — the chart drawn to SVG on the server by `@quartieri/export-html`
 * (Vega-Lite), so the browser runs no script to show it. Any actor who may read the project
 * sees it; the Region sees the same amounts (money is not personal data).
 *
 * @since 0.1.0
 */
import { Call } from "@quartieri/core"
import { Charts, ProjectReport, Report } from "@quartieri/export-html"
import { html, raw } from "hono/html"
import * as Html from "../Html.js"
import { actorOf, type PageContext } from "../PageContext.js"
import * as Reports from "../Reports.js"

const budgetEntry = Reports.catalogue[0] as Reports.Entry

/**
 * Renders the project page.
 *
 * @since 0.1.0
 * @category constructors
 */
export const render = async (ctx: PageContext): Promise<Html.Html> => {
  const who = actorOf(ctx)
  const { value: project } = await ctx.quartieri.getProject(who, { id: ctx.directory.project })
  const report = await Reports.run(ctx.quartieri, who, budgetEntry, project)
  const byPartner = report.tables.find((t) => t.id.startsWith("budget-execution.partner"))
  const chart = byPartner === undefined ? undefined : Charts.chartFor(byPartner)
  const svg = chart === undefined ? undefined : await Charts.renderSvg(chart.spec, chart.description)
  const call = Call.all.find((c) => c.id === project.call)
  const facts = call === undefined ? [] : ProjectReport.facts(project, call)

  return Html.page(
    ctx.shell(project.title),
    html`<p class="kicker">Progetto · gestione sociale dei quartieri ERP</p>
<h1>${project.title}</h1>
<p class="lead">Partenariato, periodo e piano di finanziamento sono quelli pubblicati; voci di budget, spese, nuclei e incontri sono <strong>dati sintetici</strong>.</p>
<dl class="facts">${facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>
<ul class="cards" aria-label="Dati principali">${Report.keyFigures(report.tables).map(
      (k) =>
        html`<li class="card"><p class="label">${k.label}</p><p class="value">${k.value}</p>${k.note === undefined ? "" : html`<p class="note">${k.note}</p>`}</li>`
    )}</ul>

<h2 id="esecuzione">Esecuzione del budget per partner</h2>
${
  svg === undefined || chart === undefined
    ? html`<p class="small">Nessun grafico: il budget non ha voci.</p>`
    : html`<figure>${raw(svg)}<figcaption>${chart.description} I dati sono nella tabella sotto.</figcaption></figure>`
}
${byPartner === undefined ? "" : raw(Report.tableHtml(byPartner))}
<p class="small">${
      report.disclosure === "published"
        ? "Dati come pubblicati per la Regione."
        : "Dati per uso interno del partenariato."
    } Scarica le tabelle complete dalla pagina <a href="/report">Report</a>.</p>

<h2 id="laboratori">Laboratori sociali</h2>
<ul class="plain">${ctx.directory.laboratori.map(
      (l) =>
        html`<li><a href="/laboratori/${l.id}">${l.name}</a> <span class="tag">${ctx.directory.complessi.find((c) => c.id === l.site)?.address ?? l.site}</span></li>`
    )}</ul>`
  )
}
