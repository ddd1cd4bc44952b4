/**
 * Requests to the application's use-cases, written by hand in their JSON form (as a portal
 * would send them): the actors of every role, two projects (copies of the seed IntERPreti di
 * cambiamento under other ids) with their laboratori, households, persons and budgets, and a
 * seed that registers them through the use-cases. The application's own tests, the policy
 * matrix and the erasure scenario run on the same data, on any Store adapter.
 *
 * @since 0.1.0
 */
import { App } from "@quartieri/core"
import { Effect } from "effect"
import * as SeedProjects from "../seeds/projects.js"

type Actor = App.UseCase.ActorInput

/** A Region officer. @since 0.1.0 @category constructors */
export const region: Actor = { _tag: "RegionOfficer", id: "u-region" }
/** An auditor. @since 0.1.0 @category constructors */
export const auditor: Actor = { _tag: "Auditor", id: "u-auditor" }
/** The coordinator of p1 and p2, the setup actor. @since 0.1.0 @category constructors */
export const coordinator: Actor = {
  _tag: "CapofilaCoordinator",
  id: "u-capofila",
  organisation: "comune-ripalta-cremasca",
  projects: ["p1", "p2"]
}
/** A partner operator of org-a in p1, at laboratorio l1 and pathway w1. @since 0.1.0 @category constructors */
export const partner: Actor = {
  _tag: "PartnerOperator",
  id: "u-partner",
  organisation: "org-a",
  projects: ["p1"],
  laboratori: ["l1"],
  pathways: ["w1"]
}

const seed = SeedProjects.interpreti.project
if (seed === undefined) throw new Error("the IntERPreti seed has no project record")

/** One of the seed's sites. @since 0.1.0 @category constructors */
export const site = "crema-santa-maria"

/** The seed project IntERPreti di cambiamento under another id. @since 0.1.0 @category constructors */
export const project = (id: string): App.Projects.RegisterProjectInput => ({ ...seed, id })

/** A laboratorio of a project with two activities. @since 0.1.0 @category constructors */
export const laboratorio = (id: string, projectId: string): App.Laboratori.CreateLaboratorioInput => ({
  laboratorio: {
    id,
    project: projectId,
    site,
    name: `Laboratorio ${id}`,
    presidio: { openingHours: [{ weekday: 2, from: "09:00", to: "12:00" }] },
    staff: [{ role: "tutor-di-condominio", organisation: "org-a", hoursPerWeek: 12 }]
  },
  activities: [
    { id: `${id}-sportello`, laboratorio: id, kind: "sportello-e-ascolto" },
    { id: `${id}-feste`, laboratorio: id, kind: "eventi-tematici", title: "Festa di cortile" }
  ]
})

/** A person record recorded on 2019-04-01. @since 0.1.0 @category constructors */
export const person = (id: string, birthDate = "1980-05-02") => ({
  id,
  recordedOn: "2019-04-01",
  birthDate,
  sex: "F" as const,
  citizenship: { kind: "IT" as const },
  labourMarket: [],
  specialCategory: {
    disability: "no" as const,
    foreignBackground: "no" as const,
    minority: "no" as const,
    consent: { given: true, date: "2019-04-01", purpose: "monitoraggio FSE" }
  }
})

/**
 * A household registration: the first member is the intestatario (born 1980-05-02), the others
 * children (born 2008-09-10), every one with a person record.
 *
 * @since 0.1.0
 * @category constructors
 */
export const household = (
  id: string,
  projectId: string,
  lab: string,
  members: ReadonlyArray<string>
): App.Registry.RegisterHouseholdInput => ({
  project: projectId,
  laboratorio: lab,
  household: {
    id,
    tenancy: { complesso: site, unit: "B-12", leaseStart: "2015-03-01", sap: true },
    members: members.map((p, i) => ({ person: p, relation: i === 0 ? "intestatario" : "figlio", from: "2015-03-01" })),
    isee: [],
    arrears: []
  },
  persons: members.map((p, i) => person(p, i === 0 ? "1980-05-02" : "2008-09-10"))
})

/** A legal source for test parameters. @since 0.1.0 @category constructors */
export const legalSource = { act: "Avviso 2017 (test)", confidence: "unverified" as const }

/**
 * A budget: line l-a (org-a, € 100.000) and l-b (org-b, € 50.000), funded exactly.
 *
 * @since 0.1.0
 * @category constructors
 */
