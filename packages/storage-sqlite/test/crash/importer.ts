/**
 * The child process of CrashSafety.test.ts: bulk-imports households into a SQLite file, one
 * batch per transaction (BatchImport.importBatch), and writes each batch's number to the report
 * file only after its transaction has committed. It prints `ready` once the store is open, and
 * runs until it is killed (or, at the latest, for `maxBatches` batches).
 *
 * Usage: node --conditions=@quartieri/source --import tsx importer.ts FILE FIRST SIZE REPORT
 */
import { closeSync, openSync, writeSync } from "node:fs"
import { Store } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { BatchImport } from "@quartieri/storage-testkit"
import { Effect } from "effect"

const maxBatches = 10_000
const [filename, first, size, report] = process.argv.slice(2)
if (filename === undefined || first === undefined || size === undefined || report === undefined) {
  process.stderr.write("usage: importer.ts FILE FIRST SIZE REPORT\n")
  process.exit(2)
}

const reportFd = openSync(report, "a")

const program = Effect.gen(function* () {
  const store = yield* Store.Store
  process.stdout.write("ready\n")
  for (let batch = Number(first); batch < Number(first) + maxBatches; batch++) {
    yield* BatchImport.importBatch(store, batch, Number(size))
    // only now, after the commit: a kill in between leaves a committed batch unreported
    writeSync(reportFd, `${batch}\n`)
  }
}).pipe(Effect.provide(SqliteStore.layer({ filename })))

Effect.runPromise(program).then(
  () => closeSync(reportFd),
  (error: unknown) => {
    process.stderr.write(`importer failed: ${String(error)}\n`)
    process.exit(1)
  }
)
