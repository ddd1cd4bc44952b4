/**
 * Fuzzing the `quartieri` command, run in process as a user would (`Cli.run` with a recording
 * `Io`): random argument vectors (commands, flags, values of every kind, files that are not what
 * they claim), and files for `check`, `eligibility` and `import` — garbage, and the valid fixtures
 * with one field or one cell changed. For every run: the command never throws; the exit code is
 * one of the documented 0–3; `--json` prints exactly one JSON document whose `ok` matches the
 * code and whose every problem says where (`where`, or a row and a column) and what; without
 * `--json` a failure says why on standard error; and a failed `import` leaves the store exactly
 * as it was (same audit log). `Fuzz.runs()` runs per command (1,000; 100,000 in soak mode).
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { afterAll, beforeAll, describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Fuzz } from "@quartieri/testing"
import { copyStore, fixture, quartieri, type Run, tempDir } from "./helpers.js"

const work = tempDir("fuzz")
const figures = new Map<string, Record<string, number>>()
const tally = (command: string, code: number) => {
  const f = figures.get(command) ?? {}
  f[`exit ${code}`] = (f[`exit ${code}`] ?? 0) + 1
  figures.set(command, f)
}
afterAll(() =>
  console.info(
    `[fuzz] cli\n${[...figures.entries()]
      .map(
        ([c, f]) =>
          `${c}: ${Object.entries(f)
            .map(([k, n]) => `${n} × ${k}`)
            .join(", ")}`
      )
      .join("\n")}`
  )
)

/** Every promise of the command about its exit code and output. */
const expectWellFormed = (args: ReadonlyArray<string>, run: Run) => {
  const label = JSON.stringify(args)
  expect([0, 1, 2, 3], label).toContain(run.code)
  // the help and the version are text, not a document, when asked for (however spelt)
  const helpOrVersion = run.code === 0 && /^(DESCRIPTION|USAGE|(quartieri )?\d+\.\d+\.\d+)/.test(run.out.trimStart())
  const asJson = args.includes("--json") && !helpOrVersion
  if (asJson && run.out.trim() !== "") {
    const doc = JSON.parse(run.out) as {
      ok?: unknown
      exitCode?: unknown
      error?: { kind?: unknown; message?: unknown; details?: ReadonlyArray<Record<string, unknown>> }
    }
    expect(typeof doc.ok, label).toBe("boolean")
    expect(doc.ok, label).toBe(run.code === 0)
    if (doc.ok === false) {
      expect(doc.exitCode, label).toBe(run.code)
      expect(typeof doc.error?.kind, label).toBe("string")
      expect(typeof doc.error?.message === "string" && doc.error.message.length > 0, label).toBe(true)
      for (const d of doc.error?.details ?? []) {
        expect(typeof d.message === "string" && d.message.length > 0, `${label}: a problem says what`).toBe(true)
        // a problem with the data (exit 1) says where it is; a usage error is its own place
        if (run.code === 1)
          expect(
            typeof d.where === "string" || typeof d.row === "number" || typeof d.column === "string",
            `${label}: a problem says where: ${JSON.stringify(d)}`
          ).toBe(true)
      }
    }
  } else if (asJson) expect(run.code, `${label}: --json printed nothing`).not.toBe(0)
  if (!args.includes("--json") && run.code !== 0)
    expect(run.err.trim().length, `${label}: a failure says why`).toBeGreaterThan(0)
}

const run = async (command: string, args: ReadonlyArray<string>, cwd = work) => {
  let result: Run
  try {
    result = await quartieri(args, { cwd })
  } catch (e) {
    throw new Error(`quartieri ${JSON.stringify(args)} threw: ${String(e)}`)
  }
  expectWellFormed(args, result)
  tally(command, result.code)
  return result
}

// ---------------------------------------------------------------------------------------------
// argument vectors
// ---------------------------------------------------------------------------------------------

