/**
 * `quartieri check <file> [--kind households|persons] [--dialect excel-it|rfc4180]`: reads a
 * registry file as `import` would and reports every problem with its row and column, without
 * touching any store. Exit code 0 when every record decodes, 1 otherwise, 2 when the file cannot
 * be read.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as ExitCode from "../ExitCode.js"
import { Io } from "../Io.js"
import * as Output from "../Output.js"
import * as RecordFiles from "../RecordFiles.js"
import * as Settings from "../Settings.js"
import { count, text } from "../Text.js"

const kindLabel = { households: { it: "nuclei", en: "households" }, persons: { it: "persone", en: "persons" } } as const

/**
 * The `check` command.
 *
 * @since 0.1.0
 * @category constructors
 */
export const command = Command.make(
  "check",
  {
    file: Argument.String("file").pipe(
      Argument.withDescription("File CSV, JSON o NDJSON da verificare / CSV, JSON or NDJSON file to check")
    ),
    kind: Flag.Literals("kind", RecordFiles.kinds).pipe(
      Flag.withDefault("households" as const),
      Flag.withDescription("Tipo di record: households (nuclei) o persons (persone) / record kind")
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
      const parsed = yield* RecordFiles.read(config.file, config.kind, { cwd: io.cwd, dialect: config.dialect })
      const label = kindLabel[config.kind]
      if (parsed.problems.length > 0)
        return yield* ExitCode.fail(
          ExitCode.ExitCode.invalid,
          "invalid-records",
          text(
            `${config.file}: ${parsed.problems.length} problemi in ${count(parsed.count, "it")} record (${label.it}); validi ${count(parsed.records.length, "it")}`,
            `${config.file}: ${parsed.problems.length} problems in ${count(parsed.count, "en")} records (${label.en}); valid ${count(parsed.records.length, "en")}`
          ),
          parsed.problems,
          {
            file: config.file,
            kind: config.kind,
            format: parsed.format,
            records: parsed.count,
            valid: parsed.records.length
          }
        )
      yield* Output.answer(
        settings,
        "check",
        (l) =>
          l === "it"
            ? `✓ ${config.file}: ${count(parsed.count, l)} ${label.it}, ${config.kind === "persons" ? "tutte valide" : "tutti validi"} (${parsed.format})`
            : `✓ ${config.file}: ${count(parsed.count, l)} ${label.en}, all valid (${parsed.format})`,
        () => ({
          file: config.file,
          kind: config.kind,
          format: parsed.format,
          records: parsed.count,
          valid: parsed.records.length,
          problems: []
        })
      )
    })
).pipe(
  Command.withDescription(
    "Verifica un file di nuclei o persone (CSV, JSON, NDJSON) e segnala ogni problema con riga e colonna, senza scrivere nulla. / Checks a households or persons file and reports every problem with its row and column, writing nothing."
  ),
  Command.withShortDescription("verifica un file / check a file")
)
