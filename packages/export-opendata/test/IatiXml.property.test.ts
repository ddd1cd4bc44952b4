import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import type { Calendar, Money } from "@quartieri/core"
import { IatiXml, type ProjectRecord } from "../src/index.js"
import { interpreti } from "./fixtures.js"
import { xmllint, xmllintInstalled } from "./tools.js"

const updatedOn = "2024-06-30" as Calendar.CalendarDate

// Text full of what breaks hand-made XML: metacharacters, CDATA ends, quotes, entities, any
// unicode (astral planes, lone surrogates, control characters XML 1.0 forbids).
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "<",
        ">",
        "&",
        '"',
        "'",
        "]]>",
        "<!--",
        "&amp;",
        "<![CDATA[",
        "\u0000",
        "\u0007",
        "\uFFFE",
        "\uD800"
      ),
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.string({ unit: "binary", maxLength: 6 })
    ),
    { minLength: 1, maxLength: 8 }
  )
  .map((parts) => parts.join(""))
  .filter((s) => s.trim().length > 0)

const recordWith = (title: string, name: string, note: string): ProjectRecord.ProjectRecord => {
  const [first, ...rest] = interpreti.project.partnership.members
  if (first === undefined) throw new Error("the seed has a capofila")
  return {
    ...interpreti,
    project: {
      ...interpreti.project,
      title,
      partnership: { members: [{ ...first, organisation: { ...first.organisation, name } }, ...rest] }
    },
    summary: { it: note, en: note },
    transactions: [
      {
        kind: "expenditure",
        date: "2019-05-01" as Calendar.CalendarDate,
        amount: 1234 as Money.Cents,
        description: note
      }
    ],
    indicators: [{ code: note, label: { it: name, en: title }, kind: "common", actual: 3 }]
  }
}

describe.skipIf(!xmllintInstalled)("IATI XML of random data", () => {
  test.prop([nasty, nasty, nasty], { numRuns: 40 })(
    "is well-formed, and every text reads back as written (forbidden characters as U+FFFD)",
    async (title, name, note) => {
      const bytes = await IatiXml.toBytes([recordWith(title, name, note)], { updatedOn })
      const check = xmllint(bytes, "--noout")
      expect(check.stderr).toBe("")
      expect(check.status).toBe(0)
      const read = (expression: string) => xmllint(bytes, "--xpath", expression).stdout
      // xmllint prints the string and a newline; a CR in text is normalised to LF by any XML parser
      const normal = (s: string) => `${IatiXml.xmlText(s).replace(/\r\n?/g, "\n")}\n`
      expect(read("string(//title/narrative[1])")).toBe(normal(title))
      expect(read("string(//reporting-org/narrative)")).toBe(normal(name))
      expect(read("string(//transaction/description/narrative)")).toBe(normal(note))
      expect(read("string(//reference/@code)")).toBe(
        // attribute values: tab, LF and CR are normalised to spaces by the parser
        `${IatiXml.xmlText(note).replace(/\r\n|[\t\n\r]/g, " ")}\n`
      )
    }
  )
})
