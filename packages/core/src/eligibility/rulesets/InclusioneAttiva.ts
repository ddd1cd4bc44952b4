/**
 * Who may enter an Inclusione attiva pathway: the sub-project of the 2017 avviso for the
 * social management of ERP neighbourhoods funded on POR FSE azione 9.1.3, labour inclusion
 * "to overcome the temporary economic hardship of economically and socially vulnerable
 * people" (shared/domain/facts.md §1.2). A person-level rule set: it is asked for one person
 * of a household.
 *
 * What the avviso says (confirmed): the recipients are fragile persons and their families
 * **resident in the neighbourhood** of the intervention, and the strand is for persons in
 * **temporary economic hardship**. Everything else is our reading, marked unverified:
 *
 * - "fragile or in temporary economic hardship" is made operational by configurable
 *   predicates, any of which suffices: unemployed or inactive on the date; in no-fault arrears
 *   (morosità incolpevole); ISEE below a parameter. No act found gives the ISEE figure: the
 *   € 9.360,00 default is a placeholder (the contributo di solidarietà's 2024 ceiling), not
 *   the avviso's;
 * - not already in a pathway that is running (enrolled, active or suspended): one pathway
 *   at a time is our reading, not a rule found in the avviso;
 * - age between 18 and 64 (completed years on the date, `Calendar.ageAt`: someone born on
 *   29 February turns a year older on 1 March in common years): the working age of the
 *   registry's conventions, our reading — the avviso's age limits were not found.
 *
 * Which complessi belong to the project is the project's: the fact is whether the household
 * lives in one of them (`TenancyFacts.residesInProjectComplex`). {@link make} builds the rule
 * set with another choice of predicates or parameters, under another version.
 *
 * @since 0.1.0
 */
import * as Calendar from "../../Calendar.js"
import type * as LegalReference from "../../LegalReference.js"
import * as Money from "../../Money.js"
import * as Parameter from "../../Parameter.js"
import * as Sources from "../../Sources.js"
import * as Bilingual from "../Bilingual.js"
import * as Bound from "../Bound.js"
import * as Fact from "../Fact.js"
import * as Predicate from "../Predicate.js"
import * as Rule from "../Rule.js"
import * as RuleSet from "../RuleSet.js"
import { isee } from "./SapAccess.js"
import { arrearsAmount, arrearsCause, residesInProjectComplex } from "./TenancyFacts.js"

const t = Bilingual.make

// ---------------------------------------------------------------------------------------------
// sources
// ---------------------------------------------------------------------------------------------

/**
 * The 2017 avviso on its recipients: fragile persons and their families resident in the
 * neighbourhood of the intervention (facts.md §1.2 [C], saef.it).
 *
 * @since 0.1.0
 * @category models
 */
export const recipients: LegalReference.LegalReference = {
  ...Sources.avviso2017,
  note: "destinatari: persone fragili e loro famiglie residenti nel quartiere dell'intervento (facts.md §1.2 [C])"
}

/**
 * The 2017 avviso's sub-project «Inclusione attiva», azione 9.1.3: labour inclusion to
 * overcome the temporary economic hardship of vulnerable people (facts.md §1.2 [C],
 * obiettivoeuropa.com).
 *
 * @since 0.1.0
 * @category models
 */
export const azione913: LegalReference.LegalReference = {
  act: "Avviso gestione sociale dei quartieri ERP 2017, sottoprogetto «Inclusione attiva» (POR FSE 2014-2020, azione 9.1.3)",
  url: "https://obiettivoeuropa.com/bandi/fse-progettare-la-gestione-sociale-dei-quartieri-erp-in-lombardia",
  confidence: "confirmed"
}

/** Our reading of the avviso, not read in it. */
const reading = (note: string): LegalReference.LegalReference => ({ ...azione913, confidence: "unverified", note })

/** The avviso was approved by D.d.s. 15/11/2017 (facts.md §1.2 [C]); the rule set applies from then. */
const since = Calendar.unsafeMake("2017-11-15")

// ---------------------------------------------------------------------------------------------
// parameters
// ---------------------------------------------------------------------------------------------

/**
 * The ISEE below which a person counts as in temporary economic hardship: € 9.360,00, a
 * placeholder. No act found.
 *
 * @since 0.1.0
 * @category parameters
 */
