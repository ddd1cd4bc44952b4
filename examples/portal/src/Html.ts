/**
 * The page shell and the form widgets, written with Hono's `html` template: every value put
 * into a template is HTML-escaped (`& < > " '`), so a name typed into a form — or a
 * `<script>` in a household id — is shown as text and never runs. Only two kinds of
 * pre-rendered markup are inserted with `raw`: the SVG chart and the accessible tables of
 * `@quartieri/export-html`, which escape their own text.
 *
 * Every field shows its problems inline, linked to the input with `aria-describedby` and
 * marked `aria-invalid`; the summary at the top lists them all with a link to each field.
 *
 * @since 0.1.0
 */
import { html } from "hono/html"
import type * as Actors from "./Actors.js"
import * as Forms from "./Forms.js"
import type { Directory } from "./Seed.js"

/**
 * A piece of HTML built with the `html` template.
 *
 * @since 0.1.0
 * @category models
 */
export type Html = ReturnType<typeof html>

/**
 * What the shell needs to know: the page title, the path (for the navigation and the actor
 * switcher's way back), the actor and the directory.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shell {
  readonly title: string
  readonly path: string
  readonly actor: Actors.Choice
  readonly choices: ReadonlyArray<Actors.Choice>
  readonly directory: Directory
}

const navLink = (shell: Shell, href: string, label: string) =>
  html`<li><a href="${href}"${shell.path === href || shell.path.startsWith(`${href}/`) ? html` aria-current="page"` : ""}>${label}</a></li>`

/**
 * A whole page: the bar with the navigation and the actor switcher, the demo warning, the
 * content and the footer.
 *
 * @since 0.1.0
 * @category constructors
 */
export const page = (shell: Shell, content: Html): Html => html`<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${shell.title} · quartieri — portale di esempio</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/stile.css">
</head>
<body>
<header class="topbar">
<div class="topbar-inner">
<a class="brand" href="/progetto">quartieri<small>portale di esempio</small></a>
<nav aria-label="Sezioni"><ul>
${navLink(shell, "/progetto", "Progetto")}
${shell.directory.laboratori.map((l) => navLink(shell, `/laboratori/${l.id}`, l.name.replace("Laboratorio sociale ", "Lab. ")))}
${navLink(shell, "/report", "Report")}
</ul></nav>
<form class="actor-switch" method="post" action="/attore">
<label for="attore">Agisci come</label>
<select id="attore" name="attore">
${shell.choices.map((c) => html`<option value="${c.key}"${c.key === shell.actor.key ? html` selected` : ""}>${c.label}</option>`)}
</select>
<input type="hidden" name="torna" value="${shell.path}">
<button type="submit">Cambia</button>
</form>
</div>
</header>
<div class="demo-banner"><p><strong>Portale dimostrativo, senza autenticazione:</strong> chiunque può scegliere chi impersonare. Progetto reale, dati di attività e persone <strong>sintetici</strong>.</p></div>
<main id="contenuto">
${content}
</main>
<footer class="site">Esempio di portale costruito su quartieri (facciata Promise, archivio SQLite incorporato). Nessuna risorsa esterna, nessuno script.</footer>
</body>
</html>`

// ---------------------------------------------------------------------------------------------
// form widgets
// ---------------------------------------------------------------------------------------------

/**
 * What every widget needs: its name (the path of its value in the request), its label, an
 * optional hint, the submitted values and the problems.
 *
 * @since 0.1.0
 * @category models
 */
export interface Field {
  readonly name: string
  readonly labels: Forms.Labels
  readonly values: Forms.Values
  readonly errors: Forms.Errors
  readonly hint?: string
}

const parts = (f: Field) => {
  const id = Forms.fieldId(f.name)
  const messages = f.errors.byField.get(f.name) ?? []
  const invalid = messages.length > 0
  const describedBy = [invalid ? `${id}-error` : "", f.hint === undefined ? "" : `${id}-hint`].filter((s) => s !== "")
  return {
    id,
    invalid,
    label: f.labels[f.name] ?? f.name,
    aria: html`${invalid ? html` aria-invalid="true"` : ""}${describedBy.length > 0 ? html` aria-describedby="${describedBy.join(" ")}"` : ""}`,
    hint: f.hint === undefined ? "" : html`<span class="hint" id="${id}-hint">${f.hint}</span>`,
    error: invalid
      ? html`<p class="field-error" id="${id}-error"><span class="sr-only">Errore: </span>${messages.join(" · ")}</p>`
      : ""
  }
}

