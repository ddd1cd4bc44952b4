/**
 * A report scenario for IntERPreti di cambiamento (seed 000): the real project, partnership and
 * funding plan, with **synthetic** activity — budget lines, expenditures and claims, laboratorio
 * sessions and attendance, personalised pathways — generated from fixed seeds so the report is
 * the same on every run. The subtitle says so.
 */
import {
  type Activity,
  Budget,
  Calendar,
  CostOption,
  Ids,
  IstatComune,
  Money,
  type Pathway,
  Project,
  Reporting,
  Site
} from "@quartieri/core"
import { PathwayArbitraries, SeedProjects } from "@quartieri/testing"
import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { LaboratorioActivity, type ProjectReport } from "../src/index.js"

const project = (() => {
  const r = Project.decode(SeedProjects.interpreti.project)
  if (Result.isFailure(r)) throw r.failure
  return r.success
})()

const d = Calendar.unsafeMake
const cents = Money.NonNegativeCents.make

// The seed's total (€ 229.989,54) split over two synthetic lines, one per sub-project.
const budget = Schema.decodeUnknownSync(Budget.Budget)({
  ...SeedProjects.interpreti.budget,
  lines: [
    {
      id: "lab-staff",
      subProject: "interpreti-laboratorio-sociale",
      partner: "acli-crema",
      category: "staff",
      cost: CostOption.realCost(cents(12_000_000)),
      description: "Operatori dei laboratori (sintetico)"
    },
    {
      id: "ia-services",
      subProject: "interpreti-inclusione-attiva",
      partner: "consorzio-mestieri",
      category: "external-services",
      cost: CostOption.realCost(cents(10_998_954)),
      description: "Servizi al lavoro (sintetico)"
    }
  ]
})

const expenditures: ReadonlyArray<Budget.Expenditure> = [
  {
    id: "e1",
    line: "lab-staff",
    date: "2019-06-30",
    amount: 3_800_000,
    description: "Stipendi I sem. 2019",
    documentRef: "CED-1"
  },
  {
    id: "e2",
    line: "lab-staff",
    date: "2019-12-31",
    amount: 4_100_000,
    description: "Stipendi II sem. 2019",
    documentRef: "CED-2"
  },
  {
    id: "e3",
    line: "ia-services",
    date: "2019-12-31",
    amount: 5_250_000,
    description: "Doti lavoro",
    documentRef: "F-77"
  }
].map((e) => Schema.decodeUnknownSync(Budget.Expenditure)(e))

const claims: ReadonlyArray<Budget.Claim> = [
  Schema.decodeUnknownSync(Budget.Claim)({
    number: 1,
    period: { start: "2019-01-01", end: "2019-12-31" },
    submittedOn: "2020-01-31",
    expenditures: ["e1", "e2", "e3"],
    status: { _tag: "Verified", verifiedOn: "2020-04-15", verifiedAmount: 12_700_000 }
  })
]

// 40 pathways in every state, from a fixed seed.
const pathways: ReadonlyArray<Pathway.Pathway> = fc.sample(PathwayArbitraries.pathway, { seed: 7, numRuns: 40 })

// Sessions of the four laboratori, January 2019 – May 2020, from a fixed seed.
const laboratori = ["lab-ripalta", "lab-santa-maria", "lab-ombriano", "lab-san-bernardino"]
const kinds: ReadonlyArray<Activity.ActivityKind> = [
  "sportello-e-ascolto",
  "educazione-all-abitare",
  "mediazione-dei-conflitti",
  "eventi-tematici"
]
const sessionEntries = (): ReadonlyArray<Reporting.ProgrammeResults.SessionEntry> => {
  let seed = 42
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
  const out: Array<Reporting.ProgrammeResults.SessionEntry> = []
  for (const month of LaboratorioActivity.months(d("2019-01-01"), d("2020-05-16"))) {
    const ramp = Math.min(1, (out.length + 20) / 120)
    for (const [i, lab] of laboratori.entries()) {
      const sessions = Math.round((2 + next() * 5) * ramp) + (month.id.endsWith("-08") ? 0 : 1)
      for (let s = 0; s < sessions; s++) {
        const day = 1 + Math.floor(next() * 27)
        const named = Array.from({ length: Math.floor(next() * 6) }, () =>
          Ids.PersonId.make(`person-${i}-${Math.floor(next() * 45)}`)
        )
        out.push({
          _tag: "Session",
          where: {
            project: project.id,
            programme: SeedProjects.interpreti.call.programme.id,
            quartiere: Site.QuartiereId.make(lab),
            comune: IstatComune.IstatComune.make(i === 0 ? "019081" : "019035")
          },
          laboratorio: Ids.LaboratorioId.make(lab),
          kind: kinds[s % kinds.length] ?? "altro",
          date: d(`${month.id}-${String(day).padStart(2, "0")}`),
          durationMinutes: 90 + 30 * Math.floor(next() * 3),
          attendance: { named: [...new Set(named)], anonymous: Math.floor(next() * 4) },
          households: []
        })
      }
    }
  }
  return out
}

const where = {
  project: project.id,
  programme: SeedProjects.interpreti.call.programme.id,
  quartiere: Site.QuartiereId.make("lab-santa-maria"),
  comune: IstatComune.IstatComune.make("019035")
}

const results = Reporting.ProgrammeResults.compute(
  [...sessionEntries(), ...pathways.map((pathway) => ({ _tag: "Pathway" as const, where, pathway }))],
  { periods: LaboratorioActivity.months(d("2019-01-01"), d("2020-05-16")) }
)

export const input: ProjectReport.Input = {
  project,
  call: SeedProjects.interpreti.call,
  budget,
  expenditures,
  claims,
  pathways,
  results
}
