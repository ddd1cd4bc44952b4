/**
 * The ESF 2014-2020 common indicators of Reg. (UE) 1304/2013, Annex I (facts.md §3.1), as data:
 * participant outputs CO01–CO19 (CO12–CO14 only while in force: they were deleted by the
 * Omnibus Regulation 2018/1046), entity outputs CO20–CO23, immediate results CR01–CR05 (upon
 * leaving: within 4 weeks) and longer-term results CR06–CR09 (six months after leaving).
 *
 * Confidence, from facts.md: the list and the wording of CO01–CO19 and CR01–CR05 were read in
 * the Annex (confirmed); the CO/CR **numbering** is the SFC2014 one, from memory (unverified);
 * the wording of CO20 is confirmed only in part, CO21–CO23 and CR06–CR09 are from memory.
 * So no indicator of this set is confirmed as a whole.
 *
 * Readings of ours, each stated in the indicator's note and in docs/concepts/reporting.md:
 * ISCED 0 counts in CO09; "migrants" (CO15) includes third-country nationals; "disadvantaged"
 * (CR05, CR09) means counted in CO15, CO16 or CO17; results count the literal wording (CR02
 * counts everyone in education or training upon leaving, not only the newly engaged).
 *
 * @since 0.1.0
 */
import * as Calendar from "../../Calendar.js"
import * as Isced from "../../Isced.js"
import * as LabourMarketStatus from "../../LabourMarketStatus.js"
import * as LeavingStatus from "../../LeavingStatus.js"
import type { LegalReference } from "../../LegalReference.js"
import * as Parameter from "../../Parameter.js"
import type { Counted, EntityIndicator, IndicatorSet, ParticipantIndicator } from "../Indicator.js"
import * as Participant from "../Participant.js"

// ---------------------------------------------------------------------------------------------
// sources
// ---------------------------------------------------------------------------------------------

/**
 * Reg. (UE) 1304/2013, Annex I, original text: the list and wording of the 2014-2020 common
 * indicators (confirmed, facts.md §3.1).
 *
 * @since 0.1.0
 * @category parameters
 */
export const reg1304: LegalReference = {
  act: "Reg. (UE) 1304/2013",
  article: "Annex I",
  url: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32013R1304",
  confidence: "confirmed",
  note: "list and wording read in the Annex (facts.md §3.1); the CO/CR numbering is the SFC2014 one, from memory"
}

/**
 * Reg. (UE, Euratom) 2018/1046 (Omnibus), which deleted CO12–CO14 from Annex I. The deletion
 * is confirmed (facts.md §3.1 compares the original and consolidated texts); the date it
 * applies from, 2 August 2018 (entry into force, the third day after publication in the OJ of
 * 30 July 2018), is from memory.
 *
 * @since 0.1.0
 * @category parameters
 */
export const reg2018_1046: LegalReference = {
  act: "Reg. (UE, Euratom) 2018/1046",
  article: "amendment of Reg. (UE) 1304/2013, Annex I (deletion of the household indicators)",
  url: "https://legislation.gov.uk/eur/2013/1304/annex/I/data.html",
  confidence: "unverified",
  note: "deletion confirmed (facts.md §3.1); the date 2018-08-02 is from memory"
}

/**
 * The Commission's ESF monitoring guidance, where the counting rules come from: characteristics
 * at entry, once per operation, upon leaving = 4 weeks, six months after leaving, incomplete
 * records not counted (facts.md §3.1, all [M]).
 *
 * @since 0.1.0
 * @category parameters
 */
export const guidance: LegalReference = {
  act: "European Commission, Monitoring and Evaluation of European Cohesion Policy – ESF, guidance (June 2015)",
  article: "Annex D, common indicators",
  confidence: "unverified",
  note: "counting rules from memory (facts.md §3.1, [M])"
}

/**
 * Whether the household indicators CO12–CO14 are in force: from 1 January 2014 (Reg.
 * 1304/2013, confirmed) until their deletion by Reg. 2018/1046, in force from 2 August 2018
 * (the date is unverified: {@link reg2018_1046}). A dated rule: a participant who entered on
 * or after that day is not counted in them, and a reporting period that starts on or after it
 * does not report them.
 *
 * @since 0.1.0
 * @category parameters
 */
