import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import { Calendar, Parameter } from "../src/index.js"

const d = Calendar.unsafeMake
const rr4 = { act: "r.r. 4/2017", article: "art. 7, c. 1, lett. b", confidence: "confirmed" } as const
const cc44 = { act: "Corte cost. 44/2020", confidence: "unverified" } as const

// The residence requirement of SAP access: 5 years in the original text, struck down by
// Corte cost. 44/2020 (date and effect from memory: facts.md §2.2 marks them [M]).
const residenceYears = Parameter.make<number>({
  id: "sap.access.residence-years",
  title: { it: "Anni di residenza in Lombardia", en: "Years of residence in Lombardy" },
  unit: "years",
  source: rr4,
  steps: [
    { from: d("2017-08-09"), value: 5 },
    { from: d("2020-03-20"), value: 0, source: cc44 }
  ]
})

describe("Parameter", () => {
  it("reads the value in force at each date, with its effective date and source", () => {
    expect(Option.isNone(Parameter.readAt(residenceYears, d("2017-08-08")))).toBe(true)
    expect(Parameter.valueAt(residenceYears, d("2019-06-30"))).toBe(5)
    expect(Parameter.readAt(residenceYears, d("2024-01-01"))).toEqual(
      Option.some({ id: "sap.access.residence-years", value: 0, from: "2020-03-20", source: cc44 })
    )
    expect(Parameter.isConfirmed(Option.getOrThrow(Parameter.readAt(residenceYears, d("2024-01-01"))))).toBe(false)
    expect(Parameter.isConfirmed(Option.getOrThrow(Parameter.readAt(residenceYears, d("2018-01-01"))))).toBe(true)
  })

  it("refuses steps out of order", () => {
    expect(() =>
      Parameter.make({
        ...residenceYears,
        steps: [
          { from: d("2020-01-01"), value: 1 },
          { from: d("2019-01-01"), value: 2 }
        ]
      })
    ).toThrow("step 2019-01-01 is not after 2020-01-01")
  })
})
