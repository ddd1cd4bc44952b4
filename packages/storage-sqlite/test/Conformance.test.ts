import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { runConformance } from "@quartieri/storage-testkit"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"

const filename = join(mkdtempSync(join(tmpdir(), "quartieri-sqlite-")), "store.db")

runConformance({
  name: "sqlite (file, WAL)",
  layer: SqliteStore.layer({ filename }),
  reopen: SqliteStore.layer({ filename }),
  capabilities: SqliteStore.capabilities(filename),
  // rewrite an audit row behind the store's back: drop the append-only trigger, update, restore it
  tamper: (entry) =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      yield* sql`DROP TRIGGER quartieri__audit_no_update`
      yield* sql`UPDATE quartieri__audit SET actor = 'qualcun altro' WHERE seq = ${entry.seq}`
      yield* sql`CREATE TRIGGER quartieri__audit_no_update BEFORE UPDATE ON quartieri__audit
                 BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`
    }).pipe(Effect.orDie)
})

runConformance({
  name: "sqlite (:memory:)",
  layer: SqliteStore.layer({ filename: ":memory:" }),
  capabilities: SqliteStore.capabilities(":memory:")
})
