/**
 * The reports the portal offers, and their files. A report is run **as the actor**
 * (`runReport`): the project's own people get the tables for internal use, the Region gets
 * them published — personal columns dropped, small counts suppressed (`●`). The files are
 * written by the exporters of quartieri from those same tables, with the matching privacy
 * profile: XLSX (one sheet per table and a "Note" sheet), CSV (one table per file, the
 * Italian Excel dialect) and the self-contained HTML report with its charts.
 *
 * @since 0.1.0
 */
import { type App, Call, type Exporter, type Project, type Reporting } from "@quartieri/core"
import * as ExportCsv from "@quartieri/export-csv"
import { ProjectReport, Report } from "@quartieri/export-html"
import * as ExportXlsx from "@quartieri/export-xlsx"

/**
 * A report of the catalogue: its slug in URLs, the use-case's report, an Italian title and
 * description.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly slug: string
  readonly report: "budget-execution" | "involvement"
  readonly title: string
  readonly description: string
}

/**
 * The reports offered on the reports page.
 *
 * @since 0.1.0
 * @category parameters
 */
export const catalogue: ReadonlyArray<Entry> = [
  {
    slug: "esecuzione-finanziaria",
    report: "budget-execution",
    title: "Esecuzione finanziaria",
    description: "Previsto, rendicontato e verificato per partner e per categoria di spesa; le fonti di finanziamento."
  },
  {
    slug: "coinvolgimento",
    report: "involvement",
    title: "Coinvolgimento nei laboratori",
    description: "Incontri, ore, presenze e persone coinvolte nei laboratori sociali, per tipo di attività."
  }
]

/**
 * The formats a report can be downloaded in, with their media type.
 *
 * @since 0.1.0
 * @category parameters
 */
export const formats = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  html: "text/html; charset=utf-8"
} as const

/**
 * A download format.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = keyof typeof formats

/**
 * The short name of a table, for a sheet or a CSV link.
 *
 * @since 0.1.0
 * @category formatting
 */
export const shortName = (table: Reporting.Table.Table): string =>
  table.id.startsWith("budget-execution.partner")
    ? "Per partner"
    : table.id.startsWith("budget-execution.category")
      ? "Per categoria"
      : table.id.startsWith("budget-execution.sub-project")
        ? "Per sottoprogetto"
        : table.id.startsWith("budget-funding")
          ? "Fonti di finanziamento"
          : table.id.startsWith("involvement")
            ? "Coinvolgimento"
            : table.title.it.slice(0, 31)

/**
 * The tables with each partner's organisation code replaced by its name in the "Descrizione"
 * column (the budget groups partners by their code).
 *
 * @since 0.1.0
 * @category formatting
 */
export const withPartnerNames = (
  tables: ReadonlyArray<Reporting.Table.Table>,
  project: Project.Project
): ReadonlyArray<Reporting.Table.Table> => {
  const names = new Map<string, string>(
    project.partnership.members.map((m) => [m.organisation.id, m.organisation.name])
  )
  return tables.map((t) =>
    t.id.startsWith("budget-execution.partner")
      ? {
          ...t,
          rows: t.rows.map((r) => {
            const name = typeof r.partner === "string" ? names.get(r.partner) : undefined
            return name === undefined ? r : { ...r, label: name }
          })
        }
      : t
  )
}

/**
 * Runs a report of the catalogue for the actor, with partner names.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = async (
  quartieri: App.Facade.Client,
  actor: App.UseCase.ActorInput,
  entry: Entry,
  project: Project.Project
): Promise<App.Reports.Report> => {
  const report = await quartieri.runReport(actor, { report: entry.report, project: project.id })
  return { ...report, tables: withPartnerNames(report.tables, project) }
}

/**
 * The privacy profile of a report's files: `published` for what the Region receives,
 * `internal` for the project's own people (who may see the project's data).
 *
 * @since 0.1.0
 * @category rules
 */
export const profileOf = (report: App.Reports.Report): Exporter.Dataset["profile"] =>
  report.disclosure === "published" ? "published" : "internal"

/**
 * The file of a report in a format: its bytes and its name. `table` chooses the table of a
 * CSV file (one table per file); it defaults to the first.
 *
 * @since 0.1.0
 * @category constructors
 */
export const file = async (
  report: App.Reports.Report,
  entry: Entry,
  project: Project.Project,
  format: Format,
  options: { readonly table?: string; readonly asOf: string }
): Promise<{ readonly bytes: Uint8Array; readonly name: string }> => {
  const dataset: Exporter.Dataset = { tables: report.tables, profile: profileOf(report) }
  const base = `${project.id}-${entry.slug}`
  switch (format) {
    case "xlsx":
      return {
        name: `${base}.xlsx`,
        bytes: await ExportXlsx.toBytes(dataset, {
          sheetNames: Object.fromEntries(report.tables.map((t) => [t.id, shortName(t)]))
        })
      }
    case "csv": {
      const table = report.tables.find((t) => t.id === options.table) ?? report.tables[0]
      const suffix = table === undefined || report.tables.length === 1 ? "" : `-${slug(shortName(table))}`
      return {
        name: `${base}${suffix}.csv`,
        bytes: await ExportCsv.toBytes(dataset, table === undefined ? {} : { table: table.id })
      }
    }
    case "html": {
      const call = Call.all.find((c) => c.id === project.call)
      return {
        name: `${base}.html`,
        bytes: await Report.toBytes(dataset, {
          title: `${project.title} — ${entry.title}`,
          subtitle:
            report.disclosure === "published"
              ? "Dati pubblicati: conteggi piccoli oscurati. Attività e spesa sono dati sintetici di prova."
              : "Per uso interno del partenariato. Attività e spesa sono dati sintetici di prova.",
          ...(call === undefined ? {} : { facts: ProjectReport.facts(project, call) }),
          asOf: options.asOf
        })
      }
    }
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
