/**
 * Money in integer euro cents. A float never holds an amount: amounts come in through the
 * {@link Cents} Schema, {@link parse}, {@link fromDecimalString} or {@link euros}, and every
 * proportional split goes through {@link allocate}, which never loses or invents a cent.
 *
 * **Bound and overflow.** A `Cents` is a safe integer: at most ±9.007.199.254.740.991 cents,
 * about € 90.000 miliardi, far beyond any public budget; inside that range JavaScript numbers
 * are exact. An operation whose exact result could leave the range (`add`, `subtract`, `sum`,
 * `multiplyByRatio`) returns a `Result` and fails with {@link ArithmeticError}, rather than
 * rounding silently (plain `number` arithmetic) or throwing. We chose this over a documented
 * precondition because the bound is what makes every other function here exact (formatting,
 * parsing, the `bigint` round trips): with it, no function of this module ever returns a
 * `Cents` that is not exact, even on absurd input. Operations that cannot leave the range
 * (`negate`, `abs`, `min`, `max`, the shares of `allocate`) return plain values.
 *
 * **Rounding.** Exact rationals are rounded once, at the end, with an explicit {@link Rounding}.
 *
 * @since 0.1.0
 */
import { Effect, Order as EffectOrder, Result, Schema, SchemaIssue, SchemaTransformation } from "effect"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * An amount in euro cents: a safe integer, negative for debits and variances.
 *
 * @since 0.1.0
 * @category models
 */
export const Cents = Schema.Number.pipe(
  Schema.check(Schema.isInt({ expected: "a whole number of cents between -9007199254740991 and 9007199254740991" })),
  Schema.brand("Cents")
)
/** @since 0.1.0 @category models */
export type Cents = typeof Cents.Type

/**
 * An amount in euro cents that is zero or more (a budget line, a payment). A `Cents` too.
 *
 * @since 0.1.0
 * @category models
 */
export const NonNegativeCents = Cents.pipe(
  Schema.check(Schema.isGreaterThanOrEqualTo(0, { expected: "an amount of zero cents or more" })),
  Schema.brand("NonNegativeCents")
)
/** @since 0.1.0 @category models */
export type NonNegativeCents = typeof NonNegativeCents.Type

/**
 * How an exact rational is rounded to a whole cent:
 * - `half-even`: to the nearest cent, ties to the even cent (banker's rounding); the default,
 *   because over many roundings it has no upward bias;
 * - `half-up`: to the nearest cent, ties away from zero (the "arrotondamento commerciale" of the
 *   euro changeover, Reg. (CE) 1103/97 art. 5);
 * - `floor`: towards −∞; `ceil`: towards +∞ (for caps and minimums).
 *
 * @since 0.1.0
 * @category models
 */
export const Rounding = Schema.Literals(["half-even", "half-up", "floor", "ceil"])
/** @since 0.1.0 @category models */
export type Rounding = typeof Rounding.Type

/** The largest amount, € 90.071.992.547.409,91; the smallest is its negation. @since 0.1.0 @category models */
export const maxCents: Cents = Cents.make(Number.MAX_SAFE_INTEGER)

/** Zero euros. @since 0.1.0 @category constructors */
export const zero: Cents = Cents.make(0)

// ---------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------

/**
 * An arithmetic operation without an exact answer in cents: the result is beyond ±{@link maxCents}
 * (`Overflow`), a divisor is zero (`DivisionByZero`), or a ratio is not a whole number or is
 * negative where it must not be (`InvalidRatio`).
 *
 * @since 0.1.0
 * @category errors
 */
export class ArithmeticError extends Schema.TaggedError<ArithmeticError>()("MoneyArithmeticError", {
  reason: Schema.Literals(["Overflow", "DivisionByZero", "InvalidRatio"]),
  message: Schema.String
}) {}

/**
 * A text that is not an amount in euros; `message` says why.
 *
 * @since 0.1.0
 * @category errors
 */
export class ParseError extends Schema.TaggedError<ParseError>()("MoneyParseError", {
  input: Schema.String,
  message: Schema.String
}) {}

const failWith = (reason: ArithmeticError["reason"], message: string) =>
  Result.fail(new ArithmeticError({ reason, message }))

const maxBig = BigInt(Number.MAX_SAFE_INTEGER)

/** The only way from a `bigint` back to `Cents`: in range, or an `Overflow`. */
const fromBigInt = (n: bigint, what: () => string): Result.Result<Cents, ArithmeticError> =>
  n > maxBig || n < -maxBig
    ? failWith("Overflow", `${what()} is beyond ±${format(maxCents)}, the largest amount represented exactly`)
    : Result.succeed(Number(n) as Cents) // checked just above; Number(-0n) is 0, never -0

// ---------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------

