/**
 * Access to the servizi abitativi pubblici (SAP) of Lombardy: the requirements of r.r.
 * 4 agosto 2017, n. 4, art. 7, c. 1 (shared/domain/facts.md §2.2), as a rule set.
 *
 * - lett. a — citizenship or residence permit (confirmed): an Italian or EU citizen; a
 *   non-EU holder of an EU long-term residence permit; a non-EU national with a permit of at
 *   least two years in regular employed or self-employed work; a foreigner whom State law
 *   entitles to equal treatment;
 * - residence or work in Lombardy (L.R. 16/2016, art. 22, c. 1, lett. b): at the date of
 *   application (confirmed), and — a dated parameter — for at least 5 years in the original
 *   text, none since Corte cost. 44/2020 struck the five years down. The date and effect of
 *   that step are unverified (facts.md [M]); the current art. 7 has no lett. b;
 * - lett. c — ISEE not above € 16.000,00; assets (patrimonio) not above € 22.000,00 for a
 *   one-person household, € 16.000,00 + € 5.000,00 × PSE for larger ones, where PSE is the
 *   household's ISEE equivalence-scale parameter (confirmed);
 * - lett. d — no ownership or other real right on a dwelling adequate for the household, in
 *   Italy or abroad (confirmed; rewritten by r.r. 2/2025).
 *
 * Facts are plain values; mapping a household record onto them is the caller's job.
 *
 * @since 0.1.0
 */
import * as Calendar from "../../Calendar.js"
import * as LegalReference from "../../LegalReference.js"
import * as Money from "../../Money.js"
import * as Parameter from "../../Parameter.js"
import * as Bilingual from "../Bilingual.js"
import * as Bound from "../Bound.js"
import * as Fact from "../Fact.js"
import * as Predicate from "../Predicate.js"
import * as Rule from "../Rule.js"
import * as RuleSet from "../RuleSet.js"

const t = Bilingual.make
const d = Calendar.unsafeMake

// ---------------------------------------------------------------------------------------------
// sources
// ---------------------------------------------------------------------------------------------

/**
 * r.r. 4/2017, art. 7 (current text), on Norme Lombardia.
 *
 * @since 0.1.0
 * @category models
 */
export const rr4_2017: LegalReference.LegalReference = {
  act: "r.r. 4/2017",
  url: "https://normelombardia.consiglio.regione.lombardia.it/normelombardia/Accessibile/main.aspx?idparte=rr002017080400004ar0007a&view=showpart",
  confidence: "confirmed"
}

/**
 * L.R. 16/2016, art. 22, c. 1, lett. b: residence or work in Lombardy at the date of
 * application, what remains after Corte cost. 44/2020 (facts.md §2.2 [C]).
 *
 * @since 0.1.0
 * @category models
 */
export const residenceRequirement: LegalReference.LegalReference = {
  act: "L.R. 16/2016",
  article: "art. 22, c. 1, lett. b",
  url: "https://comune.costadimezzate.bg.it/novita/notizie/dettaglio-notizia/Assegnazione-dei-servizi-abitativi-pubblici",
  confidence: "confirmed",
  note: "residence or work in Lombardy at the date of application (facts.md §2.2 [C], comune di Costa di Mezzate); the article is the one Corte cost. 44/2020 cut"
}

/**
 * Corte costituzionale, sentenza 44/2020: the five years of residence or work are
 * unconstitutional. The declaration was read; its date of effect and its reach into r.r.
 * 4/2017 were not read in an act (facts.md §2.2 [M]).
 *
 * @since 0.1.0
 * @category models
 */
export const corteCost44_2020: LegalReference.LegalReference = {
  act: "Corte cost. 44/2020",
  url: "https://giurcost.org/decisioni/2020/0044s-20.html",
  confidence: "unverified",
  note: "declares art. 22, c. 1, lett. b L.R. 16/2016 unconstitutional limited to «per almeno cinque anni nel periodo immediatamente precedente la data di presentazione della domanda» (read). Published in G.U. 11/03/2020 n. 11, hence without effect from 12/03/2020 (art. 136 Cost.); that date, and that r.r. 4/2017 art. 7 lett. b fell with it, are not read in an act (facts.md §2.2 [M])"
}

