/**
 * Codice fiscale: the Italian tax code by which Comuni, ALER and INPS know a person or an
 * organisation. A natural person's code has 16 characters (DM 12/03/1974) and encodes surname,
 * name, birth date, sex and place of birth; an organisation's has 11 digits. Codes are decoded
 * strictly — upper case, no spaces — and every failure says what is wrong, so a clerk can fix
 * the typo; portals call {@link normalize} on what people type before decoding.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Belfiore } from "./Belfiore.js"
import * as Calendar from "./Calendar.js"
import * as Luhn11 from "./internal/luhn11.js"
import { hasLength } from "./internal/shape.js"

// ---------------------------------------------------------------------------------------------
// Tables (DM 12/03/1974; facts.md §4.1, confirmed)
// ---------------------------------------------------------------------------------------------

/** Month letters (position 9). */
const MONTHS = {
  A: { month: 1, name: "January" },
  B: { month: 2, name: "February" },
  C: { month: 3, name: "March" },
  D: { month: 4, name: "April" },
  E: { month: 5, name: "May" },
  H: { month: 6, name: "June" },
  L: { month: 7, name: "July" },
  M: { month: 8, name: "August" },
  P: { month: 9, name: "September" },
  R: { month: 10, name: "October" },
  S: { month: 11, name: "November" },
  T: { month: 12, name: "December" }
} as const
type MonthLetter = keyof typeof MONTHS
const MONTH_LETTERS = Object.keys(MONTHS).join("") // "ABCDEHLMPRST", January to December
const isMonthLetter = (c: string): c is MonthLetter => Object.hasOwn(MONTHS, c)

/** Omocodia: the letter that replaces digit `d` is `OMOCODIA.charAt(d)`. */
const OMOCODIA = "LMNPQRSTUV"
/** 0-based indexes of the digits omocodia may replace (positions 15, 14, 13, 11, 10, 8, 7), right to left. */
const OMOCODE_INDEXES: ReadonlyArray<number> = [14, 13, 12, 10, 9, 7, 6]
const toDigits = (s: string): string => s.replace(/[LMNPQRSTUV]/g, (c) => String(OMOCODIA.indexOf(c)))

