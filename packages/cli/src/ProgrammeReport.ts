/**
 * The programme report: what the store holds about every project (or one), as the tables the
 * Region and the partnership read — budget execution by project, targets against actuals, the
 * pathway funnel, laboratorio activity month by month, results by project and by quartiere
 * (laboratori, persons involved, households reached, pathways), and the ESF 2014-2020 common
 * indicators of the participants with their data coverage.
 *
 * Every table is released under the chosen **profile**: `published` puts it through
 * `Reporting.Disclosure.publish` (personal columns dropped, counts under the threshold suppressed
 * with their complementary cells); `partner` and `internal` keep the counts as computed (the
 * reason is logged in each table), and the exporter then pseudonymises (`partner`) or keeps
 * (`internal`) the personal columns.
 *
 * The records are read from the store as its operator (no use-case lists every session of a
 * programme); sessions and pathways are placed in quartieri and Comuni through the complessi
 * (`Sites`, plus any given with `--sites`). A record that cannot be placed is left out of the
 * counts and listed in `problems`, never guessed.
 *
 * @since 0.1.0
 */
import {
  App,
  Calendar,
  Call,
  type Collection,
  type Pathway,
  Privacy,
  type Project,
  Reporting,
  type Site,
  type Store,
  type StoreError
} from "@quartieri/core"
import { LaboratorioActivity, PathwayFunnel } from "@quartieri/export-html"
import { Effect, Result, Stream } from "effect"

type Table = Reporting.Table.Table

/**
 * Everything the report is computed from.
 *
 * @since 0.1.0
 * @category models
 */
export interface Data {
  readonly projects: ReadonlyArray<Project.Project>
  readonly budgets: ReadonlyArray<App.Records.BudgetRecord>
  readonly expenditures: ReadonlyArray<App.Records.ExpenditureRecord>
  readonly claims: ReadonlyArray<App.Records.ClaimRecord>
  readonly laboratori: ReadonlyArray<App.Records.LaboratorioRecord>
  readonly sessions: ReadonlyArray<App.Records.SessionRecord>
  readonly attendance: ReadonlyArray<App.Records.AttendanceRecord>
  readonly pathways: ReadonlyArray<Pathway.Pathway>
  readonly households: ReadonlyArray<App.Records.HouseholdRecord>
}

const all = <A, I>(store: Store.Service, collection: Collection.Collection<A, I>, project?: string) =>
  Stream.runCollect(
    store.query(collection, project === undefined ? {} : { where: { index: "project", equals: project } })
  ).pipe(Effect.map((docs) => docs.map((d) => d.value)))

/**
 * Reads the records of every project, or of `project` only.
 *
 * @since 0.1.0
 * @category constructors
 */
export const load = (store: Store.Service, project?: string): Effect.Effect<Data, StoreError.StoreError> =>
  Effect.gen(function* () {
    const C = App.Collections
    const projects = (yield* all(store, C.Projects)).filter((p) => project === undefined || p.id === project)
    const budgets = (yield* all(store, C.Budgets)).filter((b) => project === undefined || b.project === project)
    return {
      projects,
      budgets,
      expenditures: yield* all(store, C.Expenditures, project),
      claims: yield* all(store, C.Claims, project),
      laboratori: yield* all(store, C.Laboratori, project),
      sessions: yield* all(store, C.Sessions, project),
      attendance: yield* all(store, C.AttendanceSheets, project),
      pathways: yield* all(store, C.Pathways, project),
      households: yield* all(store, C.Households, project)
    }
  })

/**
 * The profiles a report is released under.
 *
 * @since 0.1.0
 * @category models
 */
export type Profile = Privacy.Profile

/**
 * The report: its tables (released), the reporting period, and the records that could not be
 * placed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly tables: ReadonlyArray<Table>
  readonly period: Calendar.Period | undefined
  readonly problems: ReadonlyArray<string>
  readonly data: Data
  readonly results: Reporting.ProgrammeResults.Results
}

/**
 * Why the tables cannot be built: an ill-formed budget, or a table that cannot be published.
 *
 * @since 0.1.0
 * @category errors
 */
export type BuildError = Reporting.BudgetExecution.ExecutionError | Reporting.Disclosure.CannotPublish

// Women / men / total in columns, per row: each row is its own grid (as the app's reports).
const bySexLayout = (t: Table, groups: ReadonlyArray<ReadonlyArray<string>>): Reporting.Disclosure.Layout => ({
  grids: t.rows.flatMap((r, row) =>
    groups
      .filter((columns) => columns.every((c) => typeof r[c] === "number"))
      .map((columns) => Reporting.Disclosure.grid({ rows: [row], columns, totalRow: false, totalColumn: true }))
  ),
  dependencies: [],
  exempt: []
})

