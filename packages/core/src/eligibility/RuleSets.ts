/**
 * Every rule set quartieri ships, in one list: the test that every rule and parameter cites a
 * legal source with a confidence runs over it, so a new rule set is added here.
 *
 * @since 0.1.0
 */
import type * as RuleSet from "./RuleSet.js"
import * as ContributoSolidarieta from "./rulesets/ContributoSolidarieta.js"
import * as InclusioneAttiva from "./rulesets/InclusioneAttiva.js"
import * as Indigenza from "./rulesets/Indigenza.js"
import * as MorositaContenuta from "./rulesets/MorositaContenuta.js"
import * as MorositaIncolpevole from "./rulesets/MorositaIncolpevole.js"
import * as SapAccess from "./rulesets/SapAccess.js"

/**
 * All rule sets.
 *
 * @since 0.1.0
 * @category rules
 */
export const all: ReadonlyArray<RuleSet.RuleSet> = [
  SapAccess.ruleSet,
  Indigenza.ruleSet,
  ContributoSolidarieta.ruleSet,
  InclusioneAttiva.ruleSet,
  MorositaContenuta.ruleSet,
  MorositaIncolpevole.ruleSet
]
