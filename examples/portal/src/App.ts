/**
 * The portal's routes, on Hono. Each route reads the request, calls the page that asks
 * quartieri through the Promise facade, and answers with HTML; a form that the use-case
 * refuses is shown again with its problems (422, or 403 when the actor may not), and a form
 * that succeeds redirects (303) to the page that shows the result, so a reload never submits
 * twice.
 *
 * | route | what |
 * |---|---|
 * | `GET /progetto` | the project, its key figures, the budget execution chart |
 * | `GET /laboratori/:id`, `POST …/incontri` | the laboratorio; record a session and its attendance |
 * | `GET /laboratori/:id/nuclei/nuovo`, `POST …/nuclei` | register a household |
 * | `GET /nuclei/:id`, `POST …/idoneita` | the household; check its eligibility |
 * | `GET /report`, `GET /report/:slug.:format` | the reports and their files (XLSX, CSV, HTML) |
 * | `POST /attore` | choose whom to act as (a cookie: **no authentication**) |
 *
 * Every response carries a Content-Security-Policy that allows nothing but this server's
 * style sheet and forms (no script at all), and a form must come from this origin (Hono's
 * `csrf` check of `Origin`). See the README for what a real portal must add.
 *
 * @since 0.1.0
 */
import type { App as Quartieri } from "@quartieri/core"
import { Hono } from "hono"
import { getCookie, setCookie } from "hono/cookie"
import { csrf } from "hono/csrf"
import { HTTPException } from "hono/http-exception"
import { secureHeaders } from "hono/secure-headers"
import * as Actors from "./Actors.js"
import * as Forms from "./Forms.js"
import * as Html from "./Html.js"
import type { PageContext } from "./PageContext.js"
import * as HouseholdPage from "./pages/HouseholdPage.js"
import * as LaboratorioPage from "./pages/LaboratorioPage.js"
import * as ProjectPage from "./pages/ProjectPage.js"
import * as RegisterHouseholdPage from "./pages/RegisterHouseholdPage.js"
import * as ReportsPage from "./pages/ReportsPage.js"
import * as Refusals from "./Refusals.js"
import * as Reports from "./Reports.js"
import type { Directory } from "./Seed.js"
import { css } from "./Style.js"

