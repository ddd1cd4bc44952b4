/**
 * Timing and memory, side by side: each measurement runs ours and the baseline in the same
 * process on the same data, warms both up, then alternates them `k` times (ours, baseline,
 * ours, …) so that a change in the machine's load hits both, and keeps the median. A
 * collection runs before every timed run (`--expose-gc`), so one run's garbage is not
 * another's cost.
 *
 * Peak RSS is sampled by a worker thread every 2 ms: the main thread is busy in the loop being
 * measured and could not sample itself, while `process.memoryUsage.rss()` in a worker reads
 * the whole process. Each run records its peak and its growth over the RSS it started with.
 *
 * @since 0.1.0
 */
import { Worker } from "node:worker_threads"

// ---------------------------------------------------------------------------------------------
// statistics
// ---------------------------------------------------------------------------------------------

/**
 * The `q` quantile (0–1) of `values`, by the nearest-rank method.
 *
 * @since 0.1.0
 * @category utils
 */
export const quantile = (values: ReadonlyArray<number>, q: number): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1] as number
}

/**
 * The median of `values` (the mean of the two middle values for an even count).
 *
 * @since 0.1.0
 * @category utils
 */
export const median = (values: ReadonlyArray<number>): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

// ---------------------------------------------------------------------------------------------
// memory
// ---------------------------------------------------------------------------------------------

const sampler = (): {
  readonly begin: () => number
  readonly end: (phase: number) => number
  readonly stop: () => Promise<number>
} => {
  const control = new Int32Array(new SharedArrayBuffer(4))
  const peaks = new Float64Array(new SharedArrayBuffer(8 * 4096))
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads")
     const control = new Int32Array(workerData.control)
     const peaks = new Float64Array(workerData.peaks)
     const timer = setInterval(() => {
       const phase = Atomics.load(control, 0)
       const rss = process.memoryUsage.rss()
       if (rss > peaks[phase]) peaks[phase] = rss
       if (rss > peaks[0]) peaks[0] = rss
     }, 2)
     require("node:worker_threads").parentPort.on("message", () => { clearInterval(timer); process.exit(0) })`,
    { eval: true, workerData: { control: control.buffer, peaks: peaks.buffer } }
  )
  worker.unref()
  let phase = 0
  return {
    begin: () => {
      phase = (phase % 4095) + 1 // 1…4095; 0 is "between phases"
      peaks[phase] = process.memoryUsage.rss()
      Atomics.store(control, 0, phase)
      return phase
    },
    end: (ended) => {
      Atomics.store(control, 0, 0)
      return Math.max(peaks[ended] as number, process.memoryUsage.rss())
    },
    stop: async () => {
      worker.postMessage("stop")
      return peaks[0] as number
    }
  }
}

let rss: ReturnType<typeof sampler> | undefined
const memory = () => {
  rss ??= sampler()
  return rss
}

/**
 * Stops the memory sampler and returns the peak RSS of the whole process, in bytes.
 *
 * @since 0.1.0
 * @category utils
 */
export const stopSampler = (): Promise<number> => (rss === undefined ? Promise.resolve(0) : rss.stop())

/** A full collection, when the process runs with `--expose-gc`. */
export const collect = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc !== undefined) {
    gc()
    gc()
  }
}

// ---------------------------------------------------------------------------------------------
// runs
// ---------------------------------------------------------------------------------------------

/**
 * One side of a measurement: every run's time (ms), the median, the peak RSS (MB) and the
 * largest growth of RSS during a run over the RSS it started with (MB).
 *
 * @since 0.1.0
 * @category models
 */
export interface Side {
  readonly runs: ReadonlyArray<number>
  readonly median: number
  readonly peakRssMb: number
  readonly rssGrowthMb: number
}

/**
 * Runs `f` once under the memory sampler, after a collection: its result, time and memory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const once = async <A>(
  f: () => A | Promise<A>
): Promise<{ readonly value: A; readonly ms: number; readonly peak: number; readonly growth: number }> => {
  collect()
  const m = memory()
  const start = process.memoryUsage.rss()
  const phase = m.begin()
  const t = performance.now()
  const value = await f()
  const ms = performance.now() - t
  const peak = m.end(phase)
  return { value, ms, peak, growth: peak - start }
}

const mb = (bytes: number) => bytes / 1024 / 1024

/**
 * What {@link pair} measured: both sides, and the result of the last run of each (for the
 * parity check).
 *
 * @since 0.1.0
 * @category models
 */
export interface Pair<A, B> {
  readonly ours: Side
  readonly baseline: Side
  readonly oursResult: A
  readonly baselineResult: B
}

/**
 * Measures ours against the baseline: `warmup` runs of each, then `reps` alternated runs of
 * each, timed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const pair = async <A, B>(options: {
  readonly ours: () => A | Promise<A>
  readonly baseline: () => B | Promise<B>
  readonly reps: number
  /** Full untimed runs of each side before the timed ones. */
  readonly warmup: number
  /** A lighter warm-up (the same code on a slice of the data), run once before everything else. */
  readonly warm?: { readonly ours: () => unknown; readonly baseline: () => unknown }
  /** Runs before each run of ours (a fresh database), untimed. */
  readonly beforeOurs?: () => void | Promise<void>
  /** Runs before each run of the baseline, untimed. */
  readonly beforeBaseline?: () => void | Promise<void>
}): Promise<Pair<A, B>> => {
  if (options.warm !== undefined) {
    await options.warm.ours()
    await options.warm.baseline()
  }
  for (let i = 0; i < options.warmup; i++) {
    await options.beforeOurs?.()
    await options.ours()
    await options.beforeBaseline?.()
    await options.baseline()
  }
  const ours: Array<Awaited<ReturnType<typeof once<A>>>> = []
  const base: Array<Awaited<ReturnType<typeof once<B>>>> = []
  for (let i = 0; i < options.reps; i++) {
    await options.beforeOurs?.()
    ours.push(await once(options.ours))
    await options.beforeBaseline?.()
    base.push(await once(options.baseline))
  }
  const side = (runs: ReadonlyArray<{ ms: number; peak: number; growth: number }>): Side => ({
    runs: runs.map((r) => r.ms),
    median: median(runs.map((r) => r.ms)),
    peakRssMb: mb(Math.max(...runs.map((r) => r.peak))),
    rssGrowthMb: mb(Math.max(...runs.map((r) => r.growth)))
  })
  return {
    ours: side(ours),
    baseline: side(base),
    oursResult: (ours.at(-1) as { value: A }).value,
    baselineResult: (base.at(-1) as { value: B }).value
  }
}
