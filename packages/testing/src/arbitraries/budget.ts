/**
 * fast-check arbitraries for budgets: lines with every cost option, funding, expenditures and
 * claims. {@link budget} is always well-formed (flat rates are indirect or other costs on direct
 * categories only), {@link fundedBudget} also balances its funding with `Money.allocate`, and
 * {@link anyBudget} lets flat rates take any base, so it breaks the flat-rate rules in every
 * combination. Ids, partners and sub-projects come from small pools so that groupings and
 * scopes overlap often. All numbers are synthetic; every value decodes through its Schema.
 *
 * @since 0.1.0
 */
import { BasisPoints, Budget, Calendar, CostCategory, CostOption, FundingSource, Ids, Money } from "@quartieri/core"
import { Result } from "effect"
import * as fc from "fast-check"

/**
 * A sub-project id from a pool of three.
 *
 * @since 0.1.0
 * @category constructors
 */
export const subProjectId: fc.Arbitrary<Ids.SubProjectId> = fc
  .constantFrom("laboratorio-sociale", "inclusione-attiva", "terzo")
  .map((s) => Ids.SubProjectId.make(s))

/**
 * A partner (organisation) id from a pool of four.
 *
 * @since 0.1.0
 * @category constructors
 */
export const partnerId: fc.Arbitrary<Ids.OrganisationId> = fc
  .constantFrom("comune-capofila", "aler", "cooperativa", "ente-lavoro")
  .map((s) => Ids.OrganisationId.make(s))

/**
 * Categories of direct costs, the ones a well-formed flat rate may take as its base.
 *
 * @since 0.1.0
 * @category models
 */
export const directCategories: ReadonlyArray<CostCategory.CostCategory> = [
  "staff",
  "travel",
  "external-services",
  "participant-allowances",
  "equipment"
]

/**
 * A direct cost category.
 *
 * @since 0.1.0
 * @category constructors
 */
export const directCategory: fc.Arbitrary<CostCategory.CostCategory> = fc.constantFrom(...directCategories)

/**
 * Any cost category.
 *
 * @since 0.1.0
 * @category constructors
 */
export const costCategory: fc.Arbitrary<CostCategory.CostCategory> = fc.constantFrom(...CostCategory.all)

/**
 * An amount from zero to `max` cents (default € 500.000,00), zero and small amounts often.
 *
 * @since 0.1.0
 * @category constructors
 */
export const amount = (max = 50_000_000): fc.Arbitrary<Money.NonNegativeCents> =>
  fc
    .oneof(
      { weight: 1, arbitrary: fc.constantFrom(0, 1, 99, 100) },
      { weight: 4, arbitrary: fc.integer({ min: 0, max }) }
    )
    .map((n) => Money.NonNegativeCents.make(n))

/**
 * Any rounding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rounding: fc.Arbitrary<Money.Rounding> = fc.constantFrom(...Money.Rounding.literals)

/**
 * A real cost.
 *
 * @since 0.1.0
 * @category constructors
 */
export const realCost: fc.Arbitrary<CostOption.RealCost> = amount().map((a) => CostOption.realCost(a))

/**
 * A unit cost: up to € 1.000,00 per unit, up to 2.000 units of "ora" or "partecipante".
 *
 * @since 0.1.0
 * @category constructors
 */
export const unitCost: fc.Arbitrary<CostOption.UnitCost> = fc
  .tuple(fc.constantFrom("ora", "partecipante"), amount(100_000), fc.integer({ min: 0, max: 2_000 }))
  .map(([unit, price, quantity]) => CostOption.unitCost(unit, price, quantity))

/**
 * A flat rate from 0 to 100 % on a non-empty base of the given categories, in any scope, with
 * any rounding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const flatRateOn = (categories: ReadonlyArray<CostCategory.CostCategory>): fc.Arbitrary<CostOption.FlatRate> =>
  fc
    .record({
      rate: fc.oneof(fc.constantFrom(1_500, 4_000), fc.integer({ min: 0, max: 10_000 })),
      base: fc.shuffledSubarray([...categories], { minLength: 1 }),
      scope: fc.constantFrom(...CostOption.FlatRateScope.literals),
      rounding
    })
    .map(({ rate, base: [first, ...rest], scope, rounding }) =>
      CostOption.flatRate({
        rate: BasisPoints.BasisPoints.make(rate),
        base: [first ?? "staff", ...rest],
        scope,
        rounding
      })
    )

type LineSpec = Omit<Budget.BudgetLine, "id" | "description">

const direct: fc.Arbitrary<LineSpec> = fc.record({
  subProject: subProjectId,
  partner: partnerId,
  category: directCategory,
  cost: fc.oneof(realCost, unitCost)
})

const wellFormedFlat: fc.Arbitrary<LineSpec> = fc.record({
  subProject: subProjectId,
  partner: partnerId,
  category: fc.constantFrom<CostCategory.CostCategory>("indirect", "other"),
  cost: flatRateOn(directCategories)
})

const anyFlat: fc.Arbitrary<LineSpec> = fc.record({
  subProject: subProjectId,
  partner: partnerId,
  category: costCategory,
  cost: flatRateOn(CostCategory.all)
})

const withIds = (specs: ReadonlyArray<LineSpec>): ReadonlyArray<Budget.BudgetLine> =>
  specs.map((spec, i) => ({
    ...spec,
    id: Ids.BudgetLineId.make(`line-${i + 1}`),
    description: `synthetic line ${i + 1}`
  }))

/**
 * A funding entry of any kind, sometimes from an organisation and attributed to a sub-project.
 *
 * @since 0.1.0
 * @category constructors
 */
