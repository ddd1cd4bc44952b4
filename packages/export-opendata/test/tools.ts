/**
 * External tools the tests drive (xmllint): whether one is installed, and the rule for when it
 * is not — under CI=true a missing tool fails the run (`.ci/run` installs it from Debian),
 * locally the tests that need it are skipped with the reason printed.
 */
import { spawnSync } from "node:child_process"

export const onCi = process.env["CI"] === "true"

export const installed = (command: string): boolean =>
  spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0

export const xmllintInstalled = installed("xmllint")

if (!xmllintInstalled && !onCi)
  console.warn("skipping the xmllint checks: xmllint is not installed (Debian package libxml2-utils)")

/** Runs `xmllint --noout -` on the bytes: the exit status and what it printed. */
export const xmllint = (
  bytes: Uint8Array,
  ...args: Array<string>
): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync("xmllint", [...args, "-"], { input: bytes, encoding: "buffer" })
  return { status: r.status, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8") }
}
