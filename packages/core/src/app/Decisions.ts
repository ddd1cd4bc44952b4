/**
 * Use-cases of eligibility decisions: evaluate a rule set (`Eligibility.Engine`) for a
 * registered household on a date, and store the decision — with the hash of its inputs, so
 * that anyone can later check that the stored decision answers the inputs it claims — and read
 * one. A pathway's `assess` command refers to a stored decision by its id.
 *
 * The facts are supplied by the caller (mapping a household record onto the facts of a rule
 * set is a judgement the engine leaves to people); they are decoded with the rule set's own
 * Schemas together with the rest of the request, so every problem comes back at once.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option, Result, Schema } from "effect"
import * as Calendar from "../Calendar.js"
import * as Engine from "../eligibility/Engine.js"
import type * as RuleSet from "../eligibility/RuleSet.js"
import * as RuleSets from "../eligibility/RuleSets.js"
import * as Ids from "../Ids.js"
import type * as InvalidInput from "../InvalidInput.js"
import * as Store from "../Store.js"
import * as Collections from "./Collections.js"
import type { NotFound } from "./NotFound.js"
import * as Records from "./Records.js"
import * as UseCase from "./UseCase.js"

/**
 * Input of `evaluateEligibility`: the id to store the decision under, the rule set (by id), the
 * household it is about (and the pathway it is asked for, if any), the date and the facts.
 *
 * @since 0.1.0
 * @category models
 */
export const EvaluateEligibilityInput = Schema.Struct({
  id: Records.DecisionId,
  ruleSet: Schema.String,
  household: Ids.HouseholdId,
  pathway: Schema.optionalKey(Ids.PathwayId),
  asOf: Calendar.CalendarDate,
  facts: Schema.Record(Schema.String, Schema.Unknown)
})
/** @since 0.1.0 @category models */
export type EvaluateEligibilityInput = typeof EvaluateEligibilityInput.Encoded

/**
 * Input of `getDecision`: its id.
 *
 * @since 0.1.0
 * @category models
 */
export const GetDecisionInput = Schema.Struct({ id: Records.DecisionId })
/** @since 0.1.0 @category models */
export type GetDecisionInput = typeof GetDecisionInput.Encoded

/**
 * The eligibility use-cases.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Evaluates a rule set for a household and stores the decision. */
  readonly evaluateEligibility: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.DecisionRecord>, UseCase.Failure | NotFound>
  /** Reads a stored decision. */
  readonly getDecision: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.DecisionRecord>, UseCase.Failure | NotFound>
}

/**
 * The eligibility use-cases' service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Decisions extends Context.Service<Decisions, Service>()("@quartieri/core/app/Decisions") {}

/**
 * The rule set with id `id` among those quartieri ships (`Eligibility.RuleSets.all`).
 *
 * @since 0.1.0
 * @category utils
 */
export const ruleSetById = (id: string): RuleSet.RuleSet | undefined => RuleSets.all.find((rs) => rs.id === id)

// The rule set's own decoding of asOf and facts, run on the raw request so that its problems
// come back with the others.
const factProblems = (input: unknown): ReadonlyArray<InvalidInput.Problem> => {
  if (typeof input !== "object" || input === null) return []
  const raw = input as { readonly ruleSet?: unknown; readonly asOf?: unknown; readonly facts?: unknown }
  if (typeof raw.ruleSet !== "string") return []
  const ruleSet = ruleSetById(raw.ruleSet)
  if (ruleSet === undefined)
    return [
      {
        path: "ruleSet",
        message: `unknown rule set ${JSON.stringify(raw.ruleSet)}: quartieri has ${RuleSets.all.map((rs) => rs.id).join(", ")}`
      }
    ]
  const evaluated = Engine.evaluate(ruleSet, { asOf: raw.asOf as string, facts: raw.facts as Engine.Request["facts"] })
  return Result.isFailure(evaluated) ? evaluated.failure.problems : []
}

const decodeEvaluate = UseCase.decodeRequest(EvaluateEligibilityInput, "evaluateEligibility", factProblems)
const decodeGet = UseCase.decodeRequest(GetDecisionInput, "getDecision")

/**
 * The scope of a stored decision for the policy: the household's project and laboratorio, and
 * the pathway it was asked for.
 *
 * @since 0.1.0
 * @category utils
 */
export const decisionScope = (d: Records.DecisionRecord) =>
  ({
    kind: "eligibility-decision",
    project: d.project,
    laboratorio: d.laboratorio,
    ...(d.pathway === undefined ? {} : { pathway: d.pathway })
  }) as const

/**
 * Builds the eligibility use-cases on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const evaluateEligibility: Service["evaluateEligibility"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeEvaluate(actor, input)
      // decoding has checked that the rule set exists and that the request evaluates
      const ruleSet = ruleSetById(req.ruleSet) as RuleSet.RuleSet
      const household = yield* UseCase.load(store, Collections.Households, req.household, {
        actor: who,
        action: "write",
        kind: "eligibility-decision",
        scope: (h) => ({
          kind: "eligibility-decision",
          project: h.project,
          laboratorio: h.laboratorio,
          ...(req.pathway === undefined ? {} : { pathway: req.pathway })
        })
      })
      if (req.pathway !== undefined) {
        const pathway = yield* store.get(Collections.Pathways, req.pathway)
        if (Option.isNone(pathway) || pathway.value.value.household !== household.value.id)
          return yield* UseCase.invalid("evaluateEligibility", {
            path: "pathway",
            message: `pathway ${JSON.stringify(req.pathway)} is not a pathway of household ${JSON.stringify(household.value.id)}`
          })
      }
      const decision = yield* Effect.fromResult(Engine.evaluate(ruleSet, { asOf: req.asOf, facts: req.facts }))
      const record: Records.DecisionRecord = {
        id: req.id,
        project: household.value.project,
        laboratorio: household.value.laboratorio,
        household: household.value.id,
        ...(req.pathway === undefined ? {} : { pathway: req.pathway }),
        decision
      }
      return yield* UseCase.commitOne(store, who, Collections.Decisions, record, 0, "eligibility.decide")
    })

  const getDecision: Service["getDecision"] = (actor, input) =>
    Effect.gen(function* () {
      const request = yield* decodeGet(actor, input)
      return yield* UseCase.load(store, Collections.Decisions, request.input.id, {
        actor: request.actor,
        action: "read",
        kind: "eligibility-decision",
        scope: decisionScope
      })
    })

  return { evaluateEligibility, getDecision }
})

/**
 * The eligibility use-cases over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Decisions, never, Store.Store> = Layer.effect(Decisions, make)
