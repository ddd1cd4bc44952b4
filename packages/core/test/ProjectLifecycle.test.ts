import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import { Calendar, ProjectLifecycle as L } from "../src/index.js"

const d = Calendar.unsafeMake
const since = d("2019-03-01")
const on = d("2019-03-10")

const states: Record<L.Status, L.ProjectState> = {
  submitted: { status: "submitted", since },
  admitted: { status: "admitted", since },
  funded: { status: "funded", since },
  started: { status: "started", since },
  closing: { status: "closing", since },
  closed: { status: "closed", since },
  revoked: { status: "revoked", since, from: "funded", reason: "irregolarità nella rendicontazione" },
  withdrawn: { status: "withdrawn", since, from: "submitted" }
}

const commands: Record<L.CommandName, L.Command> = {
  admit: { command: "admit", date: on },
  fund: { command: "fund", date: on },
  start: { command: "start", date: on },
  beginClosing: { command: "beginClosing", date: on },
  close: { command: "close", date: on },
  revoke: { command: "revoke", date: on, reason: "revoca per mancato avvio" },
  withdraw: { command: "withdraw", date: on }
}

// The whole table, worked out by hand: the state reached, or "—" when the command is refused.
const revokedFrom = (from: L.Revocable): L.ProjectState => ({
  status: "revoked",
  since: on,
  from,
  reason: "revoca per mancato avvio"
})
const withdrawnFrom = (from: L.Withdrawable): L.ProjectState => ({ status: "withdrawn", since: on, from })
const no = "—" as const
const table: Record<L.Status, Record<L.CommandName, L.ProjectState | typeof no>> = {
  submitted: {
    admit: { status: "admitted", since: on },
    fund: no,
    start: no,
    beginClosing: no,
    close: no,
    revoke: no,
    withdraw: withdrawnFrom("submitted")
  },
  admitted: {
    admit: no,
    fund: { status: "funded", since: on },
    start: no,
    beginClosing: no,
    close: no,
    revoke: revokedFrom("admitted"),
    withdraw: withdrawnFrom("admitted")
  },
  funded: {
    admit: no,
    fund: no,
    start: { status: "started", since: on },
    beginClosing: no,
    close: no,
    revoke: revokedFrom("funded"),
    withdraw: withdrawnFrom("funded")
  },
  started: {
    admit: no,
    fund: no,
    start: no,
    beginClosing: { status: "closing", since: on },
    close: no,
    revoke: revokedFrom("started"),
    withdraw: withdrawnFrom("started")
  },
  closing: {
    admit: no,
    fund: no,
    start: no,
    beginClosing: no,
    close: { status: "closed", since: on },
    revoke: revokedFrom("closing"),
    withdraw: no
  },
  closed: { admit: no, fund: no, start: no, beginClosing: no, close: no, revoke: no, withdraw: no },
  revoked: { admit: no, fund: no, start: no, beginClosing: no, close: no, revoke: no, withdraw: no },
  withdrawn: { admit: no, fund: no, start: no, beginClosing: no, close: no, revoke: no, withdraw: no }
}

const cells = (Object.keys(table) as Array<L.Status>).flatMap((s) =>
  (Object.keys(table[s]) as Array<L.CommandName>).map((c) => [s, c, table[s][c]] as const)
)

describe("ProjectLifecycle.transition", () => {
  it("the table covers every state × command", () => {
    expect(cells.length).toBe(8 * 7)
  })

  it.each(cells)("%s × %s", (s, c, expected) => {
    const r = L.transition(states[s], commands[c])
    if (expected === no) {
      expect(Result.isFailure(r)).toBe(true)
      if (Result.isFailure(r)) {
        expect(r.failure).toBeInstanceOf(L.TransitionNotAllowed)
        expect({ ...r.failure }).toEqual({
          _tag: "TransitionNotAllowed",
          state: s,
          command: c,
          reason: "not-accepted",
          since,
          date: on
        })
      }
    } else {
      expect(r).toEqual(Result.succeed(expected))
    }
  })

  it("names the state and the command, in English and Italian", () => {
    const r = L.transition(states.submitted, commands.start)
    expect(Result.isFailure(r) && r.failure.message).toBe(
      'a project that is submitted does not accept the command "start"'
    )
    expect(Result.isFailure(r) && r.failure.messageIt).toBe('un progetto presentato non ammette il comando "avvio"')
  })

  it("a start before the funding is refused", () => {
    const funded: L.ProjectState = { status: "funded", since: d("2018-11-06") }
    const r = L.transition(funded, { command: "start", date: d("2018-10-01") })
    expect(Result.isFailure(r) && { ...r.failure }).toEqual({
      _tag: "TransitionNotAllowed",
      state: "funded",
      command: "start",
      reason: "date-before-state",
      since: "2018-11-06",
      date: "2018-10-01"
    })
    expect(Result.isFailure(r) && r.failure.message).toBe(
      'the command "start" dated 2018-10-01 is before 2018-11-06, when the project became funded'
    )
    expect(Result.isFailure(r) && r.failure.messageIt).toBe(
      'il comando "avvio" del 2018-10-01 precede il 2018-11-06, data in cui il progetto è stato finanziato'
    )
  })

  it("the same day is allowed", () => {
    const funded: L.ProjectState = { status: "funded", since: d("2018-11-06") }
    expect(L.transition(funded, { command: "start", date: d("2018-11-06") })).toEqual(
      Result.succeed({ status: "started", since: "2018-11-06" })
    )
  })

  it("a command the state does not accept is refused as such, whatever its date", () => {
    const r = L.transition(states.closed, { command: "close", date: d("2000-01-01") })
    expect(Result.isFailure(r) && r.failure.reason).toBe("not-accepted")
  })

  it("a withdrawal keeps its reason when given", () => {
    expect(L.transition(states.funded, { command: "withdraw", date: on, reason: "rinuncia del capofila" })).toEqual(
      Result.succeed({ status: "withdrawn", since: on, from: "funded", reason: "rinuncia del capofila" })
    )
  })

  it("replays a whole life, and stops at the first refusal", () => {
    const life: ReadonlyArray<L.Command> = [
      { command: "admit", date: d("2018-05-23") },
      { command: "fund", date: d("2018-11-06") },
      { command: "start", date: d("2019-01-01") },
      { command: "beginClosing", date: d("2020-05-16") },
      { command: "close", date: d("2020-12-31") }
    ]
    expect(L.replay(L.submitted(d("2018-02-15")), life)).toEqual(
      Result.succeed({ status: "closed", since: "2020-12-31" })
    )
    const [admit, fund, start] = life
    const r = L.replay(
      L.submitted(d("2018-02-15")),
      [admit, start, fund].filter((c) => c !== undefined)
    )
    expect(Result.isFailure(r) && [r.failure.state, r.failure.command]).toEqual(["admitted", "start"])
  })

  it("lists what each state accepts", () => {
    expect(L.accepts(states.submitted)).toEqual(["admit", "withdraw"])
    expect(L.accepts(states.admitted)).toEqual(["fund", "revoke", "withdraw"])
    expect(L.accepts(states.funded)).toEqual(["start", "revoke", "withdraw"])
    expect(L.accepts(states.started)).toEqual(["beginClosing", "revoke", "withdraw"])
    expect(L.accepts(states.closing)).toEqual(["close", "revoke"])
    expect(L.accepts(states.closed)).toEqual([])
    expect(L.accepts(states.revoked)).toEqual([])
    expect(L.accepts(states.withdrawn)).toEqual([])
  })
})
