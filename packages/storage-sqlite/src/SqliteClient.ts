/**
 * A small `effect/sql` client over Node's built-in `node:sqlite` (`DatabaseSync`): no native
 * dependency to build, nothing downloaded. Built with `SqlClient.make` from `effect/sql`, so the
 * SQL Store (and any `sql` template code) runs on it unchanged.
 *
 * - One connection per client, shared through a semaphore (`SqlClient.makeSqliteAcquirers`):
 *   a transaction holds it to the end, so nothing interleaves with it.
 * - Files use WAL (readers never block the writer) with `synchronous = FULL`.
 * - Transactions begin with `BEGIN IMMEDIATE`, so a transaction takes the write lock before it
 *   reads, and two writers on the same file serialise instead of failing half-way; nested
 *   transactions are savepoints.
 * - "Database is busy" (another connection or process holds the write lock) is retried
 *   **asynchronously** with a growing pause until `busyTimeout`: SQLite's own busy handler
 *   would block Node's event loop — and every other request of the process — while it waits.
 * - Prepared statements are cached (least recently used first out).
 * - `stream` reads the whole result, then streams it: `node:sqlite` is synchronous, so a lazy
 *   cursor would hold the connection between pulls. The Store itself reads in bounded pages.
 *
 * @since 0.1.0
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite"
import { Clock, Context, Duration, Effect, Layer, type Scope, Semaphore, Stream } from "effect"
import { Reactivity } from "effect/reactivity"
import { SqlClient, type SqlConnection, SqlError, Statement } from "effect/sql"

/**
 * Options of the SQLite client.
 *
 * @since 0.1.0
 * @category models
 */
export interface Config {
  /** A file path, or `":memory:"` for a database that lives as long as the client. */
  readonly filename: string
  /** How long a statement waits for another connection's write lock (default 5 seconds). */
  readonly busyTimeout?: Duration.Input
  /** How many prepared statements to keep (default 200). */
  readonly statementCacheSize?: number
}

/**
 * The SQLite client service: the generic `SqlClient` plus its configuration.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service extends SqlClient.SqlClient {
  readonly config: Config
}

/**
 * The SQLite client key.
 *
 * @since 0.1.0
 * @category services
 */
export class SqliteClient extends Context.Service<SqliteClient, Service>()("@quartieri/storage-sqlite/SqliteClient") {}

const SQLITE_BUSY = 5
const SQLITE_LOCKED = 6

const errcodeOf = (cause: unknown): number | undefined => {
  if (typeof cause !== "object" || cause === null) return undefined
  const code = (cause as { readonly errcode?: unknown }).errcode
  return typeof code === "number" ? code : undefined
}

const isBusy = (cause: unknown): boolean => {
  const code = errcodeOf(cause)
  return code !== undefined && ((code & 0xff) === SQLITE_BUSY || (code & 0xff) === SQLITE_LOCKED)
}

const toSqlError = (cause: unknown, operation: string): SqlError.SqlError => {
  const errcode = errcodeOf(cause)
  const message = cause instanceof Error ? cause.message : String(cause)
  // classifySqliteError reads the SQLite result code from `errno`; node:sqlite calls it `errcode`
  const shaped = errcode === undefined ? cause : { cause, errno: errcode, code: errcode, message }
  return new SqlError.SqlError({ reason: SqlError.classifySqliteError(shaped, { message, operation }) })
}

const toParam = (value: unknown): SQLInputValue => {
  if (value === undefined || value === null) return null
  if (typeof value === "boolean") return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  return value as SQLInputValue
}

