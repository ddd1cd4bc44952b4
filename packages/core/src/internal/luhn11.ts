/**
 * The 11-digit codice fiscale of organisations and the partita IVA share one layout and one
 * check digit (a Luhn variant). Both Schemas run the checks below, so the two identifiers
 * cannot drift apart.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { hasLayout, hasLength } from "./shape.js"

/**
 * The check digit of the first 10 digits, or `undefined` when `first10` is not 10 digits.
 * Digits at odd positions count as they are; digits at even positions are doubled, minus 9
 * when the double is above 9; the check digit is `(10 − sum mod 10) mod 10`.
 * Source: the algorithm of public validators, checked on Regione Lombardia's 80050050154 and
 * Ripalta Cremasca's 00301970190 (facts.md §4.2); the decree that defines it was not read.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkDigit = (first10: string): number | undefined => {
  if (!/^[0-9]{10}$/.test(first10)) return undefined
  let sum = 0
  for (let i = 0; i < 10; i++) {
    const d = Number(first10.charAt(i))
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2
  }
  return (10 - (sum % 10)) % 10
}

/**
 * The checks of an 11-digit code: length, digits only, not all zeros (which passes the
 * arithmetic), check digit.
 *
 * @since 0.1.0
 * @category rules
 */
export const checks = [
  hasLength(11),
  hasLayout("99999999999", /^[0-9]{11}$/),
  Schema.makeFilter(
    (s: string) => s !== "00000000000" || "the all-zero code 00000000000 is not valid",
    undefined,
    true
  ),
  Schema.makeFilter((s: string) => {
    const expected = String(checkDigit(s.slice(0, 10)))
    return s.charAt(10) === expected || `invalid check digit ${JSON.stringify(s.charAt(10))}: expected "${expected}"`
  })
] as const
