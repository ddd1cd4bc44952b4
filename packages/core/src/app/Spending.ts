/**
 * Use-cases of spending and rendicontazione: record an expenditure on a budget line, submit a
 * claim, and verify a claim (the Region's controller). Each is checked with the rules of
 * `BudgetRules` against what the store holds, and refused whole with every violation.
 *
 * Claims of a project are numbered 1, 2, 3…: submitting one also advances the project's budget
 * record, in the same transaction. Two claims submitted at once therefore cannot both be
 * checked against the same state — the second gets a `Conflict` and is checked again on retry
 * — so they can never jointly claim more than a line.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Result, Schema } from "effect"
import * as Budget from "../Budget.js"
import * as BudgetRules from "../BudgetRules.js"
import * as Calendar from "../Calendar.js"
import * as Ids from "../Ids.js"
import * as Internal from "../internal/budget.js"
import * as Money from "../Money.js"
import * as Store from "../Store.js"
import type { Violation } from "../Violation.js"
import * as Collections from "./Collections.js"
import type { NotFound } from "./NotFound.js"
import * as Records from "./Records.js"
import * as UseCase from "./UseCase.js"

/**
 * Input of `recordExpenditure`: the project and the expenditure (on a line of its budget).
 *
 * @since 0.1.0
 * @category models
 */
export const RecordExpenditureInput = Schema.Struct({
  project: Ids.ProjectId,
  expenditure: Budget.Expenditure
})
/** @since 0.1.0 @category models */
export type RecordExpenditureInput = typeof RecordExpenditureInput.Encoded

/**
 * Input of `submitClaim`: the project and the claim — its number (the next one), the period it
 * covers, the day it is submitted and the expenditures it claims.
 *
 * @since 0.1.0
 * @category models
 */
export const SubmitClaimInput = Schema.Struct({
  project: Ids.ProjectId,
  claim: Schema.Struct({
    number: Budget.Claim.fields.number,
    period: Budget.Claim.fields.period,
    submittedOn: Budget.Claim.fields.submittedOn,
    expenditures: Budget.Claim.fields.expenditures
  })
})
/** @since 0.1.0 @category models */
export type SubmitClaimInput = typeof SubmitClaimInput.Encoded

/**
 * Input of `verifyClaim`: the claim (project and number), the version read, the day of the
 * verification and the amount found eligible.
 *
 * @since 0.1.0
 * @category models
 */
export const VerifyClaimInput = Schema.Struct({
  project: Ids.ProjectId,
  number: Budget.Claim.fields.number,
  expectedVersion: Records.ExpectedVersion,
  verifiedOn: Calendar.CalendarDate,
  verifiedAmount: Money.NonNegativeCents
})
/** @since 0.1.0 @category models */
export type VerifyClaimInput = typeof VerifyClaimInput.Encoded

/**
 * What `submitClaim` wrote: the claim, and the budget record that now counts it.
 *
 * @since 0.1.0
 * @category models
 */
export interface Submitted {
  readonly claim: Store.Versioned<Records.ClaimRecord>
  readonly budget: Store.Versioned<Records.BudgetRecord>
}

/**
 * The spending use-cases.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Records an expenditure; the organisation is the partner of its budget line. */
  readonly recordExpenditure: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.ExpenditureRecord>, UseCase.Failure | NotFound | Budget.BudgetRuleViolated>
  /** Submits the next claim of a project. */
  readonly submitClaim: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Submitted, UseCase.Failure | NotFound | Budget.BudgetRuleViolated>
  /** Verifies a submitted claim (the Region). */
  readonly verifyClaim: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.ClaimRecord>, UseCase.Failure | NotFound | Budget.BudgetRuleViolated>
}

/**
 * The spending use-cases' service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Spending extends Context.Service<Spending, Service>()("@quartieri/core/app/Spending") {}

/**
 * The claim numbers follow each other: the next claim of a project with `submitted` claims is
 * number `submitted + 1`. Source: data integrity (claims are progressive), no act.
 *
 * @since 0.1.0
 * @category rules
 */
export const nextClaimNumber = (submitted: number, number: number): ReadonlyArray<Violation> =>
  number === submitted + 1
    ? []
    : [
        Internal.violation(
          "claim.number-not-next",
          Internal.sources.integrity,
          {
            en: `claim ${number} cannot be submitted: the next claim of the project is number ${submitted + 1}`,
            it: `la rendicontazione n. ${number} non può essere presentata: la prossima del progetto è la n. ${submitted + 1}`
          },
          `claim ${number}`
        )
      ]

/**
 * A claim is verified once: verifying a claim already verified is refused. Source: data
 * integrity, no act.
 *
 * @since 0.1.0
 * @category rules
 */
export const notYetVerified = (claim: Budget.Claim): ReadonlyArray<Violation> =>
  claim.status._tag === "Submitted"
    ? []
    : [
        Internal.violation(
          "claim.already-verified",
          Internal.sources.integrity,
          {
            en: `claim ${claim.number} was already verified on ${claim.status.verifiedOn}`,
            it: `la rendicontazione n. ${claim.number} è già stata verificata il ${claim.status.verifiedOn}`
          },
          `claim ${claim.number}`
        )
      ]

