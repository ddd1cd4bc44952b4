/**
 * Planned against delivered hours of a pathway, per service kind and in total. Unit-cost
 * claims are made of delivered hours, kind by kind (an hour of guidance and an hour of
 * training are priced differently), so the comparison is made per kind: hours delivered
 * beyond the plan of one kind never make up for hours missing in another. The totals add the
 * kinds up, so `planned − delivered = remaining − over` holds in total as in each kind.
 *
 * @since 0.1.0
 */
import type { Pathway } from "./Pathway.js"
import * as PathwayService from "./PathwayService.js"

/**
 * Hours of one kind (or of the whole pathway): planned, delivered, still to deliver
 * (`remaining`, never negative), delivered beyond the plan (`over`, never negative), and
 * whether there is any such over-delivery.
 *
 * @since 0.1.0
 * @category models
 */
export interface Tally {
  readonly planned: PathwayService.Hours
  readonly delivered: PathwayService.Hours
  readonly remaining: PathwayService.Hours
  readonly over: PathwayService.Hours
  readonly overDelivered: boolean
}

/**
 * The tally of one service kind.
 *
 * @since 0.1.0
 * @category models
 */
export interface KindTally extends Tally {
  readonly kind: PathwayService.Kind
}

/**
 * The hours of a pathway: the total, and one tally per kind that is planned or delivered, in
 * the order of {@link PathwayService.Kind}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Summary {
  readonly total: Tally
  readonly byKind: ReadonlyArray<KindTally>
}

const tally = (planned: PathwayService.Hours, delivered: PathwayService.Hours): Tally => {
  const difference = planned - delivered // quarter hours: exact
  return {
    planned,
    delivered,
    remaining: Math.max(difference, 0) as PathwayService.Hours,
    over: Math.max(-difference, 0) as PathwayService.Hours,
    overDelivered: difference < 0
  }
}

/**
 * Compares planned services with delivered ones, per kind and in total. Several planned lines
 * of the same kind (by different organisations) add up.
 *
 * @since 0.1.0
 * @category rules
 */
export const summarise = (
  planned: ReadonlyArray<PathwayService.PlannedService>,
  delivered: ReadonlyArray<Pick<PathwayService.DeliveredService, "kind" | "hours">>
): Summary => {
  const byKind = PathwayService.Kind.literals.flatMap((kind): ReadonlyArray<KindTally> => {
    const p = planned.filter((s) => s.kind === kind)
    const d = delivered.filter((s) => s.kind === kind)
    if (p.length === 0 && d.length === 0) return []
    return [
      { kind, ...tally(PathwayService.sumHours(p.map((s) => s.hours)), PathwayService.sumHours(d.map((s) => s.hours))) }
    ]
  })
  const remaining = PathwayService.sumHours(byKind.map((k) => k.remaining))
  const over = PathwayService.sumHours(byKind.map((k) => k.over))
  return {
    total: {
      planned: PathwayService.sumHours(byKind.map((k) => k.planned)),
      delivered: PathwayService.sumHours(byKind.map((k) => k.delivered)),
      remaining,
      over,
      overDelivered: over > 0
    },
    byKind
  }
}

/**
 * The hours of a pathway: its PIP's planned services against the services delivered. A
 * pathway not yet enrolled has neither.
 *
 * @since 0.1.0
 * @category rules
 */
export const ofPathway = (p: Pathway): Summary =>
  p.phase === "participant" ? summarise(p.enrolment.planned, p.services) : summarise([], [])
