/**
 * A collection of documents, declared once in core and understood by every Store adapter: a
 * name, the Schema of its documents, the field that holds the id, and the indexed fields
 * (name → extractor). This small generic contract replaces one repository per aggregate:
 * adapters store the **encoded** document (Schema encode, then JSON) with its id, version and
 * index values, and decode it on the way out.
 *
 * The rules that make adapters interchangeable live here, not in each adapter:
 * - names are lower-case identifiers, so they are safe SQL table and column names;
 * - index values are `string | number | null`; strings are ordered by Unicode code point
 *   (UTF-8 byte order), numbers numerically, `null` first, ties broken by id in the same order;
 * - ids and index strings are well-formed Unicode without U+0000, at most 512 UTF-8 bytes;
 * - the encoded document is plain JSON (a Schema that encodes to a `Date` is refused with a
 *   message saying where).
 *
 * @since 0.1.0
 */
import { Effect, Result, Schema, type SchemaAST, SchemaIssue } from "effect"
import { storableCanonicalJson } from "./internal/json.js"
import { compareText, textProblem, utf8Length } from "./internal/storeText.js"
import * as StoreError from "./StoreError.js"

/**
 * The value of an index for one document.
 *
 * @since 0.1.0
 * @category models
 */
export type IndexValue = string | number | null

/**
 * The type of an index: it decides the column type in SQL adapters and the order.
 *
 * @since 0.1.0
 * @category models
 */
export type IndexType = "string" | "number"

/**
 * An indexed field: its type and how to read it from a decoded document.
 *
 * @since 0.1.0
 * @category models
 */
export interface Index<in A> {
  readonly type: IndexType
  readonly get: (document: A) => IndexValue
}

/**
 * A string index (`null` = no value). Ordered by Unicode code point.
 *
 * @since 0.1.0
 * @category constructors
 */
export const string = <A>(get: (document: A) => string | null): Index<A> => ({ type: "string", get })

/**
 * A number index (`null` = no value); values must be finite. Ordered numerically.
 *
 * @since 0.1.0
 * @category constructors
 */
export const number = <A>(get: (document: A) => number | null): Index<A> => ({ type: "number", get })

/**
 * What an adapter needs to know of a collection: its name and its indexes, in declaration order.
 *
 * @since 0.1.0
 * @category models
 */
export interface Layout {
  readonly name: string
  readonly indexes: ReadonlyArray<{ readonly name: string; readonly type: IndexType }>
  /**
   * The index values of a stored document (its id and JSON text): for an adapter that adds an
   * index to a collection that already holds documents. A document that no longer decodes is
   * `Corrupted`.
   */
  readonly indexValues: (
    id: string,
    json: string
  ) => Effect.Effect<{ readonly [name: string]: IndexValue }, StoreError.StoreError>
}

/**
 * A declared collection of documents of type `A`, encoded as `I`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Collection<A, I = unknown> {
  readonly _tag: "Collection"
  readonly name: string
  readonly schema: Schema.Codec<A, I>
  readonly idField: string
  readonly idOf: (document: A) => string
  readonly indexes: { readonly [name: string]: Index<A> }
  readonly layout: Layout
}

/**
 * The keys of `A` whose values are strings: the candidates for the id field.
 *
 * @since 0.1.0
 * @category models
 */
export type StringKeys<A> = { [K in keyof A]-?: A[K] extends string ? K : never }[keyof A] & string

const collectionName = /^[a-z][a-z0-9_]{0,29}$/
const indexName = /^[a-z][a-z0-9_]{0,19}$/
const reservedIndexNames: ReadonlySet<string> = new Set(["id", "version", "document"])

/**
 * Maximum length, in UTF-8 bytes, of an id or of a string index value (SQL indexes have a
 * limit on entry size; 512 bytes fits every adapter).
 *
 * @since 0.1.0
 * @category parameters
 */
export const maxKeyBytes = 512

