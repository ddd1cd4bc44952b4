/**
 * The conformance suite: `runConformance({ name, layer, capabilities, reopen? })` registers, in
 * the calling test file, every test a `Store` adapter must pass — capabilities, CRUD and
 * versions, encoding, validation, queries and their order, cursor paging, optimistic
 * concurrency, transactions, the audit chain, unicode and SQL metacharacters, large documents,
 * durability across re-open, concurrent writers, and model-based runs against the model of
 * Model.ts. A group the adapter's capabilities rule out is registered with `it.skipIf` under a
 * name that says why, and announced on the console: nothing is skipped silently.
 *
 * The store is built once for the suite (`layer`); each test works in collections of its own.
 *
 * @since 0.1.0
 */

import { describe, expect, layer as layerSuite } from "@effect/vitest"
import { Audit, Store, type StoreBackend, StoreError } from "@quartieri/core"
import { Context, Deferred, Effect, Fiber, Layer, Option, Result, Schema, Stream } from "effect"
import fc from "fast-check"
import * as Fixtures from "./Fixtures.js"
import * as Model from "./Model.js"

/**
 * What `runConformance` needs.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options<R, E> {
  /** How the suite and the reports name the adapter. */
  readonly name: string
  /** The store under test (and whatever else it provides, for `tamper`). Built once for the suite. */
  readonly layer: Layer.Layer<R | Store.Store, E>
  /** What the adapter declares; the suite checks the store reports exactly this, and tests each claim. */
  readonly capabilities: StoreBackend.Capabilities
  /**
   * A second store on the same data (same file, same database and prefix). Required when
   * `durable` or `concurrentWriters` is declared: durability is proved by writing through a
   * fresh build of `layer`, closing it, then reading through `reopen`.
   */
  readonly reopen?: Layer.Layer<Store.Store, E>
  /**
   * Changes a stored audit entry behind the store's back (for example with SQL), so the suite
   * can check that the stored chain exposes it. Optional; without it, tampering is checked on
   * entries read back from the store.
   */
  readonly tamper?: (entry: Audit.Entry) => Effect.Effect<void, unknown, R | Store.Store>
  /** Model-based runs (default 100, scaled by `FC_NUM_RUNS`/100). */
  readonly numRuns?: number
  /** Timeout of each test, in milliseconds (default 60 000). */
  readonly timeout?: number
}

const env = (name: string): string | undefined =>
  (globalThis as { readonly process?: { readonly env?: Record<string, string | undefined> } }).process?.env?.[name]

/**
 * The number of model-based runs: `base` scaled by `FC_NUM_RUNS`/100 (the project's knob for
 * long property runs), at least 1.
 *
 * @since 0.1.0
 * @category utils
 */
export const scaledRuns = (base: number): number => {
  const factor = Number(env("FC_NUM_RUNS") ?? "100") / 100
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)))
}

const log = (message: string): void =>
  (globalThis as { readonly console?: { readonly info: (message: string) => void } }).console?.info(message)

const reasonOf = <A, R>(effect: Effect.Effect<A, StoreError.StoreError, R>) =>
  Effect.map(Effect.flip(effect), (e) => e.reason)

const head = (store: Store.Service) =>
  Effect.map(
    Stream.runLast(store.auditLog()),
    Option.map((e): Audit.From => ({ seq: e.seq, hash: e.hash }))
  )

const entriesSince = (store: Store.Service, from: Option.Option<Audit.From>) =>
  Stream.runCollect(store.auditLog(Option.match(from, { onNone: () => ({}), onSome: (f) => ({ after: f.seq }) })))

const event = (actor: string, entity: string, id: string, action = "note.update"): Audit.Event => ({
  time: "2026-11-22T09:30:00.000Z",
  actor,
  action,
  entity,
  id,
  recordHash: Audit.sha256Hex(`${entity}/${id}`)
})

const ids = (docs: ReadonlyArray<Store.Versioned<unknown>>) => docs.map((d) => d.id)

const buildStore = <E>(layer: Layer.Layer<Store.Store, E>) =>
  Effect.map(Layer.build(Layer.fresh(layer)), (context) => Context.get(context, Store.Store))

