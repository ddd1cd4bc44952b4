/**
 * The ESF+ 2021-2027 common indicators of Reg. (UE) 2021/1057, Annex I (general support under
 * shared management; facts.md §3.2), as data: participant outputs EECO01–EECO17, entity
 * outputs EECO18–EECO19, immediate results EECR01–EECR04 (upon leaving: within 4 weeks) and
 * the longer-term result EECR05 (six months after leaving).
 *
 * Confidence, from facts.md §3.2: the Annex text itself was **not found**, so codes and
 * wording are from memory (unverified) — except EECO05 and EECO19, which an SFC FAQ confirms.
 * The data type markers are those of facts.md; the result indicators carry none there, and
 * quartieri treats them as personal data ("*").
 *
 * Readings of ours: EECO07 is 18 to 29 inclusive; EECO14 reads the foreign-background answer,
 * which the registry collects with the special categories, so it can be refused; results
 * count the literal wording (EECR01 counts every participant job searching upon leaving, not
 * only those inactive at entry). Informed estimates by the beneficiary, which ESF+ may allow
 * for the 1.2 indicators ([M], facts.md §3.2 point 9), are not used: quartieri never estimates.
 *
 * @since 0.1.0
 */
import * as Isced from "../../Isced.js"
import * as LabourMarketStatus from "../../LabourMarketStatus.js"
import * as LeavingStatus from "../../LeavingStatus.js"
import type { LegalReference } from "../../LegalReference.js"
import type { Counted, EntityIndicator, IndicatorSet, ParticipantIndicator } from "../Indicator.js"
import * as Participant from "../Participant.js"

// ---------------------------------------------------------------------------------------------
// sources
// ---------------------------------------------------------------------------------------------

/**
 * Reg. (UE) 2021/1057 (ESF+), Annex I. The Annex text was not found (facts.md §3.2): codes and
 * wording from memory.
 *
 * @since 0.1.0
 * @category parameters
 */
export const reg2021_1057: LegalReference = {
  act: "Reg. (UE) 2021/1057",
  article: "Annex I",
  url: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32021R1057",
  confidence: "unverified",
  note: "Annex text not found (facts.md §3.2); codes and wording from memory except EECO05 and EECO19"
}

/**
 * The SFC FAQ that confirms EECO05 and EECO19 (facts.md §3.2).
 *
 * @since 0.1.0
 * @category parameters
 */
export const sfcFaq: LegalReference = {
  act: "Reg. (UE) 2021/1057",
  article: "Annex I (code and wording confirmed by the SFC2021 FAQ)",
  url: "https://sfc.ec.europa.eu/en/node/3991",
  confidence: "confirmed"
}

// ---------------------------------------------------------------------------------------------
// builders
// ---------------------------------------------------------------------------------------------

const annex = (part: string): LegalReference => ({ ...reg2021_1057, article: `Annex I, ${part}` })
const fromMemory = { code: "unverified", wording: "unverified" } as const
const confirmed = { code: "confirmed", wording: "confirmed" } as const

type Spec = Omit<ParticipantIndicator, "_tag" | "source" | "confidence" | "answers" | "dataType" | "family"> &
  Partial<Pick<ParticipantIndicator, "source" | "confidence" | "answers" | "dataType" | "family">>

const participant = (s: Spec): ParticipantIndicator => ({
  _tag: "participant",
  family: "output",
  dataType: "personal",
  answers: "boolean",
  source: annex("1.1 common output indicators on participants"),
  confidence: fromMemory,
  ...s
})

const other = (s: Spec): ParticipantIndicator =>
  participant({ source: annex("1.2 other common output indicators on participants"), ...s })

const yes = (b: boolean): Participant.Answer => (b ? "yes" : "no")
const status = (c: Counted) => c.participant.labourMarketStatus
const age = (c: Counted) => c.participant.ageAtEntry
const band = (c: Counted) => Isced.band2021(c.participant.isced)
const leaving = (c: Counted, f: (s: LeavingStatus.LeavingStatus) => boolean): boolean =>
  c.uponLeaving !== undefined && f(c.uponLeaving)

