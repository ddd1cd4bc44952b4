/**
 * How the amount of a budget line is computed: the EU forms of grant (Reg. (UE) 1303/2013
 * art. 67(1); Reg. (UE) 2021/1060 art. 53(1)) that a line of a social-housing project uses.
 *
 * - {@link RealCost}: reimbursement of costs actually incurred, budgeted as an amount;
 * - {@link UnitCost}: a standard scale of unit costs, unit price × quantity of a named unit
 *   ("ora", "partecipante");
 * - {@link FlatRate}: a percentage (in basis points) of a base, the sum of the *other* lines of
 *   the budget selected by cost category ("15 % of direct staff costs").
 *
 * The flat-rate ceilings of the regulations are dated {@link Parameter}s. They are all
 * **unverified**: facts.md §1.6 gives them from memory, and the 2017 avviso's own choice of cost
 * options was not found (facts.md §6.4).
 *
 * @since 0.1.0
 */
import { Option, Result, Schema } from "effect"
import * as BasisPoints from "./BasisPoints.js"
import * as Calendar from "./Calendar.js"
import { CostCategory } from "./CostCategory.js"
import * as LegalReference from "./LegalReference.js"
import * as Money from "./Money.js"
import * as Parameter from "./Parameter.js"
import { reg1303_2013, reg2021_1060 } from "./Sources.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * Reimbursement of real costs: the line is budgeted at `amount`.
 *
 * @since 0.1.0
 * @category models
 */
export const RealCost = Schema.TaggedStruct("RealCost", {
  amount: Money.NonNegativeCents
})
/** @since 0.1.0 @category models */
export type RealCost = typeof RealCost.Type

const UnitName = Schema.String.pipe(
  Schema.check(
    Schema.makeFilter((s: string) => s.trim().length > 0 || 'the unit must be named, e.g. "ora" or "partecipante"'),
    Schema.makeFilter((s: string) => s === s.trim() || "the unit must not have leading or trailing spaces"),
    Schema.makeFilter(
      (s: string) => s.length <= 60 || `the unit name has ${s.length} characters, at most 60 are allowed`
    )
  )
)

const Quantity = Schema.Number.pipe(
  Schema.check(
    Schema.makeFilter(
      (n: number) =>
        (Number.isSafeInteger(n) && n >= 0) ||
        `the quantity must be a whole number of units, zero or more, got ${n}; count a fraction in a smaller unit`
    )
  )
)

/**
 * A standard scale of unit costs: `unitPrice` per `unit` × `quantity`. The quantity is a whole
 * number of units, so the amount is exact without rounding; count fractions in a smaller unit.
 *
 * @since 0.1.0
 * @category models
 */
export const UnitCost = Schema.TaggedStruct("UnitCost", {
  unit: UnitName,
  unitPrice: Money.NonNegativeCents,
  quantity: Quantity
})
/** @since 0.1.0 @category models */
export type UnitCost = typeof UnitCost.Type

/**
 * Which lines a flat rate's base sums, relative to the flat-rate line itself: the lines of the
 * same partner in the same sub-project (`partner-and-sub-project`, the usual reading: a
 * partner's indirect costs on its own staff costs), of the same partner (`partner`, as in Jems),
 * of the same sub-project (`sub-project`), or of the whole budget (`budget`).
 *
 * @since 0.1.0
 * @category models
 */
export const FlatRateScope = Schema.Literals(["partner-and-sub-project", "partner", "sub-project", "budget"])
/** @since 0.1.0 @category models */
export type FlatRateScope = typeof FlatRateScope.Type

/**
 * The regulatory flat rate a line claims to be, so its rate can be checked against the
 * ceiling in force: `indirect-costs` (up to 15 % of direct staff costs) or `remaining-costs`
 * (up to 40 % of direct staff costs, covering all the other costs of the scope).
 *
 * @since 0.1.0
 * @category models
 */
export const FlatRatePurpose = Schema.Literals(["indirect-costs", "remaining-costs"])
/** @since 0.1.0 @category models */
export type FlatRatePurpose = typeof FlatRatePurpose.Type

const Rate = BasisPoints.BasisPoints.pipe(
  Schema.check(
    Schema.makeFilter(
      (bp: number) => (bp >= 0 && bp <= 10_000) || `a flat rate is between 0 and 10000 basis points (100 %), got ${bp}`
    )
  )
)

const Base = Schema.NonEmptyArray(CostCategory).pipe(
  Schema.check(
    Schema.makeFilter((categories: ReadonlyArray<string>) => {
      const twice = categories.find((c, i) => categories.indexOf(c) !== i)
      return twice === undefined || `the base lists the category "${twice}" more than once`
    })
  )
)

