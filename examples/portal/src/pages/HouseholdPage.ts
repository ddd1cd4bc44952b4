/**
 * The household page: the tenancy, the members with their person records, the ISEE
 * attestations and the arrears ledger — personal data, which only the project's own people
 * and the auditor may read (the Region is refused) — and the **eligibility check**.
 *
 * The check is a form with one field per fact of the chosen rule set. The facts the registry
 * knows on the date (ISEE, household size, citizenship…) are filled in from the household
 * (`Eligibility.FromRegistry`) and marked "dal registro"; the others (assets, PSE, years in
 * Lombardy…) are the operator's to supply, and a fact left empty stays **missing**: the
 * decision is then "non determinabile" and says what is missing. `evaluateEligibility` stores
 * the decision with the hash of its inputs; the page shows its Italian explanation and the
 * hints — what would change the outcome.
 *
 * @since 0.1.0
 */
import { randomUUID } from "node:crypto"
import { App, Calendar, Eligibility, type Ids, Money } from "@quartieri/core"
import { html } from "hono/html"
import * as Forms from "../Forms.js"
import * as Html from "../Html.js"
import * as Labels from "../Labels.js"
import { actorOf, type PageContext } from "../PageContext.js"
import * as Refusals from "../Refusals.js"

type Fact = Eligibility.Fact.Any
type RuleSet = Eligibility.RuleSet.RuleSet

/**
 * The rule set with `id` among those quartieri ships, or the first (SAP access).
 *
 * @since 0.1.0
 * @category utils
 */
export const ruleSetOf = (id: string | undefined): RuleSet =>
  Eligibility.RuleSets.all.find((rs) => rs.id === id) ?? (Eligibility.RuleSets.all[0] as RuleSet)

/**
 * A member's person record, or `undefined` when it is gone: never registered, or erased
 * (GDPR art. 17), in which case the page shows `–` and the eligibility bridge lacks it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const personOf = (ctx: PageContext, id: string): Promise<App.Records.PersonRecord | undefined> =>
  ctx.quartieri.getPerson(actorOf(ctx), { id }).then(
    (p) => p.value,
    (error: unknown) => {
      if (error instanceof App.Facade.errors.NotFound) return undefined
      if (typeof error === "object" && error !== null && "_tag" in error && error._tag === "PersonErased")
        return undefined
      throw error
    }
  )

const isCents = (fact: Fact) => fact.schema === (Money.NonNegativeCents as unknown)
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * The fields of the eligibility form of a rule set: the rule set, the date, and one per fact
 * (`facts.isee`…), labelled with the fact's own Italian label.
 *
 * @since 0.1.0
 * @category constructors
 */
export const eligibilityLabels = (ruleSet: RuleSet): Forms.Labels => ({
  ruleSet: "Regole",
  asOf: "Data di riferimento",
  ...Object.fromEntries(ruleSet.facts.map((f) => [`facts.${f.id}`, capitalise(f.label.it)]))
})

/**
 * A fact's value as the form shows it: cents as euros (`9.800,00`), a yes/no as `true`/`false`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const factText = (fact: Fact, value: unknown): string =>
  value === undefined || value === null
    ? ""
    : isCents(fact) && typeof value === "number"
      ? Money.formatPlain(Money.Cents.make(value))
      : String(value)

/**
 * A fact's value as typed in the form, for the request: absent when empty (a missing fact).
 *
 * @since 0.1.0
 * @category constructors
 */
export const factValue = (fact: Fact, typed: string): unknown => {
  if (typed === "") return undefined
  if (fact.kind === "boolean") return typed === "true" ? true : typed === "false" ? false : typed
  if (fact.kind === "integer") return isCents(fact) ? Forms.cents(typed) : Forms.wholeNumber(typed)
  return typed
}

/**
 * The facts the registry gives for a household on a date, through the rule set's bridge:
 * none for a date that is not a calendar date (the use-case will say so).
 *
 * @since 0.1.0
 * @category constructors
 */
export const registryFacts = (
  ruleSet: RuleSet,
  household: App.Records.HouseholdRecord,
  context: {
    readonly asOf: string
    readonly persons: ReadonlyArray<App.Records.PersonRecord>
    readonly directory: PageContext["directory"]
    readonly projectSites: ReadonlyArray<Ids.SiteId>
  }
): Eligibility.Fact.Input => {
  const bridge = Eligibility.FromRegistry.all.find((b) => b.ruleSet.id === ruleSet.id)
  if (bridge === undefined || !Calendar.isCalendarDate(context.asOf)) return {}
  return bridge.facts(household, {
    asOf: context.asOf,
    persons: context.persons,
    complessi: context.directory.complessi,
    projectComplessi: context.projectSites
  })
}

/**
 * The values of the eligibility form: the rule set, the date and the registry's facts.
 *
 * @since 0.1.0
 * @category constructors
 */
