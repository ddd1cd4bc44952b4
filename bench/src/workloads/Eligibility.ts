/**
 * Workload 1, eligibility: the SAP access and Inclusione attiva rule sets on N households, as
 * a Region screens a register — one stream of requests folded into a summary (outcomes, invalid
 * requests, how often each fact was missing).
 *
 * - **decision only**: `Batch.summarize` (which decides each request with `Engine.decide`);
 * - **full trace**: `Batch.trace` (`Engine.trace`: outcome, missing facts and the whole trace,
 *   every rule with its truth, facts read, parameter readings and source), folded with
 *   `Batch.count`;
 * - **whole decisions** (at N only, no target): `Batch.evaluate`, every decision as an officer
 *   reads it (the trace with its sentences, the explanation in two languages, hints tested by
 *   evaluating again, SHA-256 of the inputs);
 * - **baseline**: the same checks written by hand as a plain loop over the same request objects
 *   (`baselines/EligibilityLoop.ts`), folded into the same summary.
 *
 * Parity: the summaries are equal; with `--quick`, every request's outcome and missing facts too.
 *
 * @since 0.1.0
 */
import { Eligibility } from "@quartieri/core"
import { Effect, Result, Stream } from "effect"
import * as Loop from "../baselines/EligibilityLoop.js"
import * as Data from "../Data.js"
import { pair } from "../Harness.js"
import { type Row, row } from "../Report.js"
import type { Mode, Outcome } from "./Mode.js"

const { Batch, Engine, InclusioneAttiva, SapAccess } = Eligibility
type Summary = Eligibility.Batch.Summary
type Request = Eligibility.Engine.Request

/** The baseline's summary of one rule set: the same counts as `Batch.Summary`. */
const loopSummary = (requests: ReadonlyArray<Request>, check: typeof Loop.sapAccess): Summary => {
  let eligible = 0
  let ineligible = 0
  let undetermined = 0
  let invalid = 0
  const missing = new Map<string, number>()
  for (const r of requests) {
    const v = check(r)
    if (v === Loop.invalid) invalid++
    else if (v.outcome === "eligible") eligible++
    else if (v.outcome === "ineligible") ineligible++
    else {
      undetermined++
      for (const id of v.missing) missing.set(id, (missing.get(id) ?? 0) + 1)
    }
  }
  return { total: requests.length, eligible, ineligible, undetermined, invalid, missing: Object.fromEntries(missing) }
}

/** A summary as canonical text, for comparing. */
const canonical = (s: Summary): string =>
  JSON.stringify({ ...s, missing: Object.fromEntries(Object.entries(s.missing).sort(([a], [b]) => (a < b ? -1 : 1))) })

const sameSummaries = (a: ReadonlyArray<Summary>, b: ReadonlyArray<Summary>) =>
  a.length === b.length && a.every((s, i) => canonical(s) === canonical(b[i] as Summary))

/** With --quick: each request's outcome and missing facts, engine against loop. */
const perRequest = (
  ruleSet: Eligibility.RuleSet.RuleSet,
  requests: ReadonlyArray<Request>,
  check: typeof Loop.sapAccess
): string | undefined => {
  for (const [i, r] of requests.entries()) {
    const full = Engine.evaluate(ruleSet, r)
    const quick = Engine.decide(ruleSet, r)
    const traced = Engine.trace(ruleSet, r)
    const loop = check(r)
    const engine = Result.isFailure(full) ? "invalid" : JSON.stringify([full.success.outcome, full.success.missing])
    const decided = Result.isFailure(quick) ? "invalid" : JSON.stringify([quick.success.outcome, quick.success.missing])
    const tracedAs = Result.isFailure(traced)
      ? "invalid"
      : JSON.stringify([traced.success.outcome, traced.success.missing])
    const hand = loop === Loop.invalid ? "invalid" : JSON.stringify([loop.outcome, loop.missing])
    if (engine !== hand || decided !== hand || tracedAs !== hand)
      return `${ruleSet.id} request ${i}: evaluate ${engine}, decide ${decided}, trace ${tracedAs}, loop ${hand}`
  }
  return undefined
}

const summarize = (ruleSet: Eligibility.RuleSet.RuleSet, requests: ReadonlyArray<Request>): Summary =>
  Effect.runSync(Batch.summarize(ruleSet)(Stream.fromIterable(requests)))

const fullTrace = (ruleSet: Eligibility.RuleSet.RuleSet, requests: ReadonlyArray<Request>): Summary =>
  Effect.runSync(
    Effect.map(
      Stream.runFold(Batch.trace(ruleSet)(Stream.fromIterable(requests)), Batch.counter, Batch.count),
      Batch.toSummary
    )
  )

