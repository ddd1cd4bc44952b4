/**
 * Percentages as basis points: hundredths of a percent, whole numbers, so that a rate such as
 * the 15 % flat rate for indirect costs (Reg. (UE) 2021/1060 art. 54(b)) is `1_500`, never the
 * float `0.15`. Percentages of amounts round once, explicitly, through `Money.multiplyByRatio`.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as Money from "./Money.js"

/**
 * A rate in basis points (1 % = 100, 100 % = 10_000): a safe integer, negative for decreases,
 * above 10_000 for more than the whole.
 *
 * @since 0.1.0
 * @category models
 */
export const BasisPoints = Schema.Number.pipe(
  Schema.check(Schema.isInt({ expected: "a whole number of basis points (1 % = 100)" })),
  Schema.brand("BasisPoints")
)
/** @since 0.1.0 @category models */
export type BasisPoints = typeof BasisPoints.Type

/** 100 %. @since 0.1.0 @category constructors */
export const hundredPercent: BasisPoints = BasisPoints.make(10_000)

/**
 * `bp` of `amount`: `percentOf(amount, BasisPoints.make(1_500))` is 15 % of it, rounded once
 * (half-even unless told otherwise). Fails with an `Overflow` only when `bp` exceeds 100 % and
 * the result is beyond the range of `Cents`.
 *
 * @since 0.1.0
 * @category utils
 */
export const percentOf = (
  amount: Money.Cents,
  bp: BasisPoints,
  rounding: Money.Rounding = "half-even"
): Result.Result<Money.Cents, Money.ArithmeticError> => Money.multiplyByRatio(amount, bp, 10_000, rounding)

/**
 * The share of `part` in `whole` in basis points, rounded once (half-even unless told
 * otherwise): `ratio(2_000_000, 22_998_954)` is 870 (8,70 %), the cofinancing share of a project.
 * Fails with `DivisionByZero` when `whole` is zero.
 *
 * @since 0.1.0
 * @category utils
 */
export const ratio = (
  part: Money.Cents,
  whole: Money.Cents,
  rounding: Money.Rounding = "half-even"
): Result.Result<BasisPoints, Money.ArithmeticError> =>
  whole === 0
    ? Result.fail(
        new Money.ArithmeticError({
          reason: "DivisionByZero",
          message: `the share of ${Money.format(part)} in € 0,00 is undefined`
        })
      )
    : Result.map(Money.multiplyByRatio(part, 10_000, whole, rounding), (bp) => BasisPoints.make(bp))
