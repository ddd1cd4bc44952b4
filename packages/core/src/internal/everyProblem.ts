/**
 * A decoder that reports every problem, cross-field rules included. A Schema runs the checks
 * of a struct only once all its fields decode, so a record with a bad codice fiscale *and* a
 * birth date after the recording date would report only the first. Here each cross-field
 * rule is also declared with the few fields it reads; when the whole record fails, every
 * rule whose own fields decode is run too, and its problems join the list.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as InvalidInput from "../InvalidInput.js"

/**
 * One problem found by a rule: where (from the record's root) and why.
 *
 * @since 0.1.0
 * @category models
 */
export interface RuleIssue {
  readonly path: ReadonlyArray<PropertyKey>
  readonly issue: string
}

/**
 * A cross-field rule: the struct of the fields it reads (extra keys ignored) and the rule
 * over them, returning `true` or the issues (each with a path from the record's root).
 *
 * @since 0.1.0
 * @category models
 */
export interface CrossRule<I> {
  readonly reads: Schema.Decoder<I, never>
  readonly rule: (input: I) => true | ReadonlyArray<RuleIssue>
  /** The rule on raw input: its issues when its fields decode, none otherwise. */
  readonly onInput: (input: unknown) => ReadonlyArray<RuleIssue>
}

/** Declares a rule. @since 0.1.0 @category constructors */
export const crossRule = <I>(
  reads: Schema.Decoder<I, never>,
  rule: (input: I) => true | ReadonlyArray<RuleIssue>
): CrossRule<I> => ({
  reads,
  rule,
  onInput: (input) => {
    const decoded = Schema.decodeUnknownResult(reads)(input, { errors: "all" })
    if (Result.isFailure(decoded)) return []
    const verdict = rule(decoded.success)
    return verdict === true ? [] : verdict
  }
})

/**
 * The rule as a Schema filter, to put on the record's own Schema.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toFilter = <I, A extends I>(r: CrossRule<I>) => Schema.makeFilter((a: A) => r.rule(a))

const key = (p: InvalidInput.Problem) => `${p.path}\u0000${p.message}`

const toProblem = (issue: RuleIssue): InvalidInput.Problem => ({
  path: InvalidInput.formatPath(issue.path),
  message: issue.issue
})

/**
 * Decodes with `schema` (which carries the rules as filters) and, on failure, adds the
 * problems of every rule whose fields decode on their own. Never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decoder =
  <S extends Schema.Decoder<unknown, never>>(
    schema: S,
    what: string,
    rules: ReadonlyArray<Pick<CrossRule<unknown>, "onInput">>
  ) =>
  (input: unknown): Result.Result<S["Type"], InvalidInput.InvalidInput> => {
    const main = InvalidInput.decoder(schema, what)(input)
    if (Result.isSuccess(main)) return main
    const problems = [...main.failure.problems]
    const seen = new Set(problems.map(key))
    for (const r of rules) {
      for (const p of r.onInput(input).map(toProblem)) {
        if (seen.has(key(p))) continue
        seen.add(key(p))
        problems.push(p)
      }
    }
    const [first, ...rest] = problems
    return first === undefined ? main : Result.fail(new InvalidInput.InvalidInput({ what, problems: [first, ...rest] }))
  }
