/**
 * fast-check arbitraries for the Italian identifiers: person data and the codice fiscale built
 * from it (with and without omocodia), organisation codes, partite IVA and CUPs. Every value
 * they produce decodes through its `@quartieri/core` Schema; the synthetic-data generator and
 * property tests of other packages draw from them.
 *
 * @since 0.1.0
 */
import { Belfiore, Calendar, CodiceFiscale, Cup, IstatComune, PartitaIva } from "@quartieri/core"
import * as fc from "fast-check"

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

/** Real-looking names, mixed with random ones that carry accents, apostrophes and spaces. */
const nameLike = (common: ReadonlyArray<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...common) },
    {
      weight: 1,
      arbitrary: fc.string({
        unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàèéìòùÀÈ' -"),
        minLength: 1,
        maxLength: 24
      })
    }
  )

const surname = nameLike([
  "Rossi",
  "Russo",
  "Ferrari",
  "Esposito",
  "Bianchi",
  "Colombo",
  "D'Amico",
  "De Luca",
  "Lucà",
  "Fo"
])
const name = nameLike([
  "Mario",
  "Giulia",
  "Francesco",
  "Sofia",
  "Gianfranco",
  "Niccolò",
  "Aurora",
  "Ugo",
  "Maria Grazia"
])

const from = Calendar.unsafeMake("1900-01-01")
/** A birth date from 1900-01-01 to 2025-12-31. */
const birthDate: fc.Arbitrary<Calendar.CalendarDate> = fc
  .integer({ min: 0, max: Calendar.daysBetween(from, Calendar.unsafeMake("2025-12-31")) })
  .map((n) => Calendar.addDays(from, n))

/** The Belfiore codes of the seed comuni, mixed with random ones (foreign states included). */
const belfiore: fc.Arbitrary<Belfiore.Belfiore> = fc.oneof(
  fc.constantFrom(...Object.values(IstatComune.knownComuni).map((c) => c.belfiore)),
  fc
    .tuple(fc.constantFrom(...UPPER), fc.integer({ min: 0, max: 999 }))
    .map(([letter, n]) => Belfiore.Belfiore.make(`${letter}${String(n).padStart(3, "0")}`))
)

/**
 * The data of a person a codice fiscale is built from: surname and name (accents, apostrophes
 * and spaces included), a birth date from 1900 to 2025, sex and a Belfiore code.
 *
 * @since 0.1.0
 * @category constructors
 */
export const personData: fc.Arbitrary<CodiceFiscale.PersonData> = fc.record({
  surname,
  name,
  birthDate,
  sex: fc.constantFrom("F", "M"),
  belfiore
})

/**
 * A valid person's codice fiscale: mostly the canonical code of {@link personData}, sometimes
 * one of its omocode variants.
 *
 * @since 0.1.0
 * @category constructors
 */
export const personCode: fc.Arbitrary<CodiceFiscale.PersonCode> = personData.chain((person) => {
  const code = CodiceFiscale.encode(person)
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(code) },
    { weight: 1, arbitrary: fc.constantFrom(...CodiceFiscale.omocodeVariants(code)) }
  )
})

/** 10 digits, not all zeros, followed by their check digit. */
const elevenDigits: fc.Arbitrary<string> = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 })
  .map((digits) => digits.join(""))
  .filter((first10) => first10 !== "0000000000")
  .map((first10) => `${first10}${PartitaIva.checkDigit(first10)}`)

/**
 * A valid 11-digit codice fiscale of an organisation.
 *
 * @since 0.1.0
 * @category constructors
 */
export const organisationCode: fc.Arbitrary<CodiceFiscale.OrganisationCode> = elevenDigits.map((s) =>
  CodiceFiscale.OrganisationCode.make(s)
)

/**
 * A valid partita IVA.
 *
 * @since 0.1.0
 * @category constructors
 */
export const partitaIva: fc.Arbitrary<PartitaIva.PartitaIva> = elevenDigits.map((s) => PartitaIva.PartitaIva.make(s))

/**
 * A well-shaped CUP: a letter, 2 digits, a letter and 11 digits (no check digit is known).
 *
 * @since 0.1.0
 * @category constructors
 */
export const cup: fc.Arbitrary<Cup.Cup> = fc.stringMatching(/^[A-Z][0-9]{2}[A-Z][0-9]{11}$/).map((s) => Cup.Cup.make(s))
