import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Audit, Collection } from "../src/index.js"
import { decodeCursor, encodeCursor } from "../src/internal/cursor.js"

const codePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0) ?? 0)
const byCodePoints = (a: string, b: string) => {
  const x = codePoints(a)
  const y = codePoints(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0)
  return x.length - y.length
}
const text = fc.string({ unit: "grapheme", maxLength: 12 })

describe("store order and encodings", () => {
  test.prop([text, text])('ids compare by code point, like SQLite BINARY and PostgreSQL COLLATE "C"', (a, b) => {
    expect(Math.sign(Collection.compareIds(a, b))).toBe(Math.sign(byCodePoints(a, b)))
  })

  test.prop([fc.jsonValue()])("canonical JSON parses back to the same value and is a fixed point", (value) => {
    const text = Audit.canonical(value)
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)))
    expect(Audit.canonical(JSON.parse(text))).toBe(text)
  })

  test.prop([
    fc.tuple(
      fc.string({ unit: "binary" }),
      fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null))
    )
  ])("cursors round-trip any text and are URL-safe", (value) => {
    const cursor = encodeCursor(value)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/)
    expect(decodeCursor(cursor)).toEqual(JSON.parse(JSON.stringify(value)))
  })

  test.prop([fc.string({ maxLength: 40 })])(
    "a damaged cursor decodes to undefined or to some JSON, never throws",
    (s) => {
      expect(() => decodeCursor(s)).not.toThrow()
    }
  )
})
