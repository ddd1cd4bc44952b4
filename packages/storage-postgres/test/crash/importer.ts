/**
 * The child process of CrashSafety.test.ts: bulk-imports households into PostgreSQL under a
 * table prefix, one batch per transaction (BatchImport.importBatch), and writes each batch's
 * number to the report file only after its transaction has committed. It uses one connection
 * and prints `ready <backend pid>` once the store is open, so the test can wait for the server
 * to have finished with it after the kill; it runs until it is killed (or, at the latest, for
 * `maxBatches` batches).
 *
 * Usage: node --conditions=@quartieri/source --import tsx importer.ts URL PREFIX FIRST SIZE REPORT
 */
import { closeSync, openSync, writeSync } from "node:fs"
import { Store } from "@quartieri/core"
import { PostgresStore } from "@quartieri/storage-postgres"
import { BatchImport } from "@quartieri/storage-testkit"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

const maxBatches = 10_000
const [url, prefix, first, size, report] = process.argv.slice(2)
if (url === undefined || prefix === undefined || first === undefined || size === undefined || report === undefined) {
  process.stderr.write("usage: importer.ts URL PREFIX FIRST SIZE REPORT\n")
  process.exit(2)
}

const reportFd = openSync(report, "a")

const program = Effect.gen(function* () {
  const store = yield* Store.Store
  const sql = yield* SqlClient.SqlClient
  const [backend] = yield* sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`
  process.stdout.write(`ready ${backend?.pid}\n`)
  for (let batch = Number(first); batch < Number(first) + maxBatches; batch++) {
    yield* BatchImport.importBatch(store, batch, Number(size))
    // only now, after the commit: a kill in between leaves a committed batch unreported
    writeSync(reportFd, `${batch}\n`)
  }
}).pipe(Effect.provide(PostgresStore.layer({ url, prefix, maxConnections: 1 })))

Effect.runPromise(program).then(
  () => closeSync(reportFd),
  (error: unknown) => {
    process.stderr.write(`importer failed: ${String(error)}\n`)
    process.exit(1)
  }
)
