/**
 * The `--store` of a command: a SQLite file (the embedded default) or a PostgreSQL URL
 * (`postgres://…`, `postgresql://…`), turned into the `Store` layer of its adapter. A command
 * that only reads (`report`, `audit verify`, `import`) never creates a store: a SQLite file that
 * does not exist is exit code 3, not a new empty database. Failures of the store — the file
 * cannot be opened, the server cannot be reached, a database error — are exit code 3.
 *
 * @since 0.1.0
 */
import { existsSync } from "node:fs"
import { resolve } from "node:path"
import type { Store } from "@quartieri/core"
import { App } from "@quartieri/core"
import { PostgresStore } from "@quartieri/storage-postgres"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { Effect, type Layer } from "effect"
import * as ExitCode from "./ExitCode.js"
import { text } from "./Text.js"

/**
 * Where the data lives.
 *
 * @since 0.1.0
 * @category models
 */
export type Target =
  | { readonly _tag: "Sqlite"; readonly filename: string }
  | { readonly _tag: "Postgres"; readonly url: string }

/**
 * The environment variable naming the default store, and the default when it is not set.
 *
 * @since 0.1.0
 * @category parameters
 */
export const defaults = { variable: "QUARTIERI_STORE", filename: "quartieri.db" } as const

/**
 * Reads a `--store` value: a `postgres://` or `postgresql://` URL, otherwise a SQLite file path
 * (relative to `cwd`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const parse = (value: string, cwd: string): Target =>
  /^postgres(ql)?:\/\//i.test(value)
    ? { _tag: "Postgres", url: value }
    : { _tag: "Sqlite", filename: resolve(cwd, value) }

/**
 * The target of a command: its `--store`, else `QUARTIERI_STORE`, else `quartieri.db`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolveTarget = (
  flag: string | undefined,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>
): Target => parse(flag ?? env[defaults.variable] ?? defaults.filename, cwd)

/**
 * The target as shown to a person: the file, or the URL without its password.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (target: Target): string =>
  target._tag === "Sqlite" ? target.filename : target.url.replace(/:[^:@/]*@/, ":***@")

/**
 * Fails with exit code 3 when the target must already exist and is a SQLite file that does not.
 *
 * @since 0.1.0
 * @category rules
 */
export const mustExist = (target: Target): Effect.Effect<void, ExitCode.CliFailure> =>
  target._tag === "Sqlite" && !existsSync(target.filename)
    ? Effect.fail(
        ExitCode.fail(
          ExitCode.ExitCode.storage,
          "store-not-found",
          text(
            `archivio non trovato: ${target.filename} (indicalo con --store, oppure creane uno con "quartieri demo")`,
            `store not found: ${target.filename} (name it with --store, or create one with "quartieri demo")`
          )
        )
      )
    : Effect.void

/**
 * The `Store` layer of the target's adapter.
 *
 * @since 0.1.0
 * @category layers
 */
export const storeLayer = (target: Target): Layer.Layer<Store.Store, unknown> =>
  target._tag === "Sqlite"
    ? SqliteStore.layer({ filename: target.filename })
    : PostgresStore.layer({ url: target.url, maxConnections: 2 })

/**
 * Every use-case (`App.Quartieri`) over the target's store, with the store itself.
 *
 * @since 0.1.0
 * @category layers
 */
export const appLayer = (target: Target): Layer.Layer<App.Quartieri.Quartieri | Store.Store, unknown> =>
  App.Quartieri.layerOn(storeLayer(target))

/**
 * Whether an error comes from a store: a `StoreError` of the port or an `SqlError` of an
 * adapter's client.
 *
 * @since 0.1.0
 * @category utils
 */
export const isStorageError = (e: unknown): e is { readonly _tag: string; readonly message: string } =>
  typeof e === "object" && e !== null && "_tag" in e && (e._tag === "StoreError" || e._tag === "SqlError")

/**
 * A storage error as the command's failure (exit code 3), with the adapter's message.
 *
 * @since 0.1.0
 * @category constructors
 */
export const storageFailure = (target: Target, e: { readonly message: string }): ExitCode.CliFailure =>
  ExitCode.fail(
    ExitCode.ExitCode.storage,
    "storage",
    text(
      `l'archivio ${describe(target)} non è utilizzabile: ${e.message}`,
      `the store ${describe(target)} cannot be used: ${e.message}`
    )
  )