const refusedNote = {
  it: "Risposte rifiutate e non rilevate riportate a parte, mai contate come «no» né stimate.",
  en: "Refused and not-collected answers are reported beside the count, never counted as 'no' nor estimated."
}

// ---------------------------------------------------------------------------------------------
// participant outputs (1.1)
// ---------------------------------------------------------------------------------------------

/**
 * EECO01: total number of participants.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO01 = participant({
  code: "EECO01",
  label: { it: "Numero totale di partecipanti", en: "Total number of participants" },
  definition: {
    it: "Partecipanti con dati completi, contati una volta per operazione (= EECO02 + EECO04 + EECO05).",
    en: "Participants with complete data, counted once per operation (= EECO02 + EECO04 + EECO05)."
  },
  count: () => "yes"
})

/**
 * EECO02: unemployed, including long-term unemployed.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO02 = participant({
  code: "EECO02",
  label: {
    it: "Disoccupati, compresi i disoccupati di lungo periodo",
    en: "Unemployed, including long-term unemployed"
  },
  definition: {
    it: "Partecipanti disoccupati all'ingresso, compresi quelli di lungo periodo.",
    en: "Participants unemployed at entry, long-term unemployed included."
  },
  count: (c) => yes(status(c) === "unemployed")
})

/**
 * EECO03: long-term unemployed.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO03 = participant({
  code: "EECO03",
  label: { it: "Disoccupati di lungo periodo", en: "Long-term unemployed" },
  definition: {
    it: "Partecipanti disoccupati di lungo periodo all'ingresso (LabourMarketStatus, non verificato).",
    en: "Participants long-term unemployed at entry (LabourMarketStatus, unverified)."
  },
  count: (c) => yes(status(c) === "unemployed" && c.participant.longTermUnemployed)
})

/**
 * EECO04: inactive.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO04 = participant({
  code: "EECO04",
  label: { it: "Inattivi", en: "Inactive" },
  definition: {
    it: "Partecipanti inattivi all'ingresso, in istruzione o formazione o no.",
    en: "Participants inactive at entry, whether in education or training or not."
  },
  count: (c) => yes(LabourMarketStatus.isInactive(status(c)))
})

/**
 * EECO05: employed, including self-employed.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO05 = participant({
  code: "EECO05",
  label: { it: "Occupati, compresi i lavoratori autonomi", en: "Employed, including self-employed" },
  definition: {
    it: "Partecipanti occupati all'ingresso, lavoratori autonomi compresi.",
    en: "Participants employed at entry, self-employed included."
  },
  source: sfcFaq,
  confidence: confirmed,
  count: (c) => yes(LabourMarketStatus.isEmployed(status(c)))
})

/**
 * EECO06: children below 18 years of age.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO06 = participant({
  code: "EECO06",
  label: { it: "Minori di 18 anni", en: "Children below 18 years of age" },
  definition: {
    it: "Partecipanti con meno di 18 anni compiuti all'ingresso.",
    en: "Participants under 18 completed years at entry."
  },
  count: (c) => yes(age(c) < 18)
})

/**
 * EECO07: young people aged 18-29.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO07 = participant({
  code: "EECO07",
  label: { it: "Giovani di età compresa tra 18 e 29 anni", en: "Young people aged 18-29" },
  definition: {
    it: "Partecipanti da 18 a 29 anni compiuti all'ingresso, estremi inclusi.",
    en: "Participants aged 18 to 29 completed years at entry, both included."
  },
  count: (c) => yes(age(c) >= 18 && age(c) <= 29)
})

/**
 * EECO08: participants aged 55 and above.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO08 = participant({
  code: "EECO08",
  label: { it: "Partecipanti di età pari o superiore a 55 anni", en: "Participants aged 55 and above" },
  definition: {
    it: "Partecipanti con 55 anni compiuti o più all'ingresso.",
    en: "Participants aged 55 completed years or more at entry."
  },
  count: (c) => yes(age(c) >= 55)
})

/**
 * EECO09: with lower secondary education or less (ISCED 0-2).
 *
 * @since 0.1.0
 * @category models
 */
