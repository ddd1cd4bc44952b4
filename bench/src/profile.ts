/**
 * Runs one side — ours — of one workload, alone, for a CPU profile: the profile then shows
 * where ours spends its time without the baseline or the data generation mixed in (the data is
 * built first; start the profiler with `--cpu-prof` and read it with `src/topFrames.ts`).
 *
 * Usage (after `node scripts/bundle.mjs src/profile.ts`):
 * `node --cpu-prof --cpu-prof-dir out/profiles out/profile.mjs <what> [N]`, where `<what>` is
 * one of `eligibility-decide`, `eligibility-trace`, `reporting`, `storage-sqlite`,
 * `storage-postgres`, `export-csv`, `export-xlsx`.
 *
 * @since 0.1.0
 */
import { rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Eligibility, Reporting, Store } from "@quartieri/core"
import * as ExportCsv from "@quartieri/export-csv"
import * as ExportXlsx from "@quartieri/export-xlsx"
import { PostgresStore } from "@quartieri/storage-postgres"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { Effect, type Layer, ManagedRuntime, Stream } from "effect"
import { SqlClient } from "effect/sql"
import * as Data from "./Data.js"
import { Households } from "./workloads/Storage.js"

const [what, size] = process.argv.slice(2)
const n = Number(size ?? 100_000)

const drain = (bytes: Stream.Stream<Uint8Array, unknown>) =>
  Effect.runPromise(Stream.runForEach(bytes, () => Effect.void))

const table = (): Reporting.Table.Table => {
  const T = Reporting.Table
  return {
    id: "participants",
    title: { it: "Partecipanti", en: "Participants" },
    columns: [
      T.dimension("id", { it: "Record", en: "Record" }, "code"),
      T.dimension("entry", { it: "Data di ingresso", en: "Entry date" }, "date"),
      T.measure("age", { it: "Età", en: "Age" }, "count"),
      T.dimension("status", { it: "Condizione", en: "Status" }, "text")
    ],
    rows: Data.participants(n).map((p) => ({
      id: p.id,
      entry: p.entryDate ?? null,
      age: p.ageAtEntry ?? null,
      status: p.labourMarketStatus ?? null
    })),
    notes: []
  }
}

const importInto = async (layer: Layer.Layer<Store.Store | SqlClient.SqlClient, unknown>, dropPrefix?: string) => {
  const { households } = Data.registry(n)
  const runtime = ManagedRuntime.make(layer)
  const t = performance.now()
  await runtime.runPromise(
    Effect.gen(function* () {
      const store = yield* Store.Store
      yield* store.transaction(Effect.forEach(households, (h) => store.put(Households, h, 0), { discard: true }))
    })
  )
  console.log(`imported ${n} households in ${(performance.now() - t).toFixed(0)} ms`)
  if (dropPrefix !== undefined)
    await runtime.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const tables = yield* sql<{
          tablename: string
        }>`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, ${dropPrefix})`
        for (const { tablename } of tables) yield* sql`DROP TABLE IF EXISTS ${sql(tablename)} CASCADE`
        yield* sql`DROP FUNCTION IF EXISTS ${sql(`${dropPrefix}_audit_append_only`)}() CASCADE`
      })
    )
  await runtime.dispose()
}

const main = async () => {
  switch (what) {
    case "eligibility-decide":
    case "eligibility-trace": {
      const r = Data.requests(n)
      const t = performance.now()
      const f = what === "eligibility-decide" ? Eligibility.Engine.decide : Eligibility.Engine.evaluate
      for (const x of r.sap) f(Eligibility.SapAccess.ruleSet, x)
      for (const x of r.inclusione) f(Eligibility.InclusioneAttiva.ruleSet, x)
      console.log(`${what}: ${((performance.now() - t) / (2 * n)) * 1000} µs a request`)
      return
    }
    case "reporting": {
      const ps = Data.participants(n)
      const t = performance.now()
      Reporting.Compute.compute(ps, { set: Reporting.EsfPlus2021.set, period: Data.reportingPeriod })
      console.log(`reporting: ${((performance.now() - t) / n) * 1000} µs a participant`)
      return
    }
    case "storage-sqlite": {
      const file = join(tmpdir(), `quartieri-profile-${process.pid}.db`)
      await importInto(SqliteStore.layer({ filename: file }))
      for (const s of ["", "-wal", "-shm"]) rmSync(`${file}${s}`, { force: true })
      return
    }
    case "storage-postgres": {
      const url = process.env.QUARTIERI_PG_URL ?? "postgres://quartieri:quartieri@127.0.0.1:5432/quartieri"
      const prefix = `qprof${process.pid % 1000}_`
      await importInto(PostgresStore.layer({ url, prefix }), prefix)
      return
    }
    case "export-csv":
    case "export-xlsx": {
      const t0 = table()
      const t = performance.now()
      await drain(
        what === "export-csv"
          ? ExportCsv.exportDataset({ tables: [t0], profile: "internal" })
          : ExportXlsx.exportDataset({ tables: [t0], profile: "internal" })
      )
      console.log(`${what}: ${((performance.now() - t) / n) * 1000} µs a row`)
      return
    }
    default:
      console.error(`unknown: ${what}`)
      process.exit(2)
  }
}

await main()
