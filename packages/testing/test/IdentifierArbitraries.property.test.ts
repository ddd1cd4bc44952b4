import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { CodiceFiscale, Cup, PartitaIva } from "@quartieri/core"
import { Result, Schema } from "effect"
import { IdentifierArbitraries } from "../src/index.js"

const isValid = (schema: Schema.Decoder<unknown>, input: unknown): boolean =>
  Result.isSuccess(Schema.decodeUnknownResult(schema)(input, { errors: "all" }))

describe("IdentifierArbitraries (property)", () => {
  test.prop([IdentifierArbitraries.personData])("person data encodes to a code that decodes back to it", (person) => {
    const code = CodiceFiscale.encode(person)
    expect(isValid(CodiceFiscale.PersonCode, code)).toBe(true)
    const { birthDate, sex, belfiore } = CodiceFiscale.decode(code, person.birthDate)
    expect({ birthDate, sex, belfiore }).toEqual({
      birthDate: person.birthDate,
      sex: person.sex,
      belfiore: person.belfiore
    })
    expect(person.birthDate >= "1900-01-01" && person.birthDate <= "2025-12-31").toBe(true)
  })

  test.prop([IdentifierArbitraries.personCode])("personCode is a valid codice fiscale", (code) => {
    expect(isValid(CodiceFiscale.PersonCode, code)).toBe(true)
    expect(isValid(CodiceFiscale.CodiceFiscale, code)).toBe(true)
  })

  test.prop([IdentifierArbitraries.organisationCode])("organisationCode is a valid codice fiscale", (code) => {
    expect(isValid(CodiceFiscale.OrganisationCode, code)).toBe(true)
    expect(isValid(CodiceFiscale.CodiceFiscale, code)).toBe(true)
  })

  test.prop([IdentifierArbitraries.partitaIva])("partitaIva is a valid partita IVA", (code) => {
    expect(isValid(PartitaIva.PartitaIva, code)).toBe(true)
  })

  test.prop([IdentifierArbitraries.cup])("cup is a valid CUP", (code) => {
    expect(isValid(Cup.Cup, code)).toBe(true)
  })

  it("personCode yields canonical codes and omocode variants", () => {
    const codes = fc.sample(IdentifierArbitraries.personCode, { numRuns: 500, seed: 1 })
    expect(codes.some((code) => CodiceFiscale.canonical(code) === code)).toBe(true)
    expect(codes.some((code) => CodiceFiscale.canonical(code) !== code)).toBe(true)
  })
})
