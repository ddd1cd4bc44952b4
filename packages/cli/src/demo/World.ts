/**
 * The demo's world, built **through the application use-cases, as actors**: a capofila
 * coordinator registers each seed project (the rules of its call apply), defines its budget and
 * opens a laboratorio sociale in each of its complessi; partner operators register the synthetic
 * households and record the laboratori's sessions with their attendance; the coordinator
 * evaluates eligibility (Inclusione attiva for every household, morosità contenuta too for Un
 * ponte sul blu), opens, assesses, enrols and moves the personalised pathways and records the
 * expenditures and claims; the Region verifies a claim. Every write goes through the use-case's
 * decoding, the access policy and the audit log.
 *
 * Every date, amount, session and pathway made up here is synthetic and seeded: the same seed
 * and number of households give the same world.
 *
 * @since 0.1.0
 */
import {
  type App,
  Calendar,
  type Call,
  Eligibility,
  EntrySnapshot,
  Household,
  type Ids,
  Parameter,
  type Person,
  type Project
} from "@quartieri/core"
import { LaboratorioActivity } from "@quartieri/export-html"
import { Random } from "@quartieri/testing"
import { Effect, Option, Result, Schema } from "effect"
import * as ExitCode from "../ExitCode.js"
import * as Progress from "../Progress.js"
import * as Refusal from "../Refusal.js"
import type { Settings } from "../Settings.js"
import * as Sites from "../Sites.js"
import * as StoreTarget from "../StoreTarget.js"
import { type Text, text } from "../Text.js"
import * as Residents from "./Residents.js"
import type * as Seeds from "./Seeds.js"

/**
 * What the demo did for one seed project.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectOutcome {
  readonly id: string
  readonly title: string
  readonly registered: boolean
  /** The refusals of the rules, each a line. */
  readonly refusals: ReadonlyArray<Text>
  /** The demo's readings and synthetic values. */
  readonly notes: ReadonlyArray<Text>
  readonly budget: "defined" | "refused" | "none"
  readonly laboratori: number
  readonly households: number
  readonly persons: number
  readonly decisions: { readonly eligible: number; readonly ineligible: number; readonly undetermined: number }
  readonly pathways: {
    readonly referred: number
    readonly enrolled: number
    readonly completed: number
    readonly dropped: number
  }
  readonly sessions: number
  readonly attendances: number
  readonly expenditures: { readonly count: number; readonly cents: number }
  readonly claims: number
}

/**
 * Options of the world: how many households in all, and the seed.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly households: number
  readonly seed: number
}

type Q = App.Quartieri.Service

interface Registered {
  readonly plan: Seeds.Plan
  readonly project: Project.Project
  readonly coordinator: App.UseCase.ActorInput
  readonly notes: Array<Text>
  readonly refusals: Array<Text>
  budget: ProjectOutcome["budget"]
  budgetLines: ReadonlyArray<{ readonly id: string; readonly amount: number; readonly partner: string }>
  readonly laboratori: Array<string>
  residents: Residents.Residents
  decisions: { eligible: number; ineligible: number; undetermined: number }
  pathways: { referred: number; enrolled: number; completed: number; dropped: number }
  sessions: number
  attendances: number
  expenditures: { count: number; cents: number }
  claims: number
}

const region = { _tag: "RegionOfficer", id: "funzionario@regione.demo" } as const

/** An unexpected refusal stops the demo: exit code 3 for the store, 1 for anything else. */
const unexpected =
  (target: StoreTarget.Target, step: string) =>
  (e: unknown): ExitCode.CliFailure =>
    StoreTarget.isStorageError(e)
      ? StoreTarget.storageFailure(target, e)
      : ExitCode.fail(
          ExitCode.ExitCode.invalid,
          "demo-step-refused",
          text(
            `la demo si è fermata a «${step}»: ${Refusal.summary(e).it}`,
            `the demo stopped at "${step}": ${Refusal.summary(e).en}`
          ),
          Refusal.details(e)
        )

const capOf = (call: Call.Call) =>
  Option.flatMap(Option.fromNullishOr(call.parameters.find((p) => p.id.endsWith(".grant-cap.project"))), (p) =>
    Parameter.readAt(p as Parameter.Parameter<number>, call.effectiveFrom)
  )

const lastDay = (month: string): Calendar.CalendarDate => {
  const [y, m] = month.split("-").map(Number) as [number, number]
  return Calendar.fromParts(y, m, Calendar.daysInMonth(y, m)) as Calendar.CalendarDate
}

