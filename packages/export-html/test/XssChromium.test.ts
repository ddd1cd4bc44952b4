/**
 * The HTML report's escaping, checked where it matters — in a browser — with the page's
 * Content-Security-Policy **bypassed** (playwright's `bypassCSP`), so that escaping alone is
 * tested and the CSP stays a second, independent line. Random reports (fast-check, `Fuzz.runs(10)`
 * pages; 1,000 in soak mode) put XSS payloads in every text the report shows — title, subtitle,
 * kicker, facts, table titles, column labels, text and code cells, notes and source — including
 * the targets table, whose labels are drawn into the SVG chart. Every payload would call
 * `alert()` or make a request if it ran. In Debian's Chromium: no dialog, no request, no page
 * error; no element the report does not write itself (script, iframe, img, object, embed,
 * foreign style), no event-handler attribute, no `javascript:` URL and no URL of the payloads'
 * in a URL-bearing attribute anywhere in the DOM (inside an `aria-label` it is text); and every
 * payload is shown as text. Extends ReportChromium.test.ts (one fixed payload, CSP on).
 */
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { Reporting } from "@quartieri/core"
import { Fuzz, HostileText } from "@quartieri/testing"
import fc from "fast-check"
import { chromium } from "playwright-core"
import { Report } from "../src/index.js"
import { chromiumInstalled, chromiumPath } from "./tools.js"

const T = Reporting.Table

// payloads that act if they run: a dialog, or a request to a host that does not exist
const active = [
  ...HostileText.xss,
  "<img src=https://xss.invalid/a.png>",
  "<link rel=stylesheet href=https://xss.invalid/s.css>",
  "<base href=https://xss.invalid/>",
  "<meta http-equiv=refresh content=0;url=https://xss.invalid/>",
  "<body onload=alert(9)>",
  "<details open ontoggle=alert(10)>",
  "<svg><script>alert(11)</script></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>",
  '"><script>alert(13)</script>',
  "'><svg/onload=alert(14)>",
  "</title><script>alert(15)</script>",
  "</style><script>alert(16)</script>",
  "<textarea><script>alert(17)</script>",
  '<noscript><p title="</noscript><img src=x onerror=alert(18)>">'
]
const payload = fc
  .array(fc.oneof(fc.constantFrom(...active), fc.string({ unit: "grapheme", maxLength: 6 })), {
    minLength: 1,
    maxLength: 3
  })
  .map((parts) => parts.join(""))
  .filter((s) => s.trim() !== "" && HostileText.isStorable(s))

const report = fc.record({
  title: payload,
  subtitle: payload,
  kicker: payload,
  factLabel: payload,
  factValue: payload,
  tableTitle: payload,
  label: payload,
  project: payload,
  indicator: payload,
  note: payload,
  source: payload
})
type Texts = typeof report extends fc.Arbitrary<infer A> ? A : never

const render = (x: Texts) => {
  const targets = T.makeUnsafe({
    id: "targets",
    title: { it: x.tableTitle, en: x.tableTitle },
    columns: [
      T.dimension("project", { it: x.label, en: x.label }, "code"),
      T.dimension("indicatorLabel", { it: x.label, en: x.label }, "text"),
      T.measure("target", { it: "Obiettivo", en: "Target" }),
      T.measure("actual", { it: "Realizzato", en: "Actual" })
    ],
    rows: [
      { project: x.project, indicatorLabel: x.indicator, target: 10, actual: 3 },
      { project: `${x.project}2`, indicatorLabel: x.title, target: 8, actual: 8 }
    ],
    notes: [{ it: x.note, en: x.note }],
    source: { act: x.source, article: x.note, confidence: "unverified" }
  })
  const other = T.makeUnsafe({
    id: "other",
    title: { it: x.subtitle, en: x.subtitle },
    columns: [
      T.dimension("name", { it: x.factLabel, en: x.factLabel }),
      T.measure("n", { it: x.kicker, en: x.kicker })
    ],
    rows: [{ name: x.factValue, n: 12 }],
    notes: [{ it: x.note, en: x.note }]
  })
  return Report.toBytes(
    { tables: [targets, other], profile: "published" },
    { title: x.title, subtitle: x.subtitle, kicker: x.kicker, facts: [{ label: x.factLabel, value: x.factValue }] }
  )
}

