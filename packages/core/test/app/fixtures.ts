/**
 * Requests written by hand for the application tests: two projects (copies of the seed
 * IntERPreti di cambiamento under other ids), their laboratori, households, persons, budgets,
 * and the actors of every role. Everything is in its JSON form, as a portal would send it.
 */
import { MemoryStore } from "@quartieri/storage-memory"
import { SeedProjects } from "@quartieri/testing"
import { Effect, Stream } from "effect"
import { App, type Audit, Store } from "../../src/index.js"

type Actor = App.UseCase.ActorInput

export const region: Actor = { _tag: "RegionOfficer", id: "u-region" }
export const auditor: Actor = { _tag: "Auditor", id: "u-auditor" }
/** Coordinator of p1 and p2, the setup actor. */
export const coordinator: Actor = {
  _tag: "CapofilaCoordinator",
  id: "u-capofila",
  organisation: "comune-ripalta-cremasca",
  projects: ["p1", "p2"]
}
/** Partner of org-a in p1, at laboratorio l1 and pathway w1. */
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

/** One of the seed's sites. */
export const site = "crema-santa-maria"

export const project = (id: string): App.Projects.RegisterProjectInput => ({ ...seed, id })

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

export const legalSource = { act: "Avviso 2017 (test)", confidence: "unverified" as const }

/** Line l-a (org-a, € 100.000) and l-b (org-b, € 50.000), funded exactly. */
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

/** A fresh in-memory store with the use-cases over it. */
export const layer = () => App.Quartieri.layerOn(MemoryStore.layer())

/** p1 (laboratori l1, l2; households h1 in l1, h2 in l2; pathway w1 for h1), p2 (l3, h3, w2). */
export const seedAll = Effect.gen(function* () {
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
})

/**
 * The number of committed writes: every put makes a version, so the sum of the versions of
 * every document of every collection counts them (the application never deletes).
 */
export const committedWrites = Effect.gen(function* () {
  const store = yield* Store.Store
  let total = 0
  for (const collection of App.Collections.all) {
    const docs: ReadonlyArray<Store.Versioned<unknown>> = yield* Stream.runCollect(
      store.query(collection as App.Collections.AnyCollection)
    )
    for (const d of docs) total += d.version
  }
  return total
})

/** The whole audit log. */
export const auditLog = Effect.gen(function* () {
  const store = yield* Store.Store
  return (yield* Stream.runCollect(store.auditLog())) as ReadonlyArray<Audit.Entry>
})
