/**
 * The JSON Schemas (draft 2020-12) of every public collection and import format of quartieri,
 * generated from the Effect Schemas with `Schema.toJsonSchemaDocument` — never written by hand.
 * `scripts/build-schemas.ts` writes them to `schemas/<name>.json` in this package (shipped in
 * the npm package) and a test fails when a file is out of date.
 *
 * Each file is a standalone schema: `$schema`, an `$id` (`urn:quartieri:schema:<name>`), a
 * title and description, the schema of the **encoded** record (what the JSON files of
 * `Records` hold: amounts in integer cents, dates as ISO strings), and its `$defs`. A field
 * marked personal or special-category data (`Sensitivity`) is listed at the top under
 * `"x-quartieri-sensitive-fields": { "personal": […], "special-category": […] }`, and the
 * field's own schema carries `"x-quartieri-sensitivity"` where the generator keeps the
 * annotation (not on every `$ref` or array), so an integrator can see which fields are
 * personal data.
 *
 * @since 0.1.0
 */
import {
  Activity,
  Attendance,
  AttendanceRegister,
  Budget,
  Household,
  Laboratorio,
  Organisation,
  Partnership,
  Pathway,
  Person,
  Programme,
  Project,
  Reporting,
  Sensitivity,
  Session,
  Site
} from "@quartieri/core"
import { JsonSchema, Schema } from "effect"
import { Tables } from "./TableDocument.js"

/**
 * One entry of the catalogue: file name, title, description and Schema.
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry {
  readonly name: string
  readonly title: string
  readonly description: string
  readonly schema: Schema.Top
}

/**
 * Every collection and import format with a JSON Schema, in file-name order.
 *
 * @since 0.1.0
 * @category models
 */
export const catalogue: ReadonlyArray<Entry> = [
  { name: "activity", title: "Activity", description: "An activity of a laboratorio.", schema: Activity.Activity },
  { name: "attendance", title: "Attendance", description: "Attendance at a session.", schema: Attendance.Attendance },
  {
    name: "attendance-register",
    title: "AttendanceRegister",
    description: "A paper attendance register as transcribed (import format).",
    schema: AttendanceRegister.AttendanceRegister
  },
  {
    name: "budget",
    title: "Budget",
    description: "The budget of a project: lines and funding.",
    schema: Budget.Budget
  },
  { name: "claim", title: "Claim", description: "A claim for payment (domanda di rimborso).", schema: Budget.Claim },
  { name: "complesso", title: "Complesso", description: "An ERP building complex.", schema: Site.Complesso },
  {
    name: "expenditure",
    title: "Expenditure",
    description: "An expenditure on a budget line.",
    schema: Budget.Expenditure
  },
  {
    name: "household",
    title: "Household",
    description: "A household (nucleo familiare) of an ERP tenancy (import format).",
    schema: Household.Household
  },
  { name: "laboratorio", title: "Laboratorio", description: "A laboratorio sociale.", schema: Laboratorio.Laboratorio },
  {
    name: "organisation",
    title: "Organisation",
    description: "An organisation (Comune, ALER, cooperative…).",
    schema: Organisation.Organisation
  },
  {
    name: "participant",
    title: "Participant",
    description: "The ESF participant micro-record (import format).",
    schema: Reporting.Participant.Participant
  },
  {
    name: "partnership",
    title: "Partnership",
    description: "The partnership of a project.",
    schema: Partnership.Partnership
  },
  {
    name: "pathway",
    title: "Pathway",
    description: "An inclusion pathway (prospect or participant).",
    schema: Pathway.Pathway
  },
  { name: "person", title: "Person", description: "A person of the registry (import format).", schema: Person.Person },
  {
    name: "programme",
    title: "Programme",
    description: "An operational programme (POR FSE, PR FSE+).",
    schema: Programme.Programme
  },
  { name: "project", title: "Project", description: "A project funded under a call.", schema: Project.Project },
  { name: "quartiere", title: "Quartiere", description: "An ERP neighbourhood.", schema: Site.Quartiere },
  { name: "session", title: "Session", description: "A session of a laboratorio.", schema: Session.Session },
  {
    name: "tables",
    title: "Tables",
    description: "A document of report tables, as written by the JSON exporter.",
    schema: Tables
  }
]

const sensitivityKey = "x-quartieri-sensitivity"
const sensitiveFieldsKey = "x-quartieri-sensitive-fields"

const rename = (u: unknown): unknown => {
  if (Array.isArray(u)) return u.map(rename)
  if (typeof u !== "object" || u === null) return u
  return Object.fromEntries(
    Object.entries(u).map(([k, v]) => [k === Sensitivity.annotationKey ? sensitivityKey : k, rename(v)])
  )
}

/**
 * The standalone JSON Schema of a catalogue entry (see the module header).
 *
 * @since 0.1.0
 * @category constructors
 */
export const document = (entry: Entry): Record<string, unknown> => {
  const doc = Schema.toJsonSchemaDocument(entry.schema, {
    includeAnnotationKey: (key) => key === Sensitivity.annotationKey
  })
  const defs = Object.keys(doc.definitions).length > 0 ? { $defs: rename(doc.definitions) } : {}
  const marked = Sensitivity.fieldsBySensitivity(entry.schema)
  const sensitive =
    marked.personal.length + marked["special-category"].length > 0
      ? { [sensitiveFieldsKey]: { personal: marked.personal, "special-category": marked["special-category"] } }
      : {}
  return {
    $schema: JsonSchema.META_SCHEMA_URI_DRAFT_2020_12,
    $id: `urn:quartieri:schema:${entry.name}`,
    title: entry.title,
    description: entry.description,
    ...sensitive,
    ...(rename(doc.schema) as Record<string, unknown>),
    ...defs
  }
}

/**
 * The text of a schema file: the document as indented JSON, with a final newline.
 *
 * @since 0.1.0
 * @category formatting
 */
export const fileText = (entry: Entry): string => `${JSON.stringify(document(entry), null, 2)}\n`
