/**
 * Internals shared by `Budget` and `BudgetRules`: exact sums in `bigint` with the range check
 * that lets the public functions return plain `Cents`, the sources the budget rules cite, and
 * the constructor of a violation in both languages.
 *
 * @since 0.1.0
 */
import * as LegalReference from "../LegalReference.js"
import * as Money from "../Money.js"
import { notFound, reg1303_2013 } from "../Sources.js"
import { Violation } from "../Violation.js"

const maxBig = BigInt(Number.MAX_SAFE_INTEGER)

/**
 * The exact sum of amounts (plain numbers or cents), in `bigint`: never rounds, never overflows.
 *
 * @since 0.1.0
 * @category utils
 */
export const sumExact = (amounts: Iterable<number>): bigint => {
  let total = 0n
  for (const amount of amounts) total += BigInt(amount)
  return total
}

/**
 * The sum of the absolute values. When it is within the range of `Cents`, the sum of *any*
 * subset of the amounts is too, so it can be added with plain numbers, exactly.
 *
 * @since 0.1.0
 * @category utils
 */
export const sumAbsolute = (amounts: Iterable<number>): bigint => {
  let total = 0n
  for (const amount of amounts) total += BigInt(amount < 0 ? -amount : amount)
  return total
}

/**
 * Whether an exact amount is within ±`Money.maxCents`.
 *
 * @since 0.1.0
 * @category utils
 */
export const inRange = (n: bigint): boolean => n <= maxBig && n >= -maxBig

/**
 * An exact amount as `Cents`, or `undefined` when it is out of range.
 *
 * @since 0.1.0
 * @category utils
 */
export const toCents = (n: bigint): Money.Cents | undefined => (inRange(n) ? (Number(n) as Money.Cents) : undefined)

/**
 * The sum of amounts whose absolute values are known to sum within range (see
 * {@link sumAbsolute}): plain number addition, exact.
 *
 * @since 0.1.0
 * @category utils
 */
export const sumWithinRange = (amounts: Iterable<Money.Cents>): Money.Cents => {
  let total = 0
  for (const amount of amounts) total += amount
  return (total === 0 ? 0 : total) as Money.Cents // never -0
}

/**
 * A violation with English and Italian messages, and a subject when there is one.
 *
 * @since 0.1.0
 * @category constructors
 */
export const violation = (
  rule: string,
  source: LegalReference.LegalReference,
  messages: { readonly en: string; readonly it: string },
  subject?: string
): Violation =>
  new Violation({
    rule,
    message: messages.en,
    messageIt: messages.it,
    source,
    ...(subject === undefined ? {} : { subject })
  })

/**
 * The sources of the budget rules that no act of the 2017 avviso gives.
 *
 * @since 0.1.0
 * @category models
 */
export const sources = {
  /** Data integrity: what any budget needs to be read at all. */
  integrity: notFound("data integrity rule of quartieri (ids, references, signs): not a legal requirement"),
  /** The technical limit of exact amounts. */
  range: notFound(`technical limit of quartieri: amounts are exact up to ±${Money.format(Money.maxCents)}`),
  /** Sources equal costs. */
  financialPlan: notFound(
    "balanced financial plan (fonti = costi): the 2017 avviso's rules on the piano finanziario were not found (facts.md §6.4); quartieri applies it as an accounting identity"
  ),
  /** Claims within the approved line. */
  claimWithinLine: notFound(
    "claims within the approved budget line: the 2017 avviso's rendicontazione rules and budget-variation tolerances were not found (facts.md §6.4)"
  ),
  /** No expenditure claimed twice. */
  doubleFunding: {
    ...LegalReference.at(reg1303_2013, "art. 65, par. 11", "unverified"),
    note: "divieto di doppio finanziamento: an expenditure item is not claimed twice; article from memory"
  } satisfies LegalReference.LegalReference,
  /** What a flat rate is. */
  flatRate: {
    ...LegalReference.at(reg1303_2013, "art. 67, par. 1, lett. d", "unverified"),
    note: "a flat rate is a percentage of defined categories of costs (Reg. (UE) 2021/1060 art. 53(1)(d) in 2021-2027, from memory); that it never applies to itself or to another flat rate is quartieri's reading"
  } satisfies LegalReference.LegalReference
} as const

/**
 * A list of ids for messages: `a, b and c` / `a, b e c`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const list = (items: ReadonlyArray<string>, and: "and" | "e"): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`

/**
 * An exact amount the Italian way, `€ 229.989,54`, as `Money.format` writes it, also beyond the
 * range of `Cents` (a difference of two amounts can be).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatExact = (n: bigint): string => {
  const cents = toCents(n)
  if (cents !== undefined) return Money.format(cents)
  const magnitude = n < 0n ? -n : n
  const units = (magnitude / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ".")
  return `€ ${n < 0n ? "-" : ""}${units},${(magnitude % 100n).toString().padStart(2, "0")}`
}

/**
 * Basis points as an Italian percentage: `1500` → `15 %`, `869` → `8,69 %`, `1050` → `10,5 %`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPercent = (bp: number): string => {
  const magnitude = Math.abs(bp)
  const decimals = String(magnitude % 100)
    .padStart(2, "0")
    .replace(/0$/, "")
  const units = `${bp < 0 ? "-" : ""}${Math.trunc(magnitude / 100)}`
  return magnitude % 100 === 0 ? `${units} %` : `${units},${decimals} %`
}

/**
 * An ISO date the Italian way: `2020-05-16` → `16/05/2020`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatDateIt = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
