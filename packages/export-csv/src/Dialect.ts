/**
 * The two CSV dialects quartieri writes and reads:
 *
 * - `rfc4180` — for integrators: comma separator, dot decimals, ISO dates (`2019-04-01`),
 *   booleans `true` / `false`, CRLF line ends (RFC 4180 §2), no byte-order mark.
 * - `excel-it` — for the Comuni and the Region, who open files with a double click in Excel set
 *   to Italian: semicolon separator (the comma is the decimal separator there), decimal comma,
 *   dates `01/04/2019`, booleans `sì` / `no`, CRLF line ends, and a UTF-8 byte-order mark
 *   (without it Excel reads the file as Windows-1252 and mangles every accented letter).
 *
 * Numbers are written without thousands separators in both dialects, so that a value written
 * is read back exactly. Reading is lenient where it costs nothing: booleans are accepted in
 * either dialect's words (and `vero` / `falso`, `si`, `1` / `0`).
 *
 * @since 0.1.0
 */
import { Calendar } from "@quartieri/core"

/**
 * The name of a dialect.
 *
 * @since 0.1.0
 * @category models
 */
export type Dialect = "rfc4180" | "excel-it"

/**
 * What a dialect is made of.
 *
 * @since 0.1.0
 * @category models
 */
export interface Spec {
  readonly delimiter: "," | ";"
  readonly decimal: "." | ","
  readonly bom: boolean
  readonly recordDelimiter: "\r\n"
  readonly date: "iso" | "dd/mm/yyyy"
  readonly yes: string
  readonly no: string
}

/**
 * The specification of each dialect.
 *
 * @since 0.1.0
 * @category models
 */
export const specs: { readonly [D in Dialect]: Spec } = {
  rfc4180: { delimiter: ",", decimal: ".", bom: false, recordDelimiter: "\r\n", date: "iso", yes: "true", no: "false" },
  "excel-it": {
    delimiter: ";",
    decimal: ",",
    bom: true,
    recordDelimiter: "\r\n",
    date: "dd/mm/yyyy",
    yes: "sì",
    no: "no"
  }
}

/**
 * A finite number as the dialect writes it: shortest round-trip digits (`String(n)`), with the
 * dialect's decimal separator, never a thousands separator.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatNumber = (dialect: Dialect, n: number): string => {
  const s = Object.is(n, -0) ? "0" : String(n)
  return specs[dialect].decimal === "," ? s.replace(".", ",") : s
}

const numberPattern = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/

/**
 * Reads a number written in the dialect (the decimal separator of the dialect only), or
 * `undefined` when the text is not one.
 *
 * @since 0.1.0
 * @category formatting
 */
export const parseNumber = (dialect: Dialect, text: string): number | undefined => {
  const t = text.trim()
  const other = specs[dialect].decimal === "," ? "." : ","
  if (!numberPattern.test(t) || t.includes(other)) return undefined
  const n = Number(t.replace(",", "."))
  return Number.isFinite(n) ? n : undefined
}

/**
 * An amount of cents as euros with exactly two decimals in the dialect (`123456` → `1234.56` or
 * `1234,56`), computed on the digits, never through a float division.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatCents = (dialect: Dialect, cents: number): string => {
  const negative = cents < 0
  const digits = String(Math.abs(cents)).padStart(3, "0")
  const text = `${negative ? "-" : ""}${digits.slice(0, -2)}${specs[dialect].decimal}${digits.slice(-2)}`
  return text
}

/**
 * Reads euros with at most two decimals (the dialect's separator) as whole cents, or
 * `undefined`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const parseCents = (dialect: Dialect, text: string): number | undefined => {
  const sep = specs[dialect].decimal === "," ? "," : "\\."
  const m = new RegExp(`^([+-]?)(\\d+)(?:${sep}(\\d{1,2}))?$`).exec(text.trim())
  if (m === null) return undefined
  const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"))
  if (!Number.isSafeInteger(cents)) return undefined
  return m[1] === "-" ? 0 - cents : cents
}

/**
 * Basis points as a percentage with two decimals (`1234` → `12.34` or `12,34`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatBasisPoints: (dialect: Dialect, bp: number) => string = formatCents

/**
 * Reads a percentage with at most two decimals as basis points, or `undefined`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const parseBasisPoints: (dialect: Dialect, text: string) => number | undefined = parseCents

/**
 * An ISO date as the dialect writes it (`2019-04-01` or `01/04/2019`); text that is not an ISO
 * date is left as it is.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatDate = (dialect: Dialect, iso: string): string => {
  if (specs[dialect].date === "iso") return iso
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m === null ? iso : `${m[3]}/${m[2]}/${m[1]}`
}

/**
 * Reads a date written in the dialect as an ISO date, or `undefined` when it is not a real day.
 * The Italian dialect also accepts one-digit days and months (`1/4/2019`), as Excel writes them.
 *
 * @since 0.1.0
 * @category formatting
 */
export const parseDate = (dialect: Dialect, text: string): string | undefined => {
  const t = text.trim()
  let parts: readonly [number, number, number] | undefined
  if (specs[dialect].date === "iso") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)
    if (m !== null) parts = [Number(m[1]), Number(m[2]), Number(m[3])]
  } else {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)
    if (m !== null) parts = [Number(m[3]), Number(m[2]), Number(m[1])]
  }
  return parts === undefined ? undefined : Calendar.fromParts(parts[0], parts[1], parts[2])
}

/**
 * A boolean in the dialect's words.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatBoolean = (dialect: Dialect, b: boolean): string => (b ? specs[dialect].yes : specs[dialect].no)

const yes = new Set(["true", "sì", "si", "vero", "1", "yes"])
const no = new Set(["false", "no", "falso", "0"])

/**
 * Reads a boolean in any of the accepted words (case-insensitive), or `undefined`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const parseBoolean = (text: string): boolean | undefined => {
  const t = text.trim().toLowerCase()
  return yes.has(t) ? true : no.has(t) ? false : undefined
}
