/**
 * The crash-safety verdict, worked by hand on what a killed import could leave behind.
 */
import { describe, expect, it } from "@effect/vitest"
import { Crash } from "../src/index.js"

const batchSize = 20
const left = (complete: ReadonlyArray<number>, auditEntries = complete.length * batchSize) => ({
  complete,
  problems: [],
  auditEntries
})

describe("Crash.judge", () => {
  it("batches 0–2 committed, 2 reported by this child (next = 2): sound", () => {
    expect(Crash.judge(left([0, 1, 2]), { next: 2, reported: [2], batchSize })).toEqual({ problems: [], unreported: 0 })
  })

  it("the batch after the last reported may be committed without its report, and is counted", () => {
    expect(Crash.judge(left([0, 1, 2, 3]), { next: 2, reported: [2], batchSize })).toEqual({
      problems: [],
      unreported: 1
    })
  })

  it("a lost batch, a reported batch missing, two unreported and a missing audit event are each named", () => {
    const judged = Crash.judge(left([0, 2, 3, 4], 79), { next: 1, reported: [1], batchSize })
    expect(judged.problems).toEqual([
      "the committed batches are not 0…3: 0, 2, 3, 4",
      "batch 1 was reported committed and is not in the store",
      "batches 2, 3, 4 committed without a report; only batch 2 may",
      "79 audit entries for 4 batches of 20 households"
    ])
  })

  it("keeps the store's own problems first", () => {
    const judged = Crash.judge(
      { complete: [0], problems: ["batch 1 is partial: 7 of 20 households"], auditEntries: 20 },
      { next: 0, reported: [0], batchSize }
    )
    expect(judged.problems).toEqual(["batch 1 is partial: 7 of 20 households"])
  })
})
