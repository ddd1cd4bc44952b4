/**
 * The conformance kit is only worth something if it fails broken adapters. Each case wraps the
 * memory backend with one classic bug and checks that the model-based runs find it.
 */

import { describe, expect, it } from "@effect/vitest"
import { Collection, Store, type StoreBackend } from "@quartieri/core"
import { MemoryStore } from "@quartieri/storage-memory"
import { Model } from "@quartieri/storage-testkit"
import { Effect, Option } from "effect"
import fc from "fast-check"

type Bug = (backend: StoreBackend.Backend) => StoreBackend.Backend

const bugs: ReadonlyArray<readonly [string, Bug]> = [
  [
    "a lost update: put ignores the expected version",
    (b) => ({
      ...b,
      put: (layout, document, _expected) =>
        Effect.flatMap(b.get(layout, document.id), (row) =>
          b.put(layout, document, Option.match(row, { onNone: () => 0, onSome: (r) => r.version }))
        )
    })
  ],
  ["a transaction that is not atomic", (b) => ({ ...b, transaction: (effect) => effect })],
  [
    "strings ordered by UTF-16 code units instead of code points",
    (b) => ({
      ...b,
      page: (layout, request) =>
        Effect.map(b.page(layout, { ...request, after: undefined, limit: Number.MAX_SAFE_INTEGER }), (rows) => {
          const utf16 = (x: string | number | null, y: string | number | null) =>
            x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1
          const sorted = [...rows].sort((x, y) => utf16(x.key, y.key) || utf16(x.id, y.id))
          const after = request.after
          const start =
            after === undefined
              ? 0
              : sorted.findIndex(
                  (r) => utf16(r.key, after.key) > 0 || (r.key === after.key && utf16(r.id, after.id) > 0)
                )
          return start < 0 ? [] : sorted.slice(start, start + request.limit)
        })
    })
  ],
  [
    "a delete that forgets the version, so a re-created document starts again at 1",
    (b) => {
      const deleted = new Set<string>()
      return {
        ...b,
        delete: (layout, id, expected) =>
          Effect.tap(b.delete(layout, id, expected), () => Effect.sync(() => deleted.add(`${layout.name}/${id}`))),
        put: (layout, document, expected) =>
          Effect.map(b.put(layout, document, expected), (version) =>
            deleted.has(`${layout.name}/${document.id}`) && expected === 0 ? 1 : version
          )
      }
    }
  ],
  [
    "an audit log that is not chained",
    (b) => ({ ...b, appendAudit: (seal) => b.appendAudit(() => seal(Option.none())) })
  ]
]

describe("the kit catches broken adapters", () => {
  for (const [name, bug] of bugs) {
    it(`finds ${name}`, async () => {
      const store = Store.make(bug(await Effect.runPromise(MemoryStore.makeBackend)))
      const run = fc.assert(
        fc.asyncProperty(Model.commands(true), (commands) => Effect.runPromise(Model.run(store, commands))),
        { numRuns: 300, endOnFailure: true }
      )
      await expect(run).rejects.toThrow()
    })
  }

  it("and passes the memory store itself", async () => {
    const store = Store.make(await Effect.runPromise(MemoryStore.makeBackend))
    await fc.assert(
      fc.asyncProperty(Model.commands(true), (commands) => Effect.runPromise(Model.run(store, commands))),
      { numRuns: 50 }
    )
    expect(Collection.compareIds("\uE000", "\u{1F600}")).toBeLessThan(0)
  })
})