export const iseeCeiling = Parameter.constant<number>(
  {
    id: "inclusione-attiva.isee-ceiling",
    title: t("Soglia ISEE della temporanea difficoltà economica", "ISEE ceiling of temporary economic hardship"),
    unit: "cents",
    source: Sources.notFound(
      "no act found sets an ISEE figure for the 2017 avviso's Inclusione attiva: € 9.360,00 is a placeholder (the contributo di solidarietà's 2024 ceiling, facts.md §2.3), to be configured"
    )
  },
  since,
  Money.euros(9_360)
)

/**
 * The minimum age, 18 years: our reading (labour-inclusion pathways for adults). No act found.
 *
 * @since 0.1.0
 * @category parameters
 */
export const minimumAge = Parameter.constant<number>(
  {
    id: "inclusione-attiva.minimum-age",
    title: t("Età minima", "Minimum age"),
    unit: "years",
    source: Sources.notFound(
      "our reading: the pathways are labour inclusion for adults, from the age of majority (18); the avviso's age limits were not found"
    )
  },
  since,
  18
)

/**
 * The maximum age, 64 years: our reading (working age, as the registry's 18–64 bands). No
 * act found.
 *
 * @since 0.1.0
 * @category parameters
 */
export const maximumAge = Parameter.constant<number>(
  {
    id: "inclusione-attiva.maximum-age",
    title: t("Età massima", "Maximum age"),
    unit: "years",
    source: Sources.notFound(
      "our reading: working age up to 64, the band the registry uses (Household.onlyAdults18To64); the avviso's age limits were not found"
    )
  },
  since,
  64
)

// ---------------------------------------------------------------------------------------------
// facts
// ---------------------------------------------------------------------------------------------

/** The person's date of birth. @since 0.1.0 @category models */
export const birthDate = Fact.date({
  id: "birthDate",
  label: t("data di nascita", "birth date"),
  phrase: t("data di nascita della persona", "the person's birth date")
})

/** The person's labour-market status on the date (the ESF classes of `LabourMarketStatus`). @since 0.1.0 @category models */
export const labourStatus = Fact.enumeration({
  id: "labourStatus",
  label: t("condizione occupazionale", "labour-market status"),
  phrase: t("condizione occupazionale della persona alla data", "the person's labour-market status on the date"),
  values: [
    { value: "employed", label: t("occupato", "employed") },
    { value: "self-employed", label: t("lavoratore autonomo", "self-employed") },
    { value: "unemployed", label: t("disoccupato", "unemployed") },
    {
      value: "inactive-in-education-or-training",
      label: t("inattivo, in istruzione o formazione", "inactive, in education or training")
    },
    {
      value: "inactive-not-in-education-or-training",
      label: t("inattivo, non in istruzione né formazione", "inactive, not in education or training")
    }
  ]
})

/**
 * Whether the person is already in an inclusion pathway that is running on the date
 * (enrolled, active or suspended: `Pathway`).
 *
 * @since 0.1.0
 * @category models
 */
export const inActivePathway = Fact.boolean({
  id: "inActivePathway",
  label: t("percorso in corso", "running pathway"),
  phrase: t(
    "se la persona è già in un percorso personalizzato di inclusione in corso",
    "whether the person is already in a running inclusion pathway"
  ),
  statements: {
    true: t("è già in un percorso di inclusione in corso", "is already in a running inclusion pathway"),
    false: t("non è in un percorso di inclusione in corso", "is in no running inclusion pathway")
  }
})

// ---------------------------------------------------------------------------------------------
// age
// ---------------------------------------------------------------------------------------------

/**
 * The latest birth date at which a person is at least `years` old on `asOf` (completed
 * years, `Calendar.ageAt`): born on 29/02/2004, one is 18 on 01/03/2022, not on 28/02/2022.
 *
 * @since 0.1.0
 * @category utils
 */
export const latestBirthDate = (asOf: Calendar.CalendarDate, years: number): Calendar.CalendarDate => {
  let d = Calendar.addMonths(asOf, -12 * years)
  while (Calendar.ageAt(d, asOf) < years) d = Calendar.addDays(d, -1)
  while (Calendar.ageAt(Calendar.addDays(d, 1), asOf) >= years) d = Calendar.addDays(d, 1)
  return d
}

const years = (n: number, l: "it" | "en") =>
  `${n} ${l === "it" ? (n === 1 ? "anno" : "anni") : n === 1 ? "year" : "years"}`