export const EECO09 = participant({
  code: "EECO09",
  label: {
    it: "Titolari di un diploma di istruzione secondaria inferiore o inferiore (ISCED 0-2)",
    en: "With lower secondary education or less (ISCED 0-2)"
  },
  definition: {
    it: "Partecipanti il cui titolo più alto all'ingresso è ISCED 0, 1 o 2.",
    en: "Participants whose highest level at entry is ISCED 0, 1 or 2."
  },
  count: (c) => yes(band(c) === "isced-0-2")
})

/**
 * EECO10: with upper secondary (ISCED 3) or post-secondary education (ISCED 4).
 *
 * @since 0.1.0
 * @category models
 */
export const EECO10 = participant({
  code: "EECO10",
  label: {
    it: "Titolari di un diploma di istruzione secondaria superiore (ISCED 3) o post-secondaria (ISCED 4)",
    en: "With upper secondary (ISCED 3) or post-secondary education (ISCED 4)"
  },
  definition: {
    it: "Partecipanti il cui titolo più alto all'ingresso è ISCED 3 o 4.",
    en: "Participants whose highest level at entry is ISCED 3 or 4."
  },
  count: (c) => yes(band(c) === "isced-3-4")
})

/**
 * EECO11: with tertiary education (ISCED 5-8).
 *
 * @since 0.1.0
 * @category models
 */
export const EECO11 = participant({
  code: "EECO11",
  label: {
    it: "Titolari di un diploma di istruzione terziaria (ISCED da 5 a 8)",
    en: "With tertiary education (ISCED 5-8)"
  },
  definition: {
    it: "Partecipanti il cui titolo più alto all'ingresso è ISCED da 5 a 8.",
    en: "Participants whose highest level at entry is ISCED 5 to 8."
  },
  count: (c) => yes(band(c) === "isced-5-8")
})

// ---------------------------------------------------------------------------------------------
// other participant outputs (1.2)
// ---------------------------------------------------------------------------------------------

/**
 * EECO12: participants with disabilities.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO12 = other({
  code: "EECO12",
  dataType: "special-category",
  answers: "tri-state",
  label: { it: "Partecipanti con disabilità", en: "Participants with disabilities" },
  definition: { it: "Partecipanti con disabilità all'ingresso.", en: "Participants with a disability at entry." },
  note: refusedNote,
  count: (c) => Participant.answer(c.participant, "disability")
})

/**
 * EECO13: third-country nationals.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO13 = other({
  code: "EECO13",
  label: { it: "Cittadini di paesi terzi", en: "Third-country nationals" },
  definition: {
    it: "Partecipanti con cittadinanza di un paese non UE all'ingresso.",
    en: "Participants who are nationals of a non-EU country at entry."
  },
  count: (c) => yes(c.participant.thirdCountryNational === true)
})

/**
 * EECO14: participants with a foreign background.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO14 = other({
  code: "EECO14",
  answers: "tri-state",
  label: { it: "Partecipanti di origine straniera", en: "Participants with a foreign background" },
  definition: {
    it: "Partecipanti di origine straniera all'ingresso (risposta raccolta con le categorie particolari, quindi rifiutabile).",
    en: "Participants with a foreign background at entry (the answer is collected with the special categories, so it can be refused)."
  },
  note: refusedNote,
  count: (c) => Participant.answer(c.participant, "foreignBackground")
})

/**
 * EECO15: minorities (including marginalised communities such as the Roma).
 *
 * @since 0.1.0
 * @category models
 */
export const EECO15 = other({
  code: "EECO15",
  dataType: "special-category",
  answers: "tri-state",
  label: {
    it: "Minoranze (comprese le comunità emarginate come i Rom)",
    en: "Minorities (including marginalised communities such as the Roma)"
  },
  definition: {
    it: "Partecipanti appartenenti a una minoranza all'ingresso.",
    en: "Participants belonging to a minority at entry."
  },
  note: refusedNote,
  count: (c) => Participant.answer(c.participant, "minority")
})

