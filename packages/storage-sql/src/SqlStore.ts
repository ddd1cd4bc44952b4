/**
 * The Store written once on `effect/sql`'s `SqlClient`, for SQLite and PostgreSQL.
 *
 * Layout, under a table prefix (default `quartieri_`), so that integrators can still query it:
 * - one table per collection, `prefix + name`: `id` (primary key), `version`, `document` (the
 *   encoded document: JSONB on PostgreSQL, JSON text on SQLite; `NULL` once deleted — the row
 *   stays so versions keep growing), and one column per index, named as the index, each with a
 *   SQL index on (column, id) that serves both filtering and keyset paging;
 * - `prefix_audit`, the hash-chained audit log, append-only by database triggers;
 * - `prefix_collections`, the catalog of declared indexes; `prefix_migrations`, the migrator's.
 *
 * Collection tables are created from the collection's declaration the first time a collection
 * is used, inside the caller's transaction (so a rollback undoes them too); when the declared
 * indexes change, columns are added (and filled from the stored documents) or dropped. Writers
 * of the catalog and of the audit log are serialised (PostgreSQL: a table lock held to commit).
 *
 * Optimistic concurrency is one statement each: `UPDATE … WHERE id = ? AND version = ?
 * RETURNING version` and `INSERT … ON CONFLICT (id) DO UPDATE … WHERE document IS NULL
 * RETURNING version`. No row back means someone else was first: a `Conflict`, never a lost
 * update, at any isolation level (PostgreSQL re-checks the WHERE on the row it waited for).
 *
 * @since 0.1.0
 */
import { Audit, type Collection, Store, type StoreBackend, StoreError } from "@quartieri/core"
import { Cause, Effect, Layer, Option, Result, Schema } from "effect"
import { SqlClient, type SqlClient as SqlClientNs, SqlError, type Statement } from "effect/sql"
import * as Dialect from "./Dialect.js"
import * as Migrations from "./Migrations.js"

/**
 * Options of the SQL Store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /**
   * Prefix of every table (lower-case letters, digits and `_`, at most 10, starting with a
   * letter). Default `quartieri_`. Two prefixes in one database are two independent stores.
   */
  readonly prefix?: string
  /** What the adapter declares (each driver knows its own). */
  readonly capabilities: StoreBackend.Capabilities
}

/**
 * The default table prefix.
 *
 * @since 0.1.0
 * @category parameters
 */
export const defaultPrefix = "quartieri_"

const prefixPattern = /^[a-z][a-z0-9_]{0,9}$/

/**
 * Why `prefix` cannot be a table prefix, or `undefined` when it can.
 *
 * @since 0.1.0
 * @category rules
 */
export const prefixProblem = (prefix: string): string | undefined =>
  prefixPattern.test(prefix)
    ? undefined
    : `the table prefix ${JSON.stringify(prefix)} must match ${prefixPattern.source} (at most 10 characters)`

/**
 * Maps a SQL failure to the Store's error: connection, timeout and lock problems are
 * `Unavailable`; serialization failures and deadlocks (the database aborted us for a concurrent
 * transaction) are a `Conflict`; constraint violations are a `ConstraintViolation`.
 *
 * @since 0.1.0
 * @category errors
 */
export const fromSqlError =
  (operation: string, collection?: string, id?: string) =>
  (error: SqlError.SqlError): StoreError.StoreError => {
    const server = (error.reason.cause as { readonly message?: unknown } | undefined)?.message
    const details = {
      operation,
      ...(collection === undefined ? {} : { collection }),
      ...(id === undefined ? {} : { id }),
      detail: typeof server === "string" && server !== error.message ? `${error.message}: ${server}` : error.message,
      cause: error
    }
    switch (error.reason._tag) {
      case "SerializationError":
      case "DeadlockError":
        return StoreError.conflict(details)
      case "UniqueViolation":
      case "ConstraintError":
        return StoreError.constraintViolation(details)
      // wrong credentials, missing rights, SQL the server does not accept: a caller that retried
      // would retry forever
      case "AuthenticationError":
      case "AuthorizationError":
      case "SqlSyntaxError":
        return StoreError.refused(details)
      // a connection lost, a timeout, a lock; and what the driver could not classify, which
      // includes a connection cut in the middle of a statement
      default:
        return StoreError.unavailable(details)
    }
  }

