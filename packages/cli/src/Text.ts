/**
 * Bilingual text: every message the command prints exists in Italian (the default, for the
 * staff of the Comuni, ALER and cooperatives) and in English (`--lang en`). A message is a pair,
 * chosen at the last moment, so the `--json` output can carry the same words.
 *
 * @since 0.1.0
 */

/**
 * The languages of the command's messages.
 *
 * @since 0.1.0
 * @category models
 */
export type Language = "it" | "en"

/**
 * A message in both languages.
 *
 * @since 0.1.0
 * @category models
 */
export interface Text {
  readonly it: string
  readonly en: string
}

/**
 * A message from its Italian and English wording.
 *
 * @since 0.1.0
 * @category constructors
 */
export const text = (it: string, en: string): Text => ({ it, en })

/**
 * The same message in both languages (a path, a number, a name).
 *
 * @since 0.1.0
 * @category constructors
 */
export const same = (s: string): Text => ({ it: s, en: s })

/**
 * The message in `language`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const pick = (t: Text, language: Language): string => t[language]

/**
 * A whole number with Italian digit grouping (`1.100`) or English (`1,100`); Intl's it-IT
 * leaves four-digit numbers ungrouped, so the grouping is done here.
 *
 * @since 0.1.0
 * @category formatting
 */
export const count = (n: number, language: Language): string =>
  String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, language === "it" ? "." : ",")

/**
 * An amount in cents as euros: `€ 229.989,54` in Italian, `€229,989.54` in English.
 *
 * @since 0.1.0
 * @category formatting
 */
export const euros = (cents: number, language: Language): string => {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(Math.trunc(cents))
  const whole = count(Math.floor(abs / 100), language)
  const fraction = String(abs % 100).padStart(2, "0")
  return language === "it" ? `${sign}€ ${whole},${fraction}` : `${sign}€${whole}.${fraction}`
}
