/**
 * HTML text and cell formatting for the report: every piece of text that reaches the page goes
 * through {@link escapeHtml}, so a name such as `<script>alert(1)</script>` or
 * `" onmouseover="…` is shown as written and never runs. The report has no script, no event
 * handler and no link of its own, so escaping text and attribute values is the whole defence.
 *
 * The report carries **no URL at all**, not even as text: the `:` of `http:` or `https:`
 * in data is written as a character reference (`&#58;`), so a URL in a name reads the same but
 * no mail client or scanner turns it into a link, and the file can be checked for URLs by a
 * plain text search.
 *
 * @since 0.1.0
 */
import { Reporting } from "@quartieri/core"

const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
}

/**
 * `text` escaped for an HTML text node or a double- or single-quoted attribute value, with
 * the `:` of an `http:`/`https:` scheme written as `&#58;`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => entities[c] ?? c).replace(/(https?):/gi, "$1&#58;")

/**
 * The language of the report's text and number formats.
 *
 * @since 0.1.0
 * @category models
 */
export type Language = "it" | "en"

const locale = (language: Language) => (language === "it" ? "it-IT" : "en-GB")

/**
 * A whole number with the thousands separator of the language: `1.234` (it), `1,234` (en).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatCount = (n: number, language: Language = "it"): string =>
  new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(n)

/**
 * Cents as euros: `€ 229.989,54` (it), `€229,989.54` (en).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatEuros = (cents: number, language: Language = "it"): string =>
  new Intl.NumberFormat(locale(language), { style: "currency", currency: "EUR" }).format(cents / 100)

/**
 * Basis points as a percentage with one decimal: `870` → `8,7 %` (it), `8.7%` (en).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatRate = (basisPoints: number, language: Language = "it"): string =>
  new Intl.NumberFormat(locale(language), {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1
  }).format(basisPoints / 10_000)

/**
 * An ISO date as the language writes it: `16/05/2020` (it), `16 May 2020` (en).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatDate = (iso: string, language: Language = "it"): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (m === null) return iso
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: "UTC",
    ...(language === "it" ? { day: "2-digit", month: "2-digit", year: "numeric" } : { dateStyle: "medium" })
  }).format(date)
}

/**
 * How the report labels the codes of a dimension cell: `_T` is the total, `_U` what could not
 * be attributed.
 *
 * @since 0.1.0
 * @category formatting
 */
export const codeLabel = (code: string, language: Language = "it"): string =>
  code === Reporting.Table.total
    ? language === "it"
      ? "Totale"
      : "Total"
    : code === "_U"
      ? language === "it"
        ? "Non attribuito"
        : "Not attributed"
      : code

/**
 * A cell as shown (plain text, not yet escaped): `null` as an en dash (not available), the
 * suppressed mark as it is, numbers by the column's unit.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatCell = (
  column: Reporting.Table.Column,
  value: Reporting.Table.CellValue | undefined,
  language: Language = "it"
): string => {
  if (value === null || value === undefined) return "–"
  if (value === Reporting.Table.suppressedMark) return value
  if (typeof value === "string") {
    if (column.unit === "date") return formatDate(value, language)
    return column.role === "dimension" ? codeLabel(value, language) : value
  }
  switch (column.unit) {
    case "cents":
      return formatEuros(value, language)
    case "basis-points":
      return formatRate(value, language)
    default:
      return formatCount(value, language)
  }
}
