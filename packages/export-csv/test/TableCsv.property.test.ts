/**
 * The CSV of a table goes out in chunks of `recordsPerChunk` records, each written by one
 * `csv-stringify` call: whatever the cells (formula triggers, quotes, separators, line breaks,
 * astral characters), the text is the same as one `line` per record.
 */
import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import * as ExportCsv from "@quartieri/export-csv"
import { ExportArbitraries } from "@quartieri/testing"
import { Effect, Stream } from "effect"

const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)

describe("CSV chunks (property)", () => {
  test.prop([ExportArbitraries.table, fc.integer({ min: 0, max: 600 }), fc.constantFrom("rfc4180", "excel-it")], {
    numRuns: 30
  })("the chunks spell the same text as one line per record", async (table, n, dialect) => {
    const rows =
      table.rows.length === 0 ? [] : Array.from({ length: n }, (_, i) => table.rows[i % table.rows.length] ?? {})
    const long = { ...table, rows }
    const chunks = await Effect.runPromise(
      Stream.runCollect(ExportCsv.exportDataset({ tables: [long], profile: "internal" }, { dialect }))
    )
    const { TableCsv } = ExportCsv
    const oneByOne = [
      TableCsv.line(
        dialect,
        long.columns.map((c) => ExportCsv.TableCsv.headerOf(c)),
        true
      ),
      ...rows.map((row) =>
        TableCsv.line(
          dialect,
          long.columns.map((c) => TableCsv.cellText(dialect, c, row[c.id] ?? null))
        )
      )
    ]
    expect(chunks.length).toBe(1 + Math.ceil(rows.length / TableCsv.recordsPerChunk))
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(chunks))).toBe(oneByOne.join(""))
    expect(decode(chunks[0] ?? new Uint8Array())).toBe(oneByOne[0])
  })
})
