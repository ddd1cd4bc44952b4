/**
 * `quartieri demo`: the whole library in one command. In a folder (`quartieri-demo` by
 * default) it creates an embedded SQLite store, registers the seed projects with their real
 * partnerships and budgets and a seeded synthetic population in their complessi, evaluates
 * eligibility, moves personalised pathways, records laboratorio sessions and expenditures — all
 * through the application use-cases, as actors (`demo/World`) — then writes the programme report
 * in every format (XLSX, CSV, JSON, HTML, OpenCoesione CSV, IATI XML) under the `published`
 * profile, verifies the audit chain, and prints a summary and the paths of the files.
 *
 * @since 0.1.0
 */
import { mkdirSync, rmSync } from "node:fs"
import { join, relative, resolve } from "node:path"
import { App, Calendar, Store } from "@quartieri/core"
import { Effect, Result } from "effect"
import * as Seeds from "./demo/Seeds.js"
import * as World from "./demo/World.js"
import * as ExitCode from "./ExitCode.js"
import { Io } from "./Io.js"
import * as Output from "./Output.js"
import * as ProgrammeReport from "./ProgrammeReport.js"
import * as Progress from "./Progress.js"
import * as Refusal from "./Refusal.js"
import * as ReportFiles from "./ReportFiles.js"
import type { Settings } from "./Settings.js"
import * as Sites from "./Sites.js"
import * as StoreTarget from "./StoreTarget.js"
import { count, euros, type Language, pick, type Text, text } from "./Text.js"

/**
 * Options of the demo: the folder, the number of synthetic households, the seed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly dir: string
  readonly households: number
  readonly seed: number
}

/**
 * The default number of households (split between the projects) and seed.
 *
 * @since 0.1.0
 * @category parameters
 */
export const defaults = { dir: "quartieri-demo", households: 240, seed: 2019 } as const

/**
 * The report files the demo writes, relative to its folder.
 *
 * @since 0.1.0
 * @category parameters
 */
export const files: ReadonlyArray<readonly [ReportFiles.Format, string]> = [
  ["xlsx", "rapporto/programma.xlsx"],
  ["csv", "rapporto/csv"],
  ["json", "rapporto/programma.json"],
  ["html", "rapporto/programma.html"],
  ["opencoesione", "rapporto/opencoesione"],
  ["iati", "rapporto/iati-activities.xml"]
]

