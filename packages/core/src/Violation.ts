/**
 * A broken rule: which rule, why (in Italian and English), and the act it comes from. Rules in
 * quartieri never stop at the first problem: they collect every {@link Violation}, so a
 * coordinator fixes a partnership or a budget in one pass, not one error at a time.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import { LegalReference } from "./LegalReference.js"

/**
 * One broken rule. `rule` is a stable id (`partnership.capofila-kind`), `message` the English
 * explanation, `messageIt` the Italian one, `subject` what it is about (a member, a line id).
 *
 * @since 0.1.0
 * @category models
 */
export class Violation extends Schema.Class<Violation>("Violation")({
  rule: Schema.String,
  message: Schema.String,
  messageIt: Schema.String,
  source: LegalReference,
  subject: Schema.optionalKey(Schema.String)
}) {}

/**
 * Turns the violations a rule collected into a result: success when there are none, otherwise
 * the error built from the non-empty list.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toResult = <E>(
  violations: ReadonlyArray<Violation>,
  onFailure: (violations: readonly [Violation, ...Array<Violation>]) => E
): Result.Result<void, E> => {
  const [first, ...rest] = violations
  return first === undefined ? Result.void : Result.fail(onFailure([first, ...rest]))
}
