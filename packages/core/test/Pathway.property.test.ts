import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { PathwayArbitraries as A } from "@quartieri/testing"
import { Result } from "effect"
import { Calendar, PathwayHours, Pathway as PW } from "../src/index.js"

// ---------------------------------------------------------------------------------------------
// the model, written independently of the code
// ---------------------------------------------------------------------------------------------

type Key = "candidate" | "assessed" | "not-enrolled" | "enrolled" | "active" | "suspended" | "completed" | "dropped"

/** The state each command leads to; absent: refused. */
const model: Record<Key, Partial<Record<PW.CommandName, Key>>> = {
  candidate: { assess: "assessed", drop: "not-enrolled" },
  assessed: { assess: "assessed", enrol: "enrolled", drop: "not-enrolled" },
  "not-enrolled": {},
  enrolled: { start: "active", drop: "dropped" },
  active: { suspend: "suspended", complete: "completed", drop: "dropped", recordService: "active" },
  suspended: { resume: "active", drop: "dropped" },
  completed: { recordLeavingStatus: "completed", recordFollowUp: "completed" },
  dropped: { recordLeavingStatus: "dropped", recordFollowUp: "dropped" }
}

const statusOf: Record<Key, PW.Status> = {
  candidate: "candidate",
  assessed: "assessed",
  "not-enrolled": "dropped",
  enrolled: "enrolled",
  active: "active",
  suspended: "suspended",
  completed: "completed",
  dropped: "dropped"
}

/** Commands that record something without changing the state's date. */
const keepsDate: ReadonlyArray<PW.CommandName> = ["recordService", "recordLeavingStatus", "recordFollowUp"]

interface ModelState {
  readonly key: Key
  readonly since: Calendar.CalendarDate
  readonly outcome: PW.Outcome | undefined
  readonly leaving: boolean
  readonly followUp: boolean
  readonly lastService: Calendar.CalendarDate | undefined
}

/** The reason the model expects a command to be refused for, or `undefined` when accepted. */
const expectedRefusal = (m: ModelState, c: PW.Command): PW.RefusalReason | undefined => {
  const target = model[m.key][c.command]
  if (target === undefined)
    return m.key === "not-enrolled" && (c.command === "recordLeavingStatus" || c.command === "recordFollowUp")
      ? "never-enrolled"
      : "not-accepted"
  if (c.command === "enrol" && m.outcome !== "eligible") return "not-eligible"
  if (c.command === "recordLeavingStatus" && m.leaving) return "already-recorded"
  if (c.command === "recordFollowUp" && m.followUp) return "already-recorded"
  if (c.date < m.since) return "date-before-state"
  // a pathway does not stop before a service it delivered
  const stops = c.command === "suspend" || c.command === "complete" || c.command === "drop"
  if (stops && m.lastService !== undefined && c.date < m.lastService) return "date-before-last-service"
  if (c.command === "enrol" && c.entry.asOf !== c.date) return "entry-date-mismatch"
  // 4 weeks upon leaving; six months after leaving (facts.md §3.1)
  if (c.command === "recordLeavingStatus" && Calendar.daysBetween(m.since, c.date) > 28)
    return "leaving-status-too-late"
  if (c.command === "recordFollowUp" && c.date < Calendar.addMonths(m.since, 6)) return "follow-up-too-early"
  return undefined
}

const step = (m: ModelState, c: PW.Command): ModelState => {
  const key = model[m.key][c.command] ?? m.key
  return {
    key,
    since: keepsDate.includes(c.command) ? m.since : c.date,
    outcome: c.command === "assess" ? c.eligibility.outcome : m.outcome,
    leaving: m.leaving || c.command === "recordLeavingStatus",
    followUp: m.followUp || c.command === "recordFollowUp",
    lastService:
      c.command === "recordService" && (m.lastService === undefined || c.date > m.lastService) ? c.date : m.lastService
  }
}

