/**
 * Starts the portal: an embedded SQLite store in a fresh temporary folder, the Promise facade
 * over it (`createQuartieri`), the seed, and the Hono application served by Node's HTTP
 * server on 127.0.0.1. `close()` stops the server, closes the store and removes the folder.
 *
 * ```ts
 * const portal = await start({ port: 8787 })
 * console.log(portal.url) // http://127.0.0.1:8787
 * await portal.close()
 * ```
 *
 * @since 0.1.0
 */
import { mkdtempSync, rmSync } from "node:fs"
import type { Server } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { serve } from "@hono/node-server"
import { createQuartieri } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"
import * as App from "./App.js"
import { directory, seed } from "./Seed.js"

/**
 * Options of {@link start}: the port (0 for any free port) and host, and the date the portal
 * takes as today — by default a day inside the IntERPreti project (2019-2020), so that the
 * synthetic records are current; a real portal uses the real date.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly port?: number
  readonly hostname?: string
  readonly today?: string
}

/**
 * A running portal: its address, the SQLite file, and how to stop it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Running {
  readonly url: string
  readonly database: string
  readonly close: () => Promise<void>
}

/**
 * The date the portal takes as today unless told otherwise.
 *
 * @since 0.1.0
 * @category parameters
 */
export const defaultToday = "2019-09-16"

/**
 * Creates the store, seeds it and starts serving.
 *
 * @since 0.1.0
 * @category constructors
 */
export const start = async (options: Options = {}): Promise<Running> => {
  const folder = mkdtempSync(join(tmpdir(), "quartieri-portal-"))
  const database = join(folder, "quartieri.db")
  const quartieri = createQuartieri({ store: SqliteStore.layer({ filename: database }) })
  const cleanUp = async () => {
    await quartieri.dispose()
    rmSync(folder, { recursive: true, force: true })
  }
  try {
    await seed(quartieri)
  } catch (error) {
    await cleanUp()
    throw error
  }
  const app = App.make({ quartieri, directory, today: options.today ?? defaultToday })
  const hostname = options.hostname ?? "127.0.0.1"
  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname }, (info) =>
      resolve({ server: s as Server, port: info.port })
    )
    s.once("error", reject)
  }).catch(async (error: unknown) => {
    await cleanUp()
    throw error
  })
  return {
    url: `http://${hostname}:${port}`,
    database,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await cleanUp()
    }
  }
}
