/**
 * The fuzzing helpers, by hand: paths, replacing and removing at a path, the located-problem
 * rule, what counts as storable text, and that a mutation changes exactly one place.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { Fuzz, HostileText } from "../src/index.js"

describe("Fuzz", () => {
  const value = { a: [1, { b: "x" }], c: "y" }

  it("lists paths and string paths, and formats them like InvalidInput", () => {
    expect(Fuzz.paths(value).map(Fuzz.formatPath)).toEqual(["", "a", "a[0]", "a[1]", "a[1].b", "c"])
    expect(Fuzz.stringPaths(value)).toEqual([["a", 1, "b"], ["c"]])
  })

  it("replaces and removes at a path, leaving the original alone", () => {
    expect(Fuzz.setAt(value, ["a", 1, "b"], 7)).toEqual({ a: [1, { b: 7 }], c: "y" })
    expect(Fuzz.setAt(value, ["c"], undefined, true)).toEqual({ a: [1, { b: "x" }] })
    expect(Fuzz.setAt(value, ["a", 0], undefined, true)).toEqual({ a: [{ b: "x" }], c: "y" })
    expect(value).toEqual({ a: [1, { b: "x" }], c: "y" })
  })

  it("a problem of a record must have a path; the root is fine for a non-record", () => {
    expect(Fuzz.unlocated({ a: 1 }, [{ path: "a", message: "bad" }])).toBeUndefined()
    expect(Fuzz.unlocated({ a: 1 }, [{ path: "", message: "bad" }])).toBe(
      "a problem of an object input without a path: bad"
    )
    expect(Fuzz.unlocated(42, [{ path: "", message: "Expected object" }])).toBeUndefined()
    expect(Fuzz.unlocated(new Map(), [{ path: "", message: "Expected object" }])).toBeUndefined()
    expect(Fuzz.unlocated({}, [])).toBe("no problem reported")
  })

  it("a mutation changes the value at one path, or adds or removes one key", () => {
    for (const { input, mutation } of fc.sample(Fuzz.mutation(value), { numRuns: 200, seed: 1 })) {
      const others = Fuzz.paths(value).filter(
        (p) => p.length > 0 && !Fuzz.formatPath(p).startsWith(Fuzz.formatPath(mutation.path).split("[")[0] ?? "")
      )
      if (mutation.kind !== "missing-key" && mutation.kind !== "extra-key")
        expect(Fuzz.get(input, mutation.path)).toBe(mutation.value)
      for (const p of others) expect(Fuzz.get(input, p)).toEqual(Fuzz.get(value, p))
    }
  })

  it("runs 1,000 by default", () => {
    expect(Fuzz.runs()).toBe(Fuzz.soak ? 100_000 : 1000)
    expect(Fuzz.runs(10)).toBe(Fuzz.soak ? 1000 : 10)
  })
})

describe("HostileText", () => {
  it("storable: no U+0000, no lone surrogate", () => {
    expect(HostileText.isStorable(HostileText.composite)).toBe(true)
    expect(HostileText.unstorable.map(HostileText.isStorable)).toEqual([false, false, false, false])
    expect(HostileText.isStorable("😀")).toBe(true)
  })

  it("a formula cell starts with a trigger, after at most two apostrophes", () => {
    for (const cell of fc.sample(HostileText.formulaCell, { numRuns: 200, seed: 2 }))
      expect(cell).toMatch(/^'{0,2}[=+\-@\t\r]/)
  })
})
