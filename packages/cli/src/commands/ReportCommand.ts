/**
 * `quartieri report --format xlsx|csv|json|html|iati|opencoesione
 * --profile published|partner|internal [--store …] [--out path] [--project id]`: the programme
 * report of what a store holds (see `ProgrammeReport`), written by the export adapters (see
 * `ReportFiles`).
 *
 * - `published` (the default): disclosure control on, no personal column — for the Region and
 *   the public;
 * - `partner`: exact counts, personal columns pseudonymised with a keyed HMAC; the key (at least
 *   32 bytes) comes from `--key-file` or `QUARTIERI_PSEUDONYM_KEY` (hex), never from the data;
 * - `internal`: exact counts and identifiers, for the people who may see the project's personal
 *   data.
 *
 * Open data (`iati`, `opencoesione`) are published only. The store must exist (exit code 3).
 *
 * @since 0.1.0
 */
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { Calendar, Site, Store } from "@quartieri/core"
import { Effect, Option, Result, Schema } from "effect"
import { Command, Flag } from "effect/cli"
import * as ExitCode from "../ExitCode.js"
import { Io } from "../Io.js"
import * as Output from "../Output.js"
import * as ProgrammeReport from "../ProgrammeReport.js"
import * as Refusal from "../Refusal.js"
import * as ReportFiles from "../ReportFiles.js"
import * as Settings from "../Settings.js"
import * as Sites from "../Sites.js"
import * as StoreTarget from "../StoreTarget.js"
import { count, pick, text } from "../Text.js"

/**
 * The environment variable holding the pseudonymisation key (hex) of the `partner` profile.
 *
 * @since 0.1.0
 * @category parameters
 */
export const keyVariable = "QUARTIERI_PSEUDONYM_KEY"

const usage = (kind: string, it: string, en: string) => ExitCode.fail(ExitCode.ExitCode.usage, kind, text(it, en))

const decodeComplessi = Schema.decodeUnknownResult(Schema.Array(Site.Complesso))

/**
 * The pseudonymisation key: the bytes of `--key-file`, or the hex of `QUARTIERI_PSEUDONYM_KEY`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const readKey = (
  keyFile: string | undefined,
  cwd: string,
  env: Readonly<Record<string, string | undefined>>
): Effect.Effect<Uint8Array, ExitCode.CliFailure> =>
  Effect.gen(function* () {
    let key: Uint8Array | undefined
    if (keyFile !== undefined)
      key = yield* Effect.try({
        try: () => new Uint8Array(readFileSync(resolve(cwd, keyFile))),
        catch: () => usage("file-not-found", `chiave non leggibile: ${keyFile}`, `key file cannot be read: ${keyFile}`)
      })
    else {
      const hex = env[keyVariable]
      if (hex !== undefined && /^([0-9a-fA-F]{2})+$/.test(hex.trim()))
        key = Uint8Array.from(hex.trim().match(/../g) ?? [], (h) => Number.parseInt(h, 16))
    }
    if (key === undefined || key.length < ProgrammeReport.minimumKeyBytes)
      return yield* usage(
        "missing-key",
        `il profilo partner richiede una chiave di almeno ${ProgrammeReport.minimumKeyBytes} byte: --key-file <file> oppure ${keyVariable} (esadecimale)`,
        `the partner profile needs a key of at least ${ProgrammeReport.minimumKeyBytes} bytes: --key-file <file> or ${keyVariable} (hex)`
      )
    return key
  })

/**
 * The `report` command.
 *
 * @since 0.1.0
 * @category constructors
 */