export const householdIndicatorsInForce: Parameter.Parameter<boolean> = Parameter.make({
  id: "esf2014.household-indicators.in-force",
  title: {
    it: "Indicatori sulla situazione familiare (CO12–CO14) in vigore",
    en: "Household indicators (CO12–CO14) in force"
  },
  unit: "boolean",
  source: reg2018_1046,
  steps: [
    { from: Calendar.unsafeMake("2014-01-01"), value: true, source: { ...reg1304, article: "Annex I, CO12–CO14" } },
    { from: Calendar.unsafeMake("2018-08-02"), value: false, source: reg2018_1046 }
  ]
})

// ---------------------------------------------------------------------------------------------
// builders
// ---------------------------------------------------------------------------------------------

const annex = (part: string): LegalReference => ({ ...reg1304, article: `Annex I, ${part}` })
const annexFromMemory = (part: string, note: string): LegalReference => ({
  ...reg1304,
  article: `Annex I, ${part}`,
  confidence: "unverified",
  note
})

const participantsPart = "common output indicators for participants"
const entitiesPart = "common output indicators for entities"
const immediatePart = "common immediate result indicators for participants"
const longerPart = "common longer-term result indicators for participants"

const codeFromMemory = { code: "unverified", wording: "confirmed" } as const
const fromMemory = { code: "unverified", wording: "unverified" } as const

type Spec = Omit<ParticipantIndicator, "_tag" | "source" | "confidence" | "answers" | "dataType"> &
  Partial<Pick<ParticipantIndicator, "source" | "confidence" | "answers" | "dataType">>

const participant = (s: Spec): ParticipantIndicator => ({
  _tag: "participant",
  dataType: "personal",
  answers: "boolean",
  source: annex(participantsPart),
  confidence: codeFromMemory,
  ...s
})

const yes = (b: boolean): Participant.Answer => (b ? "yes" : "no")
const status = (c: Counted) => c.participant.labourMarketStatus
const unemployed = (c: Counted) => status(c) === "unemployed"
const inactive = (c: Counted) => LabourMarketStatus.isInactive(status(c))
const inactiveNotInEducation = (c: Counted) => status(c) === "inactive-not-in-education-or-training"
const over54 = (c: Counted) => c.participant.ageAtEntry > 54
const band = (c: Counted) => Isced.band2014(c.participant.isced)
/** The household situation, when CO12–CO14 were in force on the day the participant entered. */
const household = (c: Counted) =>
  Parameter.valueAt(householdIndicatorsInForce, c.participant.entryDate) === true ? c.participant.household : undefined

/** CO15: a third-country national, a foreign background or a minority. */
const migrantOrMinority = (c: Counted): Participant.Answer =>
  Participant.anyOf([
    Participant.fromBoolean(c.participant.thirdCountryNational),
    Participant.answer(c.participant, "foreignBackground"),
    Participant.answer(c.participant, "minority")
  ])

/** CR05, CR09: counted in CO15, CO16 or CO17. */
const disadvantaged = (c: Counted): Participant.Answer =>
  Participant.anyOf([
    migrantOrMinority(c),
    Participant.answer(c.participant, "disability"),
    Participant.answer(c.participant, "otherDisadvantaged")
  ])

const leaving = (c: Counted, f: (s: LeavingStatus.LeavingStatus) => boolean): boolean =>
  c.uponLeaving !== undefined && f(c.uponLeaving)
const employedAfterSixMonths = (c: Counted): boolean =>
  c.sixMonthsAfter !== undefined && LeavingStatus.inEmployment(c.sixMonthsAfter)

const householdNote = {
  it: "Soppresso dal Reg. (UE, Euratom) 2018/1046: riportato solo per i periodi che iniziano prima del 2 agosto 2018 (data non verificata) e contato solo per chi è entrato prima di quella data. Definizioni di nucleo senza occupati e figli a carico: EntrySnapshot.householdSource (non verificate).",
  en: "Deleted by Reg. (EU, Euratom) 2018/1046: reported only for periods starting before 2 August 2018 (date unverified), and counting only participants who entered before that day. Definitions of jobless household and dependent children: EntrySnapshot.householdSource (unverified)."
}