export const eligibilityValues = (ruleSet: RuleSet, asOf: string, facts: Eligibility.Fact.Input): Forms.Values => ({
  ruleSet: ruleSet.id,
  asOf,
  ...Object.fromEntries(ruleSet.facts.map((f) => [`facts.${f.id}`, factText(f, facts[f.id])]))
})

/**
 * Evaluates a submitted eligibility form: the stored decision's id, or the form to show
 * again with the problems.
 *
 * @since 0.1.0
 * @category constructors
 */
export const evaluate = async (
  ctx: PageContext,
  household: string,
  values: Forms.Values
): Promise<
  { readonly _tag: "Decided"; readonly decision: string } | { readonly _tag: "Refused"; readonly form: Forms.State }
> => {
  const ruleSet = ruleSetOf(Forms.text(values, "ruleSet"))
  const facts = Object.fromEntries(
    ruleSet.facts.flatMap((f) => {
      const value = factValue(f, Forms.text(values, `facts.${f.id}`))
      return value === undefined ? [] : [[f.id, value]]
    })
  )
  try {
    const decided = await ctx.quartieri.evaluateEligibility(actorOf(ctx), {
      id: `decisione-${randomUUID()}`,
      ruleSet: ruleSet.id,
      household,
      asOf: Forms.text(values, "asOf"),
      facts
    })
    return { _tag: "Decided", decision: decided.id }
  } catch (error) {
    return { _tag: "Refused", form: Forms.refused(error, values, eligibilityLabels(ruleSet)) }
  }
}

const factField = (fact: Fact, field: Omit<Html.Field, "name">, fromRegistry: boolean) => {
  const name = `facts.${fact.id}`
  const hint = `${fact.phrase.it}${isCents(fact) ? ", in euro" : fact.kind === "decimal" ? ", es. 1,57" : ""}${
    fromRegistry ? " — dal registro" : ""
  }`
  if (fact.domain !== undefined)
    return Html.select({
      ...field,
      name,
      hint,
      options: [
        { value: "", label: "— non noto —" },
        ...fact.domain.map((v) => ({ value: String(v), label: fact.show(v).it }))
      ]
    })
  return Html.input({
    ...field,
    name,
    hint,
    ...(fact.kind === "date" ? { type: "date" as const } : {}),
    ...(fact.kind === "integer" || fact.kind === "decimal" ? { inputmode: "decimal" as const } : {})
  })
}

const decisionView = (record: App.Records.DecisionRecord) => {
  const d = record.decision
  const ruleSet = ruleSetOf(d.ruleSet.id)
  return html`<section id="esito" class="decision ${d.outcome}" aria-labelledby="esito-titolo">
<p class="kicker">Esito della verifica · ${ruleSet.title.it}</p>
<p class="outcome" id="esito-titolo">${Labels.outcome[d.outcome]}</p>
<h3>Spiegazione</h3>
<blockquote class="explanation">${d.explanation.it}</blockquote>
${
  d.hints.length === 0
    ? ""
    : html`<h3>${d.outcome === "undetermined" ? "Cosa serve per decidere" : "Cosa cambierebbe l'esito"}</h3>
<ul class="hints">${d.hints.map((h) => html`<li>${h.text.it}</li>`)}</ul>`
}
<p class="small">Regole ${d.ruleSet.id} ${d.ruleSet.version}, alla data ${Labels.date(d.asOf)}. Decisione registrata ${record.id}; impronta degli input <code>${d.inputHash.slice(0, 23)}…</code>.</p>
</section>`
}

/**
 * What the household page shows besides the household: the rule set and date of the check
 * (the query of the page), the submitted eligibility form when it was refused, the decision
 * just stored, and whether the household was just registered.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly ruleSet?: string
  readonly asOf?: string
  readonly form?: Forms.State
  readonly decision?: string
  readonly registered?: boolean
}

/**
 * Renders the household page.
 *
 * @since 0.1.0
 * @category constructors
 */
