/**
 * JSON as the Store sees it: the encoded form of a document must be plain JSON (so that every
 * adapter stores exactly the same thing), and its canonical text follows RFC 8785 (JSON
 * Canonicalization Scheme): object keys sorted by UTF-16 code units, ECMAScript number
 * formatting, no whitespace. Hashes in the audit log are taken over this text.
 *
 * These run once per stored document (and per value inside it), so they are written for speed:
 * the path of a problem is kept on one stack and rendered only when there is a problem, and
 * the canonical text is built by concatenation. `storableCanonicalJson` checks and writes in
 * one pass; the message of a problem still comes from `jsonProblem`, so it is the same.
 *
 * @since 0.1.0
 */
import { isStorableText, textProblem } from "./storeText.js"

/** A JSON value. */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const describe = (value: unknown): string => {
  if (value === undefined) return "undefined"
  if (typeof value === "bigint") return "a bigint"
  if (typeof value === "function") return "a function"
  if (typeof value === "symbol") return "a symbol"
  if (typeof value === "number") return String(value)
  if (typeof value === "object" && value !== null)
    return `an instance of ${value.constructor?.name ?? "an unknown class"}`
  return typeof value
}

const renderPath = (path: ReadonlyArray<string | number>): string => {
  if (path.length === 0) return "the document"
  let out = ""
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `[${JSON.stringify(p)}]`
  return out
}

/** The first problem under `value`, whose path is `path` (pushed and popped, left as it was). */
const problemAt = (value: unknown, path: Array<string | number>): string | undefined => {
  if (value === null || typeof value === "boolean") return undefined
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : `${renderPath(path)} is ${value}, which JSON cannot represent`
  }
  if (typeof value === "string") {
    if (isStorableText(value)) return undefined
    return `${renderPath(path)} ${textProblem(value)}`
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i)
      const problem = problemAt(value[i], path)
      path.pop()
      if (problem !== undefined) return problem
    }
    return undefined
  }
  if (typeof value === "object" && isPlainObject(value)) {
    const record = value as { readonly [key: string]: unknown }
    const keys = Object.keys(record)
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      if (!isStorableText(key)) {
        return `the key ${JSON.stringify(key)} at ${renderPath(path)} ${textProblem(key)}`
      }
      const item = record[key]
      if (item === undefined) continue
      path.push(key)
      const problem = problemAt(item, path)
      path.pop()
      if (problem !== undefined) return problem
    }
    return undefined
  }
  return `${renderPath(path)} is ${describe(value)}, which is not JSON (give the collection a Schema that encodes it to JSON)`
}

/**
 * Why `value` is not plain, storable JSON (with the path of the first offending value), or
 * `undefined` when it is. Object properties whose value is `undefined` are allowed: JSON
 * omits them, exactly as an optional key that is absent.
 */
export const jsonProblem = (value: unknown, path: ReadonlyArray<string | number> = []): string | undefined =>
  problemAt(value, path.slice())

/** Object keys in canonical order: by UTF-16 code units (the default sort), sorted in place. */
const sortKeys = (keys: Array<string>): Array<string> => {
  // records encoded by a Schema often come with their keys in order already
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) return keys.sort()
  }
  return keys
}

// Documents of one collection have the same few keys, object after object: their quoted text
// (for keys that are storable) and the sorted order of each key list seen are remembered. Both
// caches are bounded; they are emptied when full.
const cacheLimit = 4096
const quotedKeys = new Map<string, string>()
const quotedKey = (key: string): string | undefined => {
  const cached = quotedKeys.get(key)
  if (cached !== undefined) return cached
  if (!isStorableText(key)) return undefined
  const quoted = JSON.stringify(key)
  if (quotedKeys.size >= cacheLimit) quotedKeys.clear()
  quotedKeys.set(key, quoted)
  return quoted
}

