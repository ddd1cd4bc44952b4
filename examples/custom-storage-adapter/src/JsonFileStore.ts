/**
 * A Store that keeps everything in one JSON file: the smallest useful adapter, written against
 * `StoreBackend.Backend` from `@quartieri/core` and proved with `@quartieri/storage-testkit`.
 * Read docs/guides/writing-a-storage-adapter.md beside it.
 *
 * How it keeps the contract:
 * - the whole state lives in memory; every commit writes the file anew to a temporary file,
 *   flushes it to disk and renames it over the old one, so the file is always either the old or
 *   the new state (durable, never half-written);
 * - a transaction works on a copy of the state and holds a lock until it ends; a nested one
 *   keeps a copy to go back to (savepoints); single writes outside a transaction are
 *   transactions of one write;
 * - one process only: the lock is in memory, so `concurrentWriters` is `false`.
 *
 * @since 0.1.0
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs"
import { type Audit, type Collection, Store, StoreBackend, StoreError } from "@quartieri/core"
import { Context, Effect, Exit, Layer, Option, Semaphore } from "effect"

interface Row {
  readonly version: number
  readonly json: string | null
  readonly indexes: { readonly [name: string]: Collection.IndexValue }
}

interface State {
  readonly collections: Record<string, Record<string, Row>>
  /** The index declaration each collection's rows are indexed under. */
  readonly layouts: Record<string, string>
  readonly audit: Array<Audit.Entry>
}

/** What this store declares. */
export const capabilities: StoreBackend.Capabilities = {
  durable: true,
  concurrentWriters: false,
  savepoints: true,
  maxDocumentBytes: null
}

const load = (file: string): State =>
  existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as State) : { collections: {}, layouts: {}, audit: [] }

const save = (file: string, state: State): void => {
  const temporary = `${file}.tmp`
  const fd = openSync(temporary, "w")
  try {
    writeSync(fd, JSON.stringify(state))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, file)
}

let instances = 0

