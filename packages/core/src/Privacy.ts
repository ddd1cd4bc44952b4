/**
 * Privacy profiles of an export: what personal data may leave the library, and in what form.
 * Every exporter applies the profile of its dataset to every table before writing a byte, so
 * the decision follows the sensitivity of each column (`Table.Column.sensitivity`, set from the
 * `Sensitivity` marks of the Schemas) and never a list kept by the exporter.
 *
 * - `internal` — the managing body's own staff: everything, as it is.
 * - `partner` — a partner of the project (a cooperative, an accredited labour operator):
 *   special-category columns (GDPR art. 9) are **dropped**; personal columns are
 *   **pseudonymised** with a keyed HMAC-SHA-256 ({@link pseudonymise}), so that the same person
 *   gets the same pseudonym in every file made with the same key, and nobody without the key
 *   can recompute it from a codice fiscale. A partner export of a table with personal columns
 *   needs a key of at least 32 bytes; without one it is refused.
 * - `published` — anyone: a table that still has a personal or special-category column is
 *   **refused** (`ExportError` `PersonalDataRefused`). Publish a table through
 *   `Reporting.Disclosure.publish` first: it drops those columns and suppresses small counts.
 *   This module does not suppress anything by itself: the statistical disclosure control of a
 *   published table is `Disclosure.publish`'s job.
 *
 * A pseudonym is not anonymous data: under GDPR recital 26 pseudonymised data are still personal
 * data for whoever holds the key, and the partner receiving them is bound by the partnership's
 * data-processing agreement.
 *
 * @since 0.1.0
 */
import { hmac } from "@noble/hashes/hmac.js"
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import { Result, Schema } from "effect"
import { ExportError } from "./ExportError.js"
import type { LegalReference } from "./LegalReference.js"
import * as Table from "./reporting/Table.js"

/**
 * Who receives the export: `internal`, `partner` or `published` (see the module header).
 *
 * @since 0.1.0
 * @category models
 */
export const Profile = Schema.Literals(["internal", "partner", "published"])
/** @since 0.1.0 @category models */
export type Profile = typeof Profile.Type

/**
 * The shortest pseudonymisation key accepted: 32 bytes, the output length of SHA-256. RFC 2104
 * §3 strongly discourages HMAC keys shorter than the hash output.
 *
 * @since 0.1.0
 * @category parameters
 */
export const minimumKeyBytes = 32

/**
 * The sources of this module: RFC 2104 for the HMAC key length, GDPR art. 4(5) and recital 26
 * for pseudonymisation, art. 9 for special categories.
 *
 * @since 0.1.0
 * @category parameters
 */
export const source: LegalReference = {
  act: "Reg. (UE) 2016/679 (GDPR); RFC 2104",
  article: "GDPR art. 4(5), art. 9, recital 26; RFC 2104 §3",
  confidence: "unverified",
  note: "from general knowledge; the profiles are a design decision of quartieri, not a rule of the Region"
}

/**
 * The pseudonym of `value` under `key`: HMAC-SHA-256 of the UTF-8 bytes of `value`, as 64
 * lowercase hex digits. The same key and value always give the same pseudonym; another key
 * gives another. The value is hashed exactly as given: normalise it first (a codice fiscale in
 * upper case, without spaces) so that one person gets one pseudonym.
 *
 * @since 0.1.0
 * @category rules
 */
export const pseudonymise = (key: Uint8Array, value: string): string =>
  bytesToHex(hmac(sha256, key, utf8ToBytes(value)))

const refuse = (table: Table.Table, columns: ReadonlyArray<Table.Column>, detail: string): ExportError =>
  new ExportError({
    reason: "PersonalDataRefused",
    detail: `${detail}: ${columns.map((c) => c.id).join(", ")}`,
    table: table.id,
    ...(columns.length === 1 && columns[0] !== undefined ? { column: columns[0].id } : {})
  })

const pseudonymCell = (key: Uint8Array, v: Table.CellValue): Table.CellValue =>
  v === null || v === Table.suppressedMark ? v : pseudonymise(key, String(v))

/**
 * Applies a profile to one table. `internal`: the table unchanged. `partner`: special-category
 * columns dropped, personal columns pseudonymised ({@link pseudonymise} of the cell as text;
 * `null` and the suppressed mark are kept; the column's unit becomes `code`), and a note says
 * which columns were treated; a table with personal columns needs `key` (at least
 * {@link minimumKeyBytes} bytes). `published`: the table unchanged when it has no personal or
 * special-category column, otherwise `ExportError` `PersonalDataRefused` naming the columns —
 * run `Reporting.Disclosure.publish` first.
 *
 * @since 0.1.0
 * @category rules
 */
export const applyProfile = (
  table: Table.Table,
  profile: Profile,
  key?: Uint8Array
): Result.Result<Table.Table, ExportError> => {
  if (profile === "internal") return Result.succeed(table)
  const sensitive = table.columns.filter((c) => c.sensitivity !== "none")
  if (profile === "published") {
    return sensitive.length === 0
      ? Result.succeed(table)
      : Result.fail(
          refuse(
            table,
            sensitive,
            "a published export carries no personal or special-category column; publish the table with Reporting.Disclosure.publish, which drops them"
          )
        )
  }
  const special = table.columns.filter((c) => c.sensitivity === "special-category")
  const personal = table.columns.filter((c) => c.sensitivity === "personal")
  if (personal.length > 0) {
    if (key === undefined)
      return Result.fail(refuse(table, personal, "a partner export pseudonymises personal columns and needs a key"))
    if (key.length < minimumKeyBytes)
      return Result.fail(
        refuse(
          table,
          personal,
          `the pseudonymisation key has ${key.length} bytes, at least ${minimumKeyBytes} are required (RFC 2104 §3)`
        )
      )
  }
  if (sensitive.length === 0) return Result.succeed(table)
  const personalIds = new Set(personal.map((c) => c.id))
  const columns = table.columns
    .filter((c) => c.sensitivity !== "special-category")
    .map((c): Table.Column => (personalIds.has(c.id) ? { ...c, unit: "code" } : c))
  const rows = table.rows.map((r) =>
    Object.fromEntries(
      columns.map((c) => {
        const v = r[c.id] ?? null
        return [c.id, personalIds.has(c.id) && key !== undefined ? pseudonymCell(key, v) : v]
      })
    )
  )
  const notes: Array<Table.Text> = [...table.notes]
  if (personal.length > 0) {
    const ids = personal.map((c) => c.id).join(", ")
    notes.push({
      it: `Colonne pseudonimizzate (HMAC-SHA-256 con chiave): ${ids}.`,
      en: `Pseudonymised columns (keyed HMAC-SHA-256): ${ids}.`
    })
  }
  if (special.length > 0) {
    const ids = special.map((c) => c.id).join(", ")
    notes.push({
      it: `Colonne omesse (categorie particolari di dati, art. 9 GDPR): ${ids}.`,
      en: `Columns left out (special categories of data, GDPR art. 9): ${ids}.`
    })
  }
  return Result.succeed({ ...table, columns, rows, notes })
}
