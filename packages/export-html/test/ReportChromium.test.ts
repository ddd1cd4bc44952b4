/**
 * The report in a real browser: Debian's Chromium, driven by playwright-core (no browser
 * download), renders the page to a PNG. The page must load without a console error, a page
 * error or any request other than the file itself, and the screenshot must be a real picture.
 * Set QUARTIERI_REPORT_PNG to keep the screenshot somewhere to look at.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { Reporting } from "@quartieri/core"
import { Result } from "effect"
import { chromium } from "playwright-core"
import { ProjectReport, Report } from "../src/index.js"
import { input } from "./fixtures.js"
import { chromiumInstalled, chromiumPath, onCi } from "./tools.js"

const render = async () => {
  const tables = ProjectReport.tables(input)
  if (Result.isFailure(tables)) throw tables.failure
  return Report.toBytes(
    { tables: tables.success, profile: "published" },
    {
      title: input.project.title,
      subtitle: "Rapporto di progetto — attività, percorsi e spesa sono dati sintetici di prova",
      facts: ProjectReport.facts(input.project, input.call),
      asOf: "2020-05-16"
    }
  )
}

describe("Chromium", () => {
  it("is installed (required under CI=true)", () => {
    if (onCi) expect(chromiumInstalled, `${chromiumPath} (Debian chromium) is required in CI`).toBe(true)
  })

  it.skipIf(!chromiumInstalled)(
    "renders the report to a PNG, with no console error and no request",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "quartieri-report-"))
      const page = join(dir, "report.html")
      const png = process.env["QUARTIERI_REPORT_PNG"] ?? join(dir, "report.png")
      writeFileSync(page, await render())
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync"
        ]
      })
      try {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 2000 } })
        const problems: Array<string> = []
        const requests: Array<string> = []
        tab.on("console", (m) => {
          if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`)
        })
        tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`))
        tab.on("dialog", (dialog) => {
          problems.push(`dialog: ${dialog.message()}`)
          void dialog.dismiss()
        })
        tab.on("request", (r) => {
          if (r.url() !== pathToFileURL(page).href) requests.push(r.url())
        })
        await tab.goto(pathToFileURL(page).href, { waitUntil: "load" })
        // evaluated in the page (a string: the test is compiled without the DOM library)
        const layout = await tab.evaluate(`({
          svgs: document.querySelectorAll("svg").length,
          tables: document.querySelectorAll("table").length,
          lang: document.documentElement.lang,
          overflow: document.documentElement.scrollWidth > window.innerWidth
        })`)
        await tab.screenshot({ path: png, fullPage: true })
        expect(problems).toEqual([])
        expect(requests).toEqual([])
        expect(layout).toEqual({ svgs: 5, tables: 5, lang: "it", overflow: false })
        const bytes = readFileSync(png)
        expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        expect(bytes.readUInt32BE(16)).toBe(1280) // IHDR width
        expect(bytes.readUInt32BE(20)).toBeGreaterThan(2000) // full page: taller than the window
        expect(statSync(png).size).toBeGreaterThan(50_000)
        console.info(`report screenshot: ${png}`)
      } finally {
        await browser.close()
      }
    },
    120_000
  )

  it.skipIf(!chromiumInstalled)(
    "a report full of XSS payloads runs nothing and requests nothing",
    async () => {
      const xss = `<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)> " onmouseover="alert(4) https://evil.example/x.png`
      const table = Reporting.Table.makeUnsafe({
        id: "targets",
        title: { it: xss, en: xss },
        columns: [
          Reporting.Table.dimension("project", { it: xss, en: xss }, "code"),
          Reporting.Table.dimension("indicatorLabel", { it: "Descrizione", en: "Description" }, "text"),
          Reporting.Table.measure("target", { it: "Obiettivo", en: "Target" }),
          Reporting.Table.measure("actual", { it: "Realizzato", en: "Actual" })
        ],
        rows: [{ project: xss, indicatorLabel: xss, target: 10, actual: 3 }],
        notes: [{ it: xss, en: xss }]
      })
      const dir = mkdtempSync(join(tmpdir(), "quartieri-report-"))
      const page = join(dir, "xss.html")
      writeFileSync(
        page,
        await Report.toBytes(
          { tables: [table], profile: "published" },
          { title: xss, facts: [{ label: xss, value: xss }] }
        )
      )
      const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu"] })
      try {
        const tab = await browser.newPage()
        const events: Array<string> = []
        tab.on("dialog", (dialog) => {
          events.push(`dialog: ${dialog.message()}`)
          void dialog.dismiss()
        })
        tab.on("request", (r) => {
          if (r.url() !== pathToFileURL(page).href) events.push(`request: ${r.url()}`)
        })
        tab.on("pageerror", (e) => events.push(`page error: ${e.message}`))
        await tab.goto(pathToFileURL(page).href, { waitUntil: "load" })
        await tab.hover("h1")
        await tab.hover("table")
        expect(events).toEqual([])
        expect(await tab.evaluate("document.querySelectorAll('script, img, iframe').length")).toBe(0)
        expect(await tab.textContent("h1")).toBe(xss)
      } finally {
        await browser.close()
      }
    },
    120_000
  )
})