const lett = (letter: string) => LegalReference.at(rr4_2017, `art. 7, c. 1, lett. ${letter}`)

/** In force from the day after publication in BURL (08/08/2017); the entry-into-force clause was not read. */
const since = d("2017-08-09")
const valueNote =
  "value of the current text; whether the original 2017 text and r.r. 3/2019 had the same value was not compared; in force from 09/08/2017, the day after publication in BURL (entry-into-force clause not read)"

// ---------------------------------------------------------------------------------------------
// parameters
// ---------------------------------------------------------------------------------------------

/** The ISEE ceiling, € 16.000,00. @since 0.1.0 @category parameters */
export const iseeCeiling = Parameter.constant<number>(
  {
    id: "sap.access.isee-ceiling",
    title: t("Soglia ISEE per l'accesso ai SAP", "ISEE ceiling for SAP access"),
    unit: "cents",
    source: { ...lett("c"), note: valueNote }
  },
  since,
  Money.euros(16_000)
)

/** The asset limit of a one-person household, € 22.000,00. @since 0.1.0 @category parameters */
export const assetsLimitSingle = Parameter.constant<number>(
  {
    id: "sap.access.assets-limit-single",
    title: t("Limite del patrimonio per un nucleo di una persona", "Asset limit for a one-person household"),
    unit: "cents",
    source: { ...lett("c"), note: valueNote }
  },
  since,
  Money.euros(22_000)
)

/** The fixed part of the asset limit of larger households, € 16.000,00. @since 0.1.0 @category parameters */
export const assetsBase = Parameter.constant<number>(
  {
    id: "sap.access.assets-base",
    title: t("Quota fissa del limite del patrimonio", "Fixed part of the asset limit"),
    unit: "cents",
    source: { ...lett("c"), note: valueNote }
  },
  since,
  Money.euros(16_000)
)

/** The asset limit per point of the equivalence scale, € 5.000,00. @since 0.1.0 @category parameters */
export const assetsPerPse = Parameter.constant<number>(
  {
    id: "sap.access.assets-per-pse",
    title: t("Quota del limite del patrimonio per punto di PSE", "Asset limit per point of the equivalence scale"),
    unit: "cents",
    source: { ...lett("c"), note: valueNote }
  },
  since,
  Money.euros(5_000)
)

/**
 * Minimum years of residence or work in Lombardy: 5 in the original text (L.R. 16/2016
 * art. 22, and r.r. 4/2017 art. 7 lett. b), none since Corte cost. 44/2020 (unverified).
 *
 * @since 0.1.0
 * @category parameters
 */
export const residenceYears = Parameter.make<number>({
  id: "sap.access.residence-years",
  title: t("Anni minimi di residenza o lavoro in Lombardia", "Minimum years of residence or work in Lombardy"),
  unit: "years",
  source: {
    act: "r.r. 4/2017",
    article: "art. 7, c. 1, lett. b (testo originario)",
    url: "https://giurcost.org/decisioni/2020/0044s-20.html",
    confidence: "confirmed",
    note: "five years immediately before the application, as in L.R. 16/2016 art. 22, c. 1, lett. b: read in the text of Corte cost. 44/2020, which quotes the law and says the regulation had the same requirement (facts.md §2.2 tags it [M])"
  },
  steps: [
    { from: since, value: 5 },
    { from: d("2020-03-12"), value: 0, source: corteCost44_2020 }
  ]
})

// ---------------------------------------------------------------------------------------------
// facts
// ---------------------------------------------------------------------------------------------

/** The applicant's citizenship. @since 0.1.0 @category models */
export const citizenship = Fact.enumeration({
  id: "citizenship",
  label: t("cittadinanza", "citizenship"),
  phrase: t("cittadinanza del richiedente", "the applicant's citizenship"),
  values: [
    { value: "italiana", label: t("italiana", "Italian") },
    { value: "ue", label: t("di altro Stato dell'Unione europea", "of another EU state") },
    { value: "extra-ue", label: t("di uno Stato non UE, o apolide", "non-EU, or stateless") }
  ]
})

