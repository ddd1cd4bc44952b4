/**
 * quartieri from an Effect program: the application is a set of layers composed once — every
 * use-case over the embedded SQLite store (`App.Quartieri.layerOn`), beside a CSV `Exporter` —
 * and the program asks for the services it needs. A capofila coordinator registers the real
 * IntERPreti di cambiamento project and a laboratorio, a partner operator records a
 * (synthetic) session, the Region runs the involvement report — published, small counts
 * suppressed — and the `Exporter` writes it as CSV. Typed errors are handled by tag.
 *
 *   pnpm --filter @quartieri/example-effect-app start
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { App, Exporter } from "@quartieri/core"
import * as ExportCsv from "@quartieri/export-csv"
import { SqliteStore } from "@quartieri/storage-sqlite"
import { SeedProjects } from "@quartieri/testing"
import { Console, Effect, Layer, Stream } from "effect"

const folder = mkdtempSync(join(tmpdir(), "quartieri-effect-app-"))

// 1. the layers: the use-cases over SQLite, and a CSV exporter in the RFC 4180 dialect
const QuartieriLive = App.Quartieri.layerOn(SqliteStore.layer({ filename: join(folder, "quartieri.db") }))
const ExporterLive = ExportCsv.layer({ dialect: "rfc4180" })
const MainLive = Layer.mergeAll(QuartieriLive, ExporterLive)

// who is asking (your login system decides this)
const project = SeedProjects.interpreti.project
if (project === undefined) throw new Error("the seed gives IntERPreti's project record")
const coordinator = {
  _tag: "CapofilaCoordinator",
  id: "coordinatrice@comune-ripalta.example",
  organisation: "comune-ripalta-cremasca",
  projects: [project.id]
} as const
const operator = {
  _tag: "PartnerOperator",
  id: "operatore@acli-crema.example",
  organisation: "acli-crema",
  projects: [project.id],
  laboratori: ["lab-santa-maria"],
  pathways: []
} as const
const region = { _tag: "RegionOfficer", id: "funzionario@regione.example" } as const

// 2. the program: it needs the use-cases and an exporter, whichever layers provide them
const program = Effect.gen(function* () {
  const quartieri = yield* App.Quartieri.Quartieri
  const exporter = yield* Exporter.Exporter

  const registered = yield* quartieri.registerProject(coordinator, project)
  yield* Console.log(`✓ ${registered.value.title} registered (version ${registered.version})`)

  yield* quartieri.createLaboratorio(coordinator, {
    laboratorio: {
      id: "lab-santa-maria",
      project: project.id,
      site: "crema-santa-maria",
      name: "Laboratorio sociale Santa Maria",
      presidio: { openingHours: [{ weekday: 2, from: "09:00", to: "12:00" }] },
      staff: [{ role: "tutor-di-condominio", organisation: "acli-crema", hoursPerWeek: 12 }]
    },
    activities: [{ id: "sportello", laboratorio: "lab-santa-maria", kind: "sportello-e-ascolto" }]
  })
  // a synthetic session: 3 people who are not registered persons
  yield* quartieri.recordSession(operator, {
    laboratorio: "lab-santa-maria",
    session: { id: "sportello-2019-06-04", activity: "sportello", date: "2019-06-04", durationMinutes: 180 },
    attendance: { named: [], anonymous: 3 }
  })
  yield* Console.log("✓ a session of the sportello recorded by the partner operator")

  // the Region may not read a household: a typed error, handled by its tag
  const refused = yield* quartieri
    .getHousehold(region, { id: "nucleo-001" })
    .pipe(
      Effect.catchTag("NotAuthorized", (e) => Effect.succeed(`✗ the Region may not read a household: ${e.reasonIt}`))
    )
  yield* Console.log(refused)

  // 3. a report, published for the Region, exported through the Exporter service
  const report = yield* quartieri.runReport(region, { report: "involvement", project: project.id })
  const csv = yield* exporter
    .export({ tables: report.tables, profile: "published" })
    .pipe(Stream.decodeText, Stream.mkString)
  yield* Console.log(`✓ the involvement report, ${report.disclosure} (● = suppressed), as ${exporter.format}:\n${csv}`)
})

// 4. provide the layers once and run; the store is closed when the program ends
program
  .pipe(
    Effect.provide(MainLive),
    Effect.ensuring(Effect.sync(() => rmSync(folder, { recursive: true, force: true }))),
    Effect.runPromise
  )
  .catch((error: unknown) => {
    console.error("unexpected error:", error)
    process.exitCode = 1
  })
