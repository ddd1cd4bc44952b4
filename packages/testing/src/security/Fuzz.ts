/**
 * Fuzzing helpers: how many runs a fuzz target gets, garbage of every JavaScript shape, and
 * *near-valid* mutations — a valid record with one field changed (wrong type, out of range,
 * unicode, a huge string, a missing key, an extra key) — so that a decoder is attacked both from
 * far away and right at the edge of what it accepts.
 *
 * Runs: {@link runs} is 1,000 per target by default and 100 times that under `QUARTIERI_SOAK=1`
 * (`pnpm test:soak`). A failure prints its seed; replay it with `FC_SEED=<seed>`.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"

const env = (name: string): string | undefined =>
  (globalThis as { readonly process?: { readonly env?: Record<string, string | undefined> } }).process?.env?.[name]

/**
 * Whether the long soak mode is on (`QUARTIERI_SOAK=1`).
 *
 * @since 0.1.0
 * @category parameters
 */
export const soak: boolean = env("QUARTIERI_SOAK") === "1"

/**
 * The number of runs of a fuzz target: `base` (default 1,000), times 100 in soak mode.
 *
 * @since 0.1.0
 * @category parameters
 */
export const runs = (base = 1000): number => (soak ? base * 100 : base)

/**
 * A test timeout, in milliseconds, for a target that takes about `ms` in the default mode:
 * 100 times longer in soak mode.
 *
 * @since 0.1.0
 * @category parameters
 */
export const timeout = (ms: number): number => (soak ? ms * 100 : ms)

// ---------------------------------------------------------------------------------------------
// JSON paths
// ---------------------------------------------------------------------------------------------

/**
 * A path into a JSON value: object keys and array indexes.
 *
 * @since 0.1.0
 * @category models
 */
export type Path = ReadonlyArray<string | number>

/**
 * Renders a path the way `InvalidInput` does: `members[2].code`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPath = (path: Path): string =>
  path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc === "" ? key : `${acc}.${key}`),
    ""
  )

/**
 * Every path of `value` (objects and arrays included), the root first.
 *
 * @since 0.1.0
 * @category utils
 */
export const paths = (value: unknown, prefix: Path = []): ReadonlyArray<Path> => {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))]
  if (value !== null && typeof value === "object")
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))]
  return [prefix]
}

/**
 * The paths of `value` that hold a string.
 *
 * @since 0.1.0
 * @category utils
 */
export const stringPaths = (value: unknown): ReadonlyArray<Path> =>
  paths(value).filter((p) => typeof get(value, p) === "string")

/**
 * The value at `path`, or `undefined`.
 *
 * @since 0.1.0
 * @category utils
 */
export const get = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined),
    value
  )

/**
 * A copy of `value` with the value at `path` replaced (or the key removed, with `remove`).
 *
 * @since 0.1.0
 * @category utils
 */
export const setAt = (value: unknown, path: Path, replacement: unknown, remove = false): unknown => {
  const [key, ...rest] = path
  if (key === undefined) return replacement
  if (Array.isArray(value)) {
    const copy = [...value]
    if (remove && rest.length === 0 && typeof key === "number") copy.splice(key, 1)
    else copy[Number(key)] = setAt(copy[Number(key)], rest, replacement, remove)
    return copy
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>
    if (remove && rest.length === 0) {
      const { [String(key)]: _removed, ...others } = record
      return others
    }
    return { ...record, [key]: setAt(record[String(key)], rest, replacement, remove) }
  }
  return value
}

// ---------------------------------------------------------------------------------------------
// garbage and mutations
// ---------------------------------------------------------------------------------------------

/**
 * Any JavaScript value: JSON, and also `undefined`, `NaN`, `-0`, big integers, dates, maps,
 * sets, typed arrays, sparse arrays, boxed values and objects without a prototype.
 *
 * @since 0.1.0
 * @category constructors
 */
export const garbage: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withBoxedValues: true,
  withUnicodeString: true
})

/**
 * What a mutation did, for the failure message.
 *
 * @since 0.1.0
 * @category models
 */
export interface Mutation {
  readonly kind: "wrong-type" | "out-of-range" | "unicode" | "huge-string" | "missing-key" | "extra-key" | "null"
  readonly path: Path
  readonly value: unknown
}

