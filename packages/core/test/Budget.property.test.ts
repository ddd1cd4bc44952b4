import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Option, Result, Schema } from "effect"
import {
  BasisPoints,
  Budget,
  BudgetRules,
  Calendar,
  CostCategory,
  CostOption,
  FundingSource,
  Ids,
  InvalidInput,
  Money,
  Parameter
} from "../src/index.js"

// ---------------------------------------------------------------------------------------------
// Small arbitraries (core cannot depend on @quartieri/testing, whose BudgetArbitraries are the
// public version of these): few partners and sub-projects, so that scopes and groupings overlap.
// ---------------------------------------------------------------------------------------------

const direct: ReadonlyArray<CostCategory.CostCategory> = [
  "staff",
  "travel",
  "external-services",
  "participant-allowances",
  "equipment"
]
const cents = (max: number) => fc.integer({ min: 0, max }).map((n) => Money.NonNegativeCents.make(n))
const rounding = fc.constantFrom<Money.Rounding>("half-even", "half-up", "floor", "ceil")

const flatOn = (categories: ReadonlyArray<CostCategory.CostCategory>) =>
  fc
    .record({
      rate: fc.integer({ min: 0, max: 10_000 }),
      base: fc.shuffledSubarray([...categories], { minLength: 1 }),
      scope: fc.constantFrom<CostOption.FlatRateScope>("partner-and-sub-project", "partner", "sub-project", "budget"),
      rounding
    })
    .map(({ rate, base: [first = "staff", ...rest], scope, rounding }) =>
      CostOption.flatRate({ rate: BasisPoints.BasisPoints.make(rate), base: [first, ...rest], scope, rounding })
    )

const spec = (categories: fc.Arbitrary<CostCategory.CostCategory>, cost: fc.Arbitrary<CostOption.CostOption>) =>
  fc.record({
    subProject: fc.constantFrom("lab", "inclusione").map((s) => Ids.SubProjectId.make(s)),
    partner: fc.constantFrom("comune", "aler", "coop").map((s) => Ids.OrganisationId.make(s)),
    category: categories,
    cost
  })

const directSpec = spec(
  fc.constantFrom(...direct),
  fc.oneof(
    cents(100_000_000).map((a) => CostOption.realCost(a)),
    fc.tuple(cents(200_000), fc.integer({ min: 0, max: 5_000 })).map(([p, q]) => CostOption.unitCost("ora", p, q))
  )
)
const wellFormedFlatSpec = spec(fc.constantFrom<CostCategory.CostCategory>("indirect", "other"), flatOn(direct))
const anyFlatSpec = spec(fc.constantFrom(...CostCategory.all), flatOn(CostCategory.all))

const toLines = (
  specs: ReadonlyArray<Omit<Budget.BudgetLine, "id" | "description">>
): ReadonlyArray<Budget.BudgetLine> =>
  specs.map((s, i) => ({ ...s, id: Ids.BudgetLineId.make(`l${i}`), description: `synthetic ${i}` }))

const wellFormedLines = fc
  .array(fc.oneof({ weight: 3, arbitrary: directSpec }, { weight: 1, arbitrary: wellFormedFlatSpec }), {
    maxLength: 12
  })
  .map(toLines)
const anyLines = fc.array(fc.oneof(directSpec, anyFlatSpec), { maxLength: 10 }).map(toLines)
const fundingEntry = fc.record({ source: fc.constantFrom(...FundingSource.all), amount: cents(100_000_000) })
const budgetArb = fc.record({ lines: wellFormedLines, funding: fc.array(fundingEntry, { maxLength: 4 }) })

const expenditureOn = (budget: Budget.Budget, id: string) =>
  fc
    .record({
      line: budget.lines.length === 0 ? fc.constant("none") : fc.constantFrom(...budget.lines.map((l) => l.id)),
      days: fc.integer({ min: 0, max: 1_000 }),
      amount: cents(10_000_000)
    })
    .map(
      ({ line, days, amount }): Budget.Expenditure => ({
        id: Ids.ExpenditureId.make(id),
        line: Ids.BudgetLineId.make(line),
        date: Calendar.addDays(Calendar.unsafeMake("2019-01-01"), days),
        amount,
        description: "synthetic",
        documentRef: `doc ${id}`
      })
    )

