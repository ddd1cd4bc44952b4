/**
 * Where the command writes and what it knows of its terminal: standard output and error, whether
 * each is a terminal (progress bars are drawn only then), the working folder and the
 * environment. The default is the Node process; the tests run the whole command in process with
 * a recording `Io` instead, so every command is tested as a user would run it, exit code
 * included.
 *
 * @since 0.1.0
 */
import { Context } from "effect"

/**
 * The process the command runs in, as the command sees it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly stdoutIsTTY: boolean
  readonly stderrIsTTY: boolean
  /** The stream progress bars are drawn on, when both outputs are terminals. */
  readonly progressStream: NodeJS.WritableStream | undefined
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
}

/**
 * The Node process: `process.stdout`, `process.stderr`, `process.cwd()`, `process.env`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const node = (): Service => ({
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  progressStream: process.stdout.isTTY === true && process.stderr.isTTY === true ? process.stderr : undefined,
  cwd: process.cwd(),
  env: process.env
})

/**
 * The `Io` in context: the Node process unless a caller provides another.
 *
 * @since 0.1.0
 * @category services
 */
export const Io = Context.Reference<Service>("@quartieri/cli/Io", { defaultValue: node })

/**
 * A recording `Io` for tests and embedding: everything written is kept, nothing is a terminal.
 *
 * @since 0.1.0
 * @category constructors
 */
export const recording = (
  options: { readonly cwd?: string; readonly env?: Readonly<Record<string, string | undefined>> } = {}
): Service & { readonly out: () => string; readonly err: () => string } => {
  const out: Array<string> = []
  const err: Array<string> = []
  return {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    progressStream: undefined,
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    out: () => out.join(""),
    err: () => err.join("")
  }
}
