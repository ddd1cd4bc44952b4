/**
 * The form that registers a household with its intestatario at a laboratorio
 * (`registerHousehold`). The fields are named by their path in the request, so each problem
 * the use-case reports shows next to its field; the portal adds only what the visitor does
 * not type — the member entry (the person, as intestatario, from the lease start), the
 * recording date and the purpose of the consent.
 *
 * Special categories (GDPR art. 9: disability, foreign background, minority) may be recorded
 * only with the person's consent: without it, the answer is "non risponde", and quartieri
 * refuses a "sì" or "no" recorded without consent.
 *
 * @since 0.1.0
 */
import type { App } from "@quartieri/core"
import { html } from "hono/html"
import * as Forms from "../Forms.js"
import * as Html from "../Html.js"
import * as Labels from "../Labels.js"
import { actorOf, type PageContext } from "../PageContext.js"
import * as Refusals from "../Refusals.js"

/**
 * The fields of the form, named by their path in `registerHousehold`'s input.
 *
 * @since 0.1.0
 * @category parameters
 */
export const labels: Forms.Labels = {
  "household.id": "Codice del nucleo",
  "household.tenancy.complesso": "Complesso",
  "household.tenancy.unit": "Scala e interno",
  "household.tenancy.leaseStart": "Inizio del contratto",
  "household.tenancy.sap": "Contratto SAP (servizi abitativi pubblici)",
  "persons[0].id": "Codice della persona",
  "persons[0].birthDate": "Data di nascita",
  "persons[0].sex": "Sesso",
  "persons[0].citizenship.kind": "Cittadinanza",
  "persons[0].citizenship.permit": "Titolo di soggiorno (cittadini extra UE)",
  "persons[0].labourMarket": "Condizione occupazionale oggi",
  "persons[0].specialCategory.consent.given":
    "La persona acconsente a rispondere alle domande su categorie particolari",
  "persons[0].specialCategory.disability": "Disabilità",
  "persons[0].specialCategory.foreignBackground": "Origine straniera",
  "persons[0].specialCategory.minority": "Appartenenza a una minoranza",
  "household.isee[0].value": "Valore ISEE (€)",
  "household.isee[0].dsuDate": "Data della DSU",
  "household.isee[0].validUntil": "Attestazione valida fino al"
}

/**
 * Problems about what the portal derives, sent to the field the value came from.
 *
 * @since 0.1.0
 * @category parameters
 */
export const aliases: Readonly<Record<string, string>> = {
  "household.members[0].person": "persons[0].id",
  "household.members[0].from": "household.tenancy.leaseStart",
  "persons[0].citizenship": "persons[0].citizenship.kind",
  "persons[0].recordedOn": "persons[0].birthDate",
  "persons[0].specialCategory.consent.date": "persons[0].birthDate"
}

/**
 * The values the form starts with.
 *
 * @since 0.1.0
 * @category constructors
 */
export const blank = (site: string): Forms.Values => ({
  "household.tenancy.complesso": site,
  "household.tenancy.sap": "true",
  "persons[0].citizenship.kind": "IT",
  "persons[0].specialCategory.disability": "refused",
  "persons[0].specialCategory.foreignBackground": "refused",
  "persons[0].specialCategory.minority": "refused"
})

/**
 * The `registerHousehold` request of a submitted form, dated `today`. An amount or number
 * that does not parse is sent as the text typed, for the use-case to refuse with its own
 * message: hence the assertion of the static type.
 *
 * @since 0.1.0
 * @category constructors
 */
export const request = (
  project: string,
  laboratorio: string,
  values: Forms.Values,
  today: string
): App.Registry.RegisterHouseholdInput => {
  const v = (name: string) => Forms.text(values, name)
  const person = v("persons[0].id")
  const leaseStart = v("household.tenancy.leaseStart")
  const citizenship = v("persons[0].citizenship.kind")
  const permit = v("persons[0].citizenship.permit")
  const status = v("persons[0].labourMarket")
  const iseeGiven = ["value", "dsuDate", "validUntil"].some((k) => v(`household.isee[0].${k}`) !== "")
  return {
    project,
    laboratorio,
    household: {
      id: v("household.id"),
      tenancy: {
        complesso: v("household.tenancy.complesso"),
        unit: v("household.tenancy.unit"),
        leaseStart,
        sap: v("household.tenancy.sap") === "true"
      },
      members: [{ person, relation: "intestatario", from: leaseStart }],
      isee: iseeGiven
        ? [
            {
              value: Forms.cents(v("household.isee[0].value")),
              dsuDate: v("household.isee[0].dsuDate"),
              validUntil: v("household.isee[0].validUntil")
            }
          ]
        : [],
      arrears: []
    },
    persons: [
      {
        id: person,
        recordedOn: today,
        birthDate: v("persons[0].birthDate"),
        sex: v("persons[0].sex"),
        citizenship: citizenship === "non-EU" && permit !== "" ? { kind: citizenship, permit } : { kind: citizenship },
        labourMarket: status === "" ? [] : [{ status, from: today }],
        specialCategory: {
          disability: v("persons[0].specialCategory.disability"),
          foreignBackground: v("persons[0].specialCategory.foreignBackground"),
          minority: v("persons[0].specialCategory.minority"),
          consent: {
            given: v("persons[0].specialCategory.consent.given") === "true",
            date: today,
            purpose: "monitoraggio FSE e gestione sociale"
          }
        }
      }
    ]
  } as App.Registry.RegisterHouseholdInput
}