/**
 * EECO16: participants facing homelessness or housing exclusion.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO16 = other({
  code: "EECO16",
  label: {
    it: "Partecipanti senza fissa dimora o colpiti da esclusione abitativa",
    en: "Participants facing homelessness or housing exclusion"
  },
  definition: {
    it: "Partecipanti senza dimora o colpiti da esclusione abitativa all'ingresso.",
    en: "Participants homeless or affected by housing exclusion at entry."
  },
  count: (c) => yes(c.participant.homelessOrHousingExclusion)
})

/**
 * EECO17: participants from rural areas.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO17 = other({
  code: "EECO17",
  label: { it: "Partecipanti provenienti da zone rurali", en: "Participants from rural areas" },
  definition: {
    it: "Partecipanti residenti in un'area rurale all'ingresso.",
    en: "Participants living in a rural area at entry."
  },
  count: (c) => yes(c.participant.rural)
})

// ---------------------------------------------------------------------------------------------
// entity outputs (1.3)
// ---------------------------------------------------------------------------------------------

const entity = (s: Omit<EntityIndicator, "_tag" | "family" | "dataType">): EntityIndicator => ({
  _tag: "entity",
  family: "entity",
  dataType: "none",
  ...s
})

/**
 * EECO18: number of public administrations or public services supported at national, regional or local level.
 *
 * @since 0.1.0
 * @category models
 */
export const EECO18 = entity({
  code: "EECO18",
  label: {
    it: "Numero di amministrazioni pubbliche o servizi pubblici sostenuti a livello nazionale, regionale o locale",
    en: "Number of public administrations or public services supported at national, regional or local level"
  },
  definition: {
    it: "Amministrazioni o servizi pubblici sostenuti, ciascuno contato una volta.",
    en: "Supported public administrations or public services, each counted once."
  },
  source: annex("1.3 common output indicators on entities"),
  confidence: fromMemory,
  count: (e) => e.publicAdministrations.length
})

/**
 * EECO19: number of supported micro, small and medium-sized enterprises (including cooperative enterprises and social enterprises).
 *
 * @since 0.1.0
 * @category models
 */
export const EECO19 = entity({
  code: "EECO19",
  label: {
    it: "Numero di micro, piccole e medie imprese sostenute (comprese le cooperative e le imprese sociali)",
    en: "Number of supported micro, small and medium-sized enterprises (including cooperative enterprises and social enterprises)"
  },
  definition: {
    it: "Micro, piccole e medie imprese sostenute, ciascuna contata una volta.",
    en: "Supported micro, small and medium-sized enterprises, each counted once."
  },
  source: sfcFaq,
  confidence: confirmed,
  count: (e) => e.smes.length
})

// ---------------------------------------------------------------------------------------------
// results
// ---------------------------------------------------------------------------------------------

const uponLeavingNote = {
  it: "«Alla fine della partecipazione» = condizione rilevata entro 4 settimane (28 giorni) dall'uscita (LeavingStatus.leavingStatusWindowDays, non verificato).",
  en: "'Upon leaving' = status recorded within 4 weeks (28 days) of leaving (LeavingStatus.leavingStatusWindowDays, unverified)."
}

const immediate = (s: Spec): ParticipantIndicator =>
  participant({
    family: "immediate-result",
    source: annex("common immediate result indicators for participants"),
    note: uponLeavingNote,
    ...s
  })

