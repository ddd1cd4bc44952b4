/**
 * Where the work happens: a quartiere (neighbourhood) of a Comune, and the complessi — ERP
 * housing complexes — inside it. A laboratorio sociale sits in a complesso, a household's
 * tenancy names the complesso and the unit, and the Region's figures per project (housing
 * units, households reached) are counted per complesso. The owner of a complesso is the
 * organisation that lets its units (an ALER or the Comune itself).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Ids from "./Ids.js"
import { IstatComune } from "./IstatComune.js"

/**
 * Id of a quartiere. Same rules as the ids of `Ids` (1–64 characters from `[A-Za-z0-9._:-]`);
 * kept here until `Ids` lists it.
 *
 * @since 0.1.0
 * @category models
 */
export const QuartiereId = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter(
      (s: string) =>
        /^[A-Za-z0-9._:-]{1,64}$/.test(s) || "expected an id of 1 to 64 characters from A-Z a-z 0-9 . _ : -"
    )
  ),
  Schema.brand("QuartiereId")
)
/** @since 0.1.0 @category models */
export type QuartiereId = typeof QuartiereId.Type

const NonEmptyText = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((s: string) => s.trim().length > 0 || "expected a non-empty text"),
    Schema.makeFilter((s: string) => s === s.trim() || "expected no leading or trailing whitespace")
  )
)

/**
 * A quartiere: its name as the Comune uses it (`San Bernardo-Borgo Loreto`) and the ISTAT
 * code of the Comune.
 *
 * @since 0.1.0
 * @category models
 */
export const Quartiere = Schema.Struct({
  id: QuartiereId,
  name: NonEmptyText,
  comune: IstatComune
})
/** @since 0.1.0 @category models */
export type Quartiere = typeof Quartiere.Type

/**
 * An ERP housing complex: the quartiere it belongs to, its address, the ISTAT code of its
 * Comune, the owner organisation (ALER or Comune) and its number of housing units (≥ 1).
 *
 * @since 0.1.0
 * @category models
 */
export const Complesso = Schema.Struct({
  id: Ids.SiteId,
  quartiere: QuartiereId,
  address: NonEmptyText,
  comune: IstatComune,
  owner: Ids.OrganisationId,
  housingUnits: Schema.Number.pipe(
    Schema.check(
      Schema.makeFilter(
        (n: number) => (Number.isInteger(n) && n >= 1) || "expected a whole number of housing units, at least 1"
      )
    )
  )
})
/** @since 0.1.0 @category models */
export type Complesso = typeof Complesso.Type

/**
 * Problems between complessi and their quartieri, as messages: a complesso whose quartiere is
 * not listed, or whose Comune differs from its quartiere's. Empty when consistent.
 *
 * @since 0.1.0
 * @category rules
 */
export const inconsistencies = (
  quartieri: ReadonlyArray<Quartiere>,
  complessi: ReadonlyArray<Complesso>
): ReadonlyArray<string> => {
  const byId = new Map(quartieri.map((q) => [q.id, q]))
  return complessi.flatMap((c) => {
    const q = byId.get(c.quartiere)
    if (q === undefined) return [`complesso ${c.id}: quartiere ${c.quartiere} is not listed`]
    return q.comune === c.comune
      ? []
      : [`complesso ${c.id} is in comune ${c.comune}, but its quartiere ${q.id} is in comune ${q.comune}`]
  })
}
