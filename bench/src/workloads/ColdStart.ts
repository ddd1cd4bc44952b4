/**
 * Workload 7, cold start: a new Node process that imports `@quartieri/core`, and one that runs
 * `quartieri --help`, against a new Node process that does nothing (`node -e 0`): what the
 * library adds to the start of a script or a command.
 *
 * Both are measured on esbuild bundles of the sources (`scripts/bundle.mjs`, as tsup builds
 * `dist`), so that the working tree is measured whether or not it was built. The CLI row is
 * skipped, with the reason, when the CLI does not exist or does not bundle.
 *
 * @since 0.1.0
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { median } from "../Harness.js"
import { type Row, row, type Skipped } from "../Report.js"
import type { Mode, Outcome } from "./Mode.js"

/** Bundles `entry` (relative to the repository) into `out/<name>.mjs`; the error text on failure. */
const bundle = (bench: string, entry: string, name: string): string | undefined => {
  const root = join(bench, "..")
  const r = spawnSync(process.execPath, [join(bench, "scripts", "bundle.mjs"), "--name", name, join(root, entry)], {
    encoding: "utf8"
  })
  return r.status === 0 ? undefined : (r.stderr || r.stdout).trim().split("\n").slice(0, 3).join(" ")
}

const spawnMs = (args: ReadonlyArray<string>): { readonly ms: number; readonly ok: boolean; readonly out: string } => {
  const t = performance.now()
  const r = spawnSync(process.execPath, args, { encoding: "utf8" })
  return { ms: performance.now() - t, ok: r.status === 0, out: `${r.stdout}${r.stderr}` }
}

const side = (runs: ReadonlyArray<number>) => ({
  runs,
  median: median(runs),
  peakRssMb: Number.NaN,
  rssGrowthMb: Number.NaN
})

/** Alternates `k` spawns of ours and of the bare process. */
const measure = (k: number, ours: ReadonlyArray<string>) => {
  const bare = ["-e", "0"]
  spawnMs(ours)
  spawnMs(bare)
  const o: Array<number> = []
  const b: Array<number> = []
  let last = { ms: 0, ok: true, out: "" }
  for (let i = 0; i < k; i++) {
    last = spawnMs(ours)
    o.push(last.ms)
    b.push(spawnMs(bare).ms)
  }
  return { ours: side(o), baseline: side(b), last }
}

/**
 * Runs the cold-start workload.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = async (mode: Mode): Promise<Outcome> => {
  const k = mode.quick ? 3 : 15
  const rows: Array<Row> = []
  const skipped: Array<Skipped> = []
  const bench = mode.bench
  const root = join(bench, "..")
  const coreProblem = bundle(bench, "packages/core/src/index.ts", "cold-core")
  if (coreProblem === undefined) {
    const url = pathToFileURL(join(bench, "out", "cold-core.mjs")).href
    const m = measure(k, [
      "--input-type=module",
      "-e",
      `const core = await import(${JSON.stringify(url)}); if (!core.Eligibility) process.exit(3)`
    ])
    // how much of it is loading effect, which every quartieri program loads
    const effect = measure(k, [
      "--input-type=module",
      "-e",
      `await import(${JSON.stringify(import.meta.resolve("effect"))})`
    ])
    rows.push(
      row({
        workload: "cold start",
        variant: 'import("@quartieri/core")',
        n: 1,
        unit: "process",
        ours: m.ours,
        baseline: m.baseline,
        parity: { ok: m.last.ok, detail: m.last.ok ? "imported; baseline: node -e 0" : m.last.out.slice(0, 200) },
        extra: { importEffectMs: effect.ours.median, bareNodeMs: effect.baseline.median },
        note: `k = ${k} processes each; baseline: a bare \`node -e 0\`; import("effect") alone: ${effect.ours.median.toFixed(0)} ms`
      })
    )
  } else skipped.push({ workload: "cold start", variant: 'import("@quartieri/core")', reason: coreProblem })

  const cli = join(root, "packages", "cli", "src", "bin.ts")
  const cliProblem = existsSync(cli)
    ? bundle(bench, "packages/cli/src/bin.ts", "cold-cli")
    : "packages/cli/src/bin.ts does not exist yet (issue 8 is in progress)"
  if (cliProblem === undefined) {
    const m = measure(k, [join(bench, "out", "cold-cli.mjs"), "--help"])
    rows.push(
      row({
        workload: "cold start",
        variant: "quartieri --help",
        n: 1,
        unit: "process",
        ours: m.ours,
        baseline: m.baseline,
        parity: {
          ok: m.last.ok,
          detail: m.last.ok ? "printed its help; baseline: node -e 0" : m.last.out.slice(0, 200)
        },
        note: `k = ${k} processes each; the CLI bundled from packages/cli/src/bin.ts`
      })
    )
  } else
    skipped.push({
      workload: "cold start",
      variant: "quartieri --help",
      reason: `the CLI could not be measured: ${cliProblem}`
    })
  return { rows, skipped }
}
