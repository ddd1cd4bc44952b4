/**
 * The collections and texts the conformance kit writes. Every test declares its own
 * collections with fresh names (a random run tag plus a counter), so tests share one store
 * without seeing each other's documents, and a store that keeps data between runs (a server
 * database) still starts each test empty.
 *
 * The `Note` document has a string index (`title`), a number index (`amount`), and a field
 * whose encoded form differs from its type (`count`, a number stored as a string), so the kit
 * can see that documents are stored encoded.
 *
 * @since 0.1.0
 */
import { Collection } from "@quartieri/core"
import { Schema } from "effect"

/**
 * The document the kit stores.
 *
 * @since 0.1.0
 * @category models
 */
export const Note = Schema.Struct({
  id: Schema.String,
  title: Schema.NullOr(Schema.String),
  amount: Schema.NullOr(Schema.Finite),
  count: Schema.NumberFromString,
  tags: Schema.Array(Schema.String),
  body: Schema.String
})
/** @since 0.1.0 @category models */
export type Note = typeof Note.Type

/**
 * The same documents read without decoding `count`: what the store holds, encoded.
 *
 * @since 0.1.0
 * @category models
 */
export const EncodedNote = Schema.Struct({
  id: Schema.String,
  title: Schema.NullOr(Schema.String),
  amount: Schema.NullOr(Schema.Finite),
  count: Schema.String,
  tags: Schema.Array(Schema.String),
  body: Schema.String
})

/**
 * A later version of the Note schema that requires a field old documents lack: reading old
 * documents with it must be `Corrupted`.
 *
 * @since 0.1.0
 * @category models
 */
export const NoteV2 = Schema.Struct({ ...Note.fields, priority: Schema.Number })

const runTag = Math.floor(Math.random() * 36 ** 4)
  .toString(36)
  .padStart(4, "0")
let counter = 0

/**
 * A fresh collection name, unique in this run and across runs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const freshName = (kind = "notes"): string => `k${runTag}_${(counter++).toString(36)}_${kind}`.slice(0, 30)

/**
 * The Note collection under `name`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const notes = (name: string = freshName()): Collection.Collection<Note, typeof Note.Encoded> =>
  Collection.make({
    name,
    schema: Note,
    id: "id",
    indexes: {
      title: Collection.string((n: Note) => n.title),
      amount: Collection.number((n: Note) => n.amount)
    }
  })

/**
 * The Note collection under `name` with only some of its indexes: the same collection as an
 * application would declare it before or after adding or removing an index.
 *
 * @since 0.1.0
 * @category constructors
 */
export const notesIndexedBy = (
  name: string,
  indexes: ReadonlyArray<"title" | "amount">
): Collection.Collection<Note, typeof Note.Encoded> =>
  Collection.make({
    name,
    schema: Note,
    id: "id",
    indexes: Object.fromEntries(
      indexes.map((index) => [
        index,
        index === "title" ? Collection.string((n: Note) => n.title) : Collection.number((n: Note) => n.amount)
      ])
    )
  })

/**
 * The Note collection under `name`, read with another schema (same name, same indexes).
 *
 * @since 0.1.0
 * @category constructors
 */
export const notesAs = <S extends Schema.Codec<{ readonly id: string }, unknown>>(
  name: string,
  schema: S
): Collection.Collection<S["Type"], S["Encoded"]> =>
  Collection.make({
    name,
    schema,
    id: "id" as Collection.StringKeys<S["Type"]>,
    indexes: {
      title: Collection.string((n: S["Type"]) => (n as unknown as Note).title),
      amount: Collection.number((n: S["Type"]) => (n as unknown as Note).amount)
    }
  })

/**
 * A note with defaults for what a test does not care about.
 *
 * @since 0.1.0
 * @category constructors
 */
export const note = (id: string, fields: Partial<Omit<Note, "id">> = {}): Note => ({
  id,
  title: fields.title ?? null,
  amount: fields.amount ?? null,
  count: fields.count ?? 0,
  tags: fields.tags ?? [],
  body: fields.body ?? ""
})

/**
 * Texts that break careless adapters: SQL metacharacters and injection attempts, quotes,
 * backslashes, LIKE wildcards, JSON syntax, combining marks, right-to-left text, characters
 * above U+E000 and outside the BMP (whose UTF-16 order differs from their code point order),
 * control characters, long text.
 *
 * @since 0.1.0
 * @category constants
 */
export const nastyTexts: ReadonlyArray<string> = [
  "Robert'); DROP TABLE notes;--",
  `" OR 1=1 --`,
  "\\' \\\\ \\n",
  "%_[]^*?",
  '{"$gt":""}',
  "$1 $$ :name ? @p",
  "via Padova, 7 — scala \u201cB\u201d",
  "e\u0301 \u00e9 \u1e9b\u0323",
  "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
  "\uE000\uFFFD\uFEFF",
  "\u{1F600}\u{1F3E0}\u{10FFFF}",
  "tab\tnewline\nreturn\r\u0001\u001f\u007f",
  "null",
  " ",
  "日本語のテキスト"
]
