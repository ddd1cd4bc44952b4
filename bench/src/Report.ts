/**
 * The rows of the benchmark and how they are shown: one row per workload, variant and size,
 * with both sides' medians and runs, the ratio, the peak RSS, the target and whether it is met,
 * and the parity check (ours and the baseline gave the same result). Scaling rows are derived
 * from the rows at N and 10 N.
 *
 * @since 0.1.0
 */
import type { Side } from "./Harness.js"

/**
 * A target on a row: the largest ratio (`max`), or a range (`min`–`max`) for scaling.
 *
 * @since 0.1.0
 * @category models
 */
export interface Target {
  readonly min?: number
  readonly max: number
  readonly what: string
}

/**
 * One measured row.
 *
 * @since 0.1.0
 * @category models
 */
export interface Row {
  readonly workload: string
  readonly variant: string
  readonly n: number
  /** What N counts: households, participants, rows, gets… */
  readonly unit: string
  readonly ours: Side
  readonly baseline: Side
  readonly ratio: number
  readonly target?: Target
  readonly met?: boolean
  readonly parity: { readonly ok: boolean; readonly detail: string }
  /** Figures of the row beyond the times (p50 / p99 of point gets, bytes written…). */
  readonly extra?: Readonly<Record<string, number | string>>
  readonly note?: string
  /** Rows at N and 10 N of one variant share a key, for the scaling rows. */
  readonly scalingKey?: string
}

/**
 * A workload that could not run here (PostgreSQL unreachable, no CLI yet), and why.
 *
 * @since 0.1.0
 * @category models
 */
export interface Skipped {
  readonly workload: string
  readonly variant: string
  readonly reason: string
}

/**
 * A row from the two sides of a measurement, its target and its parity.
 *
 * @since 0.1.0
 * @category constructors
 */
export const row = (r: Omit<Row, "ratio" | "met">): Row => {
  const ratio = r.ours.median / r.baseline.median
  const made: Row = {
    ...r,
    ratio,
    ...(r.target === undefined ? {} : { met: ratio <= r.target.max && ratio >= (r.target.min ?? 0) })
  }
  // progress, as each row is measured (a full run takes minutes)
  console.log(
    `  · ${r.workload}: ${r.variant}, ${r.n.toLocaleString("en-US")} ${r.unit}: ours ${ms(r.ours.median)} ms, baseline ${ms(r.baseline.median)} ms (${ratio.toFixed(2)}×)${r.parity.ok ? "" : ", RESULTS DIFFER"}`
  )
  return made
}

/**
 * A scaling row: ours at 10 N over ours at N, for each pair of rows that share a scaling key.
 *
 * @since 0.1.0
 * @category models
 */
export interface Scaling {
  readonly workload: string
  readonly variant: string
  readonly n: number
  readonly tenN: number
  readonly ours: number
  readonly baseline: number
  readonly met: boolean
}

/**
 * The scaling rows of a run: time at 10 N ÷ time at N, ours and baseline; the target is
 * between 8 and 12 for ours.
 *
 * @since 0.1.0
 * @category constructors
 */
export const scaling = (rows: ReadonlyArray<Row>): ReadonlyArray<Scaling> => {
  const out: Array<Scaling> = []
  const byKey = new Map<string, Array<Row>>()
  for (const r of rows) if (r.scalingKey !== undefined) byKey.set(r.scalingKey, [...(byKey.get(r.scalingKey) ?? []), r])
  for (const group of byKey.values()) {
    const sorted = [...group].sort((a, b) => a.n - b.n)
    for (const small of sorted) {
      const large = sorted.find((r) => r.n === small.n * 10)
      if (large === undefined) continue
      const ours = large.ours.median / small.ours.median
      out.push({
        workload: small.workload,
        variant: small.variant,
        n: small.n,
        tenN: large.n,
        ours,
        baseline: large.baseline.median / small.baseline.median,
        met: ours >= 8 && ours <= 12
      })
    }
  }
  return out
}

const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–"

const ms = (n: number): string => (n < 10 ? fmt(n, 2) : n < 100 ? fmt(n, 1) : fmt(n))

/**
 * The table of a run, as Markdown (it is also what the terminal shows).
 *
 * @since 0.1.0
 * @category formatting
 */
export const table = (
  rows: ReadonlyArray<Row>,
  scales: ReadonlyArray<Scaling>,
  skipped: ReadonlyArray<Skipped>,
  quick = false
) => {
  const lines = [
    "| workload | N | ours (ms) | baseline (ms) | ratio | target | peak RSS ours / baseline (MB) | parity |",
    "|---|---:|---:|---:|---:|---|---:|---|"
  ]
  for (const r of rows) {
    const target =
      r.target === undefined
        ? ""
        : `${r.target.min === undefined ? "≤" : `${r.target.min}–`}${r.target.max}× ${r.met ? "✓" : "✗"}`
    lines.push(
      `| ${r.workload}: ${r.variant} | ${fmt(r.n)} ${r.unit} | ${ms(r.ours.median)} | ${ms(r.baseline.median)} | ${fmt(r.ratio, 2)}× | ${target} | ${fmt(r.ours.peakRssMb)} / ${fmt(r.baseline.peakRssMb)} | ${r.parity.ok ? "same" : "DIFFERENT"} |`
    )
  }
  const out = [lines.join("\n")]
  if (scales.length > 0) {
    out.push(
      [
        `| scaling${quick ? " (--quick: sizes too small to mean anything)" : ""} | N → 10 N | ours × | baseline × | target 8–12× |`,
        "|---|---:|---:|---:|---|",
        ...scales.map(
          (s) =>
            `| ${s.workload}: ${s.variant} | ${fmt(s.n)} → ${fmt(s.tenN)} | ${fmt(s.ours, 1)} | ${fmt(s.baseline, 1)} | ${s.met ? "✓" : "✗"} |`
        )
      ].join("\n")
    )
  }
  if (skipped.length > 0) out.push(skipped.map((s) => `- skipped ${s.workload}: ${s.variant} — ${s.reason}`).join("\n"))
  return out.join("\n\n")
}