const decodeExpenditure = UseCase.decodeRequest(RecordExpenditureInput, "recordExpenditure")
const decodeSubmit = UseCase.decodeRequest(SubmitClaimInput, "submitClaim")
const decodeVerify = UseCase.decodeRequest(VerifyClaimInput, "verifyClaim")

const budgetScope = (b: Records.BudgetRecord) => ({ kind: "budget", project: b.project }) as const

/**
 * Builds the spending use-cases on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const recordExpenditure: Service["recordExpenditure"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeExpenditure(actor, input)
      const e = req.expenditure
      const budget = yield* UseCase.load(store, Collections.Budgets, req.project, {
        actor: who,
        action: "write",
        kind: "expenditure",
        scope: (b) => {
          const line = b.budget.lines.find((l) => l.id === e.line)
          return {
            kind: "expenditure",
            project: b.project,
            ...(line === undefined ? {} : { organisation: line.partner })
          }
        },
        missing: { kind: "expenditure", project: req.project }
      })
      const b = budget.value
      yield* Effect.fromResult(Budget.toResult(BudgetRules.expendituresEligible(b.budget, [e], b.eligibility)))
      // the rule has checked that the line exists
      const line = b.budget.lines.find((l) => l.id === e.line) as Budget.BudgetLine
      const record: Records.ExpenditureRecord = { ...e, project: b.project, organisation: line.partner }
      return yield* UseCase.commitOne(store, who, Collections.Expenditures, record, 0, "expenditure.record")
    })

  const submitClaim: Service["submitClaim"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeSubmit(actor, input)
      yield* UseCase.authorize(who, "write", { kind: "claim", project: req.project })
      const budget = yield* UseCase.load(store, Collections.Budgets, req.project, {
        actor: who,
        action: "write",
        kind: "budget",
        scope: budgetScope,
        missing: { kind: "budget", project: req.project }
      })
      const claim: Records.ClaimRecord = {
        id: Records.claimId(req.project, req.claim.number),
        project: req.project,
        ...req.claim,
        status: { _tag: "Submitted" }
      }
      const expenditures = yield* UseCase.queryBy(store, Collections.Expenditures, "project", req.project)
      const claims = yield* UseCase.queryBy(store, Collections.Claims, "project", req.project)
      const b = budget.value
      const resolved = yield* Effect.fromResult(Budget.resolve(b.budget))
      yield* Effect.fromResult(
        Budget.toResult([
          ...nextClaimNumber(b.claims, claim.number),
          ...BudgetRules.claimsWithinLines(
            resolved,
            expenditures.map((x) => x.value),
            [...claims.map((x) => x.value), claim]
          )
        ])
      )
      const counted: Records.BudgetRecord = { ...b, claims: b.claims + 1 }
      const versions = yield* UseCase.commit(store, who, [
        UseCase.write(Collections.Claims, claim, 0, "claim.submit"),
        UseCase.write(Collections.Budgets, counted, budget.version, "budget.claim-counted")
      ])
      return {
        claim: { id: claim.id, version: versions[0] ?? 1, value: claim },
        budget: { id: counted.project, version: versions[1] ?? budget.version + 1, value: counted }
      }
    })

  const verifyClaim: Service["verifyClaim"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeVerify(actor, input)
      const current = yield* UseCase.load(store, Collections.Claims, Records.claimId(req.project, req.number), {
        actor: who,
        action: "verify",
        kind: "claim",
        scope: (c) => ({ kind: "claim", project: c.project }),
        missing: { kind: "claim", project: req.project }
      })
      yield* UseCase.expectVersion(Collections.Claims, current, req.expectedVersion, "verifyClaim")
      const verified: Records.ClaimRecord = {
        ...current.value,
        status: { _tag: "Verified", verifiedOn: req.verifiedOn, verifiedAmount: req.verifiedAmount }
      }
      const expenditures = yield* UseCase.queryBy(store, Collections.Expenditures, "project", req.project)
      const claims = yield* UseCase.queryBy(store, Collections.Claims, "project", req.project)
      const budget = yield* store.get(Collections.Budgets, req.project)
      const resolved = budget._tag === "Some" ? Budget.resolve(budget.value.value.budget) : Result.fail(undefined)
      const others = claims.map((c) => c.value).filter((c) => c.id !== verified.id)
      const violations = [
        ...notYetVerified(current.value),
        ...(Result.isSuccess(resolved)
          ? BudgetRules.claimsWithinLines(
              resolved.success,
              expenditures.map((x) => x.value),
              [...others, verified]
            )
          : [])
      ]
      yield* Effect.fromResult(Budget.toResult(violations))
      return yield* UseCase.commitOne(store, who, Collections.Claims, verified, req.expectedVersion, "claim.verify")
    })

  return { recordExpenditure, submitClaim, verifyClaim }
})

/**
 * The spending use-cases over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Spending, never, Store.Store> = Layer.effect(Spending, make)
