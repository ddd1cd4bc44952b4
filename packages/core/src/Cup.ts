/**
 * CUP (Codice Unico di Progetto, L. 3/2003 art. 11): the 15-character code that every public
 * investment project carries, and the key for exporting projects to OpenCoesione.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { hasLayout, hasLength } from "./internal/shape.js"

/**
 * A CUP, checked for its shape only: a letter, 2 digits, a letter and 11 digits
 * (`J51H17000030007`). The shape is the one observed in real CUPs; the meaning of the
 * characters and whether the last ones form a check digit are **not confirmed**, so no check
 * digit is computed and a well-shaped but unassigned CUP is accepted. Source: facts.md §4.3.
 *
 * @since 0.1.0
 * @category models
 */
export const Cup = Schema.String.pipe(
  Schema.check(hasLength(15), hasLayout("L99L99999999999", /^[A-Z][0-9]{2}[A-Z][0-9]{11}$/)),
  Schema.brand("Cup")
)
/** @since 0.1.0 @category models */
export type Cup = typeof Cup.Type