const sampleNote = {
  it: "Nel 2014-2020 rilevato su un campione rappresentativo (facts.md §3.1): quartieri lo richiede per ogni partecipante, come la fotografia all'ingresso.",
  en: "In 2014-2020 collected on a representative sample (facts.md §3.1): quartieri requires it of every participant, as the entry snapshot does."
}

const refusedNote = {
  it: "Dato sensibile: le risposte rifiutate e quelle non rilevate sono riportate a parte, mai contate come «no» né stimate.",
  en: "Special-category data: refused and not-collected answers are reported beside the count, never counted as 'no' nor estimated."
}

// ---------------------------------------------------------------------------------------------
// participant outputs
// ---------------------------------------------------------------------------------------------

/**
 * CO01: unemployed, including long-term unemployed.
 *
 * @since 0.1.0
 * @category models
 */
export const CO01 = participant({
  code: "CO01",
  family: "output",
  label: {
    it: "Disoccupati, compresi i disoccupati di lungo periodo",
    en: "Unemployed, including long-term unemployed"
  },
  definition: {
    it: "Partecipanti disoccupati all'ingresso, compresi quelli di lungo periodo.",
    en: "Participants unemployed at entry, long-term unemployed included."
  },
  count: (c) => yes(unemployed(c))
})

/**
 * CO02: long-term unemployed.
 *
 * @since 0.1.0
 * @category models
 */
export const CO02 = participant({
  code: "CO02",
  family: "output",
  label: { it: "Disoccupati di lungo periodo", en: "Long-term unemployed" },
  definition: {
    it: "Partecipanti disoccupati di lungo periodo all'ingresso (oltre 12 mesi, oltre 6 sotto i 25 anni: LabourMarketStatus, non verificato).",
    en: "Participants long-term unemployed at entry (over 12 months, over 6 under 25: LabourMarketStatus, unverified)."
  },
  count: (c) => yes(unemployed(c) && c.participant.longTermUnemployed)
})

/**
 * CO03: inactive.
 *
 * @since 0.1.0
 * @category models
 */
export const CO03 = participant({
  code: "CO03",
  family: "output",
  label: { it: "Inattivi", en: "Inactive" },
  definition: {
    it: "Partecipanti inattivi all'ingresso, in istruzione o formazione o no.",
    en: "Participants inactive at entry, whether in education or training or not."
  },
  count: (c) => yes(inactive(c))
})

/**
 * CO04: inactive, not in education or training.
 *
 * @since 0.1.0
 * @category models
 */
export const CO04 = participant({
  code: "CO04",
  family: "output",
  label: {
    it: "Inattivi che non seguono un corso di istruzione né una formazione",
    en: "Inactive, not in education or training"
  },
  definition: {
    it: "Partecipanti inattivi all'ingresso che non seguono un corso di istruzione né una formazione.",
    en: "Participants inactive at entry and not in education or training."
  },
  count: (c) => yes(inactiveNotInEducation(c))
})

/**
 * CO05: employed, including self-employed.
 *
 * @since 0.1.0
 * @category models
 */
export const CO05 = participant({
  code: "CO05",
  family: "output",
  label: { it: "Occupati, compresi i lavoratori autonomi", en: "Employed, including self-employed" },
  definition: {
    it: "Partecipanti occupati all'ingresso, lavoratori autonomi compresi.",
    en: "Participants employed at entry, self-employed included."
  },
  count: (c) => yes(LabourMarketStatus.isEmployed(status(c)))
})

/**
 * CO06: below 25 years of age.
 *
 * @since 0.1.0
 * @category models
 */
export const CO06 = participant({
  code: "CO06",
  family: "output",
  label: { it: "Di età inferiore a 25 anni", en: "Below 25 years of age" },
  definition: {
    it: "Partecipanti con meno di 25 anni compiuti all'ingresso (età 0–24).",
    en: "Participants under 25 completed years at entry (ages 0–24)."
  },
  count: (c) => yes(c.participant.ageAtEntry < 25)
})

/**
 * CO07: above 54 years of age.
 *
 * @since 0.1.0
 * @category models
 */
