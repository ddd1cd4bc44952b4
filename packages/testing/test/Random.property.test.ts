/**
 * The seeded generator behind all synthetic data: the same seed gives the same sequence (a demo
 * or a benchmark can be made again), and every draw stays within what it promises.
 */
import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Random } from "../src/index.js"

describe("Random (property)", () => {
  test.prop([fc.integer(), fc.integer({ min: 1, max: 200 })])("the same seed gives the same sequence", (seed, n) => {
    const a = Random.make(seed)
    const b = Random.make(seed)
    expect(Array.from({ length: n }, a.next)).toEqual(Array.from({ length: n }, b.next))
  })

  test.prop([fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 })])(
    "next is in [0, 1) and int in [min, max]",
    (seed, min, span) => {
      const r = Random.make(seed)
      for (let i = 0; i < 100; i++) {
        const x = r.next()
        expect(x >= 0 && x < 1).toBe(true)
        const k = r.int(min, min + span)
        expect(Number.isInteger(k) && k >= min && k <= min + span).toBe(true)
      }
    }
  )

  test.prop([fc.integer(), fc.uniqueArray(fc.string(), { maxLength: 30 }), fc.integer({ min: -3, max: 40 })])(
    "sample gives min(n, length) distinct items of the list; shuffle a permutation",
    (seed, items, n) => {
      const r = Random.make(seed)
      const drawn = r.sample(items, n)
      expect(drawn.length).toBe(Math.max(0, Math.min(n, items.length)))
      expect(new Set(drawn).size).toBe(drawn.length)
      for (const x of drawn) expect(items).toContain(x)
      expect([...r.shuffle(items)].sort()).toEqual([...items].sort())
    }
  )

  test.prop([fc.integer(), fc.array(fc.nat(5), { minLength: 1, maxLength: 8 })])(
    "weighted never draws an item of weight 0 while another has weight",
    (seed, weights) => {
      fc.pre(weights.some((w) => w > 0))
      const r = Random.make(seed)
      const items = weights.map((w, i) => [i, w] as const)
      for (let k = 0; k < 50; k++) expect(weights[r.weighted(items)]).toBeGreaterThan(0)
    }
  )
})
