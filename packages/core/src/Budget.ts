/**
 * The budget of a project and what is spent against it. A {@link Budget} is a list of
 * {@link BudgetLine}s (sub-project × partner × cost category × cost option) and the
 * {@link Funding} that covers them; {@link Expenditure}s are spent against lines and
 * {@link Claim}s (rendicontazioni) claim them. Jems is the model: partner budgets by cost
 * category with flat rates resolved against category bases, and cofinancing by source.
 *
 * Amounts are integer cents. A line's amount is derived: a real cost is its amount, a unit cost
 * is unit price × quantity, a flat rate is its rate applied, once and with its own rounding, to
 * the sum of the *other* direct lines of its scope whose category is in its base. A flat rate
 * whose base would include its own category or another flat-rate line is an error
 * ({@link resolve} fails), and never a loop: a base only ever sums direct lines.
 *
 * Compliance (funding equals cost, caps, eligibility, claims) is in `BudgetRules`.
 *
 * @since 0.1.0
 */
import { Option, Result, Schema } from "effect"
import * as BasisPoints from "./BasisPoints.js"
import * as Calendar from "./Calendar.js"
import * as CostCategory from "./CostCategory.js"
import * as CostOption from "./CostOption.js"
import * as FundingSource from "./FundingSource.js"
import { BudgetLineId, ExpenditureId, OrganisationId, SubProjectId } from "./Ids.js"
import * as Internal from "./internal/budget.js"
import * as Money from "./Money.js"
import { Violation } from "./Violation.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

const text = (what: string, max: number) =>
  Schema.String.pipe(
    Schema.check(
      Schema.makeFilter((s: string) => s.trim().length > 0 || `the ${what} must not be empty`),
      Schema.makeFilter(
        (s: string) => s.length <= max || `the ${what} has ${s.length} characters, at most ${max} are allowed`
      )
    )
  )

/**
 * One line of a budget: which sub-project and partner it belongs to, what it pays for
 * (category), how its amount is computed (cost option) and a description.
 *
 * @since 0.1.0
 * @category models
 */
export const BudgetLine = Schema.Struct({
  id: BudgetLineId,
  subProject: SubProjectId,
  partner: OrganisationId,
  category: CostCategory.CostCategory,
  cost: CostOption.CostOption,
  description: text("description", 500)
})
/** @since 0.1.0 @category models */
export type BudgetLine = typeof BudgetLine.Type

/**
 * An amount of funding from one source, optionally from a given organisation (the Comune that
 * cofinances) and attributed to a sub-project (needed when a call caps the grant per sub-project).
 *
 * @since 0.1.0
 * @category models
 */
export const Funding = Schema.Struct({
  source: FundingSource.FundingSourceKind,
  organisation: Schema.optionalKey(OrganisationId),
  subProject: Schema.optionalKey(SubProjectId),
  amount: Money.NonNegativeCents
})
/** @since 0.1.0 @category models */
export type Funding = typeof Funding.Type

const duplicates = <A>(
  items: ReadonlyArray<A>
): ReadonlyArray<{ readonly value: A; readonly indexes: ReadonlyArray<number> }> => {
  const seen = new Map<A, Array<number>>()
  items.forEach((item, i) => {
    const indexes = seen.get(item)
    if (indexes === undefined) seen.set(item, [i])
    else indexes.push(i)
  })
  return [...seen].filter(([, indexes]) => indexes.length > 1).map(([value, indexes]) => ({ value, indexes }))
}

/**
 * A budget: its lines (with distinct ids), its funding and, optionally, the total cost the
 * application declares. Published projects often give only the total and the funding plan (the
 * seed IntERPreti di cambiamento: € 229.989,54, grant and cofinancing, no line breakdown): such
 * a budget has no lines and a `declaredTotal`, and its rules still run on what is known. When
 * both are present, the lines must add up to the declared total.
 *
 * @since 0.1.0
 * @category models
 */
export const Budget = Schema.Struct({
  lines: Schema.Array(BudgetLine),
  funding: Schema.Array(Funding),
  declaredTotal: Schema.optionalKey(Money.NonNegativeCents)
}).pipe(
  Schema.check(
    Schema.makeFilter((budget) =>
      duplicates(budget.lines.map((line) => line.id)).flatMap(({ value, indexes }) =>
        indexes.slice(1).map((i) => ({
          path: ["lines", i, "id"],
          issue: `the line id "${value}" is already used by line ${(indexes[0] ?? 0) + 1}; each line needs its own id`
        }))
      )
    )
  )
)
/** @since 0.1.0 @category models */
export type Budget = typeof Budget.Type