/** The failure of a transaction's body, carried through effect/sql's rollback unchanged. */
class Aborted {
  constructor(readonly cause: Cause.Cause<unknown>) {}
}

const toNumber = (value: unknown): number => (typeof value === "number" ? value : Number(value))

const AuditRow = Schema.Struct({
  seq: Schema.Unknown,
  time: Schema.String,
  actor: Schema.String,
  action: Schema.String,
  entity: Schema.String,
  id: Schema.String,
  record_hash: Schema.String,
  previous_hash: Schema.String,
  hash: Schema.String
})

const decodeAuditRow = (row: unknown): Effect.Effect<Audit.Entry, StoreError.StoreError> => {
  const corrupted = (detail: string, cause: unknown) =>
    StoreError.corrupted({ operation: "auditLog", collection: "audit", detail, cause })
  const parsed = Schema.decodeUnknownResult(AuditRow)(row)
  if (Result.isFailure(parsed)) return Effect.fail(corrupted("an audit row has the wrong shape", parsed.failure))
  const r = parsed.success
  const entry = Schema.decodeUnknownResult(Audit.Entry)({
    seq: toNumber(r.seq),
    time: r.time,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    id: r.id,
    recordHash: r.record_hash,
    previousHash: r.previous_hash,
    hash: r.hash
  })
  return Result.isSuccess(entry)
    ? Effect.succeed(entry.success)
    : Effect.fail(corrupted(`audit entry ${toNumber(r.seq)} is not valid: ${entry.failure.message}`, entry.failure))
}

