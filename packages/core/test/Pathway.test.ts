import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import {
  Calendar,
  EntrySnapshot,
  type Household,
  Ids,
  LeavingStatus,
  PathwayHours,
  PathwayService,
  type Person,
  Pathway as PW,
  Sensitivity
} from "../src/index.js"

const d = Calendar.unsafeMake
const h = PathwayService.Hours.make
const dh = PathwayService.DayHours.make
const org = Ids.OrganisationId.make

// ---------------------------------------------------------------------------------------------
// fixtures
// ---------------------------------------------------------------------------------------------

const mestieri = org("consorzio-mestieri")
const koala = org("cooperativa-koala")

const header = {
  id: Ids.PathwayId.make("interpreti-pip-07"),
  person: Ids.PersonId.make("int-p-0007"),
  household: Ids.HouseholdId.make("int-h-0003"),
  project: Ids.ProjectId.make("interpreti-di-cambiamento")
}

/** The facts at entry of the synthetic participant, written by hand (see the registry test below). */
const facts = {
  ageAtEntry: 40,
  sex: "F",
  labourMarketStatus: "unemployed",
  longTermUnemployed: true,
  isced: 2,
  thirdCountryNational: true,
  household: { jobless: true, dependentChildren: true, singleAdult: true },
  specialCategory: {
    disability: "no",
    foreignBackground: "yes",
    minority: "refused",
    consent: { given: true, date: d("2019-02-18"), purpose: "monitoraggio FSE" }
  },
  homelessOrHousingExclusion: false,
  rural: false
} as const satisfies Omit<EntrySnapshot.EntrySnapshot, "asOf">

const snapshotOn = (asOf: Calendar.CalendarDate): EntrySnapshot.EntrySnapshot => ({ asOf, ...facts })

const eligible: PW.EligibilityRef = { decisionId: "elig-2019-0012", outcome: "eligible", asOf: d("2019-02-15") }

const planned: readonly [PathwayService.PlannedService, ...Array<PathwayService.PlannedService>] = [
  { kind: "intake", hours: h(2), organisation: mestieri },
  { kind: "guidance", hours: h(6), organisation: mestieri },
  { kind: "skills-assessment", hours: h(8), organisation: mestieri },
  { kind: "training", hours: h(40), organisation: koala },
  { kind: "job-placement-support", hours: h(12), organisation: mestieri },
  { kind: "participation-allowance", hours: h(40), organisation: koala }
]
const objectives = [
  "ricollocazione nel settore della logistica",
  "rientro dalla morosità con un piano concordato"
] as const

const since = d("2019-06-01")
const on = d("2019-06-10")
const sixMonthsLater = d("2019-12-01") // since + 6 months

const enrolment: PW.Enrolment = {
  date: d("2019-05-20"),
  eligibility: eligible,
  objectives,
  planned,
  responsible: mestieri,
  entry: snapshotOn(d("2019-05-20"))
}

const prospect = (state: PW.ProspectState): PW.Pathway => ({ ...header, phase: "prospect", state })
const participant = (state: PW.Stage, services: ReadonlyArray<PathwayService.DeliveredService> = []): PW.Pathway => ({
  ...header,
  phase: "participant",
  enrolment,
  state,
  services
})

type Row = "candidate" | "assessed" | "not-enrolled" | "enrolled" | "active" | "suspended" | "completed" | "dropped"

const states: Record<Row, PW.Pathway> = {
  candidate: prospect({ status: "candidate", since }),
  assessed: prospect({ status: "assessed", since, eligibility: eligible }),
  "not-enrolled": prospect({ status: "dropped", since, from: "candidate", reason: "trasferita in altro comune" }),
  enrolled: participant({ status: "enrolled", since }),
  active: participant({ status: "active", since }),
  suspended: participant({ status: "suspended", since, reason: "ricovero ospedaliero" }),
  completed: participant({ status: "completed", since }),
  dropped: participant({ status: "dropped", since, from: "active", reason: "ha trovato lavoro" })
}

const reassessed: PW.EligibilityRef = { decisionId: "elig-2019-0031", outcome: "eligible", asOf: on }
const leaving: LeavingStatus.LeavingStatus = {
  jobSearching: true,
  inEducationOrTraining: false,
  gainedQualification: true,
  inEmployment: false
}
const situation: LeavingStatus.FollowUp = { employed: true, selfEmployed: false, improvedSituation: true }
const delivery: PathwayService.Delivery = { kind: "guidance", hours: dh(2), organisation: mestieri }

