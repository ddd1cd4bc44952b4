/**
 * The main job: `quartieri demo` with its defaults writes every report file — XLSX, CSV, JSON,
 * HTML, OpenCoesione CSV, IATI XML — in well under a minute, and its HTML report, opened in
 * headless Chromium (Debian's, driven by playwright-core), shows its charts: the page loads with
 * no error and no request and renders to a real full-page PNG. Set QUARTIERI_DEMO_PNG to keep the
 * screenshot.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { beforeAll, describe, expect, it } from "@effect/vitest"
import { chromium } from "playwright-core"
import { Demo } from "../src/index.js"
import { chromiumInstalled, chromiumPath, onCi } from "./chromium.js"
import { json, quartieri, tempDir } from "./helpers.js"

let dir: string
let seconds: number

beforeAll(async () => {
  const cwd = tempDir("demo")
  const started = performance.now()
  const run = await quartieri(["demo", "--json"], { cwd })
  seconds = (performance.now() - started) / 1000
  expect(run.code, run.out).toBe(0)
  dir = (json(run) as { dir: string }).dir
  console.info(`quartieri demo (defaults, in process): ${seconds.toFixed(1)} s`)
}, 120_000)

const file = (path: string) => join(dir, path)

describe("demo", () => {
  it("finishes well under a minute", () => {
    expect(seconds).toBeLessThan(60)
  })

  it("writes every report file", () => {
    for (const [, path] of Demo.files) expect(statSync(file(path)).size, path).toBeGreaterThan(0)
    expect(readFileSync(file("rapporto/programma.xlsx")).subarray(0, 2).toString()).toBe("PK")
    const doc = JSON.parse(readFileSync(file("rapporto/programma.json"), "utf8")) as {
      tables: ReadonlyArray<{ id: string; rows: ReadonlyArray<unknown> }>
    }
    expect(doc.tables.map((t) => t.id)).toEqual([
      "budget-execution.projects",
      "targets",
      "pathway-funnel",
      "laboratorio-activity",
      "programme-results.project._T",
      "programme-results.quartiere._T",
      "esf-2014-2020.participants",
      "esf-2014-2020.coverage"
    ])
    const csv = readdirSync(file("rapporto/csv")).sort()
    expect(csv).toContain("targets.csv")
    expect(csv).toHaveLength(doc.tables.length)
    for (const name of csv)
      expect(readFileSync(join(file("rapporto/csv"), name), "utf8").startsWith("\uFEFF")).toBe(true)
    expect(readdirSync(file("rapporto/opencoesione")).sort()).toEqual([
      "indicatori.csv",
      "localizzazioni.csv",
      "progetti.csv",
      "soggetti.csv"
    ])
    const iati = readFileSync(file("rapporto/iati-activities.xml"), "utf8")
    expect(iati).toMatch(/^<\?xml/)
    expect(iati).toContain('<iati-activities version="2.03"')
    expect(iati).toContain("IT-CF-00301970190") // IntERPreti: its capofila's codice fiscale is known
    const html = readFileSync(file("rapporto/programma.html"), "utf8")
    expect(html.match(/<svg/g)?.length ?? 0).toBeGreaterThanOrEqual(5)
    expect(html).toContain("dati sintetici")
  })

  it("Chromium is installed (required under CI=true)", () => {
    if (onCi) expect(chromiumInstalled, `${chromiumPath} (Debian chromium) is required in CI`).toBe(true)
  })

  it.skipIf(!chromiumInstalled)(
    "the HTML report shows its charts in headless Chromium",
    async () => {
      const page = file("rapporto/programma.html")
      const png = process.env["QUARTIERI_DEMO_PNG"] ?? join(tempDir("png"), "programma.png")
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]
      })
      try {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 1600 } })
        const problems: Array<string> = []
        const requests: Array<string> = []
        tab.on("console", (m) => {
          if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`)
        })
        tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`))
        tab.on("request", (r) => {
          if (r.url() !== pathToFileURL(page).href) requests.push(r.url())
        })
        await tab.goto(pathToFileURL(page).href, { waitUntil: "load" })
        // evaluated in the page (a string: the test is compiled without the DOM library)
        const charts = (await tab.evaluate(`[...document.querySelectorAll("figure svg")].map((s) => {
          const r = s.getBoundingClientRect()
          return { width: Math.round(r.width), height: Math.round(r.height), marks: s.querySelectorAll("path, rect, line").length }
        })`)) as ReadonlyArray<{ width: number; height: number; marks: number }>
        await tab.screenshot({ path: png, fullPage: true })
        expect(problems).toEqual([])
        expect(requests).toEqual([])
        expect(charts.length).toBeGreaterThanOrEqual(5)
        for (const c of charts) {
          expect(c.width).toBeGreaterThan(200)
          expect(c.height).toBeGreaterThan(80)
          expect(c.marks).toBeGreaterThan(3)
        }
        const bytes = readFileSync(png)
        expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        // at least the window's width (a wide table's screen-reader text can widen the page: see the report)
        expect(bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(1280)
        expect(bytes.readUInt32BE(20)).toBeGreaterThan(1600)
        expect(statSync(png).size).toBeGreaterThan(50_000)
        console.info(`demo report screenshot: ${png}`)
      } finally {
        await browser.close()
      }
    },
    120_000
  )
})
