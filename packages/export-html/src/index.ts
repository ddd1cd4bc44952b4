/**
 * `@quartieri/export-html`: a self-contained HTML report of a project or programme — key
 * figures, accessible tables and SVG charts rendered at export time (Vega-Lite compiled by
 * `vega-lite`, rendered by `vega`), with no script, no web font and no URL.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Charts from "./Charts.js"
/** @since 0.1.0 */
export * as Html from "./Html.js"
/** @since 0.1.0 */
export * as LaboratorioActivity from "./LaboratorioActivity.js"
/** @since 0.1.0 */
export * as PathwayFunnel from "./PathwayFunnel.js"
/** @since 0.1.0 */
export * as ProjectReport from "./ProjectReport.js"
/** @since 0.1.0 */
export * as Report from "./Report.js"