const enrol: Extract<PW.Command, { readonly command: "enrol" }> = {
  command: "enrol",
  date: on,
  objectives,
  planned,
  responsible: mestieri,
  entry: snapshotOn(on)
}

const commands: Record<PW.CommandName, PW.Command> = {
  assess: { command: "assess", date: on, eligibility: reassessed },
  enrol,
  start: { command: "start", date: on },
  suspend: { command: "suspend", date: on, reason: "ricovero ospedaliero" },
  resume: { command: "resume", date: on },
  complete: { command: "complete", date: on },
  drop: { command: "drop", date: on, reason: "rinuncia" },
  recordService: { command: "recordService", date: on, service: delivery },
  recordLeavingStatus: { command: "recordLeavingStatus", date: on, status: leaving },
  recordFollowUp: { command: "recordFollowUp", date: sixMonthsLater, situation }
}

// ---------------------------------------------------------------------------------------------
// the table: every state × command, by hand
// ---------------------------------------------------------------------------------------------

const no = (reason: PW.RefusalReason = "not-accepted") => ({ refused: reason }) as const
type Cell = PW.Pathway | ReturnType<typeof no>

const enrolledFromAssessed: PW.Pathway = {
  ...header,
  phase: "participant",
  enrolment: { date: on, eligibility: eligible, objectives, planned, responsible: mestieri, entry: snapshotOn(on) },
  state: { status: "enrolled", since: on },
  services: []
}

const table: Record<Row, Record<PW.CommandName, Cell>> = {
  candidate: {
    assess: prospect({ status: "assessed", since: on, eligibility: reassessed }),
    enrol: no(),
    start: no(),
    suspend: no(),
    resume: no(),
    complete: no(),
    drop: prospect({ status: "dropped", since: on, from: "candidate", reason: "rinuncia" }),
    recordService: no(),
    recordLeavingStatus: no(),
    recordFollowUp: no()
  },
  assessed: {
    assess: prospect({ status: "assessed", since: on, eligibility: reassessed }),
    enrol: enrolledFromAssessed,
    start: no(),
    suspend: no(),
    resume: no(),
    complete: no(),
    drop: prospect({ status: "dropped", since: on, from: "assessed", reason: "rinuncia", eligibility: eligible }),
    recordService: no(),
    recordLeavingStatus: no(),
    recordFollowUp: no()
  },
  "not-enrolled": {
    assess: no(),
    enrol: no(),
    start: no(),
    suspend: no(),
    resume: no(),
    complete: no(),
    drop: no(),
    recordService: no(),
    recordLeavingStatus: no("never-enrolled"),
    recordFollowUp: no("never-enrolled")
  },
  enrolled: {
    assess: no(),
    enrol: no(),
    start: participant({ status: "active", since: on }),
    suspend: no(),
    resume: no(),
    complete: no(),
    drop: participant({ status: "dropped", since: on, from: "enrolled", reason: "rinuncia" }),
    recordService: no(),
    recordLeavingStatus: no(),
    recordFollowUp: no()
  },
  active: {
    assess: no(),
    enrol: no(),
    start: no(),
    suspend: participant({ status: "suspended", since: on, reason: "ricovero ospedaliero" }),
    resume: no(),
    complete: participant({ status: "completed", since: on }),
    drop: participant({ status: "dropped", since: on, from: "active", reason: "rinuncia" }),
    recordService: participant({ status: "active", since }, [
      { date: on, kind: "guidance", hours: dh(2), organisation: mestieri }
    ]),
    recordLeavingStatus: no(),
    recordFollowUp: no()
  },
  suspended: {
    assess: no(),
    enrol: no(),
    start: no(),
    suspend: no(),
    resume: participant({ status: "active", since: on }),
    complete: no(),
    drop: participant({ status: "dropped", since: on, from: "suspended", reason: "rinuncia" }),
    recordService: no(),
    recordLeavingStatus: no(),
    recordFollowUp: no()
  },
  completed: {
    assess: no(),
    enrol: no(),
    start: no(),
    suspend: no(),
    resume: no(),
    complete: no(),
    drop: no(),
    recordService: no(),
    recordLeavingStatus: participant({ status: "completed", since, leaving: { recordedOn: on, status: leaving } }),
    recordFollowUp: participant({ status: "completed", since, followUp: { recordedOn: sixMonthsLater, situation } })
  },
  dropped: {
    assess: no(),
    enrol: no(),
    start: no(),
    suspend: no(),
    resume: no(),
    complete: no(),
    drop: no(),
    recordService: no(),
    recordLeavingStatus: participant({
      status: "dropped",
      since,
      from: "active",
      reason: "ha trovato lavoro",
      leaving: { recordedOn: on, status: leaving }
    }),
    recordFollowUp: participant({
      status: "dropped",
      since,
      from: "active",
      reason: "ha trovato lavoro",
      followUp: { recordedOn: sixMonthsLater, situation }
    })
  }
}

