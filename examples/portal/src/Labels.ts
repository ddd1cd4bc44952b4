/**
 * Italian labels of the codes the pages show or offer in a form: relations in the household,
 * sex, citizenship and permits, labour-market status, special-category answers, outcomes of
 * an eligibility decision. The codes are quartieri's; the labels are the portal's.
 *
 * @since 0.1.0
 */
import {
  type Eligibility,
  type Household,
  type LabourMarketStatus,
  Money,
  type Person,
  type SpecialCategory
} from "@quartieri/core"

/**
 * A member's relation to the intestatario.
 *
 * @since 0.1.0
 * @category formatting
 */
export const relation: { readonly [R in Household.Relation]: string } = {
  intestatario: "intestatario",
  "coniuge-partner": "coniuge o convivente",
  figlio: "figlio/a",
  genitore: "genitore",
  "altro-parente": "altro parente",
  altro: "altro"
}

/**
 * Sex as recorded (codice fiscale convention).
 *
 * @since 0.1.0
 * @category formatting
 */
export const sex: { readonly [S in Person.Person["sex"]]: string } = { F: "femmina", M: "maschio" }

/**
 * Citizenship classes.
 *
 * @since 0.1.0
 * @category formatting
 */
export const citizenship: { readonly [K in Person.Citizenship["kind"]]: string } = {
  IT: "italiana",
  EU: "di un altro Paese UE",
  "non-EU": "di un Paese extra UE"
}

/**
 * Permit types of a non-EU citizen.
 *
 * @since 0.1.0
 * @category formatting
 */
export const permit: { readonly [P in Person.Permit]: string } = {
  "eu-long-term": "permesso UE per soggiornanti di lungo periodo",
  "at-least-2-years": "permesso di almeno due anni",
  other: "altro permesso",
  none: "nessun permesso valido"
}

/**
 * Labour-market status.
 *
 * @since 0.1.0
 * @category formatting
 */
export const labourStatus: { readonly [S in LabourMarketStatus.Status]: string } = {
  employed: "occupato/a",
  "self-employed": "lavoratore/trice autonomo/a",
  unemployed: "disoccupato/a",
  "inactive-in-education-or-training": "inattivo/a, in istruzione o formazione",
  "inactive-not-in-education-or-training": "inattivo/a, non in istruzione né formazione"
}

/**
 * Answers to a special-category question.
 *
 * @since 0.1.0
 * @category formatting
 */
export const answer: { readonly [A in SpecialCategory.TriState]: string } = {
  yes: "sì",
  no: "no",
  refused: "non risponde"
}

/**
 * Outcomes of an eligibility decision.
 *
 * @since 0.1.0
 * @category formatting
 */
export const outcome: { readonly [O in Eligibility.Decision.Decision["outcome"]]: string } = {
  eligible: "Idoneo",
  ineligible: "Non idoneo",
  undetermined: "Non determinabile"
}

/**
 * `YYYY-MM-DD` as `dd/mm/yyyy`; any other text as it is.
 *
 * @since 0.1.0
 * @category formatting
 */
export const date = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m === null ? iso : `${m[3]}/${m[2]}/${m[1]}`
}

/**
 * Cents as euros, the way the explanations write them: `€ 9.800,00`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const euros = (cents: Money.Cents): string => Money.format(cents)
