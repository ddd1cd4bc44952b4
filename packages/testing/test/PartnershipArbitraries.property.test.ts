import { describe, expect } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { Call, Partnership } from "@quartieri/core"
import { Result, Schema } from "effect"
import { PartnershipArbitraries } from "../src/index.js"

const roundTrips = (p: Partnership.Partnership): boolean => {
  const encoded = Schema.encodeSync(Partnership.Partnership)(p)
  const decoded = Partnership.decode(JSON.parse(JSON.stringify(encoded)))
  return Result.isSuccess(decoded) && JSON.stringify(decoded.success) === JSON.stringify(p)
}

describe("PartnershipArbitraries (property)", () => {
  test.prop([PartnershipArbitraries.partnership])("random partnerships decode and survive JSON", (p) => {
    expect(roundTrips(p)).toBe(true)
  })

  test.prop([PartnershipArbitraries.validPartnership2017])("valid 2017 partnerships keep every 2017 rule", (p) => {
    expect(roundTrips(p)).toBe(true)
    const r = Partnership.check(Call.avviso2017, p)
    expect(Result.isFailure(r) ? r.failure.violations.map((v) => v.message) : []).toEqual([])
    expect(p.members.filter((m) => m.role === "capofila").length).toBe(1)
  })

  test.prop([PartnershipArbitraries.validPartnershipMilano])(
    "valid Milano partnerships keep every Milano rule",
    (p) => {
      expect(roundTrips(p)).toBe(true)
      const r = Partnership.check(Call.milanoDgr2717, p)
      expect(Result.isFailure(r) ? r.failure.violations.map((v) => v.message) : []).toEqual([])
    }
  )
})
