/**
 * The `quartieri` executable itself, as a separate process (through tsx and the
 * `@quartieri/source` condition, as the root `demo` script runs it): the exit code of the
 * command is the exit code of the process, and `--json` is the whole of standard output.
 */
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { fixture } from "./helpers.js"

const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url))
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url))

const run = (args: ReadonlyArray<string>) =>
  spawnSync(tsx, ["--conditions=@quartieri/source", bin, ...args], { encoding: "utf8", timeout: 60_000 })

describe("bin", () => {
  it("exits with the command's code", () => {
    const ok = run(["check", fixture("households.csv"), "--json"])
    expect(ok.status, ok.stderr).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, records: 6 })
    const usage = run(["nope"])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain("comando sconosciuto: nope")
  }, 60_000)
})
