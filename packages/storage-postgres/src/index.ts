/**
 * `@quartieri/storage-postgres`: the PostgreSQL Store of quartieri, on `@effect/sql-pg`.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as PostgresStore from "./PostgresStore.js"
