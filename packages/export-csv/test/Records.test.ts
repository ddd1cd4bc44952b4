import { describe, expect, it } from "@effect/vitest"
import { Population } from "@quartieri/testing"
import * as ExportCsv from "../src/index.js"

const { Records } = ExportCsv
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

const header =
  "id;tenancy.complesso;tenancy.unit;tenancy.leaseStart;tenancy.sap;members;isee;arrears;socialServices.since;socialServices.until"

// row 2: fine; row 3: a multi-line unit (still one spreadsheet row) with a bad date and a bad
// boolean; row 4: empty (skipped, but counted); row 5: an empty required unit; row 6: bad JSON
const file = [
  header,
  "h1;c1;A-1;01/04/2019;sì;[];[];[];;",
  'h2;c1;"scala B\ninterno 3";31/02/2019;forse;[];[];[];;',
  "",
  "h3;c1;;01/04/2019;no;[];[];[];01/05/2019;",
  "h4;c1;A-2;01/04/2019;no;[1,2;[];[];;"
].join("\r\n")

describe("importing households", () => {
  it("valid-rows-only: the good rows and every error with its spreadsheet row and column", () => {
    const parsed = Records.parseRecords(file, { schema: Records.household, mode: "valid-rows-only" })
    expect(parsed.records.map((r) => r.id)).toEqual(["h1"])
    expect(parsed.rows).toBe(4)
    expect(parsed.errors).toEqual([
      { row: 3, column: "tenancy.leaseStart", reason: 'expected a date dd/mm/yyyy, got "31/02/2019"' },
      { row: 3, column: "tenancy.sap", reason: 'expected sì or no, got "forse"' },
      { row: 5, column: "tenancy.unit", reason: "expected a non-empty unit" },
      { row: 6, column: "members", reason: 'expected JSON (such as [] or [{"…": …}]), got "[1,2"' }
    ])
  })

  it("all-or-nothing: no record at all when a row fails", () => {
    const parsed = Records.parseRecords(file, { schema: Records.household, mode: "all-or-nothing" })
    expect(parsed.records).toEqual([])
    expect(parsed.errors.length).toBe(4)
  })

  it("a problem inside a JSON cell names the column and the path inside it", () => {
    const csv = `${header}\r\nh1;c1;A-1;01/04/2019;sì;"[{""person"":""p1"",""relation"":""zio"",""from"":""2019-01-01""}]";[];[];;`
    const parsed = Records.parseRecords(csv, { schema: Records.household, mode: "all-or-nothing" })
    expect(parsed.errors).toHaveLength(1)
    expect(parsed.errors[0]).toMatchObject({ row: 2, column: "members" })
    expect(parsed.errors[0]?.reason).toMatch(/^\[0\]\.relation: /)
  })

  it("an empty required object is reported on its columns", () => {
    const csv = `${header}\r\nh1;;;;;[];[];[];;`
    const parsed = Records.parseRecords(csv, { schema: Records.household, mode: "all-or-nothing" })
    expect(parsed.errors).toEqual([{ row: 2, column: "tenancy", reason: "a value is required (the cell is empty)" }])
  })

  it("an unknown column fails the whole file on row 1", () => {
    const parsed = Records.parseRecords("id;nome\r\nh1;x", { schema: Records.household, mode: "valid-rows-only" })
    expect(parsed.records).toEqual([])
    expect(parsed.errors[0]).toMatchObject({ row: 1, column: "nome" })
  })

  it("a file that is not CSV is rejected whole, naming the row", () => {
    const csv = `${header}\r\nh1;c1;"A\n1";01/04/2019;sì;[];[];[];;\r\nh2;c1;A-2;01/04/2019;no;[{"p":1}];[];[];;`
    const parsed = Records.parseRecords(csv, { schema: Records.household, mode: "valid-rows-only" })
    expect(parsed.records).toEqual([])
    expect(parsed.errors).toHaveLength(1)
    expect(parsed.errors[0]?.row).toBe(3)
    expect(parsed.errors[0]?.reason).toMatch(/^not a readable CSV file/)
  })

  it("a row with the wrong number of cells is reported", () => {
    const parsed = Records.parseRecords(`${header}\r\nh1;c1;A-1;01/04/2019;sì;[];[];[]`, {
      schema: Records.household,
      mode: "valid-rows-only"
    })
    expect(parsed.errors[0]).toEqual({ row: 2, reason: "expected 10 cells, found 8" })
  })

  it("an RFC 4180 file is read with its own dialect", () => {
    const csv =
      "id,tenancy.complesso,tenancy.unit,tenancy.leaseStart,tenancy.sap,members,isee,arrears\r\nh1,c1,'=A1,2019-04-01,true,[],[],[]\r\n"
    const parsed = Records.parseRecords(csv, { schema: Records.household, mode: "all-or-nothing", dialect: "rfc4180" })
    expect(parsed.errors).toEqual([])
    expect(parsed.records[0]?.tenancy).toEqual({ complesso: "c1", unit: "=A1", leaseStart: "2019-04-01", sap: true })
  })
})

describe("exporting records", () => {
  const population = Population.abitareLaComunita(3)

  it("maps nested fields to dotted columns and arrays to JSON cells", async () => {
    const text = decode(
      await Records.recordsToBytes(population.persons.slice(0, 1), {
        schema: Records.person,
        profile: "internal",
        dialect: "rfc4180"
      })
    )
    expect(text.split("\r\n")[0]).toBe(
      "id,recordedOn,codiceFiscale,birthDate,sex,citizenship.kind,citizenship.permit,isced,labourMarket," +
        "specialCategory.disability,specialCategory.foreignBackground,specialCategory.minority," +
        "specialCategory.consent.given,specialCategory.consent.date,specialCategory.consent.purpose," +
        "specialCategory.consent.evidence,homelessOrHousingExclusion,rural"
    )
  })

  it("refuses personal records outside the internal profile", async () => {
    for (const profile of ["partner", "published"] as const)
      await expect(
        Records.recordsToBytes(population.households, { schema: Records.household, profile })
      ).rejects.toMatchObject({ reason: "PersonalDataRefused", table: "Household" })
  })
})
