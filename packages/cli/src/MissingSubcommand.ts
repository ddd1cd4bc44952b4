/**
 * The handler of a command that only groups subcommands (`quartieri`, `quartieri audit`): run
 * without one, it is a usage error like any other — exit code 2, the message on standard error
 * (a JSON document under `--json`) naming the subcommands to choose from — not the help text on
 * standard output, which a script would take for a result.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as ExitCode from "./ExitCode.js"
import { text } from "./Text.js"

/**
 * Fails with the usage error for `path` run without one of `subcommands`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const missing = (path: string, subcommands: ReadonlyArray<string>): Effect.Effect<never, ExitCode.CliFailure> =>
  Effect.fail(
    ExitCode.fail(
      ExitCode.ExitCode.usage,
      "usage",
      text(`uso non corretto di "${path}" (vedi: ${path} --help)`, `incorrect use of "${path}" (see: ${path} --help)`),
      [
        {
          message: text(
            `manca il comando: uno tra ${subcommands.join(", ")}`,
            `missing command: one of ${subcommands.join(", ")}`
          )
        }
      ]
    )
  )
