/**
 * The seed projects as data: the real projects of the seed documents, encoded as a portal
 * would send them, with exactly what is known about each. A field the sources do not give is
 * absent — no budget line, date or partner is invented — and every reading of ours is listed
 * in `readings`, every unknown in `unknown` (docs/concepts/seed-projects.md).
 *
 * @since 0.1.0
 */
import { type Budget, Call, Money, type Project } from "@quartieri/core"
import * as M from "./members.js"

/**
 * A seed project: its call, partnership and, where the sources allow, the project record and
 * budget; the figures the sources publish; our readings and what is unknown.
 *
 * @since 0.1.0
 * @category models
 */
export interface SeedProject {
  readonly id: string
  readonly title: string
  readonly call: Call.Call
  readonly partnership: Project.ProjectEncoded["partnership"]
  /** The project record, when its period at least is known. */
  readonly project?: Project.ProjectEncoded
  /** The budget, when the total cost and the funding plan are known. */
  readonly budget?: typeof Budget.Budget.Encoded
  /** The public grant as published, in cents, when known. */
  readonly grant?: Money.Cents
  /** Other published figures, as the sources state them. */
  readonly published: ReadonlyArray<string>
  /** Where a value is our interpretation of the sources (Italian: shown to users). */
  readonly readings: ReadonlyArray<string>
  /** What the sources do not give (Italian: shown to users). */
  readonly unknown: ReadonlyArray<string>
  /** The seed documents and facts.md sections it comes from. */
  readonly sources: ReadonlyArray<string>
}

const cents = Money.Cents.make

/**
 * IntERPreti di cambiamento — capofila Comune di Ripalta Cremasca, 2017 avviso.
 *
 * @since 0.1.0
 * @category models
 */
export const interpreti: SeedProject = {
  id: "interpreti-di-cambiamento",
  title: "IntERPreti di cambiamento",
  call: Call.avviso2017,
  partnership: { members: [M.ripalta, M.crema, M.alerBcm, M.acli, M.koala, M.mestieri, M.abcitta] },
  project: {
    id: "interpreti-di-cambiamento",
    call: "avviso-2017",
    title: "IntERPreti di cambiamento",
    partnership: { members: [M.ripalta, M.crema, M.alerBcm, M.acli, M.koala, M.mestieri, M.abcitta] },
    subProjects: [
      { id: "interpreti-laboratorio-sociale", kind: "laboratorio-sociale", action: "9.4.2" },
      { id: "interpreti-inclusione-attiva", kind: "inclusione-attiva", action: "9.1.3" }
    ],
    sites: ["ripalta-cremasca-via-xxiv-maggio", "crema-santa-maria", "crema-ombriano", "crema-san-bernardino"],
    period: { start: "2019-01-01", end: "2020-05-16" },
    targets: [
      { indicator: "personalised-pathways", value: 28 },
      { indicator: "laboratori-sociali", value: 4 }
    ],
    decrees: [{ act: "D.G.R. XI/741/2018" }],
    status: { status: "started", since: "2019-01-01" }
  },
  budget: {
    lines: [],
    declaredTotal: 22_998_954,
    funding: [
      { source: "fse-grant", amount: 20_998_954 },
      { source: "comune", organisation: "comune-crema", amount: 2_000_000 }
    ]
  },
  grant: cents(20_998_954),
  published: [
    "valore totale € 229.989,54; contributo regionale € 209.989,54; cofinanziamento Comune di Crema € 20.000",
    "4 laboratori sociali in quattro complessi; 28 percorsi personalizzati",
    "attività da gennaio 2019, biennio 2019/2020"
  ],
  readings: [
    "inizio 2019-01-01: la fonte dice 'da gennaio 2019'",
    "fine 2020-05-16: il termine ultimo dell'avviso; la fonte dice solo 'biennio 2019/2020'",
    "Cooperativa Koala e Consorzio Mestieri accreditati per i servizi al lavoro: la fonte dice 'servizi al lavoro'"
  ],
  unknown: ["CUP", "voci di budget per sottoprogetto, partner e categoria", "data esatta della delibera"],
  sources: ["seed 000", "facts.md §1.2"]
}

/**
 * Abitare la Comunità — capofila Comune di Cremona, 2017 avviso.
 *
 * @since 0.1.0
 * @category models
 */