/**
 * An expenditure on a budget line: its date (the one checked against the eligibility
 * period), amount, description and the reference of its supporting document (invoice, payslip).
 *
 * @since 0.1.0
 * @category models
 */
export const Expenditure = Schema.Struct({
  id: ExpenditureId,
  line: BudgetLineId,
  date: Calendar.CalendarDate,
  amount: Money.NonNegativeCents,
  description: text("description", 500),
  documentRef: text("document reference", 200)
})
/** @since 0.1.0 @category models */
export type Expenditure = typeof Expenditure.Type

/**
 * A closed period `[start, end]`, both days included; a `Calendar.Period` with its end.
 *
 * @since 0.1.0
 * @category models
 */
export const ClosedPeriod = Schema.Struct({
  start: Calendar.CalendarDate,
  end: Calendar.CalendarDate
}).pipe(
  Schema.check(
    Schema.makeFilter((p) => p.end >= p.start || { path: ["end"], issue: `end ${p.end} is before start ${p.start}` })
  )
)
/** @since 0.1.0 @category models */
export type ClosedPeriod = typeof ClosedPeriod.Type

/**
 * Where a claim stands: `Submitted` to the Region, or `Verified` by the controller, with the
 * amount found eligible.
 *
 * @since 0.1.0
 * @category models
 */
export const ClaimStatus = Schema.Union([
  Schema.TaggedStruct("Submitted", {}),
  Schema.TaggedStruct("Verified", {
    verifiedOn: Calendar.CalendarDate,
    verifiedAmount: Money.NonNegativeCents
  })
])
/** @since 0.1.0 @category models */
export type ClaimStatus = typeof ClaimStatus.Type

/**
 * A claim (rendicontazione): its progressive number, the period it covers, when it was
 * submitted, the expenditures it claims (each once) and its status.
 *
 * @since 0.1.0
 * @category models
 */
export const Claim = Schema.Struct({
  number: Schema.Number.pipe(
    Schema.check(
      Schema.makeFilter((n: number) => (Number.isSafeInteger(n) && n >= 1) || `a claim number is 1, 2, 3…, got ${n}`)
    )
  ),
  period: ClosedPeriod,
  submittedOn: Calendar.CalendarDate,
  expenditures: Schema.NonEmptyArray(ExpenditureId).pipe(
    Schema.check(
      Schema.makeFilter((ids: ReadonlyArray<string>) =>
        duplicates(ids).map(({ value, indexes }) => ({
          path: [indexes[1] ?? 0],
          issue: `the expenditure "${value}" is listed more than once in the claim`
        }))
      )
    )
  ),
  status: ClaimStatus
})
/** @since 0.1.0 @category models */
export type Claim = typeof Claim.Type

// ---------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------

/**
 * A budget breaks one or more rules: every violation found, each with its rule, messages in
 * English and Italian, source and subject (a line, an expenditure, a claim).
 *
 * @since 0.1.0
 * @category errors
 */
export class BudgetRuleViolated extends Schema.TaggedError<BudgetRuleViolated>()("BudgetRuleViolated", {
  violations: Schema.NonEmptyArray(Violation)
}) {
  override get message(): string {
    return this.violations.map((v) => (v.subject === undefined ? v.message : `${v.subject}: ${v.message}`)).join("; ")
  }
}

/**
 * Fails with {@link BudgetRuleViolated} when there is any violation.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toResult = (violations: ReadonlyArray<Violation>): Result.Result<void, BudgetRuleViolated> => {
  const [first, ...rest] = violations
  return first === undefined ? Result.void : Result.fail(new BudgetRuleViolated({ violations: [first, ...rest] }))
}

// ---------------------------------------------------------------------------------------------
// derived amounts
// ---------------------------------------------------------------------------------------------

/**
 * A line with its derived amount.
 *
 * @since 0.1.0
 * @category models
 */
export interface LineAmount {
  readonly line: BudgetLine
  readonly amount: Money.Cents
}

/**
 * A budget with every line amount derived and its total cost. Every sum of its line amounts
 * and of its funding amounts is within the range of `Cents`, so the totals below are exact.
 * Built by {@link resolve} (or {@link evaluate}).
 *
 * @since 0.1.0
 * @category models
 */
