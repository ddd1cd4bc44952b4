/**
 * Formula injection (CSV injection): a spreadsheet runs a cell that starts with `=`, `+`, `-`
 * or `@` as a formula, and some also treat a leading tab or carriage return as a way in, so a
 * text such as `=HYPERLINK("http://…")` typed into a portal form could run on the desktop of
 * a Comune's clerk (OWASP, "CSV Injection"). Every text cell quartieri writes to CSV or XLSX
 * goes through {@link neutralise} (this module is in core so that every exporter shares the rule): a leading apostrophe makes the spreadsheet show the text as
 * text. Numeric columns (unit count, cents, hours, basis points) are written by the exporter
 * itself from numbers and are not neutralised (`-5` stays a negative number).
 *
 * So that a value survives a round trip exactly, a text that already starts with apostrophes
 * followed by a trigger gets one more: {@link restore} removes exactly one apostrophe from such
 * a text and leaves every other text alone.
 *
 * @since 0.1.0
 */

/**
 * The characters that make a spreadsheet read a cell as a formula.
 *
 * @since 0.1.0
 * @category models
 */
export const triggers: ReadonlyArray<string> = ["=", "+", "-", "@", "\t", "\r"]

const needsEscape = /^'*[=+\-@\t\r]/

/**
 * The text as it is safe to write in a text cell: with a leading apostrophe when it starts
 * (after any apostrophes) with a formula trigger.
 *
 * @since 0.1.0
 * @category formatting
 */
export const neutralise = (text: string): string => (needsEscape.test(text) ? `'${text}` : text)

/**
 * Undoes {@link neutralise}: `restore(neutralise(s)) === s` for every string.
 *
 * @since 0.1.0
 * @category formatting
 */
export const restore = (text: string): string => (/^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text)

/**
 * Whether a text would be read as a formula by a spreadsheet.
 *
 * @since 0.1.0
 * @category utils
 */
export const isDangerous = (text: string): boolean => /^[=+\-@\t\r]/.test(text)
