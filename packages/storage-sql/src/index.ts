/**
 * `@quartieri/storage-sql`: the quartieri Store written once on `effect/sql`, for SQLite and
 * PostgreSQL drivers.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Dialect from "./Dialect.js"
/** @since 0.1.0 */
export * as Migrations from "./Migrations.js"
/** @since 0.1.0 */
export * as SqlStore from "./SqlStore.js"
