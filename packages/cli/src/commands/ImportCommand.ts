/**
 * `quartieri import <file> --store <sqlite file | postgres url> --project P --laboratorio L
 * [--persons file] [--operator id]`: registers the households of a file (and their members'
 * person records, from `--persons`) through the `registerHousehold` use-case, as the capofila's
 * coordinator, **all or nothing**: every file is read and checked first (nothing is opened when a
 * row is wrong), then every household is registered inside one store transaction, and when any
 * of them is refused — an id already registered, a laboratorio of another project — the
 * transaction is rolled back and every refusal is listed.
 *
 * @since 0.1.0
 */
import { userInfo } from "node:os"
import { App, Store } from "@quartieri/core"
import { Data, Effect, Option, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as ExitCode from "../ExitCode.js"
import { Io } from "../Io.js"
import * as Output from "../Output.js"
import * as Progress from "../Progress.js"
import * as RecordFiles from "../RecordFiles.js"
import * as Refusal from "../Refusal.js"
import * as Settings from "../Settings.js"
import * as StoreTarget from "../StoreTarget.js"
import { count, type Text, text } from "../Text.js"

class Refused extends Data.TaggedError("Refused")<{ readonly details: ReadonlyArray<ExitCode.Detail> }> {}

/**
 * The default operator id written to the audit log: `cli:<user>`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const defaultOperator = (): string => {
  try {
    return `cli:${userInfo().username}`
  } catch {
    return "cli"
  }
}

/**
 * The `import` command.
 *
 * @since 0.1.0
 * @category constructors
 */
export const command = Command.make(
  "import",
  {
    file: Argument.String("file").pipe(
      Argument.withDescription("File dei nuclei (CSV, JSON, NDJSON) / households file")
    ),
    store: Flag.String("store").pipe(
      Flag.optional,
      Flag.withDescription(
        "Archivio: file SQLite o URL postgres:// (predefinito: QUARTIERI_STORE o quartieri.db) / store: SQLite file or postgres:// URL"
      )
    ),
    project: Flag.String("project").pipe(Flag.withDescription("Progetto dei nuclei / the households' project")),
    laboratorio: Flag.String("laboratorio").pipe(
      Flag.withDescription("Laboratorio che segue i nuclei / the laboratorio working with them")
    ),
    persons: Flag.String("persons").pipe(
      Flag.optional,
      Flag.withDescription("File delle persone componenti (stesso formato) / file of the members' person records")
    ),
    operator: Flag.String("operator").pipe(
      Flag.optional,
      Flag.withDescription(
        "Identificativo dell'operatore nel registro di audit (predefinito cli:<utente>) / operator id for the audit log"
      )
    ),
    dialect: Flag.Literals("dialect", RecordFiles.dialects).pipe(
      Flag.withDefault("excel-it" as const),
      Flag.withDescription("Dialetto CSV: excel-it (;) o rfc4180 (,) / CSV dialect")
    )
  },
  (config) =>
    Effect.gen(function* () {
      const settings = yield* Settings.read
      const io = yield* Io
      const target = StoreTarget.resolveTarget(Option.getOrUndefined(config.store), io.cwd, io.env)
      const operator = Option.getOrElse(config.operator, defaultOperator)

      // 1. read and check every file: nothing is opened when a row is wrong
      const households = yield* RecordFiles.read(config.file, "households", { cwd: io.cwd, dialect: config.dialect })
      const persons = Option.isSome(config.persons)
        ? yield* RecordFiles.read(config.persons.value, "persons", { cwd: io.cwd, dialect: config.dialect })
        : undefined
      const problems: Array<ExitCode.Detail> = [
        ...households.problems.map((p) => prefixed(config.file, p)),
        ...(persons?.problems ?? []).map((p) => prefixed(persons?.path ?? "", p))
      ]
      const members = new Map<string, string>()
      for (const h of households.records) for (const m of h.members) members.set(m.person, h.id)
      for (const p of persons?.records ?? [])
        if (!members.has(p.id))
          problems.push({
            where: text(`${persons?.path}: persona ${p.id}`, `${persons?.path}: person ${p.id}`),
            message: text(
              `non è componente di alcun nucleo di ${config.file}`,
              `is not a member of any household of ${config.file}`
            )
          })
      if (problems.length > 0)
        return yield* ExitCode.fail(
          ExitCode.ExitCode.invalid,
          "invalid-records",
          text(
            `nessun nucleo importato: ${problems.length} problemi nei file`,
            `no household imported: ${problems.length} problems in the files`
          ),
          problems
        )

      // 2. one transaction: every household or none
      yield* StoreTarget.mustExist(target)
      const byHousehold = new Map<string, Array<NonNullable<typeof persons>["records"][number]>>()
      for (const p of persons?.records ?? []) {
        const h = members.get(p.id) as string
        byHousehold.set(h, [...(byHousehold.get(h) ?? []), p])
      }
      const imported = yield* Effect.gen(function* () {
        const q = yield* App.Quartieri.Quartieri
        const store = yield* Store.Store
        const project = yield* Effect.result(q.getProject({ _tag: "Auditor", id: operator }, { id: config.project }))
        if (Result.isFailure(project))
          return yield* StoreTarget.isStorageError(project.failure)
            ? Effect.fail(StoreTarget.storageFailure(target, project.failure))
            : ExitCode.fail(
                ExitCode.ExitCode.invalid,
                "unknown-project",
                text(
                  `progetto ${config.project} non trovato in ${StoreTarget.describe(target)}`,
                  `project ${config.project} not found in ${StoreTarget.describe(target)}`
                ),
                Refusal.details(project.failure)
              )
        const capofila =
          project.success.value.partnership.members.find((m) => m.role === "capofila")?.organisation.id ?? "capofila"
        const actor = {
          _tag: "CapofilaCoordinator",
          id: operator,
          organisation: capofila,
          projects: [project.success.value.id]
        } as const
        return yield* Progress.withBar(
          settings,
          (l) => (l === "it" ? "Nuclei importati" : "Households imported"),
          households.records.length,
          (bar) =>
            store.transaction(
              Effect.gen(function* () {
                const refusals: Array<ExitCode.Detail> = []
                for (const h of households.records) {
                  const r = yield* Effect.result(
                    q.registerHousehold(actor, {
                      project: config.project,
                      laboratorio: config.laboratorio,
                      household: h,
                      persons: byHousehold.get(h.id) ?? []
                    })
                  )
                  bar.advance()
                  if (Result.isFailure(r)) {
                    const e: unknown = r.failure
                    const tag = Refusal.tagOf(e)
                    // a version conflict is this household's refusal; any other storage error stops the import
                    if (
                      tag === "SqlError" ||
                      (tag === "StoreError" && (e as { reason?: unknown }).reason !== "Conflict")
                    )
                      return yield* Effect.fail(e)
                    for (const line of Refusal.lines(r.failure))
                      refusals.push({ where: text(`nucleo ${h.id}`, `household ${h.id}`), message: line })
                  }
                }
                if (refusals.length > 0) return yield* new Refused({ details: refusals })
                return households.records.length
              })
            )
        )
      }).pipe(
        Effect.provide(StoreTarget.appLayer(target)),
        Effect.catch((e: unknown) =>
          Effect.fail(
            e instanceof ExitCode.CliFailure
              ? e
              : e instanceof Refused
                ? ExitCode.fail(
                    ExitCode.ExitCode.invalid,
                    "import-refused",
                    text(
                      "nessun nucleo importato: l'archivio ha rifiutato alcuni nuclei e l'importazione è stata annullata per intero",
                      "no household imported: the store refused some households and the whole import was rolled back"
                    ),
                    e.details
                  )
                : StoreTarget.isStorageError(e)
                  ? StoreTarget.storageFailure(target, e)
                  : ExitCode.fail(ExitCode.ExitCode.invalid, "import-failed", Refusal.summary(e), Refusal.details(e))
          )
        )
      )
      const personCount = persons?.records.length ?? 0
      yield* Output.answer(
        settings,
        "import",
        (l) =>
          l === "it"
            ? `✓ importati ${count(imported, l)} nuclei e ${count(personCount, l)} persone in ${StoreTarget.describe(target)} (progetto ${config.project}, laboratorio ${config.laboratorio}, operatore ${operator})`
            : `✓ imported ${count(imported, l)} households and ${count(personCount, l)} persons into ${StoreTarget.describe(target)} (project ${config.project}, laboratorio ${config.laboratorio}, operator ${operator})`,
        () => ({
          store: StoreTarget.describe(target),
          project: config.project,
          laboratorio: config.laboratorio,
          operator,
          households: imported,
          persons: personCount
        })
      )
    })
).pipe(
  Command.withDescription(
    "Importa i nuclei (e le persone) da un file CSV o JSON, tutto o niente, attraverso i casi d'uso e con il registro di audit. / Imports households (and persons) from a CSV or JSON file, all or nothing, through the use-cases and with the audit log."
  ),
  Command.withShortDescription("importa nuclei / import households")
)

const prefixed = (file: string, d: ExitCode.Detail): ExitCode.Detail => ({
  ...d,
  where:
    d.where === undefined
      ? text(file, file)
      : ({ it: `${file}, ${d.where.it}`, en: `${file}, ${d.where.en}` } satisfies Text)
})