const wholeDecisions = (ruleSet: Eligibility.RuleSet.RuleSet, requests: ReadonlyArray<Request>): Summary =>
  Effect.runSync(
    Effect.map(
      Stream.runFold(Batch.evaluate(ruleSet)(Stream.fromIterable(requests)), Batch.counter, Batch.count),
      Batch.toSummary
    )
  )

/**
 * Runs the eligibility workload at N and 10 N.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = async (mode: Mode): Promise<Outcome> => {
  const sizes = mode.quick ? [200, 2_000] : [100_000, 1_000_000]
  const rows: Array<Row> = []
  for (const [index, n] of sizes.entries()) {
    // the data of each size alone on the heap: a collection during a run at N must not walk the
    // 10 N requests (the first tables measured both sides at N inside a 2.5 GB heap)
    const { sap, inclusione: ia } = Data.requests(n)
    const baseline = () => [loopSummary(sap, Loop.sapAccess), loopSummary(ia, Loop.inclusioneAttiva)]
    const first = index === 0
    const detailOf = (ok: boolean, s: ReadonlyArray<Summary>) =>
      ok
        ? `summaries equal: SAP ${s[0]?.eligible}/${s[0]?.ineligible}/${s[0]?.undetermined} (eligible/ineligible/undetermined), IA ${s[1]?.eligible}/${s[1]?.ineligible}/${s[1]?.undetermined}`
        : "summaries differ"

    const decided = await pair({
      ours: () => [summarize(SapAccess.ruleSet, sap), summarize(InclusioneAttiva.ruleSet, ia)],
      baseline,
      warmup: first ? 1 : 0,
      reps: mode.quick ? 1 : 3
    })
    let ok = sameSummaries(decided.oursResult, decided.baselineResult)
    let detail = detailOf(ok, decided.oursResult)
    if (mode.quick && ok) {
      const problem =
        perRequest(SapAccess.ruleSet, sap, Loop.sapAccess) ??
        perRequest(InclusioneAttiva.ruleSet, ia, Loop.inclusioneAttiva)
      ok = problem === undefined
      detail = problem ?? `${detail}; every request's outcome and missing facts equal`
    }
    rows.push(
      row({
        workload: "eligibility",
        variant: "SAP access + Inclusione attiva, decision only",
        n,
        unit: "households",
        ours: decided.ours,
        baseline: decided.baseline,
        target: { max: 3, what: "decision only ≤ 3× the plain loop" },
        parity: { ok, detail },
        scalingKey: "eligibility/decision"
      })
    )

    // at 10 N one timed run of each side (the N runs warm it up)
    const slice = Math.min(n, 5_000)
    const traced = await pair({
      ours: () => [fullTrace(SapAccess.ruleSet, sap), fullTrace(InclusioneAttiva.ruleSet, ia)],
      baseline,
      // a full decision costs tens of microseconds: warm up on a slice, not a whole pass
      ...(first
        ? {
            warm: {
              ours: () => [
                fullTrace(SapAccess.ruleSet, sap.slice(0, slice)),
                fullTrace(InclusioneAttiva.ruleSet, ia.slice(0, slice))
              ],
              baseline
            }
          }
        : {}),
      warmup: 0,
      reps: mode.quick ? 1 : first ? 3 : 1
    })
    const tracedOk = sameSummaries(traced.oursResult, traced.baselineResult)
    rows.push(
      row({
        workload: "eligibility",
        variant: "SAP access + Inclusione attiva, full trace",
        n,
        unit: "households",
        ours: traced.ours,
        baseline: traced.baseline,
        target: { max: 10, what: "full trace ≤ 10× the plain loop" },
        parity: { ok: tracedOk, detail: detailOf(tracedOk, traced.oursResult) },
        scalingKey: "eligibility/trace",
        ...(!mode.quick && !first ? { note: "k = 1 at this size (one run of each side); k = 3 at N" } : {})
      })
    )

    // whole decisions, as an officer reads one: no target, shown for what the sentences cost
    if (first) {
      const whole = await pair({
        ours: () => [wholeDecisions(SapAccess.ruleSet, sap), wholeDecisions(InclusioneAttiva.ruleSet, ia)],
        baseline,
        warmup: 0,
        reps: 1
      })
      const wholeOk = sameSummaries(whole.oursResult, whole.baselineResult)
      rows.push(
        row({
          workload: "eligibility",
          variant: "SAP access + Inclusione attiva, whole decisions (sentences, explanation, hints, hash)",
          n,
          unit: "households",
          ours: whole.ours,
          baseline: whole.baseline,
          parity: { ok: wholeOk, detail: detailOf(wholeOk, whole.oursResult) },
          ...(mode.quick ? {} : { note: "k = 1; at N only (no target: what an officer reads of one household)" })
        })
      )
    }
  }
  return { rows, skipped: [] }
}
