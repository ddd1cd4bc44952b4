/**
 * `pnpm bench`: every workload of issue 9, ours against a raw baseline in the same process, on
 * the same seeded data; a table on the terminal and `bench/results.json`.
 *
 * Each workload runs in a child process of its own (a clean heap, its own peak RSS); inside
 * it, ours and the baseline alternate (see Harness.ts). Options:
 *
 * - `--quick`: small N; checks that every workload runs and that ours and the baseline give
 *   the same result (exit code 1 otherwise). Says nothing about speed. Writes
 *   `bench/out/results-quick.json`.
 * - `--only eligibility,reporting,storage,export,cold-start`: some workloads only.
 * - `--profile`: each workload under `node --cpu-prof` (profiles in `bench/out/profiles/`;
 *   `tsx src/topFrames.ts <file>` lists the top frames).
 *
 * @since 0.1.0
 */
import { fork, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { stopSampler } from "./Harness.js"
import { type Row, type Scaling, type Skipped, scaling, table } from "./Report.js"
import * as ColdStart from "./workloads/ColdStart.js"
import * as Eligibility from "./workloads/Eligibility.js"
import * as Export from "./workloads/Export.js"
import type { Mode, Outcome } from "./workloads/Mode.js"
import * as Reporting from "./workloads/Reporting.js"
import * as Storage from "./workloads/Storage.js"

const workloads = {
  eligibility: Eligibility.run,
  reporting: Reporting.run,
  storage: Storage.run,
  export: Export.run,
  "cold-start": ColdStart.run
} as const satisfies Record<string, (mode: Mode) => Promise<Outcome>>
type Name = keyof typeof workloads
const names = Object.keys(workloads) as ReadonlyArray<Name>

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

const bench = fileURLToPath(new URL("..", import.meta.url))
const self = fileURLToPath(import.meta.url)

/** What a child sends back. */
type Message =
  | {
      readonly ok: true
      readonly outcome: Outcome & { readonly memory?: ReadonlyArray<Export.Memory> }
      /** CPU time of the whole child (every thread), and its peak RSS. */
      readonly cpuSeconds: number
      readonly maxRssMb: number
    }
  | { readonly ok: false; readonly error: string }

// ---------------------------------------------------------------------------------------------
// child: one workload
// ---------------------------------------------------------------------------------------------

const worker = async (name: Name, mode: Mode): Promise<void> => {
  const send = (m: Message) =>
    new Promise<void>((resolve) => {
      process.send?.(m, () => resolve())
    })
  try {
    const outcome = await workloads[name](mode)
    await stopSampler()
    const cpu = process.cpuUsage()
    await send({
      ok: true,
      outcome,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      maxRssMb: process.resourceUsage().maxRSS / 1024
    })
    process.exit(0)
  } catch (e) {
    await send({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
    process.exit(1)
  }
}

// ---------------------------------------------------------------------------------------------
// parent: every workload, the table, the file
// ---------------------------------------------------------------------------------------------

const runChild = (name: Name, mode: Mode, profile: boolean): Promise<Message> =>
  new Promise((resolve) => {
    const profiles = join(bench, "out", "profiles", name)
    if (profile) mkdirSync(profiles, { recursive: true })
    const child = fork(self, ["--worker", name, "--scratch", mode.scratch, ...(mode.quick ? ["--quick"] : [])], {
      execArgv: [
        "--expose-gc",
        "--max-old-space-size=8192",
        ...(profile ? ["--cpu-prof", "--cpu-prof-dir", profiles] : [])
      ],
      stdio: ["ignore", "inherit", "inherit", "ipc"]
    })
    let message: Message | undefined
    child.on("message", (m) => {
      message = m as Message
    })
    child.on("exit", (code, signal) =>
      resolve(message ?? { ok: false, error: `the ${name} process ended with ${signal ?? `exit code ${code}`}` })
    )
  })

const main = async (): Promise<void> => {
  const quick = flag("quick")
  const only = option("only")?.split(",") ?? names
  const unknown = only.filter((n) => !names.includes(n as Name))
  if (unknown.length > 0) {
    console.error(`unknown workload(s) ${unknown.join(", ")}; choose among ${names.join(", ")}`)
    process.exit(2)
  }
  const scratch = mkdtempSync(join(tmpdir(), "quartieri-bench-"))
  const mode: Mode = { quick, scratch, bench }
  const started = Date.now()
  const loadBefore = loadavg()
  console.log(
    `quartieri bench${quick ? " --quick (harness and parity, not speed)" : ""}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, load ${loadBefore.map((l) => l.toFixed(2)).join(" ")}`
  )
  const rows: Array<Row> = []
  const skipped: Array<Skipped> = []
  const memory: Array<Export.Memory> = []
  const failures: Array<string> = []
  const processes: Array<{ name: string; wallSeconds: number; cpuSeconds: number; maxRssMb: number }> = []
  for (const name of only as ReadonlyArray<Name>) {
    const t = Date.now()
    console.log(`→ ${name}`)
    const m = await runChild(name, mode, flag("profile"))
    if (m.ok) {
      rows.push(...m.outcome.rows)
      skipped.push(...m.outcome.skipped)
      memory.push(...(m.outcome.memory ?? []))
      processes.push({
        name,
        wallSeconds: Math.round((Date.now() - t) / 100) / 10,
        cpuSeconds: Math.round(m.cpuSeconds * 10) / 10,
        maxRssMb: Math.round(m.maxRssMb)
      })
      const bad = m.outcome.rows.filter((r) => !r.parity.ok)
      for (const r of bad) failures.push(`${r.workload}: ${r.variant} (N = ${r.n}): ${r.parity.detail}`)
      console.log(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s${bad.length > 0 ? ", RESULTS DIFFER" : ""}`)
    } else {
      failures.push(`${name} failed: ${m.error}`)
      console.log(`  ${name}: FAILED`)
    }
  }
  rmSync(scratch, { recursive: true, force: true })
  const scales: ReadonlyArray<Scaling> = scaling(rows)
  const memoryChecks = memoryTargets(memory)
  const seconds = (Date.now() - started) / 1000
  console.log(`\n${table(rows, scales, skipped, quick)}`)
  if (memory.length > 0) {
    console.log(
      `\nexport memory (RSS growth during one export, the table already built; the targets are on ours):\n${memory
        .map(
          (m) =>
            `- ${m.format}, ${m.side}, ${m.rows.toLocaleString("en-US")} rows: +${m.growthMb.toFixed(0)} MB RSS, ${m.retainedMb.toFixed(1)} MB heap kept after a collection (${(m.ms / 1000).toFixed(1)} s)`
        )
        .join("\n")}\n${memoryChecks.map((c) => `- ${c.what}: ${c.value} ${c.met ? "✓" : "✗"}`).join("\n")}`
    )
  }
  for (const r of rows)
    if (r.note !== undefined) console.log(`note — ${r.workload}: ${r.variant} (N = ${r.n}): ${r.note}`)
  const cpuSeconds = processes.reduce((sum, p) => sum + p.cpuSeconds, 0)
  console.log(
    `\n${rows.length} rows in ${seconds.toFixed(0)} s (CPU time of the workload processes: ${cpuSeconds.toFixed(0)} s; load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")})`
  )
  const file = quick ? join(bench, "out", "results-quick.json") : join(bench, "results.json")
  mkdirSync(join(bench, "out"), { recursive: true })
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        quick,
        date: new Date(started).toISOString(),
        seconds: Math.round(seconds),
        cpuSeconds: Math.round(cpuSeconds),
        processes,
        machine: {
          node: process.version,
          cpus: cpus().length,
          cpu: cpus()[0]?.model ?? "",
          memoryGb: Math.round(totalmem() / 2 ** 30),
          freeMemoryGbAtStart: Math.round(freemem() / 2 ** 30),
          loadAverageAtStart: loadBefore.map((l) => Number(l.toFixed(2))),
          loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2)))
        },
        build:
          "the library bundled from its TypeScript sources with esbuild, as tsup builds dist (bench/scripts/bundle.mjs)",
        rows,
        scaling: scales,
        exportMemory: memory,
        exportMemoryChecks: memoryChecks,
        skipped,
        failures
      },
      // three decimals are plenty for milliseconds and megabytes
      (_, v) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v),
      2
    )}\n`
  )
  // the repository's formatter, so that the committed file passes `pnpm lint` as written
  const biome = join(bench, "..", "node_modules", ".bin", "biome")
  if (existsSync(biome)) spawnSync(biome, ["format", "--write", file], { stdio: "ignore" })
  console.log(`written ${file}`)
  if (failures.length > 0) {
    console.error(`\n${failures.length} problem(s):\n${failures.map((f) => `- ${f}`).join("\n")}`)
    process.exit(1)
  }
}

/**
 * RSS growths below this are within the measurement's noise: V8 grows and shrinks its young
 * generation (up to 16 MB a semi-space) as it sees fit, so "20 % more than 0 MB" would fail on
 * a single resize. The ratio is taken over at least this much.
 */
const memoryNoiseMb = 16

/** The export memory targets: growth under 150 MB, and under 20 % more from 10× fewer rows. */
const memoryTargets = (memory: ReadonlyArray<Export.Memory>) =>
  (["XLSX", "CSV"] as const).flatMap((format) => {
    const points = memory.filter((m) => m.format === format && m.side === "ours").sort((a, b) => a.rows - b.rows)
    const [small, large] = [points[0], points.at(-1)]
    if (small === undefined || large === undefined || small === large) return []
    const most = Math.max(...points.map((p) => p.growthMb))
    const growth = Math.max(large.growthMb, memoryNoiseMb) / Math.max(small.growthMb, memoryNoiseMb)
    return [
      { what: `${format}: largest RSS growth under 150 MB`, value: `${most.toFixed(0)} MB`, met: most < 150 },
      {
        what: `${format}: growth at ${large.rows.toLocaleString("en-US")} rows within 120 % of the growth at ${small.rows.toLocaleString("en-US")} (each counted as at least ${memoryNoiseMb} MB)`,
        value: `${(growth * 100).toFixed(0)} %`,
        met: growth < 1.2
      }
    ]
  })

const workerName = option("worker")
if (workerName !== undefined) {
  await worker(workerName as Name, { quick: flag("quick"), scratch: option("scratch") ?? tmpdir(), bench })
} else await main()