/**
 * Builds the Store backend on the `SqlClient` in context: checks the dialect, runs the
 * migrations of the fixed tables under the prefix, and returns the backend.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeBackend = (
  options: Options
): Effect.Effect<StoreBackend.Backend, StoreError.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const prefix = options.prefix ?? defaultPrefix
    const problem = prefixProblem(prefix)
    if (problem !== undefined) return yield* StoreError.constraintViolation({ operation: "open", detail: problem })
    const sql = yield* SqlClient.SqlClient
    const dialect = yield* Dialect.of(sql).pipe(
      Effect.mapError((detail) => StoreError.constraintViolation({ operation: "open", detail }))
    )
    yield* Migrations.run(prefix).pipe(
      Effect.mapError((cause) =>
        StoreError.unavailable({ operation: "open", detail: `the migrations failed: ${cause.message}`, cause })
      )
    )
    const { audit, catalog } = Migrations.tables(prefix)
    return backend(sql, dialect, prefix, audit, catalog, options.capabilities)
  })

const backend = (
  sql: SqlClientNs.SqlClient,
  dialect: Dialect.Dialect,
  prefix: string,
  audit: string,
  catalog: string,
  capabilities: StoreBackend.Capabilities
): StoreBackend.Backend => {
  const tableOf = (layout: Collection.Layout) => `${prefix}${layout.name}`
  const ensured = new Map<string, string>()
  // per open transaction (or savepoint): the collections whose catalog row it has seen
  const seenIn = new WeakMap<SqlClientNs.TransactionConnection.Service, Map<string, string>>()
  const signatures = new WeakMap<Collection.Layout, string>()
  const signatureOf = (layout: Collection.Layout) => {
    let signature = signatures.get(layout)
    if (signature === undefined) {
      signature = JSON.stringify(layout.indexes.map((i) => [i.name, i.type]))
      signatures.set(layout, signature)
    }
    return signature
  }
  const columnType = (type: Collection.IndexType) => sql.literal(type === "string" ? dialect.text : dialect.number)
  const live = sql`document IS NOT NULL`

  /**
   * Creates or alters the collection's table to match its declaration (once per process, once
   * the transaction that saw it commits). Inside a transaction, what it saw is also remembered
   * for that transaction (or savepoint) alone, so that a long transaction of puts — an import —
   * reads the catalog once, not once a put; that memory goes with the transaction.
   */
  const ensure = (layout: Collection.Layout): Effect.Effect<void, SqlError.SqlError | StoreError.StoreError> => {
    const signature = signatureOf(layout)
    if (ensured.get(layout.name) === signature) return Effect.void
    return Effect.flatMap(Effect.serviceOption(sql.transactionService), (level) => {
      const seen = Option.isSome(level) ? seenIn.get(level.value) : undefined
      if (seen?.get(layout.name) === signature) return Effect.void
      const remember = Effect.andThen(
        Effect.sync(() => {
          if (Option.isNone(level)) return
          const memo = seen ?? new Map<string, string>()
          memo.set(layout.name, signature)
          seenIn.set(level.value, memo)
        }),
        sql.afterCommit(Effect.sync(() => ensured.set(layout.name, signature)))
      )
      const declared = sql<{ indexes: string }>`SELECT indexes FROM ${sql(catalog)} WHERE name = ${layout.name}`
      // the common case, a collection already created with these indexes, takes no lock
      const unchanged = Effect.map(declared, (rows) => rows[0]?.indexes === signature)
      return Effect.flatMap(unchanged, (same) => (same ? remember : alterTable(layout)))
    })
  }

  /** Creates or alters the table under the catalog's lock, so two processes never race on DDL. */
  const alterTable = (layout: Collection.Layout): Effect.Effect<void, SqlError.SqlError | StoreError.StoreError> => {
    const signature = signatureOf(layout)
    const table = tableOf(layout)
    const createIndex = (index: string) =>
      sql`CREATE INDEX IF NOT EXISTS ${sql(`${table}__${index}`)} ON ${sql(table)} (${dialect.indexColumn(index)}, id)`
    return sql.withTransaction(
      Effect.gen(function* () {
        yield* dialect.lock(catalog)
        const rows = yield* sql<{ indexes: string }>`SELECT indexes FROM ${sql(catalog)} WHERE name = ${layout.name}`
        const stored = rows[0]?.indexes
        if (stored === undefined) {
          const columns = layout.indexes.map((i) => sql`, ${sql(i.name)} ${columnType(i.type)}`)
          yield* sql`CREATE TABLE IF NOT EXISTS ${sql(table)} (
            id ${sql.literal(dialect.text)} PRIMARY KEY,
            version INTEGER NOT NULL,
            document ${sql.literal(dialect.document)}
            ${sql.join("", false)(columns)}
          )`
          for (const index of layout.indexes) yield* createIndex(index.name)
          yield* sql`INSERT INTO ${sql(catalog)} (name, indexes) VALUES (${layout.name}, ${signature})`
        } else if (stored !== signature) {
          const before = new Map((JSON.parse(stored) as Array<[string, string]>).map(([n, t]) => [n, t]))
          const after = new Map(layout.indexes.map((i) => [i.name, i.type]))
          for (const [name, type] of before) {
            if (after.get(name) === type) continue
            yield* sql`DROP INDEX IF EXISTS ${sql(`${table}__${name}`)}`
            yield* sql`ALTER TABLE ${sql(table)} DROP COLUMN ${sql(name)}`
          }
          const added = layout.indexes.filter((i) => before.get(i.name) !== i.type)
          for (const index of added) {
            yield* sql`ALTER TABLE ${sql(table)} ADD COLUMN ${sql(index.name)} ${columnType(index.type)}`
            yield* createIndex(index.name)
          }
          if (added.length > 0) {
            const docs = yield* sql<{ id: string; document: string }>`SELECT id, ${dialect.documentOut} AS document
              FROM ${sql(table)} WHERE ${live}`
            for (const doc of docs) {
              const values = yield* layout.indexValues(doc.id, doc.document)
              yield* sql`UPDATE ${sql(table)} SET ${sql.csv(added.map((i) => sql`${sql(i.name)} = ${values[i.name] ?? null}`))}
                WHERE id = ${doc.id}`
            }
          }
          yield* sql`UPDATE ${sql(catalog)} SET indexes = ${signature} WHERE name = ${layout.name}`
        }
        yield* sql.afterCommit(Effect.sync(() => ensured.set(layout.name, signature)))
      })
    )
  }

  const run = <A>(
    operation: string,
    layout: Collection.Layout,
    documentId: string | undefined,
    effect: Effect.Effect<A, SqlError.SqlError | StoreError.StoreError>
  ): Effect.Effect<A, StoreError.StoreError> =>
    Effect.andThen(ensure(layout), effect).pipe(
      Effect.catchTag("SqlError", (e) => Effect.fail(fromSqlError(operation, layout.name, documentId)(e)))
    )

  const actualVersion = (table: string, documentId: string) =>
    Effect.map(
      sql<{
        version: unknown
        deleted: unknown
      }>`SELECT version, document IS NULL AS deleted FROM ${sql(table)} WHERE id = ${documentId}`,
      (rows) => {
        const row = rows[0]
        return row === undefined || row.deleted === true || row.deleted === 1 ? 0 : toNumber(row.version)
      }
    )

  const conflict = (operation: string, layout: Collection.Layout, documentId: string, expected: number) =>
    Effect.flatMap(actualVersion(tableOf(layout), documentId), (actual) =>
      Effect.fail(StoreError.versionConflict({ operation, collection: layout.name, id: documentId, expected, actual }))
    )

  /**
   * The SQL text of the statements a `get` and a `put` run, compiled once per layout from the
   * same templates (identifiers escaped by the client's compiler, placeholders in its dialect),
   * with where each parameter goes: at every call only the parameters are new, and the text is
   * run with `sql.unsafe`. (Compiling the template at every put cost more than encoding the
   * document.) The parameters of a put are, by slot: the id, the JSON text, the index values in
   * declaration order, the expected version.
   */
  interface Compiled {
    readonly text: string
    readonly slots: ReadonlyArray<number>
  }
  interface Statements {
    readonly get: Compiled
    readonly insert: Compiled
    readonly update: Compiled
  }
  const compiledStatements = new WeakMap<Collection.Layout, Statements>()
  const compile = (statement: Statement.Statement<unknown>, slots: ReadonlyArray<object>): Compiled => {
    const [text, params] = statement.compile()
    return {
      text,
      slots: params.map((param) => {
        const slot = slots.indexOf(param as object)
        if (slot < 0) throw new Error(`SqlStore: a statement has a parameter that is not a slot: ${String(param)}`)
        return slot
      })
    }
  }
  const statementsOf = (layout: Collection.Layout): Statements => {
    const cached = compiledStatements.get(layout)
    if (cached !== undefined) return cached
    const table = sql(tableOf(layout))
    // one distinct object per parameter, to find where the compiler put each one
    const slots = Array.from({ length: layout.indexes.length + 3 }, (_, n) => ({ slot: n }))
    const [id, json] = slots as unknown as [string, string]
    const values = layout.indexes.map((_, n) => slots[n + 2] as unknown as string)
    const expected = slots[layout.indexes.length + 2] as unknown as number
    const statements: Statements = {
      get: compile(
        sql`SELECT id, version, ${dialect.documentOut} AS document
            FROM ${table} WHERE id = ${id} AND ${live}`,
        slots
      ),
      insert: compile(
        sql`INSERT INTO ${table} (${sql.csv([
          sql`id`,
          sql`version`,
          sql`document`,
          ...layout.indexes.map((i) => sql`${sql(i.name)}`)
        ])})
            VALUES (${sql.csv([sql`${id}`, sql`1`, dialect.documentIn(json), ...values.map((v) => sql`${v}`)])})
            ON CONFLICT (id) DO UPDATE SET ${sql.csv([
              sql`version = ${table}.version + 1`,
              sql`document = excluded.document`,
              ...layout.indexes.map((i) => sql`${sql(i.name)} = excluded.${sql(i.name)}`)
            ])}
            WHERE ${table}.document IS NULL
            RETURNING version`,
        slots
      ),
      update: compile(
        sql`UPDATE ${table} SET ${sql.csv([
          sql`version = version + 1`,
          sql`document = ${dialect.documentIn(json)}`,
          ...layout.indexes.map((i, n) => sql`${sql(i.name)} = ${values[n]}`)
        ])}
            WHERE id = ${id} AND version = ${expected} AND ${live}
            RETURNING version`,
        slots
      )
    }
    compiledStatements.set(layout, statements)
    return statements
  }

  const whereClause = (where: StoreBackend.Where): Statement.Fragment => {
    const column = sql(where.index)
    if ("equals" in where) return where.equals === null ? sql`${column} IS NULL` : sql`${column} = ${where.equals}`
    const parts: Array<Statement.Fragment> = [sql`${column} IS NOT NULL`]
    if (where.gt !== undefined) parts.push(sql`${column} > ${where.gt}`)
    if (where.gte !== undefined) parts.push(sql`${column} >= ${where.gte}`)
    if (where.lt !== undefined) parts.push(sql`${column} < ${where.lt}`)
    if (where.lte !== undefined) parts.push(sql`${column} <= ${where.lte}`)
    return sql.and(parts)
  }

  const afterClause = (orderBy: string | undefined, after: StoreBackend.Position): Statement.Fragment => {
    if (orderBy === undefined) return sql`id > ${after.id}`
    const column = sql(orderBy)
    return after.key === null
      ? sql`((${column} IS NULL AND id > ${after.id}) OR ${column} IS NOT NULL)`
      : sql`(${column} > ${after.key} OR (${column} = ${after.key} AND id > ${after.id}))`
  }

  return {
    capabilities,

    get: (layout, documentId) =>
      run(
        "get",
        layout,
        documentId,
        Effect.map(
          sql.unsafe<{ id: string; version: unknown; document: string }>(statementsOf(layout).get.text, [documentId]),
          (rows) =>
            Option.map(Option.fromUndefinedOr(rows[0]), (row) => ({
              id: row.id,
              version: toNumber(row.version),
              json: row.document
            }))
        )
      ),

    put: (layout, document, expectedVersion) => {
      const statements = statementsOf(layout)
      const { text, slots } = expectedVersion === 0 ? statements.insert : statements.update
      const indexes = layout.indexes
      const params = new Array<unknown>(slots.length)
      for (let p = 0; p < slots.length; p++) {
        const slot = slots[p] as number
        params[p] =
          slot === 0
            ? document.id
            : slot === 1
              ? document.json
              : slot === indexes.length + 2
                ? expectedVersion
                : (document.indexes[(indexes[slot - 2] as { readonly name: string }).name] ?? null)
      }
      return run(
        "put",
        layout,
        document.id,
        Effect.flatMap(sql.unsafe<{ version: unknown }>(text, params), (rows) => {
          const row = rows[0]
          return row === undefined
            ? conflict("put", layout, document.id, expectedVersion)
            : Effect.succeed(toNumber(row.version))
        })
      )
    },

    delete: (layout, documentId, expectedVersion) =>
      run(
        "delete",
        layout,
        documentId,
        Effect.flatMap(
          sql<{ version: unknown }>`UPDATE ${sql(tableOf(layout))} SET ${sql.csv([
            sql`document = NULL`,
            ...layout.indexes.map((i) => sql`${sql(i.name)} = NULL`)
          ])}
          WHERE id = ${documentId} AND version = ${expectedVersion} AND ${live}
          RETURNING version`,
          (rows) => (rows.length === 0 ? conflict("delete", layout, documentId, expectedVersion) : Effect.void)
        )
      ),

    page: (layout, request) => {
      const conditions: Array<Statement.Fragment> = [live]
      if (request.where !== undefined) conditions.push(whereClause(request.where))
      if (request.after !== undefined) conditions.push(afterClause(request.orderBy, request.after))
      const key = request.orderBy === undefined ? sql`NULL` : sql`${sql(request.orderBy)}`
      const order = request.orderBy === undefined ? sql`id` : sql`${sql(request.orderBy)} NULLS FIRST, id`
      return run(
        "query",
        layout,
        undefined,
        Effect.map(
          sql<{ id: string; version: unknown; document: string; key: unknown }>`SELECT id, version,
              ${dialect.documentOut} AS document, ${key} AS ${sql("key")}
            FROM ${sql(tableOf(layout))}
            WHERE ${sql.and(conditions)}
            ORDER BY ${order}
            LIMIT ${request.limit}`,
          (rows) =>
            rows.map((row) => ({
              id: row.id,
              version: toNumber(row.version),
              json: row.document,
              key:
                row.key === null || row.key === undefined
                  ? null
                  : typeof row.key === "string" &&
                      layout.indexes.find((i) => i.name === request.orderBy)?.type === "number"
                    ? Number(row.key)
                    : (row.key as Collection.IndexValue)
            }))
        )
      )
    },

    transaction: <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | StoreError.StoreError, R> =>
      // The body's failure travels out wrapped in `Aborted`, so that it comes back as it was
      // even when the ROLLBACK fails too (the connection died: the server drops the
      // transaction). Without this, effect/sql turns a failed rollback, and with it the body's
      // own typed error, into defects. Interruption is left alone.
      sql
        .withTransaction(
          Effect.catchCauseIf(
            effect,
            (cause) => !Cause.hasInterrupts(cause),
            (cause) => Effect.fail(new Aborted(cause))
          )
        )
        .pipe(
          Effect.catchCause((cause): Effect.Effect<never, E | StoreError.StoreError> => {
            const errors = cause.reasons.map((r) =>
              Cause.isFailReason(r) ? r.error : Cause.isDieReason(r) ? r.defect : undefined
            )
            const aborted = errors.find((e): e is Aborted => e instanceof Aborted)
            if (aborted !== undefined) {
              // as before: a SqlError the body let out is the store's error
              return Effect.failCause(aborted.cause as Cause.Cause<E>).pipe(
                Effect.catchIf(
                  (e: E): boolean => SqlError.isSqlError(e),
                  (e) => Effect.fail(fromSqlError("transaction")(e as SqlError.SqlError))
                )
              )
            }
            // BEGIN, COMMIT or the clean-up after a failed COMMIT failed: the store's error
            const failed = errors.find(SqlError.isSqlError)
            if (failed !== undefined && !Cause.hasInterrupts(cause)) {
              return Effect.fail(fromSqlError("transaction")(failed))
            }
            return Effect.failCause(cause as Cause.Cause<E>)
          })
        ),

    appendAudit: (seal) => {
      // Writers of the log are serialised until commit (PostgreSQL: the table lock; SQLite: the
      // transaction's write lock), so seq is gap-free and in commit order. Inside the caller's
      // transaction the append runs as it is, without a savepoint of its own: two statements
      // fewer, and two round trips fewer while holding the lock, which every other writer waits
      // for. (Nothing here needs a partial rollback: under the lock the insert cannot collide.)
      const append = Effect.gen(function* () {
        yield* dialect.lock(audit)
        const rows = yield* sql`SELECT * FROM ${sql(audit)} ORDER BY seq DESC LIMIT 1`
        const previous = rows[0] === undefined ? Option.none() : Option.some(yield* decodeAuditRow(rows[0]))
        const entry = seal(previous)
        yield* sql`INSERT INTO ${sql(audit)} ${sql.insert({
          seq: entry.seq,
          time: entry.time,
          actor: entry.actor,
          action: entry.action,
          entity: entry.entity,
          id: entry.id,
          record_hash: entry.recordHash,
          previous_hash: entry.previousHash,
          hash: entry.hash
        })}`
        return entry
      })
      return Effect.flatMap(Effect.serviceOption(sql.transactionService), (open) =>
        Option.isSome(open) ? append : sql.withTransaction(append)
      ).pipe(Effect.catchTag("SqlError", (e) => Effect.fail(fromSqlError("appendAudit")(e))))
    },

    auditPage: (afterSeq, limit) =>
      sql`SELECT * FROM ${sql(audit)} WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${limit}`.pipe(
        Effect.catchTag("SqlError", (e) => Effect.fail(fromSqlError("auditLog")(e))),
        Effect.flatMap((rows) => Effect.forEach(rows, decodeAuditRow))
      )
  }
}

/**
 * The Store on the `SqlClient` in context (migrations run when the layer is built).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options): Layer.Layer<Store.Store, StoreError.StoreError, SqlClient.SqlClient> =>
  Layer.effect(Store.Store, Effect.map(makeBackend(options), Store.make))
