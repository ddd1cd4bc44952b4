/**
 * `quartieri demo [--dir quartieri-demo] [--households 240] [--seed 2019]`: the whole library in
 * one command (see `Demo`).
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Command, Flag } from "effect/cli"
import * as Demo from "../Demo.js"
import * as ExitCode from "../ExitCode.js"
import { Io } from "../Io.js"
import * as Output from "../Output.js"
import * as Settings from "../Settings.js"
import { text } from "../Text.js"

/**
 * The smallest and largest number of households the demo accepts.
 *
 * @since 0.1.0
 * @category parameters
 */
export const householdBounds = { min: 8, max: 5000 } as const

/**
 * The `demo` command.
 *
 * @since 0.1.0
 * @category constructors
 */
export const command = Command.make(
  "demo",
  {
    dir: Flag.String("dir").pipe(
      Flag.withDefault(Demo.defaults.dir),
      Flag.withDescription("Cartella della demo (archivio e rapporti) / folder of the demo (store and reports)")
    ),
    households: Flag.Int("households").pipe(
      Flag.withDefault(Demo.defaults.households),
      Flag.withDescription("Nuclei sintetici da generare / synthetic households to generate")
    ),
    seed: Flag.Int("seed").pipe(
      Flag.withDefault(Demo.defaults.seed),
      Flag.withDescription("Seme dei dati sintetici / seed of the synthetic data")
    )
  },
  (config) =>
    Effect.gen(function* () {
      const settings = yield* Settings.read
      const io = yield* Io
      if (config.households < householdBounds.min || config.households > householdBounds.max)
        return yield* ExitCode.fail(
          ExitCode.ExitCode.usage,
          "invalid-flag",
          text(
            `--households deve essere tra ${householdBounds.min} e ${householdBounds.max}, non ${config.households}`,
            `--households must be between ${householdBounds.min} and ${householdBounds.max}, not ${config.households}`
          )
        )
      const summary = yield* Demo.run(config, settings)
      yield* Output.answer(
        settings,
        "demo",
        (l) =>
          Demo.summaryText(
            summary,
            l,
            io.cwd,
            // run through the repository's `pnpm demo`: the same script runs the other commands
            io.env["npm_lifecycle_event"] === "demo" ? "npx -y pnpm@12.21.0 quartieri" : "quartieri"
          ),
        () => Demo.summaryJson(summary, settings.language)
      )
    })
).pipe(
  Command.withDescription(
    "Crea un archivio SQLite con i progetti di esempio e dati sintetici, esegue i casi d'uso e scrive il rapporto in ogni formato. / Creates a SQLite store with the seed projects and synthetic data, runs the use-cases and writes the report in every format."
  ),
  Command.withShortDescription("la demo completa / the whole demo")
)