const monthsOf = (project: Project.Project) =>
  LaboratorioActivity.months(project.period.start, project.period.end ?? project.period.start)

const encodeEntry = Schema.encodeSync(EntrySnapshot.EntrySnapshot)

/**
 * Builds the world in the store behind `q`, reporting progress; returns what was done for each
 * seed project.
 *
 * @since 0.1.0
 * @category constructors
 */
export const build = (
  q: Q,
  plans: ReadonlyArray<Seeds.Plan>,
  options: Options,
  settings: Settings,
  target: StoreTarget.Target
): Effect.Effect<ReadonlyArray<ProjectOutcome>, ExitCode.CliFailure> =>
  Effect.gen(function* () {
    const random = Random.make(options.seed)
    const registered: Array<Registered> = []
    const outcomes: Array<ProjectOutcome | Registered> = []
    const fail = (step: string) => unexpected(target, step)

    // 1. projects, budgets, laboratori: the coordinator of each capofila
    for (const plan of plans) {
      if (plan.notRegistered !== undefined) {
        outcomes.push(emptyOutcome(plan, [plan.notRegistered]))
        continue
      }
      const first = plan.asSeeded ?? plan.instead?.project
      if (first === undefined) continue
      const capofila = first.partnership.members.find((m) => m.role === "capofila")?.organisation.id ?? "capofila"
      const coordinator = {
        _tag: "CapofilaCoordinator",
        id: `coordinamento@${capofila}.demo`,
        organisation: capofila,
        projects: [first.id]
      } as const
      const refusals: Array<Text> = []
      const notes: Array<Text> = []
      let project: Project.Project | undefined
      if (plan.asSeeded !== undefined) {
        const r = yield* Effect.result(q.registerProject(coordinator, plan.asSeeded))
        if (Result.isSuccess(r)) project = r.success.value
        else if (StoreTarget.isStorageError(r.failure)) return yield* Effect.fail(fail("registerProject")(r.failure))
        else refusals.push(...Refusal.lines(r.failure))
      }
      if (project === undefined && plan.instead !== undefined) {
        project = (yield* q
          .registerProject(coordinator, plan.instead.project)
          .pipe(Effect.mapError(fail("registerProject")))).value
        notes.push(plan.instead.reading)
      }
      if (project === undefined) {
        outcomes.push(emptyOutcome(plan, refusals))
        continue
      }
      const call = plan.seed.call
      let budget: ProjectOutcome["budget"] = "none"
      let budgetLines: Registered["budgetLines"] = []
      if (plan.budget !== undefined && project.period.end !== undefined) {
        const cap = capOf(call)
        const r = yield* Effect.result(
          q.defineBudget(coordinator, {
            project: project.id,
            expectedVersion: 0,
            budget: plan.budget.budget,
            eligibility: { period: { start: project.period.start, end: project.period.end }, source: call.source },
            caps: Option.match(cap, {
              onNone: () => ({ perProject: { id: "none", value: 0, from: call.effectiveFrom, source: call.source } }),
              onSome: (c) => ({ perProject: { id: c.id, value: c.value, from: c.from, source: c.source } })
            })
          })
        )
        if (Result.isSuccess(r)) {
          budget = "defined"
          budgetLines = r.success.value.budget.lines.map((l) => ({
            id: l.id,
            amount: l.cost._tag === "RealCost" ? l.cost.amount : 0,
            partner: l.partner
          }))
          if (plan.budget.synthetic !== undefined) notes.push(plan.budget.synthetic)
        } else if (StoreTarget.isStorageError(r.failure)) return yield* Effect.fail(fail("defineBudget")(r.failure))
        else {
          budget = "refused"
          refusals.push(...Refusal.lines(r.failure).map((l) => text(`budget: ${l.it}`, `budget: ${l.en}`)))
        }
      }
      const laboratori: Array<string> = []
      for (const site of project.sites) {
        const complesso = Sites.complessi.find((c) => c.id === site)
        const quartiere = Sites.quartieri.find((x) => x.id === complesso?.quartiere)
        const lab = `lab-${site}`
        const activities = [
          ["sportello", "sportello-e-ascolto"],
          ["abitare", "educazione-all-abitare"],
          ["mediazione", "mediazione-dei-conflitti"],
          ["eventi", "eventi-tematici"],
          ...(plan.key === "pon" ? [["morosita", "gestione-della-morosita"]] : [])
        ].map(([id, kind]) => ({ id: `${lab}.${id}`, laboratorio: lab, kind }))
        yield* q
          .createLaboratorio(coordinator, {
            laboratorio: {
              id: lab,
              project: project.id,
              site,
              name: `Laboratorio sociale ${quartiere?.name ?? site}`,
              presidio: {
                openingHours: [
                  { weekday: 2, from: "09:00", to: "12:00" },
                  { weekday: 4, from: "14:30", to: "17:30" }
                ]
              },
              staff: [{ role: "tutor-di-condominio", organisation: plan.operator, hoursPerWeek: plan.staffHours(site) }]
            },
            activities
          })
          .pipe(Effect.mapError(fail("createLaboratorio")))
        laboratori.push(lab)
      }
      const entry: Registered = {
        plan,
        project,
        coordinator,
        notes,
        refusals,
        budget,
        budgetLines,
        laboratori,
        residents: { asOf: project.period.start, complessi: [], households: [], persons: [] },
        decisions: { eligible: 0, ineligible: 0, undetermined: 0 },
        pathways: { referred: 0, enrolled: 0, completed: 0, dropped: 0 },
        sessions: 0,
        attendances: 0,
        expenditures: { count: 0, cents: 0 },
        claims: 0
      }
      registered.push(entry)
      outcomes.push(entry)
    }

    // 2. the synthetic residents of each registered project
    const counts = Residents.shares(
      options.households,
      registered.map((r) => r.plan.share)
    )
    registered.forEach((r, i) => {
      const n = counts[i] ?? 0
      r.residents = Residents.generate(
        r.plan.key,
        options.seed + 101 * (i + 1),
        Sites.quartieri,
        Sites.complessiOf(r.project.sites),
        Math.max(n, 1),
        r.project.period.start
      )
      r.notes.push(
        text(
          `${r.residents.households.length} nuclei e ${r.residents.persons.length} persone sintetici (Population, seme ${options.seed})`,
          `${r.residents.households.length} synthetic households and ${r.residents.persons.length} persons (Population, seed ${options.seed})`
        )
      )
    })

    const operatorOf = (r: Registered, lab: string) =>
      ({
        _tag: "PartnerOperator",
        id: `operatore@${r.plan.operator}.demo`,
        organisation: r.plan.operator,
        projects: [r.project.id],
        laboratori: [lab],
        pathways: []
      }) as const

    // 3. households, registered by the operator of their laboratorio
    const totalHouseholds = registered.reduce((n, r) => n + r.residents.households.length, 0)
    yield* Progress.withBar(
      settings,
      (l) => (l === "it" ? "Nuclei familiari registrati" : "Households registered"),
      totalHouseholds,
      (bar) =>
        Effect.forEach(registered, (r) => {
          const byId = new Map(r.residents.persons.map((p) => [p.id as string, p]))
          return Effect.forEach(r.residents.households, (h) => {
            const lab = `lab-${h.tenancy.complesso}`
            const persons = h.members.flatMap((m) => {
              const p = byId.get(m.person)
              return p === undefined ? [] : [p]
            })
            return q
              .registerHousehold(operatorOf(r, lab), { project: r.project.id, laboratorio: lab, household: h, persons })
              .pipe(
                Effect.mapError(fail("registerHousehold")),
                Effect.tap(() => Effect.sync(() => bar.advance()))
              )
          })
        })
    )

    // 4. eligibility: Inclusione attiva for every household (its intestatario), and morosità
    // contenuta for the households of Un ponte sul blu
    interface Candidate {
      readonly r: Registered
      readonly household: Household.Household
      readonly person: Ids.PersonId
      readonly decision: string
      readonly outcome: "eligible" | "ineligible" | "undetermined"
      readonly asOf: Calendar.CalendarDate
    }
    const candidates: Array<Candidate> = []
    const totalDecisions = registered.reduce(
      (n, r) => n + r.residents.households.length * (r.plan.key === "pon" ? 2 : 1),
      0
    )
    yield* Progress.withBar(
      settings,
      (l) => (l === "it" ? "Idoneità valutate" : "Eligibility evaluated"),
      totalDecisions,
      (bar) =>
        Effect.forEach(registered, (r) => {
          const persons = new Map(r.residents.persons.map((p) => [p.id, p]))
          const asOf = Calendar.addDays(r.project.period.start, 30)
          const context = {
            asOf,
            persons,
            complessi: r.residents.complessi,
            projectComplessi: r.project.sites,
            pathways: []
          }
          const bridges = [
            ["ia", Eligibility.FromRegistry.inclusioneAttiva],
            ...(r.plan.key === "pon" ? ([["mc", Eligibility.FromRegistry.morositaContenuta]] as const) : [])
          ] as const
          return Effect.forEach(r.residents.households, (h) =>
            Effect.forEach(bridges, ([suffix, bridge]) =>
              q
                .evaluateEligibility(r.coordinator, {
                  id: `dec-${h.id}-${suffix}`,
                  ruleSet: bridge.ruleSet.id,
                  household: h.id,
                  asOf,
                  facts: bridge.facts(h, context)
                })
                .pipe(
                  Effect.mapError(fail("evaluateEligibility")),
                  Effect.tap((stored) =>
                    Effect.sync(() => {
                      bar.advance()
                      const outcome = stored.value.decision.outcome
                      if (suffix !== "ia") return
                      r.decisions[outcome] += 1
                      const applicant = Eligibility.FromRegistry.applicantOf(h, { asOf })
                      if (applicant !== undefined)
                        candidates.push({
                          r,
                          household: h,
                          person: applicant.person,
                          decision: stored.id,
                          outcome,
                          asOf
                        })
                    })
                  )
                )
            )
          )
        })
    )

    // 5. pathways: eligible persons are referred, assessed, enrolled and followed; some
    // ineligible ones are referred too, assessed and not enrolled
    interface Plan {
      readonly c: Candidate
      readonly enrol: boolean
    }
    const pathwayPlans: Array<Plan> = []
    for (const r of registered) {
      const mine = candidates.filter((c) => c.r === r)
      const eligible = mine.filter((c) => c.outcome === "eligible")
      const target = r.project.targets.find((t) => t.indicator === "personalised-pathways")?.value
      const wanted = target ?? Math.max(3, Math.round(r.residents.households.length * 0.12))
      for (const c of random.sample(eligible, wanted)) pathwayPlans.push({ c, enrol: true })
      const others = mine.filter((c) => c.outcome !== "eligible")
      for (const c of random.sample(others, Math.max(1, Math.round(wanted / 5)))) pathwayPlans.push({ c, enrol: false })
    }
    yield* Progress.withBar(
      settings,
      (l) => (l === "it" ? "Percorsi personalizzati" : "Personalised pathways"),
      pathwayPlans.length,
      (bar) =>
        Effect.forEach(pathwayPlans, ({ c, enrol }) =>
          Effect.gen(function* () {
            const { r, household } = c
            const end = r.project.period.end ?? Calendar.addDays(r.project.period.start, 500)
            const id = `pip-${household.id}`
            let version = (yield* q.openPathway(r.coordinator, {
              id,
              person: c.person,
              household: household.id,
              project: r.project.id,
              date: c.asOf
            })).version
            r.pathways.referred += 1
            const move = (command: Record<string, unknown>) =>
              Effect.map(q.movePathway(r.coordinator, { pathway: id, expectedVersion: version, command }), (p) => {
                version = p.version
              })
            yield* move({
              command: "assess",
              date: c.asOf,
              eligibility: { decisionId: c.decision, outcome: c.outcome, asOf: c.asOf }
            })
            if (!enrol) {
              yield* move({
                command: "drop",
                date: Calendar.addDays(c.asOf, 7),
                reason: "non idoneo secondo la decisione di idoneità (dato sintetico della demo)"
              })
              return
            }
            const enrolDate = Calendar.addDays(c.asOf, random.int(7, 90))
            const members = new Set(household.members.map((m) => m.person as string))
            const persons = r.residents.persons.filter((p) => members.has(p.id))
            const person = persons.find((p) => p.id === c.person) as Person.Person
            const entry = EntrySnapshot.fromRegistry({ person, household, persons, date: enrolDate })
            if (Result.isFailure(entry)) {
              yield* move({
                command: "drop",
                date: enrolDate,
                reason: "dati di ingresso incompleti (dato sintetico della demo)"
              })
              return
            }
            yield* move({
              command: "enrol",
              date: enrolDate,
              objectives: ["Orientamento e ricerca attiva del lavoro (obiettivo sintetico della demo)"],
              planned: [
                { kind: "guidance", hours: 12, organisation: r.plan.labour },
                { kind: "training", hours: 40, organisation: r.plan.labour }
              ],
              responsible: r.plan.labour,
              entry: encodeEntry(entry.success)
            })
            r.pathways.enrolled += 1
            let day = Calendar.addDays(enrolDate, random.int(3, 21))
            if (day > end) return
            yield* move({ command: "start", date: day })
            const services = random.int(2, 6)
            for (let s = 0; s < services; s++) {
              const next = Calendar.addDays(day, random.int(14, 40))
              if (next > end) break
              day = next
              yield* move({
                command: "recordService",
                date: day,
                service: {
                  kind: random.pick(["guidance", "training", "skills-assessment", "job-placement-support"] as const),
                  hours: random.int(2, 6),
                  organisation: r.plan.labour
                }
              })
            }
            const leave = Calendar.addDays(day, random.int(5, 30))
            if (leave > end) return
            const fate = random.next()
            if (fate < 0.6) {
              yield* move({ command: "complete", date: leave })
              r.pathways.completed += 1
            } else if (fate < 0.8) {
              yield* move({
                command: "drop",
                date: leave,
                reason: "rinuncia del partecipante (dato sintetico della demo)"
              })
              r.pathways.dropped += 1
            } else return
            const employed = random.chance(0.35)
            yield* move({
              command: "recordLeavingStatus",
              date: leave,
              status: {
                jobSearching: !employed && random.chance(0.7),
                inEducationOrTraining: random.chance(0.15),
                gainedQualification: random.chance(0.25),
                inEmployment: employed
              }
            })
            const followUp = Calendar.addDays(leave, 190)
            if (followUp <= Calendar.unsafeMake("2021-06-30"))
              yield* move({
                command: "recordFollowUp",
                date: followUp,
                situation: {
                  employed: employed || random.chance(0.2),
                  selfEmployed: random.chance(0.05),
                  improvedSituation: random.chance(0.5)
                }
              })
          }).pipe(
            Effect.mapError(fail("movePathway")),
            Effect.tap(() => Effect.sync(() => bar.advance()))
          )
        )
    )

    // 6. laboratorio sessions with their attendance sheets, recorded by the operators
    interface SessionPlan {
      readonly r: Registered
      readonly lab: string
      readonly input: Record<string, unknown>
      readonly attendances: number
    }
    const sessionPlans: Array<SessionPlan> = []
    for (const r of registered) {
      for (const lab of r.laboratori) {
        const site = lab.slice("lab-".length)
        const local = r.residents.households.filter((h) => h.tenancy.complesso === site)
        const activities = [
          "sportello",
          "abitare",
          "mediazione",
          "eventi",
          ...(r.plan.key === "pon" ? ["morosita"] : [])
        ]
        for (const month of monthsOf(r.project)) {
          const n = month.id.endsWith("-08") ? random.int(0, 1) : random.int(2, 4)
          for (let s = 0; s < n; s++) {
            const first = Calendar.max(month.start, r.project.period.start)
            const last = Calendar.min(month.end, r.project.period.end ?? month.end)
            if (last < first) continue
            const date = Calendar.addDays(first, random.int(0, Calendar.daysBetween(first, last)))
            const present = local.flatMap((h) => Household.membersAt(h, date).map((m) => m.person as string))
            const named = random.sample(present, random.int(0, Math.min(8, present.length)))
            const anonymous = random.int(0, 6)
            sessionPlans.push({
              r,
              lab,
              attendances: named.length + anonymous,
              input: {
                laboratorio: lab,
                session: {
                  id: `${lab}.${month.id}.${s + 1}`,
                  activity: `${lab}.${activities[(s + Number(month.id.slice(5))) % activities.length]}`,
                  date,
                  durationMinutes: random.pick([90, 120, 180])
                },
                attendance: { named, anonymous }
              }
            })
          }
        }
      }
    }
    yield* Progress.withBar(
      settings,
      (l) => (l === "it" ? "Incontri dei laboratori" : "Laboratori sessions"),
      sessionPlans.length,
      (bar) =>
        Effect.forEach(sessionPlans, (p) =>
          q.recordSession(operatorOf(p.r, p.lab), p.input).pipe(
            Effect.mapError(fail("recordSession")),
            Effect.tap(() =>
              Effect.sync(() => {
                p.r.sessions += 1
                p.r.attendances += p.attendances
                bar.advance()
              })
            )
          )
        )
    )

    // 7. expenditures on the budget lines, claims, and the Region's verification
    const spending = registered.filter((r) => r.budgetLines.length > 0)
    const expenditurePlans = spending.flatMap((r) =>
      r.budgetLines.flatMap((line, li) => {
        const months = monthsOf(r.project).filter((_, i) => li === 0 || i % 3 === 2)
        const each = Math.floor((line.amount * 0.85) / Math.max(1, months.length))
        return months.map((m, i) => ({
          r,
          input: {
            project: r.project.id,
            expenditure: {
              id: `${line.id}.${m.id}`,
              line: line.id,
              date: Calendar.min(lastDay(m.id), r.project.period.end ?? lastDay(m.id)),
              amount: each - random.int(0, 50_000),
              description:
                li === 0
                  ? `Costo del personale dei laboratori, ${m.id} (dato sintetico della demo)`
                  : `Servizi al lavoro dei percorsi, trimestre al ${m.id} (dato sintetico della demo)`,
              documentRef: `DEMO-${r.plan.key.toUpperCase()}-${li + 1}-${String(i + 1).padStart(2, "0")}`
            }
          }
        }))
      })
    )
    yield* Progress.withBar(
      settings,
      (l) => (l === "it" ? "Spese e rendicontazioni" : "Expenditures and claims"),
      expenditurePlans.length + spending.length * 3,
      (bar) =>
        Effect.gen(function* () {
          for (const p of expenditurePlans) {
            const e = yield* q
              .recordExpenditure(p.r.coordinator, p.input)
              .pipe(Effect.mapError(fail("recordExpenditure")))
            p.r.expenditures.count += 1
            p.r.expenditures.cents += e.value.amount
            bar.advance()
          }
          for (const r of spending) {
            const mine = expenditurePlans.filter((p) => p.r === r).map((p) => p.input.expenditure)
            const end = r.project.period.end ?? r.project.period.start
            const periods = [
              { number: 1, start: r.project.period.start, end: Calendar.unsafeMake("2019-12-31"), on: "2020-01-31" },
              { number: 2, start: Calendar.unsafeMake("2020-01-01"), end, on: Calendar.addDays(end, 45) }
            ]
            for (const c of periods) {
              const listed = mine.filter((e) => e.date >= c.start && e.date <= c.end)
              if (listed.length === 0) continue
              yield* q
                .submitClaim(r.coordinator, {
                  project: r.project.id,
                  claim: {
                    number: c.number,
                    period: { start: c.start, end: c.end },
                    submittedOn: c.on,
                    expenditures: listed.map((e) => e.id)
                  }
                })
                .pipe(Effect.mapError(fail("submitClaim")))
              r.claims += 1
              bar.advance()
              if (c.number === 1) {
                const claimed = listed.reduce((n, e) => n + e.amount, 0)
                yield* q
                  .verifyClaim(region, {
                    project: r.project.id,
                    number: 1,
                    expectedVersion: 1,
                    verifiedOn: "2020-04-15",
                    verifiedAmount: Math.floor(claimed * 0.96)
                  })
                  .pipe(Effect.mapError(fail("verifyClaim")))
                bar.advance()
              }
            }
          }
        })
    )

    return outcomes.map((o) => ("residents" in o ? outcomeOf(o) : o))
  })

const emptyOutcome = (plan: Seeds.Plan, refusals: ReadonlyArray<Text>): ProjectOutcome => ({
  id: plan.seed.id,
  title: plan.seed.title,
  registered: false,
  refusals,
  notes: [],
  budget: "none",
  laboratori: 0,
  households: 0,
  persons: 0,
  decisions: { eligible: 0, ineligible: 0, undetermined: 0 },
  pathways: { referred: 0, enrolled: 0, completed: 0, dropped: 0 },
  sessions: 0,
  attendances: 0,
  expenditures: { count: 0, cents: 0 },
  claims: 0
})

const outcomeOf = (r: Registered): ProjectOutcome => ({
  id: r.project.id,
  title: r.project.title,
  registered: true,
  refusals: r.refusals,
  notes: r.notes,
  budget: r.budget,
  laboratori: r.laboratori.length,
  households: r.residents.households.length,
  persons: r.residents.persons.length,
  decisions: r.decisions,
  pathways: r.pathways,
  sessions: r.sessions,
  attendances: r.attendances,
  expenditures: r.expenditures,
  claims: r.claims
})
