import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Calendar, EntrySnapshot, InvalidInput, Pathway, PathwayService } from "@quartieri/core"
import { Result } from "effect"
import { PathwayArbitraries } from "../src/index.js"

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

describe("PathwayArbitraries (property)", () => {
  test.prop([PathwayArbitraries.pathway])("pathways decode and survive JSON", (p) => {
    expect(Pathway.decode(viaJson(p))).toEqual(Result.succeed(p))
  })

  test.prop([PathwayArbitraries.entrySnapshot(Calendar.unsafeMake("2019-03-04"))])("entry snapshots decode", (e) => {
    expect(InvalidInput.decoder(EntrySnapshot.EntrySnapshot, "EntrySnapshot")(viaJson(e))).toEqual(Result.succeed(e))
  })

  test.prop([PathwayArbitraries.plannedService, PathwayArbitraries.delivery])(
    "services decode",
    (planned, delivery) => {
      expect(Result.isSuccess(InvalidInput.decoder(PathwayService.PlannedService, "planned")(viaJson(planned)))).toBe(
        true
      )
      expect(Result.isSuccess(InvalidInput.decoder(PathwayService.Delivery, "delivery")(viaJson(delivery)))).toBe(true)
    }
  )

  test.prop([PathwayArbitraries.step, PathwayArbitraries.referralDate])(
    "every step is a command that decodes",
    (s, date) => {
      const command = PathwayArbitraries.toCommand(s, date)
      expect(Pathway.decodeCommand(viaJson(command))).toEqual(Result.succeed(command))
    }
  )

  test.prop([fc.tuple(PathwayArbitraries.candidate, PathwayArbitraries.steps)])(
    "run keeps exactly the accepted commands: replaying them gives the same pathway",
    ([initial, steps]) => {
      const { pathway, accepted } = PathwayArbitraries.run(initial, steps)
      expect(Pathway.replay(initial, accepted)).toEqual(Result.succeed(pathway))
    }
  )
})
