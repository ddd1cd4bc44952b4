import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { LaboratorioArbitraries as L } from "@quartieri/testing"
import { Result } from "effect"
import { Activity, Attendance, AttendanceRegister, Calendar, Involvement, Laboratorio, Session } from "../src/index.js"

// ---------------------------------------------------------------------------------------------
// An independent model of the rule, written with a plain Set and plain sums: never the code
// under test.
// ---------------------------------------------------------------------------------------------

interface Model {
  readonly lower: number
  readonly upper: number
  readonly distinctNamed: number
  readonly attendances: number
  readonly sessions: number
  readonly minutes: number
}

const model = (entries: ReadonlyArray<Involvement.Entry>): Model => {
  const named = new Set<string>()
  let namedAttendances = 0
  let headCounts = 0
  let largest = 0
  let minutes = 0
  for (const e of entries) {
    minutes += e.durationMinutes
    if (e.attendance === undefined) continue
    for (const p of e.attendance.named) named.add(p)
    namedAttendances += e.attendance.named.length
    headCounts += e.attendance.anonymous
    largest = Math.max(largest, e.attendance.anonymous)
  }
  return {
    lower: named.size + largest,
    upper: named.size + headCounts,
    distinctNamed: named.size,
    attendances: namedAttendances + headCounts,
    sessions: entries.length,
    minutes
  }
}

const totals = (entries: ReadonlyArray<Involvement.Entry>) => Involvement.report(Involvement.fold(entries)).total

// every figure as a flat list of numbers, to compare "no figure decreased"
const numbers = (f: Involvement.Figures): ReadonlyArray<number> => [
  f.personsInvolved.lower,
  f.personsInvolved.upper,
  f.distinctNamed,
  f.largestHeadCount,
  f.attendances,
  f.namedAttendances,
  f.anonymousAttendances,
  f.sessions,
  f.sessionsWithoutSheet,
  f.minutesDelivered,
  f.hoursDelivered
]

const entries = fc.array(L.entry, { maxLength: 30 })

describe("Involvement (property)", () => {
  test.prop([entries])("the fold computes the rule: distinct named + largest / sum of head-counts", (es) => {
    const f = totals(es)
    const m = model(es)
    expect({
      lower: f.personsInvolved.lower,
      upper: f.personsInvolved.upper,
      distinctNamed: f.distinctNamed,
      attendances: f.attendances,
      sessions: f.sessions,
      minutes: f.minutesDelivered
    }).toEqual(m)
  })

  test.prop([entries])("persons involved never exceed attendances, and lower ≤ upper", (es) => {
    const report = Involvement.report(Involvement.fold(es))
    for (const f of [report.total, ...report.byKind.map((k) => k.figures)]) {
      expect(f.personsInvolved.lower).toBeLessThanOrEqual(f.personsInvolved.upper)
      expect(f.personsInvolved.upper).toBeLessThanOrEqual(f.attendances)
      expect(Involvement.published(f)).toBe(f.personsInvolved.lower)
    }
  })

  test.prop([entries])("a named person is never counted twice", (es) => {
    const tally = Involvement.fold(es)
    const everyone = new Set(es.flatMap((e) => e.attendance?.named ?? []))
    expect(Involvement.report(tally).total.distinctNamed).toBe(everyone.size)
    expect(Involvement.namedPersons(tally)).toEqual([...everyone].sort())
  })

  test.prop([entries, L.entry, fc.nat()])("adding a session never decreases any count", (es, extra, at) => {
    const more = [...es]
    more.splice(at % (es.length + 1), 0, extra)
    const before = Involvement.report(Involvement.fold(es))
    const after = Involvement.report(Involvement.fold(more))
    // which figures went down: none, in total and for every kind
    const decreased = (from: Involvement.Figures, to: Involvement.Figures | undefined) =>
      numbers(from).filter((n, i) => to === undefined || (numbers(to)[i] ?? 0) < n)
    expect(decreased(before.total, after.total)).toEqual([])
    for (const { figures, kind } of before.byKind)
      expect(decreased(figures, after.byKind.find((k) => k.kind === kind)?.figures)).toEqual([])
  })

  test.prop([fc.array(fc.tuple(L.entry, fc.boolean()), { maxLength: 30 })])(
    "splitting a scope in two: persons are sub-additive, sessions, time and attendances add up",
    (marked) => {
      const whole = marked.map(([e]) => e)
      const a = marked.filter(([, inA]) => inA).map(([e]) => e)
      const b = marked.filter(([, inA]) => !inA).map(([e]) => e)
      const [fw, fa, fb] = [totals(whole), totals(a), totals(b)]
      expect(fw.personsInvolved.lower).toBeLessThanOrEqual(fa.personsInvolved.lower + fb.personsInvolved.lower)
      expect(fw.personsInvolved.upper).toBeLessThanOrEqual(fa.personsInvolved.upper + fb.personsInvolved.upper)
      expect(fw.distinctNamed).toBeLessThanOrEqual(fa.distinctNamed + fb.distinctNamed)
      expect(fw.sessions).toBe(fa.sessions + fb.sessions)
      expect(fw.minutesDelivered).toBe(fa.minutesDelivered + fb.minutesDelivered)
      expect(fw.attendances).toBe(fa.attendances + fb.attendances)
      // and merging the two tallies is the same as folding the whole in one pass
      expect(Involvement.report(Involvement.combine(Involvement.fold(a), Involvement.fold(b)))).toEqual(
        Involvement.report(Involvement.fold(whole))
      )
    }
  )

  test.prop([entries.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length })))])(
    "the order of the sessions does not matter",
    ([es, shuffled]) => {
      expect(Involvement.report(Involvement.fold(shuffled))).toEqual(Involvement.report(Involvement.fold(es)))
    }
  )

  test.prop([entries])("by kind, sessions, time and attendances add up to the total", (es) => {
    const report = Involvement.report(Involvement.fold(es))
    const sum = (pick: (f: Involvement.Figures) => number) => report.byKind.reduce((s, k) => s + pick(k.figures), 0)
    expect(sum((f) => f.sessions)).toBe(report.total.sessions)
    expect(sum((f) => f.minutesDelivered)).toBe(report.total.minutesDelivered)
    expect(sum((f) => f.attendances)).toBe(report.total.attendances)
    // persons per kind may count a person in two kinds: never fewer than the total
    expect(sum((f) => f.personsInvolved.upper)).toBeGreaterThanOrEqual(report.total.personsInvolved.upper)
  })
})

