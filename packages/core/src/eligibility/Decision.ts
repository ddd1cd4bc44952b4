/**
 * A decision: the reproducible answer to "is this household eligible for X on date D, why,
 * and what would change it?". It carries
 * - the outcome, the `asOf` date, the rule set id and version;
 * - the missing facts that would decide an undetermined outcome (only those that could);
 * - every parameter value used, with its effective date and source (`Parameter.Reading`);
 * - the trace: every rule with its result, the facts and parameters it read;
 * - a hash of the inputs, so a stored decision can be matched with a re-evaluation;
 * - an explanation in Italian and English, and counterfactual hints;
 * - its confidence: `unverified` when the outcome (or the amount) rests on an unverified rule
 *   or parameter, listed in `unverified`;
 * - for a measure that pays a contribution, the `entitlement`: the maximum amount with its
 *   case, parameter readings and trace (`Entitlement.Award`); absent for an ineligible
 *   outcome and for rule sets without an entitlement.
 *
 * It is plain data with a Schema: store it, export it for audit, decode it back.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Calendar from "../Calendar.js"
import { Confidence } from "../LegalReference.js"
import { Award } from "./Entitlement.js"
import { Explanation } from "./Explanation.js"
import { Hint } from "./Hint.js"
import { Outcome } from "./Outcome.js"
import * as Trace from "./Trace.js"

/**
 * A decision.
 *
 * @since 0.1.0
 * @category models
 */
export const Decision = Schema.Struct({
  outcome: Outcome,
  asOf: Calendar.CalendarDate,
  ruleSet: Schema.Struct({ id: Schema.String, version: Schema.String }),
  missing: Schema.Array(Schema.String),
  parameters: Schema.Array(Trace.Reading),
  trace: Trace.Node,
  inputHash: Schema.String,
  explanation: Explanation,
  hints: Schema.Array(Hint),
  confidence: Confidence,
  unverified: Schema.Array(Schema.String),
  entitlement: Schema.optionalKey(Award)
})
/** @since 0.1.0 @category models */
export type Decision = typeof Decision.Type
/** The JSON form of a decision. @since 0.1.0 @category models */
export type DecisionEncoded = typeof Decision.Encoded
