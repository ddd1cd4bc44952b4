import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import * as Calendar from "../../src/Calendar.js"
import { canonicalJson, type Json, jsonProblem, storableCanonicalJson } from "../../src/internal/json.js"
import { isStorableText, textProblem } from "../../src/internal/storeText.js"

// ---------------------------------------------------------------------------------------------
// Reference implementations, written independently of the library (the way it was before the
// fast paths): arrays and objects through map/filter/sort/join, paths copied at every step.
// ---------------------------------------------------------------------------------------------

const referenceCanonical = (value: unknown): string => {
  if (value === null) return "null"
  if (typeof value === "boolean") return value ? "true" : "false"
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(referenceCanonical).join(",")}]`
  const record = value as Record<string, unknown>
  return `{${Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${JSON.stringify(k)}:${referenceCanonical(record[k])}`)
    .join(",")}}`
}

const referenceTextProblem = (text: string): string | undefined => {
  if (text.includes("\u0000")) return "contains the character U+0000 (NUL), which no adapter can store"
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text))
    return "contains a lone UTF-16 surrogate, so it is not well-formed Unicode"
  return undefined
}

const referencePath = (path: ReadonlyArray<string | number>) =>
  path.length === 0
    ? "the document"
    : path.map((p) => (typeof p === "number" ? `[${p}]` : `[${JSON.stringify(p)}]`)).join("")

/** The first problem, in the order of Object.entries, as (path, kind). */
const referenceProblem = (
  value: unknown,
  path: ReadonlyArray<string | number> = []
): { readonly path: string; readonly kind: string } | undefined => {
  if (value === null || typeof value === "boolean") return undefined
  if (typeof value === "number")
    return Number.isFinite(value) ? undefined : { path: referencePath(path), kind: "number" }
  if (typeof value === "string")
    return referenceTextProblem(value) === undefined ? undefined : { path: referencePath(path), kind: "text" }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = referenceProblem(value[i], [...path, i])
      if (p !== undefined) return p
    }
    return undefined
  }
  const proto = typeof value === "object" ? Object.getPrototypeOf(value) : undefined
  if (typeof value === "object" && (proto === Object.prototype || proto === null)) {
    for (const [key, item] of Object.entries(value)) {
      if (referenceTextProblem(key) !== undefined)
        return { path: referencePath(path), kind: `key ${JSON.stringify(key)}` }
      if (item === undefined) continue
      const p = referenceProblem(item, [...path, key])
      if (p !== undefined) return p
    }
    return undefined
  }
  return { path: referencePath(path), kind: "not json" }
}

// ---------------------------------------------------------------------------------------------
// Generators: JSON with hard text (unicode keys, astral characters, escapes, keys that look like
// array indexes, `undefined` properties), and the same with problems planted in it.
// ---------------------------------------------------------------------------------------------

const hardText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom(
    "",
    "a",
    "A",
    "é",
    "ÿ",
    "\u{1F600}",
    "\uFFFF",
    "\uE000",
    "10",
    "2",
    "-1",
    "\\u0000",
    '"',
    "\n",
    "\u2028"
  )
)
const wellFormed = hardText.filter((s) => referenceTextProblem(s) === undefined)
const badText = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDC00", "\uDBFF\uDBFF\uDC00\uDC00", "\uDFFF\uD800"),
  fc.string({ unit: "binary", maxLength: 6 }).map((s) => `${s}\uD83D`)
)
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 1e-7, 5e-324)
)

const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    wellFormed,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(
      wellFormed,
      fc.oneof({ weight: 5, arbitrary: tie("value") }, { weight: 1, arbitrary: fc.constant(undefined) }),
      {
        maxKeys: 6
      }
    )
  )
})).value

const problem = fc.oneof(
  badText,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, 1n),
  fc.constantFrom(new Date(0), new Map(), () => 1, Symbol("s"), [undefined], { a: new Date(0) })
)

/** Plants `bad` somewhere in `value` (or as a key, when `asKey`). */
const plant = (value: unknown, bad: unknown, where: number, asKey: boolean): unknown => {
  if (Array.isArray(value) && value.length > 0) {
    const copy = value.slice()
    const i = where % copy.length
    copy[i] = plant(copy[i], bad, Math.floor(where / 2), asKey)
    return copy
  }
  if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value)
    const copy: Record<string, unknown> = { ...value }
    if (keys.length > 0 && where % 3 !== 0) {
      const k = keys[where % keys.length] as string
      copy[k] = plant(copy[k], bad, Math.floor(where / 3), asKey)
      return copy
    }
    if (asKey && typeof bad === "string") copy[bad] = where % 2 === 0 ? 1 : undefined
    else copy[`k${where}`] = bad
    return copy
  }
  return asKey && typeof bad === "string" ? { [bad]: value ?? null } : bad
}

