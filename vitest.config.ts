import { defineConfig } from "vitest/config"
import { projects } from "./vitest.workspace.js"

export default defineConfig({
  test: {
    projects,
    // In CI, a JSON report as well, so .ci/run can print the plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "out/vitest-report.json" }]] : ["default"]
  }
})