export const abitareLaComunita: SeedProject = {
  id: "abitare-la-comunita",
  title: "Abitare la Comunità",
  call: Call.avviso2017,
  partnership: {
    members: [M.cremona, M.alerCremona, M.coosper, M.bessimo, M.nazareth, M.altana, M.mestieriCremona, M.solcoCremona]
  },
  project: {
    id: "abitare-la-comunita",
    call: "avviso-2017",
    title: "Abitare la Comunità",
    partnership: {
      members: [M.cremona, M.alerCremona, M.coosper, M.bessimo, M.nazareth, M.altana, M.mestieriCremona, M.solcoCremona]
    },
    subProjects: [
      { id: "abitare-laboratorio-sociale", kind: "laboratorio-sociale", action: "9.4.2" },
      { id: "abitare-inclusione-attiva", kind: "inclusione-attiva", action: "9.1.3" }
    ],
    sites: ["cremona-san-bernardo-borgo-loreto", "cremona-zaist"],
    period: { start: "2019-04-01", end: "2020-08-31" },
    targets: [],
    decrees: [],
    status: { status: "started", since: "2019-04-01" }
  },
  grant: cents(25_196_400),
  published: [
    "contributo regionale € 251.964 (tranche di novembre 2018)",
    "avviato il 1/4/2019; scadenza prevista agosto 2020",
    "380 nuclei, circa 800 persone; 143 (37 %) conosciuti dal Servizio Sociale; 18 con anziani; 19 con disabilità; 57 con minori; 48 di soli adulti 18-64",
    "tutor di condominio della Cooperativa di Bessimo: 16 ore settimanali a Borgo Loreto"
  ],
  readings: [
    "entrambi i sottoprogetti: l'avviso 2017 li richiede a ogni progetto",
    "fine 2020-08-31: la fonte dice 'agosto 2020', oltre il 16/05/2020 dell'avviso: una proroga non presente nelle nostre fonti"
  ],
  unknown: ["CUP", "costo totale e cofinanziamento", "voci di budget", "delibera", "obiettivi quantificati"],
  sources: ["seed 001", "facts.md §1.2"]
}

/**
 * Un ponte sul blu: percorsi verso l'autonomia — capofila ALER, 2017 avviso, ID 708957.
 *
 * @since 0.1.0
 * @category models
 */
export const ponteSulBlu: SeedProject = {
  id: "un-ponte-sul-blu",
  title: "Un ponte sul blu: percorsi verso l'autonomia",
  call: Call.avviso2017,
  partnership: {
    members: [
      M.alerBcmCapofila,
      M.brescia,
      M.elefantiVolanti,
      M.laRete,
      M.amiciElefantiVolanti,
      M.laReteDimora,
      M.solcoBrescia
    ]
  },
  published: [
    "ID 708957",
    "condomini 'Smeraldo e Sole' (quartiere Sanpolino) e 'Torre Cimabue' (quartiere San Polo), Brescia",
    "inquilini con morosità contenute per difficoltà oggettive e transitorie; percorsi P.I.P. dell'Agenzia per il lavoro Sol.Co Brescia"
  ],
  readings: ["il capofila 'ALER' è ALER Brescia-Cremona-Mantova (il progetto è a Brescia)"],
  unknown: ["CUP", "periodo", "contributo, costo totale e budget", "obiettivi quantificati"],
  sources: ["seed 003"]
}

/**
 * The Milano C.A.S.A. programme — referente ALER Milano, D.G.R. XI/2717/2019.
 *
 * @since 0.1.0
 * @category models
 */
export const milanoCasa: SeedProject = {
  id: "milano-casa",
  title: "C.A.S.A. – Centri Aler per i Servizi Abitativi (Milano)",
  call: Call.milanoDgr2717,
  partnership: { members: [M.alerMilano, M.asstFbfSacco] },
  published: [
    "fase I: € 6.000.000 (indicativi € 3.670.000 ALER Milano, € 2.330.000 Comune di Milano)",
    "settembre 2021: ulteriori € 1.500.000 ad ALER Milano (POR FSE 2014-2020, Asse II, azione 9.4.2)",
    "5 progetti C.A.S.A. (Gratosoglio, San Siro, Mazzini, Molise Calvairate, Giambellino-Lorenteggio) e 3 REACTION!: 8 quartieri, € 7,5 milioni, avviati a novembre 2020",
    "950 destinatari a fine 2022"
  ],
  readings: [],
  unknown: [
    "gli altri partner: le fonti nominano solo l'ASST e associazioni antiviolenza senza nome",
    "CUP",
    "budget dei progetti",
    "giorno esatto di avvio"
  ],
  sources: ["seed 002", "seed 004", "facts.md §1.3"]
}

/** Every seed project. @since 0.1.0 @category models */
export const all: ReadonlyArray<SeedProject> = [interpreti, abitareLaComunita, ponteSulBlu, milanoCasa]

/**
 * Programme results published by Regione Lombardia (seed 002): 33 laboratori sociali; 1.100
 * persons involved, 665 of them also in inclusion pathways; 950 recipients of the Milano
 * programmes by the end of 2022.
 *
 * @since 0.1.0
 * @category models
 */
export const publishedResults = {
  laboratoriActivated: 33,
  personsInvolved: 1_100,
  personsInInclusionPathways: 665,
  milanoRecipientsEnd2022: 950
} as const
