/**
 * Erasing a person (GDPR art. 17) through the use-case, worked by hand on the memory store
 * (`ErasureScenario` of `@quartieri/testing`; the SQLite and PostgreSQL adapters run the same
 * scenario in their packages): who may erase, what is left of the person, what is kept and
 * why the reports do not move, the audit event of the erasure, and the refusals, which write
 * nothing.
 */
import { createHash } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { AppRequests as R, ErasureScenario as S, StoreState } from "@quartieri/testing"
import { Effect, Option } from "effect"
import { App, Calendar, Household, Store } from "../../src/index.js"
import * as F from "./fixtures.js"

/** Canonical JSON written here (sorted keys, no whitespace), independently of the library. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  return JSON.stringify(value)
}
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex")

const q = App.Quartieri.Quartieri
const tag = <A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.flip(effect), (e) => e._tag)

/** Everything the store holds, as one JSON text: every document and the audit log. */
const everything = Effect.gen(function* () {
  return JSON.stringify([yield* StoreState.contents, yield* StoreState.auditLog])
})

/** A cell of a report table, by table id and the value of its first column. */
const cell = (reports: ReadonlyArray<App.Reports.Report>, table: string, row: string, column: string) => {
  const t = reports.flatMap((r) => r.tables).find((x) => x.id === table)
  const first = t?.columns[0]?.id ?? ""
  return t?.rows.find((r) => r[first] === row)?.[column]
}

const livePersons = Effect.gen(function* () {
  const docs = yield* StoreState.contents
  return docs
    .filter(([c]) => c === "persons")
    .map(([, , v]) => v as App.Records.StoredPerson)
    .filter((p): p is App.Records.PersonRecord => !App.Records.isErased(p))
})

