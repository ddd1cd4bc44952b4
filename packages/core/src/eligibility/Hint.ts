/**
 * What would change a decision. Neither OpenFisca nor Catala says it; a family and the
 * social worker next to it need it most. A hint is structured data — which fact, which
 * relation and value, or which fact is missing — plus its text in Italian and English, so a
 * portal can offer "what if" and a test can apply it and evaluate again:
 * - `Requirement`: a rule that fails (or an exception that holds) would change if the fact
 *   satisfied the relation; `witness` is a value that does, `sufficient` says whether that
 *   change alone makes the household eligible ("idoneo con ISEE non superiore a € 16.000,00");
 * - `Missing`: a missing fact that would decide an undetermined outcome ("manca: data di
 *   inizio della locazione");
 * - `Unmet`: a rule that fails for which no single fact value can be named (a custom leaf
 *   without a counterfactual, or no admissible value).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Bilingual } from "./Bilingual.js"
import type * as Fact from "./Fact.js"

/**
 * The relation a fact must satisfy: a bound, or a set of values.
 *
 * @since 0.1.0
 * @category models
 */
export const Relation = Schema.Literals(["<=", "<", ">=", ">", "in", "not-in"])
/** @since 0.1.0 @category models */
export type Relation = typeof Relation.Type

/**
 * Change `fact` so that it satisfies `relation value`; `witness` does (both encoded, as facts
 * are supplied). `rule` is the leaf it changes and `desired` the value that leaf then takes.
 *
 * @since 0.1.0
 * @category models
 */
export const Requirement = Schema.TaggedStruct("Requirement", {
  rule: Schema.String,
  desired: Schema.Boolean,
  fact: Schema.String,
  relation: Relation,
  value: Schema.Unknown,
  witness: Schema.Unknown,
  sufficient: Schema.Boolean,
  text: Bilingual
})
/** @since 0.1.0 @category models */
export type Requirement = typeof Requirement.Type

/**
 * Supply `fact`, which the listed rules need to decide.
 *
 * @since 0.1.0
 * @category models
 */
export const Missing = Schema.TaggedStruct("Missing", {
  fact: Schema.String,
  rules: Schema.Array(Schema.String),
  text: Bilingual
})
/** @since 0.1.0 @category models */
export type Missing = typeof Missing.Type

/**
 * `rule` would have to take the value `desired`, but no single fact value can be named.
 *
 * @since 0.1.0
 * @category models
 */
export const Unmet = Schema.TaggedStruct("Unmet", {
  rule: Schema.String,
  desired: Schema.Boolean,
  text: Bilingual
})
/** @since 0.1.0 @category models */
export type Unmet = typeof Unmet.Type

/** @since 0.1.0 @category models */
export const Hint = Schema.Union([Requirement, Missing, Unmet])
/** @since 0.1.0 @category models */
export type Hint = typeof Hint.Type

/**
 * The facts with a requirement applied: the fact set to the hint's witness. What a portal's
 * "what if" does before evaluating again.
 *
 * @since 0.1.0
 * @category utils
 */
export const apply = (facts: Fact.Input, hint: Requirement): Fact.Input => ({ ...facts, [hint.fact]: hint.witness })
