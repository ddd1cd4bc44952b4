/**
 * How a record with nested fields maps to the flat columns of a CSV file. The mapping is read
 * from the JSON Schema of the record's encoded form (`Schema.toJsonSchemaDocument`), so it
 * follows the Schema and is never kept by hand:
 *
 * - a nested **object** becomes dotted columns: `tenancy.complesso`, `tenancy.unit`,
 *   `specialCategory.consent.date`; an optional object is absent when all its cells are empty;
 * - a **union of objects** (a tagged variant such as `citizenship`) becomes the union of their
 *   dotted columns: `citizenship.kind`, `citizenship.permit`;
 * - an **array** (household members, ISEE declarations, labour-market spells), and anything that
 *   is neither an object nor a string, number or boolean, is written as **JSON in one cell**;
 * - strings, numbers and booleans are cells of their own, in the dialect; a string whose schema
 *   is `Calendar.CalendarDate` is a date column.
 *
 * An empty cell is an absent optional field, or the empty string for a required text field.
 * (So an optional text field holding `""` reads back as absent: the one value the flat form
 * cannot tell apart.)
 *
 * @since 0.1.0
 */
import type { Schema } from "effect"
import { Schema as S } from "effect"

/**
 * What a leaf column holds.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind = "string" | "date" | "number" | "boolean" | "json"

/**
 * A flat column: its name (the dotted path), the path, what it holds, and whether the field is
 * required within its object.
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  readonly name: string
  readonly path: ReadonlyArray<string>
  readonly kind: Kind
  readonly required: boolean
}

/**
 * The tree the columns come from: objects with fields, and leaves.
 *
 * @since 0.1.0
 * @category models
 */
export type Node =
  | { readonly _tag: "object"; readonly fields: ReadonlyArray<readonly [string, Node, boolean]> }
  | { readonly _tag: "leaf"; readonly kind: Kind }

type Json = { readonly [k: string]: unknown }

const isObject = (u: unknown): u is Json => typeof u === "object" && u !== null && !Array.isArray(u)

const nodeOf = (js: Json, defs: Json, seen: ReadonlySet<string>): Node => {
  const ref = js.$ref
  if (typeof ref === "string") {
    const name = ref.replace(/^#\/\$defs\//, "")
    if (name.startsWith("CalendarDate")) return { _tag: "leaf", kind: "date" }
    const target = defs[name]
    if (!isObject(target) || seen.has(name)) return { _tag: "leaf", kind: "json" }
    return nodeOf(target, defs, new Set([...seen, name]))
  }
  const alternatives = js.anyOf ?? js.oneOf
  if (Array.isArray(alternatives)) {
    const nodes = alternatives.filter(isObject).map((a) => nodeOf(a, defs, seen))
    const objects = nodes.filter((n) => n._tag === "object")
    if (objects.length === nodes.length && objects.length > 0) {
      const merged = new Map<string, { node: Node; required: number }>()
      for (const o of objects)
        for (const [name, node, required] of o.fields) {
          const before = merged.get(name)
          merged.set(name, {
            node: before === undefined || before.node._tag === node._tag ? node : { _tag: "leaf", kind: "json" },
            required: (before?.required ?? 0) + (required ? 1 : 0)
          })
        }
      return {
        _tag: "object",
        fields: [...merged].map(([name, f]) => [name, f.node, f.required === objects.length] as const)
      }
    }
    // a number with its non-finite spellings ("Infinity", "NaN") is a number
    const kinds = new Set(
      alternatives.filter(isObject).map((a) =>
        a.type === "string" &&
        Array.isArray(a.enum) &&
        a.enum.every((e) => ["Infinity", "-Infinity", "NaN"].includes(e))
          ? "number"
          : (() => {
              const n = nodeOf(a, defs, seen)
              return n._tag === "leaf" ? n.kind : "object"
            })()
      )
    )
    const [only] = kinds
    return kinds.size === 1 && only !== undefined && only !== "object"
      ? { _tag: "leaf", kind: only }
      : { _tag: "leaf", kind: "json" }
  }
  switch (js.type) {
    case "object": {
      const properties = isObject(js.properties) ? js.properties : {}
      const required = new Set(Array.isArray(js.required) ? js.required : [])
      return {
        _tag: "object",
        fields: Object.entries(properties)
          .filter((e): e is [string, Json] => isObject(e[1]))
          .map(([name, p]) => [name, nodeOf(p, defs, seen), required.has(name)] as const)
      }
    }
    case "string":
      return { _tag: "leaf", kind: "string" }
    case "number":
    case "integer":
      return { _tag: "leaf", kind: "number" }
    case "boolean":
      return { _tag: "leaf", kind: "boolean" }
    default:
      return { _tag: "leaf", kind: "json" }
  }
}

/**
 * The tree of a record schema (its encoded form).
 *
 * @since 0.1.0
 * @category constructors
 */
export const treeOf = (schema: Schema.Top): Node => {
  const doc = S.toJsonSchemaDocument(schema)
  return nodeOf(doc.schema, doc.definitions, new Set())
}

/**
 * The flat columns of a tree, in declaration order (a record that is not an object is one
 * JSON column named `value`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const columnsOf = (node: Node): ReadonlyArray<Column> => {
  if (node._tag === "leaf") return [{ name: "value", path: [], kind: node.kind, required: true }]
  const out: Array<Column> = []
  const walk = (n: Node, path: ReadonlyArray<string>, required: boolean): void => {
    if (n._tag === "leaf") out.push({ name: path.join("."), path, kind: n.kind, required })
    else for (const [name, child, req] of n.fields) walk(child, [...path, name], req)
  }
  for (const [name, child, req] of node.fields) walk(child, [name], req)
  return out
}
