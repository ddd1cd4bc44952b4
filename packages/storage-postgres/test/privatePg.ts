/**
 * A private PostgreSQL server for tests that stop and start it: `initdb` into a temporary
 * directory and `pg_ctl` on a free port of 127.0.0.1, so the shared server on 5432 (which other
 * tests use at the same time) is never touched. As root, the server's commands run as the
 * `postgres` user (`runuser -u postgres --`), since PostgreSQL refuses to run as root.
 *
 * The binaries come from `QUARTIERI_PG_BIN` or the newest `/usr/lib/postgresql/<version>/bin`
 * (Debian's layout). {@link problem} says why the server cannot be had here, if it cannot.
 */
import { execFile } from "node:child_process"
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"

const run = promisify(execFile)

const binDir = (): string | undefined => {
  const configured = process.env.QUARTIERI_PG_BIN
  if (configured !== undefined) return configured
  const root = "/usr/lib/postgresql"
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a))
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin")
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0

const postgresIds = async (): Promise<{ uid: number; gid: number } | undefined> => {
  try {
    const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim())
    const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim())
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined
  } catch {
    return undefined
  }
}

const which = async (command: string): Promise<boolean> => {
  try {
    await run("sh", ["-c", `command -v ${command}`])
    return true
  } catch {
    return false
  }
}

/** Why a private server cannot be started here, or `undefined` when it can. */
export const problem: string | undefined = await (async () => {
  if (process.platform !== "linux") return `a private PostgreSQL needs Linux, not ${process.platform}`
  const bin = binDir()
  if (bin === undefined) return "no PostgreSQL binaries (set QUARTIERI_PG_BIN, or install Debian's postgresql)"
  for (const tool of ["initdb", "pg_ctl"]) {
    if (!existsSync(join(bin, tool))) return `${join(bin, tool)} is missing`
  }
  if (isRoot) {
    if (!(await which("runuser"))) return "running as root, but runuser (util-linux) is missing"
    if ((await postgresIds()) === undefined)
      return "running as root, but there is no postgres user to run the server as"
  }
  return undefined
})()

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))
      )
    })
  })

/** A private server: its URL, and how to crash, stop, start and remove it. */
export interface PrivateServer {
  readonly url: string
  readonly port: number
  /** `pg_ctl stop -m immediate` (a crash: no checkpoint, WAL recovery at the next start) or `-m fast`. */
  readonly stop: (mode: "immediate" | "fast") => Promise<void>
  readonly start: () => Promise<void>
  /** Stops the server (immediately) if it runs and removes its directory. */
  readonly destroy: () => Promise<void>
  /** The server's log, for failure messages. */
  readonly log: () => string
}

/** initdb, then start, a private server on a free port; fails if {@link problem} is set. */
export const startPrivateServer = async (): Promise<PrivateServer> => {
  if (problem !== undefined) throw new Error(`no private PostgreSQL: ${problem}`)
  const bin = binDir() as string
  const dir = mkdtempSync(join(tmpdir(), "quartieri-private-pg-"))
  const data = join(dir, "data")
  const logFile = join(dir, "server.log")
  const ids = isRoot ? await postgresIds() : undefined
  mkdirSync(data, { mode: 0o700 })
  if (ids !== undefined) {
    chownSync(dir, ids.uid, ids.gid)
    chownSync(data, ids.uid, ids.gid)
  }
  const as = (tool: string, args: ReadonlyArray<string>) =>
    isRoot
      ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args], { timeout: 120_000 })
      : run(join(bin, tool), [...args], { timeout: 120_000 })
  await as("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"])
  const port = await freePort()
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c max_connections=40",
    "-c shared_buffers=16MB",
    "-c fsync=on",
    "-c synchronous_commit=on"
  ].join(" ")
  const start = async () => {
    await as("pg_ctl", ["-D", data, "-l", logFile, "-w", "-t", "60", "-o", options, "start"])
  }
  const stop = async (mode: "immediate" | "fast") => {
    await as("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"])
  }
  let running = false
  await start()
  running = true
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: async () => {
      await start()
      running = true
    },
    stop: async (mode) => {
      await stop(mode)
      running = false
    },
    destroy: async () => {
      if (running) await stop("immediate").catch(() => undefined)
      running = false
      rmSync(dir, { recursive: true, force: true })
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "")
  }
}