describe("Involvement over registers and scopes (property)", () => {
  test.prop([L.register, fc.func(fc.boolean())])(
    "splitting the laboratori of a register in two scopes is sub-additive",
    (register, inA) => {
      const ids = register.laboratori.map((l) => l.id)
      const a = ids.filter((id) => inA(id))
      const b = ids.filter((id) => !inA(id))
      const [whole, fa, fb] = [
        Involvement.of(register).total,
        Involvement.of(register, { laboratori: a }).total,
        Involvement.of(register, { laboratori: b }).total
      ]
      expect(whole.personsInvolved.lower).toBeLessThanOrEqual(fa.personsInvolved.lower + fb.personsInvolved.lower)
      expect(whole.personsInvolved.upper).toBeLessThanOrEqual(fa.personsInvolved.upper + fb.personsInvolved.upper)
      expect(whole.sessions).toBe(fa.sessions + fb.sessions)
      expect(whole.attendances).toBe(fa.attendances + fb.attendances)
    }
  )

  test.prop([L.register, L.sessionDate])("splitting by period at a date is sub-additive", (register, cut) => {
    const before = Involvement.of(register, { period: { start: Calendar.unsafeMake("1900-01-01"), end: cut } }).total
    const after = Involvement.of(register, { period: { start: Calendar.addDays(cut, 1) } }).total
    const whole = Involvement.of(register).total
    expect(whole.personsInvolved.lower).toBeLessThanOrEqual(before.personsInvolved.lower + after.personsInvolved.lower)
    expect(whole.personsInvolved.upper).toBeLessThanOrEqual(before.personsInvolved.upper + after.personsInvolved.upper)
    expect(whole.sessions).toBe(before.sessions + after.sessions)
    expect(whole.minutesDelivered).toBe(before.minutesDelivered + after.minutesDelivered)
  })

  test.prop([L.register])("the whole register matches the independent model", (register) => {
    const sheets = new Map(register.attendance.map((a) => [a.session, a]))
    const kinds = new Map(register.activities.map((a) => [a.id, a.kind]))
    const es: Array<Involvement.Entry> = register.sessions.map((s) => {
      const sheet = sheets.get(s.id)
      return {
        kind: kinds.get(s.activity) ?? "altro",
        durationMinutes: s.durationMinutes,
        attendance: sheet === undefined ? undefined : { named: sheet.named, anonymous: sheet.anonymous }
      }
    })
    const f = Involvement.of(register).total
    expect([f.personsInvolved.lower, f.personsInvolved.upper, f.attendances, f.sessions]).toEqual(
      (({ attendances, lower, sessions, upper }) => [lower, upper, attendances, sessions])(model(es))
    )
  })
})

