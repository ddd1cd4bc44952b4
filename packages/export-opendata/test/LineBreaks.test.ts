/**
 * A line break inside a field, by hand: with CRLF line ends a lone LF used to be written
 * unquoted, so every reader ended the row there and shifted the columns after it. Found while
 * checking the CSV exporters for row injection; the expected bytes are written by hand.
 */
import { describe, expect, it } from "@effect/vitest"
import { Reporting } from "@quartieri/core"
import { OpenCoesioneCsv } from "../src/index.js"

const T = Reporting.Table
const table = T.makeUnsafe({
  id: "t",
  title: { it: "T", en: "T" },
  columns: [T.dimension("name", { it: "N", en: "N" }), T.dimension("code", { it: "C", en: "C" }, "code")],
  rows: [{ name: "a\nb", code: "c\rd" }],
  notes: []
})

describe("a line break inside a field", () => {
  it.each([
    ["\n", 'name;code\n"a\nb";"c\rd"\n'],
    ["\r\n", 'name;code\r\n"a\nb";"c\rd"\r\n']
  ] as const)("line ends %j: the field is quoted", async (recordDelimiter, expected) => {
    const bytes = await OpenCoesioneCsv.toBytes({ tables: [table], profile: "internal" }, { recordDelimiter })
    expect(new TextDecoder().decode(bytes)).toBe(expected)
  })
})