describe("Pathway (property)", () => {
  test.prop([A.candidate, A.steps])(
    "every command follows the model's table or is refused with a typed error naming the current state",
    (initial, steps) => {
      let p: PW.Pathway = initial
      let m: ModelState = {
        key: "candidate",
        since: initial.state.since,
        outcome: undefined,
        leaving: false,
        followUp: false,
        lastService: undefined
      }
      let last = initial.state.since
      for (const s of steps) {
        const c = A.toCommand(s, Calendar.addDays(last, s.offset))
        const r = PW.transition(p, c)
        const refusal = expectedRefusal(m, c)
        if (refusal === undefined) {
          expect(Result.isSuccess(r)).toBe(true)
          if (Result.isFailure(r)) return
          m = step(m, c)
          p = r.success
          last = c.date
          expect(p.state.status).toBe(statusOf[m.key])
          expect(p.phase).toBe(
            m.key === "candidate" || m.key === "assessed" || m.key === "not-enrolled" ? "prospect" : "participant"
          )
          expect(p.state.since).toBe(m.since)
        } else {
          expect(Result.isFailure(r)).toBe(true)
          if (Result.isSuccess(r)) return
          expect(r.failure).toBeInstanceOf(PW.PathwayTransitionNotAllowed)
          expect(r.failure._tag).toBe("PathwayTransitionNotAllowed")
          expect(r.failure.state).toBe(statusOf[m.key])
          expect(r.failure.since).toBe(m.since)
          expect(r.failure.command).toBe(c.command)
          expect(r.failure.reason).toBe(refusal)
          expect(r.failure.message.length).toBeGreaterThan(0)
          expect(r.failure.messageIt.length).toBeGreaterThan(0)
        }
      }
    }
  )

  test.prop([A.candidate, A.step, A.step, A.steps])(
    "the entry snapshot never changes after enrolment",
    (initial, assess, enrol, rest) => {
      const prefix = [
        { ...assess, name: "assess" as const, outcome: "eligible" as const, offset: Math.abs(assess.offset) },
        { ...enrol, name: "enrol" as const, entryShift: 0, offset: Math.abs(enrol.offset) }
      ]
      const enrolled = A.run(initial, prefix).pathway
      expect(enrolled.phase).toBe("participant")
      if (enrolled.phase !== "participant") return
      const original = enrolled.enrolment
      const copy: unknown = JSON.parse(JSON.stringify(original))
      let p: PW.Pathway = enrolled
      let last = enrolled.state.since
      for (const s of rest) {
        const c = A.toCommand(s, Calendar.addDays(last, s.offset))
        const r = PW.transition(p, c)
        if (Result.isFailure(r)) continue
        p = r.success
        last = c.date
        expect(p.phase).toBe("participant")
        if (p.phase !== "participant") return
        expect(p.enrolment).toBe(original)
        expect(p.enrolment).toEqual(copy)
      }
    }
  )

  test.prop([A.candidate, A.steps])("delivered hours are the sum of the recorded services' hours", (initial, steps) => {
    const { pathway, accepted } = A.run(initial, steps)
    const recorded = accepted.flatMap((c) => (c.command === "recordService" ? [c.service] : []))
    const summary = PathwayHours.ofPathway(pathway)
    expect(summary.total.delivered).toBe(recorded.reduce((sum, s) => sum + s.hours, 0))
    for (const k of summary.byKind)
      expect(k.delivered).toBe(recorded.filter((s) => s.kind === k.kind).reduce((sum, s) => sum + s.hours, 0))
    if (pathway.phase === "participant") {
      expect(summary.total.planned).toBe(pathway.enrolment.planned.reduce((sum, s) => sum + s.hours, 0))
      expect(pathway.services.map((s) => [s.date, s.kind, s.hours])).toEqual(
        accepted.flatMap((c) => (c.command === "recordService" ? [[c.date, c.service.kind, c.service.hours]] : []))
      )
    }
    // planned − delivered = remaining − over, in total and in each kind, never negative
    for (const t of [summary.total, ...summary.byKind]) {
      expect(t.planned - t.delivered).toBe(t.remaining - t.over)
      expect(t.remaining >= 0 && t.over >= 0).toBe(true)
      expect(t.overDelivered).toBe(t.over > 0)
    }
  })

  test.prop([fc.oneof(fc.jsonValue(), fc.anything())])("decoding random input as a Pathway never throws", (input) => {
    const r = PW.decode(input)
    expect(Result.isSuccess(r) || r.failure._tag === "InvalidInput").toBe(true)
  })

  test.prop([A.pathway])("a valid pathway survives JSON and decodes to itself", (p) => {
    expect(PW.decode(JSON.parse(JSON.stringify(p)))).toEqual(Result.succeed(p))
  })

  // A pathway with one value replaced anywhere in its JSON: decoding reports it or accepts it,
  // and never throws.
  const leaves = (u: unknown, path: ReadonlyArray<string | number> = []): Array<ReadonlyArray<string | number>> =>
    Array.isArray(u)
      ? u.flatMap((v, i) => leaves(v, [...path, i]))
      : u !== null && typeof u === "object"
        ? Object.entries(u).flatMap(([k, v]) => leaves(v, [...path, k]))
        : [path]
  const replaceAt = (u: unknown, path: ReadonlyArray<string | number>, value: unknown): unknown => {
    const [head, ...tail] = path
    if (head === undefined) return value
    if (Array.isArray(u)) return u.map((v, i) => (i === head ? replaceAt(v, tail, value) : v))
    if (u !== null && typeof u === "object")
      return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, k === head ? replaceAt(v, tail, value) : v]))
    return u
  }
  test.prop([A.pathway, fc.nat(), fc.jsonValue()])(
    "a corrupted pathway never makes the decoder throw",
    (p, i, value) => {
      const json: unknown = JSON.parse(JSON.stringify(p))
      const all = leaves(json)
      const corrupted = replaceAt(json, all[i % all.length] ?? [], value)
      const r = PW.decode(corrupted)
      expect(Result.isSuccess(r) || r.failure.problems.length > 0).toBe(true)
    }
  )
})
