import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { Belfiore, Calendar, CodiceFiscale, Cup, Ids, IstatComune, PartitaIva } from "../src/index.js"

const isValid = (schema: Schema.Decoder<unknown>, input: unknown): boolean =>
  Result.isSuccess(Schema.decodeUnknownResult(schema)(input, { errors: "all" }))

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
const ALPHANUMERIC = `${UPPER}0123456789`

// Person data: names with accents, apostrophes and spaces; births 1900-2025; any Belfiore code.
const nameArb = fc.oneof(
  fc.constantFrom("Rossi", "D'Amico", "De Luca", "Lucà", "Fo", "O", "Nicolò", "Gianfranco", "Maria Grazia"),
  fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàèéìòùÀÈ' -"),
    maxLength: 24
  })
)
const from = Calendar.unsafeMake("1900-01-01")
const birthDateArb = fc
  .integer({ min: 0, max: Calendar.daysBetween(from, Calendar.unsafeMake("2025-12-31")) })
  .map((n) => Calendar.addDays(from, n))
const belfioreArb = fc
  .tuple(fc.constantFrom(...UPPER), fc.integer({ min: 0, max: 999 }))
  .map(([letter, n]) => Belfiore.Belfiore.make(`${letter}${String(n).padStart(3, "0")}`))
const personArb = fc.record({
  surname: nameArb,
  name: nameArb,
  birthDate: birthDateArb,
  sex: fc.constantFrom("F", "M"),
  belfiore: belfioreArb
})
/** A valid code, canonical or with omocodia. */
const personCodeArb = personArb.chain((p) => fc.constantFrom(...CodiceFiscale.omocodeVariants(CodiceFiscale.encode(p))))
/** A valid 11-digit code: 10 random digits and their check digit, never all zeros. */
const elevenDigitArb = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 })
  .map((digits) => digits.join(""))
  .filter((first10) => first10 !== "0000000000")
  .map((first10) => `${first10}${PartitaIva.checkDigit(first10)}`)
/** Strings close to identifiers: the right alphabet, lengths around the right ones. */
const nearArb = fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), maxLength: 17 })
const asOf = Calendar.unsafeMake("2026-01-01")

describe("CodiceFiscale (property)", () => {
  // The holder is under 100 on asOf: birth + 0 … 36 499 days (100 years are at least 36 524 days).
  test.prop([personArb, fc.integer({ min: 0, max: 36_499 })])(
    "a code built by encode is valid and decodes back to the person's data",
    (person, age) => {
      const code = CodiceFiscale.encode(person)
      expect(isValid(CodiceFiscale.PersonCode, code)).toBe(true)
      expect(code).toMatch(CodiceFiscale.personCodePattern)
      expect(CodiceFiscale.decode(code, Calendar.addDays(person.birthDate, age))).toEqual({
        birthDate: person.birthDate,
        sex: person.sex,
        belfiore: person.belfiore,
        omocode: false
      })
    }
  )

  test.prop([
    personArb.chain((p) =>
      fc.tuple(fc.constant(p), fc.constantFrom(...CodiceFiscale.omocodeVariants(CodiceFiscale.encode(p))))
    )
  ])("every omocode variant is valid and decodes to the person's data", ([person, code]) => {
    const plain = CodiceFiscale.encode(person)
    expect(isValid(CodiceFiscale.PersonCode, code)).toBe(true)
    expect(CodiceFiscale.canonical(code)).toBe(plain)
    expect(CodiceFiscale.decode(code, person.birthDate)).toEqual({
      birthDate: person.birthDate,
      sex: person.sex,
      belfiore: person.belfiore,
      omocode: code !== plain
    })
  })

  test.prop([personCodeArb, fc.integer({ min: 0, max: 15 }), fc.constantFrom(...ALPHANUMERIC, "a", "z", " ", "-")])(
    "a single-character change is rejected, or is an omocode of the same person",
    (code, position, replacement) => {
      fc.pre(code.charAt(position) !== replacement)
      const changed = `${code.slice(0, position)}${replacement}${code.slice(position + 1)}`
      const result = Schema.decodeUnknownResult(CodiceFiscale.PersonCode)(changed)
      if (Result.isSuccess(result)) {
        expect(CodiceFiscale.canonical(result.success)).toBe(CodiceFiscale.canonical(code))
        expect({ ...CodiceFiscale.decode(result.success, asOf), omocode: false }).toEqual({
          ...CodiceFiscale.decode(code, asOf),
          omocode: false
        })
      }
    }
  )

  test.prop([personCodeArb, fc.constantFrom("", " ", "  ", "\t")])(
    "normalize recovers a valid code typed in lower case with surrounding spaces",
    (code, space) => {
      expect(CodiceFiscale.normalize(`${space}${code.toLowerCase()}${space}`)).toBe(code)
    }
  )

  test.prop([nearArb])("whatever PersonCode accepts has the layout of facts.md §4.1", (s) => {
    if (isValid(CodiceFiscale.PersonCode, s)) expect(s).toMatch(CodiceFiscale.personCodePattern)
  })

  test.prop([fc.oneof(personCodeArb, elevenDigitArb)])("CodiceFiscale accepts both kinds and tells them apart", (s) => {
    const code = Schema.decodeUnknownSync(CodiceFiscale.CodiceFiscale)(s)
    expect(CodiceFiscale.isPersonCode(code)).toBe(s.length === 16)
  })
})

describe("11-digit codes (property)", () => {
  test.prop([elevenDigitArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 })])(
    "any single-digit change of a valid partita IVA / organisation code is rejected",
    (code, position, delta) => {
      expect(isValid(PartitaIva.PartitaIva, code)).toBe(true)
      expect(isValid(CodiceFiscale.OrganisationCode, code)).toBe(true)
      const digit = (Number(code.charAt(position)) + delta) % 10
      const changed = `${code.slice(0, position)}${digit}${code.slice(position + 1)}`
      expect(isValid(PartitaIva.PartitaIva, changed)).toBe(false)
      expect(isValid(CodiceFiscale.OrganisationCode, changed)).toBe(false)
    }
  )
})

describe("shapes (property)", () => {
  test.prop([fc.stringMatching(/^[A-Z][0-9]{2}[A-Z][0-9]{11}$/)])("every string of the CUP shape is a CUP", (s) => {
    expect(isValid(Cup.Cup, s)).toBe(true)
  })
  test.prop([fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/)])("every id-shaped string is an id", (s) => {
    expect(isValid(Ids.PersonId, s)).toBe(true)
  })
})

describe("decoding never throws (property)", () => {
  const schemas = {
    PersonCode: CodiceFiscale.PersonCode,
    OrganisationCode: CodiceFiscale.OrganisationCode,
    CodiceFiscale: CodiceFiscale.CodiceFiscale,
    PartitaIva: PartitaIva.PartitaIva,
    Cup: Cup.Cup,
    IstatComune: IstatComune.IstatComune,
    Belfiore: Belfiore.Belfiore,
    PersonId: Ids.PersonId
  }
  const inputArb = fc.oneof(fc.anything(), fc.jsonValue(), fc.string(), fc.string({ unit: "grapheme" }), nearArb)

  for (const [name, schema] of Object.entries(schemas)) {
    test.prop([inputArb])(`${name}: any input gives a result, and a failure says why`, (input) => {
      const result = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
      if (Result.isFailure(result)) expect(result.failure.message.length).toBeGreaterThan(0)
      else expect(typeof result.success).toBe("string")
    })
  }
})
