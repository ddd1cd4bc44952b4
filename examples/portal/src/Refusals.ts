/**
 * What the portal does with a use-case's refusal. The facade rejects with quartieri's typed
 * errors, so the portal tells them apart with `instanceof` (`App.Facade.errors`):
 *
 * | error | page |
 * |---|---|
 * | `NotAuthorized` | 403, with the policy's reason in Italian (`reasonIt`) |
 * | `NotFound` | 404 (told only to an actor who could act on the record if it existed) |
 * | `InvalidInput` | 400 with every problem (a form shows them inline instead: `Forms`) |
 * | `StoreError` `Conflict` | 409: someone changed the record meanwhile, reload |
 * | anything else | 500, logged |
 *
 * @since 0.1.0
 */
import { type Access, App } from "@quartieri/core"
import { html } from "hono/html"
import * as Html from "./Html.js"
import type { PageContext } from "./PageContext.js"

const { InvalidInput, NotAuthorized, NotFound, StoreError } = App.Facade.errors

/**
 * A section of a page that the actor may or may not see: its value, or the refusal.
 *
 * @since 0.1.0
 * @category models
 */
export type Attempt<A> =
  | { readonly _tag: "Allowed"; readonly value: A }
  | { readonly _tag: "Refused"; readonly refusal: Access.NotAuthorized }

/**
 * Runs a read whose refusal is part of the page (a partner may see one laboratorio's
 * households, the Region none): `Refused` with the reason instead of an error page. Any
 * other failure rejects as before.
 *
 * @since 0.1.0
 * @category constructors
 */
export const attempt = async <A>(read: Promise<A>): Promise<Attempt<A>> => {
  try {
    return { _tag: "Allowed", value: await read }
  } catch (error) {
    if (error instanceof NotAuthorized) return { _tag: "Refused", refusal: error }
    throw error
  }
}

/**
 * The notice of a refusal inside a page.
 *
 * @since 0.1.0
 * @category constructors
 */
export const refusalNotice = (refusal: Access.NotAuthorized): Html.Html =>
  Html.notice("error", "Non autorizzato", `${sentence(refusal.reasonIt)}. Scegli un altro attore in alto per provare.`)

/**
 * A reason as a sentence: its first letter in upper case.
 *
 * @since 0.1.0
 * @category formatting
 */
export const sentence = (reason: string): string => reason.charAt(0).toUpperCase() + reason.slice(1)

/**
 * The status and page for an error that ends a request.
 *
 * @since 0.1.0
 * @category constructors
 */
export const errorPage = (
  ctx: PageContext,
  error: unknown
): { readonly status: 400 | 403 | 404 | 409 | 500; readonly page: Html.Html } => {
  const shown = (status: 400 | 403 | 404 | 409 | 500, title: string, body: Html.Html) => ({
    status,
    page: Html.page(ctx.shell(title), html`<h1>${title}</h1>${body}<p><a href="/progetto">Torna al progetto</a></p>`)
  })
  if (error instanceof NotAuthorized)
    return shown(
      403,
      "Non autorizzato",
      html`<p class="lead">${sentence(error.reasonIt)}.</p><p>Agisci come <strong>${ctx.actor.label}</strong>: scegli un altro attore in alto per vedere cosa cambia.</p>`
    )
  if (error instanceof NotFound)
    return shown(404, "Non trovato", html`<p class="lead">Il dato richiesto non esiste.</p>`)
  if (error instanceof InvalidInput)
    return shown(
      400,
      "Richiesta non valida",
      html`<ul>${error.problems.map((p) => html`<li>${p.path === "" ? "" : `${p.path}: `}${p.message}</li>`)}</ul>`
    )
  if (error instanceof StoreError && error.reason === "Conflict")
    return shown(
      409,
      "Dati modificati nel frattempo",
      html`<p class="lead">Qualcuno ha modificato questo dato dopo che l'hai letto: nulla è stato registrato. Ricarica la pagina e riprova.</p>`
    )
  console.error("portal: unexpected error", error)
  return shown(
    500,
    "Errore interno",
    html`<p class="lead">Si è verificato un errore imprevisto. Riprova più tardi.</p>`
  )
}
