/**
 * What the portal loads at start, through the same Promise facade its pages use: the real
 * project **IntERPreti di cambiamento** (Comune di Ripalta Cremasca capofila; partnership,
 * period and funding plan from the seed documents), and **synthetic** data around it — budget
 * lines, two laboratori, a small population of households from a fixed seed, sessions with
 * their attendance, expenditures and two claims. Nothing synthetic is a real person or a real
 * figure: the pages say so.
 *
 * The {@link Directory} is what the portal knows besides what it asks quartieri: which
 * laboratori it shows, and the complessi (with their Comune) the eligibility bridge locates a
 * tenancy in. A real portal keeps these in its own configuration.
 *
 * @since 0.1.0
 */
import { type App, Calendar, Call, Ids, IstatComune, Site, Sources } from "@quartieri/core"
import { Population, SeedProjects } from "@quartieri/testing"

/**
 * The id of the project the portal shows.
 *
 * @since 0.1.0
 * @category parameters
 */
export const projectId = SeedProjects.interpreti.id

/**
 * A laboratorio as the portal lists it: its id, name and complesso.
 *
 * @since 0.1.0
 * @category models
 */
export interface LaboratorioEntry {
  readonly id: string
  readonly name: string
  readonly site: string
}

/**
 * What the portal knows of its own: the project, its laboratori and the complessi.
 *
 * @since 0.1.0
 * @category models
 */
export interface Directory {
  readonly project: string
  readonly laboratori: ReadonlyArray<LaboratorioEntry>
  readonly complessi: ReadonlyArray<Site.Complesso>
}

const crema = IstatComune.knownComuni["019035"].istat

const neighbourhoods: ReadonlyArray<Site.Quartiere> = [
  { id: Site.QuartiereId.make("crema-santa-maria"), name: "Santa Maria (sintetico)", comune: crema },
  { id: Site.QuartiereId.make("crema-ombriano"), name: "Ombriano (sintetico)", comune: crema }
]

const complessi: ReadonlyArray<Site.Complesso> = neighbourhoods.map((q, i) => ({
  id: Ids.SiteId.make(q.id),
  quartiere: q.id,
  address: i === 0 ? "via Esempio 1, Crema (sintetico)" : "via Prova 12, Crema (sintetico)",
  comune: crema,
  owner: Ids.OrganisationId.make("aler-bcm"),
  housingUnits: 24
}))

/**
 * The portal's directory.
 *
 * @since 0.1.0
 * @category parameters
 */
export const directory: Directory = {
  project: projectId,
  laboratori: [
    { id: "lab-santa-maria", name: "Laboratorio sociale Santa Maria", site: "crema-santa-maria" },
    { id: "lab-ombriano", name: "Laboratorio sociale Ombriano", site: "crema-ombriano" }
  ],
  complessi
}

/**
 * The date the synthetic population is drawn for, and the default date of an eligibility
 * check.
 *
 * @since 0.1.0
 * @category parameters
 */
export const populationDate = "2019-04-01"

// coordinator (capofila) and the Region: the actors that set the project up
const coordinator: App.UseCase.ActorInput = {
  _tag: "CapofilaCoordinator",
  id: "setup@comune-ripalta.example",
  organisation: "comune-ripalta-cremasca",
  projects: [projectId]
}
const region: App.UseCase.ActorInput = { _tag: "RegionOfficer", id: "controllo@regione.example" }

const grantCap = Call.avviso2017ProjectGrantCap
const grantCapStep = grantCap.steps[0]

/**
 * Loads the project and the synthetic data into an empty store. Rejects with the facade's
 * error if any request is refused (a bug in this file, never in the visitor's hands).
 *
 * @since 0.1.0
 * @category constructors
 */
