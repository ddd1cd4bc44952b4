/**
 * The right to erasure (GDPR art. 17): `erasePerson` removes every personal field of a person
 * from the registry, while the anonymous counts the project reports stay exactly as they were
 * and the audit chain stays verifiable.
 *
 * **Who.** Only a capofila coordinator of the person's project: the capofila is the controller
 * of the project's data and decides on a data subject's request; the partners process the data
 * on its behalf (art. 28) and may not erase, the auditor reads and never writes, and the Region
 * never touches personal data. The auditor can see that an erasure happened — the tombstone
 * (when, which ground) and its audit event — but nothing of what was erased.
 *
 * **What is removed.** The person record is replaced, in place, by a tombstone
 * (`Records.ErasedPersonRecord`): the opaque id, the scope the policy needs (project,
 * laboratorio, household) and when and on which ground of art. 17(1) it was erased. Codice
 * fiscale, birth date, sex, citizenship, education, labour-market history, special categories
 * and the consent record are gone; no birth year or age band is kept, because no report reads
 * the registry's person records (see below). The id stays taken: registering it again is a
 * version `Conflict`.
 *
 * **What is kept, and why the counts do not move.**
 * - The *frozen entry snapshot* of the person's pathways is kept as it is. It is the ESF
 *   participant record the managing authority must keep for monitoring and audit (Reg. (UE)
 *   1304/2013 art. 5 and Annex I; Reg. (UE) 2021/1057 art. 17 and Annex I), which GDPR
 *   art. 17(3)(b) exempts from erasure; it is already minimised (age at entry, never the birth
 *   date; no codice fiscale, no name). The ESF indicators are computed from it, so they are the
 *   same before and after.
 * - Attendance sheets keep the opaque id of the person (the involvement counts distinct ids);
 *   households keep the membership entry (the household's own size and history). A household
 *   fact that needed the erased person's age or answers becomes `undetermined` (unknown is
 *   never no), exactly as for a member without a record.
 * - The audit log never held the record, only its hash; the erasure is recorded as one more
 *   event (`person.erase`), with the hash of the tombstone, so the chain verifies before and
 *   after.
 *
 * What the library cannot erase for you: copies outside the store (exports already sent,
 * backups), and bytes the database engine keeps until it reuses the space (free pages, the
 * write-ahead log, dead tuples before `VACUUM`). docs/security.md lists what to do.
 *
 * @since 0.1.0
 */
import { Clock, Context, Effect, Layer, Schema } from "effect"
import * as Access from "../Access.js"
import * as Ids from "../Ids.js"
import type { LegalReference } from "../LegalReference.js"
import * as Store from "../Store.js"
import * as Collections from "./Collections.js"
import type { NotFound } from "./NotFound.js"
import * as Records from "./Records.js"
import * as UseCase from "./UseCase.js"

/**
 * The source of the use-case: the right to erasure and its exemption for data a law requires
 * (the ESF monitoring record).
 *
 * @since 0.1.0
 * @category parameters
 */
export const source: LegalReference = {
  act: "Reg. (UE) 2016/679 (GDPR)",
  article: "art. 17, par. 1 (grounds) e par. 3, lett. b (exemption: a legal obligation); art. 28 (processors)",
  confidence: "confirmed",
  note: "who may erase (the capofila coordinator) and what is kept are quartieri's reading, not an act"
}

/**
 * Input of `erasePerson`: the person and the ground of GDPR art. 17(1) (a code, never free
 * text).
 *
 * @since 0.1.0
 * @category models
 */
export const ErasePersonInput = Schema.Struct({
  personId: Ids.PersonId,
  reason: Records.ErasureReason
})
/** @since 0.1.0 @category models */
export type ErasePersonInput = typeof ErasePersonInput.Encoded

/**
 * What `erasePerson` returns: the tombstone as stored, and the pathways of the person whose
 * frozen entry snapshot is kept (the ESF participant records).
 *
 * @since 0.1.0
 * @category models
 */
