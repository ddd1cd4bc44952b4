/**
 * The reference Store: documents and the audit log in immutable maps (Effect's `HashMap`), so
 * a transaction is a copy-on-write snapshot — it works on its own version of the state and
 * replaces the committed state in one assignment when it succeeds, or drops it when it fails.
 * A nested transaction remembers the snapshot it started from and goes back to it when it
 * fails (a savepoint for the price of one pointer).
 *
 * Writers are serialised by one lock (a transaction holds it until it ends), readers never
 * wait: a read outside a transaction sees the last committed state. Nothing is durable: the
 * data lives as long as the layer.
 *
 * @since 0.1.0
 */
import { type Audit, type Collection, Store, StoreBackend, StoreError } from "@quartieri/core"
import { Context, Effect, Exit, HashMap, Layer, Option, Semaphore } from "effect"

interface Row {
  readonly version: number
  /** The encoded document; `null` once deleted (the row keeps the version so it only grows). */
  readonly json: string | null
  readonly indexes: { readonly [name: string]: Collection.IndexValue }
}

interface State {
  readonly collections: HashMap.HashMap<string, HashMap.HashMap<string, Row>>
  /** The index declaration each collection's rows are indexed under. */
  readonly layouts: HashMap.HashMap<string, string>
  readonly audit: HashMap.HashMap<number, Audit.Entry>
  readonly auditSize: number
}

interface Working {
  state: State
  open: boolean
}

/**
 * What the memory store promises: not durable, one handle only, savepoints, no size limit.
 *
 * @since 0.1.0
 * @category models
 */
export const capabilities: StoreBackend.Capabilities = {
  durable: false,
  concurrentWriters: false,
  savepoints: true,
  maxDocumentBytes: null
}

let instances = 0