/**
 * What the routes work with: the facade over the store, the portal's directory, and the
 * date it takes as today.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly quartieri: Quartieri.Facade.Client
  readonly directory: Directory
  readonly today: string
}

type Env = { Variables: { ctx: PageContext } }

// a path on this server, never another site: `/nuclei/h-1`, not `//evil.example` or `https:…`
const localPath = (path: string | undefined): string =>
  path !== undefined && /^\/(?![/\\])[^\s]*$/.test(path) ? path : "/progetto"

/**
 * The Hono application of the portal.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options): Hono<Env> => {
  const app = new Hono<Env>()

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"]
      }
    })
  )
  // the actor of the request: chosen from a list and kept in a cookie — NOT authentication
  app.use(async (c, next) => {
    const actor = Actors.choose(getCookie(c, Actors.cookieName))
    const path = c.req.path
    c.set("ctx", {
      ...options,
      actor,
      shell: (title) => ({ title, path, actor, choices: Actors.choices, directory: options.directory })
    })
    await next()
  })
  app.use(csrf())

  app.get("/", (c) => c.redirect("/progetto", 303))
  app.get("/stile.css", (c) => c.body(css, 200, { "content-type": "text/css; charset=utf-8" }))

  app.post("/attore", async (c) => {
    const body = Forms.fromBody(await c.req.parseBody())
    const choice = Actors.choose(Forms.text(body, "attore"))
    setCookie(c, Actors.cookieName, choice.key, { path: "/", httpOnly: true, sameSite: "Strict" })
    return c.redirect(localPath(Forms.text(body, "torna")), 303)
  })

  app.get("/progetto", async (c) => c.html(await ProjectPage.render(c.var.ctx)))

  app.get("/laboratori/:id", async (c) =>
    c.html(
      await LaboratorioPage.render(
        c.var.ctx,
        c.req.param("id"),
        Forms.fresh(LaboratorioPage.blankSession(options.today)),
        c.req.query("registrato")
      )
    )
  )

  app.post("/laboratori/:id/incontri", async (c) => {
    const id = c.req.param("id")
    const values = Forms.fromBody(await c.req.parseBody({ all: true }))
    const result = await LaboratorioPage.record(c.var.ctx, id, values)
    if (result._tag === "Recorded")
      return c.redirect(
        `/laboratori/${encodeURIComponent(id)}?registrato=${encodeURIComponent(result.session)}#incontri`,
        303
      )
    return c.html(
      await LaboratorioPage.render(c.var.ctx, id, result.form),
      result.form.refusal === undefined ? 422 : 403
    )
  })

  app.get("/laboratori/:id/nuclei/nuovo", async (c) => {
    const id = c.req.param("id")
    const site = options.directory.laboratori.find((l) => l.id === id)?.site ?? ""
    return c.html(await RegisterHouseholdPage.render(c.var.ctx, id, Forms.fresh(RegisterHouseholdPage.blank(site))))
  })

  app.post("/laboratori/:id/nuclei", async (c) => {
    const id = c.req.param("id")
    const values = Forms.fromBody(await c.req.parseBody())
    const result = await RegisterHouseholdPage.register(c.var.ctx, id, values)
    if (result._tag === "Registered")
      return c.redirect(`/nuclei/${encodeURIComponent(result.household)}?registrato=1`, 303)
    return c.html(
      await RegisterHouseholdPage.render(c.var.ctx, id, result.form),
      result.form.refusal === undefined ? 422 : 403
    )
  })

  app.get("/nuclei/:id", async (c) => {
    const ruleSet = c.req.query("ruleSet")
    const asOf = c.req.query("asOf")
    const decision = c.req.query("decisione")
    return c.html(
      await HouseholdPage.render(c.var.ctx, c.req.param("id"), {
        ...(ruleSet === undefined ? {} : { ruleSet }),
        ...(asOf === undefined ? {} : { asOf }),
        ...(decision === undefined ? {} : { decision }),
        registered: c.req.query("registrato") !== undefined
      })
    )
  })

  app.post("/nuclei/:id/idoneita", async (c) => {
    const id = c.req.param("id")
    const values = Forms.fromBody(await c.req.parseBody())
    const result = await HouseholdPage.evaluate(c.var.ctx, id, values)
    if (result._tag === "Decided") {
      const query = new URLSearchParams({
        ruleSet: Forms.text(values, "ruleSet"),
        asOf: Forms.text(values, "asOf"),
        decisione: result.decision
      })
      return c.redirect(`/nuclei/${encodeURIComponent(id)}?${query.toString()}#esito`, 303)
    }
    return c.html(
      await HouseholdPage.render(c.var.ctx, id, { form: result.form }),
      result.form.refusal === undefined ? 422 : 403
    )
  })

  app.get("/report", async (c) => c.html(await ReportsPage.render(c.var.ctx)))

  app.get("/report/:file", async (c) => {
    const [slug, format] = c.req.param("file").split(".")
    const entry = Reports.catalogue.find((e) => e.slug === slug)
    if (entry === undefined || format === undefined || !(format in Reports.formats)) return c.notFound()
    const ctx = c.var.ctx
    const { value: project } = await ctx.quartieri.getProject(ctx.actor.actor, { id: ctx.directory.project })
    const report = await Reports.run(ctx.quartieri, ctx.actor.actor, entry, project)
    const table = c.req.query("tabella")
    const file = await Reports.file(report, entry, project, format as Reports.Format, {
      asOf: options.today,
      ...(table === undefined ? {} : { table })
    })
    return c.body(file.bytes.slice().buffer, 200, {
      "content-type": Reports.formats[format as Reports.Format],
      "content-disposition": `attachment; filename="${file.name}"`
    })
  })

  app.notFound((c) =>
    c.html(
      Html.page(c.var.ctx.shell("Pagina non trovata"), Html.notice("info", "Pagina non trovata", "Torna al progetto.")),
      404
    )
  )

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse()
    const { status, page } = Refusals.errorPage(c.var.ctx, error)
    return c.html(page, status)
  })

  return app
}
