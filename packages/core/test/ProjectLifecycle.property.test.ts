import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { Calendar, ProjectLifecycle as L } from "../src/index.js"

// The model, written independently of the code: the state each command leads to.
const model: Record<L.Status, Partial<Record<L.CommandName, L.Status>>> = {
  submitted: { admit: "admitted", withdraw: "withdrawn" },
  admitted: { fund: "funded", revoke: "revoked", withdraw: "withdrawn" },
  funded: { start: "started", revoke: "revoked", withdraw: "withdrawn" },
  started: { beginClosing: "closing", revoke: "revoked", withdraw: "withdrawn" },
  closing: { close: "closed", revoke: "revoked" },
  closed: {},
  revoked: {},
  withdrawn: {}
}
const terminal: ReadonlyArray<L.Status> = ["closed", "revoked", "withdrawn"]
const names = ["admit", "fund", "start", "beginClosing", "close", "revoke", "withdraw"] as const

const start = Calendar.unsafeMake("2018-01-01")

// Commands with dates that mostly move forward but sometimes go back.
const commandArb = fc.record({ name: fc.constantFrom(...names), offset: fc.integer({ min: -60, max: 400 }) })
const sequenceArb = fc.array(commandArb, { maxLength: 25 })

const toCommand = (name: L.CommandName, date: Calendar.CalendarDate): L.Command =>
  name === "revoke" ? { command: name, date, reason: "revoca" } : { command: name, date }

describe("ProjectLifecycle (property)", () => {
  test.prop([sequenceArb])("every step follows the table or is refused naming the current state", (sequence) => {
    let state: L.ProjectState = L.submitted(start)
    let last = start
    for (const { name, offset } of sequence) {
      const date = Calendar.addDays(last, offset)
      const r = L.transition(state, toCommand(name, date))
      const target = model[state.status][name]
      if (target !== undefined && date >= state.since) {
        expect(Result.isSuccess(r)).toBe(true)
        if (Result.isSuccess(r)) {
          expect(r.success.status).toBe(target)
          expect(r.success.since).toBe(date)
          state = r.success
          last = date
        }
      } else {
        expect(Result.isFailure(r)).toBe(true)
        if (Result.isFailure(r)) {
          expect(r.failure._tag).toBe("TransitionNotAllowed")
          expect(r.failure.state).toBe(state.status)
          expect(r.failure.command).toBe(name)
          expect(r.failure.reason).toBe(target === undefined ? "not-accepted" : "date-before-state")
        }
      }
    }
  })

  test.prop([sequenceArb])("dates of the states reached never go backwards", (sequence) => {
    let state: L.ProjectState = L.submitted(start)
    for (const { name, offset } of sequence) {
      const r = L.transition(state, toCommand(name, Calendar.addDays(state.since, offset)))
      if (Result.isSuccess(r)) {
        expect(r.success.since >= state.since).toBe(true)
        state = r.success
      }
    }
  })

  const terminalArb = fc.oneof(
    fc.constant<L.ProjectState>({ status: "closed", since: start }),
    fc.constantFrom(...(["admitted", "funded", "started", "closing"] as const)).map(
      (from): L.ProjectState => ({
        status: "revoked",
        since: start,
        from,
        reason: "revoca"
      })
    ),
    fc.constantFrom(...(["submitted", "admitted", "funded", "started"] as const)).map(
      (from): L.ProjectState => ({
        status: "withdrawn",
        since: start,
        from
      })
    )
  )

  test.prop([terminalArb, commandArb])("terminal states accept nothing", (state, { name, offset }) => {
    expect(terminal).toContain(state.status)
    const r = L.transition(state, toCommand(name, Calendar.addDays(start, Math.abs(offset))))
    expect(Result.isFailure(r) && [r.failure.state, r.failure.reason]).toEqual([state.status, "not-accepted"])
    expect(L.isTerminal(state)).toBe(true)
    expect(L.accepts(state)).toEqual([])
  })

  test.prop([sequenceArb])("replay is the step-by-step fold", (sequence) => {
    const commands = sequence.map(({ name, offset }) => toCommand(name, Calendar.addDays(start, Math.abs(offset))))
    let expected: Result.Result<L.ProjectState, L.TransitionNotAllowed> = Result.succeed(L.submitted(start))
    for (const c of commands) {
      if (Result.isFailure(expected)) break
      expected = L.transition(expected.success, c)
    }
    expect(L.replay(L.submitted(start), commands)).toEqual(expected)
  })
})
