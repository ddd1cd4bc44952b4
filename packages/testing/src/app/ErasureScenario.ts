/**
 * The erasure of a person (GDPR art. 17) as a scenario any Store adapter can run: a household
 * whose first member — the *subject* — has every personal field filled in (codice fiscale,
 * birth date, a non-EU citizenship, education, a labour-market history, special categories
 * answered with consent and its evidence), who attended a session and was enrolled in a pathway
 * (so a frozen entry snapshot exists); the project's reports before and after erasing them; and
 * the subject's personal values as they would appear in stored JSON, to look for afterwards.
 *
 * @since 0.1.0
 */
import { App } from "@quartieri/core"
import { Effect } from "effect"
import * as R from "./Requests.js"

/**
 * The person who will be erased: id, personal values (as stored JSON would hold them) and the
 * (made-up) name their codice fiscale was built from.
 *
 * @since 0.1.0
 * @category constructors
 */
export const subject = {
  id: "h7-a",
  household: "h7",
  pathway: "w7",
  /** `CodiceFiscale.encode` of Erminia Cancellanda, F, 1977-11-23, Cremona (D150). */
  codiceFiscale: "CNCRMN77S63D150Z",
  birthDate: "1977-11-23",
  names: ["Erminia", "Cancellanda"],
  /** The permit class: only the person record holds it (the snapshot keeps "third-country national"). */
  permit: "at-least-2-years",
  labourMarketFrom: "2016-02-11"
} as const

/**
 * The subject's values that must not survive the erasure, as they appear in stored JSON: the
 * codice fiscale, the birth date, the permit class, the start of the labour-market spell, and
 * the name the code was built from (never stored: it must not appear before either).
 *
 * @since 0.1.0
 * @category constructors
 */
export const needles: ReadonlyArray<string> = [
  subject.codiceFiscale,
  subject.birthDate,
  subject.permit,
  subject.labourMarketFrom,
  ...subject.names
]

/**
 * The subject's person record, as registered.
 *
 * @since 0.1.0
 * @category constructors
 */
export const subjectRecord = {
  id: subject.id,
  recordedOn: "2019-04-17",
  codiceFiscale: subject.codiceFiscale,
  birthDate: subject.birthDate,
  sex: "F",
  citizenship: { kind: "non-EU", permit: subject.permit },
  isced: 3,
  labourMarket: [{ status: "unemployed", from: subject.labourMarketFrom }],
  specialCategory: {
    disability: "yes",
    foreignBackground: "yes",
    minority: "refused",
    consent: { given: true, date: "2019-04-17", purpose: "monitoraggio FSE", evidence: "modulo-consenso-2019-0417" }
  },
  homelessOrHousingExclusion: false,
  rural: false
} as const

/**
 * The subject's frozen entry snapshot (enrolment on 2019-05-20): age at entry, never the birth
 * date.
 *
 * @since 0.1.0
 * @category constructors
 */
export const subjectSnapshot = {
  asOf: "2019-05-20",
  ageAtEntry: 41,
  sex: "F",
  labourMarketStatus: "unemployed",
  longTermUnemployed: true,
  isced: 3,
  thirdCountryNational: true,
  household: { jobless: true, dependentChildren: true, singleAdult: true },
  specialCategory: subjectRecord.specialCategory,
  homelessOrHousingExclusion: false,
  rural: false
} as const

/**
 * `Requests.seedAll`, then in p1 at laboratorio l1: household h7 (the subject and a child,
 * h7-b); session s7 attended by the subject, h1-a and 3 unnamed people; decision d7 and pathway
 * w7 of the subject, assessed, enrolled with {@link subjectSnapshot}, started, with a service.
 *
 * @since 0.1.0
 * @category constructors
 */
export const setup: Effect.Effect<void, never, App.Quartieri.Quartieri> = Effect.gen(function* () {
  const q = yield* App.Quartieri.Quartieri
  yield* R.seedAll
  const registration = R.household(subject.household, "p1", "l1", [subject.id, "h7-b"])
  yield* q.registerHousehold(R.coordinator, {
    ...registration,
    persons: [subjectRecord, R.person("h7-b", "2010-03-14")]
  })
  yield* q.recordSession(R.coordinator, {
    laboratorio: "l1",
    session: { id: "s7", activity: "l1-sportello", date: "2019-06-04", durationMinutes: 120 },
    attendance: { named: [subject.id, "h1-a"], anonymous: 3 }
  })
  yield* q.openPathway(R.coordinator, {
    id: subject.pathway,
    person: subject.id,
    household: subject.household,
    project: "p1",
    date: "2019-05-01"
  })
  yield* q.evaluateEligibility(R.coordinator, {
    id: "d7",
    ruleSet: "sap-access",
    household: subject.household,
    pathway: subject.pathway,
    asOf: "2019-04-15",
    facts: R.sapFacts
  })
  const eligibility = { decisionId: "d7", outcome: "eligible", asOf: "2019-04-15" }
  yield* q.movePathway(R.coordinator, {
    pathway: subject.pathway,
    expectedVersion: 1,
    command: { command: "assess", date: "2019-05-02", eligibility }
  })
  yield* q.movePathway(R.coordinator, {
    pathway: subject.pathway,
    expectedVersion: 2,
    command: { ...R.enrol, entry: subjectSnapshot }
  })
  yield* q.movePathway(R.coordinator, {
    pathway: subject.pathway,
    expectedVersion: 3,
    command: { command: "start", date: "2019-06-01" }
  })
  yield* q.recordServiceDelivery(R.coordinator, {
    pathway: subject.pathway,
    expectedVersion: 4,
    date: "2019-06-10",
    service: { kind: "guidance", hours: 2, organisation: "org-a" }
  })
}).pipe(Effect.orDie)

/**
 * Every report of project p1: involvement, the ESF 2014-2020 and ESF+ 2021-2027 indicators over
 * 2019-2020, and the budget execution.
 *
 * @since 0.1.0
 * @category constructors
 */
export const reportRequests: ReadonlyArray<App.Reports.RunReportInput> = [
  { report: "involvement", project: "p1" },
  { report: "indicators", project: "p1", set: "esf-2014", period: { start: "2019-01-01", end: "2020-12-31" } },
  { report: "indicators", project: "p1", set: "esf-plus-2021", period: { start: "2019-01-01", end: "2020-12-31" } },
  { report: "budget-execution", project: "p1" }
]

/**
 * The reports of p1 for `actor` (internal for the coordinator, published for the Region).
 *
 * @since 0.1.0
 * @category constructors
 */
export const reports = (
  actor: App.UseCase.ActorInput
): Effect.Effect<ReadonlyArray<App.Reports.Report>, never, App.Quartieri.Quartieri> =>
  Effect.flatMap(App.Quartieri.Quartieri, (q) =>
    Effect.forEach(reportRequests, (request) => q.runReport(actor, request))
  ).pipe(Effect.orDie)

/**
 * The erasure the scenario is about: the coordinator erases the subject, whose consent was
 * withdrawn.
 *
 * @since 0.1.0
 * @category constructors
 */
export const erase: Effect.Effect<
  App.Erasure.Erased,
  App.UseCase.Failure | App.NotFound.NotFound,
  App.Quartieri.Quartieri
> = Effect.flatMap(App.Quartieri.Quartieri, (q) =>
  q.erasePerson(R.coordinator, { personId: subject.id, reason: "consent-withdrawn" })
)

/**
 * Every needle found in `text`.
 *
 * @since 0.1.0
 * @category utils
 */
export const found = (text: string): ReadonlyArray<string> => needles.filter((n) => text.includes(n))