export const command = Command.make(
  "report",
  {
    format: Flag.Literals("format", ReportFiles.formats).pipe(
      Flag.withDescription("Formato: xlsx, csv, json, html, iati, opencoesione / format")
    ),
    profile: Flag.Literals("profile", ["published", "partner", "internal"] as const).pipe(
      Flag.withDefault("published" as const),
      Flag.withDescription(
        "Profilo: published (pubblicato, predefinito), partner (pseudonimi), internal (interno) / privacy profile"
      )
    ),
    store: Flag.String("store").pipe(
      Flag.optional,
      Flag.withDescription(
        "Archivio: file SQLite o URL postgres:// (predefinito: QUARTIERI_STORE o quartieri.db) / store"
      )
    ),
    out: Flag.String("out").pipe(
      Flag.optional,
      Flag.withDescription("File (o cartella per csv e opencoesione) da scrivere / file (or folder) to write")
    ),
    project: Flag.String("project").pipe(
      Flag.optional,
      Flag.withDescription("Solo questo progetto (predefinito: tutti) / only this project")
    ),
    asOf: Flag.String("as-of").pipe(
      Flag.optional,
      Flag.withDescription(
        "Data dei dati mostrata nel rapporto (predefinita: oggi) / date of the data shown in the report"
      )
    ),
    keyFile: Flag.String("key-file").pipe(
      Flag.optional,
      Flag.withDescription(
        "Chiave di pseudonimizzazione per il profilo partner / pseudonymisation key for the partner profile"
      )
    ),
    sites: Flag.String("sites").pipe(
      Flag.optional,
      Flag.withDescription(
        "File JSON di complessi (Site.Complesso) oltre a quelli noti / JSON file of further complessi"
      )
    )
  },
  (config) =>
    Effect.gen(function* () {
      const settings = yield* Settings.read
      const io = yield* Io
      const target = StoreTarget.resolveTarget(Option.getOrUndefined(config.store), io.cwd, io.env)
      if ((config.format === "iati" || config.format === "opencoesione") && config.profile !== "published")
        return yield* usage(
          "invalid-flag",
          `i dati aperti (${config.format}) sono sempre pubblicati: usa --profile published`,
          `open data (${config.format}) are always published: use --profile published`
        )
      const asOf = Option.getOrElse(config.asOf, () => new Date().toISOString().slice(0, 10))
      if (Result.isFailure(Schema.decodeUnknownResult(Calendar.CalendarDate)(asOf)))
        return yield* usage(
          "invalid-flag",
          `--as-of deve essere una data AAAA-MM-GG esistente, non "${asOf}"`,
          `--as-of must be an existing date YYYY-MM-DD, not "${asOf}"`
        )
      const key = ProgrammeReport.needsKey(config.profile)
        ? yield* readKey(Option.getOrUndefined(config.keyFile), io.cwd, io.env)
        : undefined
      let extra: ReadonlyArray<Site.Complesso> = []
      if (Option.isSome(config.sites)) {
        const raw = yield* Effect.try({
          try: () =>
            JSON.parse(readFileSync(resolve(io.cwd, config.sites.pipe(Option.getOrElse(() => ""))), "utf8")) as unknown,
          catch: (e) =>
            usage(
              "file-unreadable",
              `file dei complessi non leggibile: ${e instanceof Error ? e.message : String(e)}`,
              `complessi file cannot be read: ${e instanceof Error ? e.message : String(e)}`
            )
        })
        const decoded = decodeComplessi(raw)
        if (Result.isFailure(decoded))
          return yield* ExitCode.fail(
            ExitCode.ExitCode.invalid,
            "invalid-sites",
            text("il file dei complessi non è valido", "the complessi file is not valid"),
            [{ message: text(decoded.failure.message, decoded.failure.message) }]
          )
        extra = decoded.success
      }
      const out = resolve(
        io.cwd,
        Option.getOrElse(config.out, () => ReportFiles.defaultOut(config.format))
      )
      yield* StoreTarget.mustExist(target)
      const data = yield* Effect.gen(function* () {
        const store = yield* Store.Store
        return yield* ProgrammeReport.load(store, Option.getOrUndefined(config.project))
      }).pipe(
        Effect.provide(StoreTarget.storeLayer(target)),
        Effect.mapError((e) => StoreTarget.storageFailure(target, e as { readonly message: string }))
      )
      if (Option.isSome(config.project) && data.projects.length === 0)
        return yield* ExitCode.fail(
          ExitCode.ExitCode.invalid,
          "unknown-project",
          text(
            `progetto ${config.project.value} non trovato in ${StoreTarget.describe(target)}`,
            `project ${config.project.value} not found in ${StoreTarget.describe(target)}`
          )
        )
      const built = ProgrammeReport.build(data, config.profile, [...Sites.complessi, ...extra])
      if (Result.isFailure(built))
        return yield* ExitCode.fail(
          ExitCode.ExitCode.invalid,
          "report-refused",
          text("il rapporto non può essere costruito", "the report cannot be built"),
          Refusal.details(built.failure)
        )
      const outcome = yield* ReportFiles.write(config.format, built.success, out, {
        profile: config.profile,
        language: settings.language,
        asOf: Calendar.unsafeMake(asOf),
        ...(key === undefined ? {} : { key })
      })
      const report = built.success
      yield* Output.answer(
        settings,
        "report",
        (l) =>
          [
            l === "it"
              ? `✓ rapporto ${config.format} (profilo ${config.profile}): ${count(report.tables.length, l)} tabelle, ${count(report.data.projects.length, l)} progetti`
              : `✓ ${config.format} report (${config.profile} profile): ${count(report.tables.length, l)} tables, ${count(report.data.projects.length, l)} projects`,
            ...outcome.written.map((w) => `  ${w.path} (${count(Math.max(1, Math.round(w.bytes / 1024)), l)} kB)`),
            ...outcome.notes.map((n) => `  ${pick(n, l)}`),
            ...(report.problems.length === 0
              ? []
              : [
                  l === "it"
                    ? `  ${report.problems.length} record non collocati (complesso sconosciuto: usa --sites): ${report.problems.slice(0, 3).join("; ")}`
                    : `  ${report.problems.length} records not placed (unknown complesso: use --sites): ${report.problems.slice(0, 3).join("; ")}`
                ])
          ].join("\n"),
        () => ({
          format: config.format,
          profile: config.profile,
          store: StoreTarget.describe(target),
          projects: report.data.projects.map((p) => p.id),
          tables: report.tables.map((t) => t.id),
          files: outcome.written,
          notes: outcome.notes.map((n) => pick(n, settings.language)),
          problems: report.problems
        })
      )
    })
).pipe(
  Command.withDescription(
    "Scrive il rapporto del programma (o di un progetto) nel formato e con il profilo di riservatezza scelti. / Writes the programme (or project) report in the chosen format and privacy profile."
  ),
  Command.withShortDescription("rapporti / reports")
)
