/**
 * The flags every command accepts: `--json` (one JSON document on standard output instead of
 * text) and `--lang it|en` (the language of messages and explanations, Italian by default).
 * They are global flags of effect's CLI module, read by the handlers as services.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { Flag, GlobalFlag } from "effect/cli"
import type { Language } from "./Text.js"

/**
 * `--json`: print one machine-readable JSON document on standard output, errors included.
 *
 * @since 0.1.0
 * @category services
 */
export const Json = GlobalFlag.Setting("json")({
  flag: Flag.Boolean("json").pipe(
    Flag.withDefault(false),
    Flag.withDescription(
      "Stampa un documento JSON leggibile da un programma / print one machine-readable JSON document"
    )
  )
})

/**
 * `--lang it|en`: the language of messages and explanations.
 *
 * @since 0.1.0
 * @category services
 */
export const Lang = GlobalFlag.Setting("lang")({
  flag: Flag.Literals("lang", ["it", "en"] as const).pipe(
    Flag.withDefault("it" as const),
    Flag.withDescription("Lingua dei messaggi: it (predefinita) o en / language of the messages: it (default) or en")
  )
})

/**
 * The settings a handler runs with.
 *
 * @since 0.1.0
 * @category models
 */
export interface Settings {
  readonly json: boolean
  readonly language: Language
}

/**
 * Reads `--json` and `--lang`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const read: Effect.Effect<
  Settings,
  never,
  GlobalFlag.Setting.Identifier<"json"> | GlobalFlag.Setting.Identifier<"lang">
> = Effect.gen(function* () {
  return { json: yield* Json, language: yield* Lang }
})

/**
 * The settings as read from raw arguments, before parsing: used to present a usage error (which
 * happens before the flags are parsed) in the language and format asked for.
 *
 * @since 0.1.0
 * @category constructors
 */
export const scan = (args: ReadonlyArray<string>): Settings => {
  let json = false
  let language: Language = "it"
  args.forEach((a, i) => {
    if (a === "--json" || a === "--json=true") json = true
    if (a === "--lang=en" || (a === "--lang" && args[i + 1] === "en")) language = "en"
  })
  return { json, language }
}
