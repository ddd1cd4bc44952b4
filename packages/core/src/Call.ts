/**
 * Calls (avvisi) of Regione Lombardia for the social management of ERP neighbourhoods: what a
 * call funds (programme and actions), the act it rests on, the partnership rules, the
 * sub-projects every project must have, the duration limits, and its dated parameters
 * (allocations, grant caps and rates) with their sources and confidence.
 *
 * A call is reference data written in source, not user input: it holds functions (the
 * partnership rules), so it is an interface, not a Schema. Projects refer to it by
 * {@link CallId}; {@link byId} finds it.
 *
 * Parameters tagged `unverified` are readings or inferences, not values read in an act: their
 * titles say so, and `Parameter.isConfirmed` tells a caller before it relies on them.
 *
 * @since 0.1.0
 */

import { BasisPoints } from "./BasisPoints.js"
import * as Calendar from "./Calendar.js"
import { CallId } from "./Ids.js"
import { at, type LegalReference } from "./LegalReference.js"
import * as Money from "./Money.js"
import type { Label } from "./Organisation.js"
import * as Parameter from "./Parameter.js"
import * as Partnership from "./Partnership.js"
import * as Programme from "./Programme.js"
import type { SubProjectKind } from "./Project.js"
import * as Sources from "./Sources.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * A sub-project every project of the call must have, on a given action.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequiredSubProject {
  readonly kind: SubProjectKind
  readonly action: Programme.ActionCode
  readonly source: LegalReference
}

/**
 * The duration limits of a call's projects, as dated parameters: at most `maxMonths` months
 * from the start, and an end no later than `latestEnd`. An absent limit is not known (or does
 * not exist) and is not checked.
 *
 * @since 0.1.0
 * @category models
 */
export interface DurationRule {
  readonly maxMonths?: Parameter.Parameter<number>
  readonly latestEnd?: Parameter.Parameter<Calendar.CalendarDate>
}

/**
 * A call (avviso): id, title, programme and actions, the act it rests on, the date from which
 * its terms apply, its partnership rules, required sub-projects, duration limits and every
 * dated parameter it sets.
 *
 * @since 0.1.0
 * @category models
 */
export interface Call {
  readonly id: CallId
  readonly title: Label
  readonly programme: Programme.Programme
  readonly actions: ReadonlyArray<Programme.ActionCode>
  readonly source: LegalReference
  /** The date from which the call's terms apply: the default date at which rules read its parameters. */
  readonly effectiveFrom: Calendar.CalendarDate
  readonly partnershipRules: Partnership.RuleSet
  readonly requiredSubProjects: ReadonlyArray<RequiredSubProject>
  readonly duration: DurationRule
  readonly parameters: ReadonlyArray<Parameter.Parameter<unknown>>
}

const d = Calendar.unsafeMake

// ---------------------------------------------------------------------------------------------
// 2017 avviso
// ---------------------------------------------------------------------------------------------

const from2017 = d("2017-11-15") // D.d.s. 15 novembre 2017 approving the avviso (facts.md §1.2)

/**
 * 2017 avviso: activities end within 24 months of the project's start. Confirmed (facts.md
 * §1.2). The months are counted as Italian law counts terms in months (art. 2963 c.c.: the term
 * falls on the same-numbered day of the last month), so a project starting on 2018-05-16 may
 * end on 2020-05-16; that computation is our reading.
 *
 * @since 0.1.0
 * @category parameters
 */
export const avviso2017MaxMonths: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "avviso-2017.max-duration-months",
    title: {
      it: "Durata massima delle attività (mesi dall'avvio)",
      en: "Maximum duration of activities (months from the start)"
    },
    unit: "months",
    source: { ...Sources.avviso2017, note: "months counted as in art. 2963 c.c.: our reading" }
  },
  from2017,
  24
)

/**
 * 2017 avviso: activities end no later than 16/05/2020. Confirmed (facts.md §1.2).
 *
 * @since 0.1.0
 * @category parameters
 */