/** The residence permit of a non-EU applicant. @since 0.1.0 @category models */
export const residencePermit = Fact.enumeration({
  id: "residencePermit",
  label: t("titolo di soggiorno", "residence permit"),
  phrase: t("titolo di soggiorno del richiedente", "the applicant's residence permit"),
  values: [
    {
      value: "ue-lungo-periodo",
      label: t("permesso UE per soggiornanti di lungo periodo", "EU long-term residence permit")
    },
    { value: "almeno-biennale", label: t("permesso di durata almeno biennale", "permit of at least two years") },
    {
      value: "parita-trattamento",
      label: t(
        "titolo che per legge statale dà parità di trattamento",
        "status entitled to equal treatment by State law"
      )
    },
    { value: "altro", label: t("altro titolo o nessuno", "another permit or none") }
  ]
})

/** Whether the applicant is in regular employed or self-employed work. @since 0.1.0 @category models */
export const regularWork = Fact.boolean({
  id: "regularWork",
  label: t("attività lavorativa", "work"),
  phrase: t("se il richiedente svolge regolare attività di lavoro", "whether the applicant is in regular work"),
  statements: {
    true: t(
      "svolge regolare attività di lavoro subordinato o autonomo",
      "is in regular employed or self-employed work"
    ),
    false: t("non svolge regolare attività di lavoro", "is not in regular work")
  }
})

/** Whether the applicant lives or works in Lombardy at the date of application. @since 0.1.0 @category models */
export const residesOrWorksInLombardy = Fact.boolean({
  id: "residesOrWorksInLombardy",
  label: t("residenza o lavoro in Lombardia", "residence or work in Lombardy"),
  phrase: t("se il richiedente risiede o lavora in Lombardia", "whether the applicant lives or works in Lombardy"),
  statements: {
    true: t("risiede o lavora in Lombardia", "lives or works in Lombardy"),
    false: t("non risiede né lavora in Lombardia", "neither lives nor works in Lombardy")
  }
})

/** Completed years of residence or work in Lombardy immediately before the application. @since 0.1.0 @category models */
export const yearsInLombardy = Fact.integer({
  id: "yearsInLombardy",
  label: t("durata della residenza o del lavoro in Lombardia", "residence or work in Lombardy"),
  phrase: t(
    "anni compiuti di residenza o lavoro in Lombardia prima della domanda",
    "completed years of residence or work in Lombardy before the application"
  ),
  min: 0,
  unit: { one: t("anno", "year"), many: t("anni", "years") }
})

/** The household's ISEE, in cents. @since 0.1.0 @category models */
export const isee = Fact.cents({
  id: "isee",
  label: t("ISEE", "ISEE"),
  phrase: t("ISEE del nucleo familiare", "the household's ISEE")
})

/** The household's assets (patrimonio), in cents. @since 0.1.0 @category models */
export const patrimonio = Fact.cents({
  id: "patrimonio",
  label: t("patrimonio", "assets"),
  phrase: t("patrimonio del nucleo familiare", "the household's assets (patrimonio)")
})

/** The number of household members. @since 0.1.0 @category models */
export const householdSize = Fact.integer({
  id: "householdSize",
  label: t("numero dei componenti", "household size"),
  phrase: t("numero dei componenti del nucleo familiare", "the number of household members"),
  min: 1,
  max: 99,
  unit: { one: t("persona", "person"), many: t("persone", "persons") }
})

/** The ISEE equivalence-scale parameter of the household, as thousandths (`"1.57"` → 1570). @since 0.1.0 @category models */
export const pse = Fact.thousandths({
  id: "pse",
  label: t("PSE", "PSE"),
  phrase: t(
    "parametro della scala di equivalenza ISEE (PSE) del nucleo",
    "the household's ISEE equivalence-scale parameter (PSE)"
  ),
  min: 1000,
  max: 99_999
})