/** A leaf on the person's age on the date: at least (`min`) or at most (`max`) the parameter. */
const ageRule = (m: Rule.Meta, bound: "min" | "max", limit: Parameter.Parameter<number>): Rule.Leaf =>
  Rule.leaf({
    ...m,
    facts: { birth: birthDate },
    parameters: { limit },
    holds: ({ facts, parameters, asOf }) => {
      const age = Calendar.ageAt(facts.birth, asOf)
      return bound === "min" ? age >= parameters.limit : age <= parameters.limit
    },
    describe: ({ facts, parameters, asOf }) => {
      const age = Calendar.ageAt(facts.birth, asOf)
      return Bilingual.render((l) =>
        l === "it"
          ? `età ${years(age, "it")} al ${birthDate.show(asOf).it}, nato il ${birthDate.show(facts.birth).it} (${bound === "min" ? "età minima" : "età massima"} ${years(parameters.limit, "it")})`
          : `age ${years(age, "en")} on ${asOf}, born on ${facts.birth} (${bound === "min" ? "minimum" : "maximum"} age ${years(parameters.limit, "en")})`
      )
    },
    counterfactual: ({ parameters, asOf }, desired) => {
      // min: holds exactly for births up to the latest date of someone `limit` years old;
      // max: holds exactly for births after the latest date of someone `limit + 1` years old
      const latest = latestBirthDate(asOf, bound === "min" ? parameters.limit : parameters.limit + 1)
      const upTo = (bound === "min") === desired
      const witness = upTo ? latest : Calendar.addDays(latest, 1)
      return {
        fact: birthDate,
        relation: upTo ? "<=" : ">",
        value: latest,
        witness,
        phrase: Bilingual.render((l) =>
          l === "it"
            ? `con data di nascita ${upTo ? "entro il" : "successiva al"} ${birthDate.show(latest).it}`
            : `with a birth date ${upTo ? "on or before" : "after"} ${latest}`
        )
      }
    }
  })

// ---------------------------------------------------------------------------------------------
// the rule set
// ---------------------------------------------------------------------------------------------

/**
 * A predicate that makes a person fragile or in temporary economic hardship: unemployed or
 * inactive, in no-fault arrears, or with an ISEE below the ceiling.
 *
 * @since 0.1.0
 * @category models
 */
export type Fragility = "unemployed-or-inactive" | "arrears-incolpevole" | "isee-below"

/**
 * How to configure the rule set: which fragility predicates count (any of them suffices;
 * default all three) and the parameters to use instead of the defaults (each with its own
 * id and source).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly fragility?: readonly [Fragility, ...Array<Fragility>]
  readonly iseeCeiling?: Parameter.Parameter<number>
  readonly minimumAge?: Parameter.Parameter<number>
  readonly maximumAge?: Parameter.Parameter<number>
}

const allFragility: readonly [Fragility, ...Array<Fragility>] = [
  "unemployed-or-inactive",
  "arrears-incolpevole",
  "isee-below"
]

/**
 * The version of the rule set built with `options`: `1.0.0` for the defaults, otherwise
 * `1.0.0+` and what differs, so that decisions (and their hashes) of different
 * configurations never coincide.
 *
 * @since 0.1.0
 * @category utils
 */
export const versionOf = (options: Options): string => {
  const parts: Array<string> = []
  const chosen = new Set(options.fragility ?? allFragility)
  const fragility = allFragility.filter((f) => chosen.has(f))
  if (fragility.length !== allFragility.length) parts.push(`fragility=${fragility.join(",")}`)
  if (options.iseeCeiling !== undefined && options.iseeCeiling !== iseeCeiling)
    parts.push(`isee-ceiling=${options.iseeCeiling.id}`)
  if (options.minimumAge !== undefined && options.minimumAge !== minimumAge)
    parts.push(`minimum-age=${options.minimumAge.id}`)
  if (options.maximumAge !== undefined && options.maximumAge !== maximumAge)
    parts.push(`maximum-age=${options.maximumAge.id}`)
  return parts.length === 0 ? "1.0.0" : `1.0.0+${parts.join(";")}`
}

