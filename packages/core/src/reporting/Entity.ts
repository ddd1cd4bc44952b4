/**
 * The input of the entity indicators (ESF CO20–CO23, ESF+ EECO18–EECO19): the supported
 * projects with the three characteristics the 2014-2020 indicators count, and the supported
 * organisations (SMEs, public administrations and services). They are supplied by the caller,
 * not derived: whether a project is "implemented by social partners or NGOs" or "dedicated to
 * women in employment" is a judgement of the managing authority, not a fact quartieri holds.
 * Each project and organisation is listed once; it is counted once.
 *
 * @since 0.1.0
 */
import { type Result, Schema } from "effect"
import { OrganisationId, ProjectId } from "../Ids.js"
import * as InvalidInput from "../InvalidInput.js"
import { distinctBy } from "../internal/distinct.js"

/**
 * A supported project (an operation) and what CO20–CO22 ask of it:
 * - `socialPartnersOrNgos`: fully or partially implemented by social partners or NGOs (CO20);
 * - `womenInEmployment`: dedicated to the sustainable participation and progress of women in
 *   employment (CO21);
 * - `publicAdministrations`: targeting public administrations or public services at national,
 *   regional or local level (CO22).
 *
 * @since 0.1.0
 * @category models
 */
export const SupportedProject = Schema.Struct({
  project: ProjectId,
  socialPartnersOrNgos: Schema.Boolean,
  womenInEmployment: Schema.Boolean,
  publicAdministrations: Schema.Boolean
})
/** @since 0.1.0 @category models */
export type SupportedProject = typeof SupportedProject.Type

/**
 * The entities of a report: the supported `projects`, the supported micro, small and
 * medium-sized enterprises (`smes`, cooperatives and social-economy enterprises included:
 * CO23, EECO19) and the supported public administrations or public services
 * (`publicAdministrations`: EECO18), each listed once.
 *
 * @since 0.1.0
 * @category models
 */
export const Entities = Schema.Struct({
  projects: Schema.Array(SupportedProject).pipe(
    Schema.check(distinctBy("project", (p: SupportedProject) => p.project))
  ),
  smes: Schema.Array(OrganisationId).pipe(Schema.check(distinctBy("organisation", (o: OrganisationId) => o))),
  publicAdministrations: Schema.Array(OrganisationId).pipe(
    Schema.check(distinctBy("organisation", (o: OrganisationId) => o))
  )
})
/** @since 0.1.0 @category models */
export type Entities = typeof Entities.Type

/**
 * No entities.
 *
 * @since 0.1.0
 * @category constructors
 */
export const none: Entities = { projects: [], smes: [], publicAdministrations: [] }

/**
 * Decodes untrusted input as {@link Entities}, with every problem and its path; never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode: (input: unknown) => Result.Result<Entities, InvalidInput.InvalidInput> = InvalidInput.decoder(
  Entities,
  "Entities"
)
