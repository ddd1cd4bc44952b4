/**
 * `@quartieri/export-opendata`: projects as open data — OpenCoesione-shaped CSV tables
 * (`progetti`, `soggetti`, `localizzazioni`, `indicatori`) and IATI 2.03 activity XML — built
 * from the same {@link ProjectRecord}, so both files of a project say the same thing.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as IatiActivity from "./IatiActivity.js"
/** @since 0.1.0 */
export * as IatiXml from "./IatiXml.js"
/** @since 0.1.0 */
export * as OpenCoesione from "./OpenCoesione.js"
/** @since 0.1.0 */
export * as OpenCoesioneColumns from "./OpenCoesioneColumns.js"
/** @since 0.1.0 */
export * as OpenCoesioneCsv from "./OpenCoesioneCsv.js"
/** @since 0.1.0 */
export * as ProjectRecord from "./ProjectRecord.js"