/**
 * Builds the rule set of Inclusione attiva with a choice of fragility predicates and
 * parameters. The defaults give {@link ruleSet}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): RuleSet.RuleSet => {
  const fragility = new Set(options.fragility ?? allFragility)
  const ceiling = options.iseeCeiling ?? iseeCeiling
  const minAge = options.minimumAge ?? minimumAge
  const maxAge = options.maximumAge ?? maximumAge
  const alternatives: Array<Rule.Rule> = []
  if (fragility.has("unemployed-or-inactive"))
    alternatives.push(
      Predicate.oneOf({
        id: "inclusione-attiva.fragility.unemployed-or-inactive",
        title: t("Disoccupato o inattivo", "Unemployed or inactive"),
        source: reading(
          "our reading of «temporanea difficoltà economica»: being out of work on the date (ESF classes: unemployed, inactive)"
        ),
        fact: labourStatus,
        values: ["unemployed", "inactive-in-education-or-training", "inactive-not-in-education-or-training"]
      })
    )
  if (fragility.has("arrears-incolpevole"))
    alternatives.push(
      Rule.all(
        {
          id: "inclusione-attiva.fragility.arrears-incolpevole",
          title: t("Morosità incolpevole", "No-fault arrears"),
          source: reading(
            "our reading of «temporanea difficoltà economica»: rent arrears caused by a loss or reduction of income (facts.md §2.5)"
          )
        },
        [
          Predicate.compare({
            id: "inclusione-attiva.fragility.arrears-incolpevole.owed",
            title: t("Morosità in essere", "Arrears owed"),
            source: reading("arrears owed on the date"),
            fact: arrearsAmount,
            relation: ">",
            bound: Bound.constant(0, t("a", "of"))
          }),
          Predicate.is({
            id: "inclusione-attiva.fragility.arrears-incolpevole.cause",
            title: t("Morosità incolpevole", "No-fault arrears"),
            source: reading("the cause of the arrears is no-fault (incolpevole)"),
            fact: arrearsCause,
            value: "incolpevole"
          })
        ]
      )
    )
  if (fragility.has("isee-below"))
    alternatives.push(
      Predicate.compare({
        id: "inclusione-attiva.fragility.isee",
        title: t("ISEE inferiore alla soglia di difficoltà", "ISEE below the hardship ceiling"),
        source: reading("our reading of «temporanea difficoltà economica»: an ISEE below a configurable ceiling"),
        fact: isee,
        relation: "<",
        bound: Bound.parameter(ceiling, t("alla soglia di", "the ceiling of"))
      })
    )
  const rule = Rule.all(
    {
      id: "inclusione-attiva",
      title: t("Requisiti per un percorso di Inclusione attiva", "Requirements for an Inclusione attiva pathway"),
      source: azione913
    },
    [
      Predicate.is({
        id: "inclusione-attiva.residence",
        title: t("Residenza in un complesso del progetto", "Residence in a complex of the project"),
        source: recipients,
        fact: residesInProjectComplex,
        value: true
      }),
      Rule.any(
        {
          id: "inclusione-attiva.fragility",
          title: t("Fragilità o temporanea difficoltà economica", "Fragility or temporary economic hardship"),
          source: azione913
        },
        alternatives
      ),
      Predicate.is({
        id: "inclusione-attiva.no-running-pathway",
        title: t("Nessun percorso di inclusione in corso", "No running inclusion pathway"),
        source: reading(
          "our reading: one pathway at a time (the avviso's rule on repeated participation was not found)"
        ),
        fact: inActivePathway,
        value: false
      }),
      Rule.all(
        {
          id: "inclusione-attiva.age",
          title: t("Limiti di età", "Age limits"),
          source: reading("our reading: the avviso's age limits were not found")
        },
        [
          ageRule(
            {
              id: "inclusione-attiva.age.minimum",
              title: t("Età minima", "Minimum age"),
              source: reading("our reading: adults only")
            },
            "min",
            minAge
          ),
          ageRule(
            {
              id: "inclusione-attiva.age.maximum",
              title: t("Età massima", "Maximum age"),
              source: reading("our reading: working age")
            },
            "max",
            maxAge
          )
        ]
      )
    ]
  )
  return RuleSet.make({
    id: "inclusione-attiva",
    version: versionOf(options),
    title: t("Inclusione attiva (avviso 2017, azione 9.1.3)", "Inclusione attiva (2017 avviso, action 9.1.3)"),
    source: azione913,
    facts: [
      residesInProjectComplex,
      ...(fragility.has("unemployed-or-inactive") ? [labourStatus] : []),
      ...(fragility.has("arrears-incolpevole") ? [arrearsAmount, arrearsCause] : []),
      ...(fragility.has("isee-below") ? [isee] : []),
      inActivePathway,
      birthDate
    ] as ReadonlyArray<Fact.Any>,
    parameters: [...(fragility.has("isee-below") ? [ceiling] : []), minAge, maxAge] as ReadonlyArray<Rule.AnyParameter>,
    rule
  })
}

/**
 * The rule set of Inclusione attiva with every fragility predicate and the default parameters.
 *
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet = make()
