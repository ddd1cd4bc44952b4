/**
 * Workloads 3 and 4, storage, on SQLite (a file, WAL, `synchronous = FULL`) and PostgreSQL:
 *
 * - **import**: N households — each with its members, the `Household` record of the registry —
 *   written by the Store in one transaction (`store.transaction` of `store.put`), from a new
 *   database each time. Baseline: the same encoded rows (`Collection.encode`, done beforehand,
 *   untimed), inserted with one prepared statement in one transaction on the same driver
 *   (`node:sqlite`'s `DatabaseSync`; `@effect/sql-pg`'s `PgConnection`), into a table of the
 *   same shape (id, version, document, index column, index).
 * - **reads**, on the database the import left: point `get` of random ids (each timed alone:
 *   p50 and p99), and streaming the whole collection (`store.query`, read in pages of 256 and
 *   decoded with the Schema). Baseline: the prepared `SELECT` by id and one `SELECT … ORDER BY
 *   id` iterated (SQLite) or streamed (PostgreSQL), each document `JSON.parse`d.
 *
 * Parity: both tables hold the same documents (a SHA-1 over ids and documents, in id order);
 * every get returns the same document; both streams read the same N documents.
 *
 * @since 0.1.0
 */
import { createHash } from "node:crypto"
import { rmSync } from "node:fs"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { PgConnection } from "@effect/sql-pg"
import { Collection, Household, Store } from "@quartieri/core"
import { PostgresStore } from "@quartieri/storage-postgres"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { Effect, Layer, ManagedRuntime, Redacted, Stream } from "effect"
import * as Data from "../Data.js"
import { median, once, pair, quantile, type Side } from "../Harness.js"
import { type Row, row, type Skipped } from "../Report.js"
import type { Mode, Outcome } from "./Mode.js"

/**
 * The households collection of the benchmark: the registry's `Household`, indexed by complesso.
 *
 * @since 0.1.0
 * @category models
 */
export const Households = Collection.make({
  name: "households",
  schema: Household.Household,
  id: "id",
  indexes: { complesso: Collection.string((h: Household.Household) => h.tenancy.complesso) }
})

type Encoded = Collection.EncodedDocument

/** What the baseline of a driver does, on its own table. */
interface Raw {
  readonly reset: () => Promise<void>
  readonly insert: (rows: ReadonlyArray<Encoded>) => Promise<void>
  readonly get: (id: string) => Promise<unknown>
  readonly scan: () => Promise<{ readonly count: number; readonly members: number }>
  readonly digest: () => Promise<string>
  readonly close: () => Promise<void>
}

/** A driver: how to open a fresh Store, and its raw baseline. */
interface Driver {
  readonly name: string
  readonly store: () => Promise<ManagedRuntime.ManagedRuntime<Store.Store, unknown>>
  readonly oursDigest: () => Promise<string>
  readonly raw: Raw
}

const sha1 = () => createHash("sha1")

// ---------------------------------------------------------------------------------------------
// SQLite
// ---------------------------------------------------------------------------------------------

const removeDb = (file: string) => {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true })
}

const sqliteDigest = (file: string, table: string): string => {
  const db = new DatabaseSync(file, { readOnly: true })
  const h = sha1()
  for (const r of db.prepare(`SELECT id, document FROM ${table} ORDER BY id`).iterate())
    h.update(`${String(r.id)}\u0000${String(r.document)}\u0000`)
  db.close()
  return h.digest("hex")
}