/**
 * Whole euros as cents, for literals in code: `euros(16_000)` is 1_600_000 cents. Throws a
 * `RangeError` on a fractional or out-of-range literal, like `Cents.make`; read user input with
 * {@link parse} or {@link fromDecimalString}, which never throw.
 *
 * @since 0.1.0
 * @category constructors
 */
export const euros = (amount: number): Cents => {
  if (!Number.isSafeInteger(amount) || Math.abs(amount) > Number.MAX_SAFE_INTEGER / 100) {
    throw new RangeError(`Money.euros(${amount}): expected a whole number of euros within ±90.071.992.547.409`)
  }
  return (amount * 100) as Cents // exact: |amount × 100| ≤ 2^53 − 1 was checked above
}

/** Same as {@link euros}. @since 0.1.0 @category constructors */
export const fromEuros: (amount: number) => Cents = euros

/**
 * Reads a dot-decimal amount in euros as found in JSON, CSV and open data (`"209989.54"`,
 * `"-0.5"`, `"16000"`) exactly, without going through a float. At most two decimals; no
 * thousands separators, spaces or signs other than a leading `-`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromDecimalString = (text: string): Result.Result<Cents, ParseError> => {
  const fail = (why: string) =>
    Result.fail(new ParseError({ input: text, message: `cannot read "${text}" as a decimal amount in euros: ${why}` }))
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (match === null) return fail('expected digits with an optional "." and up to 2 decimals, such as 209989.54')
  const [, sign = "", units = "", decimals = ""] = match
  if (decimals.length > 2) return fail(`it has ${decimals.length} decimals, at most 2 are allowed`)
  return toCents(sign === "-", units, decimals, fail)
}

const toCents = <E>(
  negative: boolean,
  units: string,
  decimals: string,
  fail: (why: string) => Result.Result<never, E>
): Result.Result<Cents, E> => {
  const magnitude = BigInt(units) * 100n + BigInt(decimals.padEnd(2, "0"))
  return magnitude > maxBig
    ? fail(`it is beyond ±${format(maxCents)}, the largest amount represented exactly`)
    : Result.succeed(Number(negative ? -magnitude : magnitude) as Cents) // checked just above
}

// ---------------------------------------------------------------------------------------------
// arithmetic
// ---------------------------------------------------------------------------------------------

/**
 * `a + b`, or an `Overflow` beyond ±{@link maxCents}.
 *
 * @since 0.1.0
 * @category utils
 */
export const add = (a: Cents, b: Cents): Result.Result<Cents, ArithmeticError> =>
  // For safe integers, the float sum is a safe integer exactly when the exact sum is one.
  Number.isSafeInteger(a + b)
    ? Result.succeed((a + b) as Cents)
    : failWith("Overflow", `${format(a)} + ${format(b)} is beyond ±${format(maxCents)}`)

/**
 * `a − b` (a variance: actual − planned), or an `Overflow` beyond ±{@link maxCents}.
 *
 * @since 0.1.0
 * @category utils
 */
export const subtract = (a: Cents, b: Cents): Result.Result<Cents, ArithmeticError> =>
  Number.isSafeInteger(a - b)
    ? Result.succeed((a - b) as Cents)
    : failWith("Overflow", `${format(a)} − ${format(b)} is beyond ±${format(maxCents)}`)

/**
 * The sum of any number of amounts (zero for none). Accumulates exactly, so it fails only when
 * the total itself is beyond ±{@link maxCents}, never because of the order of the terms.
 *
 * @since 0.1.0
 * @category utils
 */
export const sum = (amounts: Iterable<Cents>): Result.Result<Cents, ArithmeticError> => {
  let total = 0n
  let count = 0
  for (const amount of amounts) {
    total += BigInt(amount)
    count++
  }
  return fromBigInt(total, () => `the sum of ${count} amounts`)
}

/** `−a`; total, since the range is symmetric. @since 0.1.0 @category utils */
export const negate = (a: Cents): Cents => (0 - a) as Cents // `0 - a` rather than `-a`: never -0

/** `|a|`; total, since the range is symmetric. @since 0.1.0 @category utils */
export const abs = (a: Cents): Cents => (a < 0 ? negate(a) : a)

/** Orders amounts from the smallest (most negative) up. @since 0.1.0 @category utils */
export const Order: EffectOrder.Order<Cents> = EffectOrder.Number

/** The smaller of two amounts. @since 0.1.0 @category utils */
export const min: {
  (that: Cents): (self: Cents) => Cents
  (self: Cents, that: Cents): Cents
} = EffectOrder.min(Order)

/** The larger of two amounts. @since 0.1.0 @category utils */
export const max: {
  (that: Cents): (self: Cents) => Cents
  (self: Cents, that: Cents): Cents
} = EffectOrder.max(Order)

