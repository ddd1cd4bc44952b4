/**
 * Use-cases of the personalised inclusion pathways (PIP): open a pathway for a member of a
 * registered household (a candidate), move it by a command of the state machine
 * (`Pathway.transition`: assess, enrol, start, suspend, resume, complete, drop, record the
 * status upon leaving and the follow-up), record a service delivered, and read one.
 *
 * An `assess` command must rest on an eligibility decision the store holds, about the same
 * household, with the outcome and date the command states: a pathway can never be enrolled on a
 * decision nobody took.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import * as Calendar from "../Calendar.js"
import * as Ids from "../Ids.js"
import type * as InvalidInput from "../InvalidInput.js"
import * as Pathway from "../Pathway.js"
import * as PathwayService from "../PathwayService.js"
import * as Store from "../Store.js"
import * as Collections from "./Collections.js"
import type { NotFound } from "./NotFound.js"
import * as Records from "./Records.js"
import * as UseCase from "./UseCase.js"

/**
 * Input of `openPathway`: the new pathway's id, the person referred, their household (registered
 * in the same project), the project and the date of the referral.
 *
 * @since 0.1.0
 * @category models
 */
export const OpenPathwayInput = Schema.Struct({
  id: Ids.PathwayId,
  person: Ids.PersonId,
  household: Ids.HouseholdId,
  project: Ids.ProjectId,
  date: Calendar.CalendarDate
})
/** @since 0.1.0 @category models */
export type OpenPathwayInput = typeof OpenPathwayInput.Encoded

/**
 * Input of `movePathway`: the pathway, the version read and the command (`Pathway.Command`).
 *
 * @since 0.1.0
 * @category models
 */
export const MovePathwayInput = Schema.Struct({
  pathway: Ids.PathwayId,
  expectedVersion: Records.ExpectedVersion,
  command: Pathway.Command
})
/** @since 0.1.0 @category models */
export type MovePathwayInput = typeof MovePathwayInput.Encoded

/**
 * Input of `recordServiceDelivery`: the pathway, the version read, the date and the service
 * delivered (kind, hours, organisation).
 *
 * @since 0.1.0
 * @category models
 */
export const RecordServiceDeliveryInput = Schema.Struct({
  pathway: Ids.PathwayId,
  expectedVersion: Records.ExpectedVersion,
  date: Calendar.CalendarDate,
  service: PathwayService.Delivery
})
/** @since 0.1.0 @category models */
export type RecordServiceDeliveryInput = typeof RecordServiceDeliveryInput.Encoded

/**
 * Input of `getPathway`: its id.
 *
 * @since 0.1.0
 * @category models
 */
export const GetPathwayInput = Schema.Struct({ id: Ids.PathwayId })
/** @since 0.1.0 @category models */
export type GetPathwayInput = typeof GetPathwayInput.Encoded

/**
 * The pathway use-cases.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Opens a pathway: the person is referred as a candidate. */
  readonly openPathway: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Pathway.Pathway>, UseCase.Failure>
  /** Applies a command of the pathway's state machine. */
  readonly movePathway: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Pathway.Pathway>, UseCase.Failure | NotFound | Pathway.PathwayTransitionNotAllowed>
  /** Records a service delivered to an active pathway (the `recordService` command). */
  readonly recordServiceDelivery: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Pathway.Pathway>, UseCase.Failure | NotFound | Pathway.PathwayTransitionNotAllowed>
  /** Reads a pathway. */
  readonly getPathway: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Pathway.Pathway>, UseCase.Failure | NotFound>
}

/**
 * The pathway use-cases' service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Pathways extends Context.Service<Pathways, Service>()("@quartieri/core/app/Pathways") {}

/**
 * The scope of a pathway for the policy: its project and the pathway itself.
 *
 * @since 0.1.0
 * @category utils
 */
export const pathwayScope = (p: Pathway.Pathway) => ({ kind: "pathway", project: p.project, pathway: p.id }) as const

