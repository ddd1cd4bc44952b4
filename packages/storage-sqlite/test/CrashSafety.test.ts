/**
 * Crash safety of the SQLite Store: a child process bulk-imports households into a SQLite file
 * (WAL, `synchronous = FULL`) in batches — each batch one transaction with its audit events —
 * and is killed with SIGKILL at a random moment, 20 times (200 with `QUARTIERI_SOAK=1`, on a
 * fresh file every 20). After each kill the file passes `PRAGMA integrity_check`, the store
 * opens again, every batch the child reported is complete, no batch is partial, the audit
 * chain verifies, and the import continues from the next batch.
 *
 * The child reports a batch (in a side file) only after its commit, so a kill between the two
 * leaves one batch committed but unreported: that batch must then be complete, and it can only
 * be the one right after the last reported. Every fifth kill lands at a random moment of the
 * child's start (opening the file, migrations) instead of during the import.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { BatchImport, Crash } from "@quartieri/storage-testkit"
import { Context, Effect, Layer } from "effect"

/** The child runs the sources through tsx, as the tests do. */
const sourceExecArgv = ["--conditions=@quartieri/source", "--import", "tsx"]

const soak = process.env.QUARTIERI_SOAK === "1"
const kills = soak ? 200 : 20
const killsPerFile = 20
const batchSize = BatchImport.defaultBatchSize
const here = dirname(fileURLToPath(import.meta.url))
const importer = join(here, "crash", "importer.ts")

/** Reported batch numbers, in the order written; a torn last line is not a report. */
const readReport = (file: string): ReadonlyArray<number> =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => /^\d+$/.test(line))
        .map(Number)
    : []

/** `PRAGMA integrity_check` on a connection of its own (opening it recovers the WAL, as any opener would). */
const integrity = (filename: string): string => {
  const db = new DatabaseSync(filename)
  try {
    return (db.prepare("PRAGMA integrity_check").all() as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join("; ")
  } finally {
    db.close()
  }
}

const inspect = (filename: string) =>
  Effect.runPromise(
    Effect.scoped(
      Effect.flatMap(
        Effect.map(Layer.build(SqliteStore.layer({ filename })), (context) => Context.get(context, Store.Store)),
        (store) => BatchImport.inspect(store, batchSize)
      )
    )
  )

describe("SQLite file (WAL): an importing process killed with SIGKILL", () => {
  it(`${kills} kills at random moments: integrity_check ok, every reported batch complete, none partial, the chain verifies`, {
    timeout: soak ? 3_600_000 : 300_000
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "quartieri-sqlite-crash-"))
    const seed = Number(process.env.QUARTIERI_SEED ?? Date.now() % 1_000_000)
    let state = seed
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
      return state / 2_147_483_648
    }
    const figures = { kills: 0, atStart: 0, batches: 0, inspected: 0, unreported: 0, started: Date.now() }
    try {
      for (let file = 0; file * killsPerFile < kills; file++) {
        const filename = join(dir, `import-${file}.db`)
        const report = join(dir, `import-${file}.report`)
        let complete: ReadonlyArray<number> = []
        for (let run = 0; run < Math.min(killsPerFile, kills - file * killsPerFile); run++) {
          const next = complete.length
          const reportedBefore = readReport(report).length
          const atStart = run % 5 === 0
          const killed = await Crash.runAndKill({
            execArgv: sourceExecArgv,
            script: importer,
            args: [filename, String(next), String(batchSize), report],
            cwd: join(here, ".."),
            after: atStart ? "start" : "ready",
            delayMs: Math.floor(random() * (atStart ? 2_000 : 600))
          })
          const where = `file ${file}, kill ${run + 1} (seed ${seed})`
          expect(killed.signal, `${where}: the importer ended on its own: ${killed.stderr}`).toBe("SIGKILL")
          figures.kills++
          if (!killed.ready) figures.atStart++

          const reported = readReport(report).slice(reportedBefore)
          if (!existsSync(filename)) {
            expect(reported, where).toEqual([])
            continue
          }
          expect(integrity(filename), where).toBe("ok")
          const inspection = await inspect(filename)
          const judged = Crash.judge(inspection, { next, reported, batchSize })
          expect(judged.problems, where).toEqual([])
          figures.unreported += judged.unreported
          figures.inspected += inspection.households + inspection.auditEntries
          complete = inspection.complete
        }
        figures.batches += complete.length
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    console.info(
      `[reliability] sqlite crash (seed ${seed}): ${figures.kills} SIGKILLs (${figures.atStart} before the store was open), ` +
        `${figures.batches} batches (${figures.batches * batchSize} households, as many audit entries) committed, ` +
        `${figures.inspected} records checked in all, ` +
        `${figures.unreported} committed but unreported, partial 0, lost 0, in ${((Date.now() - figures.started) / 1000).toFixed(1)} s`
    )
    expect(figures.kills).toBe(kills)
  })
})