const cells = (Object.keys(table) as Array<Row>).flatMap((s) =>
  (Object.keys(table[s]) as Array<PW.CommandName>).map((c) => [s, c, table[s][c]] as const)
)

const failure = <A, E>(r: Result.Result<A, E>): E => {
  if (Result.isSuccess(r)) throw new Error(`expected a failure, got ${JSON.stringify(r.success)}`)
  return r.failure
}
const success = <A, E>(r: Result.Result<A, E>): A => {
  if (Result.isFailure(r)) throw new Error(`expected a success, got ${String(r.failure)}`)
  return r.success
}

describe("Pathway.transition: every state × command", () => {
  it("the table covers 8 states (dropped before and after enrolment) × 10 commands", () => {
    expect(cells.length).toBe(8 * 10)
    expect(PW.CommandName.literals.length).toBe(10)
  })

  it.each(cells)("%s × %s", (s, c, expected) => {
    const r = PW.transition(states[s], commands[c])
    if ("refused" in expected) {
      expect(failure(r)).toBeInstanceOf(PW.PathwayTransitionNotAllowed)
      expect({ ...failure(r) }).toEqual({
        _tag: "PathwayTransitionNotAllowed",
        state: states[s].state.status,
        command: c,
        reason: expected.refused,
        since,
        date: commands[c].date
      })
    } else {
      expect(success(r)).toEqual(expected)
    }
  })
})

describe("Pathway.transition: refusals and their messages", () => {
  it("names the state and the command, in English and Italian", () => {
    const e = failure(PW.transition(states.candidate, commands.start))
    expect(e.message).toBe('a pathway in state "candidate" does not accept the command "start"')
    expect(e.messageIt).toBe('un percorso nello stato "candidato" non ammette il comando "avvio"')
  })

  it("a service cannot be recorded while suspended", () => {
    const e = failure(PW.transition(states.suspended, commands.recordService))
    expect(e.message).toBe('a pathway in state "suspended" does not accept the command "record a delivered service"')
    expect(e.messageIt).toBe(
      'un percorso nello stato "sospeso" non ammette il comando "registrazione di un servizio erogato"'
    )
  })

  it("a command dated before the state's date is refused; the same day is allowed", () => {
    const e = failure(PW.transition(states.active, { command: "complete", date: d("2019-05-31") }))
    expect({ ...e }).toEqual({
      _tag: "PathwayTransitionNotAllowed",
      state: "active",
      command: "complete",
      reason: "date-before-state",
      since,
      date: "2019-05-31"
    })
    expect(e.message).toBe(
      'the command "complete" dated 2019-05-31 is before 2019-06-01, when the pathway became active'
    )
    expect(e.messageIt).toBe(
      'il comando "conclusione" del 2019-05-31 precede il 2019-06-01, data in cui il percorso è diventato attivo'
    )
    expect(success(PW.transition(states.active, { command: "complete", date: since })).state).toEqual({
      status: "completed",
      since
    })
  })

  it("a service dated before the (re)start is refused: no service before enrolment or outside activity", () => {
    const e = failure(PW.transition(states.active, { ...commands.recordService, date: d("2019-05-25") }))
    expect(e.reason).toBe("date-before-state")
  })

  it("only an eligible candidate is enrolled; a new assessment can replace an undetermined one", () => {
    const undetermined = prospect({
      status: "assessed",
      since,
      eligibility: { decisionId: "elig-2019-0020", outcome: "undetermined", asOf: since }
    })
    const e = failure(PW.transition(undetermined, commands.enrol))
    expect({ ...e }).toEqual({
      _tag: "PathwayTransitionNotAllowed",
      state: "assessed",
      command: "enrol",
      reason: "not-eligible",
      since,
      date: on,
      outcome: "undetermined"
    })
    expect(e.message).toBe('only an eligible candidate can be enrolled: the eligibility decision is "undetermined"')
    expect(e.messageIt).toBe(
      'si può iscrivere solo un candidato ammissibile: la decisione di ammissibilità è "indeterminato"'
    )
    const reassessedOnce = success(PW.transition(undetermined, commands.assess))
    expect(PW.status(success(PW.transition(reassessedOnce, commands.enrol)))).toBe("enrolled")
  })

  it("the entry snapshot must be taken on the enrolment date", () => {
    const e = failure(PW.transition(states.assessed, { ...enrol, entry: snapshotOn(d("2019-06-03")) }))
    expect({ ...e }).toEqual({
      _tag: "PathwayTransitionNotAllowed",
      state: "assessed",
      command: "enrol",
      reason: "entry-date-mismatch",
      since,
      date: on,
      entryAsOf: "2019-06-03"
    })
    expect(e.message).toBe(
      "the entry snapshot is as of 2019-06-03, not the enrolment date 2019-06-10: it must describe the person on the day the PIP is signed"
    )
  })

  it("the status upon leaving and the follow-up are recorded once", () => {
    const recorded = success(PW.transition(states.completed, commands.recordLeavingStatus))
    const e = failure(PW.transition(recorded, commands.recordLeavingStatus))
    expect(e.reason).toBe("already-recorded")
    expect(e.message).toBe("the status upon leaving is already recorded")
    expect(e.messageIt).toBe("la condizione all'uscita è già registrata")
    const followed = success(PW.transition(recorded, commands.recordFollowUp))
    expect(failure(PW.transition(followed, commands.recordFollowUp)).messageIt).toBe(
      "la rilevazione a sei mesi è già registrata"
    )
  })

  it("a pathway dropped before enrolment has no participant to follow up", () => {
    const e = failure(PW.transition(states["not-enrolled"], commands.recordLeavingStatus))
    expect(e.message).toBe(
      'the pathway was dropped before enrolment: there is no participant, so nothing to "record the status upon leaving"'
    )
  })
})

