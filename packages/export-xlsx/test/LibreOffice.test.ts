/**
 * The workbook as LibreOffice Calc reads it: converted headless to CSV (values as shown, UTF-8)
 * under the Italian locale. LibreOffice comes from Debian (`libreoffice-calc-nogui`, installed
 * by .ci/run): under CI=true a missing LibreOffice fails the test; locally it is skipped with
 * the reason printed.
 */
import { execFileSync, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { parse } from "csv-parse/sync"
import * as ExportXlsx from "../src/index.js"
import { budget } from "./fixtures.js"

const found = spawnSync("libreoffice", ["--version"], { encoding: "utf8" })
const available = found.status === 0
const ci = process.env.CI === "true"
if (!available && !ci)
  console.warn(
    "LibreOffice.test.ts skipped: `libreoffice` is not installed (apt-get install -y --no-install-recommends libreoffice-calc-nogui)"
  )

describe("LibreOffice", () => {
  it.skipIf(!available && !ci)(
    "converts the workbook to CSV with the expected values",
    async () => {
      expect(available, "libreoffice is required under CI=true (Debian libreoffice-calc-nogui)").toBe(true)
      const dir = mkdtempSync(join(tmpdir(), "quartieri-xlsx-"))
      try {
        const file = join(dir, "report.xlsx")
        writeFileSync(file, await ExportXlsx.toBytes({ tables: [budget], profile: "internal" }, { notesSheet: false }))
        execFileSync(
          "libreoffice",
          [
            `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
            "--headless",
            "--convert-to",
            // comma, double quote, UTF-8 (76), from line 1, …, save cell contents as shown
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
            "--outdir",
            dir,
            file
          ],
          { env: { ...process.env, LANG: "it_IT.UTF-8", LC_ALL: "it_IT.UTF-8" }, stdio: "pipe", timeout: 60_000 }
        )
        const rows = parse(readFileSync(join(dir, "report.csv"), "utf8"), { bom: true }) as Array<Array<string>>
        expect(rows).toEqual([
          ["Voce", "Data", "Importo", "Tasso", "Persone", "Ore"],
          ["'=SOMMA(A1:A9)", "01/04/2019", "€ 1.234,56", "12,34%", "12", "1.500"],
          ["Città è", "", "-€ 0,05", "0,00%", "●", ""]
        ])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    90_000
  )
})
