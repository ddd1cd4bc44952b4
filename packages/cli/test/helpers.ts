/**
 * Runs `quartieri` in process, as a user would from a terminal in `cwd`: the arguments, the exit
 * code, and what it wrote on standard output and error (never a terminal, so no progress bar).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { Cli, Io } from "../src/index.js"

export interface Run {
  readonly code: number
  readonly out: string
  readonly err: string
}

export const quartieri = async (
  args: ReadonlyArray<string>,
  options: { readonly cwd: string; readonly env?: Readonly<Record<string, string | undefined>> }
): Promise<Run> => {
  const io = Io.recording({ cwd: options.cwd, env: options.env ?? {} })
  const code = await Cli.run(args, io)
  return { code, out: io.out(), err: io.err() }
}

/** The JSON document a `--json` run printed. */
export const json = (run: Run): Record<string, unknown> => JSON.parse(run.out) as Record<string, unknown>

export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `quartieri-cli-${prefix}-`))

/** Copies a SQLite store (with its WAL files, when present) into a new folder. */
export const copyStore = (from: string, prefix: string): string => {
  const dir = tempDir(prefix)
  const to = join(dir, "quartieri.db")
  for (const suffix of ["", "-wal", "-shm"])
    if (existsSync(`${from}${suffix}`)) copyFileSync(`${from}${suffix}`, `${to}${suffix}`)
  return to
}

/** Every file under a folder, with its size (to show that nothing was written). */
export const listing = (dir: string): ReadonlyArray<string> =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const path = join(e.parentPath, e.name)
          return `${path.slice(dir.length)}:${statSync(path).size}`
        })
        .sort()
    : []
