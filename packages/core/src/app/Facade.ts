/**
 * The Promise facade: the use-cases for code that does not use Effect — a Node script, an
 * Express handler, a Next.js route. `createQuartieri({ store })` returns an object with one
 * async method per use-case, with the same names and arguments (the actor, the input); a
 * failure rejects the promise with the **same typed error** the Effect service fails with
 * (`InvalidInput`, `NotAuthorized`, `NotFound`, `StoreError`, or the rule's own error), so a
 * caller can test `instanceof` or `_tag`. `dispose()` closes the store (its connections, its
 * file).
 *
 * ```js
 * import { createQuartieri } from "@quartieri/core"
 * import { SqliteStore } from "@quartieri/storage-sqlite"
 *
 * const quartieri = createQuartieri({ store: SqliteStore.layer({ filename: "quartieri.db" }) })
 * try {
 *   const household = await quartieri.getHousehold(actor, { id: "h-001" })
 * } catch (error) {
 *   if (error._tag === "NotAuthorized") console.log(error.reasonIt)
 * } finally {
 *   await quartieri.dispose()
 * }
 * ```
 *
 * The store is opened on the first call (a bad configuration rejects that call with the
 * adapter's error), and calls may run concurrently.
 *
 * @since 0.1.0
 */
import { type Effect, type Layer, ManagedRuntime } from "effect"
import * as Access from "../Access.js"
import * as Budget from "../Budget.js"
import * as InvalidInput from "../InvalidInput.js"
import * as Pathway from "../Pathway.js"
import * as Project from "../Project.js"
import * as Disclosure from "../reporting/Disclosure.js"
import type * as Store from "../Store.js"
import * as StoreError from "../StoreError.js"
import type * as AuditTrail from "./AuditTrail.js"
import type * as Decisions from "./Decisions.js"
import * as Erasure from "./Erasure.js"
import type * as Laboratori from "./Laboratori.js"
import { NotFound } from "./NotFound.js"
import type * as Pathways from "./Pathways.js"
import type * as Projects from "./Projects.js"
import * as Quartieri from "./Quartieri.js"
import type * as Registry from "./Registry.js"
import type * as Reports from "./Reports.js"
import type * as Spending from "./Spending.js"
import type * as UseCase from "./UseCase.js"

/**
 * The input each use-case accepts, in its JSON form (plain strings and numbers; the use-case
 * decodes and checks it whatever its static type).
 *
 * @since 0.1.0
 * @category models
 */
export interface Inputs {
  readonly registerProject: Projects.RegisterProjectInput
  readonly defineBudget: Projects.DefineBudgetInput
  readonly getProject: Projects.GetProjectInput
  readonly getBudget: Projects.GetBudgetInput
  readonly registerHousehold: Registry.RegisterHouseholdInput
  readonly updateIsee: Registry.UpdateIseeInput
  readonly recordArrears: Registry.RecordArrearsInput
  readonly getHousehold: Registry.GetHouseholdInput
  readonly getPerson: Registry.GetPersonInput
  readonly listHouseholds: Registry.ListHouseholdsInput
  readonly erasePerson: Erasure.ErasePersonInput
  readonly createLaboratorio: Laboratori.CreateLaboratorioInput
  readonly recordSession: Laboratori.RecordSessionInput
  readonly getLaboratorio: Laboratori.GetLaboratorioInput
  readonly openPathway: Pathways.OpenPathwayInput
  readonly movePathway: Pathways.MovePathwayInput
  readonly recordServiceDelivery: Pathways.RecordServiceDeliveryInput
  readonly getPathway: Pathways.GetPathwayInput
  readonly evaluateEligibility: Decisions.EvaluateEligibilityInput
  readonly getDecision: Decisions.GetDecisionInput
  readonly recordExpenditure: Spending.RecordExpenditureInput
  readonly submitClaim: Spending.SubmitClaimInput
  readonly verifyClaim: Spending.VerifyClaimInput
  readonly runReport: Reports.RunReportInput
  readonly readAuditLog: AuditTrail.ReadAuditLogInput
}

type Outcome<F> = F extends (...args: ReadonlyArray<never>) => Effect.Effect<infer A, infer E, infer _R>
  ? { readonly success: A; readonly failure: E }
  : never

/**
 * What use-case `K` resolves to.
 *
 * @since 0.1.0
 * @category models
 */
export type Success<K extends Quartieri.UseCaseName> = Outcome<Quartieri.Service[K]>["success"]

/**
 * The errors use-case `K` rejects with (besides the store adapter's own error when the store
 * cannot be opened).
 *
 * @since 0.1.0
 * @category models
 */
export type Failure<K extends Quartieri.UseCaseName> = Outcome<Quartieri.Service[K]>["failure"]

/**
 * The facade: one async method per use-case, and `dispose`.
 *
 * @since 0.1.0
 * @category models
 */
export type Client = {
  readonly [K in Quartieri.UseCaseName]: (actor: UseCase.ActorInput, input: Inputs[K]) => Promise<Success<K>>
} & {
  /** Closes the store; the facade must not be used afterwards. */
  readonly dispose: () => Promise<void>
}

/**
 * Options of {@link createQuartieri}: the store layer of an adapter.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options<ROut, E> {
  readonly store: Layer.Layer<Store.Store | ROut, E>
}

/**
 * The error classes a facade call may reject with, for `instanceof` checks without importing
 * each module.
 *
 * @since 0.1.0
 * @category errors
 */
export const errors = {
  InvalidInput: InvalidInput.InvalidInput,
  NotAuthorized: Access.NotAuthorized,
  NotFound,
  PersonErased: Erasure.PersonErased,
  StoreError: StoreError.StoreError,
  PathwayTransitionNotAllowed: Pathway.PathwayTransitionNotAllowed,
  BudgetRuleViolated: Budget.BudgetRuleViolated,
  ProjectStructureInvalid: Project.ProjectStructureInvalid,
  CannotPublish: Disclosure.CannotPublish
} as const

/**
 * Creates the Promise facade over a store layer.
 *
 * @example
 * ```ts
 * const quartieri = createQuartieri({ store: MemoryStore.layer() })
 * await quartieri.registerProject(coordinator, project)
 * await quartieri.dispose()
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const createQuartieri = <ROut, E>(options: Options<ROut, E>): Client => {
  const runtime = ManagedRuntime.make(Quartieri.layerOn(options.store))
  const client: Record<string, unknown> = {}
  for (const name of Quartieri.useCases) {
    client[name] = (actor: UseCase.ActorInput, input: unknown) =>
      runtime.runPromise(
        Quartieri.Quartieri.use((q) =>
          (q[name] as (a: UseCase.ActorInput, i: unknown) => Effect.Effect<unknown, unknown>)(actor, input)
        )
      )
  }
  client.dispose = () => runtime.dispose()
  return client as Client
}
