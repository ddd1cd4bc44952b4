/**
 * The contributo regionale di solidarietà (L.R. 16/2016, art. 25, c. 2-3): a temporary
 * regional contribution for SAP assignees in proven, transitory economic hardship, towards
 * the service charges and, in some cases, the rent (shared/domain/facts.md §2.3).
 *
 * **The requirements and amounts are those of one municipal avviso**: the Comune di Peschiera
 * Borromeo's 2024 avviso (facts.md §2.3 [C]). The law sets the measure and its two target
 * groups; each year's regional criteria and each Comune's avviso set the figures, which may
 * differ elsewhere and in other years. So every figure is a dated parameter whose source is
 * that avviso, in force from 01/01/2024 (the avviso's own date was not read), and the rule
 * set cannot be evaluated before: an earlier edition (Milano 2016: € 1.200,00, 18 months of
 * tenancy, arrears ≤ € 4.000,00) would be a new step with its own source.
 *
 * Requirements (all confirmed in the avviso):
 * - the household is in the area della protezione, dell'accesso or della permanenza (art. 31
 *   L.R. 27/2009; a fact: the ISEE-ERP bands of the areas were not found, facts.md §2.4);
 * - it holds an SAP lease, at least 24 months old counted from the lease date: a lease exactly
 *   24 months old on the date qualifies (`Calendar.addMonths`, clamped to the end of a shorter
 *   month: a lease of 29/02/2020 is 24 months old on 28/02/2022);
 * - ISEE **below** € 9.360,00 (strictly: € 9.360,00 itself does not qualify);
 * - assets within the SAP access limits of r.r. 4/2017 art. 7, c. 1, lett. c — the very rule
 *   of `SapAccess`, not a copy;
 * - no decadenza order on the grounds of art. 25 r.r. 4/2017.
 *
 * The decision carries the maximum amount (`Entitlement`): € 1.850,00 for a household assigned
 * as indigent (art. 25, c. 2), which the avviso covers for no more than 36 months from the
 * lease date; € 2.700,00 for comprovata difficoltà economica (c. 3). The 36 months are over on
 * the day 36 months after the lease date (the same count as the 24). What a household assigned
 * as indigent receives after its 36 months is not said: we read it as the c. 3 amount, and
 * mark that case unverified.
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
import {
  assetsBase,
  assetsLimitSingle,
  assetsPerPse,
  assetsRule,
  householdSize,
  isee,
  patrimonio,
  pse
} from "./SapAccess.js"
import { leaseStart, sapLease } from "./TenancyFacts.js"

const t = Bilingual.make

// ---------------------------------------------------------------------------------------------
// sources
// ---------------------------------------------------------------------------------------------

/**
 * L.R. 16/2016, art. 25, c. 2-3: the measure and its two target groups (facts.md §2.3 [C]).
 *
 * @since 0.1.0
 * @category models
 */
export const lr16_2016: LegalReference.LegalReference = {
  act: "L.R. 16/2016",
  article: "art. 25, c. 2-3",
  url: "https://normelombardia.consiglio.regione.lombardia.it/NormeLombardia/Accessibile/main.aspx?iddoc=lr002016070800016",
  confidence: "confirmed",
  note: "purpose and target groups (c. 2 indigenti, c. 3 comprovata difficoltà economica) as read in D.G.R. X/5448/2016 and on the Ufficio di Piano di Lodi page (facts.md §2.3 [C]); the article's text was not read"
}

/**
 * The Comune di Peschiera Borromeo's 2024 avviso: the requirements and amounts this rule set
 * applies (facts.md §2.3 [C]).
 *
 * @since 0.1.0
 * @category models
 */
export const avvisoPeschiera2024: LegalReference.LegalReference = {
  act: "Comune di Peschiera Borromeo, avviso contributo di solidarietà 2024",
  url: "https://comune.peschieraborromeo.mi.it/it/news/120365/contributo-di-solidarieta-2024-per-chi-vive-in-una-casa-del-servizio-abitativo-pubblico-sap",
  confidence: "confirmed",
  note: "the terms of one municipal avviso (2024), applied as the measure's terms: other Comuni and years may set other figures"
}

