/**
 * Every use-case of the application in one service, over any `Store`: the entry point of a
 * portal written with Effect. Each method takes the actor and the unknown input of a request,
 * decodes it whole, authorizes the actor, applies the rule and writes the records with their
 * audit events in one transaction (see `UseCase`).
 *
 * ```ts
 * const program = Effect.gen(function* () {
 *   const q = yield* Quartieri.Quartieri
 *   return yield* q.updateIsee(actor, { household: "h-001", expectedVersion: 1, isee })
 * })
 * program.pipe(Effect.provide(Quartieri.layerOn(SqliteStore.layer({ filename: "quartieri.db" }))))
 * ```
 *
 * The areas are services of their own too (`Registry`, `Erasure`, `Pathways`…), provided by the same
 * layer, for a program that needs only some of them. Non-Effect callers use the Promise facade,
 * `createQuartieri`.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type * as Store from "../Store.js"
import * as AuditTrail from "./AuditTrail.js"
import * as Decisions from "./Decisions.js"
import * as Erasure from "./Erasure.js"
import * as Laboratori from "./Laboratori.js"
import * as Pathways from "./Pathways.js"
import * as Projects from "./Projects.js"
import * as Registry from "./Registry.js"
import * as Reports from "./Reports.js"
import * as Spending from "./Spending.js"

/**
 * Every use-case.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service
  extends Projects.Service,
    Registry.Service,
    Erasure.Service,
    Laboratori.Service,
    Pathways.Service,
    Decisions.Service,
    Spending.Service,
    Reports.Service,
    AuditTrail.Service {}

/**
 * The service key of every use-case.
 *
 * @since 0.1.0
 * @category services
 */
export class Quartieri extends Context.Service<Quartieri, Service>()("@quartieri/core/app/Quartieri") {}

/**
 * The names of the use-cases, in the order of the documentation.
 *
 * @since 0.1.0
 * @category models
 */
export const useCases = [
  "registerProject",
  "defineBudget",
  "getProject",
  "getBudget",
  "registerHousehold",
  "updateIsee",
  "recordArrears",
  "getHousehold",
  "getPerson",
  "listHouseholds",
  "erasePerson",
  "createLaboratorio",
  "recordSession",
  "getLaboratorio",
  "openPathway",
  "movePathway",
  "recordServiceDelivery",
  "getPathway",
  "evaluateEligibility",
  "getDecision",
  "recordExpenditure",
  "submitClaim",
  "verifyClaim",
  "runReport",
  "readAuditLog"
] as const satisfies ReadonlyArray<keyof Service>

/**
 * The name of a use-case.
 *
 * @since 0.1.0
 * @category models
 */
export type UseCaseName = (typeof useCases)[number]

// every method of the service is listed
const _everyUseCaseListed: Exclude<keyof Service, UseCaseName> extends never ? true : never = true
void _everyUseCaseListed

/**
 * Every area service of the application.
 *
 * @since 0.1.0
 * @category models
 */
export type Areas =
  | Projects.Projects
  | Registry.Registry
  | Erasure.Erasure
  | Laboratori.Laboratori
  | Pathways.Pathways
  | Decisions.Decisions
  | Spending.Spending
  | Reports.Reports
  | AuditTrail.AuditTrail

/**
 * The area services over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerAreas: Layer.Layer<Areas, never, Store.Store> = Layer.mergeAll(
  Projects.layer,
  Registry.layer,
  Erasure.layer,
  Laboratori.layer,
  Pathways.layer,
  Decisions.layer,
  Spending.layer,
  Reports.layer,
  AuditTrail.layer
)

/**
 * The bundle and every area service over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Quartieri | Areas, never, Store.Store> = Layer.effect(
  Quartieri,
  Effect.gen(function* () {
    return {
      ...(yield* Projects.Projects),
      ...(yield* Registry.Registry),
      ...(yield* Erasure.Erasure),
      ...(yield* Laboratori.Laboratori),
      ...(yield* Pathways.Pathways),
      ...(yield* Decisions.Decisions),
      ...(yield* Spending.Spending),
      ...(yield* Reports.Reports),
      ...(yield* AuditTrail.AuditTrail)
    }
  })
).pipe(Layer.provideMerge(layerAreas))

/**
 * The use-cases over a store layer — any adapter's (`MemoryStore.layer()`,
 * `SqliteStore.layer({ filename })`, `PostgresStore.layer({ url })`, your own). The store's other
 * services stay available beside them.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerOn = <ROut, E>(
  store: Layer.Layer<Store.Store | ROut, E>
): Layer.Layer<Quartieri | Areas | Store.Store | ROut, E> => layer.pipe(Layer.provideMerge(store))