/**
 * What the demo did.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly dir: string
  readonly store: string
  readonly projects: ReadonlyArray<World.ProjectOutcome>
  readonly written: ReadonlyArray<ReportFiles.Written>
  readonly notes: ReadonlyArray<Text>
  readonly problems: ReadonlyArray<string>
  readonly audit: { readonly entries: number; readonly valid: boolean; readonly head: string | undefined }
  readonly seconds: number
}

const asOfReport = Calendar.unsafeMake("2020-06-30")

/**
 * Runs the demo.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = (options: Options, settings: Settings): Effect.Effect<Summary, ExitCode.CliFailure> =>
  Effect.gen(function* () {
    const started = performance.now()
    const io = yield* Io
    const dir = resolve(io.cwd, options.dir)
    const filename = join(dir, "quartieri.db")
    const target: StoreTarget.Target = { _tag: "Sqlite", filename }
    yield* Effect.try({
      try: () => {
        // a fresh store each run: the demo owns these three files, nothing else in the folder
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${filename}${suffix}`, { force: true })
      },
      catch: (e) =>
        ExitCode.fail(
          ExitCode.ExitCode.usage,
          "cannot-write",
          text(
            `impossibile preparare la cartella ${dir}: ${String(e)}`,
            `cannot prepare the folder ${dir}: ${String(e)}`
          )
        )
    })
    yield* Effect.try({
      try: () => {
        mkdirSync(dir, { recursive: true })
      },
      catch: (e) =>
        ExitCode.fail(
          ExitCode.ExitCode.usage,
          "cannot-write",
          text(`impossibile creare la cartella ${dir}: ${String(e)}`, `cannot create the folder ${dir}: ${String(e)}`)
        )
    })
    yield* Output.note(settings, (l) =>
      l === "it"
        ? `quartieri demo — archivio SQLite ${filename}, ${options.households} nuclei sintetici (seme ${options.seed})`
        : `quartieri demo — SQLite store ${filename}, ${options.households} synthetic households (seed ${options.seed})`
    )

    const program = Effect.gen(function* () {
      const q = yield* App.Quartieri.Quartieri
      const store = yield* Store.Store
      const projects = yield* World.build(q, Seeds.plans, options, settings, target)
      const data = yield* ProgrammeReport.load(store).pipe(
        Effect.mapError((e) => StoreTarget.storageFailure(target, e))
      )
      const built = ProgrammeReport.build(data, "published", Sites.complessi)
      if (Result.isFailure(built))
        return yield* ExitCode.fail(
          ExitCode.ExitCode.invalid,
          "report-refused",
          text("il rapporto non può essere costruito", "the report cannot be built"),
          Refusal.details(built.failure)
        )
      const report = built.success
      const written: Array<ReportFiles.Written> = []
      const notes: Array<Text> = []
      yield* Progress.withBar(
        settings,
        (l) => (l === "it" ? "File del rapporto" : "Report files"),
        files.length,
        (bar) =>
          Effect.forEach(files, ([format, path]) =>
            ReportFiles.write(format, report, join(dir, path), {
              profile: "published",
              language: settings.language,
              asOf: asOfReport,
              subtitle:
                settings.language === "it"
                  ? "Progetti, partenariati e budget dalle fonti; nuclei, incontri, percorsi e spese sono dati sintetici della demo"
                  : "Projects, partnerships and budgets from the sources; households, sessions, pathways and expenditures are synthetic demo data"
            }).pipe(
              Effect.tap((o) =>
                Effect.sync(() => {
                  written.push(...o.written)
                  notes.push(...o.notes)
                  bar.advance()
                })
              )
            )
          )
      )
      const auditor = { _tag: "Auditor", id: "revisore@audit.demo" } as const
      const log = yield* q
        .readAuditLog(auditor, { limit: 1 })
        .pipe(Effect.mapError((e) => StoreTarget.storageFailure(target, e)))
      const audit = log.chain.valid
        ? { entries: log.chain.count, valid: true, head: log.chain.head?.hash }
        : { entries: 0, valid: false, head: undefined }
      return { projects, written, notes, problems: report.problems, audit }
    })

    const result = yield* program.pipe(
      Effect.provide(StoreTarget.appLayer(target)),
      Effect.catch((e) =>
        Effect.fail(
          e instanceof ExitCode.CliFailure
            ? e
            : StoreTarget.isStorageError(e)
              ? StoreTarget.storageFailure(target, e)
              : ExitCode.fail(ExitCode.ExitCode.invalid, "demo-failed", Refusal.summary(e), Refusal.details(e))
        )
      )
    )
    return {
      dir,
      store: filename,
      ...result,
      seconds: Math.round((performance.now() - started) / 100) / 10
    }
  })

/**
 * The summary as a person reads it: a table of the projects, the notes on what is synthetic
 * or refused, the files written, the audit chain and the time taken; the next commands to try
 * are shown as `command` (`quartieri`, or the package script that runs it).
 *
 * @since 0.1.0
 * @category formatting
 */
