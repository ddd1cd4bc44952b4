import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Reporting } from "@quartieri/core"
import { Charts, Report } from "../src/index.js"

// Text aimed at HTML: tags, event handlers, entities, quotes, URLs, and any unicode.
const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "<script>",
        "</script>",
        "<img src=x onerror=alert(1)>",
        '" onmouseover="x',
        "'",
        "&amp;",
        "&",
        "https://evil.example",
        "javascript:",
        "<!--",
        "<svg onload=alert(1)>",
        "●"
      ),
      fc.string({ unit: "grapheme", maxLength: 8 })
    ),
    { minLength: 1, maxLength: 6 }
  )
  .map((parts) => parts.join(""))

const targetsTable = (label: string, project: string) =>
  Reporting.Table.makeUnsafe({
    id: "targets",
    title: { it: label, en: label },
    columns: [
      Reporting.Table.dimension("project", { it: label, en: label }, "code"),
      Reporting.Table.dimension("indicatorLabel", { it: "Descrizione", en: "Description" }, "text"),
      Reporting.Table.measure("target", { it: "Obiettivo", en: "Target" }),
      Reporting.Table.measure("actual", { it: "Realizzato", en: "Actual" })
    ],
    rows: [{ project, indicatorLabel: label, target: 10, actual: 3 }],
    notes: [{ it: label, en: label }]
  })

describe("the report of hostile text", () => {
  test.prop([hostile, hostile], { numRuns: 30 })(
    "has no tag, handler or URL of the data's making",
    async (label, project) => {
      const html = new TextDecoder().decode(
        await Report.toBytes(
          { tables: [targetsTable(label, project)], profile: "published" },
          { title: label, subtitle: project, facts: [{ label, value: project }] }
        )
      )
      expect(html).not.toMatch(/<script|<img|<iframe|<svg onload/i)
      const handlers = [...html.matchAll(/<[a-zA-Z][^>]*>/g)]
        .map((m) => m[0].replace(/"[^"]*"|'[^']*'/g, '""'))
        .filter((tag) => /\son\w+\s*=/i.test(tag))
      expect(handlers).toEqual([])
      expect(Charts.externalUrls(html)).toEqual([])
    }
  )
})
