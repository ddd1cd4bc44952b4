/**
 * The few things SQLite and PostgreSQL do differently for the Store, in one small record
 * chosen once from `sql.onDialectOrElse`: column types, how the document goes in and comes out
 * (JSONB on PostgreSQL, JSON text on SQLite), and how writers of the audit log and of the
 * collection catalog are serialised (PostgreSQL locks the table until commit; SQLite
 * transactions already hold the database's only write lock).
 *
 * Strings are compared by code point in both: SQLite's default BINARY collation is UTF-8 byte
 * order, and PostgreSQL columns are declared `COLLATE "C"`, which is the same order.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import type { SqlClient, SqlError, Statement } from "effect/sql"

/**
 * The dialect-specific pieces of the SQL Store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Dialect {
  readonly name: "sqlite" | "pg"
  /** Column type of ids and string indexes (ordered by code point). */
  readonly text: string
  /** Column type of number indexes. */
  readonly number: string
  /** Column type of the encoded document. */
  readonly document: string
  /** Column type of the audit `seq`. */
  readonly sequence: string
  /** The document as a bound parameter (JSON text in). */
  readonly documentIn: (json: string) => Statement.Fragment
  /** An index column in `CREATE INDEX`, in the order queries use (`NULL` first). */
  readonly indexColumn: (column: string) => Statement.Fragment
  /** Reads the document column back as JSON text. */
  readonly documentOut: Statement.Fragment
  /** Serialises writers of `table` until the end of the current transaction. */
  readonly lock: (table: string) => Effect.Effect<void, SqlError.SqlError>
  /** Statements that make `table` append-only (refuse UPDATE, DELETE and TRUNCATE). */
  readonly appendOnly: (table: string) => ReadonlyArray<Statement.Statement<unknown>>
}

/**
 * The dialect of `sql`; only SQLite and PostgreSQL are supported.
 *
 * @since 0.1.0
 * @category constructors
 */
export const of = (sql: SqlClient.SqlClient): Effect.Effect<Dialect, string> =>
  sql.onDialectOrElse<Effect.Effect<Dialect, string>, Effect.Effect<Dialect>, Effect.Effect<Dialect>>({
    sqlite: () =>
      Effect.succeed<Dialect>({
        name: "sqlite",
        text: "TEXT",
        number: "REAL",
        document: "TEXT",
        sequence: "INTEGER",
        documentIn: (json) => sql`${json}`,
        indexColumn: (column) => sql`${sql(column)}`,
        documentOut: sql`document`,
        lock: () => Effect.void,
        appendOnly: (table) => [
          sql`CREATE TRIGGER IF NOT EXISTS ${sql(`${table}_no_update`)} BEFORE UPDATE ON ${sql(table)}
              BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
          sql`CREATE TRIGGER IF NOT EXISTS ${sql(`${table}_no_delete`)} BEFORE DELETE ON ${sql(table)}
              BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`
        ]
      }),
    pg: () =>
      Effect.succeed<Dialect>({
        name: "pg",
        text: 'TEXT COLLATE "C"',
        number: "DOUBLE PRECISION",
        document: "JSONB",
        sequence: "BIGINT",
        documentIn: (json) => sql`${json}::jsonb`,
        indexColumn: (column) => sql`${sql(column)} NULLS FIRST`,
        documentOut: sql`document::text`,
        lock: (table) => Effect.asVoid(sql`LOCK TABLE ${sql(table)} IN EXCLUSIVE MODE`),
        appendOnly: (table) => [
          sql`CREATE OR REPLACE FUNCTION ${sql(`${table}_append_only`)}() RETURNS trigger LANGUAGE plpgsql AS
              'BEGIN RAISE EXCEPTION ''the audit log is append-only''; END'`,
          sql`CREATE TRIGGER ${sql(`${table}_no_change`)} BEFORE UPDATE OR DELETE ON ${sql(table)}
              FOR EACH ROW EXECUTE FUNCTION ${sql(`${table}_append_only`)}()`,
          sql`CREATE TRIGGER ${sql(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql(table)}
              FOR EACH STATEMENT EXECUTE FUNCTION ${sql(`${table}_append_only`)}()`
        ]
      }),
    orElse: () => Effect.fail("the SQL Store supports SQLite and PostgreSQL")
  })
