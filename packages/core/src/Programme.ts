/**
 * The EU-funded programmes behind the calls: the POR FSE 2014-2020 of Regione Lombardia (Asse II
 * "Inclusione sociale e lotta alla povertà", azioni 9.4.2 and 9.1.3) and the PR FSE+ 2021-2027
 * of Regione Lombardia (azioni K.1 and L.1). A project is funded on an action of a programme;
 * open-data exports (OpenCoesione `OC_CODICE_PROGRAMMA`, `OC_COD_SUBARTICOLAZ_PROGRAMMA`) and
 * the ESF indicator sets depend on which.
 *
 * Only what facts.md confirms is here. The CCI code of the PR FSE+ and the official titles of
 * azioni K.1 and L.1 were not found: they are absent, not guessed.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Calendar from "./Calendar.js"
import { ProgrammeId } from "./Ids.js"
import { LegalReference } from "./LegalReference.js"
import * as Sources from "./Sources.js"

/**
 * The EU fund: `FSE` (European Social Fund, 2014-2020) or `FSE+` (European Social Fund Plus,
 * 2021-2027).
 *
 * @since 0.1.0
 * @category models
 */
export const Fund = Schema.Literals(["FSE", "FSE+"])
/** @since 0.1.0 @category models */
export type Fund = typeof Fund.Type

/**
 * The code of an action (azione) of the programmes the library knows: 9.4.2 and 9.1.3 of the
 * POR FSE 2014-2020, K.1 and L.1 of the PR FSE+ 2021-2027.
 *
 * @since 0.1.0
 * @category models
 */
export const ActionCode = Schema.Literals(["9.4.2", "9.1.3", "K.1", "L.1"])
/** @since 0.1.0 @category models */
export type ActionCode = typeof ActionCode.Type

/**
 * A CCI code (Common Commission Identifier) of an operational programme, by the shape observed
 * in `2014IT05SFOP007` and `2014IT05SFOP014` (facts.md §1.1): year, country, 2 digits, 4
 * letters, 3 digits. The meaning of the parts is not checked.
 *
 * @since 0.1.0
 * @category models
 */
export const Cci = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) =>
        /^[0-9]{4}[A-Z]{2}[0-9]{2}[A-Z]{4}[0-9]{3}$/.test(s) ||
        `expected a CCI code such as 2014IT05SFOP007 (4 digits, 2 letters, 2 digits, 4 letters, 3 digits), got ${JSON.stringify(s)}`
    )
  ),
  Schema.brand("Cci")
)
/** @since 0.1.0 @category models */
export type Cci = typeof Cci.Type

const Text = Schema.String.pipe(Schema.check(Schema.isMinLength(1)))

/**
 * An axis (asse) or priority of a programme.
 *
 * @since 0.1.0
 * @category models
 */
export const Axis = Schema.Struct({ code: Text, title: Text })
/** @since 0.1.0 @category models */
export type Axis = typeof Axis.Type

/**
 * An action of a programme: its code, its official title when known (Italian, as the sources
 * give it; `…` marks a title the source truncates), a short description when the title is not
 * known, and its axis when known.
 *
 * @since 0.1.0
 * @category models
 */
export const Action = Schema.Struct({
  code: ActionCode,
  title: Schema.optionalKey(Text),
  description: Schema.optionalKey(Schema.Struct({ it: Text, en: Text })),
  axis: Schema.optionalKey(Axis)
})
/** @since 0.1.0 @category models */
export type Action = typeof Action.Type

/**
 * A programme: id, CCI code when known, title, fund, programming period, actions and source.
 * The period is the programming period the programme is named after, not the window in which
 * expenditure is eligible.
 *
 * @since 0.1.0
 * @category models
 */
export const Programme = Schema.Struct({
  id: ProgrammeId,
  cci: Schema.optionalKey(Cci),
  title: Text,
  fund: Fund,
  period: Calendar.Period,
  actions: Schema.Array(Action),
  source: LegalReference
})
/** @since 0.1.0 @category models */
export type Programme = typeof Programme.Type