/** The avviso's date was not read: its terms are applied from the start of 2024. */
const since = Calendar.unsafeMake("2024-01-01")
const sinceNote =
  "value read in the 2024 avviso (facts.md §2.3 [C]); applied from 01/01/2024 because the avviso's date was not read"

const parameter = (id: string, title: Bilingual.Bilingual, unit: "cents" | "months", value: number) =>
  Parameter.constant<number>({ id, title, unit, source: { ...avvisoPeschiera2024, note: sinceNote } }, since, value)

// ---------------------------------------------------------------------------------------------
// parameters
// ---------------------------------------------------------------------------------------------

/** The ISEE ceiling, € 9.360,00, not reached: the ISEE must be below it. @since 0.1.0 @category parameters */
export const iseeCeiling = parameter(
  "contributo-solidarieta.isee-ceiling",
  t("Soglia ISEE del contributo di solidarietà (esclusa)", "ISEE ceiling of the solidarity contribution (excluded)"),
  "cents",
  Money.euros(9_360)
)

/** The minimum age of the SAP assignment, 24 months from the lease date. @since 0.1.0 @category parameters */
export const tenureMonths = parameter(
  "contributo-solidarieta.tenure-months",
  t("Durata minima dell'assegnazione SAP", "Minimum length of the SAP assignment"),
  "months",
  24
)

/** The months from the lease date during which an indigent assignee gets the indigent amount, 36. @since 0.1.0 @category parameters */
export const indigentMonths = parameter(
  "contributo-solidarieta.indigent-months",
  t("Mesi di copertura dei nuclei assegnati come indigenti", "Months of cover of households assigned as destitute"),
  "months",
  36
)

/** The maximum amount for a household assigned as indigent, € 1.850,00. @since 0.1.0 @category parameters */
export const amountIndigent = parameter(
  "contributo-solidarieta.amount-indigent",
  t("Importo massimo per i nuclei assegnati come indigenti", "Maximum amount for households assigned as destitute"),
  "cents",
  Money.euros(1_850)
)

/** The maximum amount for comprovata difficoltà economica, € 2.700,00. @since 0.1.0 @category parameters */
export const amountHardship = parameter(
  "contributo-solidarieta.amount-hardship",
  t("Importo massimo per comprovata difficoltà economica", "Maximum amount for proven economic hardship"),
  "cents",
  Money.euros(2_700)
)

// ---------------------------------------------------------------------------------------------
// facts
// ---------------------------------------------------------------------------------------------

/**
 * The area of the household under art. 31 L.R. 27/2009 (by ISEE-ERP; facts.md §2.4: the
 * protezione band is up to € 9.000,00 ISEE-ERP, the others were not found — so the area is a
 * fact, never computed from the ISEE).
 *
 * @since 0.1.0
 * @category models
 */
export const rentArea = Fact.enumeration({
  id: "rentArea",
  label: t("area", "area"),
  phrase: t(
    "area del nucleo (protezione, accesso, permanenza o decadenza; art. 31 L.R. 27/2009)",
    "the household's area (protection, access, permanence or decadence; art. 31 L.R. 27/2009)"
  ),
  values: [
    { value: "protezione", label: t("protezione", "protection") },
    { value: "accesso", label: t("accesso", "access") },
    { value: "permanenza", label: t("permanenza", "permanence") },
    { value: "decadenza", label: t("decadenza", "decadence") }
  ]
})

