import { describe, expect } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { FormulaInjection } from "@quartieri/core"
import { ExportArbitraries } from "@quartieri/testing"
import ExcelJS from "exceljs"
import * as ExportXlsx from "../src/index.js"

describe("formula injection", () => {
  test.prop([ExportArbitraries.table])(
    "no text cell of an exported workbook starts with a trigger, read back by exceljs",
    async (table) => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(
        Buffer.from(await ExportXlsx.toBytes({ tables: [table], profile: "internal" })) as unknown as ArrayBuffer
      )
      let strings = 0
      for (const sheet of wb.worksheets)
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === "string") {
              strings++
              expect(FormulaInjection.isDangerous(cell.value)).toBe(false)
            } else expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)
          })
        )
      const sheet = wb.worksheets[0] as ExcelJS.Worksheet
      table.rows.forEach((r, i) => {
        const name = sheet.getRow(i + 2).getCell(1).value
        expect(name === null ? null : FormulaInjection.restore(String(name))).toBe(
          r.name === "" || r.name === null ? null : ExportXlsx.Workbook.xmlText(String(r.name))
        )
      })
      expect(strings).toBeGreaterThan(0)
    }
  )
})
