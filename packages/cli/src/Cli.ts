/**
 * The `quartieri` command: its subcommands, built with effect's own CLI module
 * (`effect/cli`), and {@link run}, which runs it on arguments and returns the exit code
 * (see `ExitCode`). Usage errors — an unknown command or flag, a missing argument, a bad value —
 * are presented in Italian (or English with `--lang en`, or as JSON with `--json`) with exit
 * code 2; a command that fails says why with its own code.
 *
 * @since 0.1.0
 */
import { NodeFileSystem, NodePath, NodeStdio } from "@effect/platform-node-shared"
import { Cause, Effect, Exit, Layer, Terminal } from "effect"
import { CliError, CliOutput, Command } from "effect/cli"
import { ChildProcessSpawner } from "effect/process"
import * as AuditCommand from "./commands/AuditCommand.js"
import * as CheckCommand from "./commands/CheckCommand.js"
import * as DemoCommand from "./commands/DemoCommand.js"
import * as EligibilityCommand from "./commands/EligibilityCommand.js"
import * as ImportCommand from "./commands/ImportCommand.js"
import * as ReportCommand from "./commands/ReportCommand.js"
import * as ExitCode from "./ExitCode.js"
import * as Io from "./Io.js"
import * as MissingSubcommand from "./MissingSubcommand.js"
import * as Output from "./Output.js"
import * as Refusal from "./Refusal.js"
import * as Settings from "./Settings.js"
import { type Language, text } from "./Text.js"

/**
 * The version printed by `--version`.
 *
 * @since 0.1.0
 * @category parameters
 */
export const version = "0.1.0"

/**
 * The root command with every subcommand and the global flags `--json` and `--lang`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const root = Command.make("quartieri", {}, () =>
  MissingSubcommand.missing("quartieri", ["demo", "import", "check", "eligibility", "report", "audit"])
).pipe(
  Command.withDescription(
    "Gestione sociale dei quartieri ERP in Lombardia: demo, importazione e verifica dei file, idoneità, rapporti, audit. / Social management of ERP neighbourhoods in Lombardy: demo, file import and checks, eligibility, reports, audit."
  ),
  Command.withSubcommands([
    DemoCommand.command,
    ImportCommand.command,
    CheckCommand.command,
    EligibilityCommand.command,
    ReportCommand.command,
    AuditCommand.command
  ]),
  Command.withGlobalFlags([Settings.Json, Settings.Lang])
)

const usageMessage = (e: CliError.CliError, language: Language): string => {
  if (language === "en") return e.message
  switch (e._tag) {
    case "UnrecognizedOption":
      return `opzione sconosciuta: ${e.option}${e.suggestions.length > 0 ? ` (forse ${e.suggestions.join(", ")}?)` : ""}`
    case "MissingOption":
      return `manca l'opzione obbligatoria --${e.option.replace(/^-+/, "")}`
    case "MissingArgument":
      return `manca l'argomento <${e.argument}>`
    case "UnexpectedArgument":
      return `argomenti inattesi: ${e.arguments.join(" ")}`
    case "InvalidValue":
      return `valore non valido per ${e.option}: "${e.value}" (atteso: ${e.expected})`
    case "UnknownSubcommand":
      return `comando sconosciuto: ${e.subcommand}${e.suggestions.length > 0 ? ` (forse ${e.suggestions.join(", ")}?)` : ""}`
    case "DuplicateOption":
      return `opzione ripetuta: ${e.option}`
    default:
      return e.message
  }
}

/** Presents help and usage errors through `Io`, in the language and format asked for. */
const presenter = (settings: Settings.Settings, colors: boolean): CliOutput.Presenter => {
  const formatter = CliOutput.defaultFormatter({ colors })
  return {
    present: (event) =>
      Effect.gen(function* () {
        const io = yield* Io.Io
        switch (event._tag) {
          case "Help":
            io.stdout(`${formatter.formatHelpDoc(event.helpDoc)}\n`)
            return
          case "Version":
            io.stdout(`${event.name} ${event.version}\n`)
            return
          case "InvalidInvocation": {
            const path = event.commandPath.join(" ")
            const failure = ExitCode.fail(
              ExitCode.ExitCode.usage,
              "usage",
              text(
                `uso non corretto di "${path}" (vedi: ${path} --help)`,
                `incorrect use of "${path}" (see: ${path} --help)`
              ),
              event.errors.map((e) => ({ message: text(usageMessage(e, "it"), usageMessage(e, "en")) }))
            )
            yield* Output.reportFailure(settings, failure)
          }
        }
      })
  }
}

const terminal = (io: Io.Service) =>
  Layer.succeed(
    Terminal.Terminal,
    Terminal.make({
      columns: Effect.sync(() => (io.stdoutIsTTY ? (process.stdout.columns ?? 100) : 100)),
      rows: Effect.succeed(24),
      size: Effect.die("quartieri does not follow the terminal size"),
      readInput: Effect.die("quartieri does not read the terminal"),
      readLine: Effect.die("quartieri does not read the terminal"),
      display: (text) => Effect.sync(() => io.stdout(text))
    })
  )

/** The platform services effect's CLI module needs, without a terminal reader or a process spawner. */
const environment = (io: Io.Service) =>
  Layer.mergeAll(
    NodeFileSystem.layer,
    NodePath.layer,
    NodeStdio.layer,
    terminal(io),
    Layer.succeed(
      ChildProcessSpawner.ChildProcessSpawner,
      ChildProcessSpawner.make(() => Effect.die("quartieri starts no process"))
    )
  )

const failureOf = (e: unknown): ExitCode.CliFailure | undefined => {
  if (e instanceof ExitCode.CliFailure) return e
  if (CliError.isCliError(e)) return undefined // presented already
  return ExitCode.fail(
    Refusal.tagOf(e) === "StoreError" || Refusal.tagOf(e) === "SqlError"
      ? ExitCode.ExitCode.storage
      : ExitCode.ExitCode.invalid,
    "unexpected",
    text(`errore inatteso: ${Refusal.summary(e).it}`, `unexpected error: ${Refusal.summary(e).en}`),
    Refusal.details(e)
  )
}

/**
 * Runs `quartieri` on `args` (without the program name) and returns the exit code. `io` is
 * where it writes (the Node process by default).
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = async (args: ReadonlyArray<string>, io: Io.Service = Io.node()): Promise<ExitCode.ExitCode> => {
  const settings = Settings.scan(args)
  const program = Command.runWith(root, { version })(args).pipe(
    Effect.provide(environment(io)),
    Effect.provide(CliOutput.layerPresenter(presenter(settings, false))),
    Effect.provideService(Io.Io, io)
  )
  const exit = await Effect.runPromiseExit(program)
  if (Exit.isSuccess(exit)) return ExitCode.ExitCode.ok
  const error = Cause.squash(exit.cause)
  if (CliError.isCliError(error)) return ExitCode.ExitCode.usage
  const failure = failureOf(error) as ExitCode.CliFailure
  await Effect.runPromise(Output.reportFailure(settings, failure).pipe(Effect.provideService(Io.Io, io)))
  return failure.code
}
