/**
 * Injection through the use-cases on PostgreSQL: every text field of every write use-case, with
 * SQL metacharacters, injection attempts and hostile unicode, each run on the seeded database
 * and rolled back (`AppSuites.injection` of `@quartieri/storage-testkit`), under a fresh table
 * prefix. Text comes back exactly as data or is refused with a typed error at its field; texts
 * no adapter can hold (U+0000, a lone surrogate) are refused, never mangled. Skipped without a
 * server locally, failed under `CI=true` (see pg.ts).
 */
import { PostgresStore } from "@quartieri/storage-postgres"
import { AppSuites } from "@quartieri/storage-testkit"
import { freshPrefix, pgUrl } from "./pg.js"

if (pgUrl !== undefined)
  AppSuites.injection({
    name: "postgres",
    where: "on PostgreSQL",
    store: PostgresStore.layer({ url: pgUrl, prefix: freshPrefix() })
  })
