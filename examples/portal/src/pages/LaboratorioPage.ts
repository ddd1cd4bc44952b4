/**
 * The laboratorio page: the laboratorio (presidio, staff, activities), the households it
 * works with, the sessions held in the project by kind of activity, and the form that
 * records a session with its attendance sheet — the registered persons present and a
 * head-count of the others. `recordSession` writes the session and the sheet together, or
 * nothing.
 *
 * quartieri has no use-case that lists a laboratorio's sessions one by one; the sessions are
 * shown as the `involvement` report counts them (sessions, hours, attendances, persons
 * involved), which every actor who may read the project may run.
 *
 * @since 0.1.0
 */
import { randomUUID } from "node:crypto"
import { Activity, type App, Laboratorio } from "@quartieri/core"
import { Report } from "@quartieri/export-html"
import { html, raw } from "hono/html"
import * as Forms from "../Forms.js"
import * as Html from "../Html.js"
import * as Labels from "../Labels.js"
import { actorOf, type PageContext } from "../PageContext.js"
import * as Refusals from "../Refusals.js"
import * as Reports from "../Reports.js"

/**
 * The fields of the session form, named by their path in `recordSession`'s input.
 *
 * @since 0.1.0
 * @category parameters
 */
export const sessionLabels: Forms.Labels = {
  "session.activity": "Attività",
  "session.date": "Data dell'incontro",
  "session.durationMinutes": "Durata (minuti)",
  "attendance.named": "Persone registrate presenti",
  "attendance.anonymous": "Altri presenti, non registrati"
}

/**
 * The values the session form starts with.
 *
 * @since 0.1.0
 * @category constructors
 */
export const blankSession = (today: string): Forms.Values => ({
  "session.date": today,
  "session.durationMinutes": "120",
  "attendance.anonymous": "0"
})

/**
 * The `recordSession` request of a submitted session form. The session's id is made here:
 * the visitor never types it. A number that does not parse is sent as the text typed, for the
 * use-case to refuse with its own message: hence the assertion of the static type.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sessionRequest = (laboratorio: string, values: Forms.Values): App.Laboratori.RecordSessionInput =>
  ({
    laboratorio,
    session: {
      id: `${laboratorio}-${randomUUID().slice(0, 8)}`,
      activity: Forms.text(values, "session.activity"),
      date: Forms.text(values, "session.date"),
      durationMinutes: Forms.wholeNumber(Forms.text(values, "session.durationMinutes"))
    },
    attendance: {
      named: Forms.texts(values, "attendance.named"),
      anonymous: Forms.wholeNumber(Forms.text(values, "attendance.anonymous"))
    }
  }) as App.Laboratori.RecordSessionInput

/**
 * Records a submitted session: its id, or the form to show again with the problems.
 *
 * @since 0.1.0
 * @category constructors
 */
export const record = async (
  ctx: PageContext,
  laboratorio: string,
  values: Forms.Values
): Promise<
  { readonly _tag: "Recorded"; readonly session: string } | { readonly _tag: "Refused"; readonly form: Forms.State }
> => {
  try {
    const recorded = await ctx.quartieri.recordSession(actorOf(ctx), sessionRequest(laboratorio, values))
    return { _tag: "Recorded", session: recorded.session.id }
  } catch (error) {
    return { _tag: "Refused", form: Forms.refused(error, values, sessionLabels) }
  }
}

/**
 * Renders the laboratorio page with the session form in `form`, and a confirmation when a
 * session was just recorded.
 *
 * @since 0.1.0
 * @category constructors
 */
