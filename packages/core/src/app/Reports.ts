/**
 * The report use-case: the `Reporting` tables of a project, built from what the store holds,
 * for an actor. Reports are aggregates, so every actor with a right to read the project may
 * run them (`Access.authorize(actor, "read", { kind: "report", project })`); what differs is
 * what they receive:
 *
 * - an actor who may see personal data (`Access.maySeePersonalData`: the project's own
 *   coordinator and partners, the auditor) receives the tables as computed, marked for
 *   internal use (`Disclosure.internal`);
 * - the Region receives them **published** (`Disclosure.publish` with the default threshold):
 *   personal and special-category columns dropped, small counts suppressed with their
 *   complementary cells. The Region never receives personal data, not even as a count of one.
 *
 * Reports:
 * - `budget-execution`: planned, claimed and verified amounts by partner and by cost category,
 *   and the funding sources (`Reporting.BudgetExecution`);
 * - `indicators`: the ESF 2014-2020 or ESF+ 2021-2027 common indicators of the project's
 *   pathways for a period, with the data coverage (`Reporting.Compute`);
 * - `involvement`: sessions, hours, attendances and persons involved at the project's
 *   laboratori, by activity kind (`Involvement`).
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Result, Schema, Stream } from "effect"
import * as Access from "../Access.js"
import { kindLabel } from "../Activity.js"
import type * as Budget from "../Budget.js"
import * as Calendar from "../Calendar.js"
import * as Ids from "../Ids.js"
import * as Involvement from "../Involvement.js"
import type * as Money from "../Money.js"
import * as BudgetExecution from "../reporting/BudgetExecution.js"
import * as Compute from "../reporting/compute.js"
import * as Disclosure from "../reporting/Disclosure.js"
import * as Esf2014 from "../reporting/indicators/Esf2014.js"
import * as EsfPlus2021 from "../reporting/indicators/EsfPlus2021.js"
import * as Participant from "../reporting/Participant.js"
import * as Table from "../reporting/Table.js"
import * as Store from "../Store.js"
import * as Collections from "./Collections.js"
import type { NotFound } from "./NotFound.js"
import * as UseCase from "./UseCase.js"

/**
 * The indicator sets a report can count: `esf-2014` (POR FSE 2014-2020, CO/CR) and
 * `esf-plus-2021` (PR FSE+ 2021-2027, EECO/EECR).
 *
 * @since 0.1.0
 * @category models
 */
export const IndicatorSetId = Schema.Literals(["esf-2014", "esf-plus-2021"])
/** @since 0.1.0 @category models */
export type IndicatorSetId = typeof IndicatorSetId.Type

/**
 * Input of `runReport`: which report, for which project, and its parameters.
 *
 * @since 0.1.0
 * @category models
 */
export const RunReportInput = Schema.Union([
  Schema.Struct({ report: Schema.Literal("budget-execution"), project: Ids.ProjectId }),
  Schema.Struct({
    report: Schema.Literal("indicators"),
    project: Ids.ProjectId,
    set: IndicatorSetId,
    period: Calendar.Period
  }),
  Schema.Struct({
    report: Schema.Literal("involvement"),
    project: Ids.ProjectId,
    period: Schema.optionalKey(Calendar.Period)
  })
])
/** @since 0.1.0 @category models */
export type RunReportInput = typeof RunReportInput.Encoded

/**
 * A report as an actor receives it: its tables, each carrying its suppression log, and whether
 * they were published (the Region) or are for internal use.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly report: RunReportInput["report"]
  readonly project: Ids.ProjectId
  readonly disclosure: "published" | "internal"
  readonly tables: ReadonlyArray<Table.Table>
}

/**
 * The report use-case.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Runs a report of a project for the actor. */
  readonly runReport: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<
    Report,
    UseCase.Failure | NotFound | Budget.BudgetRuleViolated | Money.ArithmeticError | Disclosure.CannotPublish
  >
}

/**
 * The report use-case's service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Reports extends Context.Service<Reports, Service>()("@quartieri/core/app/Reports") {}

interface Built {
  readonly table: Table.Table
  readonly layout?: Disclosure.Layout
}

/**
 * The involvement table of a tally: one row per activity kind with sessions, then `_T`.
 * Persons do not add up across kinds (someone who came to two kinds counts in both).
 *
 * @since 0.1.0
 * @category reporting
 */
export const involvementTable = (tally: Involvement.Tally, project: Ids.ProjectId): Table.Table => {
  const r = Involvement.report(tally)
  const row = (kind: string, label: { readonly it: string }, f: Involvement.Figures) => ({
    kind,
    label: label.it,
    sessions: f.sessions,
    hours: Math.round(f.hoursDelivered),
    attendances: f.attendances,
    persons_involved: f.personsInvolved.lower,
    persons_involved_upper: f.personsInvolved.upper
  })
  return Table.makeUnsafe({
    id: `involvement.${project}`,
    title: { it: "Coinvolgimento nei laboratori sociali", en: "Involvement at the laboratori sociali" },
    columns: [
      Table.dimension("kind", { it: "Tipo di attività", en: "Activity kind" }, "code"),
      Table.dimension("label", { it: "Attività", en: "Activity" }, "text"),
      Table.measure("sessions", { it: "Incontri", en: "Sessions" }, "count"),
      Table.measure("hours", { it: "Ore erogate", en: "Hours delivered" }, "hours"),
      Table.measure("attendances", { it: "Presenze", en: "Attendances" }, "count"),
      Table.measure("persons_involved", { it: "Persone coinvolte", en: "Persons involved" }, "count"),
      Table.measure(
        "persons_involved_upper",
        { it: "Persone coinvolte (limite superiore)", en: "Persons involved (upper bound)" },
        "count"
      )
    ],
    rows: [
      ...r.byKind.map((k) => row(k.kind, kindLabel[k.kind], k.figures)),
      row(Table.total, { it: "Totale" }, r.total)
    ],
    notes: [
      {
        it: "Persone coinvolte: persone registrate distinte più il maggior numero di presenti non registrati a un singolo incontro; le persone non si sommano tra tipi di attività.",
        en: "Persons involved: distinct registered persons plus the largest head-count of unregistered people at one session; persons do not add up across activity kinds."
      }
    ]
  })
}

