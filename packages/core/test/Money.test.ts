import { describe, expect, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import { BasisPoints, Money } from "../src/index.js"

const c = Money.Cents.make
const bp = BasisPoints.BasisPoints.make
const max = Number.MAX_SAFE_INTEGER // 9_007_199_254_740_991 cents = € 90.071.992.547.409,91
const failure = <A, E>(r: Result.Result<A, E>): E | undefined => (Result.isFailure(r) ? r.failure : undefined)

describe("allocate", () => {
  it.each([
    // 100 / 3 = 33,33…: floors 33 + 33 + 33 = 99; the leftover cent goes to the tie's earliest index.
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]], // the mirror image
    [100_000, [1, 1, 1], [33_334, 33_333, 33_333]], // € 1.000,00 in three
    // IntERPreti di cambiamento: € 229.989,54 = regional grant € 209.989,54 + cofinancing € 20.000,00.
    [22_998_954, [20_998_954, 2_000_000], [20_998_954, 2_000_000]],
    // 7 × 1/3 = 2,33 and 7 × 2/3 = 4,67: floors 2 + 4; remainders 7 mod 3 = 1 < 14 mod 3 = 2.
    [7, [1, 2], [2, 5]],
    [1, [1, 1], [1, 0]], // a true tie: the earlier index wins
    [5, [0, 1, 0], [0, 5, 0]], // a zero ratio always gets zero
    [10, [3, 3, 4], [3, 3, 4]],
    // (2^53 − 1) / 2 = 4_503_599_627_370_495,5 each: exact in bigint, where floats would round.
    [max, [max, max], [4_503_599_627_370_496, 4_503_599_627_370_495]],
    [0, [0, 0], [0, 0]], // zero total, zero ratios: the one split that sums to zero
    [0, [], []]
  ])("allocate(%i, %j) = %j", (total, ratios, expected) => {
    expect(Result.getOrThrow(Money.allocate(c(total), ratios))).toEqual(expected)
  })

  it.each([
    [100, [0, 0], "DivisionByZero", "cannot allocate € 1,00 in proportion to ratios that sum to zero"],
    [-100, [], "DivisionByZero", "cannot allocate € -1,00 in proportion to ratios that sum to zero"],
    [100, [1, -1], "InvalidRatio", "ratio -1 at index 1 is not a non-negative whole number"],
    [100, [1.5], "InvalidRatio", "ratio 1.5 at index 0 is not a non-negative whole number"]
  ])("allocate(%i, %j) fails: %s", (total, ratios, reason, message) => {
    const error = failure(Money.allocate(c(total), ratios))
    expect(error?.reason).toBe(reason)
    expect(error?.message).toBe(message)
  })
})

