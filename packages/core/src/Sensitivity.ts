/**
 * Sensitivity marks on Schemas: which fields of a record are personal data and which are
 * special categories of data. The ESF monitoring rules mark every participant variable as
 * personal ("*") or special category ("**": disability, migrant / foreign background,
 * minority, other disadvantage), and GDPR art. 9 restricts the processing of the latter to
 * explicit consent or another art. 9(2) ground. The mark lives on the Schema, next to the
 * field it describes, so that exports, logs and open-data writers can ask a record type
 * which fields to drop — instead of keeping a separate list that drifts out of date.
 *
 * A mark is an annotation under the key {@link annotationKey}. {@link sensitivityOf} reads
 * it from the schema's own annotations and from those of its checks, so a mark survives a
 * check added after it; {@link fieldsBySensitivity} lists the marked fields of a struct.
 *
 * @since 0.1.0
 */
import { Schema, type SchemaAST } from "effect"
import type { LegalReference } from "./LegalReference.js"

/**
 * How sensitive a field is:
 * - `personal`: personal data (GDPR art. 4(1); ESF "*");
 * - `special-category`: special categories of personal data (GDPR art. 9; ESF "**").
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literals(["personal", "special-category"])
/** @since 0.1.0 @category models */
export type Level = typeof Level.Type

/**
 * The annotation key under which the mark is stored.
 *
 * @since 0.1.0
 * @category models
 */
export const annotationKey = "quartieri/sensitivity"

/**
 * The annotation that marks a field as personal data: `schema.annotate(Sensitivity.personal)`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const personal: { readonly [annotationKey]: Level } = { [annotationKey]: "personal" }

/**
 * The annotation that marks a field as a special category of data (GDPR art. 9):
 * `schema.annotate(Sensitivity.specialCategory)`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const specialCategory: { readonly [annotationKey]: Level } = { [annotationKey]: "special-category" }

/**
 * Where the two levels come from. The ESF "*" / "**" markers are confirmed (Reg. (UE)
 * 1304/2013, Annex I); facts.md §3.1 cites the Directive 95/46 article from memory, and
 * GDPR art. 9 is its successor since 25 May 2018.
 *
 * @since 0.1.0
 * @category parameters
 */
export const source: LegalReference = {
  act: "Reg. (UE) 2016/679 (GDPR); Reg. (UE) 1304/2013, Annex I",
  article: "GDPR art. 4(1) and art. 9; ESF markers * and **",
  confidence: "unverified",
  note: "ESF markers confirmed (facts.md §3.1); the mapping of ** to GDPR art. 9 is from general knowledge"
}

/**
 * Marks `schema` as personal data.
 *
 * @since 0.1.0
 * @category constructors
 */
export const annotatePersonal = <S extends Schema.Top>(schema: S): S["Rebuild"] => schema.annotate(personal)

/**
 * Marks `schema` as a special category of data (GDPR art. 9).
 *
 * @since 0.1.0
 * @category constructors
 */
export const annotateSpecialCategory = <S extends Schema.Top>(schema: S): S["Rebuild"] =>
  schema.annotate(specialCategory)

const isLevel = (u: unknown): u is Level => u === "personal" || u === "special-category"

// The mark may sit on the node itself or on any of its checks (`annotate` on a checked
// schema writes to the last check); the last mark found wins, as in `SchemaAST.resolve`.
const markOf = (ast: SchemaAST.AST): Level | undefined => {
  let found: Level | undefined
  const own = ast.annotations?.[annotationKey]
  if (isLevel(own)) found = own
  for (const check of ast.checks ?? []) {
    const mark = check.annotations?.[annotationKey]
    if (isLevel(mark)) found = mark
  }
  return found
}

/**
 * The sensitivity mark of a schema, or `undefined` when it is not marked.
 *
 * @since 0.1.0
 * @category utils
 */
export const sensitivityOf = (schema: Schema.Top): Level | undefined => markOf(schema.ast)

/**
 * The marked top-level fields of a struct schema, by level, in declaration order. Optional
 * fields count like required ones. Nested structs are not descended into: a struct field
 * marked as a whole (such as special-category attributes) is listed once, by its own mark.
 * A schema that is not a struct has no fields.
 *
 * @since 0.1.0
 * @category utils
 */
export const fieldsBySensitivity = (
  schema: Schema.Top
): { readonly personal: ReadonlyArray<string>; readonly "special-category": ReadonlyArray<string> } => {
  const personalFields: Array<string> = []
  const specialFields: Array<string> = []
  const ast = schema.ast
  if (ast._tag === "Objects") {
    for (const property of ast.propertySignatures) {
      const mark = markOf(property.type)
      if (mark === "personal") personalFields.push(String(property.name))
      else if (mark === "special-category") specialFields.push(String(property.name))
    }
  }
  return { personal: personalFields, "special-category": specialFields }
}

/**
 * The names of every marked top-level field of a struct, whatever the level: what an export
 * of anonymous data must drop.
 *
 * @since 0.1.0
 * @category utils
 */
export const sensitiveFields = (schema: Schema.Top): ReadonlyArray<string> => {
  const byLevel = fieldsBySensitivity(schema)
  return [...byLevel.personal, ...byLevel["special-category"]]
}
