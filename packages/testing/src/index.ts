/**
 * `@quartieri/testing`: fast-check arbitraries for the domain entities, seeded synthetic
 * neighbourhoods and the seed projects as data.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as BudgetArbitraries from "./arbitraries/budget.js"
/** @since 0.1.0 */
export * as ExportArbitraries from "./arbitraries/export.js"
/** @since 0.1.0 */
export * as IdentifierArbitraries from "./arbitraries/identifiers.js"
/** @since 0.1.0 */
export * as LaboratorioArbitraries from "./arbitraries/laboratorio.js"
/** @since 0.1.0 */
export * as PartnershipArbitraries from "./arbitraries/partnership.js"
/** @since 0.1.0 */
export * as PathwayArbitraries from "./arbitraries/pathway.js"
/** @since 0.1.0 */
export * as Population from "./population.js"
/** @since 0.1.0 */
export * as SeedChecks from "./seeds/check.js"
/** @since 0.1.0 */
export * as SeedMembers from "./seeds/members.js"
/** @since 0.1.0 */
export * as SeedProjects from "./seeds/projects.js"