export const CO07 = participant({
  code: "CO07",
  family: "output",
  label: { it: "Di età superiore a 54 anni", en: "Above 54 years of age" },
  definition: {
    it: "Partecipanti con più di 54 anni compiuti all'ingresso (55 e oltre).",
    en: "Participants over 54 completed years at entry (55 and over)."
  },
  count: (c) => yes(over54(c))
})

/**
 * CO08: above 54 years of age who are unemployed, including long-term unemployed, or inactive not in education or training.
 *
 * @since 0.1.0
 * @category models
 */
export const CO08 = participant({
  code: "CO08",
  family: "output",
  label: {
    it: "Di età superiore a 54 anni, disoccupati (compresi quelli di lungo periodo) o inattivi che non seguono un corso di istruzione né una formazione",
    en: "Above 54 years of age who are unemployed, including long-term unemployed, or inactive not in education or training"
  },
  definition: {
    it: "Partecipanti di 55 anni e oltre all'ingresso, disoccupati oppure inattivi non in istruzione né formazione.",
    en: "Participants aged 55 or more at entry who are unemployed, or inactive and not in education or training."
  },
  count: (c) => yes(over54(c) && (unemployed(c) || inactiveNotInEducation(c)))
})

/**
 * CO09: with primary (ISCED 1) or lower secondary education (ISCED 2).
 *
 * @since 0.1.0
 * @category models
 */
export const CO09 = participant({
  code: "CO09",
  family: "output",
  label: {
    it: "Titolari di un diploma di istruzione primaria (ISCED 1) o secondaria inferiore (ISCED 2)",
    en: "With primary (ISCED 1) or lower secondary education (ISCED 2)"
  },
  definition: {
    it: "Partecipanti il cui titolo più alto all'ingresso è ISCED 0, 1 o 2 (ISCED 0 compreso: nostra lettura).",
    en: "Participants whose highest level at entry is ISCED 0, 1 or 2 (ISCED 0 included: our reading)."
  },
  note: {
    it: "Il Regolamento nomina solo ISCED 1 e 2: contare qui ISCED 0 è una lettura (Isced.source2014).",
    en: "The Regulation names ISCED 1 and 2 only: counting ISCED 0 here is a reading (Isced.source2014)."
  },
  count: (c) => yes(band(c) === "isced-1-2")
})

/**
 * CO10: with upper secondary (ISCED 3) or post-secondary education (ISCED 4).
 *
 * @since 0.1.0
 * @category models
 */