/** @since 0.1.0 @category utils */
export const isZero = (a: Cents): boolean => a === 0
/** @since 0.1.0 @category utils */
export const isNegative = (a: Cents): boolean => a < 0
/** @since 0.1.0 @category utils */
export const isPositive = (a: Cents): boolean => a > 0

/** `n / d` for `d > 0`, rounded once. `/` and `%` on bigint truncate towards zero. */
const divide = (n: bigint, d: bigint, rounding: Rounding): bigint => {
  const quotient = n / d
  const remainder = n % d // has the sign of n
  if (remainder === 0n) return quotient
  const awayFromZero = remainder > 0n ? quotient + 1n : quotient - 1n
  switch (rounding) {
    case "floor":
      return remainder > 0n ? quotient : quotient - 1n
    case "ceil":
      return remainder > 0n ? quotient + 1n : quotient
    case "half-up":
    case "half-even": {
      const twice = 2n * (remainder > 0n ? remainder : -remainder)
      if (twice !== d) return twice > d ? awayFromZero : quotient
      return rounding === "half-up" || quotient % 2n !== 0n ? awayFromZero : quotient
    }
  }
}

/**
 * `amount × numerator / denominator`, computed exactly and rounded once (half-even unless
 * told otherwise). The product goes through `bigint`, since a budget amount times a ratio
 * easily passes 2^53. Write fractional factors as whole ratios: 7,5 h is `15, 2`.
 *
 * @example
 * multiplyByRatio(Money.euros(40_000), 1, 1_720) // staff hourly rate, Reg. (UE) 2021/1060 art. 55(2)
 *
 * @since 0.1.0
 * @category utils
 */
export const multiplyByRatio = (
  amount: Cents,
  numerator: number,
  denominator: number,
  rounding: Rounding = "half-even"
): Result.Result<Cents, ArithmeticError> => {
  const what = () => `${format(amount)} × ${numerator} / ${denominator}`
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    return failWith("InvalidRatio", `${what()}: numerator and denominator must be whole numbers`)
  }
  if (denominator === 0) return failWith("DivisionByZero", `${what()}: the denominator is zero`)
  const sign = denominator < 0 ? -1n : 1n
  return fromBigInt(divide(BigInt(amount) * BigInt(numerator) * sign, BigInt(denominator) * sign, rounding), what)
}

/**
 * Splits `total` in proportion to `ratios` (non-negative whole numbers, such as `Cents` of
 * budget lines) by largest remainder:
 * - the shares always sum to `total`, and each differs from its exact share by less than a cent;
 * - each share gets the floor of its exact share; the cents left over go one each to the largest
 *   remainders, ties to the earlier index; a zero ratio always gets zero;
 * - a negative `total` is split as the mirror image of its absolute value (every share ≤ 0);
 * - fails with `InvalidRatio` on a negative or fractional ratio, and with `DivisionByZero` when
 *   the ratios sum to zero (or there are none) and `total` is not zero: no split exists. A zero
 *   total with zero ratios gives zeros, the one split that sums to it.
 *
 * @since 0.1.0
 * @category utils
 */
export const allocate = (
  total: Cents,
  ratios: ReadonlyArray<number>
): Result.Result<ReadonlyArray<Cents>, ArithmeticError> => {
  const invalid = ratios.findIndex((r) => !Number.isSafeInteger(r) || r < 0)
  if (invalid >= 0) {
    return failWith("InvalidRatio", `ratio ${ratios[invalid]} at index ${invalid} is not a non-negative whole number`)
  }
  const weights = ratios.map(BigInt)
  const whole = weights.reduce((a, b) => a + b, 0n)
  if (whole === 0n) {
    return total === 0
      ? Result.succeed(ratios.map(() => zero))
      : failWith("DivisionByZero", `cannot allocate ${format(total)} in proportion to ratios that sum to zero`)
  }
  const magnitude = BigInt(Math.abs(total))
  const exact = weights.map((w) => magnitude * w) // share i is exact[i] / whole
  const floors = exact.map((e) => e / whole)
  const leftover = Number(magnitude - floors.reduce((a, b) => a + b, 0n)) // < ratios.length
  const byRemainder = exact
    .map((e, index) => ({ index, remainder: e % whole }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1))
  const extra = new Set(byRemainder.slice(0, leftover).map((x) => x.index))
  return Result.succeed(
    floors.map((f, i) => {
      const share = extra.has(i) ? f + 1n : f
      return Number(total < 0 ? -share : share) as Cents // |share| ≤ |total|
    })
  )
}

// ---------------------------------------------------------------------------------------------
// formatting
// ---------------------------------------------------------------------------------------------

