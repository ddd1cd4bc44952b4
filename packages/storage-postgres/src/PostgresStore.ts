/**
 * The server Store: the SQL Store on PostgreSQL through `@effect/sql-pg` (pure JavaScript,
 * its own wire protocol, a connection pool). Documents are JSONB, ids and string indexes are
 * `TEXT COLLATE "C"` (code-point order, the order every adapter follows), writers of the audit
 * log are serialised by a table lock held to commit, and the audit table refuses UPDATE, DELETE
 * and TRUNCATE by trigger.
 *
 * @since 0.1.0
 */
import { PgClient } from "@effect/sql-pg"
import type { Store, StoreBackend, StoreError } from "@quartieri/core"
import { SqlStore } from "@quartieri/storage-sql"
import { Config, Effect, Layer, Redacted } from "effect"
import type { SqlClient, SqlError } from "effect/sql"

/**
 * Options of the PostgreSQL Store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** `postgres://user:password@host:5432/database` */
  readonly url: string | Redacted.Redacted
  /** Table prefix (default `quartieri_`). */
  readonly prefix?: string
  /** Pool size (default 10). */
  readonly maxConnections?: number
}

/**
 * The largest document accepted: 8 MiB of canonical JSON. PostgreSQL's text form of JSONB
 * adds spaces, and `@effect/sql-pg` reads messages of at most 16 MiB, so this leaves room.
 *
 * @since 0.1.0
 * @category parameters
 */
export const maxDocumentBytes = 8 * 1024 * 1024

/**
 * What the PostgreSQL Store declares.
 *
 * @since 0.1.0
 * @category models
 */
export const capabilities: StoreBackend.Capabilities = {
  durable: true,
  concurrentWriters: true,
  savepoints: true,
  maxDocumentBytes
}

/**
 * The Store on PostgreSQL, with the `PgClient` and `SqlClient` it runs on.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options
): Layer.Layer<Store.Store | PgClient.PgClient | SqlClient.SqlClient, StoreError.StoreError | SqlError.SqlError> =>
  SqlStore.layer({
    capabilities,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix })
  }).pipe(
    Layer.provideMerge(
      PgClient.layer({
        url: typeof options.url === "string" ? Redacted.make(options.url) : options.url,
        maxConnections: options.maxConnections ?? 10,
        applicationName: "quartieri"
      })
    )
  )

/**
 * {@link layer} configured from Effect's `Config`: by default the URL from `QUARTIERI_PG_URL`
 * (redacted) and the prefix from `QUARTIERI_PG_PREFIX` (default `quartieri_`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerConfig = (
  config: { readonly url?: Config.Config<Redacted.Redacted>; readonly prefix?: Config.Config<string> } = {}
): Layer.Layer<
  Store.Store | PgClient.PgClient | SqlClient.SqlClient,
  StoreError.StoreError | SqlError.SqlError | Config.ConfigError
> =>
  Layer.unwrap(
    Effect.gen(function* () {
      const url = yield* config.url ?? Config.Redacted("QUARTIERI_PG_URL")
      const prefix = yield* config.prefix ??
        Config.String("QUARTIERI_PG_PREFIX").pipe(Config.withDefault(SqlStore.defaultPrefix))
      return layer({ url, prefix })
    })
  )
