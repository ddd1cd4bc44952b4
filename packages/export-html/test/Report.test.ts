import { describe, expect, it } from "@effect/vitest"
import { Reporting } from "@quartieri/core"
import { Result } from "effect"
import { Charts, Html, PathwayFunnel, ProjectReport, Report } from "../src/index.js"
import { input } from "./fixtures.js"

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const tables = () => {
  const r = ProjectReport.tables(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}
const report = async (extra: Report.Options = {}) =>
  text(
    await Report.toBytes(
      { tables: tables(), profile: "published" },
      { title: input.project.title, facts: ProjectReport.facts(input.project, input.call), ...extra }
    )
  )

const xss = `<script>alert("x")</script><img src=x onerror=alert(1)> & "q" 'a' https://evil.example/x`

describe("escaping", () => {
  it.each([
    ["<b>", "&lt;b&gt;"],
    ["a \"b\" & 'c'", "a &quot;b&quot; &amp; &#39;c&#39;"],
    ["see https://x.it and HTTP://y", "see https&#58;//x.it and HTTP&#58;//y"]
  ])("%s → %s", (raw, escaped) => {
    expect(Html.escapeHtml(raw)).toBe(escaped)
  })
})

describe("cells", () => {
  const count = Reporting.Table.measure("n", { it: "n", en: "n" })
  const money = Reporting.Table.measure("m", { it: "m", en: "m" }, "cents")
  const rate = Reporting.Table.measure("r", { it: "r", en: "r" }, "basis-points")
  const date = Reporting.Table.dimension("d", { it: "d", en: "d" }, "date")
  it.each([
    [count, 1234, "1234"], // Italian groups thousands from five digits on
    [count, 12_345, "12.345"],
    [count, null, "–"],
    [count, "●", "●"],
    [money, 22_998_954, "229.989,54 €"],
    [rate, 870, "8,7%"],
    [date, "2020-05-16", "16/05/2020"]
  ] as const)("%j %j", (column, value, shown) => {
    // Intl writes a narrow no-break space in some formats: compare with plain spaces
    expect(Html.formatCell(column, value).replace(/\s/g, " ")).toBe(shown)
  })
})

describe("the report of IntERPreti di cambiamento (synthetic activity)", () => {
  it("is one HTML document in Italian, with no script, no link and no URL", async () => {
    const html = await report()
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="it">')).toBe(true)
    expect(html.trimEnd().endsWith("</html>")).toBe(true)
    expect(html).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|@font-face|url\(\s*['"]?(?!#)/i)
    expect(Charts.externalUrls(html)).toEqual([])
    expect(
      [...html.matchAll(/https?:\/\//g)].every((m) => html.startsWith("http://www.w3.org/2000/svg", m.index))
    ).toBe(true)
  })

  it("draws one SVG chart per known table", async () => {
    const html = await report()
    const ids = tables().map((t) => t.id)
    expect(ids).toEqual([
      "targets",
      "budget-execution.sub-project.interpreti-di-cambiamento",
      "budget-funding.interpreti-di-cambiamento",
      "pathway-funnel",
      "laboratorio-activity"
    ])
    expect(html.match(/<svg /g)?.length).toBe(5)
  })

  it("has accessible tables: caption, column and row headers", async () => {
    const html = await report()
    expect(html.match(/<table>/g)?.length).toBe(5)
    expect(html.match(/<caption>/g)?.length).toBe(5)
    expect(html).toContain('<th scope="col">Progetto</th>')
    expect(html).toContain('<th scope="row">Totale</th>')
    expect(html).toContain('<tr class="total">')
  })

  it("shows suppressed cells as ● with a legend giving the threshold", async () => {
    const funnel = tables().find((t) => t.id === PathwayFunnel.tableId)
    expect(funnel?.rows.some((r) => Object.values(r).includes(Reporting.Table.suppressedMark))).toBe(true)
    const html = await report()
    expect(html).toContain('class="num suppressed" title="dato oscurato"><span aria-hidden="true">●</span>')
    expect(html).toContain("conteggio inferiore a 5")
  })

  it("writes amounts, dates and the facts in Italian", async () => {
    const html = await report()
    expect(html).toContain("<dt>Capofila</dt><dd>Comune di Ripalta Cremasca</dd>")
    expect(html).toContain("01/01/2019 – 16/05/2020")
    expect(html.replace(/\s/g, " ")).toContain("229.989,54 €")
    expect(html).toContain("<dt>CUP</dt><dd>non noto</dd>")
  })

  it("in English on request", async () => {
    const html = await report({ language: "en" })
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true)
    expect(html).toContain("Total cost")
  })
})

describe("hostile text renders inert", () => {
  it("names, titles and labels from the data are escaped, in tables and in charts", async () => {
    const table = Reporting.Table.makeUnsafe({
      id: "targets",
      title: { it: xss, en: xss },
      columns: [
        Reporting.Table.dimension("project", { it: "Progetto", en: "Project" }, "code"),
        Reporting.Table.dimension("indicator", { it: "Indicatore", en: "Indicator" }, "code"),
        Reporting.Table.dimension("indicatorLabel", { it: xss, en: xss }, "text"),
        Reporting.Table.measure("target", { it: "Obiettivo", en: "Target" }),
        Reporting.Table.measure("actual", { it: "Realizzato", en: "Actual" })
      ],
      rows: [{ project: xss, indicator: "x", indicatorLabel: xss, target: 10, actual: 4 }],
      notes: [{ it: xss, en: xss }]
    })
    const html = text(
      await Report.toBytes(
        { tables: [table], profile: "published" },
        { title: xss, subtitle: xss, facts: [{ label: xss, value: xss }] }
      )
    )
    expect(html).not.toMatch(/<script|<img/i)
    // no tag has an event-handler attribute (quoted attribute values, escaped, are left out)
    const handlers = [...html.matchAll(/<[a-zA-Z][^>]*>/g)]
      .map((m) => m[0].replace(/"[^"]*"|'[^']*'/g, '""'))
      .filter((tag) => /\son\w+\s*=/i.test(tag))
    expect(handlers).toEqual([])
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    expect(Charts.externalUrls(html)).toEqual([])
  })
})

describe("privacy", () => {
  it("a published report refuses a personal column", async () => {
    const table = Reporting.Table.makeUnsafe({
      id: "people",
      title: { it: "Persone", en: "People" },
      columns: [Reporting.Table.dimension("cf", { it: "CF", en: "CF" }, "code", "personal")],
      rows: [{ cf: "RSSMRA80A01H501U" }],
      notes: []
    })
    await expect(Report.toBytes({ tables: [table], profile: "published" })).rejects.toMatchObject({
      reason: "PersonalDataRefused"
    })
  })
})

describe("the funnel", () => {
  it("partitions the pathways and reads its stages", () => {
    const t = PathwayFunnel.table(input.pathways ?? [])
    const total = t.rows.at(-1) ?? {}
    expect(total["candidates"]).toBe(40)
    const s = PathwayFunnel.stages({ inProgress: 5, dropped: 2, completed: 7, candidates: 20, notEnrolled: 6 })
    expect(s).toEqual({ candidates: 20, enrolled: 14, completed: 7 })
    expect(PathwayFunnel.stages({ inProgress: "●", dropped: 2, completed: 7, candidates: 20 })).toEqual({
      candidates: 20,
      completed: 7
    })
  })
})
