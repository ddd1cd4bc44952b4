/**
 * Partita IVA: the 11-digit VAT number of businesses and of the cooperatives and social
 * enterprises that run a project. For companies it coincides with the codice fiscale of the
 * organisation, and it has the same check digit.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Luhn11 from "./internal/luhn11.js"

/**
 * A partita IVA: 11 digits, not all zeros, with a valid check digit (see {@link checkDigit}).
 * The tax-office part (digits 8-10) is not checked: its list of values is not confirmed.
 * Source: facts.md §4.2.
 *
 * @since 0.1.0
 * @category models
 */
export const PartitaIva = Schema.String.pipe(Schema.check(...Luhn11.checks), Schema.brand("PartitaIva"))
/** @since 0.1.0 @category models */
export type PartitaIva = typeof PartitaIva.Type

/**
 * The check digit of the first 10 digits, or `undefined` when they are not 10 digits: odd
 * positions as they are, even positions doubled (minus 9 above 9), then
 * `(10 − sum mod 10) mod 10`. Source: facts.md §4.2.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkDigit: (first10: string) => number | undefined = Luhn11.checkDigit
