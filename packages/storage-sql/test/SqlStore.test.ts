// The SQL Store runs against real databases in @quartieri/storage-sqlite and
// @quartieri/storage-postgres (the conformance kit). Here: the pure parts.

import { describe, expect, it } from "@effect/vitest"
import { SqlStore } from "@quartieri/storage-sql"
import { SqlError } from "effect/sql"

describe("table prefix", () => {
  it.each([["quartieri_"], ["q"], ["t0a1b2c_"]])("accepts %j", (prefix) => {
    expect(SqlStore.prefixProblem(prefix)).toBeUndefined()
  })
  it.each([["Quartieri_"], ["_q"], ["q-1"], ["quartieri__x"], [""], ['q"; drop']])("refuses %j", (prefix) => {
    expect(SqlStore.prefixProblem(prefix)).toContain("table prefix")
  })
})

describe("SQL errors become StoreErrors", () => {
  const cause = new Error("server said no")
  it.each([
    [new SqlError.ConnectionError({ cause }), "Unavailable"],
    [new SqlError.LockTimeoutError({ cause }), "Unavailable"],
    [new SqlError.StatementTimeoutError({ cause }), "Unavailable"],
    [new SqlError.SerializationError({ cause }), "Conflict"],
    [new SqlError.DeadlockError({ cause }), "Conflict"],
    [new SqlError.UniqueViolation({ cause, constraint: "pk" }), "ConstraintViolation"],
    [new SqlError.ConstraintError({ cause }), "ConstraintViolation"],
    [new SqlError.AuthenticationError({ cause }), "Refused"],
    [new SqlError.AuthorizationError({ cause }), "Refused"],
    [new SqlError.SqlSyntaxError({ cause }), "Refused"],
    [new SqlError.UnknownError({ cause }), "Unavailable"]
  ] as const)("%s → %s", (reason, expected) => {
    const error = SqlStore.fromSqlError("put", "notes", "n1")(new SqlError.SqlError({ reason }))
    expect([error.reason, error.operation, error.collection, error.id]).toEqual([expected, "put", "notes", "n1"])
    expect(error.detail).toContain("server said no")
    // only what may succeed later is retryable: a wrong password or bad SQL never will
    expect(error.isRetryable).toBe(expected === "Unavailable" || expected === "Conflict")
  })
})
