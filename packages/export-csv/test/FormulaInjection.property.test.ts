/**
 * Formula injection in CSV, attacked head-on: every text a spreadsheet could run — a cell, a
 * column label or a record field starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (after any apostrophes) — is written neutralised (a leading apostrophe), in both dialects, and
 * reads back as exactly the text it was. `Fuzz.runs()` runs per property.
 */
import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { FormulaInjection, type Household, Reporting } from "@quartieri/core"
import { ExportArbitraries, Fuzz, HostileText } from "@quartieri/testing"
import { parse } from "csv-parse/sync"
import * as ExportCsv from "../src/index.js"

const T = Reporting.Table
const dialect = fc.constantFrom("rfc4180" as const, "excel-it" as const)
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

/** A table whose labels and text cells all start with a formula trigger. */
const table = fc
  .tuple(
    fc.array(fc.tuple(HostileText.formulaCell, HostileText.formulaCell, fc.integer({ min: -1000, max: 1000 })), {
      minLength: 1,
      maxLength: 8
    }),
    HostileText.formulaCell,
    HostileText.formulaCell
  )
  .map(([rows, nameLabel, codeLabel]) =>
    T.makeUnsafe({
      id: "formulas",
      title: { it: nameLabel, en: nameLabel },
      columns: [
        T.dimension("name", { it: nameLabel, en: nameLabel }),
        T.dimension("code", { it: codeLabel, en: codeLabel }, "code"),
        T.measure("amount", { it: "Importo", en: "Amount" }, "cents")
      ],
      rows: rows.map(([name, code, amount]) => ({ name, code, amount })),
      notes: []
    })
  )

const runs = Fuzz.runs()
const timeout = Fuzz.timeout(60_000)

describe("formula injection in CSV", () => {
  test.prop([table, dialect], { numRuns: runs })(
    "every label and text cell starting with = + - @ TAB CR is neutralised and reads back exactly",
    async (t, d) => {
      const csv = text(await ExportCsv.toBytes({ tables: [t], profile: "internal" }, { dialect: d }))
      const rows = parse(csv, { delimiter: ExportCsv.Dialect.specs[d].delimiter, bom: true }) as Array<Array<string>>
      expect(rows.length).toBe(t.rows.length + 1)
      const [header, ...body] = rows
      for (const [i, label] of (header ?? []).slice(0, 2).entries()) {
        expect(FormulaInjection.isDangerous(label)).toBe(false)
        expect(FormulaInjection.restore(label)).toBe(t.columns[i]?.label.it)
      }
      body.forEach((cells, r) => {
        for (const [i, id] of (["name", "code"] as const).entries()) {
          const cell = cells[i] ?? ""
          expect(FormulaInjection.isDangerous(cell)).toBe(false)
          expect(FormulaInjection.restore(cell)).toBe(t.rows[r]?.[id])
        }
        // a negative amount stays a number: numeric columns are not text
        expect(cells[2]?.startsWith("'")).toBe(false)
      })
    },
    timeout
  )

  // a unit is not blank: a trigger and nothing else is a blank unit, refused by its Schema
  const unit = HostileText.formulaCell.filter((s) => s.trim() !== "")
  test.prop([ExportArbitraries.household, unit, dialect], { numRuns: runs })(
    "a record's free text starting with a trigger is neutralised on export and restored on import",
    async (household, unit, d) => {
      const record: Household.Household = { ...household, tenancy: { ...household.tenancy, unit } }
      const csv = text(
        await ExportCsv.Records.recordsToBytes([record], {
          schema: ExportCsv.Records.household,
          profile: "internal",
          dialect: d
        })
      )
      const rows = parse(csv, { delimiter: ExportCsv.Dialect.specs[d].delimiter, bom: true }) as Array<Array<string>>
      for (const row of rows) for (const cell of row) expect(FormulaInjection.isDangerous(cell), cell).toBe(false)
      const back = ExportCsv.Records.parseRecords(csv, {
        schema: ExportCsv.Records.household,
        mode: "all-or-nothing",
        dialect: d
      })
      expect(back.errors).toEqual([])
      expect(back.records[0]?.tenancy.unit).toBe(unit)
    },
    timeout
  )
})