/**
 * A fresh, empty memory backend.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeBackend: Effect.Effect<StoreBackend.Backend> = Effect.sync(() => {
  let committed: State = {
    collections: HashMap.empty(),
    layouts: HashMap.empty(),
    audit: HashMap.empty(),
    auditSize: 0
  }
  const lock = Semaphore.makeUnsafe(1)
  const Transaction = Context.Service<Working>(`@quartieri/storage-memory/Transaction/${instances++}`)

  const read: Effect.Effect<State> = Effect.map(Effect.serviceOption(Transaction), (working) =>
    Option.isSome(working) ? working.value.state : committed
  )

  /** Applies `f` to the state: inside a transaction to its working copy, else under the lock. */
  const write = <A>(f: (state: State) => Effect.Effect<readonly [A, State], StoreError.StoreError>) =>
    Effect.flatMap(Effect.serviceOption(Transaction), (working) => {
      if (Option.isSome(working)) {
        const w = working.value
        if (!w.open) {
          return Effect.fail(
            StoreError.unavailable({ operation: "write", detail: "the transaction this fiber belonged to has ended" })
          )
        }
        return Effect.map(f(w.state), ([a, next]) => {
          w.state = next
          return a
        })
      }
      return lock.withPermit(
        Effect.suspend(() =>
          Effect.map(f(committed), ([a, next]) => {
            committed = next
            return a
          })
        )
      )
    })

  const rowsOf = (state: State, name: string) =>
    Option.getOrElse(HashMap.get(state.collections, name), () => HashMap.empty<string, Row>())

  const rowOf = (state: State, name: string, id: string) => Option.getOrUndefined(HashMap.get(rowsOf(state, name), id))

  const withRow = (state: State, name: string, id: string, row: Row): State => ({
    ...state,
    collections: HashMap.set(state.collections, name, HashMap.set(rowsOf(state, name), id, row))
  })

  const liveVersion = (row: Row | undefined) => (row === undefined || row.json === null ? 0 : row.version)

  const signatureOf = (layout: Collection.Layout) => JSON.stringify(layout.indexes.map((i) => [i.name, i.type]))

  /**
   * Makes the collection's rows indexed under `layout`: when the declared indexes changed since
   * the rows were written, every live row's index values are computed again from its document.
   */
  const ensure = (layout: Collection.Layout): Effect.Effect<void, StoreError.StoreError> => {
    const signature = signatureOf(layout)
    return Effect.flatMap(read, (state) =>
      Option.getOrUndefined(HashMap.get(state.layouts, layout.name)) === signature
        ? Effect.void
        : write((state) =>
            Effect.gen(function* () {
              let rows = rowsOf(state, layout.name)
              if (Option.getOrUndefined(HashMap.get(state.layouts, layout.name)) !== signature) {
                for (const [id, row] of HashMap.entries(rows)) {
                  if (row.json === null) continue
                  const indexes = yield* layout.indexValues(id, row.json)
                  rows = HashMap.set(rows, id, { ...row, indexes })
                }
              }
              const next: State = {
                ...state,
                collections: HashMap.set(state.collections, layout.name, rows),
                layouts: HashMap.set(state.layouts, layout.name, signature)
              }
              return [undefined, next] as const
            })
          )
    )
  }

  const backend: StoreBackend.Backend = {
    capabilities,

    get: (layout, id) =>
      Effect.map(read, (state) => {
        const row = rowOf(state, layout.name, id)
        return row === undefined || row.json === null
          ? Option.none()
          : Option.some({ id, version: row.version, json: row.json })
      }),

    put: (layout, document, expectedVersion) =>
      Effect.andThen(
        ensure(layout),
        write((state) => {
          const row = rowOf(state, layout.name, document.id)
          const actual = liveVersion(row)
          if (actual !== expectedVersion) {
            return Effect.fail(
              StoreError.versionConflict({
                operation: "put",
                collection: layout.name,
                id: document.id,
                expected: expectedVersion,
                actual
              })
            )
          }
          const version = (row?.version ?? 0) + 1
          const next = withRow(state, layout.name, document.id, {
            version,
            json: document.json,
            indexes: document.indexes
          })
          return Effect.succeed([version, next] as const)
        })
      ),

    delete: (layout, id, expectedVersion) =>
      write((state) => {
        const row = rowOf(state, layout.name, id)
        const actual = liveVersion(row)
        if (row === undefined || actual !== expectedVersion) {
          return Effect.fail(
            StoreError.versionConflict({
              operation: "delete",
              collection: layout.name,
              id,
              expected: expectedVersion,
              actual
            })
          )
        }
        return Effect.succeed([
          undefined,
          withRow(state, layout.name, id, { version: row.version, json: null, indexes: {} })
        ] as const)
      }),

    page: (layout, request) =>
      Effect.andThen(
        ensure(layout),
        Effect.map(read, (state) => {
          const rows: Array<StoreBackend.PageRow> = []
          for (const [id, row] of HashMap.entries(rowsOf(state, layout.name))) {
            if (row.json === null) continue
            if (
              request.where !== undefined &&
              !StoreBackend.matches(request.where, row.indexes[request.where.index] ?? null)
            ) {
              continue
            }
            const key = request.orderBy === undefined ? null : (row.indexes[request.orderBy] ?? null)
            const position = { key, id }
            if (request.after !== undefined && StoreBackend.comparePositions(position, request.after) <= 0) continue
            rows.push({ id, version: row.version, json: row.json, key })
          }
          return rows.sort(StoreBackend.comparePositions).slice(0, request.limit)
        })
      ),

    transaction: (effect) =>
      Effect.flatMap(Effect.serviceOption(Transaction), (outer) => {
        if (Option.isSome(outer)) {
          // a savepoint: go back to this snapshot if the nested effect does not succeed
          const w = outer.value
          const snapshot = w.state
          return Effect.onExit(effect, (exit) =>
            Effect.sync(() => {
              if (!Exit.isSuccess(exit)) w.state = snapshot
            })
          )
        }
        return lock.withPermit(
          Effect.suspend(() => {
            const working: Working = { state: committed, open: true }
            return effect.pipe(
              Effect.provideService(Transaction, working),
              Effect.onExit((exit) =>
                Effect.sync(() => {
                  working.open = false
                  if (Exit.isSuccess(exit)) committed = working.state
                })
              )
            )
          })
        )
      }),

    appendAudit: (seal) =>
      write((state) => {
        const previous = HashMap.get(state.audit, state.auditSize)
        const entry = seal(previous)
        return Effect.succeed([
          entry,
          { ...state, audit: HashMap.set(state.audit, entry.seq, entry), auditSize: entry.seq }
        ] as const)
      }),

    auditPage: (afterSeq, limit) =>
      Effect.map(read, (state) => {
        const entries: Array<Audit.Entry> = []
        for (let seq = afterSeq + 1; seq <= state.auditSize && entries.length < limit; seq++) {
          const entry = HashMap.get(state.audit, seq)
          if (Option.isSome(entry)) entries.push(entry.value)
        }
        return entries
      })
  }
  return backend
})

/**
 * A fresh, empty memory Store (each build of the layer is a new store).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (): Layer.Layer<Store.Store> => Layer.effect(Store.Store, Effect.map(makeBackend, Store.make))