export interface ResolvedBudget {
  readonly budget: Budget
  readonly lines: ReadonlyArray<LineAmount>
  readonly total: Money.Cents
}

/**
 * A budget's amounts as its definition gives them, with the problems that make it ill-formed
 * (negative amounts, flat rates whose base includes their own category or another flat rate,
 * repeated line ids). The amounts are still those of the definition: a flat rate sums only the
 * other direct lines of its base. `BudgetRules` use it to report every violation in one pass.
 *
 * @since 0.1.0
 * @category models
 */
export interface Evaluation extends ResolvedBudget {
  readonly problems: ReadonlyArray<Violation>
}

/**
 * Whether `other` is in the scope of a flat rate on `line`: same partner and sub-project, same
 * partner, same sub-project, or anywhere in the budget.
 *
 * @since 0.1.0
 * @category utils
 */
export const inScope = (scope: CostOption.FlatRateScope, line: BudgetLine, other: BudgetLine): boolean => {
  const samePartner = line.partner === other.partner
  const sameSubProject = line.subProject === other.subProject
  switch (scope) {
    case "partner-and-sub-project":
      return samePartner && sameSubProject
    case "partner":
      return samePartner
    case "sub-project":
      return sameSubProject
    case "budget":
      return true
  }
}

const categoriesIt = (categories: ReadonlyArray<CostCategory.CostCategory>) =>
  categories.map((c) => CostCategory.labels[c].it).join(", ")
const categoriesEn = (categories: ReadonlyArray<CostCategory.CostCategory>) =>
  categories.map((c) => CostCategory.labels[c].en).join(", ")

const negative = (
  subject: string,
  what: { en: string; it: string },
  value: string,
  gender: "m" | "f" = "m"
): Violation =>
  Internal.violation(
    "budget.amount.negative",
    Internal.sources.integrity,
    {
      en: `${what.en} is negative: ${value}`,
      it: `${what.it} è ${gender === "m" ? "negativo" : "negativa"}: ${value}`
    },
    subject
  )

const notComputable = (subject: string | undefined, what: { en: string; it: string }, why: string): Violation =>
  Internal.violation(
    "budget.amount.not-computable",
    Internal.sources.range,
    {
      en: `${what.en} cannot be computed exactly: ${why}`,
      it: `${what.it} non è calcolabile esattamente: ${why}`
    },
    subject
  )

/** Signs that make an amount meaningless, for values built in code (a decoded budget has none). */
const signProblems = (budget: Budget): Array<Violation> => {
  const problems: Array<Violation> = []
  for (const { id, cost } of budget.lines) {
    switch (cost._tag) {
      case "RealCost":
        if (cost.amount < 0) {
          problems.push(
            negative(
              id,
              { en: `the amount of line ${id}`, it: `l'importo della voce ${id}` },
              Money.format(cost.amount)
            )
          )
        }
        break
      case "UnitCost":
        if (cost.unitPrice < 0) {
          problems.push(
            negative(
              id,
              { en: `the unit price of line ${id}`, it: `il costo unitario della voce ${id}` },
              Money.format(cost.unitPrice)
            )
          )
        }
        if (cost.quantity < 0) {
          problems.push(
            negative(
              id,
              { en: `the quantity of line ${id}`, it: `la quantità della voce ${id}` },
              String(cost.quantity),
              "f"
            )
          )
        }
        break
      case "FlatRate":
        if (cost.rate < 0) {
          problems.push(
            negative(
              id,
              { en: `the flat rate of line ${id}`, it: `il tasso forfettario della voce ${id}` },
              `${cost.rate} bp`
            )
          )
        }
        break
    }
  }
  budget.funding.forEach((funding, i) => {
    if (funding.amount < 0) {
      const subject = `funding[${i}]`
      problems.push(
        negative(
          subject,
          {
            en: `the funding from ${FundingSource.labels[funding.source].en} (entry ${i + 1})`,
            it: `il finanziamento da ${FundingSource.labels[funding.source].it} (voce ${i + 1})`
          },
          Money.format(funding.amount)
        )
      )
    }
  })
  for (const { value, indexes } of duplicates(budget.lines.map((line) => line.id))) {
    problems.push(
      Internal.violation(
        "budget.line.duplicate-id",
        Internal.sources.integrity,
        {
          en: `the id ${value} is used by ${indexes.length} budget lines; each line needs its own id`,
          it: `l'identificativo ${value} è usato da ${indexes.length} voci di budget; ogni voce deve averne uno proprio`
        },
        value
      )
    )
  }
  return problems
}