/** Whether a decadenza order (art. 25 r.r. 4/2017) was issued against the household. @since 0.1.0 @category models */
export const decadenzaOrder = Fact.boolean({
  id: "decadenzaOrder",
  label: t("provvedimento di decadenza", "decadence order"),
  phrase: t(
    "se è stato emesso un provvedimento di decadenza dall'assegnazione (art. 25 r.r. 4/2017)",
    "whether an order of decadence from the assignment was issued (art. 25 r.r. 4/2017)"
  ),
  statements: {
    true: t("ha un provvedimento di decadenza dall'assegnazione", "has an order of decadence from the assignment"),
    false: t("non ha provvedimenti di decadenza dall'assegnazione", "has no order of decadence from the assignment")
  }
})

/** Whether the SAP dwelling was assigned to the household as indigent (art. 25, c. 2). @since 0.1.0 @category models */
export const assignedAsIndigent = Fact.boolean({
  id: "assignedAsIndigent",
  label: t("assegnazione come indigente", "assignment as destitute"),
  phrase: t(
    "se l'alloggio è stato assegnato al nucleo in quanto indigente",
    "whether the dwelling was assigned to the household as destitute"
  ),
  statements: {
    true: t("è stato assegnato come nucleo indigente", "was assigned as a destitute household"),
    false: t("non è stato assegnato come nucleo indigente", "was not assigned as a destitute household")
  }
})

// ---------------------------------------------------------------------------------------------
// rules
// ---------------------------------------------------------------------------------------------

const areaRule = Predicate.oneOf({
  id: "contributo-solidarieta.area",
  title: t("Area della protezione, dell'accesso o della permanenza", "Protection, access or permanence area"),
  source: {
    ...avvisoPeschiera2024,
    note: "the area of art. 31 L.R. 27/2009, as the avviso requires (facts.md §2.3 [C])"
  },
  fact: rentArea,
  values: ["protezione", "accesso", "permanenza"]
})

const tenancyRule = Rule.all(
  {
    id: "contributo-solidarieta.tenancy",
    title: t("Assegnatario SAP da almeno 24 mesi", "SAP assignee for at least 24 months"),
    source: avvisoPeschiera2024
  },
  [
    Predicate.is({
      id: "contributo-solidarieta.tenancy.sap",
      title: t("Assegnatario di un alloggio SAP", "Assignee of an SAP dwelling"),
      source: lr16_2016,
      fact: sapLease,
      value: true
    }),
    Predicate.monthsSince({
      id: "contributo-solidarieta.tenancy.months",
      title: t(
        "Assegnazione da almeno 24 mesi dalla data del contratto",
        "Assignment at least 24 months old from the lease date"
      ),
      source: avvisoPeschiera2024,
      fact: leaseStart,
      relation: ">=",
      period: tenureMonths
    })
  ]
)

const iseeRule = Predicate.compare({
  id: "contributo-solidarieta.isee",
  title: t("ISEE inferiore a € 9.360,00", "ISEE below € 9.360,00"),
  source: avvisoPeschiera2024,
  fact: isee,
  relation: "<",
  bound: Bound.parameter(iseeCeiling, t("alla soglia di", "the ceiling of"))
})

const assetsWithinSapLimits = Rule.all(
  {
    id: "contributo-solidarieta.assets",
    title: t("Patrimonio entro i limiti di accesso ai SAP", "Assets within the SAP access limits"),
    source: avvisoPeschiera2024
  },
  [assetsRule]
)

const decadenzaRule = Predicate.is({
  id: "contributo-solidarieta.decadenza",
  title: t("Nessun provvedimento di decadenza", "No decadence order"),
  source: avvisoPeschiera2024,
  fact: decadenzaOrder,
  value: false
})

// ---------------------------------------------------------------------------------------------
// amount
// ---------------------------------------------------------------------------------------------

const indigentSource: LegalReference.LegalReference = {
  ...avvisoPeschiera2024,
  note: "the avviso's amount for households assigned as indigenti (L.R. 16/2016, art. 25, c. 2), covering at most 36 months from the lease date"
}

