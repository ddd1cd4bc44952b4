import { describe, expect, it } from "@effect/vitest"
import { Reporting } from "@quartieri/core"
import ExcelJS from "exceljs"
import * as ExportXlsx from "../src/index.js"
import { budget } from "./fixtures.js"

const load = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  return wb
}

describe("XLSX workbook", () => {
  it("one sheet per table with typed cells, frozen header, auto-filter and a Note sheet", async () => {
    const wb = await load(await ExportXlsx.toBytes({ tables: [budget], profile: "internal" }))
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Esecuzione finanziaria- 2019-20", "Note"])
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet
    expect(sheet.getRow(1).values).toEqual([undefined, "Voce", "Data", "Importo", "Tasso", "Persone", "Ore"])
    expect(sheet.getRow(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    expect(sheet.autoFilter).toBe("A1:F1")
    const row2 = sheet.getRow(2)
    expect(row2.getCell(1).value).toBe("'=SOMMA(A1:A9)")
    expect(row2.getCell(2).value).toEqual(new Date(Date.UTC(2019, 3, 1)))
    expect(row2.getCell(2).numFmt).toBe("dd/mm/yyyy")
    expect(row2.getCell(3).value).toBe(1234.56)
    expect(row2.getCell(3).numFmt).toBe("€ #,##0.00")
    expect(row2.getCell(4).value).toBe(0.1234)
    expect(row2.getCell(4).numFmt).toBe("0.00%")
    expect(row2.getCell(5).value).toBe(12)
    expect(row2.getCell(6).value).toBe(1500)
    const row3 = sheet.getRow(3)
    expect([
      row3.getCell(1).value,
      row3.getCell(2).value,
      row3.getCell(3).value,
      row3.getCell(5).value,
      row3.getCell(6).value
    ]).toEqual(["Città è", null, -0.05, "●", null])
    expect(sheet.getColumn(1).width).toBe(15)
    const notes = wb.getWorksheet("Note") as ExcelJS.Worksheet
    const texts = notes
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []))
    expect(texts).toEqual([
      ["Foglio", "Tabella", "Voce", "Testo"],
      ["Esecuzione finanziaria- 2019-20", "Esecuzione finanziaria: 2019/2020", "nota", "Importi in euro."],
      ["Esecuzione finanziaria- 2019-20", "Esecuzione finanziaria: 2019/2020", "fonte", "d.d.u.o. 12345/2018"],
      [
        undefined,
        undefined,
        "legenda",
        "● = dato soppresso per la tutela della riservatezza (controllo della divulgazione statistica)"
      ],
      [undefined, undefined, "legenda", "cella vuota = dato non disponibile"]
    ])
  })

  it("sheet names are valid and unique", () => {
    const taken = new Set(["Note"])
    expect(ExportXlsx.Workbook.sheetName("note", taken)).toBe("note (2)")
    expect(ExportXlsx.Workbook.sheetName("a/b:c*d?e[f]g\\h", taken)).toBe("a-b-c-d-e-f-g-h")
    expect(ExportXlsx.Workbook.sheetName("", taken)).toBe("Foglio")
    expect(ExportXlsx.Workbook.sheetName("x".repeat(40), new Set(["x".repeat(31)]))).toBe(`${"x".repeat(27)} (2)`)
  })

  it("a published table records its suppression in the Note sheet", async () => {
    const T = Reporting.Table
    const counts: Reporting.Table.Table = {
      id: "counts",
      title: { it: "Partecipanti per quartiere", en: "Participants by neighbourhood" },
      columns: [
        T.dimension("q", { it: "Quartiere", en: "Neighbourhood" }, "code"),
        T.measure("n", { it: "Persone", en: "Persons" })
      ],
      rows: [
        { q: "QA", n: 3 },
        { q: "QB", n: 12 },
        { q: "QC", n: 10 },
        { q: T.total, n: 25 }
      ],
      notes: []
    }
    const published = Reporting.Disclosure.publish(counts, Reporting.Disclosure.published())
    if (published._tag === "Failure") throw published.failure
    const wb = await load(await ExportXlsx.toBytes({ tables: [published.success.table], profile: "published" }))
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet
    expect(sheet.getColumn(2).values.slice(1)).toEqual(["Persone", "●", 12, "●", 25])
    const notes = wb.getWorksheet("Note") as ExcelJS.Worksheet
    expect(notes.getRow(2).getCell(4).value).toBe(
      "tabella pubblicata: conteggi da 1 a 4 soppressi (soglia 5); 2 celle soppresse"
    )
  })

  it("English headers and notes", async () => {
    const wb = await load(
      await ExportXlsx.toBytes(
        { tables: [budget], profile: "internal" },
        { language: "en", sheetNames: { budget: "Budget" } }
      )
    )
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Budget", "Notes"])
    expect((wb.worksheets[0] as ExcelJS.Worksheet).getRow(1).getCell(3).value).toBe("Amount")
  })
})

describe("programme workbook", () => {
  const key = new Uint8Array(32).fill(7)
  const participants = [
    { id: "w1", person: "p1", operation: "P1", action: "9.4.2" },
    {
      id: "w2",
      person: "p2",
      operation: "P1",
      entryDate: "2019-04-01",
      sex: "F",
      ageAtEntry: 40,
      labourMarketStatus: "employed",
      isced: 3,
      homelessOrHousingExclusion: false,
      rural: false
    }
  ] as unknown as ReadonlyArray<Reporting.Participant.Participant>
  const indicators = { ...budget, id: "indicators" }
  const results = { ...budget, id: "results" }

  it("has the four standard sheets, the participants pseudonymised", async () => {
    const wb = await load(
      await ExportXlsx.ProgrammeWorkbook.toBytes({ indicators, results, budget, participants, key })
    )
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      "Indicatori",
      "Risultati",
      "Esecuzione finanziaria",
      "Partecipanti",
      "Note"
    ])
    const sheet = wb.getWorksheet("Partecipanti") as ExcelJS.Worksheet
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Partecipante (pseudonimo)",
      "Operazione",
      "Azione",
      "Record completo",
      "Dati mancanti"
    ])
    const [first, second] = [sheet.getRow(2), sheet.getRow(3)]
    expect(String(first.getCell(1).value)).toMatch(/^[0-9a-f]{64}$/)
    expect(first.getCell(1).value).not.toBe(second.getCell(1).value)
    expect([first.getCell(2).value, first.getCell(3).value, first.getCell(4).value]).toEqual(["P1", "9.4.2", "no"])
    expect(String(first.getCell(5).value)).toMatch(/^data di ingresso, sesso, /)
    expect([second.getCell(4).value, second.getCell(5).value]).toEqual(["sì", null])
    const again = await load(
      await ExportXlsx.ProgrammeWorkbook.toBytes({ indicators, results, budget, participants, key })
    )
    expect((again.getWorksheet("Partecipanti") as ExcelJS.Worksheet).getRow(2).getCell(1).value).toBe(
      first.getCell(1).value
    )
  })

  it("is refused without a key long enough", async () => {
    await expect(
      ExportXlsx.ProgrammeWorkbook.toBytes({ indicators, results, budget, participants, key: new Uint8Array(8) })
    ).rejects.toMatchObject({ reason: "PersonalDataRefused", table: "participants" })
  })
})