export interface Erased {
  readonly person: Store.Versioned<Records.ErasedPersonRecord>
  readonly retainedSnapshots: ReadonlyArray<Ids.PathwayId>
}

/**
 * The person asked for has been erased: when, and on which ground. Told only to an actor who
 * may read the person's scope.
 *
 * @since 0.1.0
 * @category errors
 */
export class PersonErased extends Schema.TaggedError<PersonErased>()("PersonErased", {
  id: Schema.String,
  at: Schema.String,
  reason: Records.ErasureReason
}) {
  override get message(): string {
    return `person ${this.id} was erased on ${this.at} (GDPR art. 17: ${this.reason})`
  }
}

/**
 * The erasure use-case.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Erases a person's personal data (GDPR art. 17); capofila coordinators only. */
  readonly erasePerson: (actor: UseCase.ActorInput, input: unknown) => Effect.Effect<Erased, UseCase.Failure | NotFound>
}

/**
 * The erasure use-case's service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Erasure extends Context.Service<Erasure, Service>()("@quartieri/core/app/Erasure") {}

/**
 * The scope of a stored person for the policy.
 *
 * @since 0.1.0
 * @category utils
 */
export const personScope = (p: Records.StoredPerson) =>
  ({ kind: "person", project: p.project, laboratorio: p.laboratorio }) as const

/**
 * Who may erase a person, beyond writing it: only a capofila coordinator (the controller's
 * side). `undefined` when `actor` may, otherwise why not, in English and Italian. Run it after
 * `Access.authorize(actor, "write", …)`, which checks the project.
 *
 * @since 0.1.0
 * @category rules
 */
export const erasureDenial = (actor: Access.Actor): { readonly en: string; readonly it: string } | undefined =>
  actor._tag === "CapofilaCoordinator"
    ? undefined
    : {
        en: "only a capofila coordinator, for the controller, erases a person (GDPR art. 17); partners process data on its behalf (art. 28)",
        it: "solo il coordinatore del capofila, per il titolare, cancella una persona (art. 17 GDPR); i partner trattano i dati per suo conto (art. 28)"
      }

/**
 * The tombstone of `person`: its id and scope, when and why it was erased, and nothing else.
 *
 * @since 0.1.0
 * @category rules
 */
export const tombstone = (
  person: Records.PersonRecord,
  erased: { readonly at: string; readonly reason: Records.ErasureReason }
): Records.ErasedPersonRecord => ({
  id: person.id,
  project: person.project,
  laboratorio: person.laboratorio,
  household: person.household,
  erased: { at: erased.at, reason: erased.reason }
})

const decodeErase = UseCase.decodeRequest(ErasePersonInput, "erasePerson")

/**
 * Builds the erasure use-case on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const erasePerson: Service["erasePerson"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeErase(actor, input)
      const current = yield* UseCase.load(store, Collections.Persons, req.personId, {
        actor: who,
        action: "write",
        kind: "person",
        scope: personScope
      })
      const denied = erasureDenial(who)
      if (denied !== undefined)
        return yield* new Access.NotAuthorized({
          actor: who.id,
          role: who._tag,
          action: "write",
          resource: "person",
          reason: denied.en,
          reasonIt: denied.it
        })
      const pathways = yield* UseCase.queryBy(store, Collections.Pathways, "person", req.personId)
      const retainedSnapshots = pathways.filter((p) => p.value.phase === "participant").map((p) => p.value.id)
      const stored = current.value
      // already erased: the erasure stands as recorded, and nothing is written again
      if (Records.isErased(stored)) return { person: { ...current, value: stored }, retainedSnapshots }
      const at = new Date(yield* Clock.currentTimeMillis).toISOString()
      const erased = tombstone(stored, { at, reason: req.reason })
      const written = yield* UseCase.commitOne(store, who, Collections.Persons, erased, current.version, "person.erase")
      return { person: { ...written, value: erased }, retainedSnapshots }
    })

  return { erasePerson }
})

/**
 * The erasure use-case over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Erasure, never, Store.Store> = Layer.effect(Erasure, make)
