/**
 * `@quartieri/testing`: fast-check arbitraries for the domain entities, seeded synthetic
 * neighbourhoods and the seed projects as data.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as ErasureScenario from "./app/ErasureScenario.js"
/** @since 0.1.0 */
export * as Injection from "./app/Injection.js"
/** @since 0.1.0 */
export * as PolicyMatrix from "./app/PolicyMatrix.js"
/** @since 0.1.0 */
export * as AppRequests from "./app/Requests.js"
/** @since 0.1.0 */
export * as StoreState from "./app/StoreState.js"
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
export * as Random from "./Random.js"
/** @since 0.1.0 */
export * as Fuzz from "./security/Fuzz.js"
/** @since 0.1.0 */
export * as HostileText from "./security/HostileText.js"
/** @since 0.1.0 */
export * as PersonalData from "./security/PersonalData.js"
/** @since 0.1.0 */
export * as PublishedDataset from "./security/PublishedDataset.js"
/** @since 0.1.0 */
export * as SeedChecks from "./seeds/check.js"
/** @since 0.1.0 */
export * as SeedMembers from "./seeds/members.js"
/** @since 0.1.0 */
export * as SeedProjects from "./seeds/projects.js"
