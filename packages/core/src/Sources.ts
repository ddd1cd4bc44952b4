/**
 * The acts and pages quartieri cites, in one place, with the confidence of what we take from
 * each (shared/domain/facts.md). A rule cites a narrower article with `LegalReference.at`.
 *
 * @since 0.1.0
 */
import type { LegalReference } from "./LegalReference.js"

/**
 * Avviso "gestione sociale dei quartieri di edilizia pubblica in Lombardia" (2017), approved by
 * D.d.s. 15 novembre 2017 (BURL SO 17/11/2017) on the criteria of D.G.R. X/6912/2017. Its
 * partnership and duration rules are confirmed (facts.md §1.2).
 *
 * @since 0.1.0
 * @category models
 */
export const avviso2017: LegalReference = {
  act: "Avviso gestione sociale dei quartieri ERP (D.d.s. 15/11/2017, D.G.R. X/6912/2017)",
  url: "http://saef.it/agevolazioni/Gestione-sociale-dei-quartieri/1451",
  confidence: "confirmed"
}

/**
 * D.G.R. XI/2717 of 23/12/2019: Milano "Programmi integrati di innovazione sociale e welfare
 * locale nei quartieri ERP", with D.D.S. 7410 of 24/06/2020 (facts.md §1.3).
 *
 * @since 0.1.0
 * @category models
 */
export const dgrXI2717: LegalReference = {
  act: "D.G.R. XI/2717/2019 (D.D.S. 7410/2020)",
  url: "https://ue.regione.lombardia.it/bando/RLU12020011702",
  confidence: "confirmed"
}

/**
 * PR FSE+ 2021-2027 avviso "Modelli di servizi territoriali integrati… accompagnamento
 * all'abitare" (azioni K.1 and L.1, deadline 20/11/2024). Decree number not found (facts.md §1.4).
 *
 * @since 0.1.0
 * @category models
 */
export const avvisoFsePlus2024: LegalReference = {
  act: "PR FSE+ 2021-2027, avviso servizi territoriali integrati per l'abitare (2024)",
  confidence: "confirmed",
  note: "decree number not found"
}

/** Reg. (UE) 1303/2013, Common Provisions Regulation 2014-2020 (cost options: art. 67-68). @since 0.1.0 @category models */
export const reg1303_2013: LegalReference = {
  act: "Reg. (UE) 1303/2013",
  url: "https://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX:32013R1303",
  confidence: "unverified",
  note: "article numbers and rates from memory (facts.md §1.6)"
}

/** Reg. (UE) 2021/1060, Common Provisions Regulation 2021-2027 (cost options: art. 53-56). @since 0.1.0 @category models */
export const reg2021_1060: LegalReference = {
  act: "Reg. (UE) 2021/1060",
  url: "https://eur-lex.europa.eu/legal-content/IT/TXT/?uri=CELEX:32021R1060",
  confidence: "unverified",
  note: "article numbers and rates from memory (facts.md §1.6)"
}

/** POR FSE 2014-2020 Regione Lombardia, CCI 2014IT05SFOP007, Asse II. @since 0.1.0 @category models */
export const porFse2014: LegalReference = {
  act: "POR FSE 2014-2020 Regione Lombardia (2014IT05SFOP007)",
  url: "https://fse.regione.lombardia.it/it/pc1420/porfse-2014-20/assi/2014it05sfop007-a75-asse-ii-inclusione-sociale",
  confidence: "confirmed"
}

/** D.G.R. XI/741/2018: funding of the last 18 projects of the 2017 avviso, IntERPreti among them. @since 0.1.0 @category models */
export const dgrXI741: LegalReference = {
  act: "D.G.R. XI/741/2018",
  confidence: "confirmed",
  note: "number quoted by the project's own pages; exact date not read"
}

/** Rules a library user must decide on, when no act was found. @since 0.1.0 @category models */
export const notFound = (what: string): LegalReference => ({
  act: "nessuna fonte trovata",
  confidence: "unverified",
  note: what
})