const asseII: Axis = { code: "II", title: "Inclusione sociale e lotta alla povertà" }

/**
 * POR FSE 2014-2020 Regione Lombardia, CCI 2014IT05SFOP007, with the two actions of Asse II the
 * ERP calls fund. Titles from the BURL SO of 17/11/2017 (facts.md §1.1, confirmed; the source
 * truncates both).
 *
 * @since 0.1.0
 * @category constructors
 */
export const porFse2014: Programme = {
  id: ProgrammeId.make("por-fse-2014-2020-lombardia"),
  cci: Cci.make("2014IT05SFOP007"),
  title: "POR FSE 2014-2020 Regione Lombardia",
  fund: "FSE",
  period: { start: Calendar.unsafeMake("2014-01-01"), end: Calendar.unsafeMake("2020-12-31") },
  actions: [
    {
      code: "9.4.2",
      title:
        "Servizi di promozione e accompagnamento all'abitare assistito nell'ambito della sperimentazione di modelli innovativi sociali e abitativi…",
      axis: asseII
    },
    {
      code: "9.1.3",
      title: "Sostegno a persone in condizione di temporanea difficoltà economica…",
      axis: asseII
    }
  ],
  source: Sources.porFse2014
}

/**
 * PR FSE+ 2021-2027 Regione Lombardia, with actions K.1 and L.1. The CCI code, the priority of
 * the two actions and their official titles are not in facts.md: they are absent, and the
 * actions carry a description taken from the 2024 avviso's summaries (facts.md §1.4).
 *
 * @since 0.1.0
 * @category constructors
 */
export const prFsePlus2021: Programme = {
  id: ProgrammeId.make("pr-fse-plus-2021-2027-lombardia"),
  title: "PR FSE+ 2021-2027 Regione Lombardia",
  fund: "FSE+",
  period: { start: Calendar.unsafeMake("2021-01-01"), end: Calendar.unsafeMake("2027-12-31") },
  actions: [
    {
      code: "K.1",
      description: {
        it: "Sviluppo e diffusione di servizi abitativi che integrano politiche abitative e sociali: nuovi modelli di gestione dei SAP, prevenzione dell'emergenza abitativa, servizi di gestione sociale, portierato e attivazione di comunità",
        en: "Development and spread of housing services that integrate housing and social policy: new SAP management models, prevention of housing emergencies, social-management services, caretaking and community activation"
      }
    },
    {
      code: "L.1",
      description: {
        it: "Percorsi di accompagnamento per persone a rischio di povertà ed esclusione sociale, con misure per accedere a un alloggio e mantenerlo; povertà abitativa degli inquilini SAP in difficoltà economica (canone, utenze, morosità)",
        en: "Accompaniment pathways for people at risk of poverty and social exclusion, with measures to access and keep a dwelling; housing poverty of SAP tenants in economic hardship (rent, utilities, arrears)"
      }
    }
  ],
  source: {
    act: "PR FSE+ 2021-2027 Regione Lombardia",
    confidence: "confirmed",
    note: "CCI code and Commission decision not found (facts.md §1.4)"
  }
}

/**
 * The programmes the library knows.
 *
 * @since 0.1.0
 * @category constructors
 */
export const all: ReadonlyArray<Programme> = [porFse2014, prFsePlus2021]

/**
 * The action `code` of `programme`, if the programme has it.
 *
 * @since 0.1.0
 * @category utils
 */
export const action = (programme: Programme, code: ActionCode): Action | undefined =>
  programme.actions.find((a) => a.code === code)

/**
 * What to show for an action: `Azione 9.4.2 – Servizi di promozione…`, or `Azione K.1` when the
 * title is not known.
 *
 * @since 0.1.0
 * @category formatting
 */
export const actionLabel = (a: Action): string =>
  a.title === undefined ? `Azione ${a.code}` : `Azione ${a.code} – ${a.title}`