// files that exist but are not what a flag expects: a CSV as a store, a store as a CSV…
const files = ["households.csv", "households.json", "persons.ndjson", "persons.csv", "facts.json"].map((name) => {
  const copy = join(work, `copy-${name}`)
  copyFileSync(fixture(name), copy)
  return copy
})
const values = fc.oneof(
  fc.constantFrom(
    ...files,
    join(work, "missing.csv"),
    join(work, "nested", "missing.db"),
    "",
    "-",
    "--",
    "2024-06-30",
    "2024-02-30",
    "30/06/2024",
    "sap-access",
    "indigenza",
    "inclusione-attiva",
    "households",
    "persons",
    "excel-it",
    "rfc4180",
    "xlsx",
    "csv",
    "json",
    "html",
    "opencoesione",
    "iati",
    "published",
    "partner",
    "internal",
    "interpreti-di-cambiamento",
    "lab-crema-santa-maria",
    "it",
    "en",
    "verify",
    "'; DROP TABLE quartieri_households; --",
    "../../etc/passwd",
    "\u0000",
    "😀",
    "1e999",
    "-1"
  ),
  fc.string({ maxLength: 12 })
)
const flags = fc.constantFrom(
  "--json",
  "--lang",
  "--kind",
  "--dialect",
  "--format",
  "--profile",
  "--store",
  "--out",
  "--project",
  "--laboratorio",
  "--persons",
  "--operator",
  "--as-of",
  "--input",
  "--help",
  "--version",
  "--unknown",
  "-x"
)
const commands = fc.constantFrom("check", "import", "eligibility", "report", "audit", "verify", "nope", "")
const argv = fc
  .tuple(commands, fc.array(fc.oneof(flags, values), { maxLength: 8 }), fc.boolean())
  .map(([command, rest, json]) => [...(command === "" ? [] : [command]), ...rest, ...(json ? ["--json"] : [])])

// ---------------------------------------------------------------------------------------------
// files
// ---------------------------------------------------------------------------------------------

const text = (name: string) => readFileSync(fixture(name), "utf8")
/** Garbage as the text of a file: itself when a string, else its JSON (or its `String`). */
const asText = (g: unknown): string => {
  if (typeof g === "string") return g
  try {
    return JSON.stringify(g) ?? String(g)
  } catch {
    return String(Object.prototype.toString.call(g))
  }
}
const textMutation = (source: string) =>
  fc.oneof(
    fc.nat().map((at) => source.slice(0, at % (source.length + 1))),
    fc
      .tuple(fc.nat(), fc.constantFrom('"', ";", ",", "\n", "\r", "{", "]", "\u0000", "=1+1", "😀"))
      .map(([at, s]) => `${source.slice(0, at % (source.length + 1))}${s}${source.slice(at % (source.length + 1))}`),
    // one cell of a line replaced (naively: cells split on the separator)
    fc
      .tuple(
        fc.nat(),
        fc.nat(),
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("", "31/02/2019", "sì?", "[", "-1", "x".repeat(50_000)))
      )
      .map(([l, c, v]) => {
        const lines = source.split("\n")
        const line = l % lines.length
        const cells = (lines[line] ?? "").split(";")
        cells[c % cells.length] = v
        lines[line] = cells.join(";")
        return lines.join("\n")
      })
  )
const recordsMutation = (records: ReadonlyArray<unknown>, frame: (r: ReadonlyArray<unknown>) => string) =>
  fc.nat().chain((i) => {
    const k = i % records.length
    return Fuzz.mutation(records[k]).map(({ input }) => frame(records.map((r, n) => (n === k ? input : r))))
  })

const householdsCsv = text("households.csv")
const householdsJson = JSON.parse(text("households.json")) as ReadonlyArray<unknown>
const personsNdjson = text("persons.ndjson")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as unknown)
const facts = JSON.parse(text("facts.json")) as ReadonlyArray<unknown>
const ndjson = (r: ReadonlyArray<unknown>) => `${r.map((x) => JSON.stringify(x)).join("\n")}\n`

