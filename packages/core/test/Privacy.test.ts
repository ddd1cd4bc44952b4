import { describe, expect, it } from "@effect/vitest"
import { Result, Stream } from "effect"
import { Exporter, Privacy, Reporting } from "../src/index.js"

const T = Reporting.Table

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? [])
const ascii = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0)))

// RFC 4231 (HMAC-SHA-256 test vectors), test cases 1, 2 and 6
const rfc4231 = {
  case1: {
    key: hex("0b".repeat(20)),
    data: "Hi There",
    mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
  },
  case2: {
    key: ascii("Jefe"),
    data: "what do ya want for nothing?",
    mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
  },
  case6: {
    key: hex("aa".repeat(131)),
    data: "Test Using Larger Than Block-Size Key - Hash Key First",
    mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
  }
}

const people: Reporting.Table.Table = {
  id: "people",
  title: { it: "Persone", en: "People" },
  columns: [
    T.dimension("cf", { it: "Codice fiscale", en: "Tax code" }, "code", "personal"),
    T.dimension("disability", { it: "Disabilità", en: "Disability" }, "text", "special-category"),
    T.dimension("quartiere", { it: "Quartiere", en: "Neighbourhood" }),
    T.measure("hours", { it: "Ore", en: "Hours" }, "hours")
  ],
  rows: [
    { cf: rfc4231.case6.data, disability: "yes", quartiere: "Cremona Nord", hours: 12 },
    { cf: null, disability: "refused", quartiere: "Crema", hours: 3 },
    { cf: T.suppressedMark, disability: null, quartiere: "Crema", hours: 0 }
  ],
  notes: []
}

const counts: Reporting.Table.Table = {
  id: "counts",
  title: { it: "Conteggi", en: "Counts" },
  columns: [T.dimension("quartiere", { it: "Quartiere", en: "Neighbourhood" }), T.measure("n", { it: "N", en: "N" })],
  rows: [
    { quartiere: "QA", n: 12 },
    { quartiere: "QB", n: 7 },
    { quartiere: T.total, n: 19 }
  ],
  notes: []
}

describe("pseudonymise", () => {
  it.each(Object.entries(rfc4231))("RFC 4231 %s", (_, v) => {
    expect(Privacy.pseudonymise(v.key, v.data)).toBe(v.mac)
  })
})

describe("applyProfile", () => {
  const key = rfc4231.case6.key

  it("internal keeps everything", () => {
    const r = Privacy.applyProfile(people, "internal")
    expect(Result.isSuccess(r) && r.success).toEqual(people)
  })

  it("partner drops special categories and pseudonymises personal columns", () => {
    const r = Privacy.applyProfile(people, "partner", key)
    if (Result.isFailure(r)) throw r.failure
    const t = r.success
    expect(t.columns.map((c) => [c.id, c.unit])).toEqual([
      ["cf", "code"],
      ["quartiere", "text"],
      ["hours", "hours"]
    ])
    expect(t.rows).toEqual([
      { cf: rfc4231.case6.mac, quartiere: "Cremona Nord", hours: 12 },
      { cf: null, quartiere: "Crema", hours: 3 },
      { cf: "●", quartiere: "Crema", hours: 0 }
    ])
    expect(t.notes.map((n) => n.en)).toEqual([
      "Pseudonymised columns (keyed HMAC-SHA-256): cf.",
      "Columns left out (special categories of data, GDPR art. 9): disability."
    ])
  })

  it("partner without a key, or with a short key, is refused", () => {
    const none = Privacy.applyProfile(people, "partner")
    expect(Result.isFailure(none) && [none.failure.reason, none.failure.table, none.failure.column]).toEqual([
      "PersonalDataRefused",
      "people",
      "cf"
    ])
    const short = Privacy.applyProfile(people, "partner", new Uint8Array(31))
    expect(Result.isFailure(short) && short.failure.detail).toContain("31 bytes, at least 32")
  })

  it("partner needs no key when no column is personal", () => {
    const r = Privacy.applyProfile(counts, "partner")
    expect(Result.isSuccess(r) && r.success).toEqual(counts)
  })

  it("published refuses personal and special-category columns, naming them", () => {
    const r = Privacy.applyProfile(people, "published")
    expect(Result.isFailure(r) && r.failure.reason).toBe("PersonalDataRefused")
    expect(Result.isFailure(r) && r.failure.message).toMatch(
      /^PersonalDataRefused \(table people\): .*: cf, disability$/
    )
  })

  it("published accepts a table published by Disclosure.publish", () => {
    const table: Reporting.Table.Table = {
      ...counts,
      columns: [...counts.columns, T.dimension("cf", { it: "CF", en: "Tax code" }, "code", "personal")],
      rows: counts.rows.map((r) => ({ ...r, cf: "X" }))
    }
    const published = Reporting.Disclosure.publish(table, Reporting.Disclosure.published())
    if (Result.isFailure(published)) throw published.failure
    const r = Privacy.applyProfile(published.success.table, "published")
    expect(Result.isSuccess(r) && r.success.columns.map((c) => c.id)).toEqual(["quartiere", "n"])
  })
})

describe("Exporter.prepare", () => {
  it("names the table, row and column of a malformed table", () => {
    const bad: Reporting.Table.Table = { ...counts, rows: [{ quartiere: "QA", n: -1 }] }
    const r = Exporter.prepare({ tables: [counts, bad], profile: "internal" })
    expect(Result.isFailure(r) && [r.failure.reason, r.failure.table, r.failure.row, r.failure.column]).toEqual([
      "InvalidData",
      "counts",
      0,
      "n"
    ])
  })

  it("applies the profile to every table", () => {
    const r = Exporter.prepare({ tables: [counts, people], profile: "published" })
    expect(Result.isFailure(r) && r.failure.table).toBe("people")
  })

  it("collect concatenates the chunks", async () => {
    const bytes = await Exporter.collect(Stream.fromIterable([Exporter.utf8("a;"), Exporter.utf8("è\r\n")]))
    expect([...bytes]).toEqual([0x61, 0x3b, 0xc3, 0xa8, 0x0d, 0x0a])
  })
})