export const summaryText = (s: Summary, language: Language, cwd: string, command = "quartieri"): string => {
  const it = language === "it"
  const rows = s.projects.map((p) => [
    p.title.length > 34 ? `${p.title.slice(0, 33)}…` : p.title,
    p.registered ? (it ? "sì" : "yes") : "no",
    count(p.households, language),
    count(p.persons, language),
    `${p.decisions.eligible}/${p.decisions.ineligible}/${p.decisions.undetermined}`,
    `${p.pathways.referred}/${p.pathways.enrolled}/${p.pathways.completed}`,
    `${p.laboratori}/${count(p.sessions, language)}`,
    p.expenditures.count === 0 ? "–" : euros(p.expenditures.cents, language)
  ])
  const table = Output.table(
    [
      { heading: it ? "progetto" : "project" },
      { heading: it ? "registrato" : "registered" },
      { heading: it ? "nuclei" : "households", right: true },
      { heading: it ? "persone" : "persons", right: true },
      { heading: it ? "idonei/no/non det." : "eligible/no/undet.", right: true },
      { heading: it ? "percorsi segn./avv./concl." : "pathways ref./enr./compl.", right: true },
      { heading: it ? "lab./incontri" : "labs/sessions", right: true },
      { heading: it ? "spese" : "expenditures", right: true }
    ],
    rows
  )
  const notes = s.projects.flatMap((p) =>
    [
      ...p.refusals.map((r) => `${it ? "rifiuto" : "refused"}: ${pick(r, language)}`),
      ...p.notes.map((n) => pick(n, language))
    ].map((line) => `  ${p.title}: ${line}`)
  )
  const show = (path: string) => {
    const rel = relative(cwd, path)
    return rel.startsWith("..") ? path : rel
  }
  const byFormat = new Map<string, Array<ReportFiles.Written>>()
  for (const w of s.written) byFormat.set(w.format, [...(byFormat.get(w.format) ?? []), w])
  const filesLines = [...byFormat].flatMap(([format, ws]) =>
    ws.map(
      (w) => `  ${format.padEnd(13)} ${show(w.path)} (${count(Math.max(1, Math.round(w.bytes / 1024)), language)} kB)`
    )
  )
  return [
    "",
    it ? "Riepilogo" : "Summary",
    table,
    "",
    it
      ? "Note (dati sintetici, letture e rifiuti delle regole):"
      : "Notes (synthetic data, readings and refusals of the rules):",
    ...notes,
    ...s.notes.map((n) => `  ${pick(n, language)}`),
    ...(s.problems.length === 0
      ? []
      : [
          `  ${it ? "record non collocati" : "records not placed"}: ${s.problems.length} (${s.problems.slice(0, 3).join("; ")})`
        ]),
    "",
    it ? "File del rapporto (profilo pubblicato):" : "Report files (published profile):",
    ...filesLines,
    "",
    `${it ? "Registro di audit" : "Audit log"}: ${count(s.audit.entries, language)} ${it ? "voci" : "entries"}, ${
      s.audit.valid ? (it ? "catena verificata" : "chain verified") : it ? "catena INTERROTTA" : "chain BROKEN"
    }${s.audit.head === undefined ? "" : `, ${it ? "testa" : "head"} ${s.audit.head.slice(0, 23)}…`}`,
    `${it ? "Archivio" : "Store"}: ${show(s.store)}`,
    `${it ? "Tempo" : "Time"}: ${it ? String(s.seconds).replace(".", ",") : s.seconds} s`,
    "",
    it ? "Prova anche:" : "Try also:",
    `  ${command} report --store ${show(s.store)} --format html --profile published --out ${it ? "rapporto" : "report"}.html`,
    `  ${command} audit verify --store ${show(s.store)}`,
    `  ${command} eligibility sap-access --as-of 2024-06-30${it ? "" : " --lang en"}`
  ].join("\n")
}

/**
 * The summary as JSON, in the language asked for.
 *
 * @since 0.1.0
 * @category formatting
 */
export const summaryJson = (s: Summary, language: Language): Readonly<Record<string, unknown>> => ({
  dir: s.dir,
  store: s.store,
  projects: s.projects.map((p) => ({
    ...p,
    refusals: p.refusals.map((r) => pick(r, language)),
    notes: p.notes.map((n) => pick(n, language))
  })),
  files: s.written,
  notes: s.notes.map((n) => pick(n, language)),
  problems: s.problems,
  audit: s.audit,
  seconds: s.seconds
})
