#!/usr/bin/env node
/**
 * The `quartieri` executable: runs the command on the process arguments and exits with its
 * code (0 ok, 1 data or rule failures, 2 usage, 3 storage).
 *
 * @since 0.1.0
 */
import { run } from "./Cli.js"

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`quartieri: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  }
)
