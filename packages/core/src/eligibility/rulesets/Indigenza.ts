/**
 * The condition of indigenza (destitution) of r.r. 4 agosto 2017, n. 4, art. 13, as a rule
 * set (shared/domain/facts.md §2.2, confirmed on the page of the Ufficio di Piano di Lodi):
 *
 * - ISEE not above € 3.000,00 (a dated parameter);
 * - and the Comune's social services certify that the household cannot meet its basic needs
 *   on its own (a fact: the certification is the social services' act, never inferred here —
 *   being known to the social services is not being certified).
 *
 * It is the condition alone: SAP access (art. 7) is evaluated by `SapAccess`, and the
 * contributo di solidarietà for households assigned as indigent by `ContributoSolidarieta`.
 *
 * @since 0.1.0
 */
import * as Calendar from "../../Calendar.js"
import type * as LegalReference from "../../LegalReference.js"
import * as Money from "../../Money.js"
import * as Parameter from "../../Parameter.js"
import * as Bilingual from "../Bilingual.js"
import * as Bound from "../Bound.js"
import * as Fact from "../Fact.js"
import * as Predicate from "../Predicate.js"
import * as Rule from "../Rule.js"
import * as RuleSet from "../RuleSet.js"
import { isee } from "./SapAccess.js"

const t = Bilingual.make

/**
 * r.r. 4/2017, art. 13, as read on the page of the Ufficio di Piano di Lodi (facts.md §2.2 [C]).
 *
 * @since 0.1.0
 * @category models
 */
export const art13: LegalReference.LegalReference = {
  act: "r.r. 4/2017",
  article: "art. 13",
  url: "https://www.ufficiodipiano.lodi.it/sezione-ala.php?id=10",
  confidence: "confirmed",
  note: "ISEE ≤ € 3.000 and the certification of the Comune's social services, read on the Ufficio di Piano di Lodi page (facts.md §2.2 [C]); the text of art. 13 itself was not read"
}

/**
 * The ISEE ceiling of indigenza, € 3.000,00, in force from 09/08/2017 (the day after the
 * regulation's publication in BURL; its entry-into-force clause was not read, and whether the
 * original 2017 text had the same value was not compared).
 *
 * @since 0.1.0
 * @category parameters
 */
export const iseeCeiling = Parameter.constant<number>(
  {
    id: "indigenza.isee-ceiling",
    title: t("Soglia ISEE dell'indigenza", "ISEE ceiling of destitution"),
    unit: "cents",
    source: {
      ...art13,
      note: `${art13.note}; in force from 09/08/2017, the day after publication in BURL (entry-into-force clause not read); value of the current text, the 2017 and 2019 texts were not compared`
    }
  },
  Calendar.unsafeMake("2017-08-09"),
  Money.euros(3_000)
)

/**
 * Whether the Comune's social services certify that the household cannot meet its basic
 * needs on its own.
 *
 * @since 0.1.0
 * @category models
 */
export const indigenceCertified = Fact.boolean({
  id: "indigenceCertified",
  label: t("certificazione dei servizi sociali", "social-services certification"),
  phrase: t(
    "se i servizi sociali del Comune certificano che il nucleo non è in grado di provvedere al proprio sostentamento",
    "whether the Comune's social services certify that the household cannot meet its basic needs"
  ),
  statements: {
    true: t(
      "i servizi sociali del Comune certificano che il nucleo non è in grado di provvedere al proprio sostentamento",
      "the Comune's social services certify that the household cannot meet its basic needs"
    ),
    false: t(
      "non c'è la certificazione dei servizi sociali del Comune che il nucleo non è in grado di provvedere al proprio sostentamento",
      "there is no certification of the Comune's social services that the household cannot meet its basic needs"
    )
  }
})

/**
 * The rule set of indigenza (r.r. 4/2017, art. 13).
 *
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet = RuleSet.make({
  id: "indigenza",
  version: "1.0.0",
  title: t("Condizione di indigenza", "Destitution"),
  source: art13,
  facts: [isee, indigenceCertified],
  parameters: [iseeCeiling],
  rule: Rule.all(
    {
      id: "indigenza",
      title: t("Requisiti della condizione di indigenza", "Requirements of destitution"),
      source: art13
    },
    [
      Predicate.compare({
        id: "indigenza.isee",
        title: t("Soglia ISEE dell'indigenza", "ISEE ceiling of destitution"),
        source: art13,
        fact: isee,
        relation: "<=",
        bound: Bound.parameter(iseeCeiling, t("alla soglia di", "the ceiling of"))
      }),
      Predicate.is({
        id: "indigenza.certification",
        title: t("Certificazione dei servizi sociali del Comune", "Certification of the Comune's social services"),
        source: art13,
        fact: indigenceCertified,
        value: true
      })
    ]
  )
})
