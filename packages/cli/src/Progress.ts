/**
 * Progress bars for long work (the demo's phases, an import, a report), drawn with
 * [cli-progress](https://github.com/npkgz/cli-progress) on standard error — and only when both
 * standard output and standard error are terminals and `--json` is off, so a pipe, a log file or
 * a script never receives control characters.
 *
 * @since 0.1.0
 */
import { Presets, SingleBar } from "cli-progress"
import { Effect } from "effect"
import { Io } from "./Io.js"
import type { Settings } from "./Settings.js"
import type { Language } from "./Text.js"

/**
 * A running bar: advance it by some steps.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bar {
  readonly advance: (steps?: number) => void
}

const silent: Bar = { advance: () => {} }

/**
 * Runs `work` with a bar of `total` steps labelled `label` — or with a bar that draws nothing
 * when the output is not a terminal. The bar is stopped (and its line kept) however `work` ends.
 *
 * @since 0.1.0
 * @category constructors
 */
export const withBar = <A, E, R>(
  settings: Settings,
  label: (language: Language) => string,
  total: number,
  work: (bar: Bar) => Effect.Effect<A, E, R>
): Effect.Effect<A, E, R> =>
  Effect.gen(function* () {
    const io = yield* Io
    if (settings.json || io.progressStream === undefined || total <= 0) return yield* work(silent)
    const stream = io.progressStream
    return yield* Effect.acquireUseRelease(
      Effect.sync(() => {
        const bar = new SingleBar(
          {
            format: `${label(settings.language).padEnd(34)} {bar} {percentage}% | {value}/{total}`,
            stream,
            hideCursor: true,
            clearOnComplete: false,
            barsize: 28,
            fps: 10
          },
          Presets.shades_classic
        )
        bar.start(total, 0)
        return bar
      }),
      (bar) => work({ advance: (steps = 1) => bar.increment(steps) }),
      (bar) => Effect.sync(() => bar.stop())
    )
  })
