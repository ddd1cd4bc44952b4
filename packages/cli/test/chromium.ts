/**
 * Debian's Chromium, as the report tests of `@quartieri/export-html` drive it (the same checks,
 * kept here so the two packages' tests stay independent): under CI=true a missing browser fails
 * the run (`.ci/run` installs it); locally the tests that need it are skipped with the reason
 * printed.
 */
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"

export const onCi = process.env["CI"] === "true"

export const chromiumPath = "/usr/bin/chromium"

export const chromiumInstalled =
  existsSync(chromiumPath) && spawnSync(chromiumPath, ["--version"], { stdio: "ignore" }).status === 0

if (!chromiumInstalled && !onCi)
  console.warn(`skipping the demo's Chromium check: ${chromiumPath} is not installed (Debian package chromium)`)
