/**
 * The organisations that make up a partnership: Comuni, ALER, ASST, social cooperatives,
 * associations, consortia, accredited labour/training bodies, social enterprises, religious
 * bodies, other public administrations and the Region.
 *
 * Three things about an organisation matter to the calls, and they are kept apart:
 * - its **kind** (legal nature), which decides who may lead a partnership;
 * - its **accreditations** in Lombardy for labour services and/or training, which decide the
 *   labour-operator rule of the 2017 avviso. An accreditation is not a kind: a cooperative or a
 *   consortium can be accredited, and the rules look at the accreditation, never at the name;
 * - its **competences** (what it does in the project), which no call rule checks: they describe
 *   the partnership to the Region and to the residents.
 *
 * The codice fiscale is optional because the public sources of the seed projects do not give
 * most of them; when present it is validated (check digit included).
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import { OrganisationCode } from "./CodiceFiscale.js"
import { OrganisationId } from "./Ids.js"
import { IstatComune } from "./IstatComune.js"
import { distinctBy } from "./internal/distinct.js"
import { PartitaIva } from "./PartitaIva.js"

/**
 * An Italian and an English label for the same thing. User-facing text is Italian; English is
 * there for logs, developers and EU reporting.
 *
 * @since 0.1.0
 * @category models
 */
export interface Label {
  readonly it: string
  readonly en: string
}

// ---------------------------------------------------------------------------------------------
// kinds
// ---------------------------------------------------------------------------------------------

/**
 * The legal nature of an organisation.
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.Literals([
  "Comune",
  "ALER",
  "ASST",
  "CooperativaSociale",
  "Associazione",
  "Consorzio",
  "EnteAccreditatoLavoroFormazione",
  "ImpresaSociale",
  "EnteReligioso",
  "AltraPA",
  "Regione"
])
/** @since 0.1.0 @category models */
export type Kind = typeof Kind.Type

/**
 * Italian and English labels of each kind.
 *
 * @since 0.1.0
 * @category formatting
 */
export const kindLabel: { readonly [K in Kind]: Label } = {
  Comune: { it: "Comune", en: "Municipality (Comune)" },
  ALER: { it: "ALER (Azienda Lombarda per l'Edilizia Residenziale)", en: "ALER (Lombardy public-housing company)" },
  ASST: { it: "ASST (Azienda Socio Sanitaria Territoriale)", en: "ASST (local health and social-care authority)" },
  CooperativaSociale: { it: "Cooperativa sociale", en: "Social cooperative" },
  Associazione: { it: "Associazione", en: "Association" },
  Consorzio: { it: "Consorzio", en: "Consortium" },
  EnteAccreditatoLavoroFormazione: {
    it: "Ente accreditato per i servizi al lavoro e/o alla formazione",
    en: "Body accredited for labour and/or training services"
  },
  ImpresaSociale: { it: "Impresa sociale", en: "Social enterprise" },
  EnteReligioso: { it: "Ente religioso", en: "Religious body" },
  AltraPA: { it: "Altra pubblica amministrazione", en: "Other public administration" },
  Regione: { it: "Regione", en: "Region" }
}

/**
 * The kinds that are public administrations: Comune, ALER, ASST, AltraPA, Regione. ALER are
 * public bodies (enti pubblici) under Lombard law; this grouping is ours, used by the Milano
 * rules ("pubbliche amministrazioni").
 *
 * @since 0.1.0
 * @category utils
 */
export const publicAdministrationKinds: ReadonlyArray<Kind> = ["Comune", "ALER", "ASST", "AltraPA", "Regione"]

/**
 * The kinds read as third-sector organisations: social cooperatives, associations and
 * consortia. A consortium is read as a consortium of social cooperatives (as Consorzio Mestieri
 * and Sol.co Brescia are); that reading is ours. Enrolment in the regional or national
 * registers, which the calls require, is not modelled.
 *
 * @since 0.1.0
 * @category utils
 */
export const thirdSectorKinds: ReadonlyArray<Kind> = ["CooperativaSociale", "Associazione", "Consorzio"]

// ---------------------------------------------------------------------------------------------
// accreditations and competences
// ---------------------------------------------------------------------------------------------

/**
 * A regional accreditation in Lombardy: for labour services (`servizi-al-lavoro`) or for
 * training (`formazione`). The 2017 avviso admits "enti accreditati ai servizi al lavoro e alla
 * formazione" and requires one in every partnership (facts.md §1.2).
 *
 * @since 0.1.0
 * @category models
 */
export const Accreditation = Schema.Literals(["servizi-al-lavoro", "formazione"])
/** @since 0.1.0 @category models */
export type Accreditation = typeof Accreditation.Type

/**
 * Italian and English labels of each accreditation.
 *
 * @since 0.1.0
 * @category formatting
 */
