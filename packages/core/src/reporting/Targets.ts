/**
 * Targets against actuals, per project: what the application promised (IntERPreti di
 * cambiamento: "28 percorsi personalizzati", laboratori in "quattro complessi", seed 000) and
 * what the micro-data show, with the achievement rate in basis points.
 *
 * - The actual of `personalised-pathways` is the number of pathways **enrolled** (a PIP
 *   signed), including those later dropped: the target counts pathways activated, and a
 *   drop-out was activated. The actual of `laboratori-sociali` is the number of laboratori
 *   that held a session (`ProgrammeResults`).
 * - The achievement rate is `actual / target`, **rounded down** to a whole basis point, so
 *   that 100 % means the target is met, never almost met.
 * - **No target is never zero**: a project that declares no value for an indicator gets
 *   `target: null`, no rate, and the status `no-target`; a target of zero has no rate either
 *   (status `zero-target`). Every indicator of `Project.TargetIndicator` is listed for every
 *   project, so the missing targets show.
 *
 * @since 0.1.0
 */
import type { BasisPoints } from "../BasisPoints.js"
import type { ProjectId } from "../Ids.js"
import * as Project from "../Project.js"
import * as Disclosure from "./Disclosure.js"
import * as ProgrammeResults from "./ProgrammeResults.js"
import * as Table from "./Table.js"

/**
 * Where an actual stands against its target: `no-target` (none declared), `zero-target`,
 * `below`, `met` or `above`.
 *
 * @since 0.1.0
 * @category models
 */
export type Status = "no-target" | "zero-target" | "below" | "met" | "above"

/**
 * Italian and English labels of each status.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusLabel: { readonly [S in Status]: Table.Text } = {
  "no-target": { it: "obiettivo non dichiarato", en: "no target declared" },
  "zero-target": { it: "obiettivo pari a zero", en: "target of zero" },
  below: { it: "sotto l'obiettivo", en: "below target" },
  met: { it: "obiettivo raggiunto", en: "target met" },
  above: { it: "oltre l'obiettivo", en: "above target" }
}

/**
 * One indicator of one project: the target (`undefined` when none is declared), the actual, the
 * achievement rate (`undefined` without a positive target) and the status.
 *
 * @since 0.1.0
 * @category models
 */
export interface Comparison {
  readonly project: ProjectId
  readonly indicator: Project.TargetIndicator
  readonly target: number | undefined
  readonly actual: number
  readonly achievement: BasisPoints | undefined
  readonly status: Status
}

/**
 * The actual of an indicator from a project's figures (zero when the project has none).
 *
 * @since 0.1.0
 * @category rules
 */
export const actualOf = (indicator: Project.TargetIndicator, figures: ProgrammeResults.Figures | undefined): number =>
  figures === undefined ? 0 : indicator === "personalised-pathways" ? figures.pathwaysEnrolled : figures.laboratori

/**
 * Compares one target with its actual: the rate `⌊actual × 10 000 / target⌋` basis points and
 * the status.
 *
 * @since 0.1.0
 * @category rules
 */
export const assess = (
  target: number | undefined,
  actual: number
): { readonly achievement: BasisPoints | undefined; readonly status: Status } => {
  if (target === undefined) return { achievement: undefined, status: "no-target" }
  if (target === 0) return { achievement: undefined, status: "zero-target" }
  return {
    achievement: Math.floor((actual * 10_000) / target) as BasisPoints,
    status: actual < target ? "below" : actual === target ? "met" : "above"
  }
}

/**
 * Every target indicator of every project against the project's figures in `period` (`_T`, the
 * whole input, by default), in project order, then in the order of `Project.TargetIndicator`.
 *
 * @since 0.1.0
 * @category rules
 */
export const compare = (
  projects: ReadonlyArray<Pick<Project.Project, "id" | "targets">>,
  results: ProgrammeResults.Results,
  period: string = ProgrammeResults.allTime
): ReadonlyArray<Comparison> =>
  projects.flatMap((p) => {
    const figures = ProgrammeResults.figuresFor(results, "project", p.id, period)
    return Project.TargetIndicator.literals.map((indicator) => {
      const target = p.targets.find((t) => t.indicator === indicator)?.value
      const actual = actualOf(indicator, figures)
      return { project: p.id, indicator, target, actual, ...assess(target, actual) }
    })
  })

/**
 * The comparisons as a table: project, indicator (code and label), target, actual, achievement
 * (basis points) and status. A missing target or rate is `null`, never zero.
 *
 * @since 0.1.0
 * @category formatting
 */
export const table = (comparisons: ReadonlyArray<Comparison>): Table.Table =>
  Table.makeUnsafe({
    id: "targets",
    title: { it: "Obiettivi e risultati per progetto", en: "Targets and actuals by project" },
    columns: [
      Table.dimension("project", { it: "Progetto", en: "Project" }, "code"),
      Table.dimension("indicator", { it: "Indicatore", en: "Indicator" }, "code"),
      Table.dimension("indicatorLabel", { it: "Descrizione", en: "Description" }, "text"),
      Table.measure("target", { it: "Obiettivo", en: "Target" }),
      Table.measure("actual", { it: "Realizzato", en: "Actual" }),
      Table.measure("achievement", { it: "Grado di raggiungimento", en: "Achievement rate" }, "basis-points"),
      Table.measure("status", { it: "Stato", en: "Status" }, "code")
    ],
    rows: comparisons.map((c) => ({
      project: c.project,
      indicator: c.indicator,
      indicatorLabel: Project.targetIndicatorLabel[c.indicator].it,
      target: c.target ?? null,
      actual: c.actual,
      achievement: c.achievement ?? null,
      status: c.status
    })),
    notes: [
      {
        it: "Obiettivo vuoto: il progetto non ne ha dichiarato uno (stato no-target); non equivale a zero.",
        en: "Empty target: the project declared none (status no-target); it is not zero."
      },
      {
        it: "Grado di raggiungimento in punti base (10 000 = 100 %), arrotondato per difetto.",
        en: "Achievement rate in basis points (10 000 = 100 %), rounded down."
      }
    ]
  })

/**
 * The disclosure layout of a targets table: no totals; targets and laboratori are exempt from
 * the threshold (they count plans and places, not people); the achievement rate and the status
 * are suppressed with the actual they are computed from.
 *
 * @since 0.1.0
 * @category formatting
 */
export const layout = (t: Table.Table): Disclosure.Layout => ({
  grids: [],
  dependencies: [
    { column: "achievement", on: ["actual"] },
    { column: "status", on: ["actual"] }
  ],
  exempt: [
    ...Disclosure.cellsOf(t, ["target"]),
    ...t.rows.flatMap((r, row) => (r.indicator === "laboratori-sociali" ? [{ row, column: "actual" }] : []))
  ]
})