/** Whether the household owns (or has another real right on) an adequate dwelling. @since 0.1.0 @category models */
export const ownsAdequateDwelling = Fact.boolean({
  id: "ownsAdequateDwelling",
  label: t("alloggio adeguato", "adequate dwelling"),
  phrase: t(
    "se il nucleo ha la proprietà o altro diritto reale su un alloggio adeguato, in Italia o all'estero",
    "whether the household owns, or has another real right on, an adequate dwelling in Italy or abroad"
  ),
  statements: {
    true: t(
      "ha la proprietà o altro diritto reale su un alloggio adeguato",
      "owns or has another real right on an adequate dwelling"
    ),
    false: t(
      "non ha la proprietà né altri diritti reali su un alloggio adeguato",
      "owns no adequate dwelling and has no other real right on one"
    )
  }
})

// ---------------------------------------------------------------------------------------------
// rules
// ---------------------------------------------------------------------------------------------

const limitOf = t("al limite di", "the limit of")

/**
 * € 16.000,00 + € 5.000,00 × PSE, the PSE in thousandths, rounded half up to the cent (exact
 * for the values in force: € 5.000,00 × a thousandth is € 5,00).
 */
const familyLimit = Bound.derived({
  facts: { pse },
  parameters: { base: assetsBase, perPse: assetsPerPse },
  against: limitOf,
  monotone: "increasing",
  compute: ({ facts, parameters }) => {
    const variable = Number((BigInt(parameters.perPse) * BigInt(facts.pse) * 2n + 1000n) / 2000n)
    return {
      value: parameters.base + variable,
      // written only for a sentence: screening a register decides without it
      how: () => {
        const text = `${Money.format(Money.Cents.make(parameters.base))} + ${Money.format(Money.Cents.make(parameters.perPse))} × PSE ${Fact.formatThousandths(facts.pse)}`
        return Bilingual.make(text, text)
      }
    }
  }
})

const citizenshipRule = Rule.any(
  {
    id: "sap.access.citizenship",
    title: t("Cittadinanza o titolo di soggiorno", "Citizenship or residence permit"),
    source: lett("a")
  },
  [
    Predicate.oneOf({
      id: "sap.access.citizenship.italian-or-eu",
      title: t("Cittadinanza italiana o di uno Stato UE", "Italian or EU citizenship"),
      source: lett("a"),
      fact: citizenship,
      values: ["italiana", "ue"]
    }),
    Predicate.oneOf({
      id: "sap.access.citizenship.permit",
      title: t(
        "Permesso UE per soggiornanti di lungo periodo o parità di trattamento",
        "EU long-term residence permit or equal treatment"
      ),
      source: lett("a"),
      fact: residencePermit,
      values: ["ue-lungo-periodo", "parita-trattamento"]
    }),
    Rule.all(
      {
        id: "sap.access.citizenship.biennial-permit-and-work",
        title: t(
          "Permesso almeno biennale e regolare attività lavorativa",
          "Permit of at least two years and regular work"
        ),
        source: lett("a")
      },
      [
        Predicate.is({
          id: "sap.access.citizenship.biennial-permit",
          title: t("Permesso di soggiorno almeno biennale", "Residence permit of at least two years"),
          source: lett("a"),
          fact: residencePermit,
          value: "almeno-biennale"
        }),
        Predicate.is({
          id: "sap.access.citizenship.regular-work",
          title: t("Regolare attività di lavoro subordinato o autonomo", "Regular employed or self-employed work"),
          source: lett("a"),
          fact: regularWork,
          value: true
        })
      ]
    )
  ]
)

const residenceRule = Rule.all(
  {
    id: "sap.access.residence",
    title: t("Residenza o lavoro in Lombardia", "Residence or work in Lombardy"),
    source: residenceRequirement
  },
  [
    Predicate.is({
      id: "sap.access.residence.in-lombardy",
      title: t(
        "Residenza o lavoro in Lombardia alla data della domanda",
        "Residence or work in Lombardy when applying"
      ),
      source: residenceRequirement,
      fact: residesOrWorksInLombardy,
      value: true
    }),
    Predicate.compare({
      id: "sap.access.residence.years",
      title: t(
        "Durata minima della residenza o del lavoro in Lombardia",
        "Minimum length of residence or work in Lombardy"
      ),
      source: residenceRequirement,
      fact: yearsInLombardy,
      relation: ">=",
      bound: Bound.parameter(residenceYears, t("al minimo di", "the minimum of"))
    })
  ]
)