export const render = async (
  ctx: PageContext,
  id: string,
  form: Forms.State,
  recorded?: string
): Promise<Html.Html> => {
  const who = actorOf(ctx)
  const { value: lab } = await ctx.quartieri.getLaboratorio(who, { id })
  const { value: project } = await ctx.quartieri.getProject(who, { id: lab.project })
  const households = await Refusals.attempt(ctx.quartieri.listHouseholds(who, { laboratorio: id }))
  const involvement = await Reports.run(ctx.quartieri, who, Reports.catalogue[1] as Reports.Entry, project)
  const people =
    households._tag === "Allowed"
      ? households.value.flatMap((h) =>
          h.value.members
            .filter((m) => m.to === undefined)
            .map((m) => ({ value: m.person, label: `${m.person} — nucleo ${h.id}, ${Labels.relation[m.relation]}` }))
        )
      : []
  const complesso = ctx.directory.complessi.find((c) => c.id === lab.site)
  const organisation = (id: string) =>
    project.partnership.members.find((m) => m.organisation.id === id)?.organisation.name ?? id
  const field = { labels: sessionLabels, values: form.values, errors: form.errors }

  return Html.page(
    ctx.shell(lab.name),
    html`<p class="kicker">Laboratorio sociale · ${project.title}</p>
<h1>${lab.name}</h1>
<dl class="facts">
<dt>Complesso</dt><dd>${complesso?.address ?? lab.site}</dd>
<dt>Presidio aperto</dt><dd>${lab.presidio.openingHours
      .map((s) => `${Laboratorio.weekdayLabel[s.weekday]?.it ?? s.weekday} ${s.from}–${s.to}`)
      .join("; ")}</dd>
<dt>Personale</dt><dd>${lab.staff
      .map(
        (s) =>
          `${s.role.replaceAll("-", " ")} (${organisation(s.organisation)}${s.hoursPerWeek === undefined ? "" : `, ${s.hoursPerWeek} ore/settimana`})`
      )
      .join("; ")}</dd>
<dt>Attività</dt><dd>${lab.activities.map((a) => Activity.titleOf(a)).join(", ")}</dd>
</dl>

<h2 id="nuclei">Nuclei seguiti</h2>
${
  households._tag === "Refused"
    ? Refusals.refusalNotice(households.refusal)
    : html`<div class="table-wrap"><table>
<caption>Nuclei seguiti dal laboratorio</caption>
<thead><tr><th scope="col">Nucleo</th><th scope="col">Alloggio</th><th scope="col" class="num">Componenti</th><th scope="col">Contratto</th></tr></thead>
<tbody>${households.value.map(
        (h) =>
          html`<tr><th scope="row"><a href="/nuclei/${h.id}">${h.id}</a></th><td>${h.value.tenancy.unit}</td><td class="num">${
            h.value.members.filter((m) => m.to === undefined).length
          }</td><td>dal ${Labels.date(h.value.tenancy.leaseStart)}${h.value.tenancy.sap ? ", SAP" : ""}</td></tr>`
      )}</tbody>
</table></div>
<p class="actions"><a class="button secondary" href="/laboratori/${id}/nuclei/nuovo">Registra un nuovo nucleo</a></p>`
}

<h2 id="incontri">Incontri del progetto</h2>
${recorded === undefined ? "" : Html.notice("ok", "Incontro registrato", `L'incontro ${recorded} è stato registrato con il suo foglio presenze: i conteggi sotto lo includono.`)}
${involvement.tables.map((t) => raw(Report.tableHtml(t)))}
<p class="small">Conteggi di tutti i laboratori del progetto (report «${(Reports.catalogue[1] as Reports.Entry).title}»). ${
      involvement.disclosure === "published" ? "Dati pubblicati: i conteggi inferiori a 5 sono oscurati (●)." : ""
    }</p>

<h2 id="registra-incontro">Registra un incontro e le presenze</h2>
${form.refusal === undefined ? "" : Refusals.refusalNotice(form.refusal)}
${Html.errorSummary(form.errors)}
<form class="panel" method="post" action="/laboratori/${id}/incontri" novalidate>
<div class="grid">
${Html.select({
  ...field,
  name: "session.activity",
  options: lab.activities.map((a) => ({ value: a.id, label: Activity.titleOf(a) }))
})}
${Html.input({ ...field, name: "session.date", type: "date" })}
${Html.input({ ...field, name: "session.durationMinutes", inputmode: "numeric" })}
${Html.input({ ...field, name: "attendance.anonymous", inputmode: "numeric", hint: "persone presenti che non sono nel registro" })}
</div>
${Html.checkboxes({
  ...field,
  name: "attendance.named",
  options: people,
  empty:
    households._tag === "Refused"
      ? "Non puoi vedere le persone di questo laboratorio: indica solo quanti erano presenti."
      : "Nessuna persona registrata in questo laboratorio."
})}
<div class="actions"><button class="primary" type="submit">Registra l'incontro</button></div>
</form>`
  )
}
