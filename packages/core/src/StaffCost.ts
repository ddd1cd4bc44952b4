/**
 * Staff costs as a unit cost: the hourly rate of a person is the latest documented annual gross
 * employment cost divided by a standard number of annual hours, 1.720 (Reg. (UE) 2021/1060
 * art. 55; the same figure in Reg. (UE) 1303/2013 art. 68a after the Omnibus). Both are
 * **unverified** (facts.md §1.6, [M]) and kept as dated parameters. The division rounds once,
 * with a rounding the caller chooses: the regulations do not say how to round the rate.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as Calendar from "./Calendar.js"
import * as CostOption from "./CostOption.js"
import * as LegalReference from "./LegalReference.js"
import * as Money from "./Money.js"
import * as Parameter from "./Parameter.js"
import { reg1303_2013, reg2021_1060 } from "./Sources.js"

/**
 * Standard annual working hours for the staff hourly rate, 2021-2027: 1.720, from the entry into
 * force of Reg. (UE) 2021/1060 (2021-07-01, from memory). Unverified (facts.md §1.6, [M]).
 *
 * @since 0.1.0
 * @category parameters
 */
export const standardAnnualHours2021: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "staff-cost.2021.standard-annual-hours",
    title: {
      it: "Ore annue standard per il costo orario del personale",
      en: "Standard annual hours for the staff hourly rate"
    },
    unit: "hours",
    source: LegalReference.at(reg2021_1060, "art. 55", "unverified")
  },
  Calendar.unsafeMake("2021-07-01"),
  1_720
)

/**
 * Standard annual working hours for the staff hourly rate, 2014-2020: 1.720, art. 68a inserted
 * by the Omnibus Reg. (UE, Euratom) 2018/1046 (from 2018-08-02, from memory). Unverified
 * (facts.md §1.6 does not list it; from memory).
 *
 * @since 0.1.0
 * @category parameters
 */
export const standardAnnualHours1303: Parameter.Parameter<number> = Parameter.constant(
  {
    id: "staff-cost.1303.standard-annual-hours",
    title: {
      it: "Ore annue standard per il costo orario del personale",
      en: "Standard annual hours for the staff hourly rate"
    },
    unit: "hours",
    source: {
      ...LegalReference.at(reg1303_2013, "art. 68a (68 bis nel testo italiano), par. 2", "unverified"),
      note: "article inserted by Reg. (UE, Euratom) 2018/1046 (Omnibus); figure and date from memory"
    }
  },
  Calendar.unsafeMake("2018-08-02"),
  1_720
)

/**
 * An hourly staff rate and how it was obtained: the annual gross employment cost, the hours
 * reading (value, date, source) and the rounding, so an auditor can redo the division.
 *
 * @since 0.1.0
 * @category models
 */
export interface HourlyRate {
  readonly rate: Money.NonNegativeCents
  readonly annualGrossCost: Money.NonNegativeCents
  readonly hours: Parameter.Reading<number>
  readonly rounding: Money.Rounding
}

/**
 * `annualGrossCost / hours`, rounded once with `rounding`: € 40.000,00 / 1.720 h is € 23,26
 * rounded to the nearest cent, € 23,25 rounded down. Fails with `InvalidRatio` when the hours
 * are not a positive whole number.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hourlyRate = (
  annualGrossCost: Money.NonNegativeCents,
  hours: Parameter.Reading<number>,
  rounding: Money.Rounding
): Result.Result<HourlyRate, Money.ArithmeticError> =>
  !Number.isSafeInteger(hours.value) || hours.value <= 0
    ? Result.fail(
        new Money.ArithmeticError({
          reason: "InvalidRatio",
          message: `the standard annual hours must be a positive whole number, got ${hours.value} (${hours.id})`
        })
      )
    : Result.map(Money.multiplyByRatio(annualGrossCost, 1, hours.value, rounding), (rate) => ({
        rate: Money.NonNegativeCents.make(rate), // a non-negative amount over a positive count
        annualGrossCost,
        hours,
        rounding
      }))

/**
 * A staff line as a unit cost: `hours` hours ("ora") at the hourly rate.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toUnitCost = (rate: HourlyRate, hours: number): CostOption.UnitCost =>
  CostOption.unitCost("ora", rate.rate, hours)
