import { PostgresStore } from "@quartieri/storage-postgres"
import { runConformance } from "@quartieri/storage-testkit"
import { Effect } from "effect"
import { SqlClient } from "effect/sql"
import { freshPrefix, pgUrl } from "./pg.js"

if (pgUrl !== undefined) {
  const prefix = freshPrefix()
  runConformance({
    name: "postgres",
    layer: PostgresStore.layer({ url: pgUrl, prefix }),
    reopen: PostgresStore.layer({ url: pgUrl, prefix }),
    capabilities: PostgresStore.capabilities,
    // rewrite an audit row behind the store's back (the append-only trigger has to be disabled)
    tamper: (entry) =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const audit = sql(`${prefix}_audit`)
        yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* sql`ALTER TABLE ${audit} DISABLE TRIGGER USER`
            yield* sql`UPDATE ${audit} SET actor = 'qualcun altro' WHERE seq = ${entry.seq}`
            yield* sql`ALTER TABLE ${audit} ENABLE TRIGGER USER`
          })
        )
      }).pipe(Effect.orDie)
  })
}
