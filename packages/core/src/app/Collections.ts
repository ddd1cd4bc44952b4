/**
 * The collections of the application, declared once for every Store adapter: what each holds
 * (the records of `Records`, or the domain record when it carries its own scope) and the
 * indexes the use-cases and the reports query — by project, by laboratorio, by complesso, by
 * household.
 *
 * An SQL adapter keeps one table per collection (`quartieri_households`…) with one column per
 * index, so an integrator can also query them with SQL.
 *
 * @since 0.1.0
 */
import * as Collection from "../Collection.js"
import * as Pathway from "../Pathway.js"
import * as Project from "../Project.js"
import * as Records from "./Records.js"

/**
 * Households of the registry, by project, laboratorio and complesso of their tenancy.
 *
 * @since 0.1.0
 * @category models
 */
export const Households = Collection.make({
  name: "households",
  schema: Records.HouseholdRecord,
  id: "id",
  indexes: {
    project: Collection.string((h: Records.HouseholdRecord) => h.project),
    laboratorio: Collection.string((h: Records.HouseholdRecord) => h.laboratorio),
    complesso: Collection.string((h: Records.HouseholdRecord) => h.tenancy.complesso)
  }
})

/**
 * Persons of the registry — each a person record, or what is left of it once erased
 * (`Records.StoredPerson`) — by project, laboratorio and household.
 *
 * @since 0.1.0
 * @category models
 */
export const Persons = Collection.make({
  name: "persons",
  schema: Records.StoredPerson,
  id: "id",
  indexes: {
    project: Collection.string((p: Records.StoredPerson) => p.project),
    laboratorio: Collection.string((p: Records.StoredPerson) => p.laboratorio),
    household: Collection.string((p: Records.StoredPerson) => p.household)
  }
})

/**
 * Laboratori sociali with their activities, by project and by site (complesso).
 *
 * @since 0.1.0
 * @category models
 */
export const Laboratori = Collection.make({
  name: "laboratori",
  schema: Records.LaboratorioRecord,
  id: "id",
  indexes: {
    project: Collection.string((l: Records.LaboratorioRecord) => l.project),
    complesso: Collection.string((l: Records.LaboratorioRecord) => l.site)
  }
})

/**
 * Sessions held at the laboratori, by project, laboratorio and date.
 *
 * @since 0.1.0
 * @category models
 */
export const Sessions = Collection.make({
  name: "sessions",
  schema: Records.SessionRecord,
  id: "id",
  indexes: {
    project: Collection.string((s: Records.SessionRecord) => s.project),
    laboratorio: Collection.string((s: Records.SessionRecord) => s.laboratorio),
    date: Collection.string((s: Records.SessionRecord) => s.date)
  }
})

/**
 * Attendance sheets, one per session (the session is the id), by project and laboratorio.
 *
 * @since 0.1.0
 * @category models
 */
export const AttendanceSheets = Collection.make({
  name: "attendance",
  schema: Records.AttendanceRecord,
  id: "session",
  indexes: {
    project: Collection.string((a: Records.AttendanceRecord) => a.project),
    laboratorio: Collection.string((a: Records.AttendanceRecord) => a.laboratorio)
  }
})

/**
 * Personalised pathways, by project, household, person and state.
 *
 * @since 0.1.0
 * @category models
 */
export const Pathways = Collection.make({
  name: "pathways",
  schema: Pathway.Pathway,
  id: "id",
  indexes: {
    project: Collection.string((p: Pathway.Pathway) => p.project),
    household: Collection.string((p: Pathway.Pathway) => p.household),
    person: Collection.string((p: Pathway.Pathway) => p.person),
    status: Collection.string((p: Pathway.Pathway) => p.state.status)
  }
})

/**
 * Projects, by call.
 *
 * @since 0.1.0
 * @category models
 */
export const Projects = Collection.make({
  name: "projects",
  schema: Project.Project,
  id: "id",
  indexes: {
    call: Collection.string((p: Project.Project) => p.call)
  }
})

/**
 * Budgets, one per project (the project is the id).
 *
 * @since 0.1.0
 * @category models
 */
export const Budgets = Collection.make({
  name: "budgets",
  schema: Records.BudgetRecord,
  id: "project"
})

/**
 * Expenditures, by project, budget line and organisation.
 *
 * @since 0.1.0
 * @category models
 */
export const Expenditures = Collection.make({
  name: "expenditures",
  schema: Records.ExpenditureRecord,
  id: "id",
  indexes: {
    project: Collection.string((e: Records.ExpenditureRecord) => e.project),
    line: Collection.string((e: Records.ExpenditureRecord) => e.line),
    organisation: Collection.string((e: Records.ExpenditureRecord) => e.organisation)
  }
})

/**
 * Claims (rendicontazioni), by project and number.
 *
 * @since 0.1.0
 * @category models
 */
export const Claims = Collection.make({
  name: "claims",
  schema: Records.ClaimRecord,
  id: "id",
  indexes: {
    project: Collection.string((c: Records.ClaimRecord) => c.project),
    number: Collection.number((c: Records.ClaimRecord) => c.number)
  }
})

/**
 * Eligibility decisions, by project, laboratorio, household, rule set and input hash (to find
 * the stored decision that answers the same inputs).
 *
 * @since 0.1.0
 * @category models
 */
export const Decisions = Collection.make({
  name: "eligibility_decisions",
  schema: Records.DecisionRecord,
  id: "id",
  indexes: {
    project: Collection.string((d: Records.DecisionRecord) => d.project),
    laboratorio: Collection.string((d: Records.DecisionRecord) => d.laboratorio),
    household: Collection.string((d: Records.DecisionRecord) => d.household),
    rule_set: Collection.string((d: Records.DecisionRecord) => d.decision.ruleSet.id),
    input_hash: Collection.string((d: Records.DecisionRecord) => d.decision.inputHash)
  }
})

/**
 * A collection of any document type.
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: a list of collections of different types
export type AnyCollection = Collection.Collection<any, any>

/**
 * Every collection of the application, in the order a reader meets them.
 *
 * @since 0.1.0
 * @category models
 */
export const all = [
  Projects,
  Budgets,
  Laboratori,
  Households,
  Persons,
  Sessions,
  AttendanceSheets,
  Pathways,
  Decisions,
  Expenditures,
  Claims
] as const satisfies ReadonlyArray<AnyCollection>
