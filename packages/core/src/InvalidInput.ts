/**
 * Decoding untrusted input — a portal form, a CSV row, a JSON import — into domain values.
 * Every decode in quartieri goes through here: it never throws, it reports **every** problem
 * (not the first), and each problem says where it is (`members[2].code`) and why.
 *
 * @since 0.1.0
 */
import { Result, Schema, SchemaIssue } from "effect"

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

/**
 * A decoder for `schema` that collects every problem and never throws: unknown input in,
 * `Result<A, InvalidInput>` out.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decoder =
  <S extends Schema.Decoder<unknown, never>>(schema: S, what: string) =>
  (input: unknown): Result.Result<S["Type"], InvalidInput> => {
    const decoded = Schema.decodeUnknownResult(schema)(input, { errors: "all" })
    if (Result.isSuccess(decoded)) return Result.succeed(decoded.success)
    const [first, ...rest] = problemsOf(decoded.failure.issue)
    return Result.fail(
      new InvalidInput({
        what,
        problems: first === undefined ? [{ path: "", message: "invalid input" }] : [first, ...rest]
      })
    )
  }
