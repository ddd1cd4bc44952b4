/**
 * Branded ids of the entities. Each entity has its own brand, so a `HouseholdId` cannot be
 * passed where a `PersonId` is expected. Ids are opaque: 1-64 characters from
 * `[A-Za-z0-9._:-]`, so they are safe in URLs, file names, CSV cells and log lines.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const checks = [
  Schema.makeFilter((s: string) => s.length > 0 || "an id must not be empty", undefined, true),
  Schema.makeFilter(
    (s: string) => s.length <= 64 || `expected at most 64 characters, got ${s.length}`,
    undefined,
    true
  ),
  Schema.makeFilter(
    (s: string) => s === s.trim() || "an id must not have leading or trailing whitespace",
    undefined,
    true
  ),
  Schema.makeFilter(
    (s: string) => {
      const i = s.search(/[^A-Za-z0-9._:-]/)
      return (
        i < 0 || `invalid character ${JSON.stringify(s.charAt(i))} at position ${i + 1}: expected A-Z a-z 0-9 . _ : -`
      )
    },
    { toJsonSchema: () => ({ pattern: "^[A-Za-z0-9._:-]{1,64}$" }) }
  )
] as const

/** The unbranded id string; each entity brands its own. */
const Id = Schema.String.pipe(Schema.check(...checks))

/** Id of an organisation (Comune, ALER, cooperative…). @since 0.1.0 @category models */
export const OrganisationId = Id.pipe(Schema.brand("OrganisationId"))
/** @since 0.1.0 @category models */
export type OrganisationId = typeof OrganisationId.Type

/** Id of a funding programme (POR FSE, PR FSE+). @since 0.1.0 @category models */
export const ProgrammeId = Id.pipe(Schema.brand("ProgrammeId"))
/** @since 0.1.0 @category models */
export type ProgrammeId = typeof ProgrammeId.Type

/** Id of a call (avviso). @since 0.1.0 @category models */
export const CallId = Id.pipe(Schema.brand("CallId"))
/** @since 0.1.0 @category models */
export type CallId = typeof CallId.Type

/** Id of a project. @since 0.1.0 @category models */
export const ProjectId = Id.pipe(Schema.brand("ProjectId"))
/** @since 0.1.0 @category models */
export type ProjectId = typeof ProjectId.Type

/** Id of a sub-project (laboratorio sociale, inclusione attiva). @since 0.1.0 @category models */
export const SubProjectId = Id.pipe(Schema.brand("SubProjectId"))
/** @since 0.1.0 @category models */
export type SubProjectId = typeof SubProjectId.Type

/** Id of a site (an ERP housing complex). @since 0.1.0 @category models */
export const SiteId = Id.pipe(Schema.brand("SiteId"))
/** @since 0.1.0 @category models */
export type SiteId = typeof SiteId.Type

/** Id of a budget line. @since 0.1.0 @category models */
export const BudgetLineId = Id.pipe(Schema.brand("BudgetLineId"))
/** @since 0.1.0 @category models */
export type BudgetLineId = typeof BudgetLineId.Type

/** Id of an expenditure. @since 0.1.0 @category models */
export const ExpenditureId = Id.pipe(Schema.brand("ExpenditureId"))
/** @since 0.1.0 @category models */
export type ExpenditureId = typeof ExpenditureId.Type

/** Id of a household (nucleo familiare). @since 0.1.0 @category models */
export const HouseholdId = Id.pipe(Schema.brand("HouseholdId"))
/** @since 0.1.0 @category models */
export type HouseholdId = typeof HouseholdId.Type

/** Id of a person. @since 0.1.0 @category models */
export const PersonId = Id.pipe(Schema.brand("PersonId"))
/** @since 0.1.0 @category models */
export type PersonId = typeof PersonId.Type

/** Id of a laboratorio sociale. @since 0.1.0 @category models */
export const LaboratorioId = Id.pipe(Schema.brand("LaboratorioId"))
/** @since 0.1.0 @category models */
export type LaboratorioId = typeof LaboratorioId.Type

/** Id of a personalised pathway (percorso personalizzato). @since 0.1.0 @category models */
export const PathwayId = Id.pipe(Schema.brand("PathwayId"))
/** @since 0.1.0 @category models */
export type PathwayId = typeof PathwayId.Type
