/**
 * `@quartieri/export-csv`: report tables and records to CSV, records from CSV. Two dialects
 * (RFC 4180 for machines, the Italian Excel dialect for people), formula injection neutralised,
 * per-row import errors. See docs/adapters/export/csv.md.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Columns from "./Columns.js"
/** @since 0.1.0 */
export * as Dialect from "./Dialect.js"
/** @since 0.1.0 */
export * as Records from "./Records.js"
/** @since 0.1.0 */
export { exportRecords, parseRecords } from "./Records.js"
/** @since 0.1.0 */
export * as TableCsv from "./TableCsv.js"
/** @since 0.1.0 */
export { exportDataset, layer, make, toBytes } from "./TableCsv.js"
