import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { ExportArbitraries } from "@quartieri/testing"
import * as ExportJson from "../src/index.js"

const { Records } = ExportJson
const { formats } = Records
const framing = fc.constantFrom("ndjson" as const, "document" as const)

const roundTrip = async <A>(
  records: ReadonlyArray<A>,
  format: ExportJson.Records.ExportOptions<A>["schema"],
  f: "ndjson" | "document"
) => {
  const text = new TextDecoder().decode(
    await Records.recordsToBytes(records, { schema: format, profile: "internal", framing: f })
  )
  return Records.parseRecords(text, { schema: format, mode: "all-or-nothing", framing: f })
}

describe("JSON round trip: export → parse → decode gives the same records", () => {
  test.prop([fc.array(ExportArbitraries.household, { maxLength: 5 }), framing])("households", async (records, f) => {
    const back = await roundTrip(records, formats.household, f)
    expect(back.errors).toEqual([])
    expect(back.records).toEqual(records)
  })

  test.prop([fc.array(ExportArbitraries.person, { maxLength: 5 }), framing])("persons", async (records, f) => {
    const back = await roundTrip(records, formats.person, f)
    expect(back.errors).toEqual([])
    expect(back.records).toEqual(records)
  })

  test.prop([fc.array(ExportArbitraries.participant, { maxLength: 5 }), framing])(
    "participants",
    async (records, f) => {
      const back = await roundTrip(records, formats.participant, f)
      expect(back.errors).toEqual([])
      expect(back.records).toEqual(records)
    }
  )

  test.prop([ExportArbitraries.table])("tables", async (table) => {
    const text = new TextDecoder().decode(await ExportJson.toBytes({ tables: [table], profile: "internal" }))
    const back = ExportJson.TableDocument.parse(text)
    expect(back._tag === "Success" && back.success).toEqual([table])
  })
})