/**
 * Derives every line amount and the total, and lists what makes the budget ill-formed. Fails
 * only when an amount cannot be computed exactly (beyond the range of `Cents`, or a fractional
 * quantity built in code), with those violations and every other problem found.
 *
 * @since 0.1.0
 * @category utils
 */
export const evaluate = (budget: Budget): Result.Result<Evaluation, BudgetRuleViolated> => {
  const problems = signProblems(budget)
  const fatal: Array<Violation> = []
  const lines = budget.lines

  // 1. Direct lines: real costs and unit costs.
  const direct = new Map<number, Money.Cents>()
  lines.forEach((line, i) => {
    if (line.cost._tag === "FlatRate") return
    const amount = CostOption.directAmount(line.cost)
    if (Result.isSuccess(amount)) direct.set(i, amount.success)
    else {
      fatal.push(
        notComputable(
          line.id,
          { en: `the amount of line ${line.id}`, it: `l'importo della voce ${line.id}` },
          amount.failure.message
        )
      )
    }
  })
  const directMagnitude = Internal.sumAbsolute(direct.values())
  if (!Internal.inRange(directMagnitude)) {
    fatal.push(
      notComputable(
        undefined,
        { en: "the sum of the direct lines", it: "la somma delle voci dirette" },
        `it is beyond ±${Money.format(Money.maxCents)}`
      )
    )
  }
  const [directFatal, ...moreDirectFatal] = fatal
  if (directFatal !== undefined) {
    return Result.fail(new BudgetRuleViolated({ violations: [directFatal, ...moreDirectFatal, ...problems] }))
  }

  // 2. Flat rates: each on the sum of the other direct lines of its scope and base categories.
  const amounts: Array<Money.Cents> = []
  lines.forEach((line, i) => {
    const cost = line.cost
    if (cost._tag !== "FlatRate") {
      amounts.push(direct.get(i) ?? Money.zero)
      return
    }
    const selected = lines
      .map((other, j) => ({ other, j }))
      .filter(({ other, j }) => j !== i && cost.base.includes(other.category) && inScope(cost.scope, line, other))
    // Every subset of the direct amounts sums within range (step 1), so this sum is exact.
    const base = Internal.sumWithinRange(selected.flatMap(({ j }) => direct.get(j) ?? []))
    const amount = CostOption.applyFlatRate(cost, base)
    if (Result.isFailure(amount)) {
      fatal.push(
        notComputable(
          line.id,
          { en: `the amount of line ${line.id}`, it: `l'importo della voce ${line.id}` },
          amount.failure.message
        )
      )
      amounts.push(Money.zero)
      return
    }
    amounts.push(amount.success)
    const shown = Money.format(amount.success)
    if (cost.base.includes(line.category)) {
      problems.push(
        Internal.violation(
          "flat-rate.base-contains-itself",
          Internal.sources.flatRate,
          {
            en: `flat-rate line ${line.id} (${CostCategory.labels[line.category].en}) is a rate on ${categoriesEn(cost.base)}, which includes its own category: a flat rate cannot be part of its own base (its amount ${shown} excludes the line itself)`,
            it: `la voce a tasso forfettario ${line.id} (${CostCategory.labels[line.category].it}) è un tasso su ${categoriesIt(cost.base)}, che comprende la sua stessa categoria: un tasso forfettario non può far parte della propria base (l'importo ${shown} esclude la voce stessa)`
          },
          line.id
        )
      )
    }
    const flat = selected.filter(({ other }) => other.cost._tag === "FlatRate").map(({ other }) => other.id)
    if (flat.length > 0) {
      problems.push(
        Internal.violation(
          "flat-rate.base-contains-flat-rate",
          Internal.sources.flatRate,
          {
            en: `the base of flat-rate line ${line.id} (${categoriesEn(cost.base)}) includes the flat-rate line${flat.length > 1 ? "s" : ""} ${Internal.list(flat, "and")}: a flat rate applies to direct costs only, never to another flat rate (its amount ${shown} leaves ${flat.length > 1 ? "them" : "it"} out)`,
            it: `la base della voce a tasso forfettario ${line.id} (${categoriesIt(cost.base)}) comprende ${flat.length > 1 ? "le voci" : "la voce"} a tasso forfettario ${Internal.list(flat, "e")}: un tasso forfettario si applica solo ai costi diretti, mai a un altro tasso forfettario (l'importo ${shown} non ne tiene conto)`
          },
          line.id
        )
      )
    }
  })

  // 3. Range of the whole: every sum of lines, and every sum of funding, must be exact.
  if (!Internal.inRange(Internal.sumAbsolute(amounts))) {
    fatal.push(
      notComputable(
        undefined,
        { en: "the total cost", it: "il costo totale" },
        `it is beyond ±${Money.format(Money.maxCents)}`
      )
    )
  }
  if (!Internal.inRange(Internal.sumAbsolute(budget.funding.map((f) => f.amount)))) {
    fatal.push(
      notComputable(
        undefined,
        { en: "the total funding", it: "il totale delle fonti" },
        `it is beyond ±${Money.format(Money.maxCents)}`
      )
    )
  }
  const [firstFatal, ...restFatal] = fatal
  if (firstFatal !== undefined) {
    return Result.fail(new BudgetRuleViolated({ violations: [firstFatal, ...restFatal, ...problems] }))
  }
  const linesTotal = Internal.sumWithinRange(amounts)
  if (budget.declaredTotal !== undefined && lines.length > 0 && linesTotal !== budget.declaredTotal) {
    problems.push(
      Internal.violation("budget.lines.declared-total", Internal.sources.financialPlan, {
        en: `the lines sum to ${Money.format(linesTotal)} but the declared total cost is ${Money.format(budget.declaredTotal)}`,
        it: `le voci ammontano a ${Money.format(linesTotal)} ma il costo totale dichiarato è ${Money.format(budget.declaredTotal)}`
      })
    )
  }
  return Result.succeed({
    budget,
    lines: lines.map((line, i) => ({ line, amount: amounts[i] ?? Money.zero })),
    // Without lines, the declared total is the only total cost known.
    total: lines.length === 0 && budget.declaredTotal !== undefined ? budget.declaredTotal : linesTotal,
    problems
  })
}