describe("multiplyByRatio", () => {
  it.each<[number, number, number, Money.Rounding, number]>([
    // Staff hourly rate, € 40.000,00 / 1.720 h: 1_720 × 2_325 = 3_999_000, remainder 1_000 cents;
    // 2 × 1_000 > 1_720, so 2_325,58… rounds up to 2_326 (and floors to 2_325).
    [4_000_000, 1, 1_720, "half-even", 2_326],
    [4_000_000, 1, 1_720, "half-up", 2_326],
    [4_000_000, 1, 1_720, "floor", 2_325],
    [4_000_000, 1, 1_720, "ceil", 2_326],
    // Ties, 2,5 and 7,5: half-even goes to the even cent, half-up away from zero.
    [5, 1, 2, "half-even", 2],
    [15, 1, 2, "half-even", 8],
    [5, 1, 2, "half-up", 3],
    [5, 1, 2, "floor", 2],
    [5, 1, 2, "ceil", 3],
    [-5, 1, 2, "half-even", -2],
    [-5, 1, 2, "half-up", -3],
    [-5, 1, 2, "floor", -3],
    [-5, 1, 2, "ceil", -2],
    [5, 1, -2, "half-even", -2], // a negative denominator moves the sign to the numerator
    [-7, 1, 2, "half-even", -4], // -3,5: -4 is the even neighbour
    [max, 3, 3, "half-even", max] // the product 3 × (2^53 − 1) passes 2^53: exact through bigint
  ])("%i × %i / %i (%s) = %i", (amount, numerator, denominator, rounding, expected) => {
    expect(Result.getOrThrow(Money.multiplyByRatio(c(amount), numerator, denominator, rounding))).toBe(expected)
  })

  it("defaults to half-even", () => {
    expect(Result.getOrThrow(Money.multiplyByRatio(c(25), 1, 10))).toBe(2) // 2,5 → 2
    expect(Result.getOrThrow(Money.multiplyByRatio(c(35), 1, 10))).toBe(4) // 3,5 → 4
  })

  it.each([
    [
      max,
      2,
      1,
      "Overflow",
      "€ 90.071.992.547.409,91 × 2 / 1 is beyond ±€ 90.071.992.547.409,91, the largest amount represented exactly"
    ],
    [100, 1, 0, "DivisionByZero", "€ 1,00 × 1 / 0: the denominator is zero"],
    [100, 1.5, 1, "InvalidRatio", "€ 1,00 × 1.5 / 1: numerator and denominator must be whole numbers"]
  ])("%i × %i / %i fails: %s", (amount, numerator, denominator, reason, message) => {
    const error = failure(Money.multiplyByRatio(c(amount), numerator, denominator))
    expect(error?.reason).toBe(reason)
    expect(error?.message).toBe(message)
  })
})

describe("BasisPoints", () => {
  it.each<[number, number, Money.Rounding, number]>([
    // 15 % of 1_234_567 cents: 1_234_567 × 1_500 / 10_000 = 18_518_505 / 100 = 185_185,05 cents.
    // The remainder 5/100 is below a half: every nearest mode gives 185_185, ceil 185_186.
    [1_234_567, 1_500, "half-even", 185_185],
    [1_234_567, 1_500, "half-up", 185_185],
    [1_234_567, 1_500, "floor", 185_185],
    [1_234_567, 1_500, "ceil", 185_186],
    // Ties: 1_234_570 × 15 / 100 = 185_185,5 (odd below: half-even goes up to 185_186);
    // 1_234_590 × 15 / 100 = 185_188,5 (even below: half-even stays, half-up goes up).
    [1_234_570, 1_500, "half-even", 185_186],
    [1_234_590, 1_500, "half-even", 185_188],
    [1_234_590, 1_500, "half-up", 185_189],
    [2_000_000, 10_000, "half-even", 2_000_000], // 100 %
    [2_000_000, 0, "half-even", 0]
  ])("percentOf(%i, %i bp, %s) = %i", (amount, rate, rounding, expected) => {
    expect(Result.getOrThrow(BasisPoints.percentOf(c(amount), bp(rate), rounding))).toBe(expected)
  })

  it.each([
    // Cofinancing share of IntERPreti: 20_000_000_000 / 22_998_954 = 869 remainder 13_908_974;
    // twice the remainder exceeds the divisor, so 869,60… → 870 bp (8,70 %).
    [2_000_000, 22_998_954, 870],
    // Grant share: 209_989_540_000 / 22_998_954 = 9_130 remainder 9_089_980, under a half → 9_130.
    [20_998_954, 22_998_954, 9_130],
    [1, 3, 3_333],
    [2, 3, 6_667],
    [-1, 8, -1_250]
  ])("ratio(%i, %i) = %i bp", (part, whole, expected) => {
    expect(Result.getOrThrow(BasisPoints.ratio(c(part), c(whole)))).toBe(expected)
  })

  it("has no share of nothing", () => {
    const error = failure(BasisPoints.ratio(c(100), c(0)))
    expect(error?.reason).toBe("DivisionByZero")
    expect(error?.message).toBe("the share of € 1,00 in € 0,00 is undefined")
  })
})