describe("erasePerson", () => {
  it.effect("leaves a tombstone, keeps the counts, and records the erasure in the chain", () =>
    Effect.gen(function* () {
      const app = yield* q
      const store = yield* Store.Store
      yield* S.setup
      const before = {
        internal: yield* S.reports(R.coordinator),
        published: yield* S.reports(R.region),
        log: yield* StoreState.auditLog,
        pathway: Option.getOrThrow(yield* store.get(App.Collections.Pathways, S.subject.pathway)),
        text: yield* everything
      }
      // the needles are there before, except the name (never stored)
      expect(S.found(before.text)).toEqual([
        S.subject.codiceFiscale,
        S.subject.birthDate,
        "at-least-2-years",
        "2016-02-11"
      ])
      const h7 = Option.getOrThrow(yield* store.get(App.Collections.Households, S.subject.household)).value
      expect(Household.factsAt(h7, yield* livePersons, Calendar.unsafeMake("2019-06-01")).hasMemberWithDisability).toBe(
        "yes"
      )

      const erased = yield* S.erase
      // TestClock starts at the epoch
      const tombstone = {
        id: "h7-a",
        project: "p1",
        laboratorio: "l1",
        household: "h7",
        erased: { at: "1970-01-01T00:00:00.000Z", reason: "consent-withdrawn" }
      }
      expect(erased).toEqual({ person: { id: "h7-a", version: 2, value: tombstone }, retainedSnapshots: ["w7"] })

      // nothing of the person is left anywhere in the store, the audit log included
      expect(S.found(yield* everything)).toEqual([])
      const stored = Option.getOrThrow(yield* store.get(App.Collections.Persons, "h7-a"))
      expect(stored).toEqual({ id: "h7-a", version: 2, value: tombstone })

      // the reports give the same figures, internal and published: the subject still counts
      // among the 5 persons involved at s7 (2 named, 3 unnamed) and as the one participant (w7)
      const after = yield* S.reports(R.coordinator)
      for (const reports of [before.internal, after]) {
        expect(cell(reports, "involvement.p1", "_T", "persons_involved")).toBe(5)
        expect(cell(reports, "esf-2014-2020.participants", "CO01", "women")).toBe(1)
        expect(cell(reports, "esf-plus-2021-2027.participants", "EECO01", "total")).toBe(1)
      }
      expect(after).toEqual(before.internal)
      expect(yield* S.reports(R.region)).toEqual(before.published)

      // the frozen entry snapshot is kept as it was (the ESF participant record)
      expect(Option.getOrThrow(yield* store.get(App.Collections.Pathways, S.subject.pathway))).toEqual(before.pathway)

      // one more audit event, with the hash of the tombstone; the chain verifies
      const log = yield* StoreState.auditLog
      expect(log.slice(0, before.log.length)).toEqual(before.log)
      expect(log.slice(before.log.length).map((e) => [e.actor, e.action, e.entity, e.id, e.recordHash])).toEqual([
        ["u-capofila", "person.erase", "persons", "h7-a", sha256(canonical(tombstone))]
      ])
      expect(log.length).toBe(yield* StoreState.committedWrites)
      const audit = yield* app.readAuditLog(R.auditor, { limit: 1 })
      expect(audit.chain).toEqual({ valid: true, count: log.length, head: { seq: log.length, hash: log.at(-1)?.hash } })

      // a household fact that needed the person becomes undetermined, never "no"
      expect(Household.factsAt(h7, yield* livePersons, Calendar.unsafeMake("2019-06-01")).hasMemberWithDisability).toBe(
        "undetermined"
      )
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("tells those in scope that the person was erased, and the Region nothing", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* S.setup
      yield* S.erase
      for (const actor of [R.coordinator, R.partner, R.auditor]) {
        const e = yield* Effect.flip(app.getPerson(actor, { id: "h7-a" }))
        expect(e._tag === "PersonErased" && [e.id, e.reason]).toEqual(["h7-a", "consent-withdrawn"])
      }
      expect(yield* tag(app.getPerson(R.region, { id: "h7-a" }))).toBe("NotAuthorized")
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("only a capofila coordinator of the project erases; a refusal writes nothing", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* S.setup
      const before = { docs: yield* StoreState.documents, log: (yield* StoreState.auditLog).length }
      const request = { personId: "h1-b", reason: "objection" }
      const otherCoordinator = { ...R.coordinator, id: "u-other", projects: ["p2"] }
      // the partner may write the person (laboratorio l1) but not erase it: the controller decides
      const byPartner = yield* Effect.flip(app.erasePerson(R.partner, request))
      expect(byPartner._tag === "NotAuthorized" && byPartner.reason).toBe(
        "only a capofila coordinator, for the controller, erases a person (GDPR art. 17); partners process data on its behalf (art. 28)"
      )
      expect(yield* tag(app.erasePerson(R.auditor, request))).toBe("NotAuthorized")
      expect(yield* tag(app.erasePerson(R.region, request))).toBe("NotAuthorized")
      expect(yield* tag(app.erasePerson(otherCoordinator, request))).toBe("NotAuthorized")
      // a person that does not exist: nobody learns it
      expect(yield* tag(app.erasePerson(R.coordinator, { ...request, personId: "nobody" }))).toBe("NotAuthorized")
      expect({ docs: yield* StoreState.documents, log: (yield* StoreState.auditLog).length }).toEqual(before)
    }).pipe(Effect.provide(F.layer()))
  )

  it.effect("is idempotent, keeps the id taken, and decodes its input", () =>
    Effect.gen(function* () {
      const app = yield* q
      yield* S.setup
      const first = yield* S.erase
      const log = (yield* StoreState.auditLog).length
      // erasing again returns the erasure as recorded and writes nothing
      const again = yield* app.erasePerson(R.coordinator, { personId: "h7-a", reason: "objection" })
      expect(again).toEqual(first)
      expect((yield* StoreState.auditLog).length).toBe(log)
      // the id cannot be given to someone else by registering it again
      const reuse = yield* Effect.flip(app.registerHousehold(R.coordinator, F.household("h8", "p1", "l1", ["h7-a"])))
      expect(reuse._tag === "StoreError" && reuse.reason).toBe("Conflict")
      // the reason is a ground of art. 17(1), never free text
      const bad = yield* Effect.flip(app.erasePerson(R.coordinator, { personId: "h7 a", reason: "perché sì" }))
      expect(bad._tag === "InvalidInput" && bad.problems.map((p) => p.path)).toEqual(["personId", "reason"])
    }).pipe(Effect.provide(F.layer()))
  )
})
