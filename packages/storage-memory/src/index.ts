/**
 * `@quartieri/storage-memory`: the reference `Store`, on immutable maps.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as MemoryStore from "./MemoryStore.js"
