/**
 * The facts about a household's tenancy that several rule sets read: whether it holds an SAP
 * lease and since when, whether it lives in one of a project's complessi, and its rent arrears
 * (morosità) with their cause. Declared once here so that the contributo di solidarietà, the
 * Inclusione attiva pathways and the two arrears measures read the same fact under the same
 * id, and a household record maps onto them once (`FromRegistry`).
 *
 * The economic facts of SAP access (ISEE, assets, household size, PSE) are declared in
 * `SapAccess` and reused from there.
 *
 * @since 0.1.0
 */
import * as Bilingual from "../Bilingual.js"
import * as Fact from "../Fact.js"

const t = Bilingual.make

/**
 * Whether the household holds a lease of a servizi abitativi pubblici (SAP) dwelling — an
 * assignee of public housing under L.R. 16/2016.
 *
 * @since 0.1.0
 * @category models
 */
export const sapLease = Fact.boolean({
  id: "sapLease",
  label: t("contratto SAP", "SAP lease"),
  phrase: t(
    "se il nucleo è assegnatario di un alloggio dei servizi abitativi pubblici (SAP)",
    "whether the household holds a public-housing (SAP) lease"
  ),
  statements: {
    true: t("è assegnatario di un alloggio SAP", "holds an SAP lease"),
    false: t("non è assegnatario di un alloggio SAP", "holds no SAP lease")
  }
})

/**
 * The date of the household's lease contract (for an SAP household, the assignment's lease).
 *
 * @since 0.1.0
 * @category models
 */
export const leaseStart = Fact.date({
  id: "leaseStart",
  label: t("data del contratto di locazione", "lease date"),
  phrase: t("data del contratto di locazione", "the date of the lease contract")
})

/**
 * Whether the household lives in one of the complessi (condomini) where the project works.
 * Which complessi those are is the project's: the bridge from the registry
 * (`FromRegistry`) is told them.
 *
 * @since 0.1.0
 * @category models
 */
export const residesInProjectComplex = Fact.boolean({
  id: "residesInProjectComplex",
  label: t("residenza in un complesso del progetto", "residence in a complex of the project"),
  phrase: t(
    "se il nucleo risiede in uno dei complessi del progetto",
    "whether the household lives in one of the project's complexes"
  ),
  statements: {
    true: t("risiede in un complesso del progetto", "lives in a complex of the project"),
    false: t("non risiede in un complesso del progetto", "does not live in a complex of the project")
  }
})

/**
 * The rent arrears (morosità) of the household, in cents: unpaid rent and charges owed on the
 * date. Zero when it owes nothing.
 *
 * @since 0.1.0
 * @category models
 */
export const arrearsAmount = Fact.cents({
  id: "arrearsAmount",
  label: t("morosità", "arrears"),
  phrase: t("importo della morosità del nucleo (canoni e spese non pagati)", "the household's rent arrears")
})

/**
 * The cause of the arrears: `incolpevole` — caused by a loss or substantial reduction of the
 * household's income (dismissal, cassa integrazione, a fixed-term contract not renewed,
 * serious illness, a death…; facts.md §2.5) — or `colpevole`. Not assessed yet is missing.
 *
 * @since 0.1.0
 * @category models
 */
export const arrearsCause = Fact.enumeration({
  id: "arrearsCause",
  label: t("causa della morosità", "cause of the arrears"),
  phrase: t(
    "causa della morosità (incolpevole, per perdita o riduzione del reddito, o colpevole)",
    "the cause of the arrears (no-fault, from a loss or reduction of income, or culpable)"
  ),
  values: [
    {
      value: "incolpevole",
      label: t("incolpevole (perdita o riduzione del reddito)", "no-fault (loss or reduction of income)")
    },
    { value: "colpevole", label: t("colpevole", "culpable") }
  ]
})