/**
 * A flat rate: `rate` basis points of the sum of the other lines in `scope` whose category is
 * in `base`, rounded once with `rounding` (`floor` never exceeds the rate, as Jems truncates).
 * A flat rate applies to direct costs only: a base that would include the line itself or
 * another flat-rate line is an error (`Budget.resolve`), never a loop.
 *
 * @since 0.1.0
 * @category models
 */
export const FlatRate = Schema.TaggedStruct("FlatRate", {
  rate: Rate,
  base: Base,
  scope: FlatRateScope,
  rounding: Money.Rounding,
  purpose: Schema.optionalKey(FlatRatePurpose)
})
/** @since 0.1.0 @category models */
export type FlatRate = typeof FlatRate.Type

/**
 * How a line's amount is computed: real cost, unit cost or flat rate.
 *
 * @since 0.1.0
 * @category models
 */
export const CostOption = Schema.Union([RealCost, UnitCost, FlatRate])
/** @since 0.1.0 @category models */
export type CostOption = typeof CostOption.Type

// ---------------------------------------------------------------------------------------------
// constructors
// ---------------------------------------------------------------------------------------------

/**
 * A real-cost line of `amount`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const realCost = (amount: Money.NonNegativeCents): RealCost => ({ _tag: "RealCost", amount })

/**
 * A unit-cost line: `quantity` × `unitPrice` per `unit`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unitCost = (unit: string, unitPrice: Money.NonNegativeCents, quantity: number): UnitCost => ({
  _tag: "UnitCost",
  unit,
  unitPrice,
  quantity
})

/**
 * A flat-rate line. `purpose` marks a regulatory flat rate whose ceiling the rules check.
 *
 * @since 0.1.0
 * @category constructors
 */
export const flatRate = (options: {
  readonly rate: BasisPoints.BasisPoints
  readonly base: readonly [CostCategory, ...Array<CostCategory>]
  readonly scope: FlatRateScope
  readonly rounding: Money.Rounding
  readonly purpose?: FlatRatePurpose
}): FlatRate => ({
  _tag: "FlatRate",
  rate: options.rate,
  base: options.base,
  scope: options.scope,
  rounding: options.rounding,
  ...(options.purpose === undefined ? {} : { purpose: options.purpose })
})

/**
 * The indirect-costs flat rate at a ceiling read from a parameter: `reading.value` of the
 * direct staff costs of the same partner in the same sub-project, rounded down.
 *
 * @since 0.1.0
 * @category constructors
 */
export const indirectCosts = (reading: Parameter.Reading<BasisPoints.BasisPoints>): FlatRate =>
  flatRate({
    rate: reading.value,
    base: ["staff"],
    scope: "partner-and-sub-project",
    rounding: "floor",
    purpose: "indirect-costs"
  })

/**
 * The remaining-costs flat rate at a ceiling read from a parameter: `reading.value` of the
 * direct staff costs of the same partner in the same sub-project, rounded down.
 *
 * @since 0.1.0
 * @category constructors
 */
export const remainingCosts = (reading: Parameter.Reading<BasisPoints.BasisPoints>): FlatRate =>
  flatRate({
    rate: reading.value,
    base: ["staff"],
    scope: "partner-and-sub-project",
    rounding: "floor",
    purpose: "remaining-costs"
  })

// ---------------------------------------------------------------------------------------------
// utils
// ---------------------------------------------------------------------------------------------

/**
 * The amount of a real-cost or unit-cost line. A unit cost is `unitPrice × quantity`, exact;
 * it fails only when the product is beyond the range of `Cents`.
 *
 * @since 0.1.0
 * @category utils
 */
export const directAmount = (option: RealCost | UnitCost): Result.Result<Money.Cents, Money.ArithmeticError> =>
  option._tag === "RealCost"
    ? Result.succeed(option.amount)
    : Money.multiplyByRatio(option.unitPrice, option.quantity, 1)

/**
 * A flat rate applied to its base: `base × rate / 10000`, rounded once with the line's rounding.
 *
 * @since 0.1.0
 * @category utils
 */
export const applyFlatRate = (option: FlatRate, base: Money.Cents): Result.Result<Money.Cents, Money.ArithmeticError> =>
  BasisPoints.percentOf(base, option.rate, option.rounding)

// ---------------------------------------------------------------------------------------------
// parameters
// ---------------------------------------------------------------------------------------------

/**
 * The cost rules an operation follows: those of its programming period, not of the date. A
 * POR FSE 2014-2020 operation running in 2022 still follows Reg. (UE) 1303/2013, so a rule picks
 * the regulation from the programme and then reads the parameter at its date.
 *
 * @since 0.1.0
 * @category models
 */
export const Regulation = Schema.Literals(["1303/2013", "2021/1060"])
/** @since 0.1.0 @category models */
export type Regulation = typeof Regulation.Type