export const seed = async (quartieri: App.Facade.Client): Promise<void> => {
  const project = SeedProjects.interpreti.project
  const budget = SeedProjects.interpreti.budget
  if (project === undefined || budget === undefined) throw new Error("the IntERPreti seed lacks its project or budget")

  await quartieri.registerProject(coordinator, project)

  // The seed publishes the total and the funding plan only: the lines below are synthetic.
  await quartieri.defineBudget(coordinator, {
    project: projectId,
    expectedVersion: 0,
    budget: {
      ...budget,
      lines: [
        line("lab-acli", "interpreti-laboratorio-sociale", "acli-crema", "staff", 7_000_000, "Tutor di condominio"),
        line("lab-koala", "interpreti-laboratorio-sociale", "coop-koala", "staff", 5_000_000, "Educatori"),
        line(
          "ia-mestieri",
          "interpreti-inclusione-attiva",
          "consorzio-mestieri",
          "external-services",
          10_998_954,
          "Servizi al lavoro"
        )
      ]
    },
    eligibility: { period: project.period, source: Sources.avviso2017 },
    caps: {
      perProject: {
        id: grantCap.id,
        value: grantCapStep.value,
        from: grantCapStep.from,
        source: grantCapStep.source ?? grantCap.source
      }
    }
  })

  for (const lab of directory.laboratori)
    await quartieri.createLaboratorio(coordinator, {
      laboratorio: {
        id: lab.id,
        project: projectId,
        site: lab.site,
        name: lab.name,
        presidio: {
          openingHours: [
            { weekday: 2, from: "09:00", to: "12:00" },
            { weekday: 4, from: "14:30", to: "17:30" }
          ]
        },
        staff: [
          {
            role: "tutor-di-condominio",
            organisation: lab.id === "lab-santa-maria" ? "acli-crema" : "coop-koala",
            hoursPerWeek: 12
          }
        ]
      },
      activities: [
        { id: `${lab.id}-sportello`, laboratorio: lab.id, kind: "sportello-e-ascolto" },
        { id: `${lab.id}-abitare`, laboratorio: lab.id, kind: "educazione-all-abitare" },
        { id: `${lab.id}-feste`, laboratorio: lab.id, kind: "eventi-tematici", title: "Festa di cortile" }
      ]
    })

  // A small synthetic population, the same on every start (seed 2019).
  const population = Population.generate(2019, neighbourhoods, complessi, {
    asOf: Calendar.unsafeMake(populationDate),
    households: 12,
    persons: 28,
    knownToSocialServices: 4,
    known: { disability: 1, elderly: 1, minors: 1, adultsOnly: 1, undetermined: 0 }
  })
  const residents = new Map<string, Array<string>>(directory.laboratori.map((l) => [l.id, []]))
  for (const household of population.households) {
    const lab = directory.laboratori.find((l) => l.site === household.tenancy.complesso)
    if (lab === undefined) continue
    const members = new Set(household.members.map((m) => m.person))
    await quartieri.registerHousehold(coordinator, {
      project: projectId,
      laboratorio: lab.id,
      household,
      persons: population.persons.filter((p) => members.has(p.id))
    })
    residents.get(lab.id)?.push(...household.members.filter((m) => m.to === undefined).map((m) => m.person))
  }

  // Sessions of 2019 with their attendance sheets: registered persons and a head-count.
  for (const [i, lab] of directory.laboratori.entries()) {
    const people = residents.get(lab.id) ?? []
    for (let month = 4; month <= 11; month++) {
      const activity = month % 4 === 0 ? "feste" : month % 2 === 0 ? "abitare" : "sportello"
      const day = String(3 + 7 * i + (month % 3)).padStart(2, "0")
      const date = `2019-${String(month).padStart(2, "0")}-${day}`
      await quartieri.recordSession(coordinator, {
        laboratorio: lab.id,
        session: {
          id: `${lab.id}-${date}`,
          activity: `${lab.id}-${activity}`,
          date,
          durationMinutes: activity === "feste" ? 180 : 120
        },
        attendance: {
          named: people.filter((_, k) => (k + month) % 3 === 0),
          anonymous: activity === "feste" ? 12 + month : month % 3
        }
      })
    }
  }

  // Spending and rendicontazione (synthetic amounts): the first claim verified by the Region.
  const spent = [
    ["e-001", "lab-acli", "2019-06-28", 1_850_000, "Tutor di condominio, aprile-giugno"],
    ["e-002", "lab-koala", "2019-06-28", 1_200_000, "Educatori, aprile-giugno"],
    ["e-003", "ia-mestieri", "2019-09-30", 2_480_000, "Doti lavoro, primo lotto"],
    ["e-004", "lab-acli", "2019-12-20", 1_900_000, "Tutor di condominio, luglio-dicembre"]
  ] as const
  for (const [id, budgetLine, date, amount, description] of spent)
    await quartieri.recordExpenditure(coordinator, {
      project: projectId,
      expenditure: { id, line: budgetLine, date, amount, description, documentRef: `DOC-${id}` }
    })
  const first = await quartieri.submitClaim(coordinator, {
    project: projectId,
    claim: {
      number: 1,
      period: { start: "2019-01-01", end: "2019-06-30" },
      submittedOn: "2019-07-31",
      expenditures: ["e-001", "e-002"]
    }
  })
  await quartieri.verifyClaim(region, {
    project: projectId,
    number: 1,
    expectedVersion: first.claim.version,
    verifiedOn: "2019-10-15",
    verifiedAmount: 2_950_000
  })
  await quartieri.submitClaim(coordinator, {
    project: projectId,
    claim: {
      number: 2,
      period: { start: "2019-07-01", end: "2019-12-31" },
      submittedOn: "2020-01-31",
      expenditures: ["e-003", "e-004"]
    }
  })
}

const line = (
  id: string,
  subProject: string,
  partner: string,
  category: "staff" | "external-services",
  amount: number,
  description: string
) => ({
  id,
  subProject,
  partner,
  category,
  cost: { _tag: "RealCost" as const, amount },
  description: `${description} (sintetico)`
})