describe("canonical JSON", () => {
  test.prop([json], { numRuns: 500 })("canonicalJson equals the reference on random JSON", (value) => {
    expect(canonicalJson(value as Json)).toBe(referenceCanonical(value))
  })

  test.prop([json], { numRuns: 500 })(
    "storableCanonicalJson accepts valid JSON and writes the reference text",
    (value) => {
      expect(jsonProblem(value)).toBeUndefined()
      expect(storableCanonicalJson(value)).toEqual({ json: referenceCanonical(value) })
    }
  )

  test.prop([json, json], { numRuns: 200 })(
    "objects of the same keys in other orders (the key-order cache) give the same text",
    (a, b) => {
      const record = { z: a, "\u{1F600}": b, é: a, Z: b, "10": a, "2": b }
      const reversed = Object.fromEntries(Object.entries(record).reverse())
      expect(canonicalJson(record as Json)).toBe(referenceCanonical(record))
      expect(canonicalJson(reversed as Json)).toBe(referenceCanonical(record))
      expect(storableCanonicalJson(reversed).json).toBe(referenceCanonical(record))
    }
  )

  test.prop([json, problem, fc.nat(1000), fc.boolean()], { numRuns: 500 })(
    "jsonProblem finds the reference's first problem, at its path; storableCanonicalJson refuses with it",
    (value, bad, where, asKey) => {
      const planted = plant(value, bad, where, asKey)
      const expected = referenceProblem(planted)
      const found = jsonProblem(planted)
      const checked = storableCanonicalJson(planted)
      if (expected === undefined) {
        expect(found).toBeUndefined()
        expect(checked).toEqual({ json: referenceCanonical(planted) })
        return
      }
      expect(found).toBeDefined()
      expect(checked).toEqual({ problem: found })
      if (expected.kind.startsWith("key ")) {
        expect(found?.startsWith(`the ${expected.kind} at ${expected.path} `)).toBe(true)
      } else {
        expect(found?.startsWith(`${expected.path} `)).toBe(true)
      }
    }
  )

  test("a problem's message names the path, and jsonProblem leaves a given path as it was", () => {
    const path = ["root"]
    expect(jsonProblem({ a: [1, { b: "x\u0000" }] }, path)).toBe(
      '["root"]["a"][1]["b"] contains the character U+0000 (NUL), which no adapter can store'
    )
    expect(path).toEqual(["root"])
    expect(jsonProblem({ "\uD800": undefined })).toBe(
      'the key "\\ud800" at the document contains a lone UTF-16 surrogate, so it is not well-formed Unicode'
    )
    expect(jsonProblem([0, Number.NaN])).toBe("[1] is NaN, which JSON cannot represent")
    expect(storableCanonicalJson({ d: new Date(0) }).problem).toBe(
      '["d"] is an instance of Date, which is not JSON (give the collection a Schema that encodes it to JSON)'
    )
  })
})

describe("store text", () => {
  test.prop([fc.oneof(hardText, badText)], { numRuns: 500 })(
    "textProblem and isStorableText agree with the regular-expression reference",
    (text) => {
      expect(textProblem(text)).toBe(referenceTextProblem(text))
      expect(isStorableText(text)).toBe(referenceTextProblem(text) === undefined)
    }
  )
})

describe("calendar dates", () => {
  const referenceIsDate = (s: string): boolean => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
    if (m === null) return false
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (y < 1800 || y > 2200 || mo < 1 || mo > 12) return false
    const days =
      mo === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31
    return d >= 1 && d <= days
  }
  const digit = fc.constantFrom(..."0123456789")
  const nearDate = fc
    .tuple(
      fc.array(
        fc.oneof(
          { weight: 8, arbitrary: digit },
          { weight: 1, arbitrary: fc.constantFrom("-", "/", "a", "٣", " ", "\n") }
        ),
        {
          minLength: 8,
          maxLength: 8
        }
      ),
      fc.constantFrom("-", "/", "")
    )
    .map(([d, sep]) => `${d.slice(0, 4).join("")}${sep}${d.slice(4, 6).join("")}-${d.slice(6).join("")}`)
  test.prop(
    [
      fc.oneof(
        nearDate,
        fc.string({ maxLength: 12 }),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
      )
    ],
    {
      numRuns: 1000
    }
  )("isCalendarDate (no regular expression) agrees with the regular-expression reference", (s) => {
    expect(Calendar.isCalendarDate(s)).toBe(referenceIsDate(s))
  })
})
