import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { Privacy, type Reporting } from "../src/index.js"

const key = fc.uint8Array({ minLength: 32, maxLength: 64 })
const sensitivity = fc.constantFrom("none", "personal", "special-category") as fc.Arbitrary<
  Reporting.Table.Column["sensitivity"]
>

const table: fc.Arbitrary<Reporting.Table.Table> = fc
  .uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z]{1,6}$/), sensitivity }), {
    minLength: 1,
    maxLength: 6,
    selector: (c) => c.id
  })
  .chain((cols) =>
    fc.array(fc.tuple(...cols.map(() => fc.oneof(fc.string(), fc.constant(null)))), { maxLength: 6 }).map((rows) => ({
      id: "t",
      title: { it: "T", en: "T" },
      columns: cols.map((c) => ({
        id: c.id,
        label: { it: c.id, en: c.id },
        unit: "text" as const,
        sensitivity: c.sensitivity,
        role: "dimension" as const
      })),
      rows: rows.map((cells) => Object.fromEntries(cols.map((c, i) => [c.id, cells[i] ?? null]))),
      notes: []
    }))
  )

describe("pseudonyms", () => {
  test.prop([key, fc.string()])("are stable for one key and 64 hex digits", (k, v) => {
    const p = Privacy.pseudonymise(k, v)
    expect(Privacy.pseudonymise(Uint8Array.from(k), v)).toBe(p)
    expect(p).toMatch(/^[0-9a-f]{64}$/)
  })

  test.prop([key, key, fc.string()])("differ across keys", (k1, k2, v) => {
    fc.pre(k1.length !== k2.length || k1.some((b, i) => b !== k2[i]))
    expect(Privacy.pseudonymise(k1, v)).not.toBe(Privacy.pseudonymise(k2, v))
  })

  test.prop([key, fc.string(), fc.string()])("differ across values", (k, a, b) => {
    fc.pre(a !== b)
    expect(Privacy.pseudonymise(k, a)).not.toBe(Privacy.pseudonymise(k, b))
  })
})

describe("profiles", () => {
  test.prop([table])("published refuses exactly the tables with a personal or special-category column", (t) => {
    const sensitive = t.columns.some((c) => c.sensitivity !== "none")
    const r = Privacy.applyProfile(t, "published")
    expect(Result.isFailure(r)).toBe(sensitive)
    if (Result.isFailure(r)) expect(r.failure.reason).toBe("PersonalDataRefused")
  })

  test.prop([table, key])("partner drops special categories and leaves no personal value in clear", (t, k) => {
    const r = Privacy.applyProfile(t, "partner", k)
    if (Result.isFailure(r)) throw r.failure
    const out = r.success
    expect(out.columns.map((c) => c.id)).toEqual(
      t.columns.filter((c) => c.sensitivity !== "special-category").map((c) => c.id)
    )
    for (const c of out.columns.filter((c) => c.sensitivity === "personal"))
      for (const row of out.rows) {
        const v = row[c.id]
        expect(v === null || v === "●" || /^[0-9a-f]{64}$/.test(String(v))).toBe(true)
      }
    for (const [i, row] of out.rows.entries())
      for (const c of out.columns.filter((c) => c.sensitivity === "none")) expect(row[c.id]).toBe(t.rows[i]?.[c.id])
  })
})