/**
 * Registers the whole conformance suite for one adapter in the calling test file.
 *
 * @example
 * ```ts
 * import { runConformance } from "@quartieri/storage-testkit"
 * import { MemoryStore } from "@quartieri/storage-memory"
 *
 * runConformance({ name: "memory", layer: MemoryStore.layer(), capabilities: MemoryStore.capabilities })
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const runConformance = <R, E>(options: Options<R, E>): void => {
  const caps = options.capabilities
  const timeout = options.timeout ?? 60_000
  const numRuns = options.numRuns ?? scaledRuns(100)
  const reopen = options.reopen
  const skipped = (group: string, reason: string) => {
    log(`[storage-testkit] ${options.name}: ${group} skipped — ${reason}`)
    return `${group} — skipped: ${reason}`
  }

  layerSuite(options.layer, { timeout: "120 seconds", excludeTestServices: true })(
    `${options.name} conformance`,
    (it) => {
      describe("capabilities", () => {
        it.effect(
          "the store reports exactly the declared capabilities",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              expect(store.capabilities).toEqual(caps)
            }),
          timeout
        )
        it.effect(
          "a durable or multi-writer store comes with `reopen` to prove it",
          () =>
            Effect.sync(() => {
              if (caps.durable || caps.concurrentWriters) expect(reopen, "runConformance({ reopen })").toBeDefined()
            }),
          timeout
        )
      })

      describe("CRUD and versions", () => {
        it.effect(
          "put creates at version 1, every write adds 1, get returns the document and its version",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              expect(yield* store.get(notes, "n1")).toEqual(Option.none())
              expect(yield* store.put(notes, Fixtures.note("n1", { title: "primo", count: 1 }), 0)).toBe(1)
              expect(yield* store.get(notes, "n1")).toEqual(
                Option.some({ id: "n1", version: 1, value: Fixtures.note("n1", { title: "primo", count: 1 }) })
              )
              expect(yield* store.put(notes, Fixtures.note("n1", { title: "secondo", count: 2 }), 1)).toBe(2)
              expect(yield* store.put(notes, Fixtures.note("n1", { title: "terzo", count: 3 }), 2)).toBe(3)
              const got = yield* store.get(notes, "n1")
              expect(Option.map(got, (d) => [d.version, d.value.title, d.value.count])).toEqual(
                Option.some([3, "terzo", 3])
              )
            }),
          timeout
        )

        it.effect(
          "a stale or wrong expected version is a Conflict that says what it expected and found",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.put(notes, Fixtures.note("n1", { title: "v1" }), 0)
              yield* store.put(notes, Fixtures.note("n1", { title: "v2" }), 1)
              const stale = yield* Effect.flip(store.put(notes, Fixtures.note("n1", { title: "lost?" }), 1))
              expect(stale).toBeInstanceOf(StoreError.StoreError)
              expect([stale.reason, stale.collection, stale.id, stale.expectedVersion, stale.actualVersion]).toEqual([
                "Conflict",
                notes.name,
                "n1",
                1,
                2
              ])
              expect(stale.isRetryable).toBe(true)
              const exists = yield* Effect.flip(store.put(notes, Fixtures.note("n1"), 0))
              expect([exists.reason, exists.actualVersion]).toEqual(["Conflict", 2])
              const missing = yield* Effect.flip(store.put(notes, Fixtures.note("n2"), 1))
              expect([missing.reason, missing.actualVersion]).toEqual(["Conflict", 0])
              const got = yield* store.get(notes, "n1")
              expect(Option.map(got, (d) => [d.version, d.value.title])).toEqual(Option.some([2, "v2"]))
            }),
          timeout
        )

        it.effect(
          "delete needs the current version; a deleted document is gone; versions keep growing after re-creation",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.put(notes, Fixtures.note("n1"), 0)
              yield* store.put(notes, Fixtures.note("n1", { count: 1 }), 1)
              expect(yield* reasonOf(store.delete(notes, "n1", 1))).toBe("Conflict")
              yield* store.delete(notes, "n1", 2)
              expect(yield* store.get(notes, "n1")).toEqual(Option.none())
              expect(yield* Stream.runCollect(store.query(notes))).toEqual([])
              expect(yield* reasonOf(store.delete(notes, "n1", 2))).toBe("Conflict")
              expect(yield* reasonOf(store.delete(notes, "never", 1))).toBe("Conflict")
              // a writer that read version 2 before the delete must not overwrite the new document
              const recreated = yield* store.put(notes, Fixtures.note("n1", { title: "nuovo" }), 0)
              expect(recreated).toBeGreaterThan(2)
              expect(yield* reasonOf(store.put(notes, Fixtures.note("n1", { title: "stale" }), 2))).toBe("Conflict")
              const got = yield* store.get(notes, "n1")
              expect(Option.map(got, (d) => [d.version, d.value.title])).toEqual(Option.some([recreated, "nuovo"]))
            }),
          timeout
        )
      })

      describe("encoding and decoding", () => {
        it.effect(
          "documents are stored encoded (Schema.encode) and decoded on read",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.put(notes, Fixtures.note("n1", { count: 42 }), 0)
              const raw = yield* store.get(Fixtures.notesAs(notes.name, Fixtures.EncodedNote), "n1")
              expect(Option.map(raw, (d) => d.value.count)).toEqual(Option.some("42"))
              const decoded = yield* store.get(notes, "n1")
              expect(Option.map(decoded, (d) => d.value.count)).toEqual(Option.some(42))
            }),
          timeout
        )

        it.effect(
          "a stored document that no longer decodes is Corrupted, naming the collection and the id",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.put(notes, Fixtures.note("vecchio"), 0)
              const v2 = Fixtures.notesAs(notes.name, Fixtures.NoteV2)
              const onGet = yield* Effect.flip(store.get(v2, "vecchio"))
              expect([onGet.reason, onGet.collection, onGet.id, onGet.isRetryable]).toEqual([
                "Corrupted",
                notes.name,
                "vecchio",
                false
              ])
              const onQuery = yield* Effect.flip(Stream.runCollect(store.query(v2)))
              expect([onQuery.reason, onQuery.collection, onQuery.id]).toEqual(["Corrupted", notes.name, "vecchio"])
              const onPage = yield* Effect.flip(store.page(v2))
              expect([onPage.reason, onPage.id]).toEqual(["Corrupted", "vecchio"])
            }),
          timeout
        )

        it.effect(
          "a document that does not encode, or encodes to something that is not JSON, is a ConstraintViolation",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const bad = { ...Fixtures.note("n1"), amount: Number.NaN }
              expect(yield* reasonOf(store.put(notes, bad, 0))).toBe("ConstraintViolation")
              const withDate = Fixtures.notesAs(
                Fixtures.freshName(),
                Schema.Struct({ id: Schema.String, at: Schema.Date })
              )
              const notJson = yield* Effect.flip(store.put(withDate, { id: "d1", at: new Date(0) }, 0))
              expect(notJson.reason).toBe("ConstraintViolation")
              expect(notJson.detail).toContain('["at"]')
              expect(yield* store.get(notes, "n1")).toEqual(Option.none())
            }),
          timeout
        )
      })

      describe("changing a collection's indexes", () => {
        it.effect(
          "an index added later finds the documents written before it; a removed one can no longer be queried",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const name = Fixtures.freshName()
              const v1 = Fixtures.notesIndexedBy(name, ["title"])
              const docs: ReadonlyArray<readonly [string, string, number | null]> = [
                ["a", "x", 3],
                ["b", "y", 1],
                ["c", "x", null],
                ["d", "z", 2]
              ]
              for (const [id, title, amount] of docs) yield* store.put(v1, Fixtures.note(id, { title, amount }), 0)
              const v2 = Fixtures.notesIndexedBy(name, ["title", "amount"])
              const byAmount = (collection: typeof v2, query: Store.Query = {}) =>
                Effect.map(Stream.runCollect(store.query(collection, { orderBy: "amount", ...query })), ids)
              expect(yield* byAmount(v2)).toEqual(["c", "b", "d", "a"])
              expect(yield* byAmount(v2, { where: { index: "amount", gte: 2 } })).toEqual(["d", "a"])
              const v3 = Fixtures.notesIndexedBy(name, ["amount"])
              yield* store.put(v3, Fixtures.note("e", { title: "x", amount: 0 }), 0)
              expect(yield* byAmount(v3)).toEqual(["c", "e", "b", "d", "a"])
              expect(
                yield* reasonOf(Stream.runCollect(store.query(v3, { where: { index: "title", equals: "x" } })))
              ).toBe("ConstraintViolation")
              // declared again with the title index: the document written without it is found too
              expect(
                ids(yield* Stream.runCollect(store.query(v2, { where: { index: "title", equals: "x" } })))
              ).toEqual(["a", "c", "e"])
            }),
          timeout
        )
      })

      describe("validation", () => {
        it.effect(
          "ids, versions, index values and queries the contract refuses are a ConstraintViolation",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const cases: ReadonlyArray<readonly [string, Effect.Effect<unknown, StoreError.StoreError>]> = [
                ["empty id", store.put(notes, Fixtures.note(""), 0)],
                ["NUL in id", store.put(notes, Fixtures.note("a\u0000b"), 0)],
                ["lone surrogate in id", store.get(notes, "a\uD800")],
                ["id over 512 bytes", store.put(notes, Fixtures.note("é".repeat(257)), 0)],
                ["NUL in a text field", store.put(notes, Fixtures.note("n1", { body: "x\u0000y" }), 0)],
                ["lone surrogate in an index", store.put(notes, Fixtures.note("n1", { title: "\uDC00" }), 0)],
                ["negative version", store.put(notes, Fixtures.note("n1"), -1)],
                ["fractional version", store.put(notes, Fixtures.note("n1"), 1.5)],
                ["delete expecting 0", store.delete(notes, "n1", 0)],
                ["unknown index", Stream.runCollect(store.query(notes, { where: { index: "nope", equals: 1 } }))],
                ["wrong bound type", Stream.runCollect(store.query(notes, { where: { index: "amount", gt: "1" } }))],
                ["order by unknown index", store.page(notes, { orderBy: "nope" })],
                ["zero limit", store.page(notes, { limit: 0 })],
                ["bad cursor", store.page(notes, { after: "not-a-cursor!" })]
              ]
              for (const [name, effect] of cases) {
                expect(yield* reasonOf(effect), name).toBe("ConstraintViolation")
              }
              expect(yield* Stream.runCollect(store.query(notes))).toEqual([])
            }),
          timeout
        )

        it.effect(
          "a cursor only continues the query it came from",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const other = Fixtures.notes()
              for (const id of ["a", "b", "c"]) yield* store.put(notes, Fixtures.note(id, { title: id }), 0)
              const first = yield* store.page(notes, { orderBy: "title", limit: 1 })
              const cursor = Option.getOrThrow(first.next)
              expect(yield* reasonOf(store.page(notes, { orderBy: "amount", after: cursor }))).toBe(
                "ConstraintViolation"
              )
              expect(yield* reasonOf(store.page(notes, { after: cursor }))).toBe("ConstraintViolation")
              expect(yield* reasonOf(store.page(other, { orderBy: "title", after: cursor }))).toBe(
                "ConstraintViolation"
              )
              expect(`${cursor}`.includes("title")).toBe(false)
            }),
          timeout
        )
      })

      describe("queries and ordering", () => {
        // hand-worked: by code point, null first: null < "" < "Z" (5A) < "a" (61) < "b" (62)
        // < "é" (E9) < U+E000 < U+1F600. UTF-16 order would put U+1F600 before U+E000, and a
        // locale collation would put "a" before "Z".
        const titled: ReadonlyArray<readonly [string, string | null]> = [
          ["1", "b"],
          ["2", "a"],
          ["3", "\u00e9"],
          ["4", "\uE000"],
          ["5", "\u{1F600}"],
          ["6", "Z"],
          ["7", null],
          ["8", ""]
        ]
        const byTitle = ["7", "8", "6", "2", "1", "3", "4", "5"]

        it.effect(
          "orders strings by code point with null first, and ids break ties in the same order",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              for (const [id, title] of titled) yield* store.put(notes, Fixtures.note(id, { title }), 0)
              expect(ids(yield* Stream.runCollect(store.query(notes, { orderBy: "title" })))).toEqual(byTitle)
              // ids "\u{1F600}" and "\uE000" in one tie: code point order puts U+E000 first
              const ties = Fixtures.notes()
              for (const id of ["\u{1F600}", "b", "\uE000", "B", "a"])
                yield* store.put(ties, Fixtures.note(id, { title: "t" }), 0)
              expect(ids(yield* Stream.runCollect(store.query(ties, { orderBy: "title" })))).toEqual([
                "B",
                "a",
                "b",
                "\uE000",
                "\u{1F600}"
              ])
              expect(ids(yield* Stream.runCollect(store.query(ties)))).toEqual(["B", "a", "b", "\uE000", "\u{1F600}"])
            }),
          timeout
        )

        it.effect(
          "orders numbers numerically (not as text), null first, ties by id",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const amounts: ReadonlyArray<readonly [string, number | null]> = [
                ["a", 10],
                ["b", -2],
                ["c", 10],
                ["d", null],
                ["e", 0.5],
                ["f", 9],
                ["g", 1e15],
                ["h", -1e15]
              ]
              for (const [id, amount] of amounts) yield* store.put(notes, Fixtures.note(id, { amount }), 0)
              expect(ids(yield* Stream.runCollect(store.query(notes, { orderBy: "amount" })))).toEqual([
                "d",
                "h",
                "b",
                "e",
                "f",
                "a",
                "c",
                "g"
              ])
            }),
          timeout
        )

        it.effect(
          "where equals, equals null, ranges (never null), with another index to order by, and limit",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const docs: ReadonlyArray<readonly [string, string | null, number | null]> = [
                ["a", "x", 5],
                ["b", "y", 1],
                ["c", "x", null],
                ["d", null, 3],
                ["e", "x", 2],
                ["f", "z", 4]
              ]
              for (const [id, title, amount] of docs) yield* store.put(notes, Fixtures.note(id, { title, amount }), 0)
              const run = (query: Store.Query) => Effect.map(Stream.runCollect(store.query(notes, query)), ids)
              expect(yield* run({ where: { index: "title", equals: "x" } })).toEqual(["a", "c", "e"])
              expect(yield* run({ where: { index: "title", equals: "x" }, orderBy: "amount" })).toEqual(["c", "e", "a"])
              expect(yield* run({ where: { index: "title", equals: null } })).toEqual(["d"])
              expect(yield* run({ where: { index: "amount", equals: null } })).toEqual(["c"])
              expect(yield* run({ where: { index: "amount", gte: 2, lt: 5 }, orderBy: "amount" })).toEqual([
                "e",
                "d",
                "f"
              ])
              expect(yield* run({ where: { index: "amount", gt: 2, lte: 5 }, orderBy: "amount" })).toEqual([
                "d",
                "f",
                "a"
              ])
              expect(yield* run({ where: { index: "amount" }, orderBy: "amount" })).toEqual(["b", "e", "d", "f", "a"])
              expect(yield* run({ where: { index: "title", gte: "x", lt: "z" }, orderBy: "title" })).toEqual([
                "a",
                "c",
                "e",
                "b"
              ])
              expect(yield* run({ orderBy: "amount", limit: 2 })).toEqual(["c", "b"])
              expect(yield* run({ where: { index: "title", equals: "nessuno" } })).toEqual([])
              const none = Fixtures.notes()
              expect(yield* Stream.runCollect(store.query(none))).toEqual([])
              expect(yield* store.page(none)).toEqual({ items: [], next: Option.none() })
            }),
          timeout
        )

        it.effect(
          "a query streams more documents than one round trip reads",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const n = Store.streamPageSize + 7
              yield* store.transaction(
                Effect.forEach(
                  Array.from({ length: n }, (_, i) => i),
                  (i) => store.put(notes, Fixtures.note(`n${String(i).padStart(4, "0")}`, { amount: n - i }), 0),
                  { discard: true }
                )
              )
              const all = yield* Stream.runCollect(store.query(notes, { orderBy: "amount" }))
              expect(all.length).toBe(n)
              expect(all[0]?.id).toBe(`n${String(n - 1).padStart(4, "0")}`)
              expect(new Set(ids(all)).size).toBe(n)
              expect((yield* Stream.runCollect(store.query(notes, { limit: Store.streamPageSize + 1 }))).length).toBe(
                Store.streamPageSize + 1
              )
            }),
          timeout
        )
      })

      describe("cursor paging", () => {
        it.effect(
          "every document exactly once across pages, in order, for every page size; the last page has no cursor",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const titles = ["b", null, "a", "b", "\u{1F600}", "", "b", "\uE000", "a", null, "z", "b", "c"]
              for (const [i, title] of titles.entries())
                yield* store.put(notes, Fixtures.note(`id${i % 5}-${i}`, { title }), 0)
              for (const orderBy of [undefined, "title"] as const) {
                const expected = ids(
                  yield* Stream.runCollect(store.query(notes, orderBy === undefined ? {} : { orderBy }))
                )
                for (let size = 1; size <= titles.length + 1; size++) {
                  const seen: Array<string> = []
                  let after: string | undefined
                  let pages = 0
                  for (;;) {
                    const page = yield* store.page(notes, {
                      limit: size,
                      ...(orderBy === undefined ? {} : { orderBy }),
                      ...(after === undefined ? {} : { after })
                    })
                    pages++
                    seen.push(...ids(page.items))
                    if (Option.isNone(page.next)) break
                    expect(page.items.length).toBe(size)
                    after = page.next.value
                  }
                  expect(seen, `orderBy ${orderBy} page size ${size}`).toEqual(expected)
                  expect(pages).toBe(Math.max(1, Math.ceil(titles.length / size)))
                }
              }
            }),
          timeout
        )

        it.effect(
          "paging continues from the cursor's position when documents change between pages",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              for (const id of ["a", "c", "e"]) yield* store.put(notes, Fixtures.note(id), 0)
              const first = yield* store.page(notes, { limit: 2 })
              expect(ids(first.items)).toEqual(["a", "c"])
              yield* store.put(notes, Fixtures.note("b"), 0) // behind the cursor: not seen
              yield* store.put(notes, Fixtures.note("d"), 0) // ahead of it: seen
              yield* store.delete(notes, "c", 1) // the cursor's own document may go
              const second = yield* store.page(notes, { limit: 2, after: Option.getOrThrow(first.next) })
              expect(ids(second.items)).toEqual(["d", "e"])
              expect(second.next).toEqual(Option.none())
            }),
          timeout
        )
      })

      describe("optimistic concurrency", () => {
        it.effect(
          "writers racing at the same expected version: exactly one wins, every other gets Conflict",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.put(notes, Fixtures.note("n1"), 0)
              const results = yield* Effect.all(
                Array.from({ length: 8 }, (_, i) =>
                  Effect.result(store.put(notes, Fixtures.note("n1", { count: i + 1 }), 1))
                ),
                { concurrency: "unbounded" }
              )
              const wins = results.flatMap((r, i) => (Result.isSuccess(r) ? [i + 1] : []))
              expect(wins.length).toBe(1)
              expect(results.filter(Result.isFailure).map((r) => r.failure.reason)).toEqual(Array(7).fill("Conflict"))
              const got = yield* store.get(notes, "n1")
              expect(Option.map(got, (d) => [d.version, d.value.count])).toEqual(Option.some([2, wins[0]]))
            }),
          timeout
        )

        it.effect(
          "read-modify-write with retry on Conflict loses no update",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.put(notes, Fixtures.note("counter", { count: 0 }), 0)
              const increment = Effect.gen(function* () {
                const current = Option.getOrThrow(yield* store.get(notes, "counter"))
                yield* store.put(notes, { ...current.value, count: current.value.count + 1 }, current.version)
              }).pipe(Effect.retry({ while: (e) => e.reason === "Conflict", times: 100 }))
              const inTransaction = store
                .transaction(increment)
                .pipe(Effect.retry({ while: (e) => e.reason === "Conflict", times: 100 }))
              yield* Effect.all(
                [...Array.from({ length: 6 }, () => increment), ...Array.from({ length: 6 }, () => inTransaction)],
                {
                  concurrency: "unbounded",
                  discard: true
                }
              )
              const got = yield* store.get(notes, "counter")
              expect(Option.map(got, (d) => [d.value.count, d.version])).toEqual(Option.some([12, 13]))
            }),
          timeout
        )
      })

      describe("transactions", () => {
        class Rollback extends Schema.TaggedError<Rollback>()("Rollback", {}) {}

        it.effect(
          "a successful transaction commits every write and its audit entries",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const before = yield* head(store)
              const version = yield* store.transaction(
                Effect.gen(function* () {
                  yield* store.put(notes, Fixtures.note("a"), 0)
                  const v = yield* store.put(notes, Fixtures.note("a", { count: 1 }), 1)
                  yield* store.put(notes, Fixtures.note("b"), 0)
                  const seen = yield* store.get(notes, "a")
                  expect(Option.map(seen, (d) => d.version)).toEqual(Option.some(2))
                  yield* store.appendAudit(event("tx", notes.name, "a"))
                  return v
                })
              )
              expect(version).toBe(2)
              expect(ids(yield* Stream.runCollect(store.query(notes)))).toEqual(["a", "b"])
              expect((yield* entriesSince(store, before)).map((e) => e.id)).toEqual(["a"])
            }),
          timeout
        )

        it.effect(
          "a failing transaction rolls back as a whole: puts, deletes and audit entries",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.put(notes, Fixtures.note("kept", { title: "originale" }), 0)
              yield* store.put(notes, Fixtures.note("doomed"), 0)
              const before = yield* head(store)
              const failure = yield* Effect.flip(
                store.transaction(
                  Effect.gen(function* () {
                    yield* store.put(notes, Fixtures.note("kept", { title: "modificato" }), 1)
                    yield* store.put(notes, Fixtures.note("new"), 0)
                    yield* store.delete(notes, "doomed", 1)
                    yield* store.appendAudit(event("tx", notes.name, "kept"))
                    return yield* new Rollback()
                  })
                )
              )
              expect(failure).toBeInstanceOf(Rollback)
              const all = yield* Stream.runCollect(store.query(notes))
              expect(all.map((d) => [d.id, d.version, d.value.title])).toEqual([
                ["doomed", 1, null],
                ["kept", 1, "originale"]
              ])
              expect(yield* head(store)).toEqual(before)
            }),
          timeout
        )

        it.effect(
          "a Conflict inside a transaction rolls back the writes before it",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.put(notes, Fixtures.note("a"), 0)
              yield* store.put(notes, Fixtures.note("a", { count: 1 }), 1)
              const error = yield* Effect.flip(
                store.transaction(
                  Effect.gen(function* () {
                    yield* store.put(notes, Fixtures.note("b"), 0)
                    yield* store.put(notes, Fixtures.note("a", { count: 99 }), 1) // stale
                  })
                )
              )
              expect(error.reason).toBe("Conflict")
              expect(ids(yield* Stream.runCollect(store.query(notes)))).toEqual(["a"])
            }),
          timeout
        )

        it.effect(
          "a defect or an interruption rolls back too",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const died = yield* Effect.exit(
                store.transaction(Effect.andThen(store.put(notes, Fixtures.note("died"), 0), Effect.die("boom")))
              )
              expect(died._tag).toBe("Failure")
              const started = yield* Deferred.make<void>()
              const fiber = yield* Effect.forkChild(
                store.transaction(
                  Effect.gen(function* () {
                    yield* store.put(notes, Fixtures.note("interrupted"), 0)
                    yield* Deferred.succeed(started, undefined)
                    return yield* Effect.never
                  })
                )
              )
              yield* Deferred.await(started)
              yield* Fiber.interrupt(fiber)
              expect(yield* Stream.runCollect(store.query(notes))).toEqual([])
              expect(yield* store.put(notes, Fixtures.note("after"), 0)).toBe(1)
            }),
          timeout
        )

        it.effect.skipIf(!caps.savepoints)(
          caps.savepoints
            ? "a failing nested transaction rolls back alone (savepoint); the outer one goes on"
            : skipped("nested rollback", "the adapter declares savepoints: false"),
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              yield* store.transaction(
                Effect.gen(function* () {
                  yield* store.put(notes, Fixtures.note("outer-1"), 0)
                  const inner = yield* Effect.flip(
                    store.transaction(
                      Effect.gen(function* () {
                        yield* store.put(notes, Fixtures.note("inner"), 0)
                        yield* store.put(notes, Fixtures.note("outer-1", { count: 5 }), 1)
                        return yield* new Rollback()
                      })
                    )
                  )
                  expect(inner).toBeInstanceOf(Rollback)
                  yield* store.transaction(store.put(notes, Fixtures.note("inner-ok"), 0))
                  yield* store.put(notes, Fixtures.note("outer-2"), 0)
                })
              )
              const all = yield* Stream.runCollect(store.query(notes))
              expect(all.map((d) => [d.id, d.version])).toEqual([
                ["inner-ok", 1],
                ["outer-1", 1],
                ["outer-2", 1]
              ])
            }),
          timeout
        )

        it.effect.skipIf(caps.savepoints)(
          caps.savepoints
            ? skipped("nested refusal", "the adapter declares savepoints: true")
            : "without savepoints a nested transaction is refused, never silently flattened",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const reason = yield* Effect.flip(
                store.transaction(
                  Effect.andThen(store.put(notes, Fixtures.note("a"), 0), store.transaction(Effect.void))
                )
              )
              expect(reason.reason).toBe("ConstraintViolation")
              expect(yield* Stream.runCollect(store.query(notes))).toEqual([])
            }),
          timeout
        )
      })

      describe("audit log", () => {
        it.effect(
          "appends are sealed in order, read back unchanged, and the chain verifies",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const before = yield* head(store)
              const appended: Array<Audit.Entry> = []
              for (const id of ["a", "b", "c"])
                appended.push(yield* store.appendAudit(event("operatore", notes.name, id)))
              const base = Option.match(before, { onNone: () => 0, onSome: (f) => f.seq })
              expect(appended.map((e) => e.seq)).toEqual([base + 1, base + 2, base + 3])
              expect(appended[0]?.previousHash).toBe(
                Option.match(before, { onNone: () => Audit.genesis, onSome: (f) => f.hash })
              )
              expect(appended[1]?.previousHash).toBe(appended[0]?.hash)
              for (const e of appended) expect(e.hash).toBe(Audit.hashOf(e))
              const stored = yield* entriesSince(store, before)
              expect(stored).toEqual(appended)
              const verified = Audit.verify(stored, Option.getOrUndefined(before))
              expect(Result.isSuccess(verified) && verified.success.head).toEqual({
                seq: base + 3,
                hash: appended[2]?.hash
              })
              const streamed = yield* Audit.verifyStream(
                store.auditLog(Option.match(before, { onNone: () => ({}), onSome: (f) => ({ after: f.seq }) })),
                Option.getOrUndefined(before)
              )
              expect(Result.isSuccess(streamed)).toBe(true)
            }),
          timeout
        )

        it.effect(
          "Audit.event hashes the encoded record; a use-case writes a document and its event in one transaction",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const doc = Fixtures.note("h1", { title: "famiglia", count: 3 })
              const entry = yield* store.transaction(
                Effect.gen(function* () {
                  yield* store.put(notes, doc, 0)
                  const e = yield* Audit.event({
                    actor: "operatore",
                    action: "note.create",
                    collection: notes,
                    record: doc
                  })
                  return yield* store.appendAudit(e)
                })
              )
              expect([entry.entity, entry.id, entry.action]).toEqual([notes.name, "h1", "note.create"])
              const encoded = { amount: null, body: "", count: "3", id: "h1", tags: [], title: "famiglia" }
              expect(entry.recordHash).toBe(Audit.sha256Hex(Audit.canonical(encoded)))
              expect(Date.parse(entry.time)).not.toBeNaN()
            }),
          timeout
        )

        it.effect(
          "concurrent appends get consecutive seqs and one unbroken chain",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const before = yield* head(store)
              yield* Effect.all(
                Array.from({ length: 10 }, (_, i) => store.appendAudit(event(`op${i}`, notes.name, `d${i}`))),
                { concurrency: "unbounded", discard: true }
              )
              const stored = yield* entriesSince(store, before)
              expect(stored.length).toBe(10)
              expect(Result.isSuccess(Audit.verify(stored, Option.getOrUndefined(before)))).toBe(true)
            }),
          timeout
        )

        it.effect(
          "an invalid event is refused and nothing is appended",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const before = yield* head(store)
              const good = event("operatore", "notes", "x")
              for (const bad of [
                { ...good, time: "22/11/2026" },
                { ...good, time: "2026-02-30T10:00:00Z" },
                { ...good, actor: "" },
                { ...good, action: "a\u0000b" },
                { ...good, recordHash: "abc" }
              ]) {
                expect(yield* reasonOf(store.appendAudit(bad)), JSON.stringify(bad)).toBe("ConstraintViolation")
              }
              expect(yield* head(store)).toEqual(before)
            }),
          timeout
        )

        it.effect(
          "tampering with entries read back is detected at the first broken link",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const before = yield* head(store)
              for (const id of ["a", "b", "c", "d"]) yield* store.appendAudit(event("operatore", notes.name, id))
              const stored = yield* entriesSince(store, before)
              const from = Option.getOrUndefined(before)
              const [e1, e2, e3, e4] = stored as [Audit.Entry, Audit.Entry, Audit.Entry, Audit.Entry]
              const rewritten = [e1, { ...e2, actor: "qualcun altro" }, e3, e4]
              const resealed = { ...e2, actor: "qualcun altro" }
              const resealedWithHash = { ...resealed, hash: Audit.hashOf(resealed) }
              const cases: ReadonlyArray<readonly [string, ReadonlyArray<Audit.Entry>, number, string]> = [
                ["field changed", rewritten, e2.seq, "hash"],
                ["field changed and hash recomputed", [e1, resealedWithHash, e3, e4], e3.seq, "previous-hash"],
                ["entry removed", [e1, e3, e4], e3.seq, "sequence"],
                ["entries swapped", [e1, e3, e2, e4], e3.seq, "sequence"]
              ]
              for (const [name, entries, seq, check] of cases) {
                const verified = Audit.verify(entries, from)
                expect(Result.isFailure(verified) && [verified.failure.seq, verified.failure.check], name).toEqual([
                  seq,
                  check
                ])
              }
            }),
          timeout
        )
      })

      describe("unicode and SQL metacharacters in every text field", () => {
        it.effect(
          "round-trip through ids, index values, document fields and audit fields, and are found by equality",
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const before = yield* head(store)
              for (const text of Fixtures.nastyTexts) {
                const doc = Fixtures.note(text, { title: text, tags: [text, `${text}${text}`], body: text })
                expect(yield* store.put(notes, doc, 0), text).toBe(1)
                expect(yield* store.get(notes, text), text).toEqual(Option.some({ id: text, version: 1, value: doc }))
                const found = yield* Stream.runCollect(store.query(notes, { where: { index: "title", equals: text } }))
                expect(ids(found), text).toEqual([text])
                yield* store.appendAudit({ ...event(text, notes.name, text), action: text })
              }
              const entries = yield* entriesSince(store, before)
              expect(entries.map((e) => [e.actor, e.action, e.id])).toEqual(Fixtures.nastyTexts.map((t) => [t, t, t]))
              expect(Result.isSuccess(Audit.verify(entries, Option.getOrUndefined(before)))).toBe(true)
              const all = yield* Stream.runCollect(store.query(notes))
              expect(all.length).toBe(Fixtures.nastyTexts.length)
            }),
          timeout
        )
      })

      describe("large documents", () => {
        const oneMiB = 1024 * 1024
        const fits = caps.maxDocumentBytes === null || caps.maxDocumentBytes >= oneMiB + 4096
        it.effect.skipIf(!fits)(
          fits
            ? "a 1 MiB document round-trips unchanged"
            : skipped("1 MiB documents", `the adapter declares maxDocumentBytes: ${caps.maxDocumentBytes}`),
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const line = "Quartiere ERP — via Padova 7, scala \u201cB\u201d; l'assemblea 'inquilini' \u{1F3E0}\n"
              const body = line.repeat(Math.ceil(oneMiB / line.length))
              const doc = Fixtures.note("grande", { body, tags: Array.from({ length: 1000 }, (_, i) => `t${i}`) })
              expect(yield* store.put(notes, doc, 0)).toBe(1)
              const got = yield* store.get(notes, "grande")
              expect(Option.map(got, (d) => d.value.body.length)).toEqual(Option.some(body.length))
              expect(Option.map(got, (d) => d.value)).toEqual(Option.some(doc))
            }),
          timeout
        )
        const limited = caps.maxDocumentBytes !== null
        it.effect.skipIf(!limited)(
          limited
            ? `a document over maxDocumentBytes (${caps.maxDocumentBytes}) is a ConstraintViolation`
            : skipped("document size limit", "the adapter declares no maxDocumentBytes"),
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const body = "x".repeat((caps.maxDocumentBytes ?? 0) + 1)
              expect(yield* reasonOf(store.put(notes, Fixtures.note("troppo", { body }), 0))).toBe(
                "ConstraintViolation"
              )
            }),
          timeout
        )
      })

      describe("durability across re-open", () => {
        it.effect.skipIf(!caps.durable)(
          caps.durable
            ? "what a closed store committed, a re-opened store reads back; what it rolled back, it does not"
            : skipped("durability", "the adapter declares durable: false"),
          () =>
            Effect.gen(function* () {
              if (reopen === undefined) return yield* Effect.die("durable: true needs runConformance({ reopen })")
              const notes = Fixtures.notes()
              const doc = Fixtures.note("durevole", { title: "resta", body: Fixtures.nastyTexts.join("|") })
              const before = yield* Effect.scoped(
                Effect.gen(function* () {
                  const store = yield* buildStore(options.layer)
                  const before = yield* head(store)
                  yield* store.transaction(
                    Effect.andThen(
                      store.put(notes, doc, 0),
                      store.appendAudit(event("operatore", notes.name, "durevole"))
                    )
                  )
                  yield* Effect.exit(
                    store.transaction(Effect.andThen(store.put(notes, Fixtures.note("effimero"), 0), Effect.fail("no")))
                  )
                  return before
                })
              )
              yield* Effect.scoped(
                Effect.gen(function* () {
                  const store = yield* buildStore(reopen)
                  expect(yield* store.get(notes, "durevole")).toEqual(
                    Option.some({ id: "durevole", version: 1, value: doc })
                  )
                  expect(yield* store.get(notes, "effimero")).toEqual(Option.none())
                  const entries = yield* entriesSince(store, before)
                  expect(entries.map((e) => e.id)).toContain("durevole")
                  expect(Result.isSuccess(Audit.verify(entries, Option.getOrUndefined(before)))).toBe(true)
                  expect(yield* store.put(notes, { ...doc, title: "riaperto" }, 1)).toBe(2)
                })
              )
            }),
          timeout
        )
      })

      describe("concurrent writers", () => {
        it.effect.skipIf(!caps.concurrentWriters)(
          caps.concurrentWriters
            ? "two handles on the same data updating one document at the same version: one wins, one gets Conflict"
            : skipped("concurrent writers", "the adapter declares concurrentWriters: false"),
          () =>
            Effect.gen(function* () {
              if (reopen === undefined)
                return yield* Effect.die("concurrentWriters: true needs runConformance({ reopen })")
              const first = yield* Store.Store
              const second = yield* buildStore(reopen)
              const notes = Fixtures.notes()
              yield* first.put(notes, Fixtures.note("conteso", { count: 0 }), 0)
              const attempt = (store: Store.Service, count: number) =>
                Effect.result(
                  store.transaction(
                    Effect.andThen(store.put(notes, Fixtures.note("conteso", { count }), 1), Effect.sleep("30 millis"))
                  )
                )
              const [a, b] = yield* Effect.all([attempt(first, 1), attempt(second, 2)], { concurrency: 2 })
              const outcomes = [a, b].map((r) => (Result.isSuccess(r) ? "won" : r.failure.reason)).sort()
              expect(outcomes).toEqual(["Conflict", "won"])
              const winner = Result.isSuccess(a) ? 1 : 2
              for (const store of [first, second]) {
                const got = yield* store.get(notes, "conteso")
                expect(Option.map(got, (d) => [d.version, d.value.count])).toEqual(Option.some([2, winner]))
              }
            }),
          timeout
        )
      })

      describe("model-based", () => {
        it.effect(
          `${numRuns} random command sequences agree with the model (put, get, delete, query, pages, audit, transactions)`,
          () =>
            Effect.gen(function* () {
              const store = yield* Store.Store
              yield* Effect.promise(() =>
                fc.assert(
                  fc.asyncProperty(Model.commands(caps.savepoints), (commands) =>
                    Effect.runPromise(Model.run(store, commands))
                  ),
                  { numRuns }
                )
              )
            }),
          Math.max(timeout, 240_000)
        )
      })

      describe("tampering with the stored log", () => {
        const tamper = options.tamper
        it.effect.skipIf(tamper === undefined)(
          tamper === undefined
            ? skipped("stored tampering", "no `tamper` hook given (checked on entries read back instead)")
            : "an entry changed behind the store's back breaks the chain at that entry",
          () =>
            Effect.gen(function* () {
              if (tamper === undefined) return
              const store = yield* Store.Store
              const notes = Fixtures.notes()
              const before = yield* head(store)
              const appended: Array<Audit.Entry> = []
              for (const id of ["a", "b", "c"])
                appended.push(yield* store.appendAudit(event("operatore", notes.name, id)))
              const target = appended[1] as Audit.Entry
              yield* tamper(target)
              const verified = yield* Audit.verifyStream(
                store.auditLog(Option.match(before, { onNone: () => ({}), onSome: (f) => ({ after: f.seq }) })),
                Option.getOrUndefined(before)
              )
              expect(Result.isFailure(verified) && verified.failure.seq).toBe(target.seq)
            }),
          timeout
        )
      })
    }
  )
}
