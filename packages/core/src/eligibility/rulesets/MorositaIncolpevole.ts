/**
 * The national fund for tenants in no-fault arrears on the private rental market (fondo
 * inquilini morosi incolpevoli: DL 102/2013, art. 6, c. 5, conv. L. 124/2013), as Lombardy
 * applies it (D.G.R. XI/602/2018 and XI/5395/2021; shared/domain/facts.md §2.5, confirmed):
 *
 * - ISEE not above € 26.000,00, **or** ISE not above € 35.000,00 (an `any`);
 * - an eviction notice for arrears with a summons for validation (intimazione di sfratto per
 *   morosità con citazione per la convalida);
 * - a registered lease of a dwelling not in cadastral category A/1, A/8 or A/9;
 * - residence in the dwelling for at least 1 year (a lease exactly one year old qualifies);
 * - the arrears are incolpevoli: caused by a loss or substantial reduction of income (the
 *   fund's name and its definition, facts.md §2.5);
 * - **unless** the lease is an SAP lease: SAP tenants are excluded from the private-market
 *   measures (an exception, `Rule.unless`); inside SAP, no-fault arrears go through the
 *   contributo di solidarietà.
 *
 * The decision carries the maximum contribution, € 12.000,00.
 *
 * The parameters apply from 01/10/2018, the date of D.G.R. XI/602 as we remember it (facts.md
 * gives its number only); whether D.G.R. 5395/2021 changed any figure was not compared.
 *
 * @since 0.1.0
 */
import * as Calendar from "../../Calendar.js"
import type * as LegalReference from "../../LegalReference.js"
import * as Money from "../../Money.js"
import * as Parameter from "../../Parameter.js"
import * as Bilingual from "../Bilingual.js"
import * as Bound from "../Bound.js"
import * as Entitlement from "../Entitlement.js"
import * as Fact from "../Fact.js"
import * as Predicate from "../Predicate.js"
import * as Rule from "../Rule.js"
import * as RuleSet from "../RuleSet.js"
import { isee } from "./SapAccess.js"
import { arrearsCause, sapLease } from "./TenancyFacts.js"

const t = Bilingual.make

// ---------------------------------------------------------------------------------------------
// sources
// ---------------------------------------------------------------------------------------------

/**
 * The fund and its Lombardy terms (facts.md §2.5 [C]).
 *
 * @since 0.1.0
 * @category models
 */
export const fund: LegalReference.LegalReference = {
  act: "DL 102/2013, art. 6, c. 5 (conv. L. 124/2013); D.G.R. XI/602/2018; D.G.R. XI/5395/2021",
  url: "https://www.comune.desio.mb.it/it/page/contributi-per-la-morosita-incolpevole",
  confidence: "confirmed",
  note: "requirements of the fund for no-fault arrears on the private market as Lombardy applies it, read on municipal pages (Comune di Desio, Comune di Bollate; facts.md §2.5 [C]); the DGRs' texts were not read"
}

/**
 * The definition of morosità incolpevole: arrears caused by a loss or substantial reduction of
 * the household's income (facts.md §2.5 [C], Comune di Bollate).
 *
 * @since 0.1.0
 * @category models
 */
export const definition: LegalReference.LegalReference = {
  act: "DL 102/2013, art. 6, c. 5 (conv. L. 124/2013)",
  url: "https://comune.bollate.mi.it/attivita-correlata/morosita-incolpevole/",
  confidence: "confirmed",
  note: "definition of morosità incolpevole (dismissal, mobilità, cassa integrazione, a fixed-term contract not renewed, reduced hours, closure of a business, serious illness, injury or death of a member) read on the Comune di Bollate page (facts.md §2.5 [C])"
}

/**
 * The exclusion of SAP leases (facts.md §2.5 [C]).
 *
 * @since 0.1.0
 * @category models
 */
export const sapExclusion: LegalReference.LegalReference = {
  ...fund,
  note: "the fund is for leases on the private market; SAP leases are excluded from these private-market measures, as the Comune di Vedano al Lambro page states about D.G.R. XI/2974/2020 (facts.md §2.5 [C]; its URL was not recorded)"
}

const since = Calendar.unsafeMake("2018-10-01")
const sinceNote =
  "value read as the fund's Lombardy terms (facts.md §2.5 [C]); applied from 01/10/2018, the date of D.G.R. XI/602/2018 from memory (facts.md gives the number only); D.G.R. 5395/2021 was not compared"

