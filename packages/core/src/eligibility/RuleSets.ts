/**
 * Every rule set quartieri ships, in one list: the test that every rule and parameter cites a
 * legal source with a confidence runs over it, so a new rule set is added here.
 *
 * @since 0.1.0
 */
import type * as RuleSet from "./RuleSet.js"
import * as SapAccess from "./rulesets/SapAccess.js"

/**
 * All rule sets.
 *
 * @since 0.1.0
 * @category rules
 */
export const all: ReadonlyArray<RuleSet.RuleSet> = [SapAccess.ruleSet]
