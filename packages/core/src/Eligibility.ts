/**
 * Eligibility: rules as code with dated parameters, three-valued evaluation, traces,
 * explanations in Italian and English, counterfactual hints ("what would change it") and
 * amounts; the rule sets of SAP access, indigenza, the contributo di solidarietà, Inclusione
 * attiva and the two arrears measures; and the bridge from registry records to facts.
 * See docs/concepts/eligibility.md.
 *
 * ```ts
 * import { Eligibility } from "@quartieri/core"
 * const decision = Eligibility.Engine.evaluate(Eligibility.SapAccess.ruleSet, {
 *   asOf: "2024-06-30",
 *   facts: { citizenship: "italiana", isee: 1_750_000 }
 * })
 * ```
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Batch from "./eligibility/Batch.js"
/** @since 0.1.0 */
export * as Bilingual from "./eligibility/Bilingual.js"
/** @since 0.1.0 */
export * as Bound from "./eligibility/Bound.js"
/** @since 0.1.0 */
export * as Decision from "./eligibility/Decision.js"
/** @since 0.1.0 */
export * as Engine from "./eligibility/Engine.js"
/** @since 0.1.0 */
export * as Entitlement from "./eligibility/Entitlement.js"
/** @since 0.1.0 */
export * as Explanation from "./eligibility/Explanation.js"
/** @since 0.1.0 */
export * as Fact from "./eligibility/Fact.js"
/** @since 0.1.0 */
export * as FromRegistry from "./eligibility/FromRegistry.js"
/** @since 0.1.0 */
export * as Hint from "./eligibility/Hint.js"
/** @since 0.1.0 */
export * as InputHash from "./eligibility/InputHash.js"
/** @since 0.1.0 */
export * as Outcome from "./eligibility/Outcome.js"
/** @since 0.1.0 */
export * as Predicate from "./eligibility/Predicate.js"
/** @since 0.1.0 */
export * as Rule from "./eligibility/Rule.js"
/** @since 0.1.0 */
export * as RuleSet from "./eligibility/RuleSet.js"
/** @since 0.1.0 */
export * as RuleSets from "./eligibility/RuleSets.js"
/** @since 0.1.0 */
export * as ContributoSolidarieta from "./eligibility/rulesets/ContributoSolidarieta.js"
/** @since 0.1.0 */
export * as InclusioneAttiva from "./eligibility/rulesets/InclusioneAttiva.js"
/** @since 0.1.0 */
export * as Indigenza from "./eligibility/rulesets/Indigenza.js"
/** @since 0.1.0 */
export * as MorositaContenuta from "./eligibility/rulesets/MorositaContenuta.js"
/** @since 0.1.0 */
export * as MorositaIncolpevole from "./eligibility/rulesets/MorositaIncolpevole.js"
/** @since 0.1.0 */
export * as SapAccess from "./eligibility/rulesets/SapAccess.js"
/** @since 0.1.0 */
export * as TenancyFacts from "./eligibility/rulesets/TenancyFacts.js"
/** @since 0.1.0 */
export * as Trace from "./eligibility/Trace.js"
/** @since 0.1.0 */
export * as Truth from "./eligibility/Truth.js"