/**
 * Derives every line amount and the total cost. Fails with every problem when the budget is
 * ill-formed: a negative amount, a flat rate whose base includes its own category or another
 * flat-rate line, a repeated line id, or an amount beyond the range of `Cents`.
 *
 * @since 0.1.0
 * @category utils
 */
export const resolve = (budget: Budget): Result.Result<ResolvedBudget, BudgetRuleViolated> =>
  Result.flatMap(evaluate(budget), (evaluation) => {
    const [first, ...rest] = evaluation.problems
    return first === undefined
      ? Result.succeed({ budget: evaluation.budget, lines: evaluation.lines, total: evaluation.total })
      : Result.fail(new BudgetRuleViolated({ violations: [first, ...rest] }))
  })

/**
 * The derived amount of a line, if the budget has it.
 *
 * @since 0.1.0
 * @category utils
 */
export const lineAmount = (resolved: ResolvedBudget, id: BudgetLineId): Option.Option<Money.Cents> =>
  Option.fromNullishOr(resolved.lines.find(({ line }) => line.id === id)?.amount)

/**
 * The total cost: the sum of the line amounts.
 *
 * @since 0.1.0
 * @category utils
 */
export const totalCost = (resolved: ResolvedBudget): Money.Cents => resolved.total

const totalsBy = <K>(
  items: ReadonlyArray<{ readonly key: K; readonly amount: Money.Cents }>
): ReadonlyMap<K, Money.Cents> => {
  const totals = new Map<K, Money.Cents>()
  for (const { key, amount } of items) totals.set(key, Internal.sumWithinRange([totals.get(key) ?? Money.zero, amount]))
  return totals
}

/**
 * The total cost of each sub-project, in the order sub-projects first appear.
 *
 * @since 0.1.0
 * @category utils
 */
export const totalsBySubProject = (resolved: ResolvedBudget): ReadonlyMap<SubProjectId, Money.Cents> =>
  totalsBy(resolved.lines.map(({ line, amount }) => ({ key: line.subProject, amount })))

/**
 * The total cost of each partner, in the order partners first appear.
 *
 * @since 0.1.0
 * @category utils
 */
export const totalsByPartner = (resolved: ResolvedBudget): ReadonlyMap<OrganisationId, Money.Cents> =>
  totalsBy(resolved.lines.map(({ line, amount }) => ({ key: line.partner, amount })))

/**
 * The total cost of each cost category, in the order categories first appear.
 *
 * @since 0.1.0
 * @category utils
 */
