/**
 * The seeded generator behind every piece of synthetic data — the population, the demo's
 * activity, the benchmark's requests: mulberry32, a small, fast 32-bit generator. The same seed
 * always gives the same sequence, so a synthetic neighbourhood, a demo run or a benchmark can be
 * made again exactly. Not for anything that must be unpredictable.
 *
 * @since 0.1.0
 */

/**
 * A seeded generator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Random {
  /** A number in [0, 1). */
  readonly next: () => number
  /** A whole number in [min, max]. */
  readonly int: (min: number, max: number) => number
  /** True with probability `p`. */
  readonly chance: (p: number) => boolean
  /** One item of a non-empty list. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  /** One item of a non-empty list, each drawn in proportion to its weight. */
  readonly weighted: <A>(items: ReadonlyArray<readonly [A, number]>) => A
  /** The items in random order (Fisher–Yates). */
  readonly shuffle: <A>(items: ReadonlyArray<A>) => Array<A>
  /** `n` distinct items of a list (all of them when it has fewer), in random order. */
  readonly sample: <A>(items: ReadonlyArray<A>, n: number) => ReadonlyArray<A>
}

/**
 * A generator from a seed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (seed: number): Random => {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const chance = (p: number): boolean => next() < p
  const pick = <A>(items: ReadonlyArray<A>): A => items[Math.floor(next() * items.length)] as A
  const weighted = <A>(items: ReadonlyArray<readonly [A, number]>): A => {
    const total = items.reduce((s, [, w]) => s + w, 0)
    let x = next() * total
    for (const [item, w] of items) {
      x -= w
      if (x < 0) return item
    }
    return (items[items.length - 1] as readonly [A, number])[0]
  }
  const shuffle = <A>(items: ReadonlyArray<A>): Array<A> => {
    const out = [...items]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[out[i], out[j]] = [out[j] as A, out[i] as A]
    }
    return out
  }
  const sample = <A>(items: ReadonlyArray<A>, n: number): ReadonlyArray<A> => shuffle(items).slice(0, Math.max(0, n))
  return { next, int, chance, pick, weighted, shuffle, sample }
}
