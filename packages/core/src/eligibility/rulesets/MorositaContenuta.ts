/**
 * Who the project «Un ponte sul blu: percorsi verso l'autonomia» (capofila ALER
 * Brescia-Cremona-Mantova, POR FSE 2014-2020, ID 708957; seed 003) works with: it acts
 * "preventively, in Brescia, in the condomini «Smeraldo e Sole» of quartiere Sanpolino and
 * «Torre Cimabue» of quartiere San Polo, on tenants with contained arrears due to objective
 * and transitory difficulties" (inquilini con morosità contenute per difficoltà oggettive e
 * transitorie).
 *
 * - tenant in the project's condomini (confirmed: the seed names them; which registry
 *   complessi they are is the caller's, through `TenancyFacts.residesInProjectComplex`);
 * - an SAP tenant (unverified: inferred — the project is on ERP housing of ALER, but the seed
 *   says «inquilini» without naming the tenure);
 * - arrears owed (confirmed) and "contained": not above a ceiling the seed does not give. The
 *   € 4.000,00 default is a placeholder borrowed from the Milano 2016 contributo (arrears ≤
 *   € 4.000,00, facts.md §2.3), unverified and to be configured;
 * - caused by an objective and transitory difficulty: read as no-fault arrears (morosità
 *   incolpevole, caused by a loss or reduction of income), unverified.
 *
 * @since 0.1.0
 */
import * as Calendar from "../../Calendar.js"
import type * as LegalReference from "../../LegalReference.js"
import * as Money from "../../Money.js"
import * as Parameter from "../../Parameter.js"
import * as Bilingual from "../Bilingual.js"
import * as Bound from "../Bound.js"
import * as Predicate from "../Predicate.js"
import * as Rule from "../Rule.js"
import * as RuleSet from "../RuleSet.js"
import { arrearsAmount, arrearsCause, residesInProjectComplex, sapLease } from "./TenancyFacts.js"

const t = Bilingual.make

/**
 * The project's presentation (seed 003): the condomini and the recipients, read there.
 *
 * @since 0.1.0
 * @category models
 */
export const ponteSulBlu: LegalReference.LegalReference = {
  act: "Progetto «Un ponte sul blu: percorsi verso l'autonomia» (POR FSE 2014-2020, ID 708957)",
  article: "presentazione del progetto (ALER Brescia-Cremona-Mantova, capofila)",
  confidence: "confirmed",
  note: "seed 003: «nei Condomini “Smeraldo e Sole” del quartiere Sanpolino e nel Condominio “Torre Cimabue” del quartiere San Polo, intervenendo sugli inquilini con morosità contenute per difficoltà oggettive e transitorie»; the page's URL was not recorded"
}

const reading = (note: string): LegalReference.LegalReference => ({ ...ponteSulBlu, confidence: "unverified", note })

/**
 * The ceiling of "contained" arrears: € 4.000,00, a placeholder (the seed gives no figure).
 * In force from 15/11/2017, the approval of the 2017 avviso the project was funded on.
 *
 * @since 0.1.0
 * @category parameters
 */
export const arrearsCeiling = Parameter.constant<number>(
  {
    id: "morosita-contenuta.arrears-ceiling",
    title: t("Limite della morosità contenuta", "Ceiling of contained arrears"),
    unit: "cents",
    source: reading(
      "the seed says «morosità contenute» without a figure: € 4.000,00 is a placeholder borrowed from the Milano 2016 contributo di solidarietà (total arrears ≤ € 4.000, facts.md §2.3), to be configured; applied from 15/11/2017, the approval of the 2017 avviso"
    )
  },
  Calendar.unsafeMake("2017-11-15"),
  Money.euros(4_000)
)

/**
 * The rule set of Un ponte sul blu's recipients: tenants with contained arrears.
 *
 * @since 0.1.0
 * @category rules
 */
export const ruleSet: RuleSet.RuleSet = RuleSet.make({
  id: "morosita-contenuta",
  version: "1.0.0",
  title: t("Morosità contenuta (Un ponte sul blu, Brescia)", "Contained arrears (Un ponte sul blu, Brescia)"),
  source: ponteSulBlu,
  facts: [residesInProjectComplex, sapLease, arrearsAmount, arrearsCause],
  parameters: [arrearsCeiling],
  rule: Rule.all(
    {
      id: "morosita-contenuta",
      title: t(
        "Inquilini dei condomini del progetto con morosità contenuta",
        "Tenants of the project's condomini with contained arrears"
      ),
      source: ponteSulBlu
    },
    [
      Predicate.is({
        id: "morosita-contenuta.condomini",
        title: t(
          "Residenza nei condomini Smeraldo e Sole (Sanpolino) o Torre Cimabue (San Polo), Brescia",
          "Residence in the condomini Smeraldo e Sole (Sanpolino) or Torre Cimabue (San Polo), Brescia"
        ),
        source: ponteSulBlu,
        fact: residesInProjectComplex,
        value: true
      }),
      Predicate.is({
        id: "morosita-contenuta.sap",
        title: t("Inquilino SAP", "SAP tenant"),
        source: reading(
          "inferred: the project works in ERP housing of ALER Brescia-Cremona-Mantova; the seed says «inquilini» without naming the tenure"
        ),
        fact: sapLease,
        value: true
      }),
      Rule.all(
        {
          id: "morosita-contenuta.arrears",
          title: t("Morosità contenuta", "Contained arrears"),
          source: ponteSulBlu
        },
        [
          Predicate.compare({
            id: "morosita-contenuta.arrears.owed",
            title: t("Morosità in essere", "Arrears owed"),
            source: ponteSulBlu,
            fact: arrearsAmount,
            relation: ">",
            bound: Bound.constant(0, t("a", "of"))
          }),
          Predicate.compare({
            id: "morosita-contenuta.arrears.contained",
            title: t("Morosità entro il limite", "Arrears within the ceiling"),
            source: ponteSulBlu,
            fact: arrearsAmount,
            relation: "<=",
            bound: Bound.parameter(arrearsCeiling, t("al limite di", "the ceiling of"))
          })
        ]
      ),
      Predicate.is({
        id: "morosita-contenuta.cause",
        title: t(
          "Morosità per difficoltà oggettive e transitorie",
          "Arrears from objective and transitory difficulties"
        ),
        source: reading(
          "our reading: «difficoltà oggettive e transitorie» as no-fault arrears (morosità incolpevole, a loss or reduction of income: facts.md §2.5)"
        ),
        fact: arrearsCause,
        value: "incolpevole"
      })
    ]
  )
})
