/**
 * Writes the programme report in each format, with the export adapters:
 *
 * | format | adapter | written to |
 * |---|---|---|
 * | `xlsx` | `@quartieri/export-xlsx` (one sheet per table, the participants sheet for `partner` and `internal`, the Note sheet) | a file |
 * | `csv` | `@quartieri/export-csv`, Italian Excel dialect (one file per table) | a folder |
 * | `json` | `@quartieri/export-json` (one document of tables) | a file |
 * | `html` | `@quartieri/export-html` (a self-contained page: the tables it draws a chart for, with their charts) | a file |
 * | `opencoesione` | `@quartieri/export-opendata` (progetti, soggetti, localizzazioni, indicatori) | a folder |
 * | `iati` | `@quartieri/export-opendata` (IATI 2.03 activities) | a file |
 *
 * Open data are public by definition: `opencoesione` and `iati` are written under the
 * `published` profile only. IATI needs the codice fiscale of the reporting organisation (the
 * capofila): a project whose capofila has none is left out of the file and named, never given a
 * made-up identifier.
 *
 * @since 0.1.0
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { type Calendar, Call, type Project, Reporting } from "@quartieri/core"
import * as ExportCsv from "@quartieri/export-csv"
import { Charts, ProjectReport, Report } from "@quartieri/export-html"
import * as ExportJson from "@quartieri/export-json"
import { IatiXml, OpenCoesioneCsv, ProjectRecord } from "@quartieri/export-opendata"
import * as ExportXlsx from "@quartieri/export-xlsx"
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import * as ProgrammeReport from "./ProgrammeReport.js"
import * as Refusal from "./Refusal.js"
import * as Sites from "./Sites.js"
import { type Language, type Text, text } from "./Text.js"

/**
 * The formats of a report.
 *
 * @since 0.1.0
 * @category models
 */
export const formats = ["xlsx", "csv", "json", "html", "iati", "opencoesione"] as const

/**
 * A format of a report.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = (typeof formats)[number]

/**
 * Whether a format writes a folder of files rather than one file.
 *
 * @since 0.1.0
 * @category utils
 */
export const writesFolder = (format: Format): boolean => format === "csv" || format === "opencoesione"

/**
 * The default output of a format: `quartieri-report.<ext>`, or a folder for CSV and OpenCoesione.
 *
 * @since 0.1.0
 * @category utils
 */
export const defaultOut = (format: Format): string =>
  format === "csv"
    ? "quartieri-report-csv"
    : format === "opencoesione"
      ? "opencoesione"
      : format === "iati"
        ? "iati-activities.xml"
        : `quartieri-report.${format}`

/**
 * A file written.
 *
 * @since 0.1.0
 * @category models
 */
export interface Written {
  readonly format: Format
  readonly path: string
  readonly bytes: number
}

/**
 * What is known about the report beyond its tables.
 *
 * @since 0.1.0
 * @category models
 */
export interface Meta {
  readonly profile: ProgrammeReport.Profile
  readonly language: Language
  readonly asOf: Calendar.CalendarDate
  readonly key?: Uint8Array
  readonly title?: string
  readonly subtitle?: string
}

/**
 * What a format left out (a project without a codice fiscale in IATI, say), in both languages.
 *
 * @since 0.1.0
 * @category models
 */
export interface Outcome {
  readonly written: ReadonlyArray<Written>
  readonly notes: ReadonlyArray<Text>
}

const put = (format: Format, path: string, bytes: Uint8Array): Written => {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, bytes)
  return { format, path, bytes: bytes.byteLength }
}

const safeName = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, "-")

const sheetName = (table: Reporting.Table.Table, language: Language): string =>
  (language === "it" ? table.title.it : table.title.en).slice(0, 31)

const records = (report: ProgrammeReport.Report): ReadonlyArray<ProjectRecord.ProjectRecord> =>
  report.data.projects.flatMap((project) => {
    const call = Call.byId(project.call)
    if (call === undefined) return []
    const budget = report.data.budgets.find((b) => b.project === project.id)?.budget
    const claimed = new Set(
      report.data.claims.filter((c) => c.project === project.id).flatMap((c) => c.expenditures as ReadonlyArray<string>)
    )
    const expenditures = report.data.expenditures.filter((e) => e.project === project.id && claimed.has(e.id))
    const locations = Sites.complessiOf(project.sites).map((c) => ({ comune: c.comune }))
    const uniqueLocations = [...new Map(locations.map((l) => [l.comune, l])).values()]
    return [
      {
        project,
        call,
        ...(budget === undefined ? {} : { budget }),
        locations: uniqueLocations,
        indicators: ProjectRecord.indicatorsFromTargets(Reporting.Targets.compare([project], report.results), project),
        transactions: ProjectRecord.transactionsFromExpenditures(expenditures)
      }
    ]
  })

const capofilaCode = (project: Project.Project) =>
  project.partnership.members.find((m) => m.role === "capofila")?.organisation.fiscalCode

