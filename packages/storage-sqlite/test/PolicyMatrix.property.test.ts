/**
 * The access policy matrix through the use-cases on a real SQLite file (WAL): the same
 * `PolicyMatrix` of `@quartieri/testing` as the memory store's test in core, so the SQL adapter
 * cannot change who may see or write what (`AppSuites.policyMatrix` of
 * `@quartieri/storage-testkit`). The file is seeded once; each run is rolled back.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { AppSuites } from "@quartieri/storage-testkit"

const filename = join(mkdtempSync(join(tmpdir(), "quartieri-sqlite-policy-")), "store.db")
AppSuites.policyMatrix({ name: "sqlite file", where: "on a SQLite file", store: SqliteStore.layer({ filename }) })