/**
 * Opens the database and builds the client; the database closes with the scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (config: Config): Effect.Effect<Service, SqlError.SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function* () {
    const busyMillis = Duration.toMillis(Duration.fromInputUnsafe(config.busyTimeout ?? "5 seconds"))
    const cacheSize = config.statementCacheSize ?? 200
    const db = yield* Effect.acquireRelease(
      Effect.try({
        try: () => {
          const db = new DatabaseSync(config.filename, { timeout: 0 })
          if (config.filename !== ":memory:" && config.filename !== "") {
            db.exec("PRAGMA journal_mode = WAL")
          }
          db.exec("PRAGMA synchronous = FULL")
          return db
        },
        catch: (cause) => toSqlError(cause, "open")
      }),
      (db) => Effect.sync(() => db.isOpen && db.close())
    )

    const cache = new Map<string, StatementSync>()
    const prepare = (sql: string): StatementSync => {
      const cached = cache.get(sql)
      if (cached !== undefined) {
        cache.delete(sql)
        cache.set(sql, cached)
        return cached
      }
      const statement = db.prepare(sql)
      cache.set(sql, statement)
      if (cache.size > cacheSize) {
        const oldest = cache.keys().next().value
        if (oldest !== undefined) cache.delete(oldest)
      }
      return statement
    }

    /**
     * Runs `attempt`, retrying without blocking while another connection holds the lock. The
     * clock is read only once the database is found busy (the common case, a statement that
     * runs, reads nothing but the statement): the wait is measured from the first busy answer.
     */
    const withBusyRetry = <A>(sql: string, attempt: () => A): Effect.Effect<A, SqlError.SqlError> => {
      const retryable = () => !db.isTransaction || /^\s*(BEGIN|COMMIT)/i.test(sql)
      const retry = (start: number, pause: number, cause: unknown): Effect.Effect<A, SqlError.SqlError> =>
        Effect.flatMap(Clock.currentTimeMillis, (now) =>
          now - start >= busyMillis
            ? Effect.fail(toSqlError(cause, "execute"))
            : Effect.andThen(Effect.sleep(Duration.millis(pause)), run(start, Math.min(pause * 2, 50)))
        )
      const run = (start: number | undefined, pause: number): Effect.Effect<A, SqlError.SqlError> =>
        Effect.suspend(() => {
          try {
            return Effect.succeed(attempt())
          } catch (cause) {
            if (!isBusy(cause) || !retryable()) return Effect.fail(toSqlError(cause, "execute"))
            return start === undefined
              ? Effect.flatMap(Clock.currentTimeMillis, (now) => retry(now, pause, cause))
              : retry(start, pause, cause)
          }
        })
      return run(undefined, 1)
    }

    // whether a statement returns rows, asked of SQLite once per prepared statement
    const returnsRows = new WeakMap<StatementSync, boolean>()
    const rows = (statement: StatementSync, params: ReadonlyArray<unknown>): ReadonlyArray<Record<string, unknown>> => {
      const args = params.map(toParam)
      let returns = returnsRows.get(statement)
      if (returns === undefined) {
        returns = statement.columns().length > 0
        returnsRows.set(statement, returns)
      }
      if (returns) return statement.all(...args) as ReadonlyArray<Record<string, unknown>>
      statement.run(...args)
      return []
    }

    const run = (sql: string, params: ReadonlyArray<unknown>, prepared: boolean) =>
      withBusyRetry(sql, () => rows(prepared ? prepare(sql) : db.prepare(sql), params))

    const connection: SqlConnection.Connection = {
      execute: (sql, params, transformRows) =>
        Effect.map(run(sql, params, true), (r) => (transformRows ? transformRows(r) : r)),
      executeRaw: (sql, params) => run(sql, params, true),
      executeStream: (sql, params, transformRows) =>
        Stream.unwrap(
          Effect.map(run(sql, params, true), (r) => Stream.fromIterable(transformRows ? transformRows(r) : r))
        ),
      executeValues: (sql, params) => Effect.map(run(sql, params, true), (r) => r.map((row) => Object.values(row))),
      executeValuesUnprepared: (sql, params) =>
        Effect.map(run(sql, params, false), (r) => r.map((row) => Object.values(row))),
      executeUnprepared: (sql, params, transformRows) =>
        Effect.map(run(sql, params, false), (r) => (transformRows ? transformRows(r) : r))
    }

    const semaphore = yield* Semaphore.make(1)
    const acquirers = SqlClient.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore,
      isTransaction: () => db.isTransaction
    })
    const client = yield* SqlClient.make({
      ...acquirers,
      compiler: Statement.makeCompilerSqlite(),
      driver: "quartieri-sqlite",
      spanAttributes: [["db.system.name", "sqlite"]],
      beginTransaction: "BEGIN IMMEDIATE",
      savepoint: (name) => `SAVEPOINT ${name}`,
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`,
      rollbackSavepoint: (name) => `ROLLBACK TO SAVEPOINT ${name}`
    })
    return Object.assign(client, { config })
  })

/**
 * A layer providing the SQLite client as `SqliteClient` and as the generic `SqlClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (config: Config): Layer.Layer<SqliteClient | SqlClient.SqlClient, SqlError.SqlError> =>
  Layer.effectContext(
    Effect.map(make(config), (client) =>
      Context.make(SqliteClient, client).pipe(Context.add(SqlClient.SqlClient, client))
    )
  ).pipe(Layer.provide(Reactivity.layer))