describe("arithmetic", () => {
  it("adds, subtracts and sums exactly", () => {
    expect(Result.getOrThrow(Money.add(c(20_998_954), c(2_000_000)))).toBe(22_998_954)
    expect(Result.getOrThrow(Money.subtract(c(100), c(250)))).toBe(-150) // a negative variance
    expect(Result.getOrThrow(Money.sum([]))).toBe(0)
    expect(Result.getOrThrow(Money.sum(new Set([c(1), c(2), c(3)])))).toBe(6)
    // the total is in range even if a partial sum is not: the order of the terms does not matter
    expect(Result.getOrThrow(Money.sum([c(max), c(1), c(-1)]))).toBe(max)
  })

  it("reports an overflow instead of rounding", () => {
    expect(failure(Money.add(c(max), c(1)))?.message).toBe(
      "€ 90.071.992.547.409,91 + € 0,01 is beyond ±€ 90.071.992.547.409,91"
    )
    expect(failure(Money.subtract(c(-max), c(1)))?.reason).toBe("Overflow")
    expect(failure(Money.sum([c(max), c(max)]))?.message).toBe(
      "the sum of 2 amounts is beyond ±€ 90.071.992.547.409,91, the largest amount represented exactly"
    )
  })

  it("negates, compares and orders", () => {
    expect(Object.is(Money.negate(Money.zero), 0)).toBe(true) // never -0
    expect(Money.negate(c(-max))).toBe(max)
    expect(Money.abs(c(-5))).toBe(5)
    expect(Money.min(c(3), c(-4))).toBe(-4)
    expect(Money.max(c(3), c(-4))).toBe(3)
    expect([c(3), c(-4), c(0)].sort(Money.Order)).toEqual([-4, 0, 3])
    expect([Money.isZero(c(0)), Money.isNegative(c(-1)), Money.isPositive(c(0))]).toEqual([true, true, false])
  })
})

describe("constructors", () => {
  it("builds literals from whole euros", () => {
    expect(Money.euros(16_000)).toBe(1_600_000)
    expect(Money.fromEuros(-3)).toBe(-300)
    expect(() => Money.euros(1.5)).toThrow(RangeError)
    expect(() => Money.euros(90_071_992_547_410)).toThrow(RangeError)
  })

  it.each([
    ["209989.54", 20_998_954],
    ["16000", 1_600_000],
    ["0.5", 50],
    ["-0.05", -5],
    ["90071992547409.91", max]
  ])("fromDecimalString(%j) = %i", (text, expected) => {
    expect(Result.getOrThrow(Money.fromDecimalString(text))).toBe(expected)
  })

  it.each([
    ["209.989,54", 'expected digits with an optional "." and up to 2 decimals, such as 209989.54'],
    ["1e3", 'expected digits with an optional "." and up to 2 decimals, such as 209989.54'],
    ["", 'expected digits with an optional "." and up to 2 decimals, such as 209989.54'],
    ["1.234", "it has 3 decimals, at most 2 are allowed"],
    ["90071992547409.92", "it is beyond ±€ 90.071.992.547.409,91, the largest amount represented exactly"]
  ])("fromDecimalString(%j) fails", (text, why) => {
    expect(failure(Money.fromDecimalString(text))?.message).toBe(
      `cannot read "${text}" as a decimal amount in euros: ${why}`
    )
  })
})

describe("formatting", () => {
  it.each([
    [22_998_954, "€ 229.989,54"],
    [5, "€ 0,05"],
    [0, "€ 0,00"],
    [100_000, "€ 1.000,00"], // it-IT Intl writes 1000,00: we always group the thousands
    [100_000_000, "€ 1.000.000,00"],
    [-100, "€ -1,00"],
    [-5, "€ -0,05"],
    [-22_998_954, "€ -229.989,54"],
    [max, "€ 90.071.992.547.409,91"]
  ])("format(%i) = %s", (amount, text) => {
    expect(Money.format(c(amount))).toBe(text)
    expect(Money.formatPlain(c(amount))).toBe(text.slice(2))
  })

  it.each([
    [20_998_954, "209989.54"],
    [1_600_000, "16000.00"],
    [-5, "-0.05"]
  ])("toDecimalString(%i) = %s", (amount, text) => {
    expect(Money.toDecimalString(c(amount))).toBe(text)
  })
})