const sqlite = (scratch: string): Driver => {
  const oursFile = join(scratch, "ours.db")
  const rawFile = join(scratch, "raw.db")
  const table = "quartieri_households"
  let db: DatabaseSync | undefined
  const open = (): DatabaseSync => {
    if (db === undefined) throw new Error("the raw SQLite database is not open")
    return db
  }
  return {
    name: "SQLite (file, WAL)",
    store: async () => {
      removeDb(oursFile)
      const runtime = ManagedRuntime.make(SqliteStore.layer({ filename: oursFile }))
      await runtime.runPromise(Effect.asVoid(Effect.service(Store.Store)))
      return runtime as ManagedRuntime.ManagedRuntime<Store.Store, unknown>
    },
    oursDigest: async () => sqliteDigest(oursFile, table),
    raw: {
      reset: async () => {
        db?.close()
        removeDb(rawFile)
        db = new DatabaseSync(rawFile, { timeout: 0 })
        db.exec("PRAGMA journal_mode = WAL")
        db.exec("PRAGMA synchronous = FULL")
        db.exec(`CREATE TABLE ${table} (id TEXT PRIMARY KEY, version INTEGER NOT NULL, document TEXT, complesso TEXT)`)
        db.exec(`CREATE INDEX ${table}__complesso ON ${table} (complesso, id)`)
      },
      insert: async (rows) => {
        const d = open()
        const insert = d.prepare(`INSERT INTO ${table} (id, version, document, complesso) VALUES (?, 1, ?, ?)`)
        d.exec("BEGIN IMMEDIATE")
        for (const r of rows) insert.run(r.id, r.json, r.indexes.complesso ?? null)
        d.exec("COMMIT")
      },
      get: async (id) => {
        const r = open()
          .prepare(`SELECT id, version, document FROM ${table} WHERE id = ? AND document IS NOT NULL`)
          .get(id)
        return r === undefined ? undefined : JSON.parse(String(r.document))
      },
      scan: async () => {
        let count = 0
        let members = 0
        for (const r of open()
          .prepare(`SELECT id, version, document FROM ${table} WHERE document IS NOT NULL ORDER BY id`)
          .iterate()) {
          const h = JSON.parse(String(r.document)) as Household.HouseholdEncoded
          count++
          members += h.members.length
        }
        return { count, members }
      },
      digest: async () => sqliteDigest(rawFile, table),
      close: async () => {
        db?.close()
        db = undefined
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

const pgUrl = process.env.QUARTIERI_PG_URL ?? "postgres://quartieri:quartieri@127.0.0.1:5432/quartieri"
const oursPrefix = "qbench_"
const rawTable = "qbenchraw_households"

const connection = () =>
  ManagedRuntime.make(
    Layer.effect(
      PgConnection.PgConnection,
      PgConnection.make({ url: Redacted.make(pgUrl), connectTimeout: "3 seconds", applicationName: "quartieri-bench" })
    )
  )

const withPg = <A>(
  runtime: ManagedRuntime.ManagedRuntime<PgConnection.PgConnection, unknown>,
  f: (c: PgConnection.PgConnection) => Effect.Effect<A, unknown>
): Promise<A> => runtime.runPromise(Effect.flatMap(Effect.service(PgConnection.PgConnection), f))

const dropPrefixed = (c: PgConnection.PgConnection, prefix: string) =>
  Effect.gen(function* () {
    const r = yield* c.query(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, $1)",
      [prefix]
    )
    for (const t of r.rows) yield* c.query(`DROP TABLE IF EXISTS "${String(t.tablename)}" CASCADE`)
    yield* c.query(`DROP FUNCTION IF EXISTS "${prefix}_audit_append_only"() CASCADE`)
  })

const pgDigest = (c: PgConnection.PgConnection, table: string) =>
  Stream.runFold(c.stream(`SELECT id, document::text AS document FROM ${table} ORDER BY id`), sha1, (h, r) =>
    h.update(`${String(r.id)}\u0000${String(r.document)}\u0000`)
  ).pipe(Effect.map((h) => h.digest("hex")))

const postgres = async (): Promise<Driver | string> => {
  const runtime = connection()
  try {
    await withPg(runtime, (c) => c.query("SELECT 1"))
  } catch (e) {
    await runtime.dispose()
    return `PostgreSQL not reachable at ${pgUrl.replace(/:[^:@/]*@/, ":…@")} (${e instanceof Error ? e.message : String(e)}); set QUARTIERI_PG_URL`
  }
  return {
    name: "PostgreSQL",
    store: async () => {
      await withPg(runtime, (c) => dropPrefixed(c, oursPrefix))
      const store = ManagedRuntime.make(PostgresStore.layer({ url: pgUrl, prefix: oursPrefix, maxConnections: 2 }))
      await store.runPromise(Effect.asVoid(Effect.service(Store.Store)))
      return store as ManagedRuntime.ManagedRuntime<Store.Store, unknown>
    },
    oursDigest: () => withPg(runtime, (c) => pgDigest(c, `${oursPrefix}households`)),
    raw: {
      reset: () =>
        withPg(runtime, (c) =>
          Effect.gen(function* () {
            yield* c.query(`DROP TABLE IF EXISTS ${rawTable}`)
            yield* c.query(
              `CREATE TABLE ${rawTable} (id TEXT COLLATE "C" PRIMARY KEY, version INTEGER NOT NULL, document JSONB, complesso TEXT COLLATE "C")`
            )
            yield* c.query(`CREATE INDEX ${rawTable}__complesso ON ${rawTable} (complesso NULLS FIRST, id)`)
          })
        ),
      insert: (rows) =>
        withPg(runtime, (c) =>
          Effect.gen(function* () {
            const sql = `INSERT INTO ${rawTable} (id, version, document, complesso) VALUES ($1, 1, $2::jsonb, $3)`
            yield* c.query("BEGIN")
            for (const r of rows) yield* c.query(sql, [r.id, r.json, r.indexes.complesso ?? null], true)
            yield* c.query("COMMIT")
          })
        ),
      get: (id) =>
        withPg(runtime, (c) =>
          Effect.map(
            c.query(
              `SELECT id, version, document::text AS document FROM ${rawTable} WHERE id = $1 AND document IS NOT NULL`,
              [id],
              true
            ),
            (r) => (r.rows[0] === undefined ? undefined : JSON.parse(String(r.rows[0].document)))
          )
        ),
      scan: () =>
        withPg(runtime, (c) =>
          Stream.runFold(
            c.stream(
              `SELECT id, version, document::text AS document FROM ${rawTable} WHERE document IS NOT NULL ORDER BY id`
            ),
            () => ({ count: 0, members: 0 }),
            (s, r) => {
              const h = JSON.parse(String(r.document)) as Household.HouseholdEncoded
              return { count: s.count + 1, members: s.members + h.members.length }
            }
          )
        ),
      digest: () => withPg(runtime, (c) => pgDigest(c, rawTable)),
      close: async () => {
        await withPg(runtime, (c) =>
          Effect.andThen(dropPrefixed(c, oursPrefix), c.query(`DROP TABLE IF EXISTS ${rawTable}`))
        ).catch(() => undefined)
        await runtime.dispose()
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// the workload
// ---------------------------------------------------------------------------------------------

/** Sorted-keys JSON, to compare a decoded document with a parsed one. */
const canonical = (u: unknown): string =>
  Array.isArray(u)
    ? `[${u.map(canonical).join(",")}]`
    : typeof u === "object" && u !== null
      ? `{${Object.keys(u)
          .filter((k) => (u as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((u as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(u)

const importInto = (
  runtime: ManagedRuntime.ManagedRuntime<Store.Store, unknown>,
  households: ReadonlyArray<Household.Household>
) =>
  runtime.runPromise(
    Effect.gen(function* () {
      const store = yield* Store.Store
      yield* store.transaction(Effect.forEach(households, (h) => store.put(Households, h, 0), { discard: true }))
    })
  )

/** Each get timed alone: the latencies (µs) and what the last ones returned. */
const timedGets = async (ids: ReadonlyArray<string>, get: (id: string) => Promise<unknown>) => {
  const latencies: Array<number> = []
  const values: Array<unknown> = []
  for (const id of ids) {
    const t = performance.now()
    const v = await get(id)
    latencies.push((performance.now() - t) * 1000)
    values.push(v)
  }
  return { latencies, values }
}

const latencySide = (runs: ReadonlyArray<{ ms: number; peak: number; growth: number }>): Side => ({
  runs: runs.map((r) => r.ms),
  median: median(runs.map((r) => r.ms)),
  peakRssMb: Math.max(...runs.map((r) => r.peak)) / 1024 / 1024,
  rssGrowthMb: Math.max(...runs.map((r) => r.growth)) / 1024 / 1024
})

const readRows = async (
  mode: Mode,
  driver: Driver,
  runtime: ManagedRuntime.ManagedRuntime<Store.Store, unknown>,
  households: ReadonlyArray<Household.Household>
): Promise<ReadonlyArray<Row>> => {
  const n = households.length
  const r = Data.prng(77)
  const ids = Array.from(
    { length: mode.quick ? 200 : driver.name === "PostgreSQL" ? 5_000 : 20_000 },
    () => (households[r.int(0, n - 1)] as Household.Household).id
  )
  const reps = mode.quick ? 1 : 3
  const storeGet = (id: string) =>
    runtime.runPromise(
      Effect.flatMap(Effect.service(Store.Store), (store) => Effect.map(store.get(Households, id), (o) => o))
    )
  // point gets: warm up, then alternate whole passes over the ids
  await timedGets(ids.slice(0, 100), storeGet)
  await timedGets(ids.slice(0, 100), driver.raw.get)
  const ours: Array<{
    ms: number
    peak: number
    growth: number
    latencies: ReadonlyArray<number>
    values: ReadonlyArray<unknown>
  }> = []
  const base: Array<{
    ms: number
    peak: number
    growth: number
    latencies: ReadonlyArray<number>
    values: ReadonlyArray<unknown>
  }> = []
  for (let i = 0; i < reps; i++) {
    const o = await once(() => timedGets(ids, storeGet))
    ours.push({ ...o, ...o.value })
    const b = await once(() => timedGets(ids, driver.raw.get))
    base.push({ ...b, ...b.value })
  }
  const oursLat = ours.flatMap((o) => o.latencies)
  const baseLat = base.flatMap((b) => b.latencies)
  const lastOurs = (ours.at(-1)?.values ?? []) as ReadonlyArray<{ _tag: string; value?: { value: unknown } }>
  const lastBase = base.at(-1)?.values ?? []
  const mismatch = lastOurs.findIndex((o, i) =>
    o._tag !== "Some" ? lastBase[i] !== undefined : canonical(o.value?.value) !== canonical(lastBase[i])
  )
  const gets = row({
    workload: "storage reads",
    variant: `${driver.name}, point get`,
    n: ids.length,
    unit: "gets",
    ours: latencySide(ours),
    baseline: latencySide(base),
    parity: {
      ok: mismatch < 0,
      detail: mismatch < 0 ? "every get returned the same document" : `get ${ids[mismatch]} differs`
    },
    extra: {
      oursP50Us: quantile(oursLat, 0.5),
      oursP99Us: quantile(oursLat, 0.99),
      baselineP50Us: quantile(baseLat, 0.5),
      baselineP99Us: quantile(baseLat, 0.99)
    },
    note: `p50 / p99 per get: ours ${quantile(oursLat, 0.5).toFixed(0)} / ${quantile(oursLat, 0.99).toFixed(0)} µs, baseline ${quantile(baseLat, 0.5).toFixed(0)} / ${quantile(baseLat, 0.99).toFixed(0)} µs`
  })
  // the whole collection as a stream
  const streamed = await pair({
    ours: () =>
      runtime.runPromise(
        Effect.flatMap(Effect.service(Store.Store), (store) =>
          Stream.runFold(
            store.query(Households),
            () => ({ count: 0, members: 0 }),
            (s, v) => ({ count: s.count + 1, members: s.members + v.value.members.length })
          )
        )
      ),
    baseline: () => driver.raw.scan(),
    warmup: mode.quick ? 0 : 1,
    reps
  })
  const same =
    streamed.oursResult.count === n &&
    streamed.oursResult.count === streamed.baselineResult.count &&
    streamed.oursResult.members === streamed.baselineResult.members
  const scan = row({
    workload: "storage reads",
    variant: `${driver.name}, stream the collection`,
    n,
    unit: "rows",
    ours: streamed.ours,
    baseline: streamed.baseline,
    parity: {
      ok: same,
      detail: same
        ? `both read ${n} documents, ${streamed.oursResult.members} memberships`
        : `ours ${JSON.stringify(streamed.oursResult)}, baseline ${JSON.stringify(streamed.baselineResult)}`
    }
  })
  return [gets, scan]
}

/**
 * Runs the storage workloads: import at N and 10 N, reads at 10 N, on each driver.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = async (mode: Mode): Promise<Outcome> => {
  const sizes = mode.quick ? [100, 1_000] : [10_000, 100_000]
  const { households: all } = Data.registry(sizes[sizes.length - 1] as number)
  const encodedAll = all.map((h) => Effect.runSync(Collection.encode(Households, h)))
  const rows: Array<Row> = []
  const skipped: Array<Skipped> = []
  const pg = await postgres()
  const drivers: ReadonlyArray<Driver> = [sqlite(mode.scratch), ...(typeof pg === "string" ? [] : [pg])]
  if (typeof pg === "string") {
    skipped.push({ workload: "storage import", variant: "PostgreSQL", reason: pg })
    skipped.push({ workload: "storage reads", variant: "PostgreSQL", reason: pg })
  }
  for (const driver of drivers) {
    for (const [index, n] of sizes.entries()) {
      const households = all.slice(0, n)
      const encoded = encodedAll.slice(0, n)
      const last = index === sizes.length - 1
      let runtime: ManagedRuntime.ManagedRuntime<Store.Store, unknown> | undefined
      const heavy = !mode.quick && last && driver.name === "PostgreSQL"
      const measured = await pair({
        beforeOurs: async () => {
          await runtime?.dispose()
          runtime = await driver.store()
        },
        beforeBaseline: () => driver.raw.reset(),
        ours: () => importInto(runtime as ManagedRuntime.ManagedRuntime<Store.Store, unknown>, households),
        baseline: () => driver.raw.insert(encoded),
        warmup: index === 0 ? 1 : 0,
        reps: mode.quick ? 1 : heavy ? 2 : 3
      })
      const [ours, raw] = [await driver.oursDigest(), await driver.raw.digest()]
      rows.push(
        row({
          workload: "storage import",
          variant: `${driver.name}, one transaction`,
          n,
          unit: "households",
          ours: measured.ours,
          baseline: measured.baseline,
          target: { max: 1.5, what: "≤ 1.5× raw prepared inserts in one transaction" },
          parity: {
            ok: ours === raw,
            detail: ours === raw ? `same ${n} documents (SHA-1 ${ours.slice(0, 12)})` : "the tables differ"
          },
          scalingKey: `storage import/${driver.name}`,
          ...(heavy ? { note: "k = 2 at this size" } : {})
        })
      )
      if (last)
        rows.push(
          ...(await readRows(mode, driver, runtime as ManagedRuntime.ManagedRuntime<Store.Store, unknown>, households))
        )
      await runtime?.dispose()
    }
    await driver.raw.close()
  }
  return { rows, skipped }
}
