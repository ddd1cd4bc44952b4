/**
 * The report of one project from its domain data: the tables the HTML report draws — targets
 * against actuals, budget execution and funding plan, the pathway funnel, laboratorio activity
 * by month — built from the core reports and **released under a disclosure policy**
 * (`Reporting.Disclosure.published()` by default: small counts suppressed, personal columns
 * dropped), plus the facts shown under the title.
 *
 * A table is built only from what is given: no results, no targets table (an actual that is
 * not known is not zero); no budget, no budget tables; no pathways, no funnel.
 *
 * @since 0.1.0
 */
import { type Budget, type Call, Money, type Pathway, Programme, Project, Reporting } from "@quartieri/core"
import { Result } from "effect"
import { formatDate, type Language } from "./Html.js"
import * as LaboratorioActivity from "./LaboratorioActivity.js"
import * as PathwayFunnel from "./PathwayFunnel.js"

type Table = Reporting.Table.Table

/**
 * What a project report is built from. `results` should be computed with monthly periods
 * (`LaboratorioActivity.months`) for the activity chart.
 *
 * @since 0.1.0
 * @category models
 */
export interface Input {
  readonly project: Project.Project
  readonly call: Call.Call
  readonly budget?: Budget.Budget
  readonly expenditures?: ReadonlyArray<Budget.Expenditure>
  readonly claims?: ReadonlyArray<Budget.Claim>
  readonly pathways?: ReadonlyArray<Pathway.Pathway>
  readonly results?: Reporting.ProgrammeResults.Results
}

/**
 * Why the tables cannot be built: the budget is ill-formed or a table cannot be published.
 *
 * @since 0.1.0
 * @category errors
 */
export type BuildError = Reporting.BudgetExecution.ExecutionError | Reporting.Disclosure.CannotPublish

const release = (
  table: Table,
  policy: Reporting.Disclosure.Policy,
  layout: Reporting.Disclosure.Layout
): Result.Result<Table, Reporting.Disclosure.CannotPublish> =>
  Result.map(Reporting.Disclosure.publish(table, policy, layout), (p) => p.table)

/** The budget table with each sub-project's description in the `label` column (Italian). */
const named = (table: Table, project: Project.Project): Table => ({
  ...table,
  rows: table.rows.map((r) => {
    const sub = project.subProjects.find((s) => s.id === r["sub-project"])
    return sub === undefined ? r : { ...r, label: sub.title ?? Project.subProjectKindLabel[sub.kind].it }
  })
})

/**
 * The project's tables, each released under `policy`, in report order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const tables = (
  input: Input,
  policy: Reporting.Disclosure.Policy = Reporting.Disclosure.published()
): Result.Result<ReadonlyArray<Table>, BuildError> =>
  Result.gen(function* () {
    const out: Array<Table> = []
    const { project } = input
    if (input.results !== undefined) {
      const targets = Reporting.Targets.table(Reporting.Targets.compare([project], input.results))
      out.push(yield* release(targets, policy, Reporting.Targets.layout(targets)))
    }
    if (input.budget !== undefined) {
      const e = yield* Reporting.BudgetExecution.execution(input.budget, input.expenditures ?? [], input.claims ?? [])
      const bySubProject = named(yield* Reporting.BudgetExecution.table(e, "sub-project", project.id), project)
      out.push(yield* release(bySubProject, policy, Reporting.Disclosure.noStructure))
      out.push(
        yield* release(Reporting.BudgetExecution.fundingTable(e, project.id), policy, Reporting.Disclosure.noStructure)
      )
    }
    if (input.pathways !== undefined) {
      const funnel = PathwayFunnel.table(input.pathways.filter((p) => p.project === project.id))
      out.push(yield* release(funnel, policy, PathwayFunnel.layout(funnel)))
    }
    if (input.results !== undefined && input.results.periods.length > 0) {
      const activity = LaboratorioActivity.table(input.results, "project", project.id)
      out.push(yield* release(activity, policy, LaboratorioActivity.layout(activity)))
    }
    return out
  })

/**
 * The facts shown under the title: programme and actions, call, capofila, partners, period,
 * CUP (or that it is not known).
 *
 * @since 0.1.0
 * @category formatting
 */
export const facts = (
  project: Project.Project,
  call: Call.Call,
  language: Language = "it"
): ReadonlyArray<{ readonly label: string; readonly value: string }> => {
  const it = language === "it"
  const actions = [...new Set(project.subProjects.map((s) => s.action))]
  const capofila = project.partnership.members.find((m) => m.role === "capofila")?.organisation.name
  const partners = project.partnership.members.filter((m) => m.role === "partner").map((m) => m.organisation.name)
  const period =
    project.period.end === undefined
      ? `${it ? "dal" : "from"} ${formatDate(project.period.start, language)}`
      : `${formatDate(project.period.start, language)} – ${formatDate(project.period.end, language)}`
  const axis = actions.map((a) => Programme.action(call.programme, a)?.axis?.code).find((c) => c !== undefined)
  return [
    {
      label: it ? "Programma" : "Programme",
      value: `${call.programme.title}${axis === undefined ? "" : `, ${it ? "Asse" : "Axis"} ${axis}`}${actions.length === 0 ? "" : `, ${it ? "azioni" : "actions"} ${actions.join(" e ")}`}`
    },
    { label: it ? "Avviso" : "Call", value: it ? call.title.it : call.title.en },
    ...(capofila === undefined ? [] : [{ label: "Capofila", value: capofila }]),
    ...(partners.length === 0 ? [] : [{ label: "Partner", value: partners.join(", ") }]),
    { label: it ? "Periodo" : "Period", value: period },
    {
      label: it ? "Sottoprogetti" : "Sub-projects",
      value:
        project.subProjects
          .map((s) => (it ? Project.subProjectKindLabel[s.kind].it : Project.subProjectKindLabel[s.kind].en))
          .join(", ") || "–"
    },
    { label: "CUP", value: project.cup ?? (it ? "non noto" : "not known") }
  ]
}

/**
 * The total cost of a budget as shown in a subtitle, or `undefined` when it cannot be read.
 *
 * @since 0.1.0
 * @category formatting
 */
export const totalCost = (budget: Budget.Budget): string | undefined =>
  budget.declaredTotal === undefined ? undefined : Money.format(budget.declaredTotal)
