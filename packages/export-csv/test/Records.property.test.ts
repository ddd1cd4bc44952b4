import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { FormulaInjection } from "@quartieri/core"
import { ExportArbitraries } from "@quartieri/testing"
import { parse } from "csv-parse/sync"
import * as ExportCsv from "../src/index.js"

const { Records } = ExportCsv
const dialect = fc.constantFrom("rfc4180" as const, "excel-it" as const)
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

const roundTrip = async <A>(
  records: ReadonlyArray<A>,
  format: ExportCsv.Records.RecordFormat<A>,
  d: "rfc4180" | "excel-it"
) => {
  const text = decode(await Records.recordsToBytes(records, { schema: format, profile: "internal", dialect: d }))
  return Records.parseRecords(text, { schema: format, mode: "all-or-nothing", dialect: d })
}

describe("CSV round trip: export → parse → decode gives the same records", () => {
  test.prop([fc.array(ExportArbitraries.household, { maxLength: 5 }), dialect])("households", async (records, d) => {
    const back = await roundTrip(records, Records.household, d)
    expect(back.errors).toEqual([])
    expect(back.records).toEqual(records)
  })

  test.prop([fc.array(ExportArbitraries.person, { maxLength: 5 }), dialect])("persons", async (records, d) => {
    const back = await roundTrip(records, Records.person, d)
    expect(back.errors).toEqual([])
    expect(back.records).toEqual(records)
  })

  test.prop([fc.array(ExportArbitraries.participant, { maxLength: 5 }), dialect])(
    "participants",
    async (records, d) => {
      const back = await roundTrip(records, Records.participant, d)
      expect(back.errors).toEqual([])
      expect(back.records).toEqual(records)
    }
  )
})

describe("formula injection", () => {
  test.prop([fc.string({ unit: "grapheme" })])("restore undoes neutralise", (s) => {
    expect(FormulaInjection.restore(FormulaInjection.neutralise(s))).toBe(s)
    expect(FormulaInjection.isDangerous(FormulaInjection.neutralise(s))).toBe(false)
  })

  test.prop([ExportArbitraries.table, dialect])(
    "no text cell of an exported CSV starts with a trigger",
    async (table, d) => {
      const text = decode(await ExportCsv.toBytes({ tables: [table], profile: "internal" }, { dialect: d }))
      const rows = parse(text, { delimiter: ExportCsv.Dialect.specs[d].delimiter, bom: true }) as Array<Array<string>>
      const textColumns = table.columns.flatMap((c, i) => (ExportCsv.TableCsv.isNumeric(c) ? [] : [i]))
      expect(rows.length).toBe(table.rows.length + 1)
      rows.forEach((cells, r) => {
        for (const i of textColumns) {
          const cell = cells[i] ?? ""
          expect(FormulaInjection.isDangerous(cell)).toBe(false)
          const column = table.columns[i]
          const original = r === 0 ? undefined : table.rows[r - 1]?.[column?.id ?? ""]
          if (r > 0 && column?.unit !== "date") expect(FormulaInjection.restore(cell)).toBe(original ?? "")
        }
      })
    }
  )
})