describe("Pathway: a pathway does not stop before a service it delivered", () => {
  const withService = participant({ status: "active", since }, [
    { date: d("2019-06-20"), kind: "training", hours: dh(8), organisation: koala }
  ])

  it.each(["suspend", "complete", "drop"] as const)("%s dated before the last service is refused", (name) => {
    const e = failure(PW.transition(withService, { ...commands[name], date: d("2019-06-19") }))
    expect([e.reason, e.limit]).toEqual(["date-before-last-service", "2019-06-20"])
  })

  it("says so in both languages; the day of the last service is fine", () => {
    const e = failure(PW.transition(withService, { command: "complete", date: d("2019-06-19") }))
    expect(e.message).toBe(
      'the command "complete" dated 2019-06-19 is before the last service recorded, on 2019-06-20: a pathway cannot stop before a service it delivered'
    )
    expect(e.messageIt).toBe(
      'il comando "conclusione" del 2019-06-19 precede l\'ultimo servizio registrato, del 2019-06-20: un percorso non può fermarsi prima di un servizio erogato'
    )
    expect(PW.status(success(PW.transition(withService, { command: "complete", date: d("2019-06-20") })))).toBe(
      "completed"
    )
  })

  it("services of the same active period may be recorded out of order", () => {
    const p = success(
      PW.transition(withService, { command: "recordService", date: d("2019-06-05"), service: delivery })
    )
    expect(p.phase === "participant" && p.services.map((s) => s.date)).toEqual(["2019-06-20", "2019-06-05"])
  })
})

// ---------------------------------------------------------------------------------------------
// leaving and follow-up windows
// ---------------------------------------------------------------------------------------------

