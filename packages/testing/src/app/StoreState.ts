/**
 * What a store holds, read through the `Store` port, for tests that compare states before and
 * after an operation: the list of documents with their versions, the audit log, the number of
 * committed writes, and an isolated run that is rolled back whatever it does.
 *
 * @since 0.1.0
 */
import { App, type Audit, Store, type StoreError } from "@quartieri/core"
import { Data, Effect, Exit, Layer, Stream } from "effect"

/**
 * Every document of every collection of the application as `collection/id@version`.
 *
 * @since 0.1.0
 * @category utils
 */
export const documents: Effect.Effect<ReadonlyArray<string>, StoreError.StoreError, Store.Store> = Effect.gen(
  function* () {
    const store = yield* Store.Store
    const docs: Array<string> = []
    for (const c of App.Collections.all) {
      const all: ReadonlyArray<Store.Versioned<unknown>> = yield* Stream.runCollect(
        store.query(c as App.Collections.AnyCollection)
      )
      for (const d of all) docs.push(`${c.name}/${d.id}@${d.version}`)
    }
    return docs
  }
)

/**
 * Every document of every collection of the application, decoded, as `[collection, id,
 * value]`.
 *
 * @since 0.1.0
 * @category utils
 */
export const contents: Effect.Effect<
  ReadonlyArray<readonly [string, string, unknown]>,
  StoreError.StoreError,
  Store.Store
> = Effect.gen(function* () {
  const store = yield* Store.Store
  const docs: Array<readonly [string, string, unknown]> = []
  for (const c of App.Collections.all) {
    const all: ReadonlyArray<Store.Versioned<unknown>> = yield* Stream.runCollect(
      store.query(c as App.Collections.AnyCollection)
    )
    for (const d of all) docs.push([c.name, d.id, d.value])
  }
  return docs
})

/**
 * The number of committed writes: every put makes a version, so the sum of the versions of
 * every document of every collection counts them (the application never deletes a document: an
 * erasure overwrites it with a tombstone).
 *
 * @since 0.1.0
 * @category utils
 */
export const committedWrites: Effect.Effect<number, StoreError.StoreError, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store
  let total = 0
  for (const collection of App.Collections.all) {
    const docs: ReadonlyArray<Store.Versioned<unknown>> = yield* Stream.runCollect(
      store.query(collection as App.Collections.AnyCollection)
    )
    for (const d of docs) total += d.version
  }
  return total
})

/**
 * The whole audit log.
 *
 * @since 0.1.0
 * @category utils
 */
export const auditLog: Effect.Effect<ReadonlyArray<Audit.Entry>, StoreError.StoreError, Store.Store> = Effect.gen(
  function* () {
    const store = yield* Store.Store
    return yield* Stream.runCollect(store.auditLog())
  }
)

class Rollback extends Data.TaggedError("StoreStateRollback") {}

/**
 * Runs `effect` inside a store transaction that is always rolled back, and returns how it
 * ended. The use-cases' own transactions become savepoints of it, so on any adapter (a SQLite
 * file, a PostgreSQL server) one seeded store serves many independent runs: each sees the
 * seed, none sees another's writes. Whatever `effect` checks must be read inside it.
 *
 * @since 0.1.0
 * @category utils
 */
export const isolated = <A, E, R>(
  effect: Effect.Effect<A, E, R>
): Effect.Effect<Exit.Exit<A, E>, StoreError.StoreError, R | Store.Store> =>
  Effect.gen(function* () {
    const store = yield* Store.Store
    let ended: Exit.Exit<A, E> | undefined
    yield* store
      .transaction(
        Effect.flatMap(Effect.exit(effect), (exit) => {
          ended = exit
          return Effect.fail(new Rollback())
        })
      )
      .pipe(
        Effect.catchIf(
          (e): e is Rollback => e instanceof Rollback,
          () => Effect.void
        )
      )
    return ended ?? Exit.die(new Error("the isolated run did not end"))
  })

/**
 * The use-cases over `store`, with `seed` written once when the layer is built and every
 * collection read once: an SQL adapter creates a collection's table on first use, so created
 * here it is not created again — and rolled back — by every {@link isolated} run.
 *
 * @since 0.1.0
 * @category layers
 */
export const seeded = <ROut, E>(
  seed: Effect.Effect<void, never, App.Quartieri.Quartieri>,
  store: Layer.Layer<Store.Store | ROut, E>
): Layer.Layer<App.Quartieri.Quartieri | App.Quartieri.Areas | Store.Store | ROut, E> =>
  Layer.effectDiscard(Effect.andThen(seed, Effect.orDie(documents))).pipe(
    Layer.provideMerge(App.Quartieri.layerOn(store))
  )
