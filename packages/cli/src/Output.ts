/**
 * How a command answers: as text for a person (Italian by default, English with `--lang en`),
 * or, with `--json`, as exactly one JSON document on standard output — `{"ok": true, …}` on
 * success, `{"ok": false, "exitCode": n, "error": {…}}` on failure — so a script never has to
 * read prose. Text tables are aligned in columns, numbers to the right.
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import type { CliFailure } from "./ExitCode.js"
import { Io } from "./Io.js"
import type { Settings } from "./Settings.js"
import { type Language, pick } from "./Text.js"

/**
 * Writes the answer of a successful command: `text` for a person, or `json` (with `"ok": true`
 * and the command's name) under `--json`.
 *
 * @since 0.1.0
 * @category utils
 */
export const answer = (
  settings: Settings,
  command: string,
  text: (language: Language) => string,
  json: () => Readonly<Record<string, unknown>>
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const io = yield* Io
    if (settings.json) io.stdout(`${JSON.stringify({ ok: true, command, ...json() }, null, 2)}\n`)
    else io.stdout(ensureNewline(text(settings.language)))
  })

/**
 * A line of progress for a person (on standard error, so standard output stays the answer);
 * nothing under `--json`.
 *
 * @since 0.1.0
 * @category utils
 */
export const note = (settings: Settings, line: (language: Language) => string): Effect.Effect<void> =>
  Effect.gen(function* () {
    if (settings.json) return
    const io = yield* Io
    io.stderr(ensureNewline(line(settings.language)))
  })

/**
 * The JSON form of a failure.
 *
 * @since 0.1.0
 * @category formatting
 */
export const failureJson = (failure: CliFailure, language: Language): Readonly<Record<string, unknown>> => ({
  ok: false,
  exitCode: failure.code,
  error: {
    ...(failure.data === undefined ? {} : failure.data),
    kind: failure.kind,
    message: pick(failure.text, language),
    details: failure.details.map((d) => ({
      ...(d.where === undefined ? {} : { where: pick(d.where, language) }),
      ...(d.row === undefined ? {} : { row: d.row }),
      ...(d.column === undefined ? {} : { column: d.column }),
      message: pick(d.message, language)
    }))
  }
})

/**
 * The text form of a failure: `errore: …` (`error: …`) and one indented line per problem.
 *
 * @since 0.1.0
 * @category formatting
 */
export const failureText = (failure: CliFailure, language: Language, limit = 50): string => {
  const head = `${language === "it" ? "errore" : "error"}: ${pick(failure.text, language)}`
  const shown = failure.details.slice(0, limit).map((d) => {
    const m = pick(d.message, language)
    return `  · ${d.where === undefined ? m : `${pick(d.where, language)}: ${m}`}`
  })
  const rest = failure.details.length - shown.length
  const more =
    rest > 0
      ? [
          language === "it"
            ? `  … e altri ${rest} problemi (--json li elenca tutti)`
            : `  … and ${rest} more problems (--json lists them all)`
        ]
      : []
  return [head, ...shown, ...more].join("\n")
}

/**
 * Writes a failure: the JSON document on standard output under `--json`, otherwise the text
 * on standard error.
 *
 * @since 0.1.0
 * @category utils
 */
export const reportFailure = (settings: Settings, failure: CliFailure): Effect.Effect<void> =>
  Effect.gen(function* () {
    const io = yield* Io
    if (settings.json) io.stdout(`${JSON.stringify(failureJson(failure, settings.language), null, 2)}\n`)
    else io.stderr(`${failureText(failure, settings.language)}\n`)
  })

/**
 * A column of a text table: its heading and whether its cells are right-aligned (numbers).
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  readonly heading: string
  readonly right?: boolean
}

const width = (s: string) => [...s].length

/**
 * An aligned text table with a rule under the heading.
 *
 * @since 0.1.0
 * @category formatting
 */
export const table = (columns: ReadonlyArray<Column>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = columns.map((c, i) => Math.max(width(c.heading), ...rows.map((r) => width(r[i] ?? ""))))
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(cell)))
        return columns[i]?.right === true ? `${pad}${cell}` : `${cell}${pad}`
      })
      .join("  ")
      .trimEnd()
  return [
    line(columns.map((c) => c.heading)),
    widths.map((w) => "─".repeat(w)).join("  "),
    ...rows.map((r) => line(r))
  ].join("\n")
}

const ensureNewline = (s: string) => (s.endsWith("\n") ? s : `${s}\n`)