describe("status upon leaving: within 4 weeks", () => {
  // completed on 2019-06-28: day 28 is 2019-07-26 (2 days of June + 26 of July), day 29 is 2019-07-27
  const left = participant({ status: "completed", since: d("2019-06-28") })

  it("day 28 is accepted", () => {
    const p = success(PW.transition(left, { command: "recordLeavingStatus", date: d("2019-07-26"), status: leaving }))
    expect(p.state).toEqual({
      status: "completed",
      since: "2019-06-28",
      leaving: { recordedOn: "2019-07-26", status: leaving }
    })
  })

  it("day 29 is refused, with the last day and the (unverified) source", () => {
    const e = failure(PW.transition(left, { command: "recordLeavingStatus", date: d("2019-07-27"), status: leaving }))
    expect(e.reason).toBe("leaving-status-too-late")
    expect(e.limit).toBe("2019-07-26")
    expect(e.source).toEqual(LeavingStatus.source)
    expect(e.source?.confidence).toBe("unverified")
    expect(e.message).toBe(
      "the status upon leaving dated 2019-07-27 is 29 days after leaving on 2019-06-28: it must be recorded by 2019-07-26 " +
        "(European Commission, Monitoring and evaluation of European Cohesion Policy – ESF, guidance document (June 2015), " +
        "Annex D, result indicators: 'upon leaving' and 'six months after leaving' (non verificato))"
    )
    expect(
      e.messageIt.startsWith(
        "la condizione all'uscita del 2019-07-27 è rilevata 29 giorni dopo l'uscita del 2019-06-28: va rilevata entro il 2019-07-26"
      )
    ).toBe(true)
  })

  it("the window is a dated parameter of 28 days from 2014", () => {
    expect(LeavingStatus.leavingStatusDeadline(d("2019-06-28"))?.date).toBe("2019-07-26")
    expect(LeavingStatus.leavingStatusDeadline(d("2019-06-28"))?.reading).toEqual({
      id: "esf.upon-leaving.window-days",
      value: 28,
      from: "2014-01-01",
      source: LeavingStatus.source
    })
    expect(LeavingStatus.leavingStatusDeadline(d("2013-12-31"))).toBeUndefined()
  })

  it("none of the outcomes is an answer too", () => {
    expect(
      LeavingStatus.isNone({
        jobSearching: false,
        inEducationOrTraining: false,
        gainedQualification: false,
        inEmployment: false
      })
    ).toBe(true)
    expect(LeavingStatus.isNone(leaving)).toBe(false)
  })
})

describe("six-month follow-up: at or after 6 months", () => {
  it("one day early is refused, on the day is accepted", () => {
    const left = participant({ status: "dropped", since: d("2019-06-28"), from: "suspended", reason: "rinuncia" })
    const e = failure(PW.transition(left, { command: "recordFollowUp", date: d("2019-12-27"), situation }))
    expect({ ...e }).toEqual({
      _tag: "PathwayTransitionNotAllowed",
      state: "dropped",
      command: "recordFollowUp",
      reason: "follow-up-too-early",
      since: "2019-06-28",
      date: "2019-12-27",
      limit: "2019-12-28",
      source: LeavingStatus.source
    })
    expect(
      e.messageIt.startsWith(
        "la rilevazione a sei mesi del 2019-12-27 è troppo anticipata: il partecipante è uscito il 2019-06-28, si può registrare dal 2019-12-28"
      )
    ).toBe(true)
    expect(PW.transition(left, { command: "recordFollowUp", date: d("2019-12-28"), situation })._tag).toBe("Success")
  })

  it("six months after 31 August is 29 February in a leap year", () => {
    expect(LeavingStatus.followUpEarliest(d("2019-08-31"))?.date).toBe("2020-02-29")
  })
})

// ---------------------------------------------------------------------------------------------
// a whole pathway
// ---------------------------------------------------------------------------------------------

/**
 * One of the 28 personalised pathways of "IntERPreti di cambiamento" (Ripalta Cremasca and
 * Crema, 2019-2020), with a synthetic participant: referred by the sportello of the Santa
 * Maria laboratorio, PIP signed with Consorzio Mestieri, training by Cooperativa Koala.
 */
const life: ReadonlyArray<PW.Command> = [
  { command: "assess", date: d("2019-02-18"), eligibility: eligible },
  {
    command: "enrol",
    date: d("2019-03-04"),
    objectives,
    planned,
    responsible: mestieri,
    entry: snapshotOn(d("2019-03-04"))
  },
  { command: "start", date: d("2019-03-11") },
  {
    command: "recordService",
    date: d("2019-03-11"),
    service: { kind: "intake", hours: dh(2), organisation: mestieri }
  },
  {
    command: "recordService",
    date: d("2019-03-13"),
    service: { kind: "guidance", hours: dh(2), organisation: mestieri }
  },
  {
    command: "recordService",
    date: d("2019-03-20"),
    service: { kind: "guidance", hours: dh(2), organisation: mestieri }
  },
  {
    command: "recordService",
    date: d("2019-03-27"),
    service: { kind: "skills-assessment", hours: dh(4), organisation: mestieri }
  },
  {
    command: "recordService",
    date: d("2019-04-03"),
    service: { kind: "skills-assessment", hours: dh(4), organisation: mestieri }
  },
  { command: "suspend", date: d("2019-04-15"), reason: "ricovero ospedaliero" },
  { command: "resume", date: d("2019-05-06") },
  {
    command: "recordService",
    date: d("2019-05-07"),
    service: { kind: "guidance", hours: dh(3), organisation: mestieri }
  },
  ...["2019-05-13", "2019-05-14", "2019-05-15", "2019-05-16"].flatMap(
    (day): ReadonlyArray<PW.Command> => [
      { command: "recordService", date: d(day), service: { kind: "training", hours: dh(8), organisation: koala } },
      {
        command: "recordService",
        date: d(day),
        service: { kind: "participation-allowance", hours: dh(8), organisation: koala }
      }
    ]
  ),
  {
    command: "recordService",
    date: d("2019-06-03"),
    service: { kind: "job-placement-support", hours: dh(3), organisation: mestieri }
  },
  {
    command: "recordService",
    date: d("2019-06-10"),
    service: { kind: "job-placement-support", hours: dh(3), organisation: mestieri }
  },
  {
    command: "recordService",
    date: d("2019-06-17"),
    service: { kind: "job-placement-support", hours: dh(2.5), organisation: mestieri }
  },
  { command: "complete", date: d("2019-06-28") },
  { command: "recordLeavingStatus", date: d("2019-07-26"), status: leaving },
  { command: "recordFollowUp", date: d("2019-12-28"), situation }
]