// ---------------------------------------------------------------------------------------------
// Reference model: the documented definition of a line amount, written again with bigint.
// ---------------------------------------------------------------------------------------------

const divide = (n: bigint, d: bigint, mode: Money.Rounding): bigint => {
  // n >= 0, d > 0 (amounts and rates here are never negative)
  const q = n / d
  const twice = 2n * (n % d)
  switch (mode) {
    case "floor":
      return q
    case "ceil":
      return n % d === 0n ? q : q + 1n
    case "half-up":
      return twice >= d ? q + 1n : q
    case "half-even":
      return twice > d || (twice === d && q % 2n === 1n) ? q + 1n : q
  }
}

const sameScope = (scope: CostOption.FlatRateScope, a: Budget.BudgetLine, b: Budget.BudgetLine) =>
  ({
    "partner-and-sub-project": a.partner === b.partner && a.subProject === b.subProject,
    partner: a.partner === b.partner,
    "sub-project": a.subProject === b.subProject,
    budget: true
  })[scope]

const modelAmounts = (lines: ReadonlyArray<Budget.BudgetLine>): ReadonlyArray<bigint> => {
  const directAmount = lines.map(({ cost }) =>
    cost._tag === "RealCost"
      ? BigInt(cost.amount)
      : cost._tag === "UnitCost"
        ? BigInt(cost.unitPrice) * BigInt(cost.quantity)
        : undefined
  )
  return lines.map((line, i) => {
    const cost = line.cost
    if (cost._tag !== "FlatRate") return directAmount[i] ?? 0n
    let base = 0n
    lines.forEach((other, j) => {
      const a = directAmount[j]
      if (j !== i && a !== undefined && cost.base.includes(other.category) && sameScope(cost.scope, line, other))
        base += a
    })
    return divide(base * BigInt(cost.rate), 10_000n, cost.rounding)
  })
}

const modelIsMalformed = (lines: ReadonlyArray<Budget.BudgetLine>): boolean =>
  lines.some(
    (line, i) =>
      line.cost._tag === "FlatRate" &&
      (line.cost.base.includes(line.category) ||
        lines.some(
          (other, j) =>
            j !== i &&
            other.cost._tag === "FlatRate" &&
            line.cost._tag === "FlatRate" &&
            line.cost.base.includes(other.category) &&
            sameScope(line.cost.scope, line, other)
        ))
  )

const sumOf = (values: Iterable<number>) => {
  let s = 0n
  for (const v of values) s += BigInt(v)
  return s
}

// ---------------------------------------------------------------------------------------------
// properties
// ---------------------------------------------------------------------------------------------