export const avviso2017LatestEnd: Parameter.Parameter<Calendar.CalendarDate> = Parameter.constant(
  {
    id: "avviso-2017.latest-end",
    title: { it: "Termine ultimo delle attività", en: "Latest end of activities" },
    unit: "date",
    source: Sources.avviso2017
  },
  from2017,
  d("2020-05-16")
)

/**
 * 2017 avviso, **unverified**: € 120.000 as the grant cap of one sub-project. The amount is
 * quoted by saef.it ("contributo a fondo perduto fino ad un massimo di euro 120.000,00"); that it
 * caps a sub-project (probably the laboratorio sociale) rather than a project is inferred:
 * funded projects reach about € 252.000, while the Lonate Pozzolo laboratorio sociale is
 * € 119.640,70 and its inclusione attiva € 109.385,45 (facts.md §1.2, §6.2).
 *
 * @since 0.1.0
 * @category parameters
 */
export const avviso2017SubProjectGrantCap: Parameter.Parameter<Money.Cents> = Parameter.constant(
  {
    id: "avviso-2017.grant-cap.sub-project",
    title: {
      it: "Contributo massimo per sottoprogetto (NON VERIFICATO: importo citato, lettura come tetto del sottoprogetto dedotta)",
      en: "Grant cap per sub-project (UNVERIFIED: amount quoted, reading as a sub-project cap inferred)"
    },
    unit: "cents",
    source: {
      ...Sources.avviso2017,
      confidence: "unverified",
      note: "amount quoted by saef.it; applying it to one sub-project is an inference (facts.md §1.2)"
    }
  },
  from2017,
  Money.euros(120_000)
)

/**
 * 2017 avviso, **unverified**: about € 252.000 as the grant cap of a project, inferred from the
 * largest grants of the November 2018 tranche (€ 251.989, 251.986, 251.964…); not read in the
 * avviso (facts.md §1.2, §6.2).
 *
 * @since 0.1.0
 * @category parameters
 */
export const avviso2017ProjectGrantCap: Parameter.Parameter<Money.Cents> = Parameter.constant(
  {
    id: "avviso-2017.grant-cap.project",
    title: {
      it: "Contributo massimo per progetto, circa (NON VERIFICATO: dedotto dai contributi concessi)",
      en: "Grant cap per project, approximate (UNVERIFIED: inferred from the grants awarded)"
    },
    unit: "cents",
    source: {
      ...Sources.avviso2017,
      confidence: "unverified",
      note: "inferred from the largest grants awarded (about 252.000 €), not read in the avviso (facts.md §1.2)"
    }
  },
  from2017,
  Money.euros(252_000)
)

/**
 * The 2017 avviso "per il finanziamento di progetti per la gestione sociale dei quartieri di
 * edilizia pubblica in Lombardia" (POR FSE 2014-2020, Asse II). Every project has a laboratorio
 * sociale on azione 9.4.2 and an inclusione attiva on azione 9.1.3; activities end within 24
 * months of the start and no later than 16/05/2020 (facts.md §1.2, confirmed).
 *
 * @since 0.1.0
 * @category constructors
 */
export const avviso2017: Call = {
  id: CallId.make("avviso-2017"),
  title: {
    it: "Avviso pubblico per il finanziamento di progetti per la gestione sociale dei quartieri di edilizia pubblica in Lombardia (2017)",
    en: "Call for projects for the social management of public-housing neighbourhoods in Lombardy (2017)"
  },
  programme: Programme.porFse2014,
  actions: ["9.4.2", "9.1.3"],
  source: Sources.avviso2017,
  effectiveFrom: from2017,
  partnershipRules: Partnership.rules2017,
  requiredSubProjects: [
    { kind: "laboratorio-sociale", action: "9.4.2", source: Sources.avviso2017 },
    { kind: "inclusione-attiva", action: "9.1.3", source: Sources.avviso2017 }
  ],
  duration: { maxMonths: avviso2017MaxMonths, latestEnd: avviso2017LatestEnd },
  parameters: [avviso2017MaxMonths, avviso2017LatestEnd, avviso2017SubProjectGrantCap, avviso2017ProjectGrantCap]
}

// ---------------------------------------------------------------------------------------------
// Milano, D.G.R. XI/2717/2019
// ---------------------------------------------------------------------------------------------

