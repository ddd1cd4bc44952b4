/**
 * Runs a seed project through its call's rules — partnership, project structure, budget — on
 * what its sources give, and says for each check whether it passed, failed (with every
 * violation) or could not run (and why). The demo prints this report; the tests assert it.
 *
 * @since 0.1.0
 */
import {
  Budget,
  BudgetRules,
  type Call,
  InvalidInput,
  Money,
  Parameter,
  Partnership,
  Project,
  type Violation
} from "@quartieri/core"
import { Option, Result } from "effect"
import type { SeedProject } from "./projects.js"

/**
 * The outcome of one check: passed (with what was checked), failed with every violation,
 * input that does not decode, or not checked because the sources lack what it needs.
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome =
  | { readonly _tag: "Passed"; readonly detail: string }
  | { readonly _tag: "Failed"; readonly violations: ReadonlyArray<Violation.Violation> }
  | { readonly _tag: "Invalid"; readonly error: InvalidInput.InvalidInput }
  | { readonly _tag: "NotChecked"; readonly reason: string }

/**
 * What the checks of one seed project found.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly seed: SeedProject
  readonly partnership: Outcome
  readonly structure: Outcome
  readonly budget: Outcome
}

const fromResult = <E extends { readonly violations: ReadonlyArray<Violation.Violation> }>(
  r: Result.Result<void, E>,
  detail: string
): Outcome => (Result.isSuccess(r) ? { _tag: "Passed", detail } : { _tag: "Failed", violations: r.failure.violations })

const fromViolations = (violations: ReadonlyArray<Violation.Violation>, detail: string): Outcome =>
  violations.length === 0 ? { _tag: "Passed", detail } : { _tag: "Failed", violations }

/** The call's per-project grant cap, read at the date its terms apply. */
const projectCap = (call: Call.Call): Option.Option<Parameter.Reading<Money.Cents>> =>
  Option.flatMap(Option.fromNullishOr(call.parameters.find((p) => p.id.endsWith(".grant-cap.project"))), (p) =>
    Parameter.readAt(p as Parameter.Parameter<Money.Cents>, call.effectiveFrom)
  )

const decodeBudget = InvalidInput.decoder(Budget.Budget, "Budget")

const checkPartnership = (seed: SeedProject): Outcome => {
  const decoded = Partnership.decode(seed.partnership)
  if (Result.isFailure(decoded)) return { _tag: "Invalid", error: decoded.failure }
  return fromResult(
    Partnership.check(seed.call, decoded.success),
    `${decoded.success.members.length} membri, regole: ${seed.call.partnershipRules.title.it}`
  )
}

const checkStructure = (seed: SeedProject): Outcome => {
  if (seed.project === undefined) return { _tag: "NotChecked", reason: "periodo del progetto non pubblicato" }
  const decoded = Project.decode(seed.project)
  if (Result.isFailure(decoded)) return { _tag: "Invalid", error: decoded.failure }
  const { period, subProjects } = decoded.success
  return fromResult(
    Project.checkStructure(seed.call, decoded.success),
    `${subProjects.length} sottoprogetti, ${period.start} → ${period.end ?? "in corso"}`
  )
}

const checkBudget = (seed: SeedProject): Outcome => {
  const cap = projectCap(seed.call)
  if (seed.budget === undefined && seed.grant === undefined) {
    return { _tag: "NotChecked", reason: "nessun importo pubblicato" }
  }
  // With only the grant published, its cap can still be checked.
  const decoded = decodeBudget(seed.budget ?? { lines: [], funding: [{ source: "fse-grant", amount: seed.grant }] })
  if (Result.isFailure(decoded)) return { _tag: "Invalid", error: decoded.failure }
  const resolved = Budget.resolve(decoded.success)
  if (Result.isFailure(resolved)) return { _tag: "Failed", violations: resolved.failure.violations }
  const caps = Option.match(cap, {
    onNone: () => [],
    onSome: (perProject) => BudgetRules.grantWithinCaps(resolved.success, { perProject })
  })
  const capText = Option.match(cap, {
    onNone: () => "l'avviso non ha un massimale per progetto",
    onSome: (c) =>
      `contributo ${Money.format(Budget.grant(resolved.success))} entro il massimale ${Money.format(c.value)}${c.source.confidence === "confirmed" ? "" : " (non verificato)"}`
  })
  if (seed.budget === undefined) {
    return fromViolations(caps, `${capText}; costo totale e cofinanziamento non pubblicati`)
  }
  return fromViolations(
    [...BudgetRules.fundingMatchesCost(resolved.success), ...caps],
    `fonti ${Money.format(Budget.totalFunding(resolved.success))} = costo ${Money.format(Budget.totalCost(resolved.success))}; ${capText}`
  )
}

/**
 * Checks a seed project against its call on what its sources give.
 *
 * @since 0.1.0
 * @category rules
 */
export const check = (seed: SeedProject): Report => ({
  seed,
  partnership: checkPartnership(seed),
  structure: checkStructure(seed),
  budget: checkBudget(seed)
})
