/**
 * quartieri from a plain Node script, with the Promise facade — no Effect needed: a capofila
 * coordinator registers a project and a laboratorio, a partner operator registers a household
 * and records its ISEE, the Region asks for the household (refused) and for a report
 * (aggregates only, small counts suppressed), and an auditor reads the audit log. The data
 * lives in an embedded SQLite file in a temporary folder.
 *
 *   pnpm --filter @quartieri/example-quickstart start
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createQuartieri } from "@quartieri/core"
import { SqliteStore } from "@quartieri/storage-sqlite"

const folder = mkdtempSync(join(tmpdir(), "quartieri-quickstart-"))
const file = join(folder, "quartieri.db")
const quartieri = createQuartieri({ store: SqliteStore.layer({ filename: file }) })

// Who is asking: your portal's login decides this. Ids go to the audit log: never a codice fiscale.
const coordinator = {
  _tag: "CapofilaCoordinator",
  id: "coordinatrice@comune-ripalta.example",
  organisation: "comune-ripalta-cremasca",
  projects: ["interpreti"]
} as const
const operator = {
  _tag: "PartnerOperator",
  id: "operatore@acli-crema.example",
  organisation: "acli-crema",
  projects: ["interpreti"],
  laboratori: ["lab-santa-maria"],
  pathways: []
} as const
const region = { _tag: "RegionOfficer", id: "funzionario@regione.example" } as const
const auditor = { _tag: "Auditor", id: "revisore@autorita-audit.example" } as const

const project = {
  id: "interpreti",
  call: "avviso-2017",
  title: "IntERPreti di cambiamento",
  partnership: {
    members: [
      {
        role: "capofila",
        organisation: { id: "comune-ripalta-cremasca", name: "Comune di Ripalta Cremasca", kind: "Comune" }
      },
      { role: "partner", organisation: { id: "aler-bcm", name: "ALER Brescia-Cremona-Mantova", kind: "ALER" } },
      { role: "partner", organisation: { id: "acli-crema", name: "Acli", kind: "Associazione" } },
      {
        role: "partner",
        organisation: {
          id: "coop-koala",
          name: "Cooperativa Koala",
          kind: "CooperativaSociale",
          accreditations: ["servizi-al-lavoro"]
        }
      }
    ]
  },
  subProjects: [
    { id: "interpreti-laboratorio", kind: "laboratorio-sociale", action: "9.4.2" },
    { id: "interpreti-inclusione", kind: "inclusione-attiva", action: "9.1.3" }
  ],
  sites: ["crema-santa-maria"],
  period: { start: "2019-01-01", end: "2020-05-16" },
  targets: [{ indicator: "personalised-pathways", value: 28 }],
  decrees: [{ act: "D.G.R. XI/741/2018" }],
  status: { status: "started", since: "2019-01-01" }
} as const

const say = (line: string) => console.log(line)

const main = async () => {
  say(`quartieri quickstart — SQLite file ${file}\n`)

  await quartieri.registerProject(coordinator, project)
  say("✓ the coordinator registered the project “IntERPreti di cambiamento”")

  await quartieri.createLaboratorio(coordinator, {
    laboratorio: {
      id: "lab-santa-maria",
      project: "interpreti",
      site: "crema-santa-maria",
      name: "Laboratorio sociale Santa Maria",
      presidio: { openingHours: [{ weekday: 2, from: "09:00", to: "12:00" }] },
      staff: [{ role: "tutor-di-condominio", organisation: "acli-crema", hoursPerWeek: 12 }]
    },
    activities: [{ id: "sportello", laboratorio: "lab-santa-maria", kind: "sportello-e-ascolto" }]
  })
  say("✓ the coordinator opened the laboratorio sociale Santa Maria")

  const { household } = await quartieri.registerHousehold(operator, {
    project: "interpreti",
    laboratorio: "lab-santa-maria",
    household: {
      id: "nucleo-001",
      tenancy: { complesso: "crema-santa-maria", unit: "scala B, int. 12", leaseStart: "2015-03-01", sap: true },
      members: [{ person: "persona-001", relation: "intestatario", from: "2015-03-01" }],
      isee: [],
      arrears: []
    },
    persons: [
      {
        id: "persona-001",
        recordedOn: "2019-04-01",
        birthDate: "1975-10-12",
        sex: "F",
        citizenship: { kind: "IT" },
        labourMarket: [],
        specialCategory: {
          disability: "no",
          foreignBackground: "no",
          minority: "no",
          consent: { given: true, date: "2019-04-01", purpose: "monitoraggio FSE" }
        }
      }
    ]
  })
  say(`✓ the operator registered household ${household.id} (version ${household.version})`)

  const updated = await quartieri.updateIsee(operator, {
    household: "nucleo-001",
    expectedVersion: household.version,
    isee: { value: 980_000, dsuDate: "2019-03-15", validUntil: "2019-12-31" }
  })
  say(`✓ the operator recorded an ISEE of € 9.800,00 (household now at version ${updated.version})`)

  // the same update again, from a stale screen: refused, nothing written
  try {
    await quartieri.updateIsee(operator, {
      household: "nucleo-001",
      expectedVersion: household.version,
      isee: { value: 1_000_000, dsuDate: "2019-03-20", validUntil: "2019-12-31" }
    })
  } catch (error) {
    if (error instanceof Error && "_tag" in error && error._tag === "StoreError")
      say(`✗ a second update from a stale screen was refused: ${error.message}`)
    else throw error
  }

  // bad input: every problem at once
  try {
    await quartieri.updateIsee(operator, {
      household: "nucleo-001",
      expectedVersion: 0,
      isee: { value: -5, dsuDate: "2019-02-30", validUntil: "2019-12-31" }
    })
  } catch (error) {
    const problems = (error as { problems?: ReadonlyArray<{ path: string; message: string }> }).problems ?? []
    say(`✗ a malformed request was refused whole (${problems.length} problems):`)
    for (const p of problems) say(`    ${p.path}: ${p.message}`)
  }

  // the Region never sees a family
  try {
    await quartieri.getHousehold(region, { id: "nucleo-001" })
  } catch (error) {
    const e = error as { _tag: string; reasonIt: string }
    say(`✗ the Region asked for the household: ${e._tag} — ${e.reasonIt}`)
  }

  await quartieri.recordSession(operator, {
    laboratorio: "lab-santa-maria",
    session: { id: "sportello-2019-06-04", activity: "sportello", date: "2019-06-04", durationMinutes: 180 },
    attendance: { named: ["persona-001"], anonymous: 3 }
  })
  say("✓ the operator recorded a session of the sportello: one registered person and 3 others")

  const report = await quartieri.runReport(region, { report: "involvement", project: "interpreti" })
  const total = report.tables[0]?.rows.find((row) => row.kind === "_T")
  say(
    `✓ the Region ran the involvement report (${report.disclosure}): ${total?.sessions} session, ` +
      `${total?.hours} hours, persons involved ${total?.persons_involved} (● = fewer than 5, suppressed)`
  )

  const audit = await quartieri.readAuditLog(auditor, {})
  say(`\nThe audit log (${audit.entries.length} entries, chain ${audit.chain.valid ? "verified" : "BROKEN"}):`)
  for (const e of audit.entries)
    say(`  ${e.seq}. ${e.actor} ${e.action} ${e.entity}/${e.id}  ${e.recordHash.slice(0, 12)}…`)
}

main()
  .catch((error: unknown) => {
    console.error("unexpected error:", error)
    process.exitCode = 1
  })
  // close the database, then remove the temporary folder
  .finally(() => quartieri.dispose().then(() => rmSync(folder, { recursive: true, force: true })))
