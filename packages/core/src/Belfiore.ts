/**
 * Belfiore (cadastral) codes: a letter and 3 digits naming a comune (`F205` Milano) or, with
 * `Z`, a foreign state. They are the place of birth inside a codice fiscale, so decoding a
 * code yields one.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { hasLayout, hasLength } from "./internal/shape.js"

/**
 * A Belfiore code: a letter A-Z and 3 digits, e.g. `F205`. Source: facts.md §4.1, §4.4.
 *
 * @since 0.1.0
 * @category models
 */
export const Belfiore = Schema.String.pipe(
  Schema.check(hasLength(4), hasLayout("L999", /^[A-Z][0-9]{3}$/)),
  Schema.brand("Belfiore")
)
/** @since 0.1.0 @category models */
export type Belfiore = typeof Belfiore.Type

/**
 * Whether the code names a foreign state (`Z` + 3 digits) rather than an Italian comune.
 * Source: facts.md §4.1.
 *
 * @since 0.1.0
 * @category utils
 */
export const isForeignState = (code: Belfiore): boolean => code.startsWith("Z")