const iseeRule = Predicate.compare({
  id: "sap.access.isee",
  title: t("Soglia ISEE", "ISEE ceiling"),
  source: lett("c"),
  fact: isee,
  relation: "<=",
  bound: Bound.parameter(iseeCeiling, t("alla soglia di", "the ceiling of"))
})

/**
 * The asset limits of lett. c: € 22.000,00 for one person, € 16.000,00 + € 5.000,00 × PSE for
 * two or more. Exported because other measures require assets "within the SAP access
 * limits" (the contributo di solidarietà) and reuse this very rule rather than a copy.
 *
 * @since 0.1.0
 * @category rules
 */
export const assetsRule: Rule.Rule = Rule.all(
  { id: "sap.access.assets", title: t("Limite del patrimonio", "Asset limit"), source: lett("c") },
  [
    Rule.when(
      {
        id: "sap.access.assets.single",
        title: t("Limite del patrimonio per un nucleo di una persona", "Asset limit for one person"),
        source: lett("c")
      },
      Predicate.is({
        id: "sap.access.assets.single.applies",
        title: t("Nucleo di una persona", "One-person household"),
        source: lett("c"),
        fact: householdSize,
        value: 1
      }),
      Predicate.compare({
        id: "sap.access.assets.single.limit",
        title: t("Patrimonio entro € 22.000,00", "Assets within € 22.000,00"),
        source: lett("c"),
        fact: patrimonio,
        relation: "<=",
        bound: Bound.parameter(assetsLimitSingle, limitOf)
      })
    ),
    Rule.when(
      {
        id: "sap.access.assets.family",
        title: t("Limite del patrimonio per un nucleo di più persone", "Asset limit for two or more persons"),
        source: lett("c")
      },
      Predicate.compare({
        id: "sap.access.assets.family.applies",
        title: t("Nucleo di due o più persone", "Household of two or more"),
        source: lett("c"),
        fact: householdSize,
        relation: ">=",
        bound: Bound.constant(2, t("al minimo di", "the minimum of"))
      }),
      Predicate.compare({
        id: "sap.access.assets.family.limit",
        title: t("Patrimonio entro € 16.000,00 + € 5.000,00 × PSE", "Assets within € 16.000,00 + € 5.000,00 × PSE"),
        source: lett("c"),
        fact: patrimonio,
        relation: "<=",
        bound: familyLimit
      })
    )
  ]
)

const dwellingRule = Predicate.is({
  id: "sap.access.dwelling",
  title: t("Nessun alloggio adeguato in proprietà", "No adequate dwelling owned"),
  source: lett("d"),
  fact: ownsAdequateDwelling,
  value: false
})

/**
 * The rule set of SAP access (r.r. 4/2017, art. 7, c. 1).
 *
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet = RuleSet.make({
  id: "sap-access",
  version: "1.0.0",
  title: t("Accesso ai servizi abitativi pubblici (SAP)", "Access to public housing services (SAP)"),
  source: LegalReference.at(rr4_2017, "art. 7, c. 1"),
  facts: [
    citizenship,
    residencePermit,
    regularWork,
    residesOrWorksInLombardy,
    yearsInLombardy,
    isee,
    patrimonio,
    householdSize,
    pse,
    ownsAdequateDwelling
  ],
  parameters: [iseeCeiling, assetsLimitSingle, assetsBase, assetsPerPse, residenceYears],
  rule: Rule.all(
    {
      id: "sap.access",
      title: t("Requisiti di accesso ai servizi abitativi pubblici", "Requirements for access to public housing"),
      source: LegalReference.at(rr4_2017, "art. 7, c. 1")
    },
    [citizenshipRule, residenceRule, iseeRule, assetsRule, dwellingRule]
  )
})
