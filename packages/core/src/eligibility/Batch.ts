/**
 * Many households at once: a stream of requests in, a stream of decisions out, one element
 * at a time — nothing is collected, so memory stays bounded however long the stream (a whole
 * ALER register, read row by row). {@link summarize} folds the decisions into counts in
 * constant memory: how many are eligible, and which missing facts block the most.
 *
 * @since 0.1.0
 */
import { type Effect, Result, Stream } from "effect"
import type * as InvalidInput from "../InvalidInput.js"
import type * as Decision from "./Decision.js"
import * as Engine from "./Engine.js"
import type * as RuleSet from "./RuleSet.js"

/**
 * Evaluates every request of the stream, in order, lazily: a request that does not decode
 * becomes a failed `Result` in place, never a failure of the stream.
 *
 * @since 0.1.0
 * @category constructors
 */
export const evaluate =
  (ruleSet: RuleSet.RuleSet) =>
  <E, R>(
    requests: Stream.Stream<Engine.Request, E, R>
  ): Stream.Stream<Result.Result<Decision.Decision, InvalidInput.InvalidInput>, E, R> =>
    Stream.map(requests, (request) => Engine.evaluate(ruleSet, request))

/**
 * Counts of a batch: outcomes, invalid requests, and for undetermined decisions how often
 * each fact was missing.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly total: number
  readonly eligible: number
  readonly ineligible: number
  readonly undetermined: number
  readonly invalid: number
  readonly missing: Readonly<Record<string, number>>
}

/** A summary of nothing. @since 0.1.0 @category constructors */
export const empty: Summary = { total: 0, eligible: 0, ineligible: 0, undetermined: 0, invalid: 0, missing: {} }

/**
 * Adds one result to a summary.
 *
 * @since 0.1.0
 * @category utils
 */
export const add = (s: Summary, r: Result.Result<Decision.Decision, InvalidInput.InvalidInput>): Summary => {
  if (Result.isFailure(r)) return { ...s, total: s.total + 1, invalid: s.invalid + 1 }
  const d = r.success
  const missing = { ...s.missing }
  for (const id of d.missing) missing[id] = (missing[id] ?? 0) + 1
  return { ...s, total: s.total + 1, [d.outcome]: s[d.outcome] + 1, missing }
}

/**
 * Evaluates a stream and folds it into a {@link Summary}, in constant memory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const summarize =
  (ruleSet: RuleSet.RuleSet) =>
  <E, R>(requests: Stream.Stream<Engine.Request, E, R>): Effect.Effect<Summary, E, R> =>
    Stream.runFold(evaluate(ruleSet)(requests), () => empty, add)
