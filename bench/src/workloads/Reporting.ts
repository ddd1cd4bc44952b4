/**
 * Workload 2, reporting: every ESF+ 2021-2027 common indicator on participants (EECO01–EECO17,
 * EECR01–EECR05, by sex, with refused and not-collected answers beside the counts) and the
 * coverage table, for N participant records in one pass — `Reporting.Compute.fromStream` over
 * a stream of the records — against a hand-written single-pass loop
 * (`baselines/ReportingLoop.ts`).
 *
 * Parity: every count of the indicator and coverage tables equals the loop's.
 *
 * @since 0.1.0
 */
import { Reporting } from "@quartieri/core"
import { Effect, Stream } from "effect"
import * as Loop from "../baselines/ReportingLoop.js"
import * as Data from "../Data.js"
import { pair } from "../Harness.js"
import { type Row, row } from "../Report.js"
import type { Mode, Outcome } from "./Mode.js"

/** The differences between the report's tables and the loop's counts ("" when none). */
const differences = (report: Reporting.Compute.Report, counts: Loop.Counts): string => {
  const out: Array<string> = []
  report.indicators.rows.forEach((r, i) => {
    const c = counts.indicators[i]
    if (c === undefined || r.code !== Loop.codes[i]) {
      out.push(`indicator ${String(r.code)} out of place`)
      return
    }
    const tri = r.refused !== null
    const expected = [
      c[0] + c[1],
      c[0],
      c[1],
      tri ? c[2] + c[3] : null,
      tri ? c[2] : null,
      tri ? c[3] : null,
      tri ? c[4] + c[5] : null,
      tri ? c[4] : null,
      tri ? c[5] : null
    ]
    const got = [
      r.total,
      r.women,
      r.men,
      r.refused,
      r.refused_women,
      r.refused_men,
      r.not_collected,
      r.not_collected_women,
      r.not_collected_men
    ]
    if (JSON.stringify(got) !== JSON.stringify(expected))
      out.push(`${String(r.code)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`)
  })
  report.coverage.rows.forEach((r, i) => {
    const c = counts.coverage[i]
    if (c === undefined || r.item !== Loop.coverage[i]) {
      out.push(`coverage ${String(r.item)} out of place`)
      return
    }
    const expected = [c[0] + c[1] + c[2], c[0], c[1], c[2]]
    const got = [r.total, r.women, r.men, r.sex_unknown]
    if (JSON.stringify(got) !== JSON.stringify(expected))
      out.push(`${String(r.item)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`)
  })
  if (report.indicators.rows.length !== Loop.codes.length) out.push("not every indicator is reported")
  return out.join("; ")
}

/**
 * Runs the reporting workload at N and 10 N.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = async (mode: Mode): Promise<Outcome> => {
  const sizes = mode.quick ? [500, 5_000] : [100_000, 1_000_000]
  const all = Data.participants(sizes[sizes.length - 1] as number)
  const period = Data.reportingPeriod
  const options = { set: Reporting.EsfPlus2021.set, period }
  const rows: Array<Row> = []
  for (const [index, n] of sizes.entries()) {
    const participants = all.slice(0, n)
    const measured = await pair({
      ours: () => Effect.runSync(Reporting.Compute.fromStream(Stream.fromIterable(participants), options)),
      baseline: () => Loop.count(participants, period.start, period.end as string),
      warmup: index === 0 ? 1 : 0,
      reps: mode.quick ? 1 : 3
    })
    const diff = differences(measured.oursResult, measured.baselineResult)
    const counted = measured.oursResult.coverage.rows.find((r) => r.item === "complete")?.total
    const duplicates = measured.oursResult.coverage.rows.find((r) => r.item === "duplicates")?.total
    rows.push(
      row({
        workload: "reporting",
        variant: "ESF+ common indicators, one pass",
        n,
        unit: "participants",
        ours: measured.ours,
        baseline: measured.baseline,
        target: { max: 2, what: "≤ 2× a hand-written single-pass loop" },
        parity: {
          ok: diff === "",
          detail:
            diff === ""
              ? `all ${Loop.codes.length} indicators and ${Loop.coverage.length} coverage lines equal (${String(counted)} complete participants, ${String(duplicates)} duplicates)`
              : diff
        },
        scalingKey: "reporting"
      })
    )
  }
  return { rows, skipped: [] }
}
