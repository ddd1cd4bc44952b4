/**
 * Global fast-check settings for every project. `FC_NUM_RUNS` scales the number of runs of
 * every property (default 100) for long maintainer runs: `FC_NUM_RUNS=10000 pnpm test:rules`.
 * `FC_SEED` replays a reported failure.
 */
import { fc } from "@fast-check/vitest"

const numRuns = Number(process.env["FC_NUM_RUNS"] ?? "100")
const seed = process.env["FC_SEED"]
fc.configureGlobal({
  numRuns: Number.isInteger(numRuns) && numRuns > 0 ? numRuns : 100,
  ...(seed === undefined ? {} : { seed: Number(seed) })
})
