/**
 * What every workload module exports: `run(mode)` gives its rows, and the variants it could
 * not run here with the reason.
 *
 * @since 0.1.0
 */
import type { Row, Skipped } from "../Report.js"

/**
 * How the benchmark runs: `quick` uses small N and checks that each workload runs and that
 * ours and the baseline give the same result; it says nothing about speed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Mode {
  readonly quick: boolean
  /** A directory for databases and exported files, removed at the end. */
  readonly scratch: string
  /** The bench package's directory. */
  readonly bench: string
}

/**
 * What a workload gives back.
 *
 * @since 0.1.0
 * @category models
 */
export interface Outcome {
  readonly rows: ReadonlyArray<Row>
  readonly skipped: ReadonlyArray<Skipped>
}