/** Check-character value of a character at an odd position, by index (digit d → d, letter → A=0 … Z=25). */
const ODD_VALUES: ReadonlyArray<number> = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
]
/** Index of a digit or letter; also its value at an even position. */
const indexOf = (c: string): number => (/[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 65)

// ---------------------------------------------------------------------------------------------
// Natural persons
// ---------------------------------------------------------------------------------------------

/**
 * The check character (position 16) of the first 15 characters, or `undefined` when they are
 * not 15 digits or upper-case letters. Odd positions (1, 3, …, 15) count with the ODD table,
 * even ones with their own value (digit) or alphabet index (letter); the check character is
 * the letter of index `sum mod 26`. Source: DM 12/03/1974 (facts.md §4.1, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const checkCharacter = (first15: string): string | undefined => {
  if (!/^[0-9A-Z]{15}$/.test(first15)) return undefined
  let sum = 0
  for (let i = 0; i < 15; i++) {
    const index = indexOf(first15.charAt(i))
    sum += i % 2 === 0 ? (ODD_VALUES[index] ?? 0) : index // i = 0 is position 1, an odd position
  }
  return String.fromCharCode(65 + (sum % 26))
}

const FIRST_15 = "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}"

/**
 * The layout of a person's code, omocodia letters allowed (facts.md §4.1). {@link PersonCode}
 * checks more than this: the day, and the check character.
 *
 * @since 0.1.0
 * @category rules
 */
export const personCodePattern: RegExp = new RegExp(`^${FIRST_15}[A-Z]$`)
const first15Pattern = new RegExp(`^${FIRST_15}$`)

const part = (from: number, to: number, pattern: RegExp, problem: (quoted: string) => string) =>
  Schema.makeFilter((s: string) => pattern.test(s.slice(from, to)) || problem(JSON.stringify(s.slice(from, to))))

const OMOCODABLE = "digits or omocodia letters LMNPQRSTUV"

const checkDay = (s: string): true | string => {
  const raw = s.slice(9, 11)
  if (!/^[0-9LMNPQRSTUV]{2}$/.test(raw))
    return `invalid day ${JSON.stringify(raw)} (positions 10-11): expected 2 ${OMOCODABLE}`
  const digits = toDigits(raw)
  const shown = raw === digits ? `"${raw}"` : `"${raw}" (${digits})`
  const field = Number(digits)
  const day = field > 40 ? field - 40 : field
  if (day < 1 || day > 31) return `invalid day ${shown}: expected 01-31 (men) or 41-71 (women)`
  const letter = s.charAt(8)
  const year = toDigits(s.slice(6, 8))
  if (!isMonthLetter(letter) || !/^[0-9]{2}$/.test(year)) return true // reported by the month and year checks
  const { month, name } = MONTHS[letter]
  // A year ending in yy has a 29 February when yy % 4 = 0 (for 00: 2000 only), and so has 2000 + yy.
  const days = Calendar.daysInMonth(2000 + Number(year), month)
  const which = month === 2 ? ` of a year ending in ${year}` : ""
  return day <= days || `invalid day ${shown}: ${name} (month letter "${letter}")${which} has ${days} days`
}

const personChecks = [
  hasLength(16),
  part(0, 6, /^[A-Z]{6}$/, (p) => `invalid surname and name letters ${p} (positions 1-6): expected 6 letters A-Z`),
  part(6, 8, /^[0-9LMNPQRSTUV]{2}$/, (p) => `invalid year ${p} (positions 7-8): expected 2 ${OMOCODABLE}`),
  Schema.makeFilter(
    (s: string) =>
      isMonthLetter(s.charAt(8)) ||
      `invalid month letter ${JSON.stringify(s.charAt(8))}: expected one of ${MONTH_LETTERS}`
  ),
  Schema.makeFilter(checkDay),
  part(
    11,
    15,
    /^[A-Z][0-9LMNPQRSTUV]{3}$/,
    (p) => `invalid Belfiore code ${p} (positions 12-15): expected a letter and 3 ${OMOCODABLE}`
  ),
  Schema.makeFilter(
    (s: string) => {
      // When an earlier check fails, it is the explanation: a wrong check character would be noise.
      const first15 = s.slice(0, 15)
      if (!first15Pattern.test(first15) || checkDay(s) !== true) return true
      const expected = checkCharacter(first15)
      return (
        s.charAt(15) === expected || `invalid check character ${JSON.stringify(s.charAt(15))}: expected "${expected}"`
      )
    },
    { toJsonSchema: () => ({ pattern: personCodePattern.source }) }
  )
] as const

/**
 * A natural person's codice fiscale: 16 upper-case characters, omocodia allowed, with a real
 * month letter, a day 01-31 (men) or 41-71 (women) that exists in that month, and a valid check
 * character. Decoding is strict: apply {@link normalize} to typed input first.
 * Source: DM 12/03/1974 (facts.md §4.1, confirmed).
 *
 * @since 0.1.0
 * @category models
 */
export const PersonCode = Schema.String.pipe(Schema.check(...personChecks), Schema.brand("PersonCode"))
/** @since 0.1.0 @category models */
export type PersonCode = typeof PersonCode.Type

/**
 * Sex as recorded in the codice fiscale (the day of birth is increased by 40 for women).
 *
 * @since 0.1.0
 * @category models
 */
export const Sex = Schema.Literals(["F", "M"])
/** @since 0.1.0 @category models */
export type Sex = typeof Sex.Type

const withCheckCharacter = (first15: string): PersonCode => PersonCode.make(first15 + (checkCharacter(first15) ?? ""))

/**
 * The code with every omocodia letter turned back into its digit, and the check character
 * recomputed. Two codes belong to the same person exactly when their canonical forms are equal.
 *
 * @since 0.1.0
 * @category utils
 */
export const canonical = (code: PersonCode): PersonCode =>
  withCheckCharacter([...code.slice(0, 15)].map((c, i) => (OMOCODE_INDEXES.includes(i) ? toDigits(c) : c)).join(""))

/**
 * Every code of the same person: the 128 combinations of the 7 digits omocodia may replace,
 * each with its own check character. Element 0 is the canonical code; bit `k` of the index
 * replaces the `k`-th substitutable digit from the right, so elements 1, 3, 7, … replace the
 * rightmost 1, 2, 3, … digits. Which of them the Agenzia delle Entrate actually assigns, and in
 * which order, is not confirmed (facts.md §4.1): {@link PersonCode} accepts all of them.
 *
 * @since 0.1.0
 * @category utils
 */
export const omocodeVariants = (code: PersonCode): ReadonlyArray<PersonCode> => {
  const plain = canonical(code)
  return Array.from({ length: 2 ** OMOCODE_INDEXES.length }, (_, mask) => {
    const chars = [...plain.slice(0, 15)]
    OMOCODE_INDEXES.forEach((i, bit) => {
      if ((mask >> bit) & 1) chars[i] = OMOCODIA.charAt(Number(chars[i]))
    })
    return withCheckCharacter(chars.join(""))
  })
}

/**
 * What a person's code says about its holder.
 *
 * @since 0.1.0
 * @category models
 */
export interface Decoded {
  readonly birthDate: Calendar.CalendarDate
  readonly sex: Sex
  /** Place of birth: a comune, or a foreign state (`Z…`), with omocodia undone. */
  readonly belfiore: Belfiore
  /** Whether the code uses omocodia letters. */
  readonly omocode: boolean
}

/**
 * Decodes birth date, sex and place of birth. The code holds only the last two digits of the
 * year, so the century is chosen to make the birth date the latest one **not after `asOf`**
 * (normally today): the holder is taken to be under 100 on `asOf`, and a centenarian decodes a
 * century late — the code cannot tell them apart. Two edge cases of the supported calendar
 * (1800-2200): 29 February of a year ending in 00 is always 2000 (1800, 1900, 2100 and 2200
 * have none), and when `asOf` is before 1900 a date that would fall before 1800 moves a century on.
 *
 * @since 0.1.0
 * @category utils
 */
export const decode = (code: PersonCode, asOf: Calendar.CalendarDate): Decoded => {
  const plain = canonical(code)
  const yy = Number(plain.slice(6, 8))
  const { month } = MONTHS[plain.charAt(8) as MonthLetter] // a PersonCode has a valid month letter
  const field = Number(plain.slice(9, 11))
  const sex: Sex = field > 40 ? "F" : "M"
  const day = sex === "F" ? field - 40 : field
  const dateIn = (year: number) =>
    `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
  const asOfYear = Calendar.parts(asOf).year
  let year = asOfYear - ((asOfYear - yy) % 100) // the latest year ending in yy, up to asOf's year
  if (dateIn(year) > asOf) year -= 100
  if (year < 1800) year += 100
  if (yy === 0 && month === 2 && day === 29) year = 2000
  return {
    birthDate: Calendar.unsafeMake(dateIn(year)),
    sex,
    belfiore: Belfiore.make(plain.slice(11, 15)),
    omocode: plain !== code
  }
}

// ---------------------------------------------------------------------------------------------
// Building a code from person data
// ---------------------------------------------------------------------------------------------

const lettersOf = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z]/g, "")
const consonantsOf = (letters: string): string => letters.replace(/[AEIOU]/g, "")
const vowelsOf = (letters: string): string => letters.replace(/[^AEIOU]/g, "")

/**
 * The 3 surname letters: the consonants, then the vowels, in order, padded with `X`; accents,
 * spaces and apostrophes dropped (`D'Amico` → `DMC`, `Fo` → `FOX`). Source: DM 12/03/1974
 * (facts.md §4.1, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const surnameLetters = (surname: string): string => {
  const letters = lettersOf(surname)
  return `${consonantsOf(letters)}${vowelsOf(letters)}XXX`.slice(0, 3)
}

/**
 * The 3 name letters: with 4 or more consonants the 1st, 3rd and 4th (`Gianfranco` → `GFR`);
 * otherwise as for the surname. Source: DM 12/03/1974 (facts.md §4.1, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const nameLetters = (name: string): string => {
  const consonants = consonantsOf(lettersOf(name))
  return consonants.length >= 4
    ? `${consonants.charAt(0)}${consonants.charAt(2)}${consonants.charAt(3)}`
    : surnameLetters(name)
}

/**
 * The data a person's code is built from.
 *
 * @since 0.1.0
 * @category models
 */
export interface PersonData {
  readonly surname: string
  readonly name: string
  readonly birthDate: Calendar.CalendarDate
  readonly sex: Sex
  readonly belfiore: Belfiore
}

/**
 * Builds the canonical (omocodia-free) code of a person. It is the code the rules give, not
 * necessarily the one the Agenzia delle Entrate assigned: a homonym born the same day in the
 * same place gets an omocode variant (see {@link omocodeVariants}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const encode = (person: PersonData): PersonCode => {
  const { year, month, day } = Calendar.parts(person.birthDate)
  const first15 = [
    surnameLetters(person.surname),
    nameLetters(person.name),
    String(year % 100).padStart(2, "0"),
    MONTH_LETTERS.charAt(month - 1),
    String(person.sex === "F" ? day + 40 : day).padStart(2, "0"),
    person.belfiore
  ].join("")
  return withCheckCharacter(first15)
}

// ---------------------------------------------------------------------------------------------
// Organisations, and the union
// ---------------------------------------------------------------------------------------------

/**
 * An organisation's codice fiscale: 11 digits, not all zeros, with the check digit of the
 * partita IVA (see {@link organisationCheckDigit}). For companies it is also the partita IVA;
 * non-commercial bodies often have one starting with 8 or 9 that is not.
 * Source: facts.md §4.2 (confirmed on 80050050154, Regione Lombardia).
 *
 * @since 0.1.0
 * @category models
 */
export const OrganisationCode = Schema.String.pipe(Schema.check(...Luhn11.checks), Schema.brand("OrganisationCode"))
/** @since 0.1.0 @category models */
export type OrganisationCode = typeof OrganisationCode.Type

/**
 * The check digit of an organisation's code from its first 10 digits, or `undefined` when they
 * are not 10 digits. The same algorithm as `PartitaIva.checkDigit`. Source: facts.md §4.2.
 *
 * @since 0.1.0
 * @category rules
 */
export const organisationCheckDigit: (first10: string) => number | undefined = Luhn11.checkDigit

/**
 * A codice fiscale of a person or of an organisation. When the input is neither, the failure
 * lists why it is not a person's code and why it is not an organisation's.
 *
 * @since 0.1.0
 * @category models
 */
export const CodiceFiscale = Schema.Union([PersonCode, OrganisationCode])
/** @since 0.1.0 @category models */
export type CodiceFiscale = typeof CodiceFiscale.Type

/**
 * Whether a codice fiscale is a person's (16 characters) rather than an organisation's.
 *
 * @since 0.1.0
 * @category utils
 */
export const isPersonCode = (code: CodiceFiscale): code is PersonCode => code.length === 16

/**
 * Trims and upper-cases typed input (` rssmra85t10a562s ` → `RSSMRA85T10A562S`). Portals call
 * it before decoding; the Schemas themselves accept only the normal form, so stored codes are
 * always comparable as text.
 *
 * @since 0.1.0
 * @category formatting
 */
export const normalize = (s: string): string => s.trim().toUpperCase()