const periodOf = (projects: ReadonlyArray<Project.Project>): Calendar.Period | undefined => {
  if (projects.length === 0) return undefined
  const start = projects.map((p) => p.period.start).reduce((a, b) => Calendar.min(a, b))
  const end = projects.map((p) => p.period.end ?? p.period.start).reduce((a, b) => Calendar.max(a, b))
  return { start, end }
}

/**
 * The policy a profile releases the tables under.
 *
 * @since 0.1.0
 * @category constructors
 */
export const policyOf = (profile: Profile): Reporting.Disclosure.Policy =>
  profile === "published"
    ? Reporting.Disclosure.published()
    : Reporting.Disclosure.internal(
        profile === "partner"
          ? "profilo partner: conteggi esatti per il partenariato, dati personali pseudonimizzati"
          : "profilo interno: per chi può vedere i dati personali del progetto"
      )

/**
 * Builds the programme report from `data`, released under `profile`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const build = (
  data: Data,
  profile: Profile,
  complessi: ReadonlyArray<Site.Complesso>
): Result.Result<Report, BuildError> =>
  Result.gen(function* () {
    const policy = policyOf(profile)
    const period = periodOf(data.projects)
    const release = (table: Table, layout: Reporting.Disclosure.Layout) =>
      Result.map(Reporting.Disclosure.publish(table, policy, layout), (p) => p.table)
    const context = { projects: data.projects, calls: Call.all, complessi, households: data.households }
    const register = {
      laboratori: data.laboratori,
      activities: data.laboratori.flatMap((l) => l.activities),
      sessions: data.sessions,
      attendance: data.attendance
    }
    const sessions = Reporting.ProgrammeResults.sessionEntries(register, context)
    const pathways = Reporting.ProgrammeResults.pathwayEntries(data.pathways, context)
    const months = period === undefined ? [] : LaboratorioActivity.months(period.start, period.end ?? period.start)
    const results = Reporting.ProgrammeResults.compute([...sessions.entries, ...pathways.entries], { periods: months })
    const tables: Array<Table> = []

    // budget execution of every project with a budget
    const executions: Array<{ project: Project.Project["id"]; execution: Reporting.BudgetExecution.Execution }> = []
    for (const b of data.budgets) {
      const execution = yield* Reporting.BudgetExecution.execution(
        b.budget,
        data.expenditures.filter((e) => e.project === b.project),
        data.claims.filter((c) => c.project === b.project)
      )
      executions.push({ project: b.project, execution })
    }
    if (executions.length > 0)
      tables.push(
        yield* release(yield* Reporting.BudgetExecution.projectsTable(executions), Reporting.Disclosure.noStructure)
      )
    const targets = Reporting.Targets.table(Reporting.Targets.compare(data.projects, results))
    if (targets.rows.length > 0) tables.push(yield* release(targets, Reporting.Targets.layout(targets)))
    if (data.pathways.length > 0) {
      const funnel = PathwayFunnel.table(data.pathways)
      tables.push(yield* release(funnel, PathwayFunnel.layout(funnel)))
    }
    if (months.length > 0) {
      const activity = LaboratorioActivity.table(results)
      tables.push(yield* release(activity, LaboratorioActivity.layout(activity)))
    }
    for (const dimension of ["project", "quartiere"] as const) {
      const t = Reporting.ProgrammeResults.table(results, dimension)
      tables.push(yield* release(t, yield* Reporting.ProgrammeResults.layout(t)))
    }
    if (period !== undefined) {
      const participants = data.pathways.flatMap((p) => {
        const x = Reporting.Participant.fromPathway(p)
        return x === undefined ? [] : [x]
      })
      const report = Reporting.Compute.compute(participants, {
        set: Reporting.Esf2014.set,
        period: { start: period.start, end: period.end ?? period.start }
      })
      tables.push(
        yield* release(
          report.indicators,
          bySexLayout(report.indicators, [
            ["women", "men", "total"],
            ["refused_women", "refused_men", "refused"],
            ["not_collected_women", "not_collected_men", "not_collected"]
          ])
        )
      )
      tables.push(
        yield* release(report.coverage, bySexLayout(report.coverage, [["women", "men", "sex_unknown", "total"]]))
      )
    }
    return { tables, period, problems: [...sessions.problems, ...pathways.problems], data, results }
  })

/**
 * The participant records of the report's pathways (for the workbook's participants sheet).
 *
 * @since 0.1.0
 * @category utils
 */
export const participants = (data: Data): ReadonlyArray<Reporting.Participant.Participant> =>
  data.pathways.flatMap((p) => {
    const x = Reporting.Participant.fromPathway(p)
    return x === undefined ? [] : [x]
  })

/**
 * Whether a profile needs a pseudonymisation key.
 *
 * @since 0.1.0
 * @category utils
 */
export const needsKey = (profile: Profile): boolean => profile === "partner"

/**
 * The minimum length of a pseudonymisation key, in bytes.
 *
 * @since 0.1.0
 * @category parameters
 */
export const minimumKeyBytes = Privacy.minimumKeyBytes
