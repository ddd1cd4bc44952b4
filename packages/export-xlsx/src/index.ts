/**
 * `@quartieri/export-xlsx`: report tables as Excel workbooks (streaming, typed cells, Italian
 * headers, a "Note" sheet) and the standard workbook of a programme report. See
 * docs/adapters/export/xlsx.md.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as ProgrammeWorkbook from "./ProgrammeWorkbook.js"
/** @since 0.1.0 */
export * as Workbook from "./Workbook.js"
/** @since 0.1.0 */
export { exportDataset, layer, make, toBytes } from "./Workbook.js"
