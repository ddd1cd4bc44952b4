/**
 * Model-based testing: random sequences of commands (put, get, delete, query, paging, audit,
 * transactions that commit or fail, nested ones when the store has savepoints) run against a
 * store and against a model of what a store must do — a few maps and a sort, written here
 * independently of every adapter and of core's own helpers (its order compares code-point
 * arrays; core's uses a UTF-16 fix-up). After every command the two must agree: same result,
 * same error reason, same documents in the same order.
 *
 * @since 0.1.0
 */

import { expect } from "@effect/vitest"
import { Audit, type Store, type StoreError } from "@quartieri/core"
import { Effect, Option, Result, Stream } from "effect"
import fc from "fast-check"
import * as Fixtures from "./Fixtures.js"

type Expectation = "current" | number

/**
 * A command of a model run.
 *
 * @since 0.1.0
 * @category models
 */
export type Command =
  | {
      readonly _tag: "Put"
      readonly id: string
      readonly title: string | null
      readonly amount: number | null
      readonly count: number
      readonly expect: Expectation
    }
  | { readonly _tag: "Get"; readonly id: string }
  | { readonly _tag: "Delete"; readonly id: string; readonly expect: Expectation }
  | { readonly _tag: "Query"; readonly query: ModelQuery }
  | { readonly _tag: "Pages"; readonly query: ModelQuery; readonly size: number }
  | { readonly _tag: "Audit"; readonly actor: string; readonly id: string }
  | { readonly _tag: "Transaction"; readonly commands: ReadonlyArray<Command>; readonly fail: boolean }

/**
 * A query as the model understands it.
 *
 * @since 0.1.0
 * @category models
 */
export interface ModelQuery {
  readonly where?: Store.Where
  readonly orderBy?: "title" | "amount"
  readonly limit?: number
}

const ids = ["a", "b", "B", "\u00e9", "\uE000", "\u{1F600}", "x'; DROP TABLE t;--", "%_", "10", "9"]
// most commands hit a few "hot" ids, so sequences such as put, delete, re-create are common
const arbId = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("a", "\uE000", "\u{1F600}") },
  { weight: 1, arbitrary: fc.constantFrom(...ids) }
)
const titles: ReadonlyArray<string | null> = [
  null,
  "",
  "a",
  "A",
  "b",
  "\u00e9",
  "e\u0301",
  "\uE000",
  "\u{1F600}",
  "O'Brien",
  "%"
]
const amounts: ReadonlyArray<number | null> = [null, -1e15, -1.5, 0, 0.1, 1, 2, 10, 1e15]

const arbQuery: fc.Arbitrary<ModelQuery> = fc.record(
  {
    where: fc.oneof(
      fc.record({ index: fc.constant("title"), equals: fc.constantFrom(...titles) }),
      fc.record({ index: fc.constant("amount"), equals: fc.constantFrom(...amounts) }),
      fc.record(
        {
          index: fc.constant("amount"),
          gt: fc.constantFrom(-2, 0, 1),
          gte: fc.constantFrom(-2, 0, 1),
          lt: fc.constantFrom(2, 10),
          lte: fc.constantFrom(0.1, 10)
        },
        { requiredKeys: ["index"] }
      ),
      fc.record(
        {
          index: fc.constant("title"),
          gte: fc.constantFrom("", "B", "a"),
          lt: fc.constantFrom("b", "\uE000", "\u{1F600}", "\u{10FFFF}")
        },
        { requiredKeys: ["index"] }
      )
    ),
    orderBy: fc.constantFrom("title" as const, "amount" as const),
    limit: fc.integer({ min: 1, max: 6 })
  },
  { requiredKeys: [] }
)

const arbExpect: fc.Arbitrary<Expectation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant("current" as const) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }) }
)

const arbCommand = (depth: number, savepoints: boolean): fc.Arbitrary<Command> => {
  const simple: Array<fc.Arbitrary<Command>> = [
    fc.record({
      _tag: fc.constant("Put" as const),
      id: arbId,
      title: fc.constantFrom(...titles),
      amount: fc.constantFrom(...amounts),
      count: fc.integer({ min: -1000, max: 1000 }),
      expect: arbExpect
    }),
    fc.record({ _tag: fc.constant("Get" as const), id: arbId }),
    fc.record({ _tag: fc.constant("Delete" as const), id: arbId, expect: arbExpect }),
    fc.record({ _tag: fc.constant("Query" as const), query: arbQuery }),
    fc.record({ _tag: fc.constant("Pages" as const), query: arbQuery, size: fc.integer({ min: 1, max: 4 }) }),
    fc.record({
      _tag: fc.constant("Audit" as const),
      actor: fc.constantFrom("operatore@comune", "coordinatore", Fixtures.nastyTexts[0] ?? "x"),
      id: fc.constantFrom(...ids)
    })
  ]
  const canNest = depth === 0 || (depth === 1 && savepoints)
  if (!canNest) return fc.oneof(...simple)
  const transaction = fc.record({
    _tag: fc.constant("Transaction" as const),
    commands: fc.array(arbCommand(depth + 1, savepoints), { maxLength: 6 }),
    fail: fc.boolean()
  })
  return fc.oneof({ weight: 6, arbitrary: fc.oneof(...simple) }, { weight: 1, arbitrary: transaction })
}

