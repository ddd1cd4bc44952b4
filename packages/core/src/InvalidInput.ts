/**
 * Decoding untrusted input — a portal form, a CSV row, a JSON import — into domain values.
 * Every decode in quartieri goes through here: it never throws, it reports **every** problem
 * (not the first), and each problem says where it is (`members[2].code`) and why.
 *
 * @since 0.1.0
 */
import { Result, Schema, SchemaAST, SchemaIssue } from "effect"

/**
 * One problem in the input: a dotted/indexed path (`""` for the root) and the reason.
 *
 * @since 0.1.0
 * @category models
 */
export const Problem = Schema.Struct({
  path: Schema.String,
  message: Schema.String
})
/** @since 0.1.0 @category models */
export type Problem = typeof Problem.Type

/**
 * The input does not decode: every problem found, each with its path. `what` names the thing
 * being decoded (`Partnership`, `row 12`).
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  what: Schema.String,
  problems: Schema.NonEmptyArray(Problem)
}) {
  override get message(): string {
    return `${this.what}: ${this.problems.map((p) => (p.path === "" ? p.message : `${p.path}: ${p.message}`)).join("; ")}`
  }
}

/**
 * Renders a path such as `["members", 2, "code"]` as `members[2].code`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`
    const name = String(key)
    return acc === "" ? name : `${acc}.${name}`
  }, "")

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/**
 * Lists every problem of a Schema issue with its path.
 *
 * @since 0.1.0
 * @category formatting
 */
export const problemsOf = (issue: SchemaIssue.Issue): ReadonlyArray<Problem> =>
  formatter(issue).issues.map((i) => ({
    path: formatPath((i.path ?? []).map((segment) => (typeof segment === "object" ? segment.key : segment))),
    message: i.message
  }))

const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<SchemaAST.LiteralValue> | undefined => {
  if (SchemaAST.isLiteral(ast)) return [ast.literal]
  if (SchemaAST.isUnion(ast)) {
    const all = ast.types.map(literalsOf)
    return all.every((x) => x !== undefined) ? all.flat() : undefined
  }
  return undefined
}

/**
 * The key that tells the members of a union of structs apart — a property that is a literal in
 * every member, such as `_tag`, `phase` or `command` — and the values it may take; `undefined`
 * when the schema is not such a union.
 *
 * @since 0.1.0
 * @category utils
 */
export const discriminantOf = (
  schema: Schema.Top
): { readonly key: string; readonly values: ReadonlyArray<SchemaAST.LiteralValue> } | undefined => {
  const ast = schema.ast
  if (!SchemaAST.isUnion(ast)) return undefined
  const members = ast.types
  const [first] = members
  if (first === undefined || !members.every(SchemaAST.isObjects) || !SchemaAST.isObjects(first)) return undefined
  for (const candidate of first.propertySignatures) {
    const key = candidate.name
    if (typeof key !== "string") continue
    const values: Array<SchemaAST.LiteralValue> = []
    const all = members.every((m) => {
      const literals = SchemaAST.isObjects(m)
        ? literalsOf(m.propertySignatures.find((p) => p.name === key)?.type ?? first)
        : undefined
      if (literals === undefined) return false
      values.push(...literals)
      return true
    })
    if (all) return { key, values }
  }
  return undefined
}

const show = (value: unknown): string => {
  if (typeof value === "string") return JSON.stringify(value)
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value)
  if (typeof value === "bigint") return `${value}n`
  if (value === undefined) return "undefined"
  return Array.isArray(value) ? "an array" : `a value of type ${typeof value}`
}

const isRecord = (input: unknown): input is Record<string, unknown> =>
  typeof input === "object" &&
  input !== null &&
  !Array.isArray(input) &&
  (Object.getPrototypeOf(input) === Object.prototype || Object.getPrototypeOf(input) === null)

// A union of structs whose discriminant matches no member fails as a whole, at the root; for
// a record the fault is the discriminant itself, so the problem is put there.
const locate = (schema: Schema.Top, input: unknown, problems: ReadonlyArray<Problem>): ReadonlyArray<Problem> => {
  if (!isRecord(input) || !problems.some((p) => p.path === "")) return problems
  const d = discriminantOf(schema)
  if (d === undefined) return problems
  const value = Object.hasOwn(input, d.key) ? input[d.key] : undefined
  if (d.values.includes(value as SchemaAST.LiteralValue)) return problems
  const expected = d.values.map((v) => show(v)).join(" | ")
  const message = value === undefined ? `Missing key: expected ${expected}` : `Expected ${expected}, got ${show(value)}`
  return problems.map((p) => (p.path === "" ? { path: d.key, message } : p))
}

/**
 * A decoder for `schema` that collects every problem and never throws: unknown input in,
 * `Result<A, InvalidInput>` out. A record given to a union of structs whose discriminant
 * (`_tag`, `phase`…) matches no member gets its problem on that key, not on the whole record.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decoder =
  <S extends Schema.Decoder<unknown, never>>(schema: S, what: string) =>
  (input: unknown): Result.Result<S["Type"], InvalidInput> => {
    const decoded = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
    if (Result.isSuccess(decoded)) return Result.succeed(decoded.success)
    const [first, ...rest] = locate(schema, input, problemsOf(decoded.failure.issue))
    return Result.fail(
      new InvalidInput({
        what,
        problems: first === undefined ? [{ path: "", message: "invalid input" }] : [first, ...rest]
      })
    )
  }
