/**
 * The crash-safety workload of the reliability tests: a bulk import of households in numbered
 * batches, each batch **one transaction** writing its households and their audit events, and
 * the inspection that tells, from what a store holds after a crash, which batches are complete
 * and whether any is partial. The adapters' crash tests run {@link importBatch} in a child
 * process, kill it with SIGKILL at random moments and {@link inspect} what is left.
 *
 * The inspection does not take its expected values from the code under test: every household
 * is a fixed function of (batch, position) written here by hand ({@link encodedHousehold}), and
 * the record hash of every audit event is recomputed with the platform's own SHA-256 (WebCrypto)
 * over an independent canonical JSON ({@link sha256Canonical}).
 *
 * @since 0.1.0
 */
import { App, Audit, type Store, type StoreError } from "@quartieri/core"
import { Effect, Result, Schema, Stream } from "effect"

/**
 * Households per batch when a test does not say.
 *
 * @since 0.1.0
 * @category parameters
 */
export const defaultBatchSize = 20

/**
 * The audit action of an imported household.
 *
 * @since 0.1.0
 * @category parameters
 */
export const importAction = "household.import"

/**
 * The actor recorded on imported households' audit events.
 *
 * @since 0.1.0
 * @category parameters
 */
export const importActor = "import-batch"

const idPattern = /^imp-(\d{6})-(\d{3})$/

/**
 * The id of the household at `position` of `batch`: `imp-000042-007`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const householdId = (batch: number, position: number): string =>
  `imp-${String(batch).padStart(6, "0")}-${String(position).padStart(3, "0")}`

/**
 * The batch and position of an imported household's id, or `undefined` for any other id.
 *
 * @since 0.1.0
 * @category utils
 */
export const parseHouseholdId = (id: string): { readonly batch: number; readonly position: number } | undefined => {
  const match = idPattern.exec(id)
  return match === null ? undefined : { batch: Number(match[1]), position: Number(match[2]) }
}

/**
 * The household at `position` of `batch`, as the store must hold it: the encoded record, a
 * plain JSON object written out field by field.
 *
 * @since 0.1.0
 * @category constructors
 */
export const encodedHousehold = (batch: number, position: number): typeof App.Records.HouseholdRecord.Encoded => {
  const id = householdId(batch, position)
  return {
    id,
    tenancy: {
      complesso: `complesso-${batch % 7}`,
      unit: `scala ${String.fromCharCode(65 + (position % 4))}, int. ${position + 1}`,
      leaseStart: "2015-03-01",
      sap: position % 2 === 0
    },
    members: [{ person: `${id}-a`, relation: "intestatario", from: "2015-03-01" }],
    isee: [{ value: 100_000 + batch * 100 + position, dsuDate: "2019-03-15", validUntil: "2019-12-31" }],
    arrears: [],
    project: "import",
    laboratorio: `lab-${batch % 3}`
  }
}

const decodeHousehold = Schema.decodeUnknownSync(App.Records.HouseholdRecord)
const encodeHousehold = Schema.encodeSync(App.Records.HouseholdRecord)

/**
 * Imports batch `batch` (`size` households, positions 0 to size − 1) in one transaction: each
 * household is created (expected version 0) and its audit event appended. All of it commits,
 * or none of it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const importBatch = (
  store: Store.Service,
  batch: number,
  size: number = defaultBatchSize
): Effect.Effect<void, StoreError.StoreError> =>
  store.transaction(
    Effect.forEach(
      Array.from({ length: size }, (_, position) => position),
      (position) =>
        Effect.gen(function* () {
          const household = decodeHousehold(encodedHousehold(batch, position))
          yield* store.put(App.Collections.Households, household, 0)
          yield* store.appendAudit(
            yield* Audit.event({
              actor: importActor,
              action: importAction,
              collection: App.Collections.Households,
              record: household
            })
          )
        }),
      { discard: true }
    )
  )

/**
 * JSON text with object keys sorted, written here independently of the library's canonical
 * JSON (the values compared are strings, booleans, integers, arrays and objects).
 *
 * @since 0.1.0
 * @category formatting
 */