const wrongTypes: ReadonlyArray<unknown> = [0, 1.5, -1, true, false, "", "x", [], {}, [1, 2], { a: 1 }, undefined]
const outOfRange: ReadonlyArray<unknown> = [
  -1,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  0.1,
  2 ** 31,
  -(2 ** 31) - 1,
  "9999-99-99",
  "0000-00-00",
  "2019-02-29",
  "2020-13-01",
  "1899-12-31",
  "2999-12-31",
  "2019-1-1",
  " 2019-01-01",
  "2019-01-01T00:00:00Z"
]

const unicodeText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    "\u0000",
    "\uD800",
    "\uDC00x",
    "\u202Egnp.exe",
    "e\u0301",
    "\uFEFF",
    "\u2028\u2029",
    "😀👩‍👩‍👧",
    "İstanbul",
    "ß",
    "\u00A0",
    "\t\r\n",
    "'; DROP TABLE quartieri_households; --",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0"
  )
)

const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("a", "é", "😀", "0", " ", "'"), fc.integer({ min: 10_000, max: 200_000 }))
  .map(([c, n]) => c.repeat(n))

/**
 * One mutation of `valid` at one of its paths: a wrong type, an out-of-range number or date, a
 * unicode or huge string, `null`, the key removed, or an extra key added to an object.
 *
 * @since 0.1.0
 * @category constructors
 */
export const mutation = (valid: unknown): fc.Arbitrary<{ readonly input: unknown; readonly mutation: Mutation }> => {
  const all = paths(valid)
  const objects = all.filter((p) => {
    const v = get(valid, p)
    return v !== null && typeof v === "object" && !Array.isArray(v)
  })
  const leaf = fc.constantFrom(...all.filter((p) => p.length > 0))
  const replaced = (kind: Mutation["kind"], values: fc.Arbitrary<unknown>) =>
    fc.tuple(leaf, values).map(([path, value]) => ({
      input: setAt(valid, path, value),
      mutation: { kind, path, value } as Mutation
    }))
  const arbs = [
    replaced("wrong-type", fc.constantFrom(...wrongTypes)),
    replaced("out-of-range", fc.oneof(fc.constantFrom(...outOfRange), fc.double(), fc.integer())),
    replaced("unicode", unicodeText),
    replaced("huge-string", hugeString),
    replaced("null", fc.constant(null)),
    leaf.map((path) => ({
      input: setAt(valid, path, undefined, true),
      mutation: { kind: "missing-key", path, value: undefined } as Mutation
    }))
  ]
  if (objects.length > 0)
    arbs.push(
      fc
        .tuple(
          fc.constantFrom(...objects),
          fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "toString", "_tag")),
          fc.jsonValue({ maxDepth: 2 })
        )
        .map(([path, key, value]) => {
          const target = get(valid, path) as Record<string, unknown>
          const extended = Object.defineProperty({ ...target }, key, {
            value,
            enumerable: true,
            configurable: true,
            writable: true
          })
          return {
            input: setAt(valid, path, extended),
            mutation: { kind: "extra-key", path: [...path, key], value } as Mutation
          }
        })
    )
  return fc.oneof(...arbs)
}

/**
 * Why a problem list does not locate its problems, or `undefined` when every problem has a
 * path. The root (path `""`) is accepted only when the input itself is not a plain object (a
 * number, an array, a `Map`…): then the whole input is the wrong thing.
 *
 * @since 0.1.0
 * @category utils
 */
export const unlocated = (
  input: unknown,
  problems: ReadonlyArray<{ readonly path: string; readonly message: string }>
): string | undefined => {
  if (problems.length === 0) return "no problem reported"
  const isObject =
    input !== null &&
    typeof input === "object" &&
    !Array.isArray(input) &&
    (Object.getPrototypeOf(input) === Object.prototype || Object.getPrototypeOf(input) === null)
  for (const p of problems) {
    if (typeof p.path !== "string" || typeof p.message !== "string") return "a problem is not { path, message }"
    if (p.message.trim() === "") return `an empty message at ${JSON.stringify(p.path)}`
    if (isObject && p.path === "") return `a problem of an object input without a path: ${p.message}`
  }
  return undefined
}