/**
 * Registers a submitted household: its id, or the form to show again with the problems.
 *
 * @since 0.1.0
 * @category constructors
 */
export const register = async (
  ctx: PageContext,
  laboratorio: string,
  values: Forms.Values
): Promise<
  { readonly _tag: "Registered"; readonly household: string } | { readonly _tag: "Refused"; readonly form: Forms.State }
> => {
  try {
    const { value: lab } = await ctx.quartieri.getLaboratorio(actorOf(ctx), { id: laboratorio })
    const registered = await ctx.quartieri.registerHousehold(
      actorOf(ctx),
      request(lab.project, laboratorio, values, ctx.today)
    )
    return { _tag: "Registered", household: registered.household.id }
  } catch (error) {
    return { _tag: "Refused", form: Forms.refused(error, values, labels, aliases) }
  }
}

const options = <K extends string>(
  labelsOf: { readonly [k in K]: string },
  first?: string
): ReadonlyArray<{ readonly value: string; readonly label: string }> => [
  ...(first === undefined ? [] : [{ value: "", label: first }]),
  ...Object.entries<string>(labelsOf).map(([value, label]) => ({ value, label }))
]

/**
 * Renders the registration form of a laboratorio.
 *
 * @since 0.1.0
 * @category constructors
 */
export const render = async (ctx: PageContext, laboratorio: string, form: Forms.State): Promise<Html.Html> => {
  const { value: lab } = await ctx.quartieri.getLaboratorio(actorOf(ctx), { id: laboratorio })
  const field = { labels, values: form.values, errors: form.errors }
  const answers = options(Labels.answer)
  return Html.page(
    ctx.shell("Nuovo nucleo"),
    html`<p class="kicker"><a href="/laboratori/${lab.id}">${lab.name}</a></p>
<h1>Registra un nucleo familiare</h1>
<p class="lead">Il nucleo e il suo intestatario. I codici sono quelli del vostro registro: mai un codice fiscale o un nome.</p>
${form.refusal === undefined ? "" : Refusals.refusalNotice(form.refusal)}
${Html.errorSummary(form.errors)}
<form class="panel" method="post" action="/laboratori/${lab.id}/nuclei" novalidate>
<fieldset><legend>Nucleo e contratto</legend>
<div class="grid">
${Html.input({ ...field, name: "household.id", hint: "lettere, cifre, . _ : -" })}
${Html.select({
  ...field,
  name: "household.tenancy.complesso",
  options: ctx.directory.complessi.map((c) => ({ value: c.id, label: c.address }))
})}
${Html.input({ ...field, name: "household.tenancy.unit", hint: "es. scala B, int. 12" })}
${Html.input({ ...field, name: "household.tenancy.leaseStart", type: "date" })}
</div>
${Html.checkbox({ ...field, name: "household.tenancy.sap" })}
</fieldset>
<fieldset><legend>Intestatario</legend>
<div class="grid">
${Html.input({ ...field, name: "persons[0].id", hint: "codice opaco del registro, es. persona-101" })}
${Html.input({ ...field, name: "persons[0].birthDate", type: "date" })}
${Html.select({ ...field, name: "persons[0].sex", options: options(Labels.sex, "— scegli —") })}
${Html.select({ ...field, name: "persons[0].citizenship.kind", options: options(Labels.citizenship, "— scegli —") })}
${Html.select({ ...field, name: "persons[0].citizenship.permit", options: options(Labels.permit, "— non pertinente —") })}
${Html.select({ ...field, name: "persons[0].labourMarket", options: options(Labels.labourStatus, "— non rilevata —") })}
</div>
</fieldset>
<fieldset><legend>Categorie particolari di dati (art. 9 GDPR)</legend>
${Html.checkbox({ ...field, name: "persons[0].specialCategory.consent.given", hint: "Senza consenso si registra «non risponde»." })}
<div class="grid">
${Html.select({ ...field, name: "persons[0].specialCategory.disability", options: answers })}
${Html.select({ ...field, name: "persons[0].specialCategory.foreignBackground", options: answers })}
${Html.select({ ...field, name: "persons[0].specialCategory.minority", options: answers })}
</div>
</fieldset>
<fieldset><legend>Attestazione ISEE (facoltativa)</legend>
<div class="grid">
${Html.input({ ...field, name: "household.isee[0].value", inputmode: "decimal", hint: "in euro, es. 9.800,00" })}
${Html.input({ ...field, name: "household.isee[0].dsuDate", type: "date" })}
${Html.input({ ...field, name: "household.isee[0].validUntil", type: "date" })}
</div>
</fieldset>
<div class="actions"><button class="primary" type="submit">Registra il nucleo</button><a href="/laboratori/${lab.id}">Annulla</a></div>
</form>`
  )
}