describe("an IntERPreti pathway from candidate to the six-month follow-up", () => {
  const start = PW.candidate({ ...header, date: d("2019-02-04") })
  const end = success(PW.replay(start, life))

  it("ends completed, with the status upon leaving and the follow-up", () => {
    expect(end.state).toEqual({
      status: "completed",
      since: "2019-06-28",
      leaving: { recordedOn: "2019-07-26", status: leaving },
      followUp: { recordedOn: "2019-12-28", situation }
    })
    expect(PW.leftOn(end)).toBe("2019-06-28")
    expect(end.phase === "participant" && end.services.length).toBe(17) // 1 + 2 + 2 + 1 + 4×2 + 3
  })

  it("keeps the enrolment it was given, frozen", () => {
    expect(end.phase === "participant" && end.enrolment).toEqual({
      date: "2019-03-04",
      eligibility: eligible,
      objectives,
      planned,
      responsible: mestieri,
      entry: snapshotOn(d("2019-03-04"))
    })
    if (end.phase !== "participant") return
    expect(Object.isFrozen(end.enrolment)).toBe(true)
    expect(Object.isFrozen(end.enrolment.entry)).toBe(true)
    expect(Object.isFrozen(end.enrolment.entry.specialCategory.consent)).toBe(true)
    expect(Object.isFrozen(end.enrolment.planned)).toBe(true)
    expect(() => {
      ;(end.enrolment.entry as { ageAtEntry: number }).ageAtEntry = 18
    }).toThrow(TypeError)
    // the caller's command is copied, not frozen behind its back
    expect(Object.isFrozen(life[1])).toBe(false)
  })

  it("works out planned against delivered hours by hand", () => {
    // intake 2/2; guidance 6 planned, 2+2+3 = 7 delivered (1 over); skills assessment 8/4+4;
    // training 40 planned, 4×8 = 32 delivered; job placement 12 planned, 3+3+2.5 = 8.5;
    // participation allowance 40 planned, 4×8 = 32.
    // Totals: planned 2+6+8+40+12+40 = 108; delivered 2+7+8+32+8.5+32 = 89.5;
    // remaining 8+3.5+8 = 19.5; over 1; and 108 − 89.5 = 18.5 = 19.5 − 1.
    const tally = (planned: number, delivered: number, remaining: number, over: number) => ({
      planned,
      delivered,
      remaining,
      over,
      overDelivered: over > 0
    })
    expect(PathwayHours.ofPathway(end)).toEqual({
      total: tally(108, 89.5, 19.5, 1),
      byKind: [
        { kind: "intake", ...tally(2, 2, 0, 0) },
        { kind: "guidance", ...tally(6, 7, 0, 1) },
        { kind: "skills-assessment", ...tally(8, 8, 0, 0) },
        { kind: "training", ...tally(40, 32, 8, 0) },
        { kind: "job-placement-support", ...tally(12, 8.5, 3.5, 0) },
        { kind: "participation-allowance", ...tally(40, 32, 8, 0) }
      ]
    })
  })

  it("a service delivered but not planned is all over-delivery; a prospect has no hours", () => {
    const s = PathwayHours.summarise(
      [{ kind: "guidance", hours: h(4), organisation: mestieri }],
      [
        { kind: "traineeship", hours: dh(6) },
        { kind: "guidance", hours: dh(1.25) }
      ]
    )
    expect(s.byKind).toEqual([
      { kind: "guidance", planned: 4, delivered: 1.25, remaining: 2.75, over: 0, overDelivered: false },
      { kind: "traineeship", planned: 0, delivered: 6, remaining: 0, over: 6, overDelivered: true }
    ])
    expect(s.total).toEqual({ planned: 4, delivered: 7.25, remaining: 2.75, over: 6, overDelivered: true })
    expect(PathwayHours.ofPathway(start).total).toEqual({
      planned: 0,
      delivered: 0,
      remaining: 0,
      over: 0,
      overDelivered: false
    })
  })

  it("a service between the suspension and the resumption is refused", () => {
    const [assess, enrol, startCmd] = life
    const suspended = success(
      PW.replay(start, [
        ...[assess, enrol, startCmd].filter((c) => c !== undefined),
        { command: "suspend", date: d("2019-04-15"), reason: "ricovero ospedaliero" }
      ])
    )
    const e = failure(PW.transition(suspended, { command: "recordService", date: d("2019-04-20"), service: delivery }))
    expect([e.state, e.command, e.reason]).toEqual(["suspended", "recordService", "not-accepted"])
  })

  it("encodes to JSON and decodes back", () => {
    const json = JSON.parse(JSON.stringify(end))
    expect(success(PW.decode(json))).toEqual(end)
  })
})