/**
 * An amount the Italian way without the currency: `229.989,54`, `-1,00`, `0,05`.
 *
 * Written with integer arithmetic rather than `Intl`, whose output varies across runtimes and
 * which, for it-IT (CLDR minimum grouping digits = 2), writes `1000,00` but `10.000,00`. Here
 * the thousands are always grouped, as in Italian administrative and accounting documents.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPlain = (amount: Cents): string => {
  const magnitude = Math.abs(amount)
  const cents = magnitude % 100
  const digits = String((magnitude - cents) / 100)
  // a dot before every group of three digits from the right (a loop: explanations format many amounts)
  const head = digits.length % 3 || 3
  let units = digits.slice(0, head)
  for (let i = head; i < digits.length; i += 3) units += `.${digits.slice(i, i + 3)}`
  return `${amount < 0 ? "-" : ""}${units},${String(cents).padStart(2, "0")}`
}

/**
 * An amount the Italian way: `€ 229.989,54`, `€ -1,00`. The `€ ` prefix (plain space) is the
 * usage of Italian public notices; the minus stays on the digits, as in it-IT `Intl`'s
 * `-1,00 €`, so that `format(x)` is always `"€ " + formatPlain(x)`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (amount: Cents): string => `€ ${formatPlain(amount)}`

/**
 * An amount as a dot-decimal string for machine formats (`209989.54`, `-0.05`); the inverse
 * of {@link fromDecimalString}.
 *
 * @since 0.1.0
 * @category formatting
 */
export const toDecimalString = (amount: Cents): string => formatPlain(amount).replaceAll(".", "").replace(",", ".")

const allowed = 'use digits, "." between thousands and "," before the cents, as in 1.234,56'

/**
 * Reads an amount written the Italian way: `€ 229.989,54`, `229.989,54 €`, `229989,54`,
 * `229.989`, `1.234,5`, `-€ 1,00`, `€ -1,00`. Spaces around the `€` may be any spaces,
 * including the no-break spaces that `Intl` writes. Anything ambiguous or malformed fails,
 * with a message that says why: `1,234.56` (English format), `12,345` (three decimals:
 * thousandths, or English thousands?), `1.23.4` (bad grouping), `1.5`, empty text.
 *
 * @since 0.1.0
 * @category formatting
 */
export const parse = (text: string): Result.Result<Cents, ParseError> => {
  const fail = (why: string) =>
    Result.fail(new ParseError({ input: text, message: `cannot read "${text}" as an amount in euros: ${why}` }))
  let rest = text.trim()
  if (rest === "") return fail("the text is empty")
  let negative = rest.startsWith("-")
  if (negative) rest = rest.slice(1).trimStart()
  if (rest.startsWith("€")) rest = rest.slice(1).trimStart()
  else if (rest.endsWith("€")) rest = rest.slice(0, -1).trimEnd()
  if (!negative && rest.startsWith("-")) {
    negative = true
    rest = rest.slice(1)
  }
  const stray = /[^\d.,]/.exec(rest)
  if (stray !== null) return fail(`"${stray[0]}" is not expected here; ${allowed}`)
  if (!/\d/.test(rest)) return fail("there are no digits")
  const [units = "", decimals, ...more] = rest.split(",")
  if (more.length > 0) return fail("there is more than one decimal comma")
  if (decimals?.includes(".")) return fail(`"." after the decimal comma is the English format; ${allowed}`)
  if (units === "") return fail("there are no digits before the decimal comma")
  if (decimals === "") return fail("there are no digits after the decimal comma")
  if (decimals !== undefined && decimals.length > 2) {
    const hint =
      decimals.length === 3 && /^[1-9]\d{0,2}$/.test(units) ? `; for thousands write ${units}.${decimals}` : ""
    return fail(`it has ${decimals.length} digits after the decimal comma, at most 2 are allowed${hint}`)
  }
  if (units.includes(".") && !/^\d{1,3}(\.\d{3})+$/.test(units)) {
    return fail('"." separates thousands and must be followed by groups of exactly 3 digits; decimals follow ","')
  }
  return toCents(negative, units.replaceAll(".", ""), decimals ?? "", fail)
}

/**
 * A Schema from Italian text to `Cents` for form input: decodes with {@link parse} (failing
 * with its message) and encodes with {@link format}.
 *
 * @since 0.1.0
 * @category formatting
 */
export const FromItalianString = Schema.String.pipe(
  Schema.decodeTo(
    Schema.toType(Cents),
    SchemaTransformation.transformEffect({
      decode: (text, options) => {
        const parsed = parse(text)
        return Result.isSuccess(parsed)
          ? Effect.succeed(parsed.success)
          : Effect.fail(new SchemaIssue.InvalidValue({ message: parsed.failure.message }, text, options))
      },
      encode: (amount) => Effect.succeed(format(amount))
    })
  )
)
