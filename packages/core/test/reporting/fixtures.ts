/**
 * A small programme, written by hand, shared by the ProgrammeResults and Targets tests.
 *
 * Places:
 * - A: project P1 (POR FSE 2014-2020), quartiere QA, Cremona (019036)
 * - B: project P1 (POR FSE 2014-2020), quartiere QB, Crema (019035)
 * - C: project P2 (PR FSE+ 2021-2027), quartiere QC, Milano (015146)
 *
 * Sessions (laboratorio, date, minutes, named, head-count, households of the named):
 * - s1: L1 at A, 2019-03-05, 120', p1 p2, 3, h1
 * - s2: L1 at A, 2019-03-12,  90', p1 p3, 5, h1 h2
 * - s3: L2 at B, 2020-02-01,  60', p3,    0, h2       (p3 came in two quartieri)
 * - s4: L3 at C, 2020-05-10,  45', no sheet
 *
 * Pathways (person, household, place, state, services):
 * - w1: p1, h1, A: enrolled 2019-04-01, completed 2019-10-31; 3 h on 2019-05-02, 2,5 h on 2019-06-10
 * - w2: p4, h3, B: enrolled 2019-11-15, active since 2019-12-01; 4 h on 2019-12-05, 1,25 h on 2020-01-10
 * - w3: p5, h4, C: still a candidate (never enrolled)
 * - w4: p6, h5, C: enrolled 2020-01-15, dropped 2020-03-01; 2 h on 2020-02-01
 */
import {
  Calendar,
  type EntrySnapshot,
  Ids,
  IstatComune,
  type Pathway,
  PathwayService,
  Programme,
  type Reporting,
  Site
} from "../../src/index.js"

const d = Calendar.unsafeMake
const pid = Ids.PersonId.make
const hid = Ids.HouseholdId.make
const lab = Ids.LaboratorioId.make
const h = PathwayService.DayHours.make
const org = Ids.OrganisationId.make("consorzio-mestieri")

export const P1 = Ids.ProjectId.make("P1")
export const P2 = Ids.ProjectId.make("P2")

type Where = Reporting.ProgrammeResults.Where

export const A: Where = {
  project: P1,
  programme: Programme.porFse2014.id,
  quartiere: Site.QuartiereId.make("QA"),
  comune: IstatComune.knownComuni["019036"].istat
}
export const B: Where = {
  project: P1,
  programme: Programme.porFse2014.id,
  quartiere: Site.QuartiereId.make("QB"),
  comune: IstatComune.knownComuni["019035"].istat
}
export const C: Where = {
  project: P2,
  programme: Programme.prFsePlus2021.id,
  quartiere: Site.QuartiereId.make("QC"),
  comune: IstatComune.knownComuni["015146"].istat
}

const session = (
  where: Where,
  laboratorio: string,
  date: string,
  minutes: number,
  sheet?: {
    readonly named: ReadonlyArray<string>
    readonly anonymous: number
    readonly households: ReadonlyArray<string>
  }
): Reporting.ProgrammeResults.SessionEntry => ({
  _tag: "Session",
  where,
  laboratorio: lab(laboratorio),
  kind: "sportello-e-ascolto",
  date: d(date),
  durationMinutes: minutes,
  attendance: sheet === undefined ? undefined : { named: sheet.named.map((x) => pid(x)), anonymous: sheet.anonymous },
  households: (sheet?.households ?? []).map((x) => hid(x))
})

export const s1 = session(A, "L1", "2019-03-05", 120, { named: ["p1", "p2"], anonymous: 3, households: ["h1"] })
export const s2 = session(A, "L1", "2019-03-12", 90, { named: ["p1", "p3"], anonymous: 5, households: ["h1", "h2"] })
export const s3 = session(B, "L2", "2020-02-01", 60, { named: ["p3"], anonymous: 0, households: ["h2"] })
export const s4 = session(C, "L3", "2020-05-10", 45)

const snapshot = (asOf: Calendar.CalendarDate): EntrySnapshot.EntrySnapshot => ({
  asOf,
  ageAtEntry: 40,
  sex: "F",
  labourMarketStatus: "unemployed",
  longTermUnemployed: true,
  isced: 2,
  thirdCountryNational: false,
  household: { jobless: true, dependentChildren: false, singleAdult: true },
  specialCategory: {
    disability: "no",
    foreignBackground: "no",
    minority: "no",
    consent: { given: true, date: asOf, purpose: "monitoraggio FSE" }
  },
  homelessOrHousingExclusion: false,
  rural: false
})

/** A participant pathway with one planned service and the given delivered services (date, hours). */
export const participant = (
  id: string,
  person: string,
  household: string,
  project: Ids.ProjectId,
  enrolled: string,
  state: Pathway.Stage,
  services: ReadonlyArray<readonly [string, number]> = []
): Pathway.Pathway => ({
  id: Ids.PathwayId.make(id),
  person: pid(person),
  household: hid(household),
  project,
  phase: "participant",
  enrolment: {
    date: d(enrolled),
    eligibility: { decisionId: `elig-${id}`, outcome: "eligible", asOf: d(enrolled) },
    objectives: ["inserimento lavorativo"],
    planned: [{ kind: "guidance", hours: PathwayService.Hours.make(10), organisation: org }],
    responsible: org,
    entry: snapshot(d(enrolled))
  },
  state,
  services: services.map(([date, hours]) => ({ date: d(date), kind: "guidance", hours: h(hours), organisation: org }))
})

export const w1 = participant("w1", "p1", "h1", P1, "2019-04-01", { status: "completed", since: d("2019-10-31") }, [
  ["2019-05-02", 3],
  ["2019-06-10", 2.5]
])
export const w2 = participant("w2", "p4", "h3", P1, "2019-11-15", { status: "active", since: d("2019-12-01") }, [
  ["2019-12-05", 4],
  ["2020-01-10", 1.25]
])
export const w3: Pathway.Pathway = {
  id: Ids.PathwayId.make("w3"),
  person: pid("p5"),
  household: hid("h4"),
  project: P2,
  phase: "prospect",
  state: { status: "candidate", since: d("2020-01-01") }
}
export const w4 = participant(
  "w4",
  "p6",
  "h5",
  P2,
  "2020-01-15",
  { status: "dropped", since: d("2020-03-01"), from: "active", reason: "ha trovato lavoro" },
  [["2020-02-01", 2]]
)

const pathway = (where: Where, p: Pathway.Pathway): Reporting.ProgrammeResults.PathwayEntry => ({
  _tag: "Pathway",
  where,
  pathway: p
})

export const entries: ReadonlyArray<Reporting.ProgrammeResults.Entry> = [
  s1,
  s2,
  s3,
  s4,
  pathway(A, w1),
  pathway(B, w2),
  pathway(C, w3),
  pathway(C, w4)
]

export const periods: ReadonlyArray<Reporting.ProgrammeResults.ReportingPeriod> = [
  { id: "2019", start: d("2019-01-01"), end: d("2019-12-31") },
  { id: "2020", start: d("2020-01-01"), end: d("2020-12-31") }
]