/**
 * EECR01: participants engaged in job searching upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const EECR01 = immediate({
  code: "EECR01",
  label: {
    it: "Partecipanti che cercano lavoro alla fine della loro partecipazione all'intervento",
    en: "Participants engaged in job searching upon leaving"
  },
  definition: {
    it: "Partecipanti che cercano lavoro alla fine della partecipazione (tutti: lettura letterale).",
    en: "Participants job searching upon leaving (all of them: literal reading)."
  },
  count: (c) => yes(leaving(c, (s) => s.jobSearching))
})

/**
 * EECR02: participants in education or training upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const EECR02 = immediate({
  code: "EECR02",
  label: {
    it: "Partecipanti che intraprendono un percorso di istruzione o di formazione alla fine della loro partecipazione all'intervento",
    en: "Participants in education or training upon leaving"
  },
  definition: {
    it: "Partecipanti in istruzione o formazione alla fine della partecipazione.",
    en: "Participants in education or training upon leaving."
  },
  count: (c) => yes(leaving(c, (s) => s.inEducationOrTraining))
})

/**
 * EECR03: participants gaining a qualification upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const EECR03 = immediate({
  code: "EECR03",
  label: {
    it: "Partecipanti che ottengono una qualifica alla fine della loro partecipazione all'intervento",
    en: "Participants gaining a qualification upon leaving"
  },
  definition: {
    it: "Partecipanti che ottengono una qualifica alla fine della partecipazione.",
    en: "Participants gaining a qualification upon leaving."
  },
  count: (c) => yes(leaving(c, (s) => s.gainedQualification))
})

/**
 * EECR04: participants in employment, including self-employment, upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const EECR04 = immediate({
  code: "EECR04",
  label: {
    it: "Partecipanti che hanno un lavoro, anche autonomo, alla fine della loro partecipazione all'intervento",
    en: "Participants in employment, including self-employment, upon leaving"
  },
  definition: {
    it: "Partecipanti occupati, anche in proprio, alla fine della partecipazione.",
    en: "Participants in employment, self-employment included, upon leaving."
  },
  count: (c) => yes(leaving(c, (s) => s.inEmployment))
})

/**
 * EECR05: participants in employment, including self-employment, six months after leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const EECR05 = participant({
  code: "EECR05",
  family: "longer-term-result",
  label: {
    it: "Partecipanti che hanno un lavoro, anche autonomo, sei mesi dopo la fine della loro partecipazione all'intervento",
    en: "Participants in employment, including self-employment, six months after leaving"
  },
  definition: {
    it: "Partecipanti occupati o autonomi alla rilevazione ad almeno sei mesi dall'uscita.",
    en: "Participants employed or self-employed at the follow-up at least six months after leaving."
  },
  source: annex("common longer-term result indicators for participants"),
  note: {
    it: "Riportato nel 2025 e nella relazione finale, su un campione rappresentativo ([M], facts.md §3.2); soglia dei sei mesi: LeavingStatus.followUpMonths, non verificata.",
    en: "Reported in 2025 and in the final performance report, on a representative sample ([M], facts.md §3.2); six-month threshold: LeavingStatus.followUpMonths, unverified."
  },
  count: (c) => yes(c.sixMonthsAfter !== undefined && LeavingStatus.inEmployment(c.sixMonthsAfter))
})

// ---------------------------------------------------------------------------------------------
// the set
// ---------------------------------------------------------------------------------------------

/**
 * The ESF+ 2021-2027 set, in reporting order. A participant is complete when it has the core
 * fields and third-country nationality (EECO13, a personal "*" variable).
 *
 * @since 0.1.0
 * @category models
 */
export const set: IndicatorSet = {
  id: "esf-plus-2021-2027",
  title: { it: "Indicatori comuni FSE+ 2021-2027", en: "ESF+ 2021-2027 common indicators" },
  source: reg2021_1057,
  indicators: [
    EECO01,
    EECO02,
    EECO03,
    EECO04,
    EECO05,
    EECO06,
    EECO07,
    EECO08,
    EECO09,
    EECO10,
    EECO11,
    EECO12,
    EECO13,
    EECO14,
    EECO15,
    EECO16,
    EECO17,
    EECO18,
    EECO19,
    EECR01,
    EECR02,
    EECR03,
    EECR04,
    EECR05
  ],
  totalCodes: ["EECO02", "EECO04", "EECO05"],
  requires: () => ["thirdCountryNational"]
}