export const funding: fc.Arbitrary<Budget.Funding> = fc.record(
  {
    source: fc.constantFrom(...FundingSource.all),
    organisation: partnerId,
    subProject: subProjectId,
    amount: amount()
  },
  { requiredKeys: ["source", "amount"] }
)

/**
 * Well-formed lines (0 to 15): direct costs, and flat rates of category indirect or other on
 * direct categories only.
 *
 * @since 0.1.0
 * @category constructors
 */
export const lines: fc.Arbitrary<ReadonlyArray<Budget.BudgetLine>> = fc
  .array(fc.oneof({ weight: 3, arbitrary: direct }, { weight: 1, arbitrary: wellFormedFlat }), { maxLength: 15 })
  .map(withIds)

/**
 * A well-formed budget (`Budget.resolve` succeeds) with random funding, which rarely balances.
 *
 * @since 0.1.0
 * @category constructors
 */
export const budget: fc.Arbitrary<Budget.Budget> = fc.record({ lines, funding: fc.array(funding, { maxLength: 5 }) })

/**
 * A budget whose flat rates may take any base and be of any category: it may break every
 * flat-rate rule (base containing itself, flat rate on flat rate, on each other).
 *
 * @since 0.1.0
 * @category constructors
 */
export const anyBudget: fc.Arbitrary<Budget.Budget> = fc.record({
  lines: fc
    .array(fc.oneof({ weight: 2, arbitrary: direct }, { weight: 1, arbitrary: anyFlat }), { maxLength: 12 })
    .map(withIds),
  funding: fc.array(funding, { maxLength: 5 })
})

/**
 * Whole-number ratios to split a total between funding sources (at least one positive).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fundingRatios: fc.Arbitrary<ReadonlyArray<number>> = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 5 })
  .filter((ratios) => ratios.some((r) => r > 0))

/**
 * A well-formed budget whose funding is its total cost split with `Money.allocate` between
 * random sources: it always passes the funding-sum rule.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fundedBudget: fc.Arbitrary<Budget.Budget> = fc
  .tuple(
    lines,
    fundingRatios.chain((ratios) =>
      fc.tuple(
        fc.constant(ratios),
        fc.array(fc.constantFrom(...FundingSource.all), { minLength: ratios.length, maxLength: ratios.length })
      )
    )
  )
  .map(([lines, [ratios, sources]]) => {
    const total = Result.getOrThrow(Budget.resolve({ lines, funding: [] })).total
    const shares = Result.getOrThrow(Money.allocate(total, ratios))
    return {
      lines,
      funding: shares.map((share, i) => ({
        source: sources[i] ?? "fse-grant",
        amount: Money.NonNegativeCents.make(share)
      }))
    }
  })

/**
 * A date between 2018 and 2021.
 *
 * @since 0.1.0
 * @category constructors
 */
export const date: fc.Arbitrary<Calendar.CalendarDate> = fc
  .integer({ min: 0, max: 4 * 365 })
  .map((n) => Calendar.addDays(Calendar.unsafeMake("2018-01-01"), n))

/**
 * An expenditure on one of `lineIds` (or, when there are none, on an unknown line), with id
 * `id`, a date between 2018 and 2021 and up to € 100.000,00.
 *
 * @since 0.1.0
 * @category constructors
 */
export const expenditureOn = (lineIds: ReadonlyArray<Ids.BudgetLineId>, id: string): fc.Arbitrary<Budget.Expenditure> =>
  fc
    .record({
      line: lineIds.length === 0 ? fc.constant(Ids.BudgetLineId.make("no-such-line")) : fc.constantFrom(...lineIds),
      date,
      amount: amount(10_000_000)
    })
    .map((e) => ({
      ...e,
      id: Ids.ExpenditureId.make(id),
      description: `synthetic expenditure ${id}`,
      documentRef: `synthetic document ${id}`
    }))

/**
 * Expenditures (0 to 20, distinct ids) on the lines of `budget`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const expendituresOf = (budget: Budget.Budget): fc.Arbitrary<ReadonlyArray<Budget.Expenditure>> => {
  const ids = budget.lines.map((line) => line.id)
  return fc
    .integer({ min: 0, max: 20 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => expenditureOn(ids, `exp-${i + 1}`))))
}

/**
 * A claim number `number` over 2019 of a non-empty set of `expenditures`, submitted or verified
 * for at most what it claims.
 *
 * @since 0.1.0
 * @category constructors
 */
export const claimOf = (
  number: number,
  expenditures: readonly [Budget.Expenditure, ...Array<Budget.Expenditure>]
): fc.Arbitrary<Budget.Claim> =>
  fc.shuffledSubarray([...expenditures], { minLength: 1 }).chain((claimed) => {
    const ids = claimed.map((e) => e.id)
    const total = claimed.reduce((sum, e) => sum + e.amount, 0)
    const base = {
      number,
      period: { start: Calendar.unsafeMake("2019-01-01"), end: Calendar.unsafeMake("2019-12-31") },
      submittedOn: Calendar.unsafeMake("2020-01-31"),
      expenditures: [ids[0] ?? expenditures[0].id, ...ids.slice(1)] as const
    }
    return fc.oneof(
      fc.constant<Budget.Claim>({ ...base, status: { _tag: "Submitted" } }),
      fc.integer({ min: 0, max: total }).map(
        (verified): Budget.Claim => ({
          ...base,
          status: {
            _tag: "Verified",
            verifiedOn: Calendar.unsafeMake("2020-06-30"),
            verifiedAmount: Money.NonNegativeCents.make(verified)
          }
        })
      )
    )
  })
