/**
 * Erasing a person (GDPR art. 17) on a real SQLite file: the `ErasureScenario` of
 * `@quartieri/testing` through the use-cases — the reports of the project are the same before
 * and after, nothing of the person is read back from any collection or the audit log, and the
 * chain verifies — then the file itself: the person's codice fiscale and birth date may still
 * sit in free pages and in the write-ahead log after the erasure (SQLite reuses space, it does
 * not wipe it), and are gone from the bytes of the file once the operator runs `VACUUM` and
 * `PRAGMA wal_checkpoint(TRUNCATE)` — the procedure docs/security.md gives.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, layer } from "@effect/vitest"
import { App, Audit } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { AppRequests as R, ErasureScenario as S, StoreState } from "@quartieri/testing"
import { Effect, Result } from "effect"
import { SqlClient } from "effect/sql"

const filename = join(mkdtempSync(join(tmpdir(), "quartieri-sqlite-erasure-")), "store.db")

/** The needles found in the bytes of the database file and of its write-ahead log. */
const inFiles = () => {
  const bytes = [filename, `${filename}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString("latin1"))
    .join("")
  return S.needles.filter((n) => bytes.includes(n))
}

layer(App.Quartieri.layerOn(SqliteStore.layer({ filename })), { excludeTestServices: true, timeout: "60 seconds" })(
  "erasure on a SQLite file",
  (it) => {
    describe("erasePerson", () => {
      it.effect("keeps the reports, leaves nothing readable, and the file is clean after VACUUM", () =>
        Effect.gen(function* () {
          yield* S.setup
          const before = { internal: yield* S.reports(R.coordinator), published: yield* S.reports(R.region) }
          const everything = Effect.map(Effect.all([StoreState.contents, StoreState.auditLog]), ([contents, log]) =>
            JSON.stringify([contents, log])
          )
          expect(S.found(yield* everything)).toEqual([
            "CNCRMN77S63D150Z",
            "1977-11-23",
            "at-least-2-years",
            "2016-02-11"
          ])
          expect(inFiles()).toContain("CNCRMN77S63D150Z")

          const erased = yield* S.erase
          expect(Object.keys(erased.person.value).sort()).toEqual([
            "erased",
            "household",
            "id",
            "laboratorio",
            "project"
          ])
          expect(erased.retainedSnapshots).toEqual(["w7"])
          expect(S.found(yield* everything)).toEqual([])
          expect(yield* S.reports(R.coordinator)).toEqual(before.internal)
          expect(yield* S.reports(R.region)).toEqual(before.published)
          const log = yield* StoreState.auditLog
          expect(Result.isSuccess(Audit.verify(log))).toBe(true)
          expect(log.at(-1)?.action).toBe("person.erase")
          expect(log.length).toBe(yield* StoreState.committedWrites)

          // the bytes: what the engine may keep, and the procedure that removes it
          const leftover = inFiles()
          console.info(
            `[erasure] sqlite: after the erasure, before VACUUM, the file and WAL still hold: ${JSON.stringify(leftover)}`
          )
          const sql = yield* SqlClient.SqlClient
          yield* sql.unsafe("VACUUM")
          yield* sql.unsafe("PRAGMA wal_checkpoint(TRUNCATE)")
          expect(inFiles()).toEqual([])
          console.info("[erasure] sqlite: after VACUUM and wal_checkpoint(TRUNCATE): none")
        })
      )
    })
  }
)
