import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "@effect/vitest"
import { JsonSchemas } from "../src/index.js"

const dir = fileURLToPath(new URL("../schemas/", import.meta.url))

const refs = (u: unknown): Array<string> =>
  Array.isArray(u)
    ? u.flatMap(refs)
    : typeof u === "object" && u !== null
      ? Object.entries(u).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refs(v)))
      : []

describe("JSON Schemas", () => {
  it("the files in schemas/ are up to date (run `pnpm --filter @quartieri/export-json build:schemas`)", () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    ).toEqual(JsonSchemas.catalogue.map((e) => `${e.name}.json`).sort())
    for (const entry of JsonSchemas.catalogue)
      expect(JSON.parse(readFileSync(`${dir}${entry.name}.json`, "utf8")), `schemas/${entry.name}.json`).toEqual(
        JsonSchemas.document(entry)
      )
  })

  it.each(JsonSchemas.catalogue.map((e) => [e.name, e] as const))(
    "%s is a draft 2020-12 document whose $refs resolve",
    (_, entry) => {
      const doc = JsonSchemas.document(entry)
      expect(doc.$schema).toBe("https://json-schema.org/draft/2020-12/schema")
      const defs = (doc.$defs ?? {}) as Record<string, unknown>
      for (const ref of refs(doc)) {
        expect(ref).toMatch(/^#\/\$defs\//)
        expect(defs[ref.slice("#/$defs/".length)], ref).toBeDefined()
      }
    }
  )

  it("lists the personal fields of a person", () => {
    const person = JsonSchemas.catalogue.find((e) => e.name === "person")
    expect(person && JsonSchemas.document(person)["x-quartieri-sensitive-fields"]).toEqual({
      personal: [
        "codiceFiscale",
        "birthDate",
        "sex",
        "citizenship",
        "isced",
        "labourMarket",
        "homelessOrHousingExclusion",
        "rural"
      ],
      "special-category": ["specialCategory"]
    })
  })
})