// ---------------------------------------------------------------------------------------------
// decoding
// ---------------------------------------------------------------------------------------------

const decoders: ReadonlyArray<readonly [string, (u: unknown) => Result.Result<unknown, unknown>]> = [
  ["Laboratorio", Laboratorio.decode],
  ["Activity", Activity.decode],
  ["Session", Session.decode],
  ["Attendance", Attendance.decode],
  ["AttendanceRegister", AttendanceRegister.decode]
]

describe("decoding (property)", () => {
  test.prop([fc.jsonValue()])("decoding random JSON never throws", (json) => {
    for (const [, decode] of decoders) expect(() => decode(json)).not.toThrow()
  })

  test.prop([fc.anything()])("decoding any value never throws", (value) => {
    for (const [, decode] of decoders) expect(() => decode(value)).not.toThrow()
  })

  test.prop([L.registerEncoded])("a valid register decodes, through JSON", (encoded) => {
    expect(Result.isSuccess(AttendanceRegister.decode(JSON.parse(JSON.stringify(encoded))))).toBe(true)
  })

  type Encoded = AttendanceRegister.AttendanceRegisterEncoded
  type Sheet = Encoded["attendance"][number]
  // A corruption of one sheet, and the path and the start of the message it must be reported with.
  const corruptions: ReadonlyArray<
    readonly [
      string,
      (r: Encoded, sheet: Sheet) => Sheet | undefined,
      (i: number, s: Sheet) => readonly [string, string]
    ]
  > = [
    [
      "missing session",
      (_, s) => ({ ...s, session: "no-such-session" }),
      (i) => [`attendance[${i}].session`, 'session "no-such-session" does not exist']
    ],
    [
      "another laboratorio's session",
      (r, s) => {
        const other = r.laboratori.find((l) => l.id !== s.laboratorio)
        return other === undefined ? undefined : { ...s, laboratorio: other.id }
      },
      (i, s) => [`attendance[${i}].session`, `session ${JSON.stringify(s.session)} belongs to laboratorio`]
    ],
    [
      "a person named twice",
      // an id outside the arbitrary's pool, so that it is not on the sheet already
      (_, s) => ({ ...s, named: [...(s.named ?? []), "person-x", "person-x"] }),
      (i, s) => [`attendance[${i}].named[${(s.named ?? []).length + 1}]`, 'person "person-x" is named twice']
    ]
  ]

  test.prop([L.registerEncoded, fc.nat(), fc.subarray([0, 1, 2], { minLength: 1 })])(
    "every corrupted sheet is reported, each at its path",
    (encoded, pick, kinds) => {
      const sheets = encoded.attendance
      if (sheets.length === 0) return
      const expected: Array<readonly [string, string]> = []
      const corrupted = [...sheets]
      // corrupt up to three different sheets, one corruption each
      kinds.forEach((k, n) => {
        const i = (pick + n) % sheets.length
        const sheet = sheets[i]
        const corruption = corruptions[k]
        if (sheet === undefined || corruption === undefined || corrupted[i] !== sheet) return
        const broken = corruption[1](encoded, sheet)
        if (broken === undefined) return
        corrupted[i] = broken
        expected.push(corruption[2](i, sheet))
      })
      const r = AttendanceRegister.decode({ ...encoded, attendance: corrupted })
      if (expected.length === 0) {
        expect(Result.isSuccess(r)).toBe(true)
        return
      }
      expect(Result.isFailure(r)).toBe(true)
      const problems = Result.isFailure(r) ? r.failure.problems : []
      expect(problems).toHaveLength(expected.length)
      for (const [path, start] of expected)
        expect(problems.some((p) => p.path === path && p.message.startsWith(start))).toBe(true)
    }
  )
})