const phaseI = at(Sources.dgrXI2717, "fase I, manifestazione di interesse RLU12020010262 (D.D.S. 7410/2020)")
const fromPhaseI = d("2020-06-24") // D.D.S. 7410 of 24/06/2020 approving phase I (facts.md §1.3)

/**
 * Milano, phase I: allocation of € 6.000.000 (POR FSE). Confirmed (facts.md §1.3).
 *
 * @since 0.1.0
 * @category parameters
 */
export const milanoPhaseIAllocation: Parameter.Parameter<Money.Cents> = Parameter.constant(
  {
    id: "milano-dgr-xi-2717.allocation.phase-1",
    title: { it: "Dotazione della fase I", en: "Phase I allocation" },
    unit: "cents",
    source: phaseI
  },
  fromPhaseI,
  Money.euros(6_000_000)
)

/**
 * Milano, phase I: indicative budget of ALER Milano, € 3.670.000, computed by the Region from
 * the economic vulnerability of the SAP households of each owner. Confirmed (facts.md §1.3).
 *
 * @since 0.1.0
 * @category parameters
 */
export const milanoIndicativeAlerMilano: Parameter.Parameter<Money.Cents> = Parameter.constant(
  {
    id: "milano-dgr-xi-2717.allocation.phase-1.aler-milano",
    title: { it: "Budget indicativo ALER Milano (fase I)", en: "Indicative budget of ALER Milano (phase I)" },
    unit: "cents",
    source: phaseI
  },
  fromPhaseI,
  Money.euros(3_670_000)
)

/**
 * Milano, phase I: indicative budget of the Comune di Milano, € 2.330.000. Confirmed (facts.md
 * §1.3).
 *
 * @since 0.1.0
 * @category parameters
 */
export const milanoIndicativeComuneMilano: Parameter.Parameter<Money.Cents> = Parameter.constant(
  {
    id: "milano-dgr-xi-2717.allocation.phase-1.comune-milano",
    title: {
      it: "Budget indicativo Comune di Milano (fase I)",
      en: "Indicative budget of the Comune di Milano (phase I)"
    },
    unit: "cents",
    source: phaseI
  },
  fromPhaseI,
  Money.euros(2_330_000)
)

/**
 * Milano "Programmi integrati di innovazione sociale e welfare locale nei quartieri ERP"
 * (D.G.R. XI/2717 of 23/12/2019; POR FSE 2014-2020, Asse II, azione 9.4.2). Only the Comune di
 * Milano and ALER Milano lead, with at least two further partners (facts.md §1.3, confirmed).
 * Sub-project structure and duration limits were not found: none are checked.
 *
 * @since 0.1.0
 * @category constructors
 */
export const milanoDgr2717: Call = {
  id: CallId.make("milano-dgr-xi-2717-2019"),
  title: {
    it: "Programmi integrati di innovazione sociale e welfare locale nei quartieri ERP di Milano (D.G.R. XI/2717/2019)",
    en: "Integrated social-innovation and local-welfare programmes in Milano's ERP neighbourhoods (D.G.R. XI/2717/2019)"
  },
  programme: Programme.porFse2014,
  actions: ["9.4.2"],
  source: Sources.dgrXI2717,
  effectiveFrom: d("2019-12-23"),
  partnershipRules: Partnership.rulesMilano2019,
  requiredSubProjects: [],
  duration: {},
  parameters: [milanoPhaseIAllocation, milanoIndicativeAlerMilano, milanoIndicativeComuneMilano]
}

// ---------------------------------------------------------------------------------------------
// PR FSE+ 2024 avviso
// ---------------------------------------------------------------------------------------------

// The avviso's decree and its date were not found (facts.md §1.4). Its parameters are dated from
// the application deadline, 20/11/2024: the earliest date on which we know the avviso was in force.
const from2024 = d("2024-11-20")
const source2024: LegalReference = {
  ...Sources.avvisoFsePlus2024,
  note: "decree not found; values dated from the application deadline 20/11/2024, the earliest date known to be in force"
}

/**
 * PR FSE+ 2024 avviso: total allocation € 70.700.000. Confirmed (facts.md §1.4).
 *
 * @since 0.1.0
 * @category parameters
 */