const decodeOpen = UseCase.decodeRequest(OpenPathwayInput, "openPathway")
const decodeMove = UseCase.decodeRequest(MovePathwayInput, "movePathway")
const decodeDelivery = UseCase.decodeRequest(RecordServiceDeliveryInput, "recordServiceDelivery")
const decodeGet = UseCase.decodeRequest(GetPathwayInput, "getPathway")
const isDecisionId = Schema.is(Records.DecisionId)

/**
 * Builds the pathway use-cases on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const openPathway: Service["openPathway"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeOpen(actor, input)
      yield* UseCase.authorize(who, "write", { kind: "pathway", project: req.project, pathway: req.id })
      const household = yield* store.get(Collections.Households, req.household)
      const problems: Array<InvalidInput.Problem> = []
      if (Option.isNone(household) || household.value.value.project !== req.project)
        problems.push({
          path: "household",
          message: `household ${JSON.stringify(req.household)} is not registered in project ${JSON.stringify(req.project)}`
        })
      else if (!household.value.value.members.some((m) => m.person === req.person))
        problems.push({
          path: "person",
          message: `person ${JSON.stringify(req.person)} is not a member of household ${JSON.stringify(req.household)}`
        })
      const [first, ...rest] = problems
      if (first !== undefined) return yield* UseCase.invalid("openPathway", first, ...rest)
      const pathway = Pathway.candidate(req)
      return yield* UseCase.commitOne(store, who, Collections.Pathways, pathway, 0, "pathway.open")
    })

  const apply = (
    operation: string,
    who: UseCase.Request<unknown>["actor"],
    id: Ids.PathwayId,
    expectedVersion: number,
    command: Pathway.Command
  ) =>
    Effect.gen(function* () {
      const current = yield* UseCase.load(store, Collections.Pathways, id, {
        actor: who,
        action: "write",
        kind: "pathway",
        scope: pathwayScope
      })
      yield* UseCase.expectVersion(Collections.Pathways, current, expectedVersion, operation)
      if (command.command === "assess") {
        const ref = command.eligibility
        const stored = isDecisionId(ref.decisionId)
          ? yield* store.get(Collections.Decisions, ref.decisionId)
          : Option.none()
        const decision = Option.getOrUndefined(stored)?.value
        const problem =
          decision === undefined
            ? `no eligibility decision ${JSON.stringify(ref.decisionId)} is stored`
            : decision.household !== current.value.household
              ? `decision ${JSON.stringify(ref.decisionId)} is about household ${JSON.stringify(decision.household)}, not ${JSON.stringify(current.value.household)}`
              : decision.decision.outcome !== ref.outcome || decision.decision.asOf !== ref.asOf
                ? `decision ${JSON.stringify(ref.decisionId)} is "${decision.decision.outcome}" as of ${decision.decision.asOf}, not "${ref.outcome}" as of ${ref.asOf}`
                : undefined
        if (problem !== undefined)
          return yield* UseCase.invalid(operation, { path: "command.eligibility", message: problem })
      }
      const next = yield* Effect.fromResult(Pathway.transition(current.value, command))
      return yield* UseCase.commitOne(
        store,
        who,
        Collections.Pathways,
        next,
        expectedVersion,
        `pathway.${command.command}`
      )
    })

  const movePathway: Service["movePathway"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeMove(actor, input)
      return yield* apply("movePathway", who, req.pathway, req.expectedVersion, req.command)
    })

  const recordServiceDelivery: Service["recordServiceDelivery"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeDelivery(actor, input)
      return yield* apply("recordServiceDelivery", who, req.pathway, req.expectedVersion, {
        command: "recordService",
        date: req.date,
        service: req.service
      })
    })

  const getPathway: Service["getPathway"] = (actor, input) =>
    Effect.gen(function* () {
      const request = yield* decodeGet(actor, input)
      return yield* UseCase.load(store, Collections.Pathways, request.input.id, {
        actor: request.actor,
        action: "read",
        kind: "pathway",
        scope: pathwayScope
      })
    })

  return { openPathway, movePathway, recordServiceDelivery, getPathway }
})

/**
 * The pathway use-cases over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Pathways, never, Store.Store> = Layer.effect(Pathways, make)
