import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { BasisPoints, Money } from "../src/index.js"

const max = Number.MAX_SAFE_INTEGER
const cents = fc.maxSafeInteger().map(Money.Cents.make)
const nonNegativeCents = fc.maxSafeNat().map(Money.Cents.make)
const rounding = fc.constantFrom<Money.Rounding>("half-even", "half-up", "floor", "ceil")
// small weights (1, 2, 3…) and large ones (budget lines in cents), with zeros among them
const ratios = fc
  .array(fc.oneof(fc.nat({ max: 10 }), fc.maxSafeNat()), { minLength: 1, maxLength: 12 })
  .filter((rs) => rs.some((r) => r > 0))

/**
 * Reference rounding of n / d (d > 0), derived independently of the module: from the floor
 * quotient and a non-negative remainder, rather than from the truncated quotient.
 */
const reference = (n: bigint, d: bigint, mode: Money.Rounding): bigint => {
  const r = ((n % d) + d) % d // 0 ≤ r < d
  const q = (n - r) / d // floor(n / d)
  if (r === 0n || mode === "floor") return q
  if (mode === "ceil") return q + 1n
  if (2n * r !== d) return 2n * r > d ? q + 1n : q
  if (mode === "half-up") return n > 0n ? q + 1n : q // a tie, away from zero
  return q % 2n === 0n ? q : q + 1n
}

describe("Money (property)", () => {
  test.prop([fc.oneof(cents, nonNegativeCents), ratios])(
    "allocate keeps the total, never goes negative from non-negative inputs, and stays within a cent of exact",
    (total, rs) => {
      const shares = Result.getOrThrow(Money.allocate(total, rs))
      const whole = rs.reduce((a, r) => a + BigInt(r), 0n)
      expect(shares).toHaveLength(rs.length)
      expect(shares.reduce((a, s) => a + BigInt(s), 0n)).toBe(BigInt(total))
      if (total >= 0) expect(shares.every((s) => s >= 0)).toBe(true)
      shares.forEach((share, i) => {
        // |share − total × r / whole| < 1  ⇔  |share × whole − total × r| < whole
        const gap = BigInt(share) * whole - BigInt(total) * BigInt(rs[i] ?? 0)
        expect(gap < 0n ? -gap : gap).toBeLessThan(whole)
      })
    }
  )

  test.prop([cents])("format and parse round-trip every amount", (amount) => {
    expect(Result.getOrThrow(Money.parse(Money.format(amount)))).toBe(amount)
    expect(Result.getOrThrow(Money.parse(Money.formatPlain(amount)))).toBe(amount)
    expect(Result.getOrThrow(Money.fromDecimalString(Money.toDecimalString(amount)))).toBe(amount)
    expect(Schema.decodeSync(Money.FromItalianString)(Schema.encodeSync(Money.FromItalianString)(amount))).toBe(amount)
  })

  test.prop([cents, cents])("add agrees with exact arithmetic, and subtract undoes it", (a, b) => {
    const exact = BigInt(a) + BigInt(b)
    const sum = Money.add(a, b)
    if (exact > BigInt(max) || exact < -BigInt(max)) {
      expect(Result.isFailure(sum) && sum.failure.reason).toBe("Overflow")
    } else {
      const s = Result.getOrThrow(sum)
      expect(BigInt(s)).toBe(exact)
      expect(Result.getOrThrow(Money.subtract(s, b))).toBe(a)
    }
  })

  test.prop([
    cents,
    fc.oneof(fc.integer({ min: -20_000, max: 20_000 }), fc.maxSafeInteger()),
    fc
      .oneof(
        fc.integer({ min: 1, max: 20_000 }),
        fc.maxSafeNat().filter((d) => d > 0)
      )
      .chain((d) => fc.constantFrom(d, -d)),
    rounding
  ])("multiplyByRatio agrees with a bigint reference", (amount, numerator, denominator, mode) => {
    const sign = denominator < 0 ? -1n : 1n
    const expected = reference(BigInt(amount) * BigInt(numerator) * sign, BigInt(denominator) * sign, mode)
    const result = Money.multiplyByRatio(amount, numerator, denominator, mode)
    if (expected > BigInt(max) || expected < -BigInt(max)) {
      expect(Result.isFailure(result) && result.failure.reason).toBe("Overflow")
    } else {
      expect(BigInt(Result.getOrThrow(result))).toBe(expected)
    }
  })

  test.prop([cents, fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: -10_000, max: 10_000 }), rounding])(
    "percentOf is monotone in the rate (increasing for a positive amount, decreasing for a negative one)",
    (amount, x, y, mode) => {
      const [low, high] = x <= y ? [x, y] : [y, x]
      const of = (rate: number) =>
        Result.getOrThrow(BasisPoints.percentOf(amount, BasisPoints.BasisPoints.make(rate), mode))
      if (amount >= 0) expect(of(low)).toBeLessThanOrEqual(of(high))
      else expect(of(low)).toBeGreaterThanOrEqual(of(high))
    }
  )
})