// what the page holds besides text: every element name, every attribute that could act
const inspect = `(() => {
  const elements = [...document.querySelectorAll("*")]
  return {
    tags: [...new Set(elements.map((e) => e.tagName.toLowerCase()))].sort(),
    handlers: elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => e.tagName + " " + a.name)),
    urls: elements.flatMap((e) => [...e.attributes].filter((a) => /^\\s*(javascript|data|vbscript):/i.test(a.value) || (/^(href|xlink:href|src|srcset|action|formaction|data|poster|background|style|content)$/i.test(a.name) && /xss\\.invalid|url\\(/i.test(a.value))).map((a) => e.tagName + " " + a.name + "=" + a.value)),
    styles: document.querySelectorAll("style").length,
    text: document.documentElement.textContent
  }
})()`

const allowedTags = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "header",
  "main",
  "footer",
  "section",
  "div",
  "p",
  "span",
  "h1",
  "h2",
  "h3",
  "dl",
  "dt",
  "dd",
  "ul",
  "li",
  "figure",
  "figcaption",
  "table",
  "caption",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "small",
  "strong",
  "abbr",
  "svg",
  "g",
  "path",
  "rect",
  "text",
  "line",
  "title",
  "desc",
  "defs",
  "clippath",
  "tspan",
  "circle",
  "symbol",
  "use",
  "aside",
  "nav",
  "em",
  "br",
  "b",
  "i",
  "sup",
  "sub",
  "article",
  "time",
  "data",
  "tfoot",
  "col",
  "colgroup",
  "polygon",
  "polyline",
  "ellipse",
  "mark",
  "code",
  "q",
  "cite",
  "hr",
  "ol",
  "s",
  "u",
  "lineargradient",
  "stop"
])

/** Loads `html` in a tab and returns every sign that something ran or was injected. */
const visit = async (
  context: import("playwright-core").BrowserContext,
  file: string,
  html: string | Uint8Array,
  texts: Record<string, string>,
  n: number
): Promise<ReadonlyArray<string>> => {
  const problems: Array<string> = []
  writeFileSync(file, html)
  const url = pathToFileURL(file).href
  const tab = await context.newPage()
  tab.on("dialog", (d) => {
    problems.push(`${n}: dialog ${d.message()}`)
    void d.dismiss()
  })
  tab.on("request", (r) => {
    if (r.url() !== url) problems.push(`${n}: request ${r.url()}`)
  })
  tab.on("pageerror", (e) => problems.push(`${n}: page error ${e.message}`))
  await tab.goto(url, { waitUntil: "load" })
  await tab.hover("h1")
  await tab.hover("table")
  await tab.waitForTimeout(50)
  const found = (await tab.evaluate(inspect)) as {
    tags: ReadonlyArray<string>
    handlers: ReadonlyArray<string>
    urls: ReadonlyArray<string>
    styles: number
    text: string
  }
  for (const tag of found.tags) if (!allowedTags.has(tag)) problems.push(`${n}: element <${tag}>`)
  for (const h of found.handlers) problems.push(`${n}: handler ${h}`)
  for (const u of found.urls) problems.push(`${n}: url ${u}`)
  if (found.styles !== 1) problems.push(`${n}: ${found.styles} style elements`)
  // the text as shown: HTML collapses runs of white space
  const shown = (t: string) => t.replace(/\s+/g, " ").trim()
  for (const [key, value] of Object.entries(texts))
    if (!shown(found.text).includes(shown(value)))
      problems.push(`${n}: ${key} not shown as text: ${JSON.stringify(value)}`)
  await tab.close()
  return problems
}

describe("XSS in Chromium, with the CSP bypassed", () => {
  it.skipIf(!chromiumInstalled)(
    "random payloads in every text of the report run nothing, request nothing, and show as text",
    async () => {
      const samples = fc.sample(report, { numRuns: Fuzz.runs(10), seed: 20250101 })
      const dir = mkdtempSync(join(tmpdir(), "quartieri-xss-"))
      const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu"] })
      const problems: Array<string> = []
      let payloads = 0
      try {
        const context = await browser.newContext({ bypassCSP: true })
        // the checks catch a payload that is not escaped
        const raw = `<html><head><style></style></head><body><h1>x</h1><table><tr><td>t</td></tr></table>${active[1]}</body></html>`
        const caught = await visit(context, join(dir, "raw.html"), raw, {}, -1)
        expect(caught).toContain("-1: element <img>")
        expect(caught).toContain("-1: handler IMG onerror")
        for (const [n, x] of samples.entries()) {
          payloads += Object.keys(x).length
          problems.push(...(await visit(context, join(dir, `xss-${n}.html`), await render(x), x, n)))
        }
      } finally {
        await browser.close()
      }
      console.info(
        `[xss] chromium (CSP bypassed): ${samples.length} reports, ${payloads} payloads, ${problems.length} problems`
      )
      expect(problems).toEqual([])
    },
    Fuzz.timeout(180_000)
  )
})