/**
 * Declares a collection. Throws on an invalid declaration (a bad name, a reserved index name):
 * that is a programming error, found when the module loads, never caused by data.
 *
 * @example
 * ```ts
 * const Households = Collection.make({
 *   name: "households",
 *   schema: Household,
 *   id: "id",
 *   indexes: { comune: Collection.string((h) => h.comune), isee: Collection.number((h) => h.isee ?? null) }
 * })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <S extends Schema.Codec<unknown, unknown>, const K extends StringKeys<S["Type"]>>(options: {
  readonly name: string
  readonly schema: S
  readonly id: K
  readonly indexes?: { readonly [name: string]: Index<S["Type"]> }
}): Collection<S["Type"], S["Encoded"]> => {
  if (!collectionName.test(options.name)) {
    throw new Error(
      `Collection name ${JSON.stringify(options.name)} must match ${collectionName.source} (lower-case letters, digits, _; at most 30)`
    )
  }
  const indexes = options.indexes ?? {}
  for (const name of Object.keys(indexes)) {
    if (!indexName.test(name)) {
      throw new Error(
        `Index name ${JSON.stringify(name)} of collection ${options.name} must match ${indexName.source} (at most 20)`
      )
    }
    if (reservedIndexNames.has(name)) {
      throw new Error(
        `Index name ${JSON.stringify(name)} of collection ${options.name} is reserved (id, version, document)`
      )
    }
  }
  const field = options.id
  const collection: Collection<S["Type"], S["Encoded"]> = {
    _tag: "Collection",
    name: options.name,
    schema: options.schema as Schema.Codec<S["Type"], S["Encoded"]>,
    idField: field,
    idOf: (document) => (document as Record<string, string>)[field] as string,
    indexes,
    layout: {
      name: options.name,
      indexes: Object.entries(indexes).map(([name, index]) => ({ name, type: index.type })),
      indexValues: (id, json) =>
        Effect.flatMap(decode(collection, id, json, "reindex"), (document) =>
          Effect.map(encode(collection, document, "reindex"), (encoded) => encoded.indexes)
        )
    }
  }
  return collection
}

/**
 * A document ready for an adapter: its id, its canonical JSON text (the encoded document),
 * its index values by index name, and its size in UTF-8 bytes.
 *
 * @since 0.1.0
 * @category models
 */
export interface EncodedDocument {
  readonly id: string
  readonly json: string
  readonly indexes: { readonly [name: string]: IndexValue }
  readonly bytes: number
}

/**
 * Why `id` cannot be a document id, or `undefined` when it can.
 *
 * @since 0.1.0
 * @category rules
 */
export const idProblem = (id: string): string | undefined => {
  if (id.length === 0) return "the id is empty"
  const problem = textProblem(id)
  if (problem !== undefined) return `the id ${problem}`
  if (utf8Length(id) > maxKeyBytes) return `the id is longer than ${maxKeyBytes} UTF-8 bytes`
  return undefined
}

/**
 * Why `value` cannot be the value of an index of type `type`, or `undefined` when it can.
 *
 * @since 0.1.0
 * @category rules
 */
export const indexValueProblem = (type: IndexType, value: unknown): string | undefined => {
  if (value === null) return undefined
  if (type === "number") {
    return typeof value === "number" && Number.isFinite(value) ? undefined : `expected a finite number or null`
  }
  if (typeof value !== "string") return "expected a string or null"
  const problem = textProblem(value)
  if (problem !== undefined) return `the value ${problem}`
  if (utf8Length(value) > maxKeyBytes) return `the value is longer than ${maxKeyBytes} UTF-8 bytes`
  return undefined
}

const formatIssue = SchemaIssue.makeFormatterDefault()

type Encoder = (input: unknown, options?: SchemaAST.ParseOptions) => Result.Result<unknown, Schema.SchemaError>

// Built once per Schema, not once per document (building one costs as much as a small encode).
const encoders = new WeakMap<object, Encoder>()
const encoderOf = (schema: Schema.Codec<unknown, unknown>): Encoder => {
  let encoder = encoders.get(schema)
  if (encoder === undefined) {
    encoder = Schema.encodeResult(schema) as Encoder
    encoders.set(schema, encoder)
  }
  return encoder
}

// The indexes of a collection as a list, once per collection (per `indexes` record).
const indexLists = new WeakMap<object, ReadonlyArray<readonly [string, Index<never>]>>()
const indexListOf = <A>(indexes: { readonly [name: string]: Index<A> }): ReadonlyArray<readonly [string, Index<A>]> => {
  let list = indexLists.get(indexes)
  if (list === undefined) {
    list = Object.entries(indexes) as ReadonlyArray<readonly [string, Index<never>]>
    indexLists.set(indexes, list)
  }
  return list as ReadonlyArray<readonly [string, Index<A>]>
}

