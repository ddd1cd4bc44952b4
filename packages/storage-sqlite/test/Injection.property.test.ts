/**
 * Injection through the use-cases on a real SQLite file: every text field of every write
 * use-case, with SQL metacharacters, injection attempts and hostile unicode, each run on the
 * seeded file and rolled back (`AppSuites.injection` of `@quartieri/storage-testkit`). Text
 * comes back exactly as data or is refused with a typed error at its field; texts no adapter
 * can hold (U+0000, a lone surrogate) are refused, never mangled.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { AppSuites } from "@quartieri/storage-testkit"

const filename = join(mkdtempSync(join(tmpdir(), "quartieri-sqlite-injection-")), "store.db")
AppSuites.injection({ name: "sqlite file", where: "on a SQLite file", store: SqliteStore.layer({ filename }) })
