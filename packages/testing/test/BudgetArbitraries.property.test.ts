import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Budget, BudgetRules, InvalidInput } from "@quartieri/core"
import { Result, Schema } from "effect"
import { BudgetArbitraries } from "../src/index.js"

const decodeBudget = InvalidInput.decoder(Budget.Budget, "Budget")
const decodeExpenditure = InvalidInput.decoder(Budget.Expenditure, "Expenditure")
const decodeClaim = InvalidInput.decoder(Budget.Claim, "Claim")

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe("BudgetArbitraries (property)", () => {
  test.prop([BudgetArbitraries.budget])("budgets decode, survive JSON and are well-formed", (budget) => {
    const decoded = decodeBudget(viaJson(Schema.encodeSync(Budget.Budget)(budget)))
    expect(Result.isSuccess(decoded) && decoded.success).toEqual(budget)
    expect(Result.isSuccess(Budget.resolve(budget))).toBe(true)
  })

  test.prop([BudgetArbitraries.anyBudget])("any budget decodes and evaluates without throwing", (budget) => {
    expect(Result.isSuccess(decodeBudget(viaJson(budget)))).toBe(true)
    expect(Result.isSuccess(Budget.evaluate(budget))).toBe(true)
  })

  test.prop([BudgetArbitraries.fundedBudget])("funded budgets pass the funding-sum rule", (budget) => {
    const resolved = Result.getOrThrow(Budget.resolve(budget))
    expect(BudgetRules.fundingMatchesCost(resolved)).toEqual([])
  })

  test.prop([
    BudgetArbitraries.budget.chain((budget) =>
      BudgetArbitraries.expendituresOf(budget).chain((expenditures) => {
        const [first, ...rest] = expenditures
        return fc.tuple(
          fc.constant(budget),
          fc.constant(expenditures),
          first === undefined ? fc.constant(undefined) : BudgetArbitraries.claimOf(1, [first, ...rest])
        )
      })
    )
  ])(
    "expenditures refer to the budget's lines; claims decode and verify at most what they claim",
    ([budget, expenditures, claim]) => {
      const ids = new Set(budget.lines.map((l) => l.id))
      for (const e of expenditures) {
        expect(Result.isSuccess(decodeExpenditure(viaJson(e)))).toBe(true)
        expect(ids.size === 0 || ids.has(e.line)).toBe(true)
      }
      if (claim !== undefined) {
        expect(Result.isSuccess(decodeClaim(viaJson(claim)))).toBe(true)
        const claimed = expenditures.filter((e) => claim.expenditures.includes(e.id)).reduce((s, e) => s + e.amount, 0)
        if (claim.status._tag === "Verified") expect(claim.status.verifiedAmount).toBeLessThanOrEqual(claimed)
      }
    }
  )
})
