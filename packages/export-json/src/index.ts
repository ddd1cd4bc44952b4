/**
 * `@quartieri/export-json`: report tables and records as JSON documents and NDJSON streams,
 * and the JSON Schemas (draft 2020-12) of every public collection and import format, shipped in
 * `schemas/`. See docs/adapters/export/json.md.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as JsonSchemas from "./JsonSchemas.js"
/** @since 0.1.0 */
export * as Records from "./Records.js"
/** @since 0.1.0 */
export { exportRecords, parseRecords } from "./Records.js"
/** @since 0.1.0 */
export * as TableDocument from "./TableDocument.js"
/** @since 0.1.0 */
export { exportDataset, layer, make, toBytes } from "./TableDocument.js"