/**
 * The maximum amount: € 1.850,00 for a household assigned as indigent, within 36 months of
 * its lease date; € 2.700,00 for one that was not (comprovata difficoltà economica); and — our
 * reading, unverified — € 2.700,00 for one assigned as indigent whose 36 months are over.
 *
 * @since 0.1.0
 * @category rules
 */
export const entitlement: Entitlement.Entitlement = Entitlement.make({
  id: "contributo-solidarieta.amount",
  title: t("Importo massimo del contributo di solidarietà", "Maximum solidarity contribution"),
  source: avvisoPeschiera2024,
  cases: [
    {
      id: "contributo-solidarieta.amount.indigent",
      title: t(
        "Nucleo assegnato come indigente, entro 36 mesi dalla data del contratto",
        "Household assigned as destitute, within 36 months of the lease date"
      ),
      source: indigentSource,
      condition: Rule.all(
        {
          id: "contributo-solidarieta.amount.indigent.when",
          title: t("Indigente entro 36 mesi dal contratto", "Destitute within 36 months of the lease"),
          source: indigentSource
        },
        [
          Predicate.is({
            id: "contributo-solidarieta.amount.indigent.assigned",
            title: t("Assegnazione come nucleo indigente", "Assignment as a destitute household"),
            source: { ...lr16_2016, article: "art. 25, c. 2" },
            fact: assignedAsIndigent,
            value: true
          }),
          Predicate.monthsSince({
            id: "contributo-solidarieta.amount.indigent.within",
            title: t("Entro 36 mesi dalla data del contratto", "Within 36 months of the lease date"),
            source: indigentSource,
            fact: leaseStart,
            relation: "<",
            period: indigentMonths
          })
        ]
      ),
      amount: amountIndigent
    },
    {
      id: "contributo-solidarieta.amount.hardship",
      title: t("Nucleo in comprovata difficoltà economica", "Household in proven economic hardship"),
      source: avvisoPeschiera2024,
      condition: Predicate.is({
        id: "contributo-solidarieta.amount.hardship.when",
        title: t("Assegnazione non come nucleo indigente", "Not assigned as a destitute household"),
        source: { ...lr16_2016, article: "art. 25, c. 3" },
        fact: assignedAsIndigent,
        value: false
      }),
      amount: amountHardship
    },
    {
      id: "contributo-solidarieta.amount.indigent-after-36-months",
      title: t(
        "Nucleo assegnato come indigente, oltre 36 mesi dalla data del contratto: comprovata difficoltà economica",
        "Household assigned as destitute, beyond 36 months of the lease date: proven economic hardship"
      ),
      source: {
        ...avvisoPeschiera2024,
        confidence: "unverified",
        note: "our reading: the avviso covers indigent households for at most 36 months from the lease date and does not say what they receive afterwards; we apply the amount of comprovata difficoltà economica (art. 25, c. 3)"
      },
      amount: amountHardship
    }
  ]
})

/**
 * The rule set of the contributo regionale di solidarietà, on the terms of the 2024 Peschiera
 * Borromeo avviso.
 *
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet = RuleSet.make({
  id: "contributo-solidarieta",
  version: "1.0.0",
  title: t("Contributo regionale di solidarietà", "Regional solidarity contribution"),
  source: avvisoPeschiera2024,
  facts: [rentArea, sapLease, leaseStart, isee, patrimonio, householdSize, pse, decadenzaOrder, assignedAsIndigent],
  parameters: [
    iseeCeiling,
    tenureMonths,
    assetsLimitSingle,
    assetsBase,
    assetsPerPse,
    indigentMonths,
    amountIndigent,
    amountHardship
  ],
  rule: Rule.all(
    {
      id: "contributo-solidarieta",
      title: t("Requisiti del contributo regionale di solidarietà", "Requirements of the solidarity contribution"),
      source: { ...lr16_2016 }
    },
    [areaRule, tenancyRule, iseeRule, assetsWithinSapLimits, decadenzaRule]
  ),
  entitlement
})
