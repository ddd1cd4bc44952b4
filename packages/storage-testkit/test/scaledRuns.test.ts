import { describe, expect, it } from "@effect/vitest"
import { Conformance, Fixtures } from "@quartieri/storage-testkit"

describe("the kit's own helpers", () => {
  it("scales model-based runs by FC_NUM_RUNS/100", () => {
    const saved = process.env.FC_NUM_RUNS
    try {
      process.env.FC_NUM_RUNS = "1000"
      expect(Conformance.scaledRuns(100)).toBe(1000)
      process.env.FC_NUM_RUNS = "10"
      expect(Conformance.scaledRuns(100)).toBe(10)
      process.env.FC_NUM_RUNS = "not a number"
      expect(Conformance.scaledRuns(100)).toBe(100)
    } finally {
      if (saved === undefined) delete process.env.FC_NUM_RUNS
      else process.env.FC_NUM_RUNS = saved
    }
  })

  it("gives every test fresh, valid collection names", () => {
    const names = Array.from({ length: 50 }, () => Fixtures.freshName())
    expect(new Set(names).size).toBe(50)
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]{0,29}$/)
  })
})
