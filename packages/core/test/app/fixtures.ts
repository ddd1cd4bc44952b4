/**
 * Requests written by hand for the application tests: two projects (copies of the seed
 * IntERPreti di cambiamento under other ids), their laboratori, households, persons, budgets,
 * and the actors of every role — shared with the SQL adapters' tests through
 * `@quartieri/testing` (`AppRequests`, `StoreState`). Everything is in its JSON form, as a
 * portal would send it.
 */
import { MemoryStore } from "@quartieri/storage-memory"
import { AppRequests, StoreState } from "@quartieri/testing"
import { App } from "../../src/index.js"

export const {
  region,
  auditor,
  coordinator,
  partner,
  site,
  project,
  laboratorio,
  person,
  household,
  legalSource,
  budget,
  expenditure,
  entrySnapshot,
  enrol,
  sapFacts,
  seedAll
} = AppRequests

/** A fresh in-memory store with the use-cases over it. */
export const layer = () => App.Quartieri.layerOn(MemoryStore.layer())

/**
 * The number of committed writes: every put makes a version, so the sum of the versions of
 * every document of every collection counts them (the application never deletes: an erasure
 * overwrites the person with a tombstone).
 */
export const committedWrites = StoreState.committedWrites

/** The whole audit log. */
export const auditLog = StoreState.auditLog
