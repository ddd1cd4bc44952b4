/**
 * The access policy matrix through the use-cases on PostgreSQL: the same `PolicyMatrix` of
 * `@quartieri/testing` as the memory store's test in core and the SQLite file's
 * (`AppSuites.policyMatrix` of `@quartieri/storage-testkit`), under a fresh table prefix. The
 * database is seeded once; each run is rolled back. Without a server the tests are skipped
 * with a loud message locally, and fail under `CI=true` (see pg.ts).
 */
import { PostgresStore } from "@quartieri/storage-postgres"
import { AppSuites } from "@quartieri/storage-testkit"
import { freshPrefix, pgUrl } from "./pg.js"

if (pgUrl !== undefined)
  AppSuites.policyMatrix({
    name: "postgres",
    where: "on PostgreSQL",
    store: PostgresStore.layer({ url: pgUrl, prefix: freshPrefix() }),
    matrixTimeoutMs: 120_000
  })