describe("parse", () => {
  it.each([
    ["€ 229.989,54", 22_998_954],
    ["229.989,54 €", 22_998_954],
    ["229.989,54\u00a0€", 22_998_954], // what it-IT Intl writes, with a no-break space
    ["229989,54", 22_998_954],
    ["229.989", 22_998_900],
    ["20.000,00", 2_000_000],
    ["1.234,5", 123_450],
    ["€ 0,05", 5],
    ["€ 1.000.000,00", 100_000_000],
    ["€12", 1_200],
    ["  0 ", 0],
    ["-€ 1,00", -100],
    ["€ -1,00", -100],
    ["-1,00 €", -100],
    ["€ -229.989,54", -22_998_954],
    ["€ 90.071.992.547.409,91", max]
  ])("parse(%j) = %i", (text, expected) => {
    expect(Result.getOrThrow(Money.parse(text))).toBe(expected)
  })

  it("reads -0 as 0", () => {
    expect(Object.is(Result.getOrThrow(Money.parse("-0,00")), 0)).toBe(true)
  })

  const usage = 'use digits, "." between thousands and "," before the cents, as in 1.234,56'
  it.each([
    ["", "the text is empty"],
    ["   ", "the text is empty"],
    ["€", "there are no digits"],
    ["1,234.56", `"." after the decimal comma is the English format; ${usage}`],
    ["12,345", "it has 3 digits after the decimal comma, at most 2 are allowed; for thousands write 12.345"],
    ["0,125", "it has 3 digits after the decimal comma, at most 2 are allowed"],
    ["1,2345", "it has 4 digits after the decimal comma, at most 2 are allowed"],
    ["1.234,567", "it has 3 digits after the decimal comma, at most 2 are allowed"],
    ["1.23.4", '"." separates thousands and must be followed by groups of exactly 3 digits; decimals follow ","'],
    ["1.5", '"." separates thousands and must be followed by groups of exactly 3 digits; decimals follow ","'],
    ["1,2,3", "there is more than one decimal comma"],
    [",50", "there are no digits before the decimal comma"],
    ["1,", "there are no digits after the decimal comma"],
    ["1 000,00", `" " is not expected here; ${usage}`],
    ["abc", `"a" is not expected here; ${usage}`],
    ["--1", `"-" is not expected here; ${usage}`],
    ["€ 90.071.992.547.409,92", "it is beyond ±€ 90.071.992.547.409,91, the largest amount represented exactly"]
  ])("parse(%j) fails", (text, why) => {
    const error = failure(Money.parse(text))
    expect(error?._tag).toBe("MoneyParseError")
    expect(error?.message).toBe(`cannot read "${text}" as an amount in euros: ${why}`)
  })
})

describe("Schemas", () => {
  it("decodes Italian text and encodes it back", () => {
    expect(Schema.decodeUnknownSync(Money.FromItalianString)("229.989,54 €")).toBe(22_998_954)
    expect(Schema.encodeSync(Money.FromItalianString)(c(22_998_954))).toBe("€ 229.989,54")
  })

  it("says why a text or a number is not an amount", () => {
    const message = (schema: Schema.Decoder<unknown>, input: unknown) => {
      const r = Schema.decodeUnknownResult(schema)(input)
      return Result.isFailure(r) ? r.failure.message : "ok"
    }
    expect(message(Money.FromItalianString, "12,345")).toBe(
      'cannot read "12,345" as an amount in euros: it has 3 digits after the decimal comma, at most 2 are allowed; for thousands write 12.345'
    )
    expect(message(Money.Cents, 1.5)).toBe(
      "Expected a whole number of cents between -9007199254740991 and 9007199254740991"
    )
    expect(message(Money.Cents, 2 ** 53)).toBe(
      "Expected a whole number of cents between -9007199254740991 and 9007199254740991"
    )
    expect(message(Money.NonNegativeCents, -1)).toBe("Expected an amount of zero cents or more")
    expect(message(Money.NonNegativeCents, 0)).toBe("ok")
    expect(message(BasisPoints.BasisPoints, 0.5)).toBe("Expected a whole number of basis points (1 % = 100)")
  })
})