const checkFile = fc.oneof(
  textMutation(householdsCsv).map((content) => ({ ext: "csv", kind: "households", content })),
  recordsMutation(householdsJson, (r) => JSON.stringify(r)).map((content) => ({
    ext: "json",
    kind: "households",
    content
  })),
  recordsMutation(personsNdjson, ndjson).map((content) => ({ ext: "ndjson", kind: "persons", content })),
  fc
    .tuple(fc.constantFrom("csv", "json", "ndjson"), fc.constantFrom("households", "persons"), Fuzz.garbage)
    .map(([ext, kind, g]) => ({ ext, kind, content: asText(g) }))
)
let fileNumber = 0
const write = (ext: string, content: string) => {
  const path = join(work, `in-${++fileNumber}.${ext}`)
  writeFileSync(path, content)
  return path
}

// ---------------------------------------------------------------------------------------------
// the store of `import`: made by the demo, once
// ---------------------------------------------------------------------------------------------

let store = ""
beforeAll(async () => {
  const demoDir = tempDir("fuzz-demo")
  const demo = await quartieri(["demo", "--households", "8", "--dir", "demo"], { cwd: demoDir })
  expect(demo.code, demo.err).toBe(0)
  store = copyStore(join(demoDir, "demo", "quartieri.db"), "fuzz-import")
}, 120_000)

const auditEntries = (): number => {
  const db = new DatabaseSync(store)
  try {
    return Number((db.prepare("select count(*) as n from quartieri__audit").get() as { n: number }).n)
  } finally {
    db.close()
  }
}

const runs = Fuzz.runs()
const timeout = Fuzz.timeout(120_000)

describe("quartieri under fuzzing", () => {
  test.prop([argv], { numRuns: runs })(
    "random arguments: never throws, a documented exit code, a well-formed answer",
    async (args) => {
      await run("arguments", args)
    },
    timeout
  )

  test.prop([checkFile, fc.constantFrom("excel-it", "rfc4180"), fc.boolean()], { numRuns: runs })(
    "check: garbage and near-valid files",
    async ({ ext, kind, content }, dialect, json) => {
      const path = write(ext, content)
      await run("check", [
        "check",
        path,
        "--kind",
        kind,
        ...(ext === "csv" ? ["--dialect", dialect] : []),
        ...(json ? ["--json"] : [])
      ])
    },
    timeout
  )

  test.prop(
    [
      fc.constantFrom(
        "sap-access",
        "indigenza",
        "contributo-solidarieta",
        "inclusione-attiva",
        "morosita-contenuta",
        "morosita-incolpevole"
      ),
      fc.oneof(fc.constantFrom("2024-06-30", "2019-06-30", "2016-01-01"), fc.string({ maxLength: 12 })),
      fc.oneof(
        recordsMutation(facts, (r) => JSON.stringify(r)),
        Fuzz.garbage.map(asText)
      ),
      fc.boolean()
    ],
    { numRuns: runs }
  )(
    "eligibility: garbage and near-valid facts, any date",
    async (ruleSet, asOf, content, json) => {
      await run("eligibility", [
        "eligibility",
        ruleSet,
        "--as-of",
        asOf,
        "--input",
        write("json", content),
        ...(json ? ["--json"] : [])
      ])
    },
    timeout
  )

  test.prop(
    [
      fc.oneof(
        textMutation(householdsCsv).map((content) => ({ ext: "csv", content })),
        recordsMutation(householdsJson, (r) => JSON.stringify(r)).map((content) => ({ ext: "json", content }))
      ),
      fc.boolean()
    ],
    { numRuns: runs }
  )(
    "import: a failed import leaves the store as it was",
    async ({ ext, content }, json) => {
      const before = auditEntries()
      const result = await run("import", [
        "import",
        write(ext, content),
        "--store",
        store,
        "--project",
        "interpreti-di-cambiamento",
        "--laboratorio",
        "lab-crema-santa-maria",
        "--operator",
        "fuzz",
        ...(json ? ["--json"] : [])
      ])
      if (result.code !== 0) expect(auditEntries(), result.err || result.out).toBe(before)
      else expect(auditEntries()).toBeGreaterThanOrEqual(before)
    },
    timeout
  )
})
