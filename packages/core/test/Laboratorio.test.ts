import { describe, expect, it } from "@effect/vitest"
import { Result, Schema } from "effect"
import {
  Activity,
  Attendance,
  AttendanceRegister,
  Calendar,
  Ids,
  Involvement,
  Laboratorio,
  Sensitivity,
  Session
} from "../src/index.js"

const d = Calendar.unsafeMake

const problemsOf = (
  r: Result.Result<unknown, { readonly problems: ReadonlyArray<{ path: string; message: string }> }>
) => (Result.isFailure(r) ? r.failure.problems.map((p) => [p.path, p.message]) : [])

const lab = (patch: Partial<Laboratorio.LaboratorioEncoded> = {}): Laboratorio.LaboratorioEncoded => ({
  id: "lab-1",
  project: "project-a",
  site: "site-1",
  name: "Laboratorio sociale",
  presidio: { openingHours: [] },
  staff: [],
  ...patch
})

// ---------------------------------------------------------------------------------------------
// the seed projects
// ---------------------------------------------------------------------------------------------

// Abitare la Comunità (seed 001): "Il Tutor di condominio della Cooperativa di Bessimo ... ha
// gestito l'area territoriale del quartiere Borgo Loreto ... con un impiego totale di 16 h
// lavorative settimanali". The laboratorio's id and name are ours; the project, site and
// organisation ids are those of the seed data (SeedProjects, SeedMembers). No address and no
// opening hours are published.
const borgoLoreto: Laboratorio.LaboratorioEncoded = {
  id: "abitare-borgo-loreto",
  project: "abitare-la-comunita",
  site: "cremona-san-bernardo-borgo-loreto",
  name: "Laboratorio sociale di quartiere Borgo Loreto",
  presidio: { openingHours: [] },
  staff: [{ role: "tutor-di-condominio", organisation: "coop-bessimo", hoursPerWeek: 16 }]
}

// IntERPreti di cambiamento (seed 000): "laboratori sociali in quattro complessi di case
// popolari", each with "un presidio in ogni quartiere, per l'incontro e l'ascolto degli inquilini"
// (facts.md §1.2: "Each laboratorio has a physical space and a help desk (sportello)"). Sites as
// in the seed project; laboratorio and activity ids are ours.
const interpretiSites = [
  "ripalta-cremasca-via-xxiv-maggio",
  "crema-santa-maria",
  "crema-ombriano",
  "crema-san-bernardino"
] as const
const interpretiRegister: AttendanceRegister.AttendanceRegisterEncoded = {
  laboratori: interpretiSites.map((site) => ({
    id: `interpreti-${site}`,
    project: "interpreti-di-cambiamento",
    site,
    name: `Laboratorio sociale ${site}`,
    presidio: { openingHours: [] },
    staff: []
  })),
  activities: interpretiSites.map((site) => ({
    id: `interpreti-${site}-sportello`,
    laboratorio: `interpreti-${site}`,
    kind: "sportello-e-ascolto"
  })),
  sessions: [],
  attendance: []
}

// Milano C.A.S.A. (seeds 002, 004): presidi "attraverso la figura del 'community manager'" in
// Gratosoglio and other quartieri. The employer is read as ALER Milano (the centres are ALER's);
// the hours are not published, so they are left out.
const casaGratosoglio: Laboratorio.LaboratorioEncoded = {
  id: "casa-gratosoglio",
  project: "milano-casa",
  site: "milano-gratosoglio",
  name: "C.A.S.A. Gratosoglio",
  presidio: { openingHours: [] },
  staff: [{ role: "community-manager", organisation: "aler-milano" }]
}