// ---------------------------------------------------------------------------------------------
// the entry snapshot from the registry
// ---------------------------------------------------------------------------------------------

const consent = { given: true, date: d("2019-02-18"), purpose: "monitoraggio FSE" }
const registryPerson = (
  id: string,
  birthDate: string,
  labourMarket: Person.Person["labourMarket"],
  extra: Partial<Person.Person> = {}
): Person.Person => ({
  id: Ids.PersonId.make(id),
  recordedOn: d("2019-02-18"),
  birthDate: d(birthDate),
  sex: "F",
  citizenship: { kind: "IT" },
  labourMarket,
  specialCategory: { disability: "no", foreignBackground: "no", minority: "no", consent },
  ...extra
})

const participantRecord = registryPerson(
  "int-p-0007",
  "1978-09-15",
  [
    { status: "employed", from: d("2010-01-01"), to: d("2017-10-31") },
    { status: "unemployed", from: d("2017-11-01") }
  ],
  {
    citizenship: { kind: "non-EU", permit: "at-least-2-years" },
    isced: 2,
    specialCategory: { disability: "no", foreignBackground: "yes", minority: "refused", consent },
    homelessOrHousingExclusion: false,
    rural: false
  }
)
const son = registryPerson("int-p-0008", "2008-06-10", []) // 10 on entry: too young for a labour status
const daughter = registryPerson("int-p-0009", "1999-01-20", [
  { status: "inactive-in-education-or-training", from: d("2017-09-01") }
]) // 20 on entry, a student living with her mother

const household: Pick<Household.Household, "id" | "members"> = {
  id: Ids.HouseholdId.make("int-h-0003"),
  members: [
    { person: participantRecord.id, relation: "intestatario", from: d("2012-05-01") },
    { person: son.id, relation: "figlio", from: d("2012-05-01") },
    { person: daughter.id, relation: "figlio", from: d("2012-05-01") }
  ]
}

describe("EntrySnapshot.fromRegistry", () => {
  it("takes the snapshot on the enrolment date (worked by hand)", () => {
    // born 1978-09-15 → 40 on 2019-03-04; unemployed since 2017-11-01, more than 12 months
    // (2018-11-01) → long-term; non-EU → third-country national; household: the participant
    // is the only adult (the son is 10, the daughter 20, inactive, the intestatario's child),
    // nobody is employed → jobless, with dependent children, single adult.
    expect(
      success(
        EntrySnapshot.fromRegistry({
          person: participantRecord,
          household,
          persons: [son, daughter],
          date: d("2019-03-04")
        })
      )
    ).toEqual(snapshotOn(d("2019-03-04")))
  })

  it("a working member makes the household not jobless; an adult child working is not dependent", () => {
    const working = registryPerson("int-p-0009", "1999-01-20", [{ status: "employed", from: d("2018-09-01") }])
    expect(
      success(
        EntrySnapshot.fromRegistry({
          person: participantRecord,
          household,
          persons: [son, working],
          date: d("2019-03-04")
        })
      ).household
    ).toEqual({ jobless: false, dependentChildren: true, singleAdult: false })
  })

  it("lists every missing fact instead of guessing", () => {
    const sparse = registryPerson("int-p-0007", "1978-09-15", [{ status: "unemployed", from: d("2019-06-01") }])
    // the son (10) is a dependent child, so there are dependent children; the daughter has no
    // record, so whether the household is jobless and has a single adult cannot be told
    const e = failure(EntrySnapshot.fromRegistry({ person: sparse, household, persons: [son], date: d("2019-03-04") }))
    expect(e.missing.map((m) => m.field)).toEqual([
      "labourMarketStatus",
      "isced",
      "homelessOrHousingExclusion",
      "rural",
      "household.jobless",
      "household.singleAdult"
    ])
    expect(e.missing[4]?.message).toBe(
      "cannot tell whether the household is jobless on 2019-03-04: no person record for int-p-0009; no labour-market status recorded for int-p-0007"
    )
  })

  it("refuses a person who is not a member of the household on that day", () => {
    const e = failure(
      EntrySnapshot.fromRegistry({
        person: participantRecord,
        household,
        persons: [son, daughter],
        date: d("2012-04-30")
      })
    )
    // employed on that day (so not long-term unemployed), but the household has no members yet
    expect(e.missing.map((m) => m.field)).toEqual(["household", "household"])
    expect(e.missing.map((m) => m.message)).toEqual([
      "int-p-0007 is not a member of household int-h-0003 on 2012-04-30",
      "household int-h-0003 has no members on 2012-04-30"
    ])
  })
})