/**
 * A text, date or number input.
 *
 * @since 0.1.0
 * @category constructors
 */
export const input = (f: Field & { readonly type?: "text" | "date"; readonly inputmode?: "numeric" | "decimal" }) => {
  const p = parts(f)
  return html`<div class="field${p.invalid ? " invalid" : ""}">
<label for="${p.id}">${p.label}${p.hint}</label>
<input type="${f.type ?? "text"}" id="${p.id}" name="${f.name}" value="${Forms.text(f.values, f.name)}"${f.inputmode === undefined ? "" : html` inputmode="${f.inputmode}"`}${p.aria}>
${p.error}
</div>`
}

/**
 * A drop-down list.
 *
 * @since 0.1.0
 * @category constructors
 */
export const select = (
  f: Field & { readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }> }
) => {
  const p = parts(f)
  const chosen = Forms.text(f.values, f.name)
  return html`<div class="field${p.invalid ? " invalid" : ""}">
<label for="${p.id}">${p.label}${p.hint}</label>
<select id="${p.id}" name="${f.name}"${p.aria}>
${f.options.map((o) => html`<option value="${o.value}"${o.value === chosen ? html` selected` : ""}>${o.label}</option>`)}
</select>
${p.error}
</div>`
}

/**
 * A single checkbox; checked when its value was submitted as `true`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkbox = (f: Field) => {
  const p = parts(f)
  return html`<div class="field check${p.invalid ? " invalid" : ""}">
<label for="${p.id}"><input type="checkbox" id="${p.id}" name="${f.name}" value="true"${Forms.text(f.values, f.name) === "true" ? html` checked` : ""}${p.aria}> ${p.label}</label>
${p.hint}${p.error}
</div>`
}

/**
 * A group of checkboxes sharing one name (a list of values), in a fieldset.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkboxes = (
  f: Field & {
    readonly options: ReadonlyArray<{ readonly value: string; readonly label: string }>
    readonly empty: string
  }
) => {
  const p = parts(f)
  const chosen = new Set(Forms.texts(f.values, f.name))
  return html`<fieldset class="field${p.invalid ? " invalid" : ""}" id="${p.id}"${p.aria}>
<legend>${p.label}</legend>
${p.hint}
${
  f.options.length === 0
    ? html`<p class="small">${f.empty}</p>`
    : html`<ul class="checks">${f.options.map(
        (o, i) =>
          html`<li><label><input type="checkbox" id="${p.id}-${i}" name="${f.name}" value="${o.value}"${chosen.has(o.value) ? html` checked` : ""}> ${o.label}</label></li>`
      )}</ul>`
}
${p.error}
</fieldset>`
}

/**
 * The summary of a refused submission: every problem, each linking to its field.
 *
 * @since 0.1.0
 * @category constructors
 */
export const errorSummary = (errors: Forms.Errors) =>
  errors.all.length === 0
    ? ""
    : html`<div class="notice error" role="alert" tabindex="-1" id="riepilogo-errori">
<h2>La richiesta non è stata accettata: ${errors.all.length === 1 ? "c'è un problema" : `ci sono ${errors.all.length} problemi`}</h2>
<p class="small">Nulla è stato registrato. Correggi i campi indicati e invia di nuovo.</p>
<ul>${errors.all.map((e) =>
        e.field === undefined
          ? html`<li>${e.label}: ${e.message}</li>`
          : html`<li><a href="#${Forms.fieldId(e.field)}">${e.label}</a>: ${e.message}</li>`
      )}</ul>
</div>`

/**
 * A notice: a refusal (`error`), a success (`ok`) or a remark (`info`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const notice = (kind: "error" | "ok" | "info", title: string, body?: Html | string) =>
  html`<div class="notice ${kind}" role="${kind === "error" ? "alert" : "status"}"><h2>${title}</h2>${
    body === undefined ? "" : html`<p>${body}</p>`
  }</div>`
