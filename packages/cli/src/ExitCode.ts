/**
 * The exit codes of `quartieri`, and the one error every command fails with when it cannot do
 * what was asked. Scripts of the municipal staff branch on these codes:
 *
 * | code | meaning |
 * |---:|---|
 * | 0 | done |
 * | 1 | the data did not pass: rows that do not decode, facts that are not valid, a use-case or rule that refused, a broken audit chain |
 * | 2 | the command was not used as documented: an unknown command or flag, a missing argument, a file that cannot be read |
 * | 3 | the store could not be used: not found, not reachable, a database error |
 *
 * @since 0.1.0
 */
import { Data } from "effect"
import type { Text } from "./Text.js"

/**
 * The documented exit codes.
 *
 * @since 0.1.0
 * @category models
 */
export const ExitCode = {
  ok: 0,
  invalid: 1,
  usage: 2,
  storage: 3
} as const

/**
 * An exit code of `quartieri`.
 *
 * @since 0.1.0
 * @category models
 */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * One problem under a failure: where (a row and column of a file, a path, a record id), and
 * what, in both languages. `row` and `column` are also given as data for `--json`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Detail {
  readonly where?: Text
  readonly row?: number
  readonly column?: string
  readonly message: Text
}

/**
 * Why a command stopped: the exit code, a stable machine-readable `kind`
 * (`file-not-found`, `invalid-rows`, `store-not-found`…), the message in both languages, every
 * problem found, and optional data for the `--json` output.
 *
 * @since 0.1.0
 * @category errors
 */
export class CliFailure extends Data.TaggedError("CliFailure")<{
  readonly code: Exclude<ExitCode, 0>
  readonly kind: string
  readonly text: Text
  readonly details: ReadonlyArray<Detail>
  readonly data?: Readonly<Record<string, unknown>>
}> {}

/**
 * A failure with its code, kind, message and problems.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fail = (
  code: Exclude<ExitCode, 0>,
  kind: string,
  text: Text,
  details: ReadonlyArray<Detail> = [],
  data?: Readonly<Record<string, unknown>>
): CliFailure => new CliFailure({ code, kind, text, details, ...(data === undefined ? {} : { data }) })
