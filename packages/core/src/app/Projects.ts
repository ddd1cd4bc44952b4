/**
 * Use-cases of projects and their budgets: register a project (checked against the rules of its
 * call), define or revise its budget (checked with every budget rule against the expenditures
 * and claims already stored), and read them. A capofila coordinator does this for their
 * projects; the Region and the auditor read.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Schema } from "effect"
import type * as Budget from "../Budget.js"
import * as BudgetRules from "../BudgetRules.js"
import * as Calendar from "../Calendar.js"
import * as Call from "../Call.js"
import * as Ids from "../Ids.js"
import type * as InvalidInput from "../InvalidInput.js"
import { LegalReference } from "../LegalReference.js"
import * as Project from "../Project.js"
import * as Store from "../Store.js"
import * as Collections from "./Collections.js"
import type { NotFound } from "./NotFound.js"
import * as Records from "./Records.js"
import * as UseCase from "./UseCase.js"

/**
 * Input of `registerProject`: the project itself (`Project.Project`).
 *
 * @since 0.1.0
 * @category models
 */
export const RegisterProjectInput = Project.Project
/** @since 0.1.0 @category models */
export type RegisterProjectInput = typeof RegisterProjectInput.Encoded

/**
 * Input of `defineBudget`: the project, the version of its budget the caller read (0 for a
 * first budget), the budget, the eligibility period of its expenditures with the act that sets
 * it, and the grant caps of the call.
 *
 * @since 0.1.0
 * @category models
 */
export const DefineBudgetInput = Schema.Struct({
  project: Ids.ProjectId,
  expectedVersion: Schema.Number.pipe(
    Schema.check(
      Schema.makeFilter(
        (n: number) =>
          (Number.isSafeInteger(n) && n >= 0) ||
          `expected the version you read (0 for a first budget), got ${JSON.stringify(n)}`
      )
    )
  ),
  budget: Records.BudgetRecord.fields.budget,
  eligibility: Schema.Struct({ period: Calendar.Period, source: LegalReference }),
  caps: Records.BudgetRecord.fields.caps
})
/** @since 0.1.0 @category models */
export type DefineBudgetInput = typeof DefineBudgetInput.Encoded

/**
 * Input of `getProject`: the project's id.
 *
 * @since 0.1.0
 * @category models
 */
export const GetProjectInput = Schema.Struct({ id: Ids.ProjectId })
/** @since 0.1.0 @category models */
export type GetProjectInput = typeof GetProjectInput.Encoded

/**
 * Input of `getBudget`: the project.
 *
 * @since 0.1.0
 * @category models
 */
export const GetBudgetInput = Schema.Struct({ project: Ids.ProjectId })
/** @since 0.1.0 @category models */
export type GetBudgetInput = typeof GetBudgetInput.Encoded

/**
 * The project use-cases.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Registers a new project, checked against every rule of its call: structure and partnership (`Project.checkRegistration`). */
  readonly registerProject: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Project.Project>, UseCase.Failure | Project.ProjectStructureInvalid>
  /** Defines (version 0) or revises a project's budget, checked with every budget rule. */
  readonly defineBudget: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.BudgetRecord>, UseCase.Failure | NotFound | Budget.BudgetRuleViolated>
  /** Reads a project. */
  readonly getProject: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Project.Project>, UseCase.Failure | NotFound>
  /** Reads a project's budget. */
  readonly getBudget: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.BudgetRecord>, UseCase.Failure | NotFound>
}

/**
 * The project use-cases' service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Projects extends Context.Service<Projects, Service>()("@quartieri/core/app/Projects") {}

const knownCalls = Call.all.map((c) => c.id).join(", ")

const callProblems = (input: unknown): ReadonlyArray<InvalidInput.Problem> => {
  const call = (input as { readonly call?: unknown } | null)?.call
  return typeof call === "string" && Call.all.every((c) => c.id !== call)
    ? [{ path: "call", message: `unknown call ${JSON.stringify(call)}: quartieri knows ${knownCalls}` }]
    : []
}

const decodeRegister = UseCase.decodeRequest(RegisterProjectInput, "registerProject", (input) =>
  typeof input === "object" && input !== null ? callProblems(input) : []
)
const decodeDefineBudget = UseCase.decodeRequest(DefineBudgetInput, "defineBudget")
const decodeGetProject = UseCase.decodeRequest(GetProjectInput, "getProject")
const decodeGetBudget = UseCase.decodeRequest(GetBudgetInput, "getBudget")

/**
 * Builds the project use-cases on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const registerProject: Service["registerProject"] = (actor, input) =>
    Effect.gen(function* () {
      const request = yield* decodeRegister(actor, input)
      const project = request.input
      yield* UseCase.authorize(request.actor, "write", { kind: "project", project: project.id })
      // decoding has checked that the call is known
      const call = Call.byId(project.call) as Call.Call
      yield* Effect.fromResult(Project.checkRegistration(call, project))
      return yield* UseCase.commitOne(store, request.actor, Collections.Projects, project, 0, "project.register")
    })

  const defineBudget: Service["defineBudget"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeDefineBudget(actor, input)
      yield* UseCase.authorize(who, "write", { kind: "budget", project: req.project })
      yield* UseCase.load(store, Collections.Projects, req.project, {
        actor: who,
        action: "read",
        kind: "project",
        scope: (p) => ({ kind: "project", project: p.id }),
        missing: { kind: "project", project: req.project }
      })
      const stored = yield* store.get(Collections.Budgets, req.project)
      const claimsSoFar = stored._tag === "Some" ? stored.value.value.claims : 0
      if (stored._tag === "Some")
        yield* UseCase.expectVersion(Collections.Budgets, stored.value, req.expectedVersion, "defineBudget")
      const expenditures = yield* UseCase.queryBy(store, Collections.Expenditures, "project", req.project)
      const claims = yield* UseCase.queryBy(store, Collections.Claims, "project", req.project)
      yield* Effect.fromResult(
        BudgetRules.check({
          budget: req.budget,
          expenditures: expenditures.map((e) => e.value),
          claims: claims.map((c) => c.value),
          eligibility: req.eligibility,
          caps: req.caps
        })
      )
      const record: Records.BudgetRecord = {
        project: req.project,
        budget: req.budget,
        eligibility: req.eligibility,
        caps: req.caps,
        claims: claimsSoFar
      }
      return yield* UseCase.commitOne(
        store,
        who,
        Collections.Budgets,
        record,
        req.expectedVersion,
        req.expectedVersion === 0 ? "budget.define" : "budget.revise"
      )
    })

  const getProject: Service["getProject"] = (actor, input) =>
    Effect.gen(function* () {
      const request = yield* decodeGetProject(actor, input)
      return yield* UseCase.load(store, Collections.Projects, request.input.id, {
        actor: request.actor,
        action: "read",
        kind: "project",
        scope: (p) => ({ kind: "project", project: p.id })
      })
    })

  const getBudget: Service["getBudget"] = (actor, input) =>
    Effect.gen(function* () {
      const request = yield* decodeGetBudget(actor, input)
      return yield* UseCase.load(store, Collections.Budgets, request.input.project, {
        actor: request.actor,
        action: "read",
        kind: "budget",
        scope: (b) => ({ kind: "budget", project: b.project })
      })
    })

  return { registerProject, defineBudget, getProject, getBudget }
})

/**
 * The project use-cases over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Projects, never, Store.Store> = Layer.effect(Projects, make)
