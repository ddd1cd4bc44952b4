/**
 * Text no Store adapter can hold (U+0000, a lone surrogate) passes a Schema: found by the CLI
 * fuzzing, where an imported unit with a NUL reached the store and came back as a storage error
 * (`ConstraintViolation`, exit code 3) instead of bad input. Every use-case now refuses it while
 * decoding, at its field, and writes nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { App } from "../../src/index.js"
import * as F from "./fixtures.js"

describe("text a store cannot hold", () => {
  it.effect("is bad input at its field, refused before the store is reached", () =>
    Effect.gen(function* () {
      const q = yield* App.Quartieri.Quartieri
      yield* F.seedAll
      const before = (yield* F.auditLog).length
      const registration = F.household("h9", "p1", "l1", ["h9-a"])
      const nul = yield* Effect.flip(
        q.registerHousehold(F.coordinator, {
          ...registration,
          household: { ...registration.household, tenancy: { ...registration.household.tenancy, unit: "B\u000012" } }
        })
      )
      expect(nul._tag === "InvalidInput" && nul.problems).toEqual([
        {
          path: "household.tenancy.unit",
          message: "contains the character U+0000 (NUL), which no adapter can store"
        }
      ])
      const lab = F.laboratorio("l9", "p1")
      const surrogate = yield* Effect.flip(
        q.createLaboratorio(F.coordinator, { ...lab, laboratorio: { ...lab.laboratorio, name: "Lab \uD800" } })
      )
      expect(surrogate._tag === "InvalidInput" && surrogate.problems).toEqual([
        {
          path: "laboratorio.name",
          message: "contains a lone UTF-16 surrogate, so it is not well-formed Unicode"
        }
      ])
      expect((yield* F.auditLog).length).toBe(before)
      expect(App.UseCase.unstorableText({ a: ["ok", "x\u0000"], b: { c: "\uDC00" } })).toEqual([
        { path: "a[1]", message: "contains the character U+0000 (NUL), which no adapter can store" },
        { path: "b.c", message: "contains a lone UTF-16 surrogate, so it is not well-formed Unicode" }
      ])
    }).pipe(Effect.provide(F.layer()))
  )
})
