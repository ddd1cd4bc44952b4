/**
 * Runs a TypeScript child process through the workspace's Node (`process.execPath`, with tsx
 * and the `@quartieri/source` condition, so it runs the sources like the tests do) and kills it
 * with SIGKILL: either a given time after it prints `ready`, or a given time after it starts.
 * (The same helper sits beside the SQLite and the PostgreSQL crash tests.)
 */
import { spawn } from "node:child_process"

/** How a killed child ended. */
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
 * Starts `script` with `args` in `cwd` and kills it `delayMs` after it prints `ready`
 * (`after: "ready"`) or after it starts (`after: "start"`).
 */
export const runAndKill = (options: {
  readonly script: string
  readonly args: ReadonlyArray<string>
  readonly cwd: string
  readonly after: "ready" | "start"
  readonly delayMs: number
  readonly readyTimeoutMs?: number
}): Promise<Killed> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@quartieri/source", "--import", "tsx", options.script, ...options.args],
      { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] }
    )
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