interface KeyOrder {
  readonly keys: ReadonlyArray<string>
  readonly sorted: ReadonlyArray<string>
}
const keyOrders = new Map<string, KeyOrder>()
/** `keys` (a fresh list from `Object.keys`) in canonical order. */
const canonicalOrder = (keys: Array<string>): ReadonlyArray<string> => {
  const n = keys.length
  if (n < 2) return keys
  const first = keys[0] as string
  const known = keyOrders.get(first)
  if (known !== undefined && known.keys.length === n) {
    let same = true
    for (let i = 1; i < n; i++) {
      if (known.keys[i] !== keys[i]) {
        same = false
        break
      }
    }
    if (same) return known.sorted
  }
  const sorted = sortKeys(keys.slice())
  if (keyOrders.size >= cacheLimit) keyOrders.clear()
  keyOrders.set(first, { keys, sorted })
  return sorted
}

/**
 * The canonical text of `value`, or `undefined` when `value` is not storable JSON (exactly when
 * `jsonProblem(value)` is not `undefined`).
 */
const write = (value: unknown): string | undefined => {
  switch (typeof value) {
    case "string": {
      const quoted = JSON.stringify(value)
      // NUL and lone surrogates come out escaped as \u…, so text without "\u" is storable
      return quoted.includes("\\u") && !isStorableText(value) ? undefined : quoted
    }
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : undefined
    case "boolean":
      return value ? "true" : "false"
    case "object": {
      if (value === null) return "null"
      if (Array.isArray(value)) {
        const n = value.length
        if (n === 0) return "[]"
        let out = "["
        for (let i = 0; i < n; i++) {
          const item = write(value[i])
          if (item === undefined) return undefined
          out += i === 0 ? item : `,${item}`
        }
        return `${out}]`
      }
      if (!isPlainObject(value)) return undefined
      const record = value as { readonly [key: string]: unknown }
      const keys = canonicalOrder(Object.keys(record))
      let out = "{"
      let first = true
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string
        // every key is checked, even one whose value is undefined, as jsonProblem does
        const quoted = quotedKey(key)
        if (quoted === undefined) return undefined
        const item = record[key]
        if (item === undefined) continue
        const text = write(item)
        if (text === undefined) return undefined
        out += first ? `${quoted}:${text}` : `,${quoted}:${text}`
        first = false
      }
      return `${out}}`
    }
    default:
      return undefined
  }
}

/**
 * Checks that `value` is plain, storable JSON and gives its RFC 8785 canonical text, in one
 * pass: `{ json }` when `jsonProblem(value)` is `undefined` (and then `json` is
 * `canonicalJson(value)`), otherwise `{ problem }` with the message of `jsonProblem`.
 */
export const storableCanonicalJson = (
  value: unknown
):
  | { readonly json: string; readonly problem?: undefined }
  | { readonly json?: undefined; readonly problem: string } => {
  const json = write(value)
  if (json !== undefined) return { json }
  const problem = jsonProblem(value)
  // write refuses exactly what jsonProblem refuses; this guards the two against drifting apart
  if (problem === undefined) throw new Error("storableCanonicalJson: the canonical writer refused valid JSON")
  return { problem }
}

/** The RFC 8785 canonical text of a JSON value (`undefined` properties are omitted). */
export const canonicalJson = (value: Json): string => {
  if (value === null) return "null"
  if (typeof value === "boolean") return value ? "true" : "false"
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value)
  if (Array.isArray(value)) {
    let out = "["
    for (let i = 0; i < value.length; i++) {
      // a hole is written as nothing, as `Array.prototype.join` did
      const text = value[i] === undefined && !(i in value) ? "" : canonicalJson(value[i] as Json)
      out += i === 0 ? text : `,${text}`
    }
    return `${out}]`
  }
  const record = value as { readonly [key: string]: Json | undefined }
  const keys = canonicalOrder(Object.keys(record))
  let out = "{"
  let first = true
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const item = record[key]
    if (item === undefined) continue
    out += first ? `${JSON.stringify(key)}:${canonicalJson(item)}` : `,${JSON.stringify(key)}:${canonicalJson(item)}`
    first = false
  }
  return `${out}}`
}
