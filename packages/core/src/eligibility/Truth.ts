/**
 * Three-valued truth (Kleene's strong logic): a requirement is met (`true`), not met
 * (`false`), or cannot be decided yet because a fact is missing (`unknown`). Unlike a plain
 * boolean, `unknown` is never silently read as `false`: `false` AND `unknown` is `false`
 * (the missing fact cannot change it), but `true` AND `unknown` stays `unknown`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * A Kleene truth value.
 *
 * @since 0.1.0
 * @category models
 */
export const Truth = Schema.Literals(["true", "false", "unknown"])
/** @since 0.1.0 @category models */
export type Truth = typeof Truth.Type

/** A boolean as a truth value. @since 0.1.0 @category constructors */
export const fromBoolean = (b: boolean): Truth => (b ? "true" : "false")

/**
 * Kleene conjunction: `false` if any is false, else `unknown` if any is unknown, else `true`
 * (so the conjunction of nothing is `true`).
 *
 * @since 0.1.0
 * @category utils
 */
export const and = (values: Iterable<Truth>): Truth => {
  let result: Truth = "true"
  for (const v of values) {
    if (v === "false") return "false"
    if (v === "unknown") result = "unknown"
  }
  return result
}

/**
 * Kleene disjunction: `true` if any is true, else `unknown` if any is unknown, else `false`
 * (so the disjunction of nothing is `false`).
 *
 * @since 0.1.0
 * @category utils
 */
export const or = (values: Iterable<Truth>): Truth => {
  let result: Truth = "false"
  for (const v of values) {
    if (v === "true") return "true"
    if (v === "unknown") result = "unknown"
  }
  return result
}

/** Kleene negation: swaps `true` and `false`, keeps `unknown`. @since 0.1.0 @category utils */
export const not = (v: Truth): Truth => (v === "true" ? "false" : v === "false" ? "true" : "unknown")