export const totalsByCategory = (resolved: ResolvedBudget): ReadonlyMap<CostCategory.CostCategory, Money.Cents> =>
  totalsBy(resolved.lines.map(({ line, amount }) => ({ key: line.category, amount })))

/**
 * The sum of the funding entries.
 *
 * @since 0.1.0
 * @category utils
 */
export const totalFunding = (resolved: ResolvedBudget): Money.Cents =>
  Internal.sumWithinRange(resolved.budget.funding.map((f) => f.amount))

/**
 * The funding of each source kind, in the order kinds first appear.
 *
 * @since 0.1.0
 * @category utils
 */
export const totalsBySource = (resolved: ResolvedBudget): ReadonlyMap<FundingSource.FundingSourceKind, Money.Cents> =>
  totalsBy(resolved.budget.funding.map((f) => ({ key: f.source, amount: f.amount })))

/**
 * The grant: the funding whose source is part of the call's grant (`FundingSource.role`).
 *
 * @since 0.1.0
 * @category utils
 */
export const grant = (resolved: ResolvedBudget): Money.Cents =>
  Internal.sumWithinRange(
    resolved.budget.funding.filter((f) => FundingSource.role(f.source) === "grant").map((f) => f.amount)
  )

/**
 * The cofinancing: the funding the partnership brings (`FundingSource.role`).
 *
 * @since 0.1.0
 * @category utils
 */
export const cofinancing = (resolved: ResolvedBudget): Money.Cents =>
  Internal.sumWithinRange(
    resolved.budget.funding.filter((f) => FundingSource.role(f.source) === "cofinancing").map((f) => f.amount)
  )

/**
 * The cofinancing share of the total cost in basis points, rounded once with `rounding`
 * (`floor` never overstates it, e.g. against a minimum share). Fails with `DivisionByZero`
 * when the total cost is zero.
 *
 * @since 0.1.0
 * @category utils
 */
export const cofinancingShare = (
  resolved: ResolvedBudget,
  rounding: Money.Rounding
): Result.Result<BasisPoints.BasisPoints, Money.ArithmeticError> =>
  BasisPoints.ratio(cofinancing(resolved), resolved.total, rounding)

// ---------------------------------------------------------------------------------------------
// variance
// ---------------------------------------------------------------------------------------------

/**
 * Planned against spent for one line: `remaining = planned − spent` (negative when overspent)
 * and the absorption rate `spent / planned` in basis points, rounded down so that 100 % means
 * fully spent (none when nothing is planned).
 *
 * @since 0.1.0
 * @category models
 */
export interface LineVariance {
  readonly line: BudgetLineId
  readonly planned: Money.Cents
  readonly spent: Money.Cents
  readonly remaining: Money.Cents
  readonly absorption: Option.Option<BasisPoints.BasisPoints>
}

/**
 * Planned, spent, remaining and absorption rate for every line, in budget order. `spent` sums
 * the given expenditures of the line (pass the claimed ones for claimed spending); expenditures
 * on lines the budget does not have are left out (`BudgetRules` reports them). Fails when the
 * budget is ill-formed ({@link resolve}) or the sums are beyond the range of `Cents`.
 *
 * @since 0.1.0
 * @category utils
 */
export const variance = (
  budget: Budget,
  expenditures: ReadonlyArray<Expenditure>
): Result.Result<ReadonlyArray<LineVariance>, BudgetRuleViolated> =>
  Result.flatMap(resolve(budget), (resolved) => {
    const spentBig = new Map<BudgetLineId, bigint>()
    for (const e of expenditures) spentBig.set(e.line, (spentBig.get(e.line) ?? 0n) + BigInt(e.amount))
    const rows: Array<LineVariance> = []
    const fatal: Array<Violation> = []
    for (const { line, amount: planned } of resolved.lines) {
      const exactSpent = spentBig.get(line.id) ?? 0n
      const spent = Internal.toCents(exactSpent)
      const remaining = Internal.toCents(BigInt(planned) - exactSpent)
      if (spent === undefined || remaining === undefined) {
        fatal.push(
          notComputable(
            line.id,
            { en: `the spending on line ${line.id}`, it: `la spesa sulla voce ${line.id}` },
            `it is beyond ±${Money.format(Money.maxCents)}`
          )
        )
        continue
      }
      const absorption = planned > 0 ? Result.getSuccess(BasisPoints.ratio(spent, planned, "floor")) : Option.none()
      rows.push({ line: line.id, planned, spent, remaining, absorption })
    }
    return Result.map(toResult(fatal), () => rows)
  })