describe("Laboratorio: the seed projects", () => {
  it("Abitare la Comunità: the tutor di condominio of Cooperativa di Bessimo, 16 h a week in Borgo Loreto", () => {
    const r = Laboratorio.decode(borgoLoreto)
    expect(Result.isSuccess(r)).toBe(true)
    const decoded = Result.getOrThrow(r)
    expect(decoded.staff).toEqual([{ role: "tutor-di-condominio", organisation: "coop-bessimo", hoursPerWeek: 16 }])
    expect([...Laboratorio.hoursPerWeekByRole(decoded)]).toEqual([["tutor-di-condominio", 16]])
    expect(Laboratorio.staffHoursPerWeek(decoded)).toBe(16)
    expect(Laboratorio.staffRoleLabel["tutor-di-condominio"].it).toBe("Tutor di condominio")
  })

  it("IntERPreti di cambiamento: four laboratori, one per complex, each with its sportello", () => {
    const register = Result.getOrThrow(AttendanceRegister.decode(interpretiRegister))
    expect(register.laboratori.map((l) => l.site)).toEqual([...interpretiSites])
    expect(register.activities.map((a) => a.kind)).toEqual([
      "sportello-e-ascolto",
      "sportello-e-ascolto",
      "sportello-e-ascolto",
      "sportello-e-ascolto"
    ])
    // no session is published: nothing is counted, and nothing is invented
    const report = Involvement.of(register, { project: Ids.ProjectId.make("interpreti-di-cambiamento") })
    expect(report.total.sessions).toBe(0)
    expect(report.total.personsInvolved).toEqual({ lower: 0, upper: 0 })
    expect(report.byKind).toEqual([])
  })

  it("Milano C.A.S.A.: a community manager whose hours are not published stays unknown, never zero", () => {
    const decoded = Result.getOrThrow(Laboratorio.decode(casaGratosoglio))
    expect([...Laboratorio.hoursPerWeekByRole(decoded)]).toEqual([["community-manager", undefined]])
    expect(Laboratorio.staffHoursPerWeek(decoded)).toBeUndefined()
    const withTutor = Result.getOrThrow(
      Laboratorio.decode({
        ...casaGratosoglio,
        staff: [
          ...casaGratosoglio.staff,
          { role: "tutor-di-condominio", organisation: "aler-milano", hoursPerWeek: 10 }
        ]
      })
    )
    expect([...Laboratorio.hoursPerWeekByRole(withTutor)]).toEqual([
      ["tutor-di-condominio", 10],
      ["community-manager", undefined]
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// presidio and staff
// ---------------------------------------------------------------------------------------------

describe("Laboratorio: opening hours", () => {
  const withHours = (openingHours: ReadonlyArray<unknown>) =>
    Laboratorio.decode({ ...lab(), presidio: { address: "Via XXIV Maggio 1, Ripalta Cremasca", openingHours } })

  it("accepts slots that touch, and the same hours on different days", () => {
    const r = withHours([
      { weekday: 1, from: "09:00", to: "12:00" },
      { weekday: 1, from: "12:00", to: "13:00" },
      { weekday: 3, from: "09:00", to: "12:00" },
      { weekday: 7, from: "00:00", to: "23:59" }
    ])
    expect(Result.isSuccess(r)).toBe(true)
    // 180 + 60 + 180 + 1439 minutes, worked out by hand
    expect(Laboratorio.weeklyOpeningMinutes(Result.getOrThrow(r).presidio.openingHours)).toBe(1859)
  })

  it.each([
    [
      "from after to",
      [{ weekday: 2, from: "10:00", to: "09:00" }],
      [["presidio.openingHours[0].to", "the slot ends at 09:00, not after it starts at 10:00"]]
    ],
    [
      "from equal to to",
      [{ weekday: 2, from: "09:00", to: "09:00" }],
      [["presidio.openingHours[0].to", "the slot ends at 09:00, not after it starts at 09:00"]]
    ],
    [
      "two slots overlapping on a Monday",
      [
        { weekday: 1, from: "09:00", to: "12:00" },
        { weekday: 2, from: "11:00", to: "13:00" },
        { weekday: 1, from: "11:30", to: "13:00" }
      ],
      [["presidio.openingHours[2]", "the slot Monday 11:30–13:00 overlaps the slot Monday 09:00–12:00 (position 1)"]]
    ],
    [
      "a slot inside another, and a third overlapping both: every overlap",
      [
        { weekday: 5, from: "08:00", to: "18:00" },
        { weekday: 5, from: "10:00", to: "11:00" },
        { weekday: 5, from: "10:30", to: "19:00" }
      ],
      [
        ["presidio.openingHours[1]", "the slot Friday 10:00–11:00 overlaps the slot Friday 08:00–18:00 (position 1)"],
        ["presidio.openingHours[2]", "the slot Friday 10:30–19:00 overlaps the slot Friday 08:00–18:00 (position 1)"]
      ]
    ],
    [
      "malformed weekdays and times, all reported",
      [
        { weekday: 0, from: "9:00", to: "24:00" },
        { weekday: 1.5, from: "12:60", to: "13:00" }
      ],
      [
        ["presidio.openingHours[0].weekday", "expected a weekday from 1 (Monday) to 7 (Sunday), got 0"],
        ["presidio.openingHours[0].from", 'expected a time as HH:MM (24-hour clock), got "9:00"'],
        ["presidio.openingHours[0].to", "hour 24 does not exist: expected 00 to 23"],
        ["presidio.openingHours[1].weekday", "expected a weekday from 1 (Monday) to 7 (Sunday), got 1.5"],
        ["presidio.openingHours[1].from", "minute 60 does not exist: expected 00 to 59"]
      ]
    ]
  ])("%s", (_, openingHours, expected) => {
    expect(problemsOf(withHours(openingHours))).toEqual(expected)
  })
})

describe("Laboratorio: staff", () => {
  const withStaff = (staff: ReadonlyArray<unknown>) => Laboratorio.decode({ ...lab(), staff })

  it.each([
    [0.5, true],
    [16, true],
    [48, true],
    [0, false],
    [-4, false],
    [48.5, false]
  ])("%d hours a week is accepted: %s", (hoursPerWeek, ok) => {
    const r = withStaff([{ role: "educatore", organisation: "coop-koala", hoursPerWeek }])
    expect(problemsOf(r)).toEqual(
      ok ? [] : [["staff[0].hoursPerWeek", `expected more than 0 and at most 48 hours a week, got ${hoursPerWeek}`]]
    )
  })

  it("the cap of 48 hours cites its act, as unverified", () => {
    expect(Laboratorio.maxHoursPerWeek).toBe(48)
    expect(Laboratorio.maxHoursPerWeekSource).toMatchObject({ act: "D.Lgs. 66/2003", confidence: "unverified" })
  })

  it("reports every bad record with its path", () => {
    const r = Laboratorio.decode({
      id: "lab 1",
      project: "",
      site: "site-1",
      name: " ",
      presidio: { openingHours: [] },
      staff: [
        { role: "altro", organisation: "coop-koala", hoursPerWeek: 10 },
        { role: "portinaio", organisation: "coop-koala", hoursPerWeek: 10 },
        { role: "mediatore", organisation: "coop-koala", hoursPerWeek: 60 }
      ]
    })
    expect(problemsOf(r)).toEqual([
      ["id", 'invalid character " " at position 4: expected A-Z a-z 0-9 . _ : -'],
      ["project", "an id must not be empty"],
      ["name", "the name must not be empty"],
      ["staff[0].description", "a staff role 'altro' must be described"],
      [
        "staff[1].role",
        'Expected "tutor-di-condominio" | "community-manager" | "operatore-sportello" | "educatore" | "mediatore" | "custode-sociale" | "altro"'
      ],
      ["staff[2].hoursPerWeek", "expected more than 0 and at most 48 hours a week, got 60"]
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// activities, sessions, attendance
// ---------------------------------------------------------------------------------------------

describe("Activity, Session, Attendance", () => {
  it("an activity of kind 'altro' needs a title; the others may do without", () => {
    expect(problemsOf(Activity.decode({ id: "a1", laboratorio: "lab-1", kind: "altro" }))).toEqual([
      ["title", "an activity of kind 'altro' must have a title"]
    ])
    const sportello = Result.getOrThrow(
      Activity.decode({ id: "a2", laboratorio: "lab-1", kind: "sportello-e-ascolto" })
    )
    expect(Activity.titleOf(sportello)).toBe("Sportello e ascolto")
    expect(Activity.kindLabel["riqualificazione-partecipata"]).toEqual({
      it: "Riqualificazione partecipata degli spazi comuni",
      en: "Participatory renovation of common spaces"
    })
  })

  it.each([
    [0, "expected a whole number of minutes from 1 to 1440, got 0"],
    [1441, "expected a whole number of minutes from 1 to 1440, got 1441"],
    [90.5, "expected a whole number of minutes from 1 to 1440, got 90.5"]
  ])("a session of %d minutes is rejected", (durationMinutes, message) => {
    expect(problemsOf(Session.decode({ id: "s1", activity: "a1", date: "2019-02-04", durationMinutes }))).toEqual([
      ["durationMinutes", message]
    ])
  })

  it("a session on a day that does not exist is rejected", () => {
    expect(problemsOf(Session.decode({ id: "s1", activity: "a1", date: "2019-02-29", durationMinutes: 60 }))).toEqual([
      ["date", "2019-02-29 does not exist: month 2 of 2019 has 28 days"]
    ])
  })

  it("a sheet names each person once, and its head-count is a whole number ≥ 0: both reported", () => {
    const r = Attendance.decode({ session: "s1", laboratorio: "lab-1", named: ["p1", "p2", "p1", "p2"], anonymous: -1 })
    expect(problemsOf(r)).toEqual([
      ["named[2]", 'person "p1" is named twice on the sheet (positions 1 and 3)'],
      ["named[3]", 'person "p2" is named twice on the sheet (positions 2 and 4)'],
      ["anonymous", "expected a head-count (a whole number, 0 or more), got -1"]
    ])
  })

  it("a sheet without names or head-count reads as nobody named and a head-count of 0", () => {
    const sheet = Result.getOrThrow(Attendance.decode({ session: "s1", laboratorio: "lab-1" }))
    expect(sheet).toEqual({ session: "s1", laboratorio: "lab-1", named: [], anonymous: 0 })
    expect(Attendance.attendances(sheet)).toBe(0)
  })

  it("named persons are marked as personal data, on the sheet and in the register's sheets", () => {
    expect(Sensitivity.fieldsBySensitivity(Attendance.Attendance)).toEqual({
      personal: ["named"],
      "special-category": []
    })
    expect(Sensitivity.fieldsBySensitivity(Schema.Struct(Attendance.fields)).personal).toEqual(["named"])
  })
})

// ---------------------------------------------------------------------------------------------
// the register: every faulty entry, with its path
// ---------------------------------------------------------------------------------------------

describe("AttendanceRegister", () => {
  const register = (patch: Partial<AttendanceRegister.AttendanceRegisterEncoded>) =>
    AttendanceRegister.decode({
      laboratori: [lab({ id: "lab-1" }), lab({ id: "lab-2" })],
      activities: [
        { id: "a1", laboratorio: "lab-1", kind: "sportello-e-ascolto" },
        { id: "a2", laboratorio: "lab-2", kind: "eventi-tematici" }
      ],
      sessions: [
        { id: "s1", activity: "a1", date: "2019-02-04", durationMinutes: 90 },
        { id: "s2", activity: "a2", date: "2019-02-05", durationMinutes: 60 }
      ],
      attendance: [],
      ...patch
    })

  it("a session of another laboratorio, a session that does not exist and a person named twice: all three", () => {
    const r = register({
      attendance: [
        { session: "s1", laboratorio: "lab-1", named: ["p1", "p2", "p1"], anonymous: 5 },
        { session: "s2", laboratorio: "lab-1", named: ["p3"] },
        { session: "s9", laboratorio: "lab-1", anonymous: 2 }
      ]
    })
    expect(problemsOf(r)).toEqual([
      ["attendance[0].named[2]", 'person "p1" is named twice on the sheet (positions 1 and 3)'],
      ["attendance[1].session", 'session "s2" belongs to laboratorio "lab-2" (activity "a2"), not to "lab-1"'],
      ["attendance[2].session", 'session "s9" does not exist in the register']
    ])
  })

  it("every broken pointer and repeated id, in list order", () => {
    const r = register({
      laboratori: [lab({ id: "lab-1" }), lab({ id: "lab-2" }), lab({ id: "lab-1" })],
      activities: [
        { id: "a1", laboratorio: "lab-1", kind: "sportello-e-ascolto" },
        { id: "a2", laboratorio: "lab-2", kind: "eventi-tematici" },
        { id: "a1", laboratorio: "lab-9", kind: "altro", title: "Orto" }
      ],
      sessions: [
        { id: "s1", activity: "a1", date: "2019-02-04", durationMinutes: 90 },
        { id: "s2", activity: "a2", date: "2019-02-05", durationMinutes: 60 },
        { id: "s3", activity: "a7", date: "2019-02-06", durationMinutes: 60 }
      ],
      attendance: [
        { session: "s1", laboratorio: "lab-1", anonymous: 4 },
        { session: "s1", laboratorio: "lab-1", named: ["p1"] },
        { session: "s2", laboratorio: "lab-5" }
      ]
    })
    expect(problemsOf(r)).toEqual([
      ["laboratori[2].id", 'laboratorio "lab-1" is listed twice (positions 1 and 3)'],
      ["activities[2].id", 'activity "a1" is listed twice (positions 1 and 3)'],
      ["activities[2].laboratorio", 'activity "a1" belongs to laboratorio "lab-9", which is not in the register'],
      ["sessions[2].activity", 'session "s3" is of activity "a7", which is not in the register'],
      ["attendance[1].session", 'session "s1" already has an attendance sheet (position 1)'],
      ["attendance[2].laboratorio", 'laboratorio "lab-5" is not in the register']
    ])
  })

  it("malformed records are reported first, each with its path; pointers are followed once all records read", () => {
    const r = register({
      sessions: [
        { id: "s1", activity: "a1", date: "2019-13-01", durationMinutes: 90 },
        { id: "s2", activity: "a2", date: "2019-02-05", durationMinutes: 0 }
      ],
      attendance: [{ session: "s9", laboratorio: "lab-1", anonymous: 2.5 }]
    })
    expect(problemsOf(r)).toEqual([
      ["sessions[0].date", "month 13 does not exist"],
      ["sessions[1].durationMinutes", "expected a whole number of minutes from 1 to 1440, got 0"],
      ["attendance[0].anonymous", "expected a head-count (a whole number, 0 or more), got 2.5"]
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// involvement: the counting rule, by hand
// ---------------------------------------------------------------------------------------------

describe("Involvement: a small laboratorio worked by hand", () => {
  // Three sessions of one laboratorio:
  //   s1 sportello, 4 Feb 2019,  90 min: named {a, b} + 5 anonymous
  //   s2 sportello, 11 Feb 2019, 120 min: named {b, c} + 2 anonymous
  //   s3 festa (eventi tematici), 2 Mar 2019, 60 min: nobody named + 7 anonymous
  // distinct named {a, b, c} = 3; largest head-count 7; head-counts 5 + 2 + 7 = 14;
  // lower = 3 + 7 = 10, upper = 3 + 14 = 17; attendances 4 named + 14 anonymous = 18;
  // 270 minutes = 4.5 hours.
  const encoded: AttendanceRegister.AttendanceRegisterEncoded = {
    laboratori: [lab({ id: "lab-1", project: "project-a" })],
    activities: [
      { id: "sportello", laboratorio: "lab-1", kind: "sportello-e-ascolto" },
      { id: "festa", laboratorio: "lab-1", kind: "eventi-tematici", title: "Festa di quartiere" }
    ],
    sessions: [
      { id: "s1", activity: "sportello", date: "2019-02-04", durationMinutes: 90 },
      { id: "s2", activity: "sportello", date: "2019-02-11", durationMinutes: 120 },
      { id: "s3", activity: "festa", date: "2019-03-02", durationMinutes: 60 }
    ],
    attendance: [
      { session: "s1", laboratorio: "lab-1", named: ["a", "b"], anonymous: 5 },
      { session: "s2", laboratorio: "lab-1", named: ["b", "c"], anonymous: 2 },
      { session: "s3", laboratorio: "lab-1", anonymous: 7 }
    ]
  }
  const register = Result.getOrThrow(AttendanceRegister.decode(encoded))

  it("counts the whole laboratorio", () => {
    const report = Involvement.of(register)
    expect(report.total).toEqual({
      personsInvolved: { lower: 10, upper: 17 },
      distinctNamed: 3,
      largestHeadCount: 7,
      attendances: 18,
      namedAttendances: 4,
      anonymousAttendances: 14,
      sessions: 3,
      sessionsWithoutSheet: 0,
      minutesDelivered: 270,
      hoursDelivered: 4.5
    })
    expect(Involvement.published(report.total)).toBe(10)
    expect(Involvement.publishedBound).toBe("lower")
    expect(Involvement.namedPersons(Involvement.tally(register))).toEqual(["a", "b", "c"])
  })

  it("counts by activity kind: sessions, time and attendances add up, persons do not", () => {
    // sportello: named {a, b, c} = 3, head-counts 5 and 2 → 8 to 10, attendances 4 + 7 = 11
    // festa: nobody named, one head-count of 7 → 7 to 7, attendances 7
    // 8 + 7 = 15 > 10: nobody is counted twice in the total, but per kind a person may be
    expect(Involvement.of(register).byKind).toEqual([
      {
        kind: "sportello-e-ascolto",
        figures: {
          personsInvolved: { lower: 8, upper: 10 },
          distinctNamed: 3,
          largestHeadCount: 5,
          attendances: 11,
          namedAttendances: 4,
          anonymousAttendances: 7,
          sessions: 2,
          sessionsWithoutSheet: 0,
          minutesDelivered: 210,
          hoursDelivered: 3.5
        }
      },
      {
        kind: "eventi-tematici",
        figures: {
          personsInvolved: { lower: 7, upper: 7 },
          distinctNamed: 0,
          largestHeadCount: 7,
          attendances: 7,
          namedAttendances: 0,
          anonymousAttendances: 7,
          sessions: 1,
          sessionsWithoutSheet: 0,
          minutesDelivered: 60,
          hoursDelivered: 1
        }
      }
    ])
  })

  it("counts a period: February only", () => {
    const february = Involvement.of(register, { period: { start: d("2019-02-01"), end: d("2019-02-28") } })
    expect(february.total.personsInvolved).toEqual({ lower: 8, upper: 10 })
    expect(february.total.attendances).toBe(11)
    expect(february.total.sessions).toBe(2)
    // February (8 to 10) plus March (7 to 7) is 15 to 17: at least the whole (10 to 17)
    const march = Involvement.of(register, { period: { start: d("2019-03-01") } })
    expect(march.total.personsInvolved).toEqual({ lower: 7, upper: 7 })
  })

  it("counts by laboratorio and by project; a scope that matches nothing counts zero", () => {
    const lab1 = Ids.LaboratorioId.make("lab-1")
    expect(Involvement.of(register, { laboratori: [lab1] }).total.personsInvolved).toEqual({ lower: 10, upper: 17 })
    expect(Involvement.of(register, { project: Ids.ProjectId.make("project-a") }).total.attendances).toBe(18)
    expect(Involvement.of(register, { project: Ids.ProjectId.make("project-b") }).total.sessions).toBe(0)
    expect(Involvement.of(register, { laboratori: [] }).total.sessions).toBe(0)
  })

  it("a session without a sheet counts as held, with nobody", () => {
    const withUnrecorded = Result.getOrThrow(
      AttendanceRegister.decode({
        ...encoded,
        sessions: [...encoded.sessions, { id: "s4", activity: "sportello", date: "2019-03-04", durationMinutes: 30 }]
      })
    )
    const total = Involvement.of(withUnrecorded).total
    expect([total.sessions, total.sessionsWithoutSheet, total.minutesDelivered]).toEqual([4, 1, 300])
    expect(total.personsInvolved).toEqual({ lower: 10, upper: 17 })
  })

  it("describes the figures in Italian and English, with both bounds", () => {
    expect(Involvement.describe(Involvement.of(register).total)).toEqual({
      it: "10 persone coinvolte (fino a 17): 3 registrate e almeno 7 non registrate; 18 presenze in 3 incontri, 4 h 30 min.",
      en: "10 persons involved (up to 17): 3 registered and at least 7 unregistered; 18 attendances at 3 sessions, 4 h 30 min."
    })
  })
})

describe("Involvement: the fold", () => {
  const p = Ids.PersonId.make
  const e = (named: ReadonlyArray<string>, anonymous: number): Involvement.Entry => ({
    kind: "sportello-e-ascolto",
    durationMinutes: 60,
    attendance: { named: named.map((n) => p(n)), anonymous }
  })

  it("combining two tallies is folding their sessions in one pass", () => {
    const a = Involvement.fold([e(["a", "b"], 5)])
    const b = Involvement.fold([e(["b", "c"], 2), e([], 7)])
    const whole = Involvement.report(Involvement.combine(a, b)).total
    expect(whole.personsInvolved).toEqual({ lower: 10, upper: 17 })
    // the parts: {a, b} + 5 → 7 to 7; {b, c} + 2, 7 → 9 to 11; 7 + 9 = 16 ≥ 10 and 7 + 11 = 18 ≥ 17
    expect(Involvement.report(a).total.personsInvolved).toEqual({ lower: 7, upper: 7 })
    expect(Involvement.report(b).total.personsInvolved).toEqual({ lower: 9, upper: 11 })
  })

  it("the empty tally counts nothing", () => {
    expect(Involvement.report(Involvement.empty)).toEqual({
      total: {
        personsInvolved: { lower: 0, upper: 0 },
        distinctNamed: 0,
        largestHeadCount: 0,
        attendances: 0,
        namedAttendances: 0,
        anonymousAttendances: 0,
        sessions: 0,
        sessionsWithoutSheet: 0,
        minutesDelivered: 0,
        hoursDelivered: 0
      },
      byKind: []
    })
  })

  it("one session: the bounds coincide", () => {
    const f = Involvement.report(Involvement.fold([e(["a"], 1_250)])).total
    expect(f.personsInvolved).toEqual({ lower: 1_251, upper: 1_251 })
    expect(Involvement.describe(f).it).toBe(
      "1.251 persone coinvolte: 1 registrata e almeno 1.250 non registrate; 1.251 presenze in 1 incontro, 1 h."
    )
  })
})