describe("Pathway: utilities", () => {
  it("reads the entry snapshot and the leaving date", () => {
    expect(PW.entryOf(states.candidate)).toBeUndefined()
    expect(PW.entryOf(states.active)).toEqual(snapshotOn(d("2019-05-20")))
    expect(PW.leftOn(states.active)).toBeUndefined()
    expect(PW.leftOn(states.dropped)).toBe(since)
    expect(PW.leftOn(states["not-enrolled"])).toBeUndefined()
  })

  it("marks what is sensitive on the Schema", () => {
    expect(Sensitivity.fieldsBySensitivity(PW.Participant)).toEqual({
      personal: ["state", "services"],
      "special-category": ["enrolment"]
    })
    expect(Sensitivity.fieldsBySensitivity(EntrySnapshot.EntrySnapshot)).toEqual({
      personal: [
        "ageAtEntry",
        "sex",
        "labourMarketStatus",
        "longTermUnemployed",
        "isced",
        "thirdCountryNational",
        "household",
        "homelessOrHousingExclusion",
        "rural"
      ],
      "special-category": ["specialCategory"]
    })
  })

  it("decodes a command from a form, or says what is wrong", () => {
    expect(
      success(PW.decodeCommand({ command: "suspend", date: "2019-04-15", reason: "ricovero ospedaliero" }))
    ).toEqual({ command: "suspend", date: "2019-04-15", reason: "ricovero ospedaliero" })
    expect(
      failure(
        PW.decodeCommand({
          command: "recordService",
          date: "2019-02-30",
          service: { kind: "guidance", hours: 25, organisation: "consorzio-mestieri" }
        })
      ).problems
    ).toEqual([
      { path: "date", message: "2019-02-30 does not exist: month 2 of 2019 has 28 days" },
      { path: "service.hours", message: "a service delivered on one day lasts at most 24 hours, got 25" }
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// decoding
// ---------------------------------------------------------------------------------------------

describe("Pathway.decode", () => {
  it("reports every problem with its path", () => {
    const bad = {
      ...header,
      phase: "participant",
      enrolment: { ...enrolment, objectives: [] },
      state: { status: "active", since: "2019-06-01" },
      services: [{ date: "2019-06-02", kind: "guidance", hours: 0.3, organisation: "consorzio-mestieri" }]
    }
    const e = failure(PW.decode(bad))
    expect(e.problems).toEqual([
      { path: "enrolment.objectives[0]", message: "a PIP has at least one objective" },
      { path: "services[0].hours", message: "hours are counted in quarter hours (0.25, 0.5, 0.75…), got 0.3" }
    ])
  })

  it("checks the invariants the state machine keeps", () => {
    const p = {
      ...header,
      phase: "participant",
      enrolment,
      state: { status: "completed", since: "2019-06-28" },
      services: [
        { date: "2019-05-19", kind: "guidance", hours: 2, organisation: "consorzio-mestieri" },
        { date: "2019-07-01", kind: "guidance", hours: 2, organisation: "consorzio-mestieri" }
      ]
    }
    expect(failure(PW.decode(p)).problems).toEqual([
      { path: "services[0].date", message: "service delivered on 2019-05-19, before the enrolment on 2019-05-20" },
      { path: "services[1].date", message: "service delivered on 2019-07-01, after leaving on 2019-06-28" }
    ])
  })
})