// Women / men / total in columns, per row: each row is its own grid, so a suppressed count
// cannot be recomputed from its row's total.
const bySexLayout = (t: Table.Table, groups: ReadonlyArray<ReadonlyArray<string>>): Disclosure.Layout => ({
  grids: t.rows.flatMap((r, row) =>
    groups
      .filter((columns) => columns.every((c) => typeof r[c] === "number"))
      .map((columns) => Disclosure.grid({ rows: [row], columns, totalRow: false, totalColumn: true }))
  ),
  dependencies: [],
  exempt: []
})

const setOf = (id: IndicatorSetId) => (id === "esf-2014" ? Esf2014.set : EsfPlus2021.set)

const decodeReport = UseCase.decodeRequest(RunReportInput, "runReport")

const inPeriod = (period: Calendar.Period | undefined, date: Calendar.CalendarDate) =>
  period === undefined || Calendar.contains(period, date)

/**
 * Builds the report use-case on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const budgetExecution = (project: Ids.ProjectId, actor: Access.Actor) =>
    Effect.gen(function* () {
      const budget = yield* UseCase.load(store, Collections.Budgets, project, {
        actor,
        action: "read",
        kind: "report",
        scope: (b) => ({ kind: "report", project: b.project }),
        missing: { kind: "report", project }
      })
      const expenditures = yield* UseCase.queryBy(store, Collections.Expenditures, "project", project)
      const claims = yield* UseCase.queryBy(store, Collections.Claims, "project", project)
      const execution = yield* Effect.fromResult(
        BudgetExecution.execution(
          budget.value.budget,
          expenditures.map((e) => e.value),
          claims.map((c) => c.value)
        )
      )
      const byPartner = yield* Effect.fromResult(BudgetExecution.table(execution, "partner", project))
      const byCategory = yield* Effect.fromResult(BudgetExecution.table(execution, "category", project))
      // amounts, not counts of people: disclosure control has nothing to suppress in them
      const built: ReadonlyArray<Built> = [
        { table: byPartner, layout: Disclosure.noStructure },
        { table: byCategory, layout: Disclosure.noStructure },
        { table: BudgetExecution.fundingTable(execution, project), layout: Disclosure.noStructure }
      ]
      return built
    })

  const indicators = (project: Ids.ProjectId, set: IndicatorSetId, period: Calendar.Period) =>
    Effect.gen(function* () {
      const participants = store
        .query(Collections.Pathways, { where: { index: "project", equals: project } })
        .pipe(Stream.filterMap((p) => Result.fromNullishOr(Participant.fromPathway(p.value), () => undefined)))
      const report = yield* Compute.fromStream(participants, { set: setOf(set), period })
      const built: ReadonlyArray<Built> = [
        {
          table: report.indicators,
          layout: bySexLayout(report.indicators, [
            ["women", "men", "total"],
            ["refused_women", "refused_men", "refused"],
            ["not_collected_women", "not_collected_men", "not_collected"]
          ])
        },
        { table: report.coverage, layout: bySexLayout(report.coverage, [["women", "men", "sex_unknown", "total"]]) }
      ]
      return built
    })

  const involvement = (project: Ids.ProjectId, period: Calendar.Period | undefined) =>
    Effect.gen(function* () {
      const sheets = yield* UseCase.queryBy(store, Collections.AttendanceSheets, "project", project)
      const bySession = new Map(sheets.map((s) => [s.value.session as string, s.value]))
      const tally = yield* store.query(Collections.Sessions, { where: { index: "project", equals: project } }).pipe(
        Stream.filter((s) => inPeriod(period, s.value.date)),
        Stream.runFold(
          () => Involvement.empty,
          (t, s) => {
            const sheet = bySession.get(s.value.id)
            return Involvement.step(t, {
              kind: s.value.kind,
              durationMinutes: s.value.durationMinutes,
              attendance: sheet === undefined ? undefined : { named: sheet.named, anonymous: sheet.anonymous }
            })
          }
        )
      )
      const table = involvementTable(tally, project)
      const inferred = yield* Effect.fromResult(Disclosure.inferLayout(table))
      const layout: Disclosure.Layout = { ...inferred, exempt: Disclosure.cellsOf(table, ["sessions"]) }
      const built: ReadonlyArray<Built> = [{ table, layout }]
      return built
    })

  const runReport: Service["runReport"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeReport(actor, input)
      yield* UseCase.authorize(who, "read", { kind: "report", project: req.project })
      const built =
        req.report === "budget-execution"
          ? yield* budgetExecution(req.project, who)
          : req.report === "indicators"
            ? yield* indicators(req.project, req.set, req.period)
            : yield* involvement(req.project, req.period)
      const published = !Access.maySeePersonalData(who)
      const policy = published
        ? Disclosure.published()
        : Disclosure.internal(`for ${who._tag} ${who.id}, who may see the project's personal data`)
      const tables = yield* Effect.forEach(built, (b) =>
        Effect.map(Effect.fromResult(Disclosure.publish(b.table, policy, b.layout)), (p) => p.table)
      )
      return { report: req.report, project: req.project, disclosure: published ? "published" : "internal", tables }
    })

  return { runReport }
})

/**
 * The report use-case over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Reports, never, Store.Store> = Layer.effect(Reports, make)