export const render = async (ctx: PageContext, id: string, options: Options = {}): Promise<Html.Html> => {
  const who = actorOf(ctx)
  const { value: household } = await ctx.quartieri.getHousehold(who, { id })
  const persons = await Promise.all(household.members.map((m) => personOf(ctx, m.person)))
  const { value: project } = await ctx.quartieri.getProject(who, { id: household.project })
  const decision =
    options.decision === undefined
      ? undefined
      : await Refusals.attempt(ctx.quartieri.getDecision(who, { id: options.decision }))
  const lab = ctx.directory.laboratori.find((l) => l.id === household.laboratorio)
  const ruleSet = ruleSetOf(options.form === undefined ? options.ruleSet : Forms.text(options.form.values, "ruleSet"))
  const asOf = options.form === undefined ? (options.asOf ?? ctx.today) : Forms.text(options.form.values, "asOf")
  const fromRegistry = registryFacts(ruleSet, household, {
    asOf,
    persons: persons.filter((p) => p !== undefined),
    directory: ctx.directory,
    projectSites: project.sites
  })
  const form = options.form ?? Forms.fresh(eligibilityValues(ruleSet, asOf, fromRegistry))
  const field = { labels: eligibilityLabels(ruleSet), values: form.values, errors: form.errors }
  const complesso = ctx.directory.complessi.find((c) => c.id === household.tenancy.complesso)

  return Html.page(
    ctx.shell(`Nucleo ${household.id}`),
    html`<p class="kicker"><a href="/laboratori/${household.laboratorio}">${lab?.name ?? household.laboratorio}</a></p>
<h1>Nucleo ${household.id}</h1>
${options.registered === true ? Html.notice("ok", "Nucleo registrato", "Il nucleo e il suo intestatario sono nel registro.") : ""}
<dl class="facts">
<dt>Alloggio</dt><dd>${complesso?.address ?? household.tenancy.complesso}, ${household.tenancy.unit}</dd>
<dt>Contratto</dt><dd>dal ${Labels.date(household.tenancy.leaseStart)}${household.tenancy.sap ? ", SAP" : ", non SAP"}</dd>
${household.socialServices === undefined ? "" : html`<dt>Servizi sociali</dt><dd>conosciuto dal ${Labels.date(household.socialServices.since)}</dd>`}
</dl>

<h2>Componenti</h2>
<div class="table-wrap"><table>
<caption>Componenti del nucleo, con i periodi di appartenenza</caption>
<thead><tr><th scope="col">Persona</th><th scope="col">Relazione</th><th scope="col">Periodo</th><th scope="col">Nascita</th><th scope="col">Sesso</th><th scope="col">Cittadinanza</th></tr></thead>
<tbody>${household.members.map((m, i) => {
      const p = persons[i]
      return html`<tr><th scope="row">${m.person}</th><td>${Labels.relation[m.relation]}</td><td>dal ${Labels.date(m.from)}${
        m.to === undefined ? "" : ` al ${Labels.date(m.to)}`
      }</td><td>${p === undefined ? "–" : Labels.date(p.birthDate)}</td><td>${p === undefined ? "–" : Labels.sex[p.sex]}</td><td>${
        p === undefined ? "–" : Labels.citizenship[p.citizenship.kind]
      }</td></tr>`
    })}</tbody>
</table></div>

<div class="columns">
<section><h2>ISEE</h2>${
      household.isee.length === 0
        ? html`<p class="small">Nessuna attestazione registrata.</p>`
        : html`<ul class="plain">${household.isee.map(
            (r) =>
              html`<li><strong>${Labels.euros(r.value)}</strong> — DSU del ${Labels.date(r.dsuDate)}, valida fino al ${Labels.date(r.validUntil)}</li>`
          )}</ul>`
    }</section>
<section><h2>Morosità</h2>${
      household.arrears.length === 0
        ? html`<p class="small">Nessuna morosità registrata.</p>`
        : html`<ul class="plain">${household.arrears.map(
            (e) =>
              html`<li>al ${Labels.date(e.date)}: <strong>${Labels.euros(e.owed)}</strong>, ${e.monthsInArrears} mensilità, causa ${e.cause === "unknown" ? "non valutata" : e.cause}</li>`
          )}</ul>`
    }</section>
</div>

<h2 id="idoneita">Verifica dei requisiti</h2>
${decision === undefined ? "" : decision._tag === "Refused" ? Refusals.refusalNotice(decision.refusal) : decisionView(decision.value.value)}
<form method="get" action="/nuclei/${household.id}#idoneita" class="panel">
<div class="grid">
${Html.select({
  ...field,
  name: "ruleSet",
  options: Eligibility.RuleSets.all.map((rs) => ({ value: rs.id, label: rs.title.it }))
})}
${Html.input({ ...field, name: "asOf", type: "date" })}
</div>
<div class="actions"><button class="primary" type="submit">Prepara la verifica</button><span class="small">I dati dal registro sono letti alla data di riferimento.</span></div>
</form>
${form.refusal === undefined ? "" : Refusals.refusalNotice(form.refusal)}
${Html.errorSummary(form.errors)}
<form method="post" action="/nuclei/${household.id}/idoneita" class="panel" novalidate>
<input type="hidden" name="ruleSet" value="${ruleSet.id}">
<input type="hidden" name="asOf" value="${asOf}">
<p><strong>${ruleSet.title.it}</strong> (versione ${ruleSet.version}) alla data ${Labels.date(asOf)}. Lascia vuoto ciò che non sai: il requisito resta da verificare.</p>
<div class="grid">
${ruleSet.facts.map((f) => factField(f, field, fromRegistry[f.id] !== undefined))}
</div>
<div class="actions"><button class="primary" type="submit">Verifica l'idoneità</button></div>
</form>`
  )
}
