/**
 * Shared per-package Vitest settings: resolve workspace packages to their sources
 * through the `@quartieri/source` condition, so tests never need a build first.
 */
import { fileURLToPath } from "node:url"
import { defineProject } from "vitest/config"

const setup = fileURLToPath(new URL("./vitest.setup.ts", import.meta.url))
const conditions = ["@quartieri/source", "import", "node", "default"]

export const packageProject = (name: string) =>
  defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: {
      name,
      include: ["test/**/*.test.ts"],
      setupFiles: [setup],
      // Hang guards, not speed assertions: property tests that spawn xmllint or Chromium, or run
      // through a real database, take seconds on a shared 2-core machine. Speed is measured in bench/.
      testTimeout: 60_000,
      hookTimeout: 120_000
    }
  })