const percent = (
  title: { readonly it: string; readonly en: string },
  id: string,
  source: LegalReference.LegalReference,
  from: string,
  bp: number
) =>
  Parameter.constant<BasisPoints.BasisPoints>(
    { id, title, unit: "basis-points", source },
    Calendar.unsafeMake(from),
    BasisPoints.BasisPoints.make(bp)
  )

/**
 * Ceiling of the flat rate for indirect costs, 15 % of direct staff costs, 2014-2020. From
 * 2014-01-01, the date Reg. 1303/2013 applies from. Unverified (facts.md §1.6, [M]).
 *
 * @since 0.1.0
 * @category parameters
 */
export const indirectCostsFlatRate1303: Parameter.Parameter<BasisPoints.BasisPoints> = percent(
  {
    it: "Tasso forfettario massimo dei costi indiretti (su costi diretti del personale)",
    en: "Maximum flat rate for indirect costs (of direct staff costs)"
  },
  "cost-options.1303.indirect-costs-flat-rate",
  LegalReference.at(reg1303_2013, "art. 68, par. 1, lett. b", "unverified"),
  "2014-01-01",
  1_500
)

/**
 * Ceiling of the flat rate covering all remaining costs, 40 % of direct staff costs, 2014-2020:
 * art. 68b inserted by the Omnibus Reg. (UE, Euratom) 2018/1046, from its entry into force
 * (2018-08-02, from memory). Unverified (facts.md §1.6, [M]).
 *
 * @since 0.1.0
 * @category parameters
 */
export const remainingCostsFlatRate1303: Parameter.Parameter<BasisPoints.BasisPoints> = percent(
  {
    it: "Tasso forfettario massimo per tutti i costi restanti (su costi diretti del personale)",
    en: "Maximum flat rate for all remaining costs (of direct staff costs)"
  },
  "cost-options.1303.remaining-costs-flat-rate",
  {
    ...LegalReference.at(reg1303_2013, "art. 68b (68 ter nel testo italiano), par. 1", "unverified"),
    note: "article inserted by Reg. (UE, Euratom) 2018/1046 (Omnibus); rate and date from memory (facts.md §1.6)"
  },
  "2018-08-02",
  4_000
)

/**
 * Ceiling of the flat rate for indirect costs, 15 % of direct staff costs, 2021-2027, from the
 * regulation's entry into force (2021-07-01, from memory). Unverified (facts.md §1.6, [M]).
 *
 * @since 0.1.0
 * @category parameters
 */
export const indirectCostsFlatRate2021: Parameter.Parameter<BasisPoints.BasisPoints> = percent(
  {
    it: "Tasso forfettario massimo dei costi indiretti (su costi diretti del personale)",
    en: "Maximum flat rate for indirect costs (of direct staff costs)"
  },
  "cost-options.2021.indirect-costs-flat-rate",
  LegalReference.at(reg2021_1060, "art. 54, lett. b", "unverified"),
  "2021-07-01",
  1_500
)

/**
 * Ceiling of the flat rate covering all remaining costs, 40 % of direct staff costs,
 * 2021-2027, from 2021-07-01 (from memory). Unverified (facts.md §1.6, [M]).
 *
 * @since 0.1.0
 * @category parameters
 */
export const remainingCostsFlatRate2021: Parameter.Parameter<BasisPoints.BasisPoints> = percent(
  {
    it: "Tasso forfettario massimo per tutti i costi restanti (su costi diretti del personale)",
    en: "Maximum flat rate for all remaining costs (of direct staff costs)"
  },
  "cost-options.2021.remaining-costs-flat-rate",
  LegalReference.at(reg2021_1060, "art. 56, par. 1", "unverified"),
  "2021-07-01",
  4_000
)

/**
 * The flat-rate ceilings a rule checks lines against, as read on a date. A missing reading
 * means that flat rate was not an option then (e.g. the 40 % rate before the Omnibus).
 *
 * @since 0.1.0
 * @category models
 */
export interface FlatRateCeilings {
  readonly indirectCosts?: Parameter.Reading<BasisPoints.BasisPoints>
  readonly remainingCosts?: Parameter.Reading<BasisPoints.BasisPoints>
}

/**
 * The flat-rate ceilings of a regulation in force on `date`.
 *
 * @since 0.1.0
 * @category parameters
 */
export const flatRateCeilings = (regulation: Regulation, date: Calendar.CalendarDate): FlatRateCeilings => {
  const [indirect, remaining] =
    regulation === "1303/2013"
      ? [indirectCostsFlatRate1303, remainingCostsFlatRate1303]
      : [indirectCostsFlatRate2021, remainingCostsFlatRate2021]
  const indirectCosts = Option.getOrUndefined(Parameter.readAt(indirect, date))
  const remainingCosts = Option.getOrUndefined(Parameter.readAt(remaining, date))
  return {
    ...(indirectCosts === undefined ? {} : { indirectCosts }),
    ...(remainingCosts === undefined ? {} : { remainingCosts })
  }
}
