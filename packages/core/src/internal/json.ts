/**
 * JSON as the Store sees it: the encoded form of a document must be plain JSON (so that every
 * adapter stores exactly the same thing), and its canonical text follows RFC 8785 (JSON
 * Canonicalization Scheme): object keys sorted by UTF-16 code units, ECMAScript number
 * formatting, no whitespace. Hashes in the audit log are taken over this text.
 *
 * @since 0.1.0
 */
import { textProblem } from "./storeText.js"

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

const renderPath = (path: ReadonlyArray<string | number>): string =>
  path.length === 0
    ? "the document"
    : path.map((p) => (typeof p === "number" ? `[${p}]` : `[${JSON.stringify(p)}]`)).join("")

/**
 * Why `value` is not plain, storable JSON (with the path of the first offending value), or
 * `undefined` when it is. Object properties whose value is `undefined` are allowed: JSON
 * omits them, exactly as an optional key that is absent.
 */
export const jsonProblem = (value: unknown, path: Array<string | number> = []): string | undefined => {
  if (value === null || typeof value === "boolean") return undefined
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : `${renderPath(path)} is ${value}, which JSON cannot represent`
  }
  if (typeof value === "string") {
    const problem = textProblem(value)
    return problem === undefined ? undefined : `${renderPath(path)} ${problem}`
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = jsonProblem(value[i], [...path, i])
      if (problem !== undefined) return problem
    }
    return undefined
  }
  if (typeof value === "object" && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = textProblem(key)
      if (keyProblem !== undefined) return `the key ${JSON.stringify(key)} at ${renderPath(path)} ${keyProblem}`
      if (item === undefined) continue
      const problem = jsonProblem(item, [...path, key])
      if (problem !== undefined) return problem
    }
    return undefined
  }
  return `${renderPath(path)} is ${describe(value)}, which is not JSON (give the collection a Schema that encodes it to JSON)`
}

/** The RFC 8785 canonical text of a JSON value (`undefined` properties are omitted). */
export const canonicalJson = (value: Json): string => {
  if (value === null) return "null"
  if (typeof value === "boolean") return value ? "true" : "false"
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((item: Json) => canonicalJson(item)).join(",")}]`
  const record = value as { readonly [key: string]: Json | undefined }
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key] as Json)}`).join(",")}}`
}
