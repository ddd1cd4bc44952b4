import { describe, expect, it } from "@effect/vitest"
import { Effect, Option, Result, Schema, Stream } from "effect"
import { TestClock } from "effect/testing"
import { Audit, Collection } from "../src/index.js"

// Expected digests computed outside the library (Python hashlib.sha256 on the UTF-8 text shown).
const sha256OfEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
const sha256OfNull = "74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b"
// sha256('{"comune":"Milano","id":"h-001","members":3}')
const householdHash = "ac11a92c2b03f2a50336049841c23ab783013e8cc51570cfd2c97cebe60fb030"
// sha256 of the canonical first entry below, keys sorted, previousHash = 64 zeros
const firstEntryHash = "91888fb7e012674e704c3f474e99f6693c653edd1404339140688814971d2747"

const Household = Schema.Struct({ id: Schema.String, comune: Schema.String, members: Schema.Int })
const Households = Collection.make({ name: "households", schema: Household, id: "id" })

const event: Audit.Event = {
  time: "2026-11-22T09:30:00.000Z",
  actor: "operatore@comune",
  action: "household.create",
  entity: "households",
  id: "h-001",
  recordHash: householdHash
}

describe("Audit hashing", () => {
  it.each([
    ["", sha256OfEmpty],
    ["null", sha256OfNull],
    ['{"comune":"Milano","id":"h-001","members":3}', householdHash]
  ])("sha256Hex(%j)", (text, hash) => {
    expect(Audit.sha256Hex(text)).toBe(hash)
  })

  it.each([
    [{ members: 3, id: "h-001", comune: "Milano" }, '{"comune":"Milano","id":"h-001","members":3}'],
    [{ b: [true, null, "é"], a: { d: 1, c: 2 } }, '{"a":{"c":2,"d":1},"b":[true,null,"é"]}'],
    [{ x: 1e21, y: 0.1, z: -0, w: 1e-7 }, '{"w":1e-7,"x":1e+21,"y":0.1,"z":0}'],
    // RFC 8785 sorts keys by UTF-16 code units: U+1F600 (D83D DE00) before U+E000
    [{ "\uE000": 1, "\u{1F600}": 2, a: 3 }, '{"a":3,"\u{1F600}":2,"\uE000":1}'],
    [{ skipped: undefined, kept: "a\nb\u0001" }, '{"kept":"a\\nb\\u0001"}']
  ])("canonical(%j)", (value, text) => {
    expect(Audit.canonical(value)).toBe(text)
  })

  it("seals the first entry after the genesis hash", () => {
    const first = Audit.seal(Option.none(), event)
    expect(first).toEqual({ ...event, seq: 1, previousHash: Audit.genesis, hash: firstEntryHash })
    const second = Audit.seal(Option.some(first), { ...event, action: "household.update" })
    expect([second.seq, second.previousHash]).toEqual([2, firstEntryHash])
  })

  it.effect("event takes the time from Effect's Clock and hashes the encoded record", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.UTC(2026, 10, 22, 9, 30))
      const e = yield* Audit.event({
        actor: "operatore@comune",
        action: "household.create",
        collection: Households,
        record: { id: "h-001", comune: "Milano", members: 3 }
      })
      expect(e).toEqual(event)
      const deletion = yield* Audit.event({
        actor: "a",
        action: "household.delete",
        collection: Households,
        record: null,
        id: "h-001"
      })
      expect(deletion.recordHash).toBe(sha256OfNull)
      const missingId = yield* Effect.flip(
        Audit.event({ actor: "a", action: "x", collection: Households, record: null })
      )
      expect(missingId.reason).toBe("ConstraintViolation")
    })
  )
})

describe("Audit.verify", () => {
  const e1 = Audit.seal(Option.none(), event)
  const e2 = Audit.seal(Option.some(e1), { ...event, id: "h-002" })
  const e3 = Audit.seal(Option.some(e2), { ...event, id: "h-003" })

  it("accepts an unbroken chain and returns its head", () => {
    expect(Audit.verify([e1, e2, e3])).toEqual(Result.succeed({ count: 3, head: { seq: 3, hash: e3.hash } }))
    expect(Audit.verify([])).toEqual(Result.succeed({ count: 0, head: undefined }))
    expect(Audit.verify([e2, e3], { seq: 1, hash: e1.hash })).toEqual(
      Result.succeed({ count: 2, head: { seq: 3, hash: e3.hash } })
    )
  })

  it.each([
    ["a changed field", [e1, { ...e2, actor: "altro" }, e3], 2, "hash"],
    [
      "a changed field with its hash recomputed",
      [e1, { ...e2, actor: "x", hash: Audit.hashOf({ ...e2, actor: "x" }) }, e3],
      3,
      "previous-hash"
    ],
    ["a removed entry", [e1, e3], 3, "sequence"],
    ["a removed first entry", [e2, e3], 2, "sequence"],
    ["swapped entries", [e1, e3, e2], 3, "sequence"],
    ["a forged genesis", [{ ...e1, previousHash: "f".repeat(64) }], 1, "previous-hash"]
  ] as const)("names the first broken link: %s", (_, entries, seq, check) => {
    const r = Audit.verify(entries)
    expect(Result.isFailure(r) && [r.failure.seq, r.failure.check]).toEqual([seq, check])
  })

  it.effect("verifyStream stops at the first broken link", () =>
    Effect.gen(function* () {
      const r = yield* Audit.verifyStream(Stream.fromIterable([e1, { ...e2, action: "x" }, e3]))
      expect(Result.isFailure(r) && r.failure.seq).toBe(2)
    })
  )

  it.each([
    ["2026-11-22T09:30:00Z", true],
    ["2026-11-22T09:30:00.123456+01:00", true],
    ["2024-02-29T00:00:00Z", true],
    ["2026-02-29T00:00:00Z", false],
    ["2026-11-22 09:30:00Z", false],
    ["2026-11-22T24:00:00Z", false],
    ["2026-11-22T09:30:00", false]
  ])("Instant %s is %s", (text, ok) => {
    expect(Result.isSuccess(Schema.decodeUnknownResult(Audit.Instant)(text))).toBe(ok)
  })
})
