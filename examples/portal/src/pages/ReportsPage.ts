/**
 * The reports page: each report of the catalogue with its tables and its downloads — the
 * XLSX workbook, one CSV per table, the self-contained HTML report. What the actor receives
 * depends on who they are: the Region gets the published tables (small counts suppressed),
 * the project's own people the tables for internal use.
 *
 * @since 0.1.0
 */
import { html } from "hono/html"
import * as Html from "../Html.js"
import { actorOf, type PageContext } from "../PageContext.js"
import * as Reports from "../Reports.js"

/**
 * The URL of a report's file.
 *
 * @since 0.1.0
 * @category formatting
 */
export const fileUrl = (entry: Reports.Entry, format: Reports.Format, table?: string): string =>
  `/report/${entry.slug}.${format}${table === undefined ? "" : `?tabella=${encodeURIComponent(table)}`}`

/**
 * Renders the reports page.
 *
 * @since 0.1.0
 * @category constructors
 */
export const render = async (ctx: PageContext): Promise<Html.Html> => {
  const who = actorOf(ctx)
  const { value: project } = await ctx.quartieri.getProject(who, { id: ctx.directory.project })
  const reports = await Promise.all(
    Reports.catalogue.map(async (entry) => ({ entry, report: await Reports.run(ctx.quartieri, who, entry, project) }))
  )
  return Html.page(
    ctx.shell("Report"),
    html`<p class="kicker">Report · ${project.title}</p>
<h1>Report e download</h1>
<p class="lead">Le tabelle sono calcolate ora, dai dati registrati, per chi le chiede: agisci come <strong>${ctx.actor.label}</strong>.</p>
${
  reports[0]?.report.disclosure === "published"
    ? Html.notice(
        "info",
        "Dati pubblicati",
        "La Regione riceve solo dati aggregati: le colonne personali sono escluse e i conteggi inferiori a 5 sono oscurati (●)."
      )
    : Html.notice(
        "info",
        "Dati per uso interno",
        "Chi lavora nel progetto riceve le tabelle come calcolate. Non diffonderle fuori dal partenariato."
      )
}
${reports.map(
  ({ entry, report }) => html`<section aria-labelledby="r-${entry.slug}">
<h2 id="r-${entry.slug}">${entry.title}</h2>
<p>${entry.description}</p>
<p class="small">Tabelle: ${report.tables.map((t) => Reports.shortName(t)).join(", ")}.</p>
<ul class="downloads">
<li><a class="button" href="${fileUrl(entry, "xlsx")}" download>Scarica XLSX</a></li>
<li><a class="button secondary" href="${fileUrl(entry, "html")}" download>Scarica il report HTML</a></li>
${report.tables.map(
  (t) =>
    html`<li><a class="button secondary" href="${fileUrl(entry, "csv", report.tables.length === 1 ? undefined : t.id)}" download>CSV${
      report.tables.length === 1 ? "" : ` — ${Reports.shortName(t)}`
    }</a></li>`
)}
</ul>
</section>`
)}`
  )
}
