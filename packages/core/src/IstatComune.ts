/**
 * ISTAT comune codes (6 digits: 3-digit province + 3-digit progressive) and the comuni of the
 * seed projects. The ISTAT code is the key of statistical and open-data exports; the Belfiore
 * code of the same comune is the one found in a codice fiscale.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Belfiore } from "./Belfiore.js"
import { hasLayout, hasLength } from "./internal/shape.js"

/**
 * An ISTAT comune code: 6 digits, e.g. `015146` (Milano). Source: facts.md §4.4.
 *
 * @since 0.1.0
 * @category models
 */
export const IstatComune = Schema.String.pipe(
  Schema.check(hasLength(6), hasLayout("999999", /^[0-9]{6}$/)),
  Schema.brand("IstatComune")
)
/** @since 0.1.0 @category models */
export type IstatComune = typeof IstatComune.Type

/**
 * The 3-digit ISTAT province code of a comune: `015` for `015146`.
 *
 * @since 0.1.0
 * @category utils
 */
export const province = (code: IstatComune): string => code.slice(0, 3)

/**
 * Sigla of the provinces of the seed projects by ISTAT province code. Source: facts.md §4.4
 * (confirmed in a comuni CSV).
 *
 * @since 0.1.0
 * @category parameters
 */
export const provinceSigla = { "015": "MI", "017": "BS", "019": "CR" } as const

/**
 * A comune with its ISTAT code, Belfiore code and province sigla.
 *
 * @since 0.1.0
 * @category models
 */
export interface KnownComune {
  readonly name: string
  readonly istat: IstatComune
  readonly belfiore: Belfiore
  readonly province: string
}

const comune = (name: string, istat: string, belfiore: string, province: string): KnownComune => ({
  name,
  istat: IstatComune.make(istat),
  belfiore: Belfiore.make(belfiore),
  province
})

/**
 * The comuni of the seed projects, by ISTAT code. Only these five: the library holds no full
 * list of comuni. Source: facts.md §4.4 (all confirmed in public CSV fixtures and Belfiore lists).
 *
 * @since 0.1.0
 * @category parameters
 */
export const knownComuni = {
  "015146": comune("Milano", "015146", "F205", "MI"),
  "017029": comune("Brescia", "017029", "B157", "BS"),
  "019035": comune("Crema", "019035", "D142", "CR"),
  "019036": comune("Cremona", "019036", "D150", "CR"),
  "019081": comune("Ripalta Cremasca", "019081", "H315", "CR")
} as const satisfies Record<string, KnownComune>