const parameter = (id: string, title: Bilingual.Bilingual, unit: "cents" | "years", value: number) =>
  Parameter.constant<number>({ id, title, unit, source: { ...fund, note: sinceNote } }, since, value)

// ---------------------------------------------------------------------------------------------
// parameters
// ---------------------------------------------------------------------------------------------

/** The ISEE ceiling, € 26.000,00. @since 0.1.0 @category parameters */
export const iseeCeiling = parameter(
  "morosita-incolpevole.isee-ceiling",
  t("Soglia ISEE del fondo morosità incolpevole", "ISEE ceiling of the no-fault arrears fund"),
  "cents",
  Money.euros(26_000)
)

/** The ISE ceiling, € 35.000,00, the alternative to the ISEE. @since 0.1.0 @category parameters */
export const iseCeiling = parameter(
  "morosita-incolpevole.ise-ceiling",
  t("Soglia ISE del fondo morosità incolpevole", "ISE ceiling of the no-fault arrears fund"),
  "cents",
  Money.euros(35_000)
)

/** The minimum residence in the dwelling, 1 year. @since 0.1.0 @category parameters */
export const residenceYears = parameter(
  "morosita-incolpevole.residence-years",
  t("Residenza minima nell'alloggio", "Minimum residence in the dwelling"),
  "years",
  1
)

/** The maximum contribution, € 12.000,00. @since 0.1.0 @category parameters */
export const maximumAmount = parameter(
  "morosita-incolpevole.maximum-amount",
  t("Contributo massimo del fondo morosità incolpevole", "Maximum contribution of the no-fault arrears fund"),
  "cents",
  Money.euros(12_000)
)

// ---------------------------------------------------------------------------------------------
// facts
// ---------------------------------------------------------------------------------------------

/** The household's ISE (indicatore della situazione economica), in cents. @since 0.1.0 @category models */
export const ise = Fact.cents({
  id: "ise",
  label: t("ISE", "ISE"),
  phrase: t("ISE (indicatore della situazione economica) del nucleo", "the household's ISE")
})

/** Whether the tenant received an eviction notice for arrears with a summons for validation. @since 0.1.0 @category models */
export const evictionNotice = Fact.boolean({
  id: "evictionNotice",
  label: t("intimazione di sfratto", "eviction notice"),
  phrase: t(
    "se il nucleo ha ricevuto un'intimazione di sfratto per morosità con citazione per la convalida",
    "whether the household received an eviction notice for arrears with a summons for validation"
  ),
  statements: {
    true: t(
      "ha ricevuto un'intimazione di sfratto per morosità con citazione per la convalida",
      "received an eviction notice for arrears with a summons for validation"
    ),
    false: t(
      "non ha ricevuto un'intimazione di sfratto per morosità con citazione per la convalida",
      "received no eviction notice for arrears with a summons for validation"
    )
  }
})

/** Whether the lease is registered. @since 0.1.0 @category models */
export const leaseRegistered = Fact.boolean({
  id: "leaseRegistered",
  label: t("registrazione del contratto", "lease registration"),
  phrase: t("se il contratto di locazione è registrato", "whether the lease is registered"),
  statements: {
    true: t("ha un contratto di locazione registrato", "has a registered lease"),
    false: t("non ha un contratto di locazione registrato", "has no registered lease")
  }
})

/** The cadastral category of the dwelling: A/1, A/8, A/9 or another. @since 0.1.0 @category models */
export const dwellingCategory = Fact.enumeration({
  id: "dwellingCategory",
  label: t("categoria catastale dell'alloggio", "cadastral category of the dwelling"),
  phrase: t("categoria catastale dell'alloggio", "the dwelling's cadastral category"),
  values: [
    { value: "A1", label: t("A/1 (abitazione di tipo signorile)", "A/1 (luxury dwelling)") },
    { value: "A8", label: t("A/8 (abitazione in villa)", "A/8 (villa)") },
    { value: "A9", label: t("A/9 (castello o palazzo di pregio)", "A/9 (castle or historic palace)") },
    { value: "altra", label: t("diversa da A/1, A/8 e A/9", "other than A/1, A/8 and A/9") }
  ]
})

/** The date from which the household lives in the dwelling. @since 0.1.0 @category models */
export const residenceStart = Fact.date({
  id: "residenceStart",
  label: t("inizio della residenza nell'alloggio", "start of residence in the dwelling"),
  phrase: t("data da cui il nucleo risiede nell'alloggio", "the date from which the household lives in the dwelling")
})

