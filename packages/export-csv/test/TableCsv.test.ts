import { describe, expect, it } from "@effect/vitest"
import { Exporter, Reporting } from "@quartieri/core"
import { Effect, Stream } from "effect"
import * as ExportCsv from "../src/index.js"

const T = Reporting.Table
const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)

const table: Reporting.Table.Table = {
  id: "budget",
  title: { it: "Esecuzione", en: "Execution" },
  columns: [
    T.dimension("item", { it: "Voce", en: "Item" }),
    T.dimension("day", { it: "Data", en: "Date" }, "date"),
    T.measure("amount", { it: "Importo", en: "Amount" }, "cents"),
    T.measure("rate", { it: "Tasso", en: "Rate" }, "basis-points"),
    T.measure("persons", { it: "Persone", en: "Persons" })
  ],
  rows: [
    { item: "=SOMMA(A1:A9)", day: "2019-04-01", amount: 123456, rate: 1234, persons: 12 },
    { item: 'Sala "Aurora"; piano 1\nCremona', day: null, amount: -5, rate: 5, persons: T.suppressedMark },
    { item: "-", day: "2020-02-29", amount: 0, rate: -10000, persons: 0 }
  ],
  notes: []
}

describe("CSV of a table", () => {
  it("Italian Excel dialect: BOM, semicolons, decimal comma, dd/mm/yyyy, CRLF", async () => {
    const text = decode(await ExportCsv.toBytes({ tables: [table], profile: "internal" }))
    expect(text).toBe(
      "\uFEFFVoce;Data;Importo (€);Tasso (%);Persone\r\n" +
        "'=SOMMA(A1:A9);01/04/2019;1234,56;12,34;12\r\n" +
        '"Sala ""Aurora""; piano 1\nCremona";;-0,05;0,05;●\r\n' +
        "'-;29/02/2020;0,00;-100,00;0\r\n"
    )
  })

  it("RFC 4180: commas, dot decimals, ISO dates, CRLF, no BOM; ids as header", async () => {
    const text = decode(
      await ExportCsv.toBytes({ tables: [table], profile: "internal" }, { dialect: "rfc4180", header: "id" })
    )
    expect(text).toBe(
      "item,day,amount,rate,persons\r\n" +
        "'=SOMMA(A1:A9),2019-04-01,1234.56,12.34,12\r\n" +
        '"Sala ""Aurora""; piano 1\nCremona",,-0.05,0.05,●\r\n' +
        "'-,2020-02-29,0.00,-100.00,0\r\n"
    )
  })

  it("English labels", async () => {
    const text = decode(
      await ExportCsv.toBytes({ tables: [table], profile: "internal" }, { dialect: "rfc4180", language: "en" })
    )
    expect(text.split("\r\n")[0]).toBe("Item,Date,Amount (€),Rate (%),Persons")
  })

  it("streams the header, then the records in chunks of at most 256", async () => {
    const chunks = await Effect.runPromise(
      Stream.runCollect(ExportCsv.exportDataset({ tables: [table], profile: "internal" }))
    )
    expect(chunks.map((c) => decode(c).split("\r\n").length - 1)).toEqual([1, 3])
    // 600 records: the header, 256, 256 and 88 — the same text as one record at a time
    const long = { ...table, rows: Array.from({ length: 600 }, (_, i) => table.rows[i % table.rows.length] ?? {}) }
    const many = await Effect.runPromise(
      Stream.runCollect(ExportCsv.exportDataset({ tables: [long], profile: "internal" }, { dialect: "rfc4180" }))
    )
    expect(many.map((c) => decode(c).split("\r\n").length - 1)).toEqual([1, 256, 256, 88])
    const oneByOne = [
      ExportCsv.TableCsv.line(
        "rfc4180",
        long.columns.map((c) => ExportCsv.TableCsv.headerOf(c)),
        true
      ),
      ...long.rows.map((row) =>
        ExportCsv.TableCsv.line(
          "rfc4180",
          long.columns.map((c) => ExportCsv.TableCsv.cellText("rfc4180", c, row[c.id] ?? null))
        )
      )
    ].join("")
    expect(many.map(decode).join("")).toBe(oneByOne)
  })

  it("a dataset of several tables needs the table option", async () => {
    const other = { ...table, id: "other" }
    await expect(ExportCsv.toBytes({ tables: [table, other], profile: "internal" })).rejects.toMatchObject({
      reason: "InvalidData"
    })
    const text = decode(
      await ExportCsv.toBytes({ tables: [table, other], profile: "internal" }, { table: "other", header: "id" })
    )
    expect(text.startsWith("\uFEFFitem;day")).toBe(true)
  })

  it("the published profile refuses a personal column before writing anything", async () => {
    const personal = {
      ...table,
      columns: [...table.columns, T.dimension("cf", { it: "CF", en: "Tax code" }, "code", "personal")],
      rows: table.rows.map((r) => ({ ...r, cf: "RSSMRA80A01D150X" }))
    }
    await expect(ExportCsv.toBytes({ tables: [personal], profile: "published" })).rejects.toMatchObject({
      _tag: "ExportError",
      reason: "PersonalDataRefused",
      table: "budget",
      column: "cf"
    })
  })

  it.effect("provides the Exporter service", () =>
    Effect.gen(function* () {
      const exporter = yield* Exporter.Exporter
      expect([exporter.format, exporter.extension]).toEqual(["csv", "csv"])
      const chunks = yield* Stream.runCollect(
        exporter.export({ tables: [table], profile: "internal" }, { language: "en" })
      )
      expect(decode(chunks[0] ?? new Uint8Array()).startsWith("Item,Date")).toBe(true)
    }).pipe(Effect.provide(ExportCsv.layer({ dialect: "rfc4180" })))
  )
})