export const canonicalText = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(",")}]`
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalText(record[key])}`)
      .join(",")}}`
  }
  return JSON.stringify(value)
}

/**
 * SHA-256 (WebCrypto, not the library's hash) of {@link canonicalText}, in lower-case hex.
 *
 * @since 0.1.0
 * @category utils
 */
export const sha256Canonical = (value: unknown): Effect.Effect<string> =>
  Effect.promise(async () => {
    const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonicalText(value)))
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("")
  })

/**
 * What a store holds of the import: the batches found complete (ascending), every problem
 * found (a partial batch, a household that differs from what was imported, an audit event
 * without its household or with the wrong hash, a broken chain), and the figures checked.
 *
 * @since 0.1.0
 * @category models
 */
export interface Inspection {
  readonly complete: ReadonlyArray<number>
  readonly problems: ReadonlyArray<string>
  readonly households: number
  readonly auditEntries: number
  readonly head: Audit.Verified["head"]
}

interface Seen {
  readonly documents: Set<number>
  readonly events: Set<number>
}

/**
 * Reads every household and the whole audit log and checks the import: each batch that left
 * any trace is complete (all `size` households, each exactly as imported at version 1, and
 * exactly one audit event each, whose record hash is that of the household), and the chain
 * verifies.
 *
 * @since 0.1.0
 * @category constructors
 */
export const inspect = (
  store: Store.Service,
  size: number = defaultBatchSize
): Effect.Effect<Inspection, StoreError.StoreError> =>
  Effect.gen(function* () {
    const problems: Array<string> = []
    const batches = new Map<number, Seen>()
    const seen = (batch: number): Seen => {
      const found = batches.get(batch)
      if (found !== undefined) return found
      const fresh: Seen = { documents: new Set(), events: new Set() }
      batches.set(batch, fresh)
      return fresh
    }
    const expectedHash = new Map<string, string>()
    const hashOf = (batch: number, position: number) =>
      Effect.gen(function* () {
        const id = householdId(batch, position)
        const known = expectedHash.get(id)
        if (known !== undefined) return known
        const hash = yield* sha256Canonical(encodedHousehold(batch, position))
        expectedHash.set(id, hash)
        return hash
      })

    const documents = yield* Stream.runCollect(store.query(App.Collections.Households))
    for (const document of documents) {
      const at = parseHouseholdId(document.id)
      if (at === undefined || at.position >= size) {
        problems.push(`household ${document.id} was never imported`)
        continue
      }
      seen(at.batch).documents.add(at.position)
      if (document.version !== 1) problems.push(`household ${document.id} is at version ${document.version}, not 1`)
      const stored = canonicalText(encodeHousehold(document.value))
      if (stored !== canonicalText(encodedHousehold(at.batch, at.position))) {
        problems.push(`household ${document.id} differs from what was imported: ${stored}`)
      }
    }

    const entries = yield* Stream.runCollect(store.auditLog())
    const chain = Audit.verify(entries)
    if (Result.isFailure(chain)) problems.push(`the audit chain is broken: ${chain.failure.message}`)
    for (const entry of entries) {
      const at = parseHouseholdId(entry.id)
      if (at === undefined || at.position >= size || entry.action !== importAction || entry.entity !== "households") {
        problems.push(
          `audit entry ${entry.seq} (${entry.action} ${entry.entity}/${entry.id}) was never appended by the import`
        )
        continue
      }
      const events = seen(at.batch).events
      if (events.has(at.position)) problems.push(`household ${entry.id} has more than one audit event`)
      events.add(at.position)
      if (entry.recordHash !== (yield* hashOf(at.batch, at.position))) {
        problems.push(`audit entry ${entry.seq} of ${entry.id} does not carry the hash of the imported household`)
      }
    }

    const complete: Array<number> = []
    for (const [batch, found] of [...batches.entries()].sort(([a], [b]) => a - b)) {
      if (found.documents.size === size && found.events.size === size) complete.push(batch)
      else
        problems.push(
          `batch ${batch} is partial: ${found.documents.size} of ${size} households, ${found.events.size} of ${size} audit events`
        )
    }
    return {
      complete,
      problems,
      households: documents.length,
      auditEntries: entries.length,
      head: Result.isSuccess(chain) ? chain.success.head : undefined
    }
  })
