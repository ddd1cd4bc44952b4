/**
 * Erasing a person (GDPR art. 17) on PostgreSQL: the `ErasureScenario` of `@quartieri/testing`
 * through the use-cases — the reports of the project are the same before and after, nothing of
 * the person is read back through the Store or found by SQL in any column of any table of the
 * store, and the audit chain verifies. (PostgreSQL keeps the old row version as a dead tuple
 * until `VACUUM` reclaims it; docs/security.md gives the operator's procedure.)
 */
import { describe, expect, layer } from "@effect/vitest"
import { App, Audit } from "@quartieri/core"
import { PostgresStore } from "@quartieri/storage-postgres"
import { AppRequests as R, ErasureScenario as S, StoreState } from "@quartieri/testing"
import { Effect, Result } from "effect"
import { SqlClient } from "effect/sql"
import { freshPrefix, pgUrl } from "./pg.js"

if (pgUrl !== undefined) {
  const prefix = freshPrefix()

  /** The needles found by SQL in any row (as text) of any table of the store. */
  const inTables = Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const tables = yield* sql<{ tablename: string }>`SELECT tablename FROM pg_tables
      WHERE schemaname = current_schema() AND starts_with(tablename, ${prefix})`
    const found = new Set<string>()
    for (const { tablename } of tables)
      for (const needle of S.needles) {
        const rows = yield* sql<{ n: unknown }>`SELECT count(*) AS n FROM ${sql(tablename)} t
          WHERE strpos(t::text, ${needle}) > 0`
        if (Number(rows[0]?.n ?? 0) > 0) found.add(needle)
      }
    return S.needles.filter((n) => found.has(n))
  })

  layer(App.Quartieri.layerOn(PostgresStore.layer({ url: pgUrl, prefix })), {
    excludeTestServices: true,
    timeout: "120 seconds"
  })("erasure on PostgreSQL", (it) => {
    describe("erasePerson", () => {
      it.effect("keeps the reports and leaves nothing of the person in any table", () =>
        Effect.gen(function* () {
          yield* S.setup
          const before = { internal: yield* S.reports(R.coordinator), published: yield* S.reports(R.region) }
          expect(yield* inTables).toEqual(["CNCRMN77S63D150Z", "1977-11-23", "at-least-2-years", "2016-02-11"])

          const erased = yield* S.erase
          expect(Object.keys(erased.person.value).sort()).toEqual([
            "erased",
            "household",
            "id",
            "laboratorio",
            "project"
          ])
          expect(yield* inTables).toEqual([])
          const everything = JSON.stringify([yield* StoreState.contents, yield* StoreState.auditLog])
          expect(S.found(everything)).toEqual([])
          expect(yield* S.reports(R.coordinator)).toEqual(before.internal)
          expect(yield* S.reports(R.region)).toEqual(before.published)
          const log = yield* StoreState.auditLog
          expect(Result.isSuccess(Audit.verify(log))).toBe(true)
          expect(log.at(-1)?.action).toBe("person.erase")
          expect(log.length).toBe(yield* StoreState.committedWrites)
        })
      )
    })
  })
}
