import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { Calendar, InvalidInput } from "../src/index.js"

const Member = Schema.Struct({
  name: Schema.String.pipe(Schema.check(Schema.isMinLength(1))),
  joined: Calendar.CalendarDate
})
const decode = InvalidInput.decoder(Schema.Struct({ members: Schema.Array(Member) }), "Partnership")

describe("InvalidInput.decoder", () => {
  it("lists every problem with its path, not only the first", () => {
    const r = decode({ members: [{ name: "", joined: "2019-02-29" }, { name: "Acli" }] })
    expect(Result.isFailure(r) && r.failure.problems.map((p) => p.path)).toEqual([
      "members[0].name",
      "members[0].joined",
      "members[1].joined"
    ])
    expect(Result.isFailure(r) && r.failure.message).toContain("Partnership: members[0].name:")
  })

  test.prop([fc.jsonValue()])("never throws on random JSON", (json) => {
    const r = decode(json)
    if (Result.isFailure(r)) {
      expect(r.failure.problems.length).toBeGreaterThan(0)
      expect(r.failure.problems.every((p) => p.message.length > 0)).toBe(true)
    }
  })
})