export const fsePlus2024Allocation: Parameter.Parameter<Money.Cents> = Parameter.constant(
  {
    id: "avviso-fse-plus-2024.allocation",
    title: { it: "Dotazione complessiva", en: "Total allocation" },
    unit: "cents",
    source: source2024
  },
  from2024,
  Money.euros(70_700_000)
)

/**
 * PR FSE+ 2024 avviso: € 58.000.000 of the allocation for azione L.1. Confirmed (facts.md §1.4).
 *
 * @since 0.1.0
 * @category parameters
 */
export const fsePlus2024AllocationL1: Parameter.Parameter<Money.Cents> = Parameter.constant(
  {
    id: "avviso-fse-plus-2024.allocation.l1",
    title: { it: "Dotazione per l'azione L.1", en: "Allocation for azione L.1" },
    unit: "cents",
    source: source2024
  },
  from2024,
  Money.euros(58_000_000)
)

/**
 * PR FSE+ 2024 avviso: the grant covers 100 % of the project cost, within the amount assigned
 * to each beneficiary. Confirmed (facts.md §1.4).
 *
 * @since 0.1.0
 * @category parameters
 */
export const fsePlus2024GrantRate: Parameter.Parameter<BasisPoints> = Parameter.constant(
  {
    id: "avviso-fse-plus-2024.grant-rate",
    title: {
      it: "Intensità del contributo (quota del costo del progetto)",
      en: "Grant rate (share of the project cost)"
    },
    unit: "basis-points",
    source: source2024
  },
  from2024,
  BasisPoints.make(10_000)
)

/**
 * PR FSE+ 2024 avviso: each beneficiary owns at least 350 SAP units. Confirmed (facts.md §1.4).
 *
 * @since 0.1.0
 * @category parameters
 */
export const fsePlus2024MinSapUnits: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "avviso-fse-plus-2024.min-sap-units",
    title: { it: "Alloggi SAP minimi di proprietà del beneficiario", en: "Minimum SAP units owned by the beneficiary" },
    unit: "count",
    source: source2024
  },
  from2024,
  350
)

/**
 * PR FSE+ 2021-2027 avviso "Modelli di servizi territoriali integrati per l'attivazione sociale e
 * il potenziamento di servizi di accompagnamento all'abitare di persone in condizioni di
 * vulnerabilità" (azioni K.1 and L.1; deadline 20/11/2024). Beneficiaries: ALER, Comuni
 * capoluogo and four Comuni of the Città metropolitana, each owning at least 350 SAP units
 * (facts.md §1.4, confirmed). Sub-project structure and duration limits were not found: none are
 * checked.
 *
 * @since 0.1.0
 * @category constructors
 */
export const avvisoFsePlus2024: Call = {
  id: CallId.make("avviso-fse-plus-2024"),
  title: {
    it: "Modelli di servizi territoriali integrati per l'attivazione sociale e il potenziamento di servizi di accompagnamento all'abitare di persone in condizioni di vulnerabilità (PR FSE+ 2021-2027, 2024)",
    en: "Integrated local services for social activation and housing support of vulnerable people (ESF+ 2021-2027, 2024)"
  },
  programme: Programme.prFsePlus2021,
  actions: ["K.1", "L.1"],
  source: Sources.avvisoFsePlus2024,
  effectiveFrom: from2024,
  partnershipRules: Partnership.rulesFsePlus2024,
  requiredSubProjects: [],
  duration: {},
  parameters: [fsePlus2024Allocation, fsePlus2024AllocationL1, fsePlus2024GrantRate, fsePlus2024MinSapUnits]
}

// ---------------------------------------------------------------------------------------------
// lookup
// ---------------------------------------------------------------------------------------------

/**
 * The calls the library knows.
 *
 * @since 0.1.0
 * @category constructors
 */
export const all: ReadonlyArray<Call> = [avviso2017, milanoDgr2717, avvisoFsePlus2024]

/**
 * The call with id `id`, if the library knows it.
 *
 * @since 0.1.0
 * @category utils
 */
export const byId = (id: CallId): Call | undefined => all.find((c) => c.id === id)
