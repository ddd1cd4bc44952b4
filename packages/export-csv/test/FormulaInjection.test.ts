/**
 * Row injection, by hand: a text with a line break inside used to be written unquoted when the
 * break was a lone LF or CR (csv-stringify quotes only the dialect's CRLF), so every reader
 * ended the row there — and a formula after the break started a new row, unneutralised, where a
 * spreadsheet would run it. Found by the formula-injection property; the expected bytes below
 * are written by hand.
 */
import { describe, expect, it } from "@effect/vitest"
import { Reporting } from "@quartieri/core"
import * as ExportCsv from "../src/index.js"

const T = Reporting.Table
const table = T.makeUnsafe({
  id: "t",
  title: { it: "T", en: "T" },
  columns: [T.dimension("name", { it: "Nome", en: "Name" }), T.dimension("code", { it: "Codice", en: "Code" }, "code")],
  rows: [{ name: "a\n=1+1", code: "\r@x" }],
  notes: []
})

describe("a line break inside a cell", () => {
  it.each([
    ["rfc4180", 'Nome,Codice\r\n"a\n=1+1","\'\r@x"\r\n'],
    ["excel-it", '\uFEFFNome;Codice\r\n"a\n=1+1";"\'\r@x"\r\n']
  ] as const)("%s: the cell is quoted, so the formula after the break stays inside it", async (dialect, expected) => {
    const bytes = await ExportCsv.toBytes({ tables: [table], profile: "internal" }, { dialect })
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(expected)
  })
})
