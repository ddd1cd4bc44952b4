import { describe, expect, it } from "@effect/vitest"
import { Exporter, Reporting } from "@quartieri/core"
import { Effect, Result, Stream } from "effect"
import * as ExportJson from "../src/index.js"

const T = Reporting.Table
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

const table: Reporting.Table.Table = {
  id: "t1",
  title: { it: "Spesa", en: "Spending" },
  columns: [
    T.dimension("item", { it: "Voce", en: "Item" }),
    T.measure("amount", { it: "Importo", en: "Amount" }, "cents")
  ],
  rows: [
    { item: 'Sala "A"\n', amount: 123456 },
    { item: "B", amount: T.suppressedMark },
    { item: "C", amount: null }
  ],
  notes: [{ it: "n", en: "n" }]
}

describe("JSON of tables", () => {
  it("document: the tables as they are, amounts in cents", async () => {
    const text = decode(
      await ExportJson.toBytes({ tables: [table, { ...table, id: "t2", rows: [] }], profile: "internal" })
    )
    expect(text).toBe(
      '{"tables":[' +
        '{"id":"t1","title":{"it":"Spesa","en":"Spending"},"columns":[' +
        '{"id":"item","label":{"it":"Voce","en":"Item"},"unit":"text","sensitivity":"none","role":"dimension"},' +
        '{"id":"amount","label":{"it":"Importo","en":"Amount"},"unit":"cents","sensitivity":"none","role":"measure"}],' +
        '"notes":[{"it":"n","en":"n"}],"rows":[{"item":"Sala \\"A\\"\\n","amount":123456},{"item":"B","amount":"●"},{"item":"C","amount":null}]},' +
        '{"id":"t2","title":{"it":"Spesa","en":"Spending"},"columns":[' +
        '{"id":"item","label":{"it":"Voce","en":"Item"},"unit":"text","sensitivity":"none","role":"dimension"},' +
        '{"id":"amount","label":{"it":"Importo","en":"Amount"},"unit":"cents","sensitivity":"none","role":"measure"}],' +
        '"notes":[{"it":"n","en":"n"}],"rows":[]}]}\n'
    )
    const back = ExportJson.TableDocument.parse(text)
    expect(Result.isSuccess(back) && back.success[0]).toEqual(table)
  })

  it("ndjson: a metadata line per table, then a line per row", async () => {
    const text = decode(await ExportJson.toBytes({ tables: [table], profile: "internal" }, { framing: "ndjson" }))
    const lines = text.split("\n")
    expect(lines.length).toBe(5)
    expect(lines[4]).toBe("")
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      table: { id: "t1", title: table.title, columns: table.columns, notes: table.notes }
    })
    expect(lines.slice(1, 4).map((l) => JSON.parse(l))).toEqual(table.rows.map((row) => ({ table: "t1", row })))
  })

  it("applies the profile: a partner gets pseudonyms, the public nothing personal", async () => {
    const personal = {
      ...table,
      columns: [...table.columns, T.dimension("cf", { it: "CF", en: "CF" }, "code", "personal")],
      rows: table.rows.map((r) => ({ ...r, cf: "X" }))
    }
    await expect(ExportJson.toBytes({ tables: [personal], profile: "published" })).rejects.toMatchObject({
      reason: "PersonalDataRefused"
    })
    const text = decode(await ExportJson.toBytes({ tables: [personal], profile: "partner", key: new Uint8Array(32) }))
    expect(text).not.toContain('"cf":"X"')
  })

  it("a malformed document is reported with its path", () => {
    const r = ExportJson.TableDocument.parse('{"tables":[{"id":1}]}')
    expect(Result.isFailure(r) && r.failure.problems[0]?.path).toBe("tables[0].id")
    expect(Result.isFailure(ExportJson.TableDocument.parse("{"))).toBe(true)
  })

  it.effect("provides the Exporter service", () =>
    Effect.gen(function* () {
      const exporter = yield* Exporter.Exporter
      expect([exporter.mediaType, exporter.extension]).toEqual(["application/x-ndjson", "ndjson"])
      const chunks = yield* Stream.runCollect(exporter.export({ tables: [table], profile: "internal" }))
      expect(chunks.length).toBe(4)
    }).pipe(Effect.provide(ExportJson.layer({ framing: "ndjson" })))
  )
})
