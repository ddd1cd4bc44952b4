/**
 * The embedded default Store: the SQL Store on SQLite through Node's built-in `node:sqlite`.
 * A file is durable and may be opened by several processes at once (WAL, write lock taken at
 * `BEGIN IMMEDIATE`, busy waits that do not block the event loop); `":memory:"` is neither.
 *
 * @since 0.1.0
 */
import type { Store, StoreBackend, StoreError } from "@quartieri/core"
import { SqlStore } from "@quartieri/storage-sql"
import { Config, Effect, Layer } from "effect"
import type { SqlClient, SqlError } from "effect/sql"
import * as SqliteClient from "./SqliteClient.js"

/**
 * Options of the SQLite Store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends SqliteClient.Config {
  /** Table prefix (default `quartieri_`). */
  readonly prefix?: string
}

const isMemory = (filename: string) => filename === ":memory:" || filename === ""

/**
 * What the SQLite Store declares: a file is durable and takes concurrent writers; an in-memory
 * database is neither. Both have savepoints. SQLite's own limit on a value (1 GB by default)
 * is far above anything we store, so no document size limit is declared.
 *
 * @since 0.1.0
 * @category models
 */
export const capabilities = (filename: string): StoreBackend.Capabilities => ({
  durable: !isMemory(filename),
  concurrentWriters: !isMemory(filename),
  savepoints: true,
  maxDocumentBytes: null
})

/**
 * The Store on a SQLite file (or `":memory:"`), with its `SqliteClient` and `SqlClient`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<
  Store.Store | SqliteClient.SqliteClient | SqlClient.SqlClient,
  StoreError.StoreError | SqlError.SqlError
> =>
  SqlStore.layer({
    capabilities: capabilities(options.filename),
    ...(options.prefix === undefined ? {} : { prefix: options.prefix })
  }).pipe(Layer.provideMerge(SqliteClient.layer(options)))

/**
 * {@link layer} with the file name read from configuration (`QUARTIERI_SQLITE_FILE` by default).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  filename: Config.Config<string> = Config.String("QUARTIERI_SQLITE_FILE")
): Layer.Layer<
  Store.Store | SqliteClient.SqliteClient | SqlClient.SqlClient,
  StoreError.StoreError | SqlError.SqlError | Config.ConfigError
> =>
  Layer.unwrap(
    Effect.gen(function* () {
      return layer({ filename: yield* filename })
    })
  )
