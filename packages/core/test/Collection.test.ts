import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { Collection } from "../src/index.js"

const Note = Schema.Struct({
  id: Schema.String,
  title: Schema.NullOr(Schema.String),
  size: Schema.NumberFromString,
  at: Schema.optionalKey(Schema.Date)
})
type Note = typeof Note.Type
const Notes = Collection.make({
  name: "notes",
  schema: Note,
  id: "id",
  indexes: { title: Collection.string((n: Note) => n.title), size: Collection.number((n: Note) => n.size) }
})

describe("Collection.make", () => {
  it.each([["Notes"], ["1notes"], ["a-b"], ["x".repeat(31)], [""]])("refuses the collection name %j", (name) => {
    expect(() => Collection.make({ name, schema: Note, id: "id" })).toThrow(/Collection name/)
  })
  it.each([["id"], ["version"], ["document"], ["Title"], ["x".repeat(21)]])("refuses the index name %j", (name) => {
    expect(() =>
      Collection.make({ name: "n", schema: Note, id: "id", indexes: { [name]: Collection.string(() => null) } })
    ).toThrow(/Index name/)
  })
  it("describes its layout to adapters", () => {
    expect(Notes.layout.indexes).toEqual([
      { name: "title", type: "string" },
      { name: "size", type: "number" }
    ])
  })
})

describe("Collection.encode", () => {
  it.effect("gives the canonical encoded JSON, the id and the index values", () =>
    Effect.gen(function* () {
      const encoded = yield* Collection.encode(Notes, { id: "n1", title: "città", size: 12 })
      expect(encoded).toEqual({
        id: "n1",
        json: '{"id":"n1","size":"12","title":"città"}',
        indexes: { title: "città", size: 12 },
        bytes: 40
      })
    })
  )

  it.effect.each([
    ["an empty id", { id: "", title: null, size: 1 }, "the id is empty"],
    ["a NUL in the id", { id: "a\u0000", title: null, size: 1 }, "U+0000"],
    [
      "a lone surrogate in a text",
      { id: "n", title: "\uD800x", size: 1 },
      `["title"] contains a lone UTF-16 surrogate`
    ],
    ["a non-finite number index", { id: "n", title: null, size: Number.POSITIVE_INFINITY }, "index size"],
    [
      "a field that encodes to a Date",
      { id: "n", title: null, size: 1, at: new Date(0) },
      '["at"] is an instance of Date'
    ]
  ] as const)("refuses %s", ([, note, message]) =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(Collection.encode(Notes, note as Note))
      expect(error.reason).toBe("ConstraintViolation")
      expect(error.detail).toContain(message)
    })
  )
})

describe("Collection.decode", () => {
  it.effect("decodes, and calls a document that no longer decodes Corrupted with its collection and id", () =>
    Effect.gen(function* () {
      expect(yield* Collection.decode(Notes, "n1", '{"id":"n1","title":null,"size":"3"}')).toEqual({
        id: "n1",
        title: null,
        size: 3
      })
      for (const json of ['{"id":"n1","title":null}', "not json", '{"id":"other","title":null,"size":"1"}']) {
        const error = yield* Effect.flip(Collection.decode(Notes, "n1", json))
        expect([error.reason, error.collection, error.id]).toEqual(["Corrupted", "notes", "n1"])
      }
    })
  )
})

describe("order", () => {
  // hand-worked: null < numbers < strings; strings by code point
  it("sorts index values", () => {
    const values: Array<Collection.IndexValue> = ["b", 10, null, "\u{1F600}", "\uE000", -1, "", "Z", 2.5]
    expect([...values].sort(Collection.compareIndexValues)).toEqual([
      null,
      -1,
      2.5,
      10,
      "",
      "Z",
      "b",
      "\uE000",
      "\u{1F600}"
    ])
  })
})
