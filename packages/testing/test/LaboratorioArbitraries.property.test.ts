import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { AttendanceRegister, Laboratorio } from "@quartieri/core"
import { Result, Schema } from "effect"
import { LaboratorioArbitraries as L } from "../src/index.js"

const toMinutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

describe("LaboratorioArbitraries (property)", () => {
  test.prop([L.openingHours])("opening hours never overlap on a day, and every slot starts before it ends", (hours) => {
    for (const [i, a] of hours.entries()) {
      expect(toMinutes(a.from)).toBeLessThan(toMinutes(a.to))
      for (const b of hours.slice(i + 1))
        if (a.weekday === b.weekday)
          expect(toMinutes(a.to) <= toMinutes(b.from) || toMinutes(b.to) <= toMinutes(a.from)).toBe(true)
    }
  })

  test.prop([L.laboratorio()])("laboratori decode and survive JSON", (lab) => {
    const encoded = Schema.encodeSync(Laboratorio.Laboratorio)(lab)
    expect(Laboratorio.decode(JSON.parse(JSON.stringify(encoded)))).toEqual(Result.succeed(lab))
  })

  test.prop([L.register])("registers hold every pointer", (register) => {
    const labs = new Set(register.laboratori.map((l) => l.id))
    const activityLab = new Map<string, string>(register.activities.map((a) => [a.id, a.laboratorio]))
    const sessionActivity = new Map<string, string>(register.sessions.map((s) => [s.id, s.activity]))
    expect(register.activities.every((a) => labs.has(a.laboratorio))).toBe(true)
    expect(register.sessions.every((s) => activityLab.has(s.activity))).toBe(true)
    for (const sheet of register.attendance) {
      expect(activityLab.get(sessionActivity.get(sheet.session) ?? "")).toBe(sheet.laboratorio)
      expect(new Set(sheet.named).size).toBe(sheet.named.length)
    }
    expect(new Set(register.attendance.map((a) => a.session)).size).toBe(register.attendance.length)
    const encoded = Schema.encodeSync(AttendanceRegister.AttendanceRegister)(register)
    expect(AttendanceRegister.decode(JSON.parse(JSON.stringify(encoded)))).toEqual(Result.succeed(register))
  })

  test.prop([fc.array(L.entry, { minLength: 40, maxLength: 40 })])(
    "entries name persons from a small pool, so the same person recurs",
    (entries) => {
      for (const e of entries)
        if (e.attendance !== undefined) expect(new Set(e.attendance.named).size).toBe(e.attendance.named.length)
      const named = entries.flatMap((e) => e.attendance?.named ?? [])
      expect(new Set(named).size).toBeLessThanOrEqual(12)
    }
  )
})