// ---------------------------------------------------------------------------------------------
// rules
// ---------------------------------------------------------------------------------------------

const requirements = Rule.all(
  {
    id: "morosita-incolpevole.requirements",
    title: t("Requisiti del fondo morosità incolpevole", "Requirements of the no-fault arrears fund"),
    source: fund
  },
  [
    Rule.any(
      {
        id: "morosita-incolpevole.economic",
        title: t("ISEE o ISE entro le soglie", "ISEE or ISE within the ceilings"),
        source: fund
      },
      [
        Predicate.compare({
          id: "morosita-incolpevole.economic.isee",
          title: t("ISEE non superiore a € 26.000,00", "ISEE not above € 26.000,00"),
          source: fund,
          fact: isee,
          relation: "<=",
          bound: Bound.parameter(iseeCeiling, t("alla soglia di", "the ceiling of"))
        }),
        Predicate.compare({
          id: "morosita-incolpevole.economic.ise",
          title: t("ISE non superiore a € 35.000,00", "ISE not above € 35.000,00"),
          source: fund,
          fact: ise,
          relation: "<=",
          bound: Bound.parameter(iseCeiling, t("alla soglia di", "the ceiling of"))
        })
      ]
    ),
    Predicate.is({
      id: "morosita-incolpevole.eviction",
      title: t("Intimazione di sfratto per morosità con citazione per la convalida", "Eviction notice with summons"),
      source: fund,
      fact: evictionNotice,
      value: true
    }),
    Rule.all(
      {
        id: "morosita-incolpevole.lease",
        title: t(
          "Contratto registrato, alloggio non di categoria A/1, A/8, A/9",
          "Registered lease, dwelling not in category A/1, A/8, A/9"
        ),
        source: fund
      },
      [
        Predicate.is({
          id: "morosita-incolpevole.lease.registered",
          title: t("Contratto di locazione registrato", "Registered lease"),
          source: fund,
          fact: leaseRegistered,
          value: true
        }),
        Predicate.oneOf({
          id: "morosita-incolpevole.lease.category",
          title: t("Alloggio non di categoria A/1, A/8, A/9", "Dwelling not in category A/1, A/8, A/9"),
          source: fund,
          fact: dwellingCategory,
          values: ["altra"]
        })
      ]
    ),
    Predicate.monthsSince({
      id: "morosita-incolpevole.residence",
      title: t("Residenza nell'alloggio da almeno un anno", "Residence in the dwelling for at least one year"),
      source: fund,
      fact: residenceStart,
      relation: ">=",
      period: residenceYears
    }),
    Predicate.is({
      id: "morosita-incolpevole.cause",
      title: t("Morosità incolpevole", "No-fault arrears"),
      source: definition,
      fact: arrearsCause,
      value: "incolpevole"
    })
  ]
)

/**
 * The maximum contribution, € 12.000,00, for every eligible household.
 *
 * @since 0.1.0
 * @category rules
 */
export const entitlement: Entitlement.Entitlement = Entitlement.make({
  id: "morosita-incolpevole.amount",
  title: t("Contributo massimo del fondo morosità incolpevole", "Maximum contribution of the no-fault arrears fund"),
  source: fund,
  cases: [
    {
      id: "morosita-incolpevole.amount.maximum",
      title: t("Contributo massimo per contratto", "Maximum contribution per lease"),
      source: fund,
      amount: maximumAmount
    }
  ]
})

/**
 * The rule set of the private-market fund for no-fault arrears.
 *
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet = RuleSet.make({
  id: "morosita-incolpevole",
  version: "1.0.0",
  title: t("Fondo morosità incolpevole (mercato privato)", "No-fault arrears fund (private market)"),
  source: fund,
  facts: [isee, ise, evictionNotice, leaseRegistered, dwellingCategory, residenceStart, arrearsCause, sapLease],
  parameters: [iseeCeiling, iseCeiling, residenceYears, maximumAmount],
  rule: Rule.unless(
    {
      id: "morosita-incolpevole",
      title: t("Fondo morosità incolpevole, esclusi i contratti SAP", "No-fault arrears fund, SAP leases excluded"),
      source: sapExclusion
    },
    requirements,
    Predicate.is({
      id: "morosita-incolpevole.sap-lease",
      title: t("Contratto SAP (escluso)", "SAP lease (excluded)"),
      source: sapExclusion,
      fact: sapLease,
      value: true
    })
  ),
  entitlement
})
