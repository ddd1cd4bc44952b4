/**
 * `@quartieri/storage-testkit`: the conformance kit every quartieri `Store` adapter runs.
 * One call, `runConformance({ name, layer, capabilities, reopen? })`, registers the whole suite.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as AppSuites from "./AppSuites.js"
/** @since 0.1.0 */
export * as BatchImport from "./BatchImport.js"
/** @since 0.1.0 */
export * as Conformance from "./Conformance.js"
/**
 * Registers the whole conformance suite (see `Conformance.runConformance`).
 *
 * @since 0.1.0
 */
export { runConformance } from "./Conformance.js"
/** @since 0.1.0 */
export * as Contention from "./Contention.js"
/** @since 0.1.0 */
export * as Crash from "./Crash.js"
/** @since 0.1.0 */
export * as Fixtures from "./Fixtures.js"
/** @since 0.1.0 */
export * as Model from "./Model.js"
