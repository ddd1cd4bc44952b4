/**
 * Reporting: the numbers the Region and the EU ask for, produced from the micro-data as typed
 * {@link Table}s — programme results, targets vs actuals, budget execution, the registry's
 * household composition, common indicators — and the disclosure control that publishes them
 * without exposing anyone. See docs/concepts/reporting.md.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as BudgetExecution from "./reporting/BudgetExecution.js"
/** @since 0.1.0 */
export * as Composition from "./reporting/Composition.js"
/** @since 0.1.0 */
export * as Compute from "./reporting/compute.js"
/** @since 0.1.0 */
export * as Disclosure from "./reporting/Disclosure.js"
/** @since 0.1.0 */
export * as Entity from "./reporting/Entity.js"
/** @since 0.1.0 */
export * as Indicator from "./reporting/Indicator.js"
/** @since 0.1.0 */
export * as Esf2014 from "./reporting/indicators/Esf2014.js"
/** @since 0.1.0 */
export * as EsfPlus2021 from "./reporting/indicators/EsfPlus2021.js"
/** @since 0.1.0 */
export * as Participant from "./reporting/Participant.js"
/** @since 0.1.0 */
export * as ProgrammeResults from "./reporting/ProgrammeResults.js"
/** @since 0.1.0 */
export * as Table from "./reporting/Table.js"
/** @since 0.1.0 */
export * as Targets from "./reporting/Targets.js"
