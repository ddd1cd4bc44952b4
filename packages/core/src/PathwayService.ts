/**
 * The services of a personalised inclusion pathway (percorso personalizzato, PIP): what the
 * accredited labour operator plans when the PIP is signed, and what it then delivers, day by
 * day, with the hours spent. Hours are what unit-cost claims are made of, so they are exact:
 * counted in quarter hours (0.25), which binary floating point represents exactly, so any sum
 * of them is exact too — the same reason money is integer cents.
 *
 * The kinds are our reading of the usual services of Lombard accredited labour operators
 * (accoglienza, orientamento, bilancio di competenze, formazione, tirocinio, accompagnamento
 * al lavoro: the 2017 avviso's own list was not found) plus the indennità di partecipazione
 * that the Region pairs with the personalised pathways (facts.md §1.2, confirmed). The allowance's amount and unit-cost scheme were not found: it is recorded
 * here by the hours of participation it compensates, never by an amount.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CalendarDate } from "./Calendar.js"
import { OrganisationId } from "./Ids.js"
import type { Label } from "./Organisation.js"

// ---------------------------------------------------------------------------------------------
// kinds
// ---------------------------------------------------------------------------------------------

/**
 * The kind of a pathway service:
 * - `intake`: accoglienza (first interview, taking charge);
 * - `guidance`: orientamento;
 * - `skills-assessment`: bilancio di competenze;
 * - `training`: formazione;
 * - `traineeship`: tirocinio;
 * - `job-placement-support`: accompagnamento al lavoro (job search, matching, placement);
 * - `participation-allowance`: indennità di partecipazione (hours of participation it covers);
 * - `other`: altro.
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.Literals([
  "intake",
  "guidance",
  "skills-assessment",
  "training",
  "traineeship",
  "job-placement-support",
  "participation-allowance",
  "other"
])
/** @since 0.1.0 @category models */
export type Kind = typeof Kind.Type

/**
 * Italian and English labels of each kind.
 *
 * @since 0.1.0
 * @category formatting
 */
export const kindLabel: { readonly [K in Kind]: Label } = {
  intake: { it: "accoglienza", en: "intake" },
  guidance: { it: "orientamento", en: "guidance" },
  "skills-assessment": { it: "bilancio di competenze", en: "skills assessment" },
  training: { it: "formazione", en: "training" },
  traineeship: { it: "tirocinio", en: "traineeship" },
  "job-placement-support": { it: "accompagnamento al lavoro", en: "job-placement support" },
  "participation-allowance": { it: "indennità di partecipazione", en: "participation allowance" },
  other: { it: "altro", en: "other" }
}

// ---------------------------------------------------------------------------------------------
// hours
// ---------------------------------------------------------------------------------------------

const checkHours = (h: number): true | string => {
  if (!Number.isFinite(h)) return `expected a finite number of hours, got ${h}`
  if (h < 0) return `hours must not be negative, got ${h}`
  if (!Number.isInteger(h * 4)) return `hours are counted in quarter hours (0.25, 0.5, 0.75…), got ${h}`
  if (h > 1_000_000) return `at most 1,000,000 hours, got ${h}`
  return true
}

/**
 * A number of hours: finite, not negative, a whole number of quarter hours, at most one
 * million. Quarter hours are exact in binary floating point, so sums never drift.
 *
 * @since 0.1.0
 * @category models
 */
export const Hours = Schema.Number.pipe(
  Schema.check(Schema.makeFilter(checkHours, { identifier: "Hours", title: "hours (in quarter hours)" })),
  Schema.brand("Hours")
)
/** @since 0.1.0 @category models */
export type Hours = typeof Hours.Type

/**
 * The hours of one service delivered on one day: more than zero and at most 24.
 *
 * @since 0.1.0
 * @category models
 */
export const DayHours = Hours.pipe(
  Schema.check(
    Schema.makeFilter((h: number) =>
      h <= 0
        ? `a delivered service lasts more than 0 hours, got ${h}`
        : h > 24
          ? `a service delivered on one day lasts at most 24 hours, got ${h}`
          : true
    )
  )
)
/** @since 0.1.0 @category models */
export type DayHours = typeof DayHours.Type

/**
 * Zero hours.
 *
 * @since 0.1.0
 * @category constructors
 */
export const zeroHours: Hours = Hours.make(0)

/**
 * The exact sum of hours (quarter hours of at most a million each: exact for any realistic
 * count). The sum itself may exceed the one-million cap of a single value.
 *
 * @since 0.1.0
 * @category utils
 */
export const sumHours = (hours: Iterable<Hours>): Hours => {
  let total = 0
  for (const h of hours) total += h
  return total as Hours // quarter hours: exact
}

// ---------------------------------------------------------------------------------------------
// planned and delivered services
// ---------------------------------------------------------------------------------------------

/**
 * A service planned in the PIP: its kind, the hours planned (zero when the PIP lists the
 * service without an hour budget) and the organisation that is to deliver it.
 *
 * @since 0.1.0
 * @category models
 */
export const PlannedService = Schema.Struct({
  kind: Kind,
  hours: Hours,
  organisation: OrganisationId
})
/** @since 0.1.0 @category models */
export type PlannedService = typeof PlannedService.Type

const Note = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => s.trim().length > 0 || "a note must not be blank"))
)

/**
 * A service as delivered: what, by whom and how long; the day it was delivered is the date
 * of the command that records it (see {@link DeliveredService}).
 *
 * @since 0.1.0
 * @category models
 */
export const Delivery = Schema.Struct({
  kind: Kind,
  hours: DayHours,
  organisation: OrganisationId,
  note: Schema.optionalKey(Note)
})
/** @since 0.1.0 @category models */
export type Delivery = typeof Delivery.Type

/**
 * A service delivered on `date`: kind, hours (more than 0, at most 24), the organisation
 * that delivered it and an optional note (the register it was taken from, for instance).
 *
 * @since 0.1.0
 * @category models
 */
export const DeliveredService = Schema.Struct({ date: CalendarDate, ...Delivery.fields })
/** @since 0.1.0 @category models */
export type DeliveredService = typeof DeliveredService.Type
