/**
 * The application API: the use-cases a portal calls as an actor, over any `Store`. Every
 * use-case decodes its whole input, asks the access policy, applies the pure rule and writes
 * the records with their audit events in one transaction; nothing bypasses the policy or the
 * audit log, and a bad request is refused whole. See docs/concepts/application.md.
 *
 * - `Quartieri`: every use-case in one service (`Quartieri.layerOn(storeLayer)`);
 * - `Projects`, `Registry`, `Erasure`, `Laboratori`, `Pathways`, `Decisions`, `Spending`,
 *   `Reports`, `AuditTrail`: the use-cases by area;
 * - `Collections` and `Records`: what is stored, with the scope the policy reads;
 * - `UseCase`: the steps every use-case takes; `NotFound`: the missing-record error;
 * - `Facade`: `createQuartieri`, the Promise API for code that does not use Effect.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as AuditTrail from "./app/AuditTrail.js"
/** @since 0.1.0 */
export * as Collections from "./app/Collections.js"
/** @since 0.1.0 */
export * as Decisions from "./app/Decisions.js"
/** @since 0.1.0 */
export * as Erasure from "./app/Erasure.js"
/** @since 0.1.0 */
export * as Facade from "./app/Facade.js"
/** @since 0.1.0 */
export * as Laboratori from "./app/Laboratori.js"
/** @since 0.1.0 */
export * as NotFound from "./app/NotFound.js"
/** @since 0.1.0 */
export * as Pathways from "./app/Pathways.js"
/** @since 0.1.0 */
export * as Projects from "./app/Projects.js"
/** @since 0.1.0 */
export * as Quartieri from "./app/Quartieri.js"
/** @since 0.1.0 */
export * as Records from "./app/Records.js"
/** @since 0.1.0 */
export * as Registry from "./app/Registry.js"
/** @since 0.1.0 */
export * as Reports from "./app/Reports.js"
/** @since 0.1.0 */
export * as Spending from "./app/Spending.js"
/** @since 0.1.0 */
export * as UseCase from "./app/UseCase.js"
