/**
 * `@quartieri/storage-sqlite`: the embedded default Store of quartieri, on Node's built-in
 * `node:sqlite`.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as SqliteClient from "./SqliteClient.js"
/** @since 0.1.0 */
export * as SqliteStore from "./SqliteStore.js"