describe("Dialect", () => {
  const D = ExportCsv.Dialect
  it.each([
    [0, "0.00", "0,00"],
    [5, "0.05", "0,05"],
    [-5, "-0.05", "-0,05"],
    [100, "1.00", "1,00"],
    [123456789, "1234567.89", "1234567,89"]
  ])("%i cents", (cents, rfc, it_) => {
    expect(D.formatCents("rfc4180", cents)).toBe(rfc)
    expect(D.formatCents("excel-it", cents)).toBe(it_)
    expect(D.parseCents("rfc4180", rfc)).toBe(cents)
    expect(D.parseCents("excel-it", it_)).toBe(cents)
  })

  it.each([
    ["excel-it", "1,5", 1.5],
    ["excel-it", "1.5", undefined],
    ["rfc4180", "1,5", undefined],
    ["rfc4180", "-2.25", -2.25],
    ["rfc4180", "1e3", 1000],
    ["rfc4180", "abc", undefined],
    ["rfc4180", "", undefined]
  ] as const)("parseNumber(%s, %j) = %j", (dialect, text, expected) => {
    expect(D.parseNumber(dialect, text)).toBe(expected)
  })

  it.each([
    ["excel-it", "01/04/2019", "2019-04-01"],
    ["excel-it", "1/4/2019", "2019-04-01"],
    ["excel-it", "29/02/2019", undefined],
    ["excel-it", "2019-04-01", undefined],
    ["rfc4180", "2019-04-01", "2019-04-01"],
    ["rfc4180", "01/04/2019", undefined]
  ] as const)("parseDate(%s, %j) = %j", (dialect, text, expected) => {
    expect(D.parseDate(dialect, text)).toBe(expected)
  })

  it.each([
    ["sì", true],
    ["SI", true],
    ["Vero", true],
    ["false", false],
    ["No", false],
    ["forse", undefined]
  ] as const)("parseBoolean(%j) = %j", (text, expected) => {
    expect(D.parseBoolean(text)).toBe(expected)
  })
})
