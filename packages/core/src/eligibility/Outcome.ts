/**
 * The answer to "is this household eligible on this date?": `eligible`, `ineligible`, or
 * `undetermined` when facts that could change the answer are missing. Undetermined is an
 * answer, not an error: it says exactly what to ask the family for.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Bilingual from "./Bilingual.js"
import type { Truth } from "./Truth.js"

/**
 * The outcome of a decision.
 *
 * @since 0.1.0
 * @category models
 */
export const Outcome = Schema.Literals(["eligible", "ineligible", "undetermined"])
/** @since 0.1.0 @category models */
export type Outcome = typeof Outcome.Type

/** The outcome of a rule set whose root rule has this truth. @since 0.1.0 @category constructors */
export const fromTruth = (t: Truth): Outcome =>
  t === "true" ? "eligible" : t === "false" ? "ineligible" : "undetermined"

/**
 * The outcome in words: "Idoneo" / "Eligible", "Non idoneo" / "Not eligible",
 * "Non determinabile" / "Undetermined".
 *
 * @since 0.1.0
 * @category formatting
 */
export const headline = (o: Outcome): Bilingual.Bilingual =>
  o === "eligible"
    ? Bilingual.make("Idoneo", "Eligible")
    : o === "ineligible"
      ? Bilingual.make("Non idoneo", "Not eligible")
      : Bilingual.make("Non determinabile", "Undetermined")
