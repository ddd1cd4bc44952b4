/**
 * What the demo registers for each seed project, and why. The seeds give real partnerships and
 * budgets, and leave a great deal unknown (docs/concepts/seed-projects.md); the demo registers
 * each project **through the use-cases**, so the rules of its call apply — and says, for every
 * value that is not the seed's, that it is the demo's and synthetic:
 *
 * - **IntERPreti di cambiamento**: as seeded. Its budget is known at the project level only, and
 *   an expenditure needs a budget line, so two **synthetic lines** (one per sub-project) split
 *   the real total;
 * - **Abitare la Comunità**: the seed's end, "agosto 2020", is after the avviso's latest end; the
 *   use-case refuses it, the demo shows the refusal, then registers it with the avviso's end
 *   (16/05/2020) as a **demo reading**. Only the grant is known: its budget is tried as such;
 * - **Un ponte sul blu**: no period is published; the demo registers it with a **synthetic
 *   period** and no budget (no amount is published);
 * - **Milano C.A.S.A.**: not registered — no period is published, and the partnership as known
 *   has one partner besides the referente where the call wants two.
 *
 * @since 0.1.0
 */
import type { Budget, Project } from "@quartieri/core"
import { SeedProjects } from "@quartieri/testing"
import { type Text, text } from "../Text.js"

/**
 * The demo's plan for one seed project.
 *
 * @since 0.1.0
 * @category models
 */
export interface Plan {
  readonly seed: SeedProjects.SeedProject
  /** A short prefix for the ids of the synthetic records (households, persons, sessions). */
  readonly key: string
  /** The project as the seed gives it, tried first (it may be refused by its call's rules). */
  readonly asSeeded?: Project.ProjectEncoded
  /** The project the demo registers instead, and why. */
  readonly instead?: { readonly project: Project.ProjectEncoded; readonly reading: Text }
  /** The budget the demo defines, and what in it is synthetic. */
  readonly budget?: { readonly budget: typeof Budget.Budget.Encoded; readonly synthetic?: Text }
  /** Why the project is not registered at all. */
  readonly notRegistered?: Text
  /** The share of the demo's households living in the project's complessi. */
  readonly share: number
  /** The partner whose operators run the laboratori (a synthetic assignment). */
  readonly operator: string
  /** The partner that delivers the pathways' labour services. */
  readonly labour: string
  /** Staff hours a week at each laboratorio (the seed gives 16 only for Borgo Loreto). */
  readonly staffHours: (site: string) => number
}

const interpreti: Plan = {
  seed: SeedProjects.interpreti,
  key: "int",
  ...(SeedProjects.interpreti.project === undefined ? {} : { asSeeded: SeedProjects.interpreti.project }),
  budget: {
    budget: {
      ...(SeedProjects.interpreti.budget ?? { funding: [] }),
      lines: [
        {
          id: "int-laboratorio-personale",
          subProject: "interpreti-laboratorio-sociale",
          partner: "acli-crema",
          category: "staff",
          cost: { _tag: "RealCost", amount: 12_000_000 },
          description: "Operatori dei laboratori sociali (voce sintetica della demo)"
        },
        {
          id: "int-inclusione-servizi",
          subProject: "interpreti-inclusione-attiva",
          partner: "consorzio-mestieri",
          category: "external-services",
          cost: { _tag: "RealCost", amount: 10_998_954 },
          description: "Servizi al lavoro dei percorsi (voce sintetica della demo)"
        }
      ]
    },
    synthetic: text(
      "voci di budget sintetiche (due, una per sottoprogetto) che ripartiscono il totale reale di € 229.989,54",
      "synthetic budget lines (two, one per sub-project) splitting the real total of €229,989.54"
    )
  },
  share: 0.4,
  operator: "acli-crema",
  labour: "consorzio-mestieri",
  staffHours: () => 12
}

const abitareSeed = SeedProjects.abitareLaComunita.project
const abitare: Plan = {
  seed: SeedProjects.abitareLaComunita,
  key: "abi",
  ...(abitareSeed === undefined
    ? {}
    : {
        asSeeded: abitareSeed,
        instead: {
          project: { ...abitareSeed, period: { start: abitareSeed.period.start, end: "2020-05-16" } },
          reading: text(
            "lettura della demo: fine al 16/05/2020, termine dell'avviso (la fonte dice agosto 2020; una proroga non è nelle fonti)",
            "demo reading: end on 16/05/2020, the avviso's latest end (the source says August 2020; an extension is not in our sources)"
          )
        }
      }),
  budget: {
    budget: { lines: [], funding: [{ source: "fse-grant", amount: 25_196_400 }] },
    synthetic: text(
      "solo il contributo pubblicato (€ 251.964): costo totale e cofinanziamento non sono noti",
      "only the published grant (€251,964): total cost and cofinancing are not known"
    )
  },
  share: 0.4,
  operator: "coop-bessimo",
  labour: "consorzio-mestieri-cremona",
  staffHours: (site) => (site === "cremona-san-bernardo-borgo-loreto" ? 16 : 12)
}

const ponte: Plan = {
  seed: SeedProjects.ponteSulBlu,
  key: "pon",
  instead: {
    project: {
      id: "un-ponte-sul-blu",
      call: "avviso-2017",
      title: SeedProjects.ponteSulBlu.title,
      partnership: SeedProjects.ponteSulBlu.partnership,
      subProjects: [
        { id: "ponte-laboratorio-sociale", kind: "laboratorio-sociale", action: "9.4.2" },
        { id: "ponte-inclusione-attiva", kind: "inclusione-attiva", action: "9.1.3" }
      ],
      sites: ["brescia-smeraldo-e-sole", "brescia-torre-cimabue"],
      period: { start: "2019-01-01", end: "2020-05-16" },
      targets: [],
      decrees: [],
      status: { status: "started", since: "2019-01-01" }
    },
    reading: text(
      "periodo sintetico della demo (01/01/2019 – 16/05/2020): le fonti non pubblicano date; sottoprogetti come richiesti dall'avviso",
      "synthetic demo period (01/01/2019 – 16/05/2020): the sources publish no dates; sub-projects as the avviso requires"
    )
  },
  share: 0.2,
  operator: "coop-la-rete",
  labour: "consorzio-solco-brescia",
  staffHours: () => 10
}

const milano: Plan = {
  seed: SeedProjects.milanoCasa,
  key: "mil",
  notRegistered: text(
    "non registrato: le fonti non pubblicano il periodo, e il partenariato noto ha 1 partner oltre al referente (il bando ne chiede almeno 2)",
    "not registered: the sources publish no period, and the partnership as known has 1 partner besides the referente (the call asks for at least 2)"
  ),
  share: 0,
  operator: "aler-milano",
  labour: "asst-fbf-sacco",
  staffHours: () => 0
}

/**
 * The plans, in the order of the seeds.
 *
 * @since 0.1.0
 * @category constructors
 */
export const plans: ReadonlyArray<Plan> = [interpreti, abitare, ponte, milano]