export const accreditationLabel: { readonly [A in Accreditation]: Label } = {
  "servizi-al-lavoro": {
    it: "Accreditato in Lombardia per i servizi al lavoro",
    en: "Accredited in Lombardy for labour services"
  },
  formazione: {
    it: "Accreditato in Lombardia per i servizi di formazione",
    en: "Accredited in Lombardy for training services"
  }
}

/**
 * What an organisation brings to a project. Descriptive: no call rule checks competences.
 *
 * @since 0.1.0
 * @category models
 */
export const Competence = Schema.Literals([
  "mediazione-abitativa",
  "servizi-al-lavoro",
  "formazione",
  "progettazione-partecipata",
  "educazione-all-abitare",
  "servizi-sociosanitari",
  "contrasto-violenza-domestica",
  "animazione-di-comunita",
  "portierato-sociale",
  "gestione-morosita"
])
/** @since 0.1.0 @category models */
export type Competence = typeof Competence.Type

/**
 * Italian and English labels of each competence.
 *
 * @since 0.1.0
 * @category formatting
 */
export const competenceLabel: { readonly [C in Competence]: Label } = {
  "mediazione-abitativa": { it: "Mediazione abitativa", en: "Housing mediation" },
  "servizi-al-lavoro": { it: "Servizi al lavoro", en: "Labour services" },
  formazione: { it: "Formazione", en: "Training" },
  "progettazione-partecipata": { it: "Progettazione partecipata", en: "Participatory design" },
  "educazione-all-abitare": { it: "Educazione all'abitare", en: "Tenancy education" },
  "servizi-sociosanitari": { it: "Servizi sociosanitari", en: "Health and social-care services" },
  "contrasto-violenza-domestica": { it: "Contrasto alla violenza domestica", en: "Countering domestic violence" },
  "animazione-di-comunita": { it: "Animazione di comunità", en: "Community development" },
  "portierato-sociale": { it: "Portierato sociale", en: "Social caretaking (portierato)" },
  "gestione-morosita": { it: "Prevenzione e gestione della morosità", en: "Rent-arrears prevention and management" }
}

// ---------------------------------------------------------------------------------------------
// organisation
// ---------------------------------------------------------------------------------------------

const Name = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((s: string) => s.trim().length > 0 || "the name must not be empty"),
    Schema.makeFilter(
      (s: string) => s.length <= 300 || `the name is ${s.length} characters long, at most 300 are allowed`
    )
  )
)

/**
 * An organisation: id, name, kind, regional accreditations, competences and, when known, its
 * codice fiscale (11 digits), partita IVA and the ISTAT code of the comune of its seat.
 * `accreditations` and `competences` may be omitted in input (read as none) and list each
 * value once. A body of kind `EnteAccreditatoLavoroFormazione` must say which accreditation
 * it holds: the kind alone does not satisfy the labour-operator rule.
 *
 * @since 0.1.0
 * @category models
 */
export const Organisation = Schema.Struct({
  id: OrganisationId,
  name: Name,
  kind: Kind,
  accreditations: Schema.Array(Accreditation).pipe(
    Schema.check(distinctBy("accreditation", (a: Accreditation) => a)),
    Schema.withDecodingDefaultKey(Effect.succeed([]))
  ),
  competences: Schema.Array(Competence).pipe(
    Schema.check(distinctBy("competence", (c: Competence) => c)),
    Schema.withDecodingDefaultKey(Effect.succeed([]))
  ),
  fiscalCode: Schema.optionalKey(OrganisationCode),
  vatNumber: Schema.optionalKey(PartitaIva),
  seat: Schema.optionalKey(IstatComune)
}).pipe(
  Schema.check(
    Schema.makeFilter((o) =>
      o.kind !== "EnteAccreditatoLavoroFormazione" || o.accreditations.length > 0
        ? true
        : {
            path: ["accreditations"],
            issue:
              "a body of kind EnteAccreditatoLavoroFormazione must list its accreditation (servizi-al-lavoro and/or formazione)"
          }
    )
  )
)
/** @since 0.1.0 @category models */
export type Organisation = typeof Organisation.Type
/** @since 0.1.0 @category models */
export type OrganisationEncoded = typeof Organisation.Encoded

/**
 * Whether the organisation holds `accreditation`, or any accreditation when none is given.
 *
 * @since 0.1.0
 * @category utils
 */
export const isAccredited = (organisation: Organisation, accreditation?: Accreditation): boolean =>
  accreditation === undefined
    ? organisation.accreditations.length > 0
    : organisation.accreditations.includes(accreditation)

/**
 * Whether the organisation is a public administration ({@link publicAdministrationKinds}).
 *
 * @since 0.1.0
 * @category utils
 */
export const isPublicAdministration = (organisation: Organisation): boolean =>
  publicAdministrationKinds.includes(organisation.kind)

/**
 * Whether the organisation is read as third sector ({@link thirdSectorKinds}).
 *
 * @since 0.1.0
 * @category utils
 */
export const isThirdSector = (organisation: Organisation): boolean => thirdSectorKinds.includes(organisation.kind)
