/**
 * Who may do what: actors, the resources they act on, and the access policy as pure predicates.
 *
 * The policy follows the roles of a project of the 2017 avviso and the duties of the Region:
 *
 * | actor | aggregates (reports) | personal records | writes | audit log |
 * |---|---|---|---|---|
 * | Region officer | every project | never | verifies claims only | no |
 * | capofila coordinator | their projects | their projects | their projects | no |
 * | partner operator | their projects | the laboratori and pathways they serve | same scope as reading | no |
 * | auditor | every project | every project | nothing | yes |
 *
 * "Personal records" are households, persons, pathways, attendance sheets and eligibility
 * decisions: what names or describes a person. The Region receives aggregates only — it never
 * needs to see a family to fund a project (GDPR art. 5(1)(c), data minimisation). A partner
 * operator sees the households of the laboratori it works in and the pathways it delivers,
 * nothing of other partners' work. The auditor reads everything, writes nothing.
 *
 * Use-cases call {@link authorize} before touching the store, so no path bypasses it.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import { match } from "ts-pattern"
import { LaboratorioId, OrganisationId, PathwayId, ProjectId } from "./Ids.js"
import type { LegalReference } from "./LegalReference.js"

/**
 * An actor: the person behind a request, by role and scope. `id` identifies the user for the
 * audit log (an opaque account id, never a codice fiscale).
 *
 * @since 0.1.0
 * @category models
 */
export const Actor = Schema.Union([
  Schema.TaggedStruct("RegionOfficer", { id: Schema.String }),
  Schema.TaggedStruct("CapofilaCoordinator", {
    id: Schema.String,
    organisation: OrganisationId,
    projects: Schema.Array(ProjectId)
  }),
  Schema.TaggedStruct("PartnerOperator", {
    id: Schema.String,
    organisation: OrganisationId,
    projects: Schema.Array(ProjectId),
    laboratori: Schema.Array(LaboratorioId),
    pathways: Schema.Array(PathwayId)
  }),
  Schema.TaggedStruct("Auditor", { id: Schema.String })
])
/** @since 0.1.0 @category models */
export type Actor = typeof Actor.Type

/**
 * What a resource is. Personal kinds name or describe a person; the others are project
 * administration or aggregates.
 *
 * @since 0.1.0
 * @category models
 */
export const ResourceKind = Schema.Literals([
  "household",
  "person",
  "pathway",
  "attendance",
  "eligibility-decision",
  "laboratorio",
  "session",
  "project",
  "budget",
  "expenditure",
  "claim",
  "report",
  "audit-log"
])
/** @since 0.1.0 @category models */
export type ResourceKind = typeof ResourceKind.Type

/**
 * The kinds of resource that hold personal data.
 *
 * @since 0.1.0
 * @category models
 */
export const personalKinds: ReadonlyArray<ResourceKind> = [
  "household",
  "person",
  "pathway",
  "attendance",
  "eligibility-decision"
]

/**
 * Whether a kind of resource holds personal data.
 *
 * @since 0.1.0
 * @category utils
 */
export const isPersonal = (kind: ResourceKind): boolean => personalKinds.includes(kind)

/**
 * A resource as the policy sees it: its kind, the project it belongs to (absent for the audit
 * log and for programme-wide reports), the laboratorio or pathway that scopes it for a partner
 * operator, and the organisation it belongs to (an expenditure of a partner's budget lines).
 *
 * @since 0.1.0
 * @category models
 */
export interface Resource {
  readonly kind: ResourceKind
  readonly project?: ProjectId
  readonly laboratorio?: LaboratorioId
  readonly pathway?: PathwayId
  readonly organisation?: OrganisationId
}

/**
 * What an actor does: read, write, or verify a claim (the Region's check of a rendicontazione).
 *
 * @since 0.1.0
 * @category models
 */
export const Action = Schema.Literals(["read", "write", "verify"])
/** @since 0.1.0 @category models */
export type Action = typeof Action.Type

const policySource: LegalReference = {
  act: "Reg. (UE) 2016/679 (GDPR)",
  article: "art. 5, par. 1, lett. c (minimizzazione) e art. 25 (protezione dei dati fin dalla progettazione)",
  confidence: "confirmed",
  note: "the role table itself is quartieri's design, not an act"
}