const exportFailure = (format: Format) => (e: unknown) =>
  ExitCode.fail(
    ExitCode.ExitCode.invalid,
    "export-refused",
    text(
      `il formato ${format} non può essere scritto: ${Refusal.summary(e).it}`,
      `the ${format} format cannot be written: ${Refusal.summary(e).en}`
    ),
    Refusal.details(e)
  )

const writeFailure = (path: string) => (e: unknown) =>
  ExitCode.fail(
    ExitCode.ExitCode.usage,
    "cannot-write",
    text(
      `impossibile scrivere ${path}: ${e instanceof Error ? e.message : String(e)}`,
      `cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`
    )
  )

const promise = <A>(format: Format, path: string, f: () => Promise<A>) =>
  Effect.tryPromise({ try: f, catch: (e) => e }).pipe(
    Effect.mapError((e) =>
      typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string"
        ? writeFailure(path)(e)
        : exportFailure(format)(e)
    )
  )

/**
 * Writes `report` as `format` to `out` (a file, or a folder for `csv` and `opencoesione`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const write = (
  format: Format,
  report: ProgrammeReport.Report,
  out: string,
  meta: Meta
): Effect.Effect<Outcome, ExitCode.CliFailure> => {
  const dataset = {
    tables: report.tables,
    profile: meta.profile,
    ...(meta.key === undefined ? {} : { key: meta.key })
  }
  const language = meta.language
  switch (format) {
    case "xlsx":
      return promise(format, out, async () => {
        const participants =
          meta.profile === "published"
            ? []
            : [ExportXlsx.ProgrammeWorkbook.participantsTable(ProgrammeReport.participants(report.data), language)]
        const tables = [...report.tables, ...participants]
        const bytes = await ExportXlsx.toBytes(
          { ...dataset, tables },
          { language, sheetNames: Object.fromEntries(tables.map((t) => [t.id, sheetName(t, language)])) }
        )
        return { written: [put(format, out, bytes)], notes: [] }
      })
    case "csv":
      return promise(format, out, async () => {
        const written: Array<Written> = []
        for (const table of report.tables) {
          const bytes = await ExportCsv.toBytes({ ...dataset, tables: [table] }, { dialect: "excel-it", language })
          written.push(put(format, join(out, `${safeName(table.id)}.csv`), bytes))
        }
        return { written, notes: [] }
      })
    case "json":
      return promise(format, out, async () => ({
        written: [put(format, out, await ExportJson.toBytes(dataset, { language }))],
        notes: []
      }))
    case "html":
      return promise(format, out, async () => {
        const first = report.data.projects[0]
        const call = first === undefined ? undefined : Call.byId(first.call)
        const facts =
          report.data.projects.length === 1 && first !== undefined && call !== undefined
            ? ProjectReport.facts(first, call, language)
            : [
                {
                  label: language === "it" ? "Progetti" : "Projects",
                  value: report.data.projects.map((p) => p.title).join(", ") || "–"
                },
                ...(report.period === undefined
                  ? []
                  : [
                      {
                        label: language === "it" ? "Periodo" : "Period",
                        value: `${report.period.start} – ${report.period.end ?? ""}`
                      }
                    ])
              ]
        // the page shows the tables it draws a chart for; every table is in the other formats
        const bytes = await Report.toBytes(
          { ...dataset, tables: report.tables.filter((t) => Charts.chartFor(t) !== undefined) },
          {
            language,
            title:
              meta.title ??
              (report.data.projects.length === 1 && first !== undefined
                ? first.title
                : language === "it"
                  ? "Gestione sociale dei quartieri ERP — rapporto del programma"
                  : "Social management of ERP neighbourhoods — programme report"),
            ...(meta.subtitle === undefined ? {} : { subtitle: meta.subtitle }),
            facts,
            asOf: meta.asOf
          }
        )
        return { written: [put(format, out, bytes)], notes: [] }
      })
    case "opencoesione":
      return promise(format, out, async () => {
        const files = await OpenCoesioneCsv.files(records(report), { updatedOn: meta.asOf })
        return {
          written: Object.entries(files).map(([name, bytes]) => put(format, join(out, name), bytes)),
          notes: []
        }
      })
    case "iati":
      return promise(format, out, async () => {
        const all = records(report)
        const publishable = all.filter((r) => capofilaCode(r.project) !== undefined)
        const notes = all
          .filter((r) => capofilaCode(r.project) === undefined)
          .map((r) =>
            text(
              `IATI: «${r.project.title}» escluso, il codice fiscale del capofila non è noto (l'identificativo IATI non si inventa)`,
              `IATI: "${r.project.title}" left out, the capofila's codice fiscale is not known (an IATI identifier is never made up)`
            )
          )
        const bytes = await IatiXml.toBytes(publishable, { updatedOn: meta.asOf })
        return { written: [put(format, out, bytes)], notes }
      })
  }
}