/** The backend on `file` (created on the first commit). */
export const makeBackend = (file: string): Effect.Effect<StoreBackend.Backend, StoreError.StoreError> =>
  Effect.gen(function* () {
    let committed = yield* Effect.try({
      try: () => load(file),
      catch: (cause) => StoreError.corrupted({ operation: "open", detail: `cannot read ${file}`, cause })
    })
    const lock = yield* Semaphore.make(1)
    const Working = Context.Service<{ state: State }>(`example/JsonFileStore/${instances++}`)

    const current = Effect.map(Effect.serviceOption(Working), (w) => (Option.isSome(w) ? w.value.state : committed))

    /** One atomic commit: run `effect` on a copy, write the file, then publish the copy. */
    const transaction = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | StoreError.StoreError, R> =>
      Effect.flatMap(Effect.serviceOption(Working), (outer) => {
        if (Option.isSome(outer)) {
          const snapshot = structuredClone(outer.value.state)
          return Effect.onExit(effect, (exit) =>
            Effect.sync(() => {
              if (Exit.isFailure(exit)) outer.value.state = snapshot
            })
          )
        }
        return lock.withPermit(
          Effect.gen(function* () {
            const working = { state: structuredClone(committed) }
            const result = yield* Effect.provideService(effect, Working, working)
            yield* Effect.try({
              try: () => save(file, working.state),
              catch: (cause) => StoreError.unavailable({ operation: "commit", detail: `cannot write ${file}`, cause })
            })
            committed = working.state
            return result
          })
        )
      })

    /** A change of the working state; outside a transaction, a transaction of its own. */
    const change = <A>(f: (state: State) => Effect.Effect<A, StoreError.StoreError>) =>
      Effect.flatMap(Effect.serviceOption(Working), (w) =>
        Option.isSome(w)
          ? f(w.value.state)
          : transaction(Effect.flatMap(Effect.serviceOption(Working), (inner) => f(Option.getOrThrow(inner).state)))
      )

    const rowOf = (state: State, collection: string, id: string): Row | undefined => state.collections[collection]?.[id]
    const setRow = (state: State, collection: string, id: string, row: Row) => {
      const rows = state.collections[collection] ?? {}
      rows[id] = row
      state.collections[collection] = rows
    }
    const live = (row: Row | undefined) => (row === undefined || row.json === null ? 0 : row.version)

    /**
     * When a collection is declared with other indexes than its rows were written under, compute
     * every live row's index values again from its document (`layout.indexValues`).
     */
    const ensure = (layout: Collection.Layout) => {
      const signature = JSON.stringify(layout.indexes.map((i) => [i.name, i.type]))
      return Effect.flatMap(current, (state) =>
        state.layouts[layout.name] === signature
          ? Effect.void
          : change((state) =>
              Effect.gen(function* () {
                for (const [id, row] of Object.entries(state.collections[layout.name] ?? {})) {
                  if (row.json !== null)
                    setRow(state, layout.name, id, { ...row, indexes: yield* layout.indexValues(id, row.json) })
                }
                state.layouts[layout.name] = signature
              })
            )
      )
    }

    return {
      capabilities,
      get: (layout, id) =>
        Effect.map(current, (state) => {
          const row = rowOf(state, layout.name, id)
          return row?.json == null ? Option.none() : Option.some({ id, version: row.version, json: row.json })
        }),
      put: (layout, document, expected) =>
        Effect.andThen(
          ensure(layout),
          change((state) => {
            const row = rowOf(state, layout.name, document.id)
            const actual = live(row)
            if (actual !== expected) {
              return Effect.fail(
                StoreError.versionConflict({
                  operation: "put",
                  collection: layout.name,
                  id: document.id,
                  expected,
                  actual
                })
              )
            }
            const version = (row?.version ?? 0) + 1
            setRow(state, layout.name, document.id, { version, json: document.json, indexes: document.indexes })
            return Effect.succeed(version)
          })
        ),
      delete: (layout, id, expected) =>
        change((state) => {
          const row = rowOf(state, layout.name, id)
          const actual = live(row)
          if (row === undefined || actual !== expected) {
            return Effect.fail(
              StoreError.versionConflict({ operation: "delete", collection: layout.name, id, expected, actual })
            )
          }
          setRow(state, layout.name, id, { version: row.version, json: null, indexes: {} })
          return Effect.void
        }),
      page: (layout, request) =>
        Effect.andThen(
          ensure(layout),
          Effect.map(current, (state) =>
            Object.entries(state.collections[layout.name] ?? {})
              .flatMap(([id, row]): Array<StoreBackend.PageRow> => {
                if (row.json === null) return []
                const where = request.where
                if (where !== undefined && !StoreBackend.matches(where, row.indexes[where.index] ?? null)) return []
                const key = request.orderBy === undefined ? null : (row.indexes[request.orderBy] ?? null)
                if (request.after !== undefined && StoreBackend.comparePositions({ key, id }, request.after) <= 0)
                  return []
                return [{ id, version: row.version, json: row.json, key }]
              })
              .sort(StoreBackend.comparePositions)
              .slice(0, request.limit)
          )
        ),
      transaction,
      appendAudit: (seal) =>
        change((state) => {
          const entry = seal(Option.fromUndefinedOr(state.audit.at(-1)))
          state.audit.push(entry)
          return Effect.succeed(entry)
        }),
      auditPage: (afterSeq, limit) =>
        Effect.map(current, (state) => state.audit.filter((e) => e.seq > afterSeq).slice(0, limit))
    } satisfies StoreBackend.Backend
  })

/** The Store on a JSON file. */
export const layer = (file: string): Layer.Layer<Store.Store, StoreError.StoreError> =>
  Layer.effect(Store.Store, Effect.map(makeBackend(file), Store.make))