describe("Budget (property)", () => {
  test.prop([budgetArb])(
    "the total is the sum of the line amounts, and of the totals by sub-project, partner and category",
    (budget) => {
      const resolved = Result.getOrThrow(Budget.resolve(budget))
      const expected = modelAmounts(budget.lines)
      expect(resolved.lines.map((l) => BigInt(l.amount))).toEqual(expected)
      const total = expected.reduce((a, b) => a + b, 0n)
      expect(BigInt(resolved.total)).toBe(total)
      expect(sumOf(Budget.totalsBySubProject(resolved).values())).toBe(total)
      expect(sumOf(Budget.totalsByPartner(resolved).values())).toBe(total)
      expect(sumOf(Budget.totalsByCategory(resolved).values())).toBe(total)
    }
  )

  test.prop([
    wellFormedLines,
    fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...FundingSource.all)), {
      minLength: 1,
      maxLength: 5
    })
  ])("funding built with allocate(total, ratios) always passes the sum rule", (lines, parts) => {
    const ratios = parts.map(([r]) => r)
    fc.pre(ratios.some((r) => r > 0))
    const total = Money.Cents.make(Number(modelAmounts(lines).reduce((a, b) => a + b, 0n)))
    const shares = Result.getOrThrow(Money.allocate(total, ratios))
    const funding = shares.map((share, i) => ({
      source: parts[i]?.[1] ?? "fse-grant",
      amount: Money.NonNegativeCents.make(share)
    }))
    const resolved = Result.getOrThrow(Budget.resolve({ lines, funding }))
    expect(BudgetRules.fundingMatchesCost(resolved)).toEqual([])
    expect(Budget.grant(resolved) + Budget.cofinancing(resolved)).toBe(total)
  })

  test.prop([
    budgetArb.chain((budget) =>
      fc.tuple(
        fc.constant(budget),
        fc
          .array(fc.nat(), { maxLength: 10 })
          .chain((ns) => fc.tuple(...ns.map((_, i) => expenditureOn(budget, `e${i}`)))),
        expenditureOn(budget, "new")
      )
    )
  ])("adding a claimed expenditure never decreases spent", ([budget, claimed, added]) => {
    const before = Result.getOrThrow(Budget.variance(budget, claimed))
    const after = Result.getOrThrow(Budget.variance(budget, [...claimed, added]))
    expect(after.map((r) => r.line)).toEqual(before.map((r) => r.line))
    after.forEach((row, i) => {
      const was = before[i]
      if (was === undefined) throw new Error("rows differ")
      expect(row.spent).toBeGreaterThanOrEqual(was.spent)
      expect(row.spent - was.spent).toBe(row.line === added.line ? added.amount : 0)
      expect(row.remaining).toBe(row.planned - row.spent)
      const absorption = Option.getOrUndefined(row.absorption)
      if (absorption !== undefined) expect(absorption).toBeGreaterThanOrEqual(Option.getOrElse(was.absorption, () => 0))
    })
  })

  test.prop([fc.oneof(fc.jsonValue(), fc.anything())])("decoding random JSON as a Budget never throws", (input) => {
    const r = InvalidInput.decoder(Budget.Budget, "Budget")(input)
    if (Result.isFailure(r)) expect(r.failure.problems.every((p) => p.message.length > 0)).toBe(true)
  })

  test.prop([
    budgetArb.filter((b) => b.lines.length > 0),
    fc.nat(),
    fc.constantFrom("id", "subProject", "partner", "category", "cost", "description"),
    fc.jsonValue()
  ])("decoding a budget with one field replaced by random JSON never throws", (budget, k, field, value) => {
    const encoded = JSON.parse(JSON.stringify(Schema.encodeSync(Budget.Budget)(budget))) as {
      lines: Array<Record<string, unknown>>
    }
    const target = encoded.lines[k % encoded.lines.length]
    if (target !== undefined) target[field] = value
    const r = InvalidInput.decoder(Budget.Budget, "Budget")(encoded)
    if (Result.isFailure(r))
      expect(r.failure.problems.every((p) => p.path.startsWith("lines[") && p.message.length > 0)).toBe(true)
  })

  test.prop([anyLines])(
    "any flat-rate bases: evaluation ends, and resolve fails exactly when a base is malformed",
    (lines) => {
      const budget = { lines, funding: [] }
      const evaluation = Result.getOrThrow(Budget.evaluate(budget))
      expect(evaluation.lines.map((l) => BigInt(l.amount))).toEqual(modelAmounts(lines))
      expect(Result.isFailure(Budget.resolve(budget))).toBe(modelIsMalformed(lines))
    }
  )

  test.prop([budgetArb])("a budget compared with itself needs no approval", (budget) => {
    const tolerance = Option.getOrThrow(
      Parameter.readAt(BudgetRules.defaultReallocationTolerance, Calendar.unsafeMake("2019-01-01"))
    )
    expect(BudgetRules.checkReallocation(budget, budget, false, tolerance)).toEqual(Result.void)
  })
})