/**
 * Encodes a document for storage: Schema encode, a check that the result is plain JSON with
 * storable text, its canonical JSON text, its id and index values. Every failure is a
 * `ConstraintViolation` saying what and where.
 *
 * @since 0.1.0
 * @category constructors
 */
export const encode = <A, I>(
  collection: Collection<A, I>,
  document: A,
  operation = "put"
): Effect.Effect<EncodedDocument, StoreError.StoreError> =>
  Effect.suspend(() => {
    const fail = (detail: string, id?: string, cause?: unknown) =>
      Effect.fail(
        StoreError.constraintViolation({
          operation,
          collection: collection.name,
          ...(id === undefined ? {} : { id }),
          detail,
          ...(cause === undefined ? {} : { cause })
        })
      )
    const encoded = encoderOf(collection.schema as Schema.Codec<unknown, unknown>)(document, { errors: "all" })
    const id: unknown = (document as Record<string, unknown> | null)?.[collection.idField]
    if (Result.isFailure(encoded)) {
      const safeId = typeof id === "string" && idProblem(id) === undefined ? id : undefined
      return fail(`the document does not encode: ${formatIssue(encoded.failure.issue)}`, safeId, encoded.failure)
    }
    if (typeof id !== "string") return fail(`the id field ${collection.idField} is not a string`)
    const badId = idProblem(id)
    if (badId !== undefined) return fail(badId)
    const canonical = storableCanonicalJson(encoded.success)
    if (canonical.problem !== undefined) {
      return fail(`the encoded document is not storable JSON: ${canonical.problem}`, id)
    }
    const indexes: Record<string, IndexValue> = {}
    const list = indexListOf(collection.indexes)
    for (let i = 0; i < list.length; i++) {
      const [name, index] = list[i] as readonly [string, Index<A>]
      let value: unknown
      try {
        value = index.get(document)
      } catch (cause) {
        return fail(`the extractor of index ${name} threw`, id, cause)
      }
      const problem = indexValueProblem(index.type, value)
      if (problem !== undefined) return fail(`index ${name}: ${problem}`, id)
      indexes[name] = value as IndexValue
    }
    const json = canonical.json
    return Effect.succeed({ id, json, indexes, bytes: utf8Length(json) })
  })

/**
 * Decodes a stored document (its JSON text). A document that is not JSON, no longer decodes
 * with the collection's Schema, or whose id field differs from its stored id is `Corrupted`,
 * naming the collection and the id.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = <A, I>(
  collection: Collection<A, I>,
  id: string,
  json: string,
  operation = "get"
): Effect.Effect<A, StoreError.StoreError> =>
  Effect.suspend(() => {
    const corrupted = (detail: string, cause?: unknown) =>
      Effect.fail(
        StoreError.corrupted({
          operation,
          collection: collection.name,
          id,
          detail,
          ...(cause === undefined ? {} : { cause })
        })
      )
    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch (cause) {
      return corrupted("the stored document is not JSON", cause)
    }
    const decoded = Schema.decodeUnknownResult(collection.schema)(parsed, { errors: "all" })
    if (Result.isFailure(decoded)) {
      return corrupted(`the stored document no longer decodes: ${formatIssue(decoded.failure.issue)}`, decoded.failure)
    }
    const storedId = collection.idOf(decoded.success)
    if (storedId !== id) return corrupted(`the document's ${collection.idField} is ${JSON.stringify(storedId)}`)
    return Effect.succeed(decoded.success)
  })

/**
 * The order of index values every adapter follows: `null` first, then numbers numerically,
 * then strings by Unicode code point.
 *
 * @since 0.1.0
 * @category rules
 */
export const compareIndexValues = (a: IndexValue, b: IndexValue): number => {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === "number") return -1
  if (typeof b === "number") return 1
  return compareText(a, b)
}

/**
 * The order of ids (and of any text key): Unicode code point, i.e. UTF-8 byte order.
 *
 * @since 0.1.0
 * @category rules
 */
export const compareIds: (a: string, b: string) => number = compareText
