/**
 * A crash for the crash-safety tests: runs a child process — typically a bulk import through
 * the store (`BatchImport`) — and kills it with SIGKILL, either a given time after it prints
 * `ready` or a given time after it starts, so that the test can then check the database: its
 * integrity, every committed batch complete, no batch partial, the audit chain verified.
 *
 * @since 0.1.0
 */
import { spawn } from "node:child_process"

/**
 * How a killed child ended.
 *
 * @since 0.1.0
 * @category models
 */
export interface Killed {
  /** `SIGKILL` when our kill ended it; anything else means it ended on its own. */
  readonly signal: NodeJS.Signals | null
  readonly code: number | null
  /** Whether it printed `ready` before the kill. */
  readonly ready: boolean
  /** What followed `ready` on its line (the child may say who it is there). */
  readonly readyInfo: string
  readonly stderr: string
}

/**
 * Starts `script` with `args` in `cwd` under this process's Node (`process.execPath`, with
 * `execArgv` before the script: `["--import", "tsx"]` to run TypeScript) and kills it with
 * SIGKILL `delayMs` after it prints `ready` (`after: "ready"`) or after it starts
 * (`after: "start"`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const runAndKill = (options: {
  readonly script: string
  readonly args: ReadonlyArray<string>
  readonly execArgv?: ReadonlyArray<string>
  readonly cwd: string
  readonly after: "ready" | "start"
  readonly delayMs: number
  readonly readyTimeoutMs?: number
}): Promise<Killed> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.execArgv ?? []), options.script, ...options.args], {
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"]
    })
    let ready = false
    let readyInfo = ""
    let stdout = ""
    let stderr = ""
    let timer: NodeJS.Timeout | undefined
    const kill = () => {
      timer = setTimeout(() => child.kill("SIGKILL"), options.delayMs)
    }
    const watchdog = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`the child did not print "ready" within ${options.readyTimeoutMs ?? 60_000} ms: ${stderr}`))
    }, options.readyTimeoutMs ?? 60_000)
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk
      const line = /^ready(.*)\n/m.exec(stdout)
      if (!ready && line !== null) {
        ready = true
        readyInfo = (line[1] ?? "").trim()
        clearTimeout(watchdog)
        if (options.after === "ready") kill()
      }
    })
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk
    })
    child.on("error", (error) => {
      clearTimeout(watchdog)
      reject(error)
    })
    child.on("exit", (code, signal) => {
      clearTimeout(watchdog)
      if (timer !== undefined) clearTimeout(timer)
      resolve({ signal, code, ready, readyInfo, stderr })
    })
    if (options.after === "start") {
      clearTimeout(watchdog)
      kill()
    }
  })

/**
 * What a crash left, judged: the store's own problems (`BatchImport.inspect`), then the rules
 * of crash safety — the committed batches are exactly 0, 1, …, n − 1 (nothing committed was
 * lost), every batch the child reported is among them, only the batch right after the last one
 * reported may have committed without its report (the window between a commit and its report),
 * and each committed batch has its `batchSize` audit events. `next` is the first batch the killed
 * child was asked to import; `reported` the batches it reported.
 *
 * @since 0.1.0
 * @category utils
 */
export const judge = (
  inspection: {
    readonly complete: ReadonlyArray<number>
    readonly problems: ReadonlyArray<string>
    readonly auditEntries: number
  },
  run: { readonly next: number; readonly reported: ReadonlyArray<number>; readonly batchSize: number }
): { readonly problems: ReadonlyArray<string>; readonly unreported: number } => {
  const problems = [...inspection.problems]
  const complete = inspection.complete
  if (complete.some((batch, i) => batch !== i))
    problems.push(`the committed batches are not 0…${complete.length - 1}: ${complete.join(", ")}`)
  for (const batch of run.reported)
    if (!complete.includes(batch)) problems.push(`batch ${batch} was reported committed and is not in the store`)
  const unreported = complete.filter((batch) => batch >= run.next && !run.reported.includes(batch))
  const allowed = run.next + run.reported.length
  if (unreported.some((batch) => batch !== allowed))
    problems.push(`batches ${unreported.join(", ")} committed without a report; only batch ${allowed} may`)
  if (inspection.auditEntries !== complete.length * run.batchSize)
    problems.push(
      `${inspection.auditEntries} audit entries for ${complete.length} batches of ${run.batchSize} households`
    )
  return { problems, unreported: unreported.length }
}