export const CO10 = participant({
  code: "CO10",
  family: "output",
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
 * CO11: with tertiary education (ISCED 5 to 8).
 *
 * @since 0.1.0
 * @category models
 */
export const CO11 = participant({
  code: "CO11",
  family: "output",
  label: {
    it: "Titolari di un diploma di istruzione terziaria (ISCED da 5 a 8)",
    en: "With tertiary education (ISCED 5 to 8)"
  },
  definition: {
    it: "Partecipanti il cui titolo più alto all'ingresso è ISCED da 5 a 8.",
    en: "Participants whose highest level at entry is ISCED 5 to 8."
  },
  count: (c) => yes(band(c) === "isced-5-8")
})

/**
 * CO12: participants who live in jobless households.
 *
 * @since 0.1.0
 * @category models
 */
export const CO12 = participant({
  code: "CO12",
  family: "output",
  label: { it: "Partecipanti che vivono in famiglie senza lavoro", en: "Participants who live in jobless households" },
  definition: {
    it: "Partecipanti entrati prima della soppressione il cui nucleo, all'ingresso, non ha alcun componente occupato.",
    en: "Participants who entered before the deletion and whose household, at entry, has no member in employment."
  },
  source: annex(`${participantsPart}, CO12 (original text; deleted by Reg. 2018/1046)`),
  inForce: householdIndicatorsInForce,
  note: householdNote,
  count: (c) => yes(household(c)?.jobless === true)
})

/**
 * CO13: participants who live in jobless households with dependent children.
 *
 * @since 0.1.0
 * @category models
 */
export const CO13 = participant({
  code: "CO13",
  family: "output",
  label: {
    it: "Partecipanti che vivono in famiglie senza lavoro con figli a carico",
    en: "Participants who live in jobless households with dependent children"
  },
  definition: {
    it: "Partecipanti entrati prima della soppressione il cui nucleo, all'ingresso, non ha componenti occupati e ha figli a carico.",
    en: "Participants who entered before the deletion and whose household, at entry, has no member in employment and has dependent children."
  },
  source: annex(`${participantsPart}, CO13 (original text; deleted by Reg. 2018/1046)`),
  inForce: householdIndicatorsInForce,
  note: householdNote,
  count: (c) => yes(household(c)?.jobless === true && household(c)?.dependentChildren === true)
})

/**
 * CO14: participants who live in a single adult household with dependent children.
 *
 * @since 0.1.0
 * @category models
 */
export const CO14 = participant({
  code: "CO14",
  family: "output",
  label: {
    it: "Partecipanti che vivono in una famiglia composta da un singolo adulto con figli a carico",
    en: "Participants who live in a single adult household with dependent children"
  },
  definition: {
    it: "Partecipanti entrati prima della soppressione il cui nucleo, all'ingresso, ha un solo adulto e figli a carico.",
    en: "Participants who entered before the deletion and whose household, at entry, has a single adult and dependent children."
  },
  source: annex(`${participantsPart}, CO14 (original text; deleted by Reg. 2018/1046)`),
  inForce: householdIndicatorsInForce,
  note: householdNote,
  count: (c) => yes(household(c)?.singleAdult === true && household(c)?.dependentChildren === true)
})

/**
 * CO15: migrants, participants with a foreign background, minorities (including marginalised communities such as the Roma).
 *
 * @since 0.1.0
 * @category models
 */
export const CO15 = participant({
  code: "CO15",
  family: "output",
  dataType: "special-category",
  answers: "tri-state",
  label: {
    it: "Migranti, partecipanti di origine straniera, minoranze (comprese le comunità emarginate come i Rom)",
    en: "Migrants, participants with a foreign background, minorities (including marginalised communities such as the Roma)"
  },
  definition: {
    it: "Partecipanti cittadini di un paese terzo, o di origine straniera, o appartenenti a una minoranza, all'ingresso (cittadinanza di paese terzo come «migrante»: nostra lettura).",
    en: "Participants who at entry are third-country nationals, or have a foreign background, or belong to a minority (third-country nationality as 'migrant': our reading)."
  },
  note: refusedNote,
  count: migrantOrMinority
})

/**
 * CO16: participants with disabilities.
 *
 * @since 0.1.0
 * @category models
 */
export const CO16 = participant({
  code: "CO16",
  family: "output",
  dataType: "special-category",
  answers: "tri-state",
  label: { it: "Partecipanti con disabilità", en: "Participants with disabilities" },
  definition: { it: "Partecipanti con disabilità all'ingresso.", en: "Participants with a disability at entry." },
  note: refusedNote,
  count: (c) => Participant.answer(c.participant, "disability")
})

/**
 * CO17: other disadvantaged.
 *
 * @since 0.1.0
 * @category models
 */
export const CO17 = participant({
  code: "CO17",
  family: "output",
  dataType: "special-category",
  answers: "tri-state",
  label: { it: "Altre persone svantaggiate", en: "Other disadvantaged" },
  definition: {
    it: "Partecipanti registrati come «altre persone svantaggiate» all'ingresso (dato fornito, mai dedotto: il percorso non lo rileva).",
    en: "Participants recorded as 'other disadvantaged' at entry (supplied, never inferred: the pathway does not collect it)."
  },
  note: refusedNote,
  count: (c) => Participant.answer(c.participant, "otherDisadvantaged")
})

/**
 * CO18: homeless or affected by housing exclusion.
 *
 * @since 0.1.0
 * @category models
 */
export const CO18 = participant({
  code: "CO18",
  family: "output",
  label: {
    it: "Senzatetto o persone colpite da esclusione abitativa",
    en: "Homeless or affected by housing exclusion"
  },
  definition: {
    it: "Partecipanti senza dimora o colpiti da esclusione abitativa all'ingresso.",
    en: "Participants homeless or affected by housing exclusion at entry."
  },
  note: sampleNote,
  count: (c) => yes(c.participant.homelessOrHousingExclusion)
})

/**
 * CO19: from rural areas.
 *
 * @since 0.1.0
 * @category models
 */
export const CO19 = participant({
  code: "CO19",
  family: "output",
  label: { it: "Persone provenienti da zone rurali", en: "From rural areas" },
  definition: {
    it: "Partecipanti residenti in un'area rurale all'ingresso.",
    en: "Participants living in a rural area at entry."
  },
  note: sampleNote,
  count: (c) => yes(c.participant.rural)
})

// ---------------------------------------------------------------------------------------------
// entity outputs
// ---------------------------------------------------------------------------------------------

const entity = (s: Omit<EntityIndicator, "_tag" | "family" | "dataType">): EntityIndicator => ({
  _tag: "entity",
  family: "entity",
  dataType: "none",
  ...s
})

/**
 * CO20: number of projects fully or partially implemented by social partners or non-governmental organisations.
 *
 * @since 0.1.0
 * @category models
 */
export const CO20 = entity({
  code: "CO20",
  label: {
    it: "Numero di progetti attuati completamente o parzialmente dalle parti sociali o da organizzazioni non governative",
    en: "Number of projects fully or partially implemented by social partners or non-governmental organisations"
  },
  definition: {
    it: "Progetti sostenuti indicati come attuati, in tutto o in parte, da parti sociali o ONG.",
    en: "Supported projects marked as implemented, fully or partially, by social partners or NGOs."
  },
  source: annexFromMemory(entitiesPart, "facts.md §3.1: only the first part of the CO20 wording is confirmed"),
  confidence: fromMemory,
  count: (e) => e.projects.filter((p) => p.socialPartnersOrNgos).length
})

/**
 * CO21: number of projects dedicated to the sustainable participation and progress of women in employment.
 *
 * @since 0.1.0
 * @category models
 */
export const CO21 = entity({
  code: "CO21",
  label: {
    it: "Numero di progetti dedicati alla partecipazione sostenibile e al progresso delle donne nel mondo del lavoro",
    en: "Number of projects dedicated to the sustainable participation and progress of women in employment"
  },
  definition: {
    it: "Progetti sostenuti indicati come dedicati alla partecipazione e al progresso delle donne nel lavoro.",
    en: "Supported projects marked as dedicated to the participation and progress of women in employment."
  },
  source: annexFromMemory(entitiesPart, "wording from memory (facts.md §3.1)"),
  confidence: fromMemory,
  count: (e) => e.projects.filter((p) => p.womenInEmployment).length
})

/**
 * CO22: number of projects targeting public administrations or public services at national, regional or local level.
 *
 * @since 0.1.0
 * @category models
 */
export const CO22 = entity({
  code: "CO22",
  label: {
    it: "Numero di progetti destinati alle pubbliche amministrazioni o ai servizi pubblici a livello nazionale, regionale o locale",
    en: "Number of projects targeting public administrations or public services at national, regional or local level"
  },
  definition: {
    it: "Progetti sostenuti indicati come destinati a pubbliche amministrazioni o servizi pubblici.",
    en: "Supported projects marked as targeting public administrations or public services."
  },
  source: annexFromMemory(entitiesPart, "wording from memory (facts.md §3.1)"),
  confidence: fromMemory,
  count: (e) => e.projects.filter((p) => p.publicAdministrations).length
})

/**
 * CO23: number of supported micro, small and medium-sized enterprises (including cooperative enterprises and enterprises of the social economy).
 *
 * @since 0.1.0
 * @category models
 */
export const CO23 = entity({
  code: "CO23",
  label: {
    it: "Numero di micro, piccole e medie imprese sostenute (comprese cooperative e imprese dell'economia sociale)",
    en: "Number of supported micro, small and medium-sized enterprises (including cooperative enterprises and enterprises of the social economy)"
  },
  definition: {
    it: "Micro, piccole e medie imprese sostenute, ciascuna contata una volta.",
    en: "Supported micro, small and medium-sized enterprises, each counted once."
  },
  source: annexFromMemory(entitiesPart, "wording from memory (facts.md §3.1)"),
  confidence: fromMemory,
  count: (e) => e.smes.length
})

// ---------------------------------------------------------------------------------------------
// results
// ---------------------------------------------------------------------------------------------

const uponLeavingNote = {
  it: "«Alla fine della partecipazione» = condizione rilevata entro 4 settimane (28 giorni) dall'uscita (LeavingStatus.leavingStatusWindowDays, non verificato); una rilevazione più tarda non è contata.",
  en: "'Upon leaving' = status recorded within 4 weeks (28 days) of leaving (LeavingStatus.leavingStatusWindowDays, unverified); a later record is not counted."
}

const sixMonthsNote = {
  it: "Rilevazione ad almeno sei mesi dall'uscita (LeavingStatus.followUpMonths, non verificato); nel 2014-2020 su un campione rappresentativo.",
  en: "Follow-up recorded at least six months after leaving (LeavingStatus.followUpMonths, unverified); in 2014-2020 on a representative sample."
}

const immediate = (s: Omit<Spec, "family">): ParticipantIndicator =>
  participant({ family: "immediate-result", source: annex(immediatePart), note: uponLeavingNote, ...s })

const longer = (s: Omit<Spec, "family">): ParticipantIndicator =>
  participant({
    family: "longer-term-result",
    source: annexFromMemory(longerPart, "facts.md §3.1 tags the longer-term results [M]"),
    confidence: fromMemory,
    note: sixMonthsNote,
    ...s
  })

/**
 * CR01: inactive participants newly engaged in job searching upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR01 = immediate({
  code: "CR01",
  label: {
    it: "Partecipanti inattivi che cercano lavoro alla fine della loro partecipazione all'intervento",
    en: "Inactive participants newly engaged in job searching upon leaving"
  },
  definition: {
    it: "Partecipanti inattivi all'ingresso che cercano lavoro alla fine della partecipazione.",
    en: "Participants inactive at entry who are job searching upon leaving."
  },
  count: (c) => yes(inactive(c) && leaving(c, (s) => s.jobSearching))
})

/**
 * CR02: participants in education/training upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR02 = immediate({
  code: "CR02",
  label: {
    it: "Partecipanti che intraprendono studi o corsi di formazione alla fine della loro partecipazione all'intervento",
    en: "Participants in education/training upon leaving"
  },
  definition: {
    it: "Partecipanti in istruzione o formazione alla fine della partecipazione (tutti, non solo chi non lo era all'ingresso: lettura letterale).",
    en: "Participants in education or training upon leaving (all of them, not only those who were not at entry: literal reading)."
  },
  count: (c) => yes(leaving(c, (s) => s.inEducationOrTraining))
})

/**
 * CR03: participants gaining a qualification upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR03 = immediate({
  code: "CR03",
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
 * CR04: participants in employment, including self-employment, upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR04 = immediate({
  code: "CR04",
  label: {
    it: "Partecipanti che hanno un lavoro, anche autonomo, alla fine della loro partecipazione all'intervento",
    en: "Participants in employment, including self-employment, upon leaving"
  },
  definition: {
    it: "Partecipanti occupati, anche in proprio, alla fine della partecipazione (tutti: lettura letterale).",
    en: "Participants in employment, self-employment included, upon leaving (all of them: literal reading)."
  },
  count: (c) => yes(leaving(c, (s) => s.inEmployment))
})

/**
 * CR05: disadvantaged participants engaged in job searching, education/training, gaining a qualification, or in employment, including self-employment, upon leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR05 = immediate({
  code: "CR05",
  dataType: "special-category",
  answers: "tri-state",
  label: {
    it: "Partecipanti svantaggiati che cercano lavoro, sono in istruzione o formazione, ottengono una qualifica o hanno un lavoro, anche autonomo, alla fine della loro partecipazione all'intervento",
    en: "Disadvantaged participants engaged in job searching, education/training, gaining a qualification, or in employment, including self-employment, upon leaving"
  },
  definition: {
    it: "Partecipanti svantaggiati (contati in CO15, CO16 o CO17: nostra lettura) con almeno uno dei quattro esiti alla fine della partecipazione.",
    en: "Disadvantaged participants (counted in CO15, CO16 or CO17: our reading) with at least one of the four outcomes upon leaving."
  },
  count: (c) =>
    Participant.when(
      leaving(c, (s) => !LeavingStatus.isNone(s)),
      disadvantaged(c)
    )
})

/**
 * CR06: participants in employment, including self-employment, six months after leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR06 = longer({
  code: "CR06",
  label: {
    it: "Partecipanti che hanno un lavoro, anche autonomo, sei mesi dopo la fine della loro partecipazione all'intervento",
    en: "Participants in employment, including self-employment, six months after leaving"
  },
  definition: {
    it: "Partecipanti occupati o lavoratori autonomi alla rilevazione a sei mesi dall'uscita.",
    en: "Participants employed or self-employed at the follow-up six months after leaving."
  },
  count: (c) => yes(employedAfterSixMonths(c))
})

/**
 * CR07: participants with an improved labour market situation six months after leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR07 = longer({
  code: "CR07",
  label: {
    it: "Partecipanti che godono di una migliore situazione sul mercato del lavoro sei mesi dopo la fine della loro partecipazione all'intervento",
    en: "Participants with an improved labour market situation six months after leaving"
  },
  definition: {
    it: "Partecipanti la cui situazione lavorativa è migliorata alla rilevazione a sei mesi dall'uscita.",
    en: "Participants whose labour-market situation improved at the follow-up six months after leaving."
  },
  count: (c) => yes(c.sixMonthsAfter?.improvedSituation === true)
})

/**
 * CR08: participants above 54 years of age in employment, including self-employment, six months after leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR08 = longer({
  code: "CR08",
  label: {
    it: "Partecipanti di età superiore a 54 anni che hanno un lavoro, anche autonomo, sei mesi dopo la fine della loro partecipazione all'intervento",
    en: "Participants above 54 years of age in employment, including self-employment, six months after leaving"
  },
  definition: {
    it: "Partecipanti di 55 anni e oltre all'ingresso, occupati o autonomi alla rilevazione a sei mesi.",
    en: "Participants aged 55 or more at entry, employed or self-employed at the six-month follow-up."
  },
  count: (c) => yes(over54(c) && employedAfterSixMonths(c))
})

/**
 * CR09: disadvantaged participants in employment, including self-employment, six months after leaving.
 *
 * @since 0.1.0
 * @category models
 */
export const CR09 = longer({
  code: "CR09",
  dataType: "special-category",
  answers: "tri-state",
  label: {
    it: "Partecipanti svantaggiati che hanno un lavoro, anche autonomo, sei mesi dopo la fine della loro partecipazione all'intervento",
    en: "Disadvantaged participants in employment, including self-employment, six months after leaving"
  },
  definition: {
    it: "Partecipanti svantaggiati (contati in CO15, CO16 o CO17: nostra lettura) occupati o autonomi alla rilevazione a sei mesi.",
    en: "Disadvantaged participants (counted in CO15, CO16 or CO17: our reading) employed or self-employed at the six-month follow-up."
  },
  count: (c) => Participant.when(employedAfterSixMonths(c), disadvantaged(c))
})

// ---------------------------------------------------------------------------------------------
// the set
// ---------------------------------------------------------------------------------------------

/**
 * The ESF 2014-2020 set, in reporting order. A participant is complete when it has the core
 * fields, plus the household situation when it entered while CO12–CO14 were in force
 * (`Participant.classify`).
 *
 * @since 0.1.0
 * @category models
 */
export const set: IndicatorSet = {
  id: "esf-2014-2020",
  title: { it: "Indicatori comuni FSE 2014-2020", en: "ESF 2014-2020 common indicators" },
  source: reg1304,
  indicators: [
    CO01,
    CO02,
    CO03,
    CO04,
    CO05,
    CO06,
    CO07,
    CO08,
    CO09,
    CO10,
    CO11,
    CO12,
    CO13,
    CO14,
    CO15,
    CO16,
    CO17,
    CO18,
    CO19,
    CO20,
    CO21,
    CO22,
    CO23,
    CR01,
    CR02,
    CR03,
    CR04,
    CR05,
    CR06,
    CR07,
    CR08,
    CR09
  ],
  totalCodes: ["CO01", "CO03", "CO05"],
  requires: (entryDate) => (Parameter.valueAt(householdIndicatorsInForce, entryDate) === true ? ["household"] : [])
}
