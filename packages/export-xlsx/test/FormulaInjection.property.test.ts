/**
 * Formula injection in XLSX, attacked head-on: a workbook whose every label and text cell starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return (after any apostrophes), read back with
 * exceljs: no cell is a formula, no text cell starts with a trigger, and each reads back as the
 * text it was (its apostrophe removed). `Fuzz.runs(200)` runs (a workbook is a zip: the
 * slowest target, so 200 by default and 20 000 in soak mode).
 */
import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { FormulaInjection, Reporting } from "@quartieri/core"
import { Fuzz, HostileText } from "@quartieri/testing"
import ExcelJS from "exceljs"
import * as ExportXlsx from "../src/index.js"

const T = Reporting.Table

const table = fc
  .tuple(
    fc.array(fc.tuple(HostileText.formulaCell, HostileText.formulaCell, fc.integer({ min: -1000, max: 1000 })), {
      minLength: 1,
      maxLength: 8
    }),
    HostileText.formulaCell,
    HostileText.formulaCell,
    HostileText.formulaCell
  )
  .map(([rows, nameLabel, codeLabel, note]) =>
    T.makeUnsafe({
      id: "formulas",
      title: { it: "Formule", en: "Formulas" },
      columns: [
        T.dimension("name", { it: nameLabel, en: nameLabel }),
        T.dimension("code", { it: codeLabel, en: codeLabel }, "code"),
        T.measure("amount", { it: "Importo", en: "Amount" }, "cents")
      ],
      rows: rows.map(([name, code, amount]) => ({ name, code, amount })),
      notes: [{ it: note, en: note }]
    })
  )

describe("formula injection in XLSX", () => {
  test.prop([table], { numRuns: Fuzz.runs(200) })(
    "no cell is a formula and every text starting with = + - @ TAB CR reads back neutralised",
    async (t) => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(
        Buffer.from(await ExportXlsx.toBytes({ tables: [t], profile: "internal" })) as unknown as ArrayBuffer
      )
      for (const sheet of wb.worksheets)
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
            expect(cell.formula).toBeUndefined()
            if (typeof cell.value === "string") expect(FormulaInjection.isDangerous(cell.value), cell.value).toBe(false)
          })
        )
      const sheet = wb.worksheets[0] as ExcelJS.Worksheet
      for (const [i, c] of t.columns.slice(0, 2).entries())
        expect(FormulaInjection.restore(String(sheet.getRow(1).getCell(i + 1).value))).toBe(
          ExportXlsx.Workbook.xmlText(c.label.it)
        )
      t.rows.forEach((r, i) => {
        for (const [j, id] of (["name", "code"] as const).entries())
          expect(FormulaInjection.restore(String(sheet.getRow(i + 2).getCell(j + 1).value))).toBe(
            ExportXlsx.Workbook.xmlText(String(r[id]))
          )
        expect(typeof sheet.getRow(i + 2).getCell(3).value).toBe("number")
      })
    },
    Fuzz.timeout(120_000)
  )
})
