/**
 * The Promise facade from plain async code, as a portal developer who does not know Effect
 * writes it: results are plain objects, failures are rejected with the typed error instances.
 */
import { describe, expect, it } from "@effect/vitest"
import { MemoryStore } from "@quartieri/storage-memory"
import { Access, App, createQuartieri, InvalidInput, StoreError } from "../../src/index.js"
import * as F from "./fixtures.js"

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected a rejection")
    },
    (error: unknown) => error
  )

describe("createQuartieri", () => {
  it("the success path: register, update, read", async () => {
    const quartieri = createQuartieri({ store: MemoryStore.layer() })
    try {
      await quartieri.registerProject(F.coordinator, F.project("p1"))
      await quartieri.createLaboratorio(F.coordinator, F.laboratorio("l1", "p1"))
      const registered = await quartieri.registerHousehold(F.partner, F.household("h1", "p1", "l1", ["h1-a"]))
      expect([registered.household.id, registered.household.version, registered.persons.length]).toEqual(["h1", 1, 1])
      const updated = await quartieri.updateIsee(F.partner, {
        household: "h1",
        expectedVersion: 1,
        isee: { value: 1_200_000, dsuDate: "2019-03-01", validUntil: "2019-12-31" }
      })
      expect(updated.version).toBe(2)
      const read = await quartieri.getHousehold(F.coordinator, { id: "h1" })
      expect(read.value.isee).toEqual([{ value: 1_200_000, dsuDate: "2019-03-01", validUntil: "2019-12-31" }])
      const log = await quartieri.readAuditLog(F.auditor, {})
      expect(log.entries.map((e) => e.action)).toEqual([
        "project.register",
        "laboratorio.create",
        "household.register",
        "person.register",
        "household.isee"
      ])
      expect(log.chain.valid).toBe(true)
    } finally {
      await quartieri.dispose()
    }
  })

  it("rejects with the typed errors: NotAuthorized, InvalidInput, a stale version", async () => {
    const quartieri = createQuartieri({ store: MemoryStore.layer() })
    try {
      await quartieri.registerProject(F.coordinator, F.project("p1"))
      await quartieri.createLaboratorio(F.coordinator, F.laboratorio("l1", "p1"))
      await quartieri.registerHousehold(F.coordinator, F.household("h1", "p1", "l1", ["h1-a"]))
      const refused = await rejection(quartieri.getHousehold(F.region, { id: "h1" }))
      expect(refused).toBeInstanceOf(Access.NotAuthorized)
      expect(refused).toBeInstanceOf(App.Facade.errors.NotAuthorized)
      expect(refused).toMatchObject({
        _tag: "NotAuthorized",
        role: "RegionOfficer",
        action: "read",
        resource: "household",
        reason: "the Region receives aggregates only, never personal data"
      })

      const bad = await rejection(quartieri.getHousehold(F.coordinator, { id: 42 } as never))
      expect(bad).toBeInstanceOf(InvalidInput.InvalidInput)
      expect((bad as InvalidInput.InvalidInput).problems).toEqual([{ path: "id", message: "Expected string" }])

      const isee = { value: 1_200_000, dsuDate: "2019-03-01", validUntil: "2019-12-31" }
      await quartieri.updateIsee(F.coordinator, { household: "h1", expectedVersion: 1, isee })
      const stale = await rejection(quartieri.updateIsee(F.coordinator, { household: "h1", expectedVersion: 1, isee }))
      expect(stale).toBeInstanceOf(StoreError.StoreError)
      expect(stale).toMatchObject({ _tag: "StoreError", reason: "Conflict", isRetryable: true })
    } finally {
      await quartieri.dispose()
    }
  })

  it("dispose closes the store", async () => {
    const quartieri = createQuartieri({ store: MemoryStore.layer() })
    await quartieri.registerProject(F.coordinator, F.project("p1"))
    await quartieri.dispose()
    // a new facade on a new memory store starts empty
    const fresh = createQuartieri({ store: MemoryStore.layer() })
    const missing = await rejection(fresh.getProject(F.auditor, { id: "p1" }))
    expect(missing).toMatchObject({ _tag: "NotFound", collection: "projects", id: "p1" })
    await fresh.dispose()
  })
})