/**
 * Random command sequences for a store that has (or lacks) savepoints.
 *
 * @since 0.1.0
 * @category constructors
 */
export const commands = (savepoints: boolean): fc.Arbitrary<ReadonlyArray<Command>> =>
  fc.array(arbCommand(0, savepoints), { minLength: 1, maxLength: 25 })

// ---------------------------------------------------------------------------------------------
// The model

interface ModelRow {
  readonly version: number
  readonly note: Fixtures.Note | null
}

interface ModelState {
  readonly rows: Map<string, ModelRow>
  readonly audit: Array<{ readonly actor: string; readonly id: string; readonly recordHash: string }>
}

const copy = (state: ModelState): ModelState => ({ rows: new Map(state.rows), audit: [...state.audit] })

const codePoints = (s: string): Array<number> => Array.from(s, (c) => c.codePointAt(0) ?? 0)

const compareCodePoints = (a: string, b: string): number => {
  const x = codePoints(a)
  const y = codePoints(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d
  }
  return x.length - y.length
}

const compareValues = (a: string | number | null, b: string | number | null): number => {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1
  if (typeof a === "number" && typeof b === "number") return a - b
  return compareCodePoints(String(a), String(b))
}

const indexValueOf = (note: Fixtures.Note, index: string): string | number | null =>
  index === "title" ? note.title : index === "amount" ? note.amount : null

const satisfies = (where: Store.Where, value: string | number | null): boolean => {
  if ("equals" in where) return compareValues(value, where.equals) === 0 && (value === null) === (where.equals === null)
  if (value === null) return false
  return (
    (where.gt === undefined || compareValues(value, where.gt) > 0) &&
    (where.gte === undefined || compareValues(value, where.gte) >= 0) &&
    (where.lt === undefined || compareValues(value, where.lt) < 0) &&
    (where.lte === undefined || compareValues(value, where.lte) <= 0)
  )
}

const modelQuery = (state: ModelState, query: ModelQuery): Array<Store.Versioned<Fixtures.Note>> => {
  const live: Array<Store.Versioned<Fixtures.Note>> = []
  for (const [id, row] of state.rows) if (row.note !== null) live.push({ id, version: row.version, value: row.note })
  const where = query.where
  const matching = where === undefined ? live : live.filter((d) => satisfies(where, indexValueOf(d.value, where.index)))
  const orderBy = query.orderBy
  matching.sort((a, b) => {
    const byValue =
      orderBy === undefined ? 0 : compareValues(indexValueOf(a.value, orderBy), indexValueOf(b.value, orderBy))
    return byValue !== 0 ? byValue : compareCodePoints(a.id, b.id)
  })
  return query.limit === undefined ? matching : matching.slice(0, query.limit)
}

const toQuery = (query: ModelQuery): Store.Query => ({
  ...(query.where === undefined ? {} : { where: query.where }),
  ...(query.orderBy === undefined ? {} : { orderBy: query.orderBy }),
  ...(query.limit === undefined ? {} : { limit: query.limit })
})

class Rollback {
  readonly _tag = "Rollback"
}

type Outcome<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly reason: StoreError.Reason }

const outcome = <A>(effect: Effect.Effect<A, StoreError.StoreError>): Effect.Effect<Outcome<A>> =>
  Effect.map(Effect.result(effect), (r) =>
    Result.isSuccess(r) ? { ok: true, value: r.success } : { ok: false, reason: r.failure.reason }
  )

const describeCommand = (c: Command): string => JSON.stringify(c)

