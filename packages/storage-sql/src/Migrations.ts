/**
 * The fixed tables of the SQL Store, as `effect/sql` migrations (`Migrator.fromRecord`), one
 * set for every table prefix: the audit log (append-only, enforced by the database) and the
 * catalog of collections (each collection's indexes, so a changed declaration is detected and
 * its table altered). Collection tables themselves are created from their declaration on first
 * use (see SqlStore.ts).
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Migrator, SqlClient } from "effect/sql"
import * as Dialect from "./Dialect.js"

/**
 * The names of the fixed tables under `prefix`. A collection table is `prefix + name`, and
 * collection names start with a letter, so `prefix + "_…"` never collides with one.
 *
 * @since 0.1.0
 * @category models
 */
export const tables = (prefix: string) => ({
  audit: `${prefix}_audit`,
  catalog: `${prefix}_collections`,
  migrations: `${prefix}_migrations`
})

/**
 * The migrations of the fixed tables, in order.
 *
 * @since 0.1.0
 * @category constructors
 */
export const loader = (prefix: string): Migrator.Loader => {
  const t = tables(prefix)
  return Migrator.fromRecord({
    "0001_audit": Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const dialect = yield* Dialect.of(sql)
      yield* sql`CREATE TABLE ${sql(t.audit)} (
        seq ${sql.literal(dialect.sequence)} PRIMARY KEY,
        time ${sql.literal(dialect.text)} NOT NULL,
        actor ${sql.literal(dialect.text)} NOT NULL,
        action ${sql.literal(dialect.text)} NOT NULL,
        entity ${sql.literal(dialect.text)} NOT NULL,
        id ${sql.literal(dialect.text)} NOT NULL,
        record_hash ${sql.literal(dialect.text)} NOT NULL,
        previous_hash ${sql.literal(dialect.text)} NOT NULL,
        hash ${sql.literal(dialect.text)} NOT NULL
      )`
      yield* sql`CREATE INDEX ${sql(`${t.audit}_entity`)} ON ${sql(t.audit)} (entity, id)`
      for (const statement of dialect.appendOnly(t.audit)) yield* statement
    }),
    "0002_catalog": Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const dialect = yield* Dialect.of(sql)
      yield* sql`CREATE TABLE ${sql(t.catalog)} (
        name ${sql.literal(dialect.text)} PRIMARY KEY,
        indexes ${sql.literal(dialect.text)} NOT NULL
      )`
    })
  })
}

/**
 * Runs the pending migrations under `prefix`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = (prefix: string) => Migrator.make({})({ loader: loader(prefix), table: tables(prefix).migrations })