/**
 * The request is not allowed: who, what, on which resource, and why — in English and Italian.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotAuthorized extends Schema.TaggedError<NotAuthorized>()("NotAuthorized", {
  actor: Schema.String,
  role: Schema.String,
  action: Action,
  resource: ResourceKind,
  reason: Schema.String,
  reasonIt: Schema.String
}) {
  override get message(): string {
    return `${this.role} ${this.actor} may not ${this.action} ${this.resource}: ${this.reason}`
  }
}

/** The source the policy cites. @since 0.1.0 @category models */
export const source: LegalReference = policySource

type Denial = { readonly en: string; readonly it: string }

const inProjects = (projects: ReadonlyArray<ProjectId>, r: Resource): boolean =>
  r.project !== undefined && projects.includes(r.project)

// A partner operator's scope: the laboratori it works in and the pathways it delivers.
const servesIt = (
  actor: { readonly laboratori: ReadonlyArray<LaboratorioId>; readonly pathways: ReadonlyArray<PathwayId> },
  r: Resource
): boolean =>
  (r.laboratorio !== undefined && actor.laboratori.includes(r.laboratorio)) ||
  (r.pathway !== undefined && actor.pathways.includes(r.pathway))

const deny = (en: string, it: string): Denial => ({ en, it })

/**
 * The policy: `undefined` when `actor` may do `action` on `resource`, otherwise why not.
 *
 * @since 0.1.0
 * @category rules
 */
export const denial = (actor: Actor, action: Action, resource: Resource): Denial | undefined =>
  match(actor)
    .with({ _tag: "Auditor" }, () =>
      action === "read" ? undefined : deny("an auditor reads and never writes", "un revisore legge e non scrive")
    )
    .with({ _tag: "RegionOfficer" }, () => {
      if (resource.kind === "audit-log")
        return deny("the audit log is for auditors", "il registro di audit è riservato ai revisori")
      if (isPersonal(resource.kind))
        return deny(
          "the Region receives aggregates only, never personal data",
          "la Regione riceve solo dati aggregati, mai dati personali"
        )
      if (action === "verify")
        return resource.kind === "claim"
          ? undefined
          : deny("only claims are verified", "si verificano solo le rendicontazioni")
      if (action === "write")
        return deny(
          "the Region does not write project data; it verifies claims",
          "la Regione non scrive i dati dei progetti; verifica le rendicontazioni"
        )
      return undefined
    })
    .with({ _tag: "CapofilaCoordinator" }, (a) => {
      if (resource.kind === "audit-log")
        return deny("the audit log is for auditors", "il registro di audit è riservato ai revisori")
      if (action === "verify")
        return deny("claims are verified by the Region", "le rendicontazioni le verifica la Regione")
      if (!inProjects(a.projects, resource))
        return deny("the resource is not of one of their projects", "la risorsa non appartiene a un loro progetto")
      return undefined
    })
    .with({ _tag: "PartnerOperator" }, (a) => {
      if (resource.kind === "audit-log")
        return deny("the audit log is for auditors", "il registro di audit è riservato ai revisori")
      if (action === "verify")
        return deny("claims are verified by the Region", "le rendicontazioni le verifica la Regione")
      if (!inProjects(a.projects, resource))
        return deny("the resource is not of one of their projects", "la risorsa non appartiene a un loro progetto")
      if (isPersonal(resource.kind) && !servesIt(a, resource))
        return deny(
          "the personal record is not of a laboratorio or pathway they serve",
          "il dato personale non riguarda un laboratorio o un percorso di cui si occupano"
        )
      if (action === "write" && !servesIt(a, resource) && resource.organisation !== a.organisation)
        return deny(
          "they write only for the laboratori and pathways they serve and for their own organisation",
          "scrivono solo per i laboratori e i percorsi di cui si occupano e per la propria organizzazione"
        )
      return undefined
    })
    .exhaustive()

/**
 * Authorizes a request: success, or {@link NotAuthorized} saying why.
 *
 * @since 0.1.0
 * @category rules
 */
export const authorize = (actor: Actor, action: Action, resource: Resource): Result.Result<void, NotAuthorized> => {
  const why = denial(actor, action, resource)
  return why === undefined
    ? Result.void
    : Result.fail(
        new NotAuthorized({
          actor: actor.id,
          role: actor._tag,
          action,
          resource: resource.kind,
          reason: why.en,
          reasonIt: why.it
        })
      )
}

/**
 * Whether `actor` may see personal data at all (the Region never does). Reports built for an
 * actor who may not drop every personal and special-category column.
 *
 * @since 0.1.0
 * @category rules
 */
export const maySeePersonalData = (actor: Actor): boolean => actor._tag !== "RegionOfficer"