/**
 * Runs `commands` on `store` (on a fresh collection) and on the model, asserting after every
 * command that they agree; at the end, compares the whole collection and the audit entries
 * appended by the run, and verifies their chain.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = (store: Store.Service, commands: ReadonlyArray<Command>): Effect.Effect<void, unknown> =>
  Effect.gen(function* () {
    const collection = Fixtures.notes()
    const head = yield* Stream.runLast(store.auditLog())
    const from = Option.map(head, (e) => ({ seq: e.seq, hash: e.hash }))
    let model: ModelState = { rows: new Map(), audit: [] }

    const exec = (c: Command): Effect.Effect<void, unknown> =>
      Effect.gen(function* () {
        const label = describeCommand(c)
        switch (c._tag) {
          case "Put": {
            const row = model.rows.get(c.id)
            const current = row?.note ? row.version : 0
            const expected = c.expect === "current" ? current : c.expect
            const note = Fixtures.note(c.id, { title: c.title, amount: c.amount, count: c.count, tags: [c.id] })
            const got = yield* outcome(store.put(collection, note, expected))
            if (expected === current) {
              const version = (row?.version ?? 0) + 1
              expect(got, label).toEqual({ ok: true, value: version })
              model.rows.set(c.id, { version, note })
            } else {
              expect(got, label).toEqual({ ok: false, reason: "Conflict" })
            }
            return
          }
          case "Get": {
            const row = model.rows.get(c.id)
            const got = yield* store.get(collection, c.id)
            expect(got, label).toEqual(
              row?.note ? Option.some({ id: c.id, version: row.version, value: row.note }) : Option.none()
            )
            return
          }
          case "Delete": {
            const row = model.rows.get(c.id)
            const current = row?.note ? row.version : 0
            const expected = c.expect === "current" ? current : c.expect
            const got = yield* outcome(store.delete(collection, c.id, expected))
            if (expected < 1) expect(got, label).toEqual({ ok: false, reason: "ConstraintViolation" })
            else if (row !== undefined && expected === current) {
              expect(got, label).toEqual({ ok: true, value: undefined })
              model.rows.set(c.id, { version: row.version, note: null })
            } else expect(got, label).toEqual({ ok: false, reason: "Conflict" })
            return
          }
          case "Query": {
            const got = yield* Stream.runCollect(store.query(collection, toQuery(c.query)))
            expect(got, label).toEqual(modelQuery(model, c.query))
            return
          }
          case "Pages": {
            // paging with any page size visits every matching document exactly once, in order
            const { limit: _, ...rest } = c.query
            const seen: Array<Store.Versioned<Fixtures.Note>> = []
            let after: string | undefined
            for (let guard = 0; guard < 100; guard++) {
              const page = yield* store.page(collection, {
                ...toQuery(rest),
                limit: c.size,
                ...(after === undefined ? {} : { after })
              })
              expect(page.items.length, label).toBeLessThanOrEqual(c.size)
              seen.push(...page.items)
              if (Option.isNone(page.next)) break
              after = page.next.value
            }
            expect(seen, label).toEqual(modelQuery(model, rest))
            return
          }
          case "Audit": {
            const recordHash = Audit.sha256Hex(c.id)
            const entry = yield* store.appendAudit({
              time: "2026-11-22T09:30:00.000Z",
              actor: c.actor,
              action: "model.audit",
              entity: collection.name,
              id: c.id,
              recordHash
            })
            const seq = Option.match(from, { onNone: () => 0, onSome: (f) => f.seq }) + model.audit.length + 1
            expect(entry.seq, label).toBe(seq)
            model.audit.push({ actor: c.actor, id: c.id, recordHash })
            return
          }
          case "Transaction": {
            const before = model
            model = copy(model)
            const body = Effect.gen(function* () {
              for (const inner of c.commands) yield* exec(inner)
              if (c.fail) return yield* Effect.fail(new Rollback())
            })
            const result = yield* Effect.result(store.transaction(body))
            if (c.fail) {
              expect(Result.isFailure(result) && result.failure instanceof Rollback, label).toBe(true)
              model = before
            } else if (Result.isFailure(result)) {
              return yield* Effect.fail(result.failure)
            }
            return
          }
        }
      })

    for (const c of commands) yield* exec(c)

    const all = yield* Stream.runCollect(store.query(collection))
    expect(all, "the whole collection at the end").toEqual(modelQuery(model, {}))
    const entries = yield* Stream.runCollect(
      store.auditLog(Option.match(from, { onNone: () => ({}), onSome: (f) => ({ after: f.seq }) }))
    )
    expect(
      entries.map((e) => ({ actor: e.actor, id: e.id, recordHash: e.recordHash })),
      "the audit entries of the run"
    ).toEqual(model.audit)
    const verified = Audit.verify(entries, Option.getOrUndefined(from))
    expect(Result.isSuccess(verified), Result.isFailure(verified) ? verified.failure.message : "").toBe(true)
  })