export const budget = (projectId: string, expectedVersion = 0): App.Projects.DefineBudgetInput => ({
  project: projectId,
  expectedVersion,
  budget: {
    lines: [
      {
        id: "l-a",
        subProject: "interpreti-laboratorio-sociale",
        partner: "org-a",
        category: "staff",
        cost: { _tag: "RealCost", amount: 10_000_000 },
        description: "tutor di condominio"
      },
      {
        id: "l-b",
        subProject: "interpreti-inclusione-attiva",
        partner: "org-b",
        category: "external-services",
        cost: { _tag: "RealCost", amount: 5_000_000 },
        description: "servizi al lavoro"
      }
    ],
    funding: [
      { source: "fse-grant", amount: 13_000_000 },
      { source: "comune", organisation: "comune-crema", amount: 2_000_000 }
    ]
  },
  eligibility: { period: { start: "2019-01-01", end: "2020-05-16" }, source: legalSource },
  caps: { perProject: { id: "cap.project", value: 25_200_000, from: "2017-11-15", source: legalSource } }
})

/** An expenditure on a line of a project. @since 0.1.0 @category constructors */
export const expenditure = (projectId: string, id: string, line = "l-a", amount = 120_000) => ({
  project: projectId,
  expenditure: {
    id,
    line,
    date: "2019-06-30",
    amount,
    description: "busta paga giugno",
    documentRef: `doc-${id}`
  }
})

/** Facts of the SAP access rule set that make a household eligible. @since 0.1.0 @category constructors */
export const sapFacts = {
  citizenship: "italiana",
  residesOrWorksInLombardy: true,
  yearsInLombardy: 6,
  isee: 1_200_000,
  patrimonio: 2_000_000,
  householdSize: 2,
  pse: "1.57",
  ownsAdequateDwelling: false
}

/** An entry snapshot taken on 2019-05-20. @since 0.1.0 @category constructors */
export const entrySnapshot = {
  asOf: "2019-05-20",
  ageAtEntry: 38,
  sex: "F",
  labourMarketStatus: "unemployed",
  longTermUnemployed: true,
  isced: 2,
  thirdCountryNational: false,
  household: { jobless: true, dependentChildren: true, singleAdult: true },
  specialCategory: {
    disability: "no",
    foreignBackground: "no",
    minority: "no",
    consent: { given: true, date: "2019-05-20", purpose: "monitoraggio FSE" }
  },
  homelessOrHousingExclusion: false,
  rural: false
} as const

/** The enrolment command (PIP signed on 2019-05-20) with {@link entrySnapshot}. @since 0.1.0 @category constructors */
export const enrol = {
  command: "enrol",
  date: "2019-05-20",
  objectives: ["ricollocazione nel settore della logistica"],
  planned: [{ kind: "guidance", hours: 6, organisation: "org-a" }],
  responsible: "org-a",
  entry: entrySnapshot
} as const

/**
 * Registers, as the coordinator: p1 (laboratori l1, l2; household h1 with persons h1-a, h1-b in
 * l1, h2 with h2-a in l2; pathway w1 for h1-a) and p2 (l3, h3 with h3-a, pathway w2), each with
 * its budget and one expenditure (e1, e2). A failure is a defect: the seed is always valid.
 *
 * @since 0.1.0
 * @category constructors
 */
export const seedAll: Effect.Effect<void, never, App.Quartieri.Quartieri> = Effect.gen(function* () {
  const q = yield* App.Quartieri.Quartieri
  for (const id of ["p1", "p2"]) {
    yield* q.registerProject(coordinator, project(id))
    yield* q.defineBudget(coordinator, budget(id))
  }
  yield* q.createLaboratorio(coordinator, laboratorio("l1", "p1"))
  yield* q.createLaboratorio(coordinator, laboratorio("l2", "p1"))
  yield* q.createLaboratorio(coordinator, laboratorio("l3", "p2"))
  yield* q.registerHousehold(coordinator, household("h1", "p1", "l1", ["h1-a", "h1-b"]))
  yield* q.registerHousehold(coordinator, household("h2", "p1", "l2", ["h2-a"]))
  yield* q.registerHousehold(coordinator, household("h3", "p2", "l3", ["h3-a"]))
  yield* q.openPathway(coordinator, { id: "w1", person: "h1-a", household: "h1", project: "p1", date: "2019-05-01" })
  yield* q.openPathway(coordinator, { id: "w2", person: "h3-a", household: "h3", project: "p2", date: "2019-05-01" })
  yield* q.recordExpenditure(coordinator, expenditure("p1", "e1"))
  yield* q.recordExpenditure(coordinator, expenditure("p2", "e2"))
}).pipe(Effect.orDie)
