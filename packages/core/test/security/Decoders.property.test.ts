/**
 * Fuzzing every public decoder of core with garbage (any JavaScript value) and near-valid
 * mutations (a valid record with one field changed: wrong type, out of range, unicode, a huge
 * string, a missing key, an extra key). For every input: the decoder never throws; a failure is
 * an `InvalidInput` whose every problem is located (a path, or the root when the input itself
 * is not an object); a success re-validates — encoded and decoded again it gives the same
 * record — so no invalid record is ever accepted. `Fuzz.runs()` runs per target and kind (1,000;
 * 100,000 under `QUARTIERI_SOAK=1`). The figures are printed at the end for docs/security.md.
 */
/// <reference types="node" />
import { readFileSync } from "node:fs"
import { afterAll, describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import {
  ExportArbitraries,
  Fuzz,
  LaboratorioArbitraries,
  PartnershipArbitraries,
  PathwayArbitraries,
  Population,
  SeedProjects
} from "@quartieri/testing"
import { Effect, Exit, Result, Schema } from "effect"
import {
  Activity,
  App,
  Attendance,
  AttendanceRegister,
  Budget,
  Collection,
  Eligibility,
  Household,
  InvalidInput,
  Laboratorio,
  Organisation,
  Partnership,
  Pathway,
  Person,
  Project,
  Reporting,
  Session,
  Site
} from "../../src/index.js"

// ---------------------------------------------------------------------------------------------
// the targets
// ---------------------------------------------------------------------------------------------

interface Target {
  readonly name: string
  readonly decode: (input: unknown) => Result.Result<unknown, InvalidInput.InvalidInput>
  /** Encodes a decoded record back to its input form (to decode it again). */
  readonly encode: (value: unknown) => unknown
  /** Valid inputs, in their encoded form. */
  readonly valid: fc.Arbitrary<unknown>
  /** Checks an accepted value (default: encoded and decoded again, it is the same record). */
  readonly revalidate?: (decoded: unknown) => void
}

const target = <S extends Schema.Codec<unknown, unknown>>(
  name: string,
  schema: S,
  valid: fc.Arbitrary<S["Type"]>,
  decode: (input: unknown) => Result.Result<unknown, InvalidInput.InvalidInput> = InvalidInput.decoder(
    schema as unknown as Schema.Decoder<unknown, never>,
    name
  )
): Target => {
  const encode = Schema.encodeUnknownSync(schema as unknown as Schema.Codec<unknown, unknown, never, never>)
  return { name, decode, encode, valid: valid.map((v) => encode(v)) }
}

const population = Population.abitareLaComunita(3)
const interpreti = SeedProjects.interpreti
const seedProject = Schema.decodeUnknownSync(Project.Project)(interpreti.project)
const seedPartnership = Schema.decodeUnknownSync(Partnership.Partnership)(interpreti.partnership)
const seedBudget = Schema.decodeUnknownSync(Budget.Budget)(interpreti.budget)

const targets: ReadonlyArray<Target> = [
  target("Household", Household.Household, fc.constantFrom(...population.households), Household.decode),
  target("Person", Person.Person, fc.constantFrom(...population.persons), Person.decode),
  target(
    "Partnership",
    Partnership.Partnership,
    fc.oneof(fc.constant(seedPartnership), PartnershipArbitraries.partnership),
    Partnership.decode
  ),
  target("Project", Project.Project, fc.constant(seedProject), Project.decode),
  target("Pathway", Pathway.Pathway, PathwayArbitraries.pathway, Pathway.decode),
  target(
    "Pathway command",
    Pathway.Command,
    fc
      .constantFrom(
        {
          command: "assess",
          date: "2019-05-02",
          eligibility: { decisionId: "d1", outcome: "eligible", asOf: "2019-04-15" }
        },
        { command: "drop", date: "2019-06-01", reason: "trasferita" },
        { command: "start", date: "2019-06-01" }
      )
      .map((c) => Schema.decodeUnknownSync(Pathway.Command)(c)),
    Pathway.decodeCommand
  ),
  target(
    "AttendanceRegister",
    AttendanceRegister.AttendanceRegister,
    LaboratorioArbitraries.register,
    AttendanceRegister.decode
  ),
  target(
    "Attendance",
    Attendance.Attendance,
    fc.constant(
      Schema.decodeUnknownSync(Attendance.Attendance)({ session: "s1", laboratorio: "l1", named: ["p1"], anonymous: 2 })
    ),
    Attendance.decode
  ),
  target(
    "Session",
    Session.Session,
    fc.constant(
      Schema.decodeUnknownSync(Session.Session)({ id: "s1", activity: "a1", date: "2019-06-04", durationMinutes: 90 })
    ),
    Session.decode
  ),
  target(
    "Activity",
    Activity.Activity,
    fc.constant(
      Schema.decodeUnknownSync(Activity.Activity)({
        id: "a1",
        laboratorio: "l1",
        kind: "eventi-tematici",
        title: "Festa"
      })
    ),
    Activity.decode
  ),
  target(
    "Laboratorio",
    Laboratorio.Laboratorio,
    fc.constant(
      Schema.decodeUnknownSync(Laboratorio.Laboratorio)({
        id: "l1",
        project: "p1",
        site: "crema-santa-maria",
        name: "Laboratorio",
        presidio: { openingHours: [{ weekday: 2, from: "09:00", to: "12:00" }] },
        staff: [{ role: "tutor-di-condominio", organisation: "org-a", hoursPerWeek: 12 }]
      })
    ),
    Laboratorio.decode
  ),
  target("Participant", Reporting.Participant.Participant, ExportArbitraries.participant, Reporting.Participant.decode),
  target("Entities", Reporting.Entity.Entities, fc.constant(Reporting.Entity.none), Reporting.Entity.decode),
  target("Budget", Budget.Budget, fc.constant(seedBudget)),
  target("Organisation", Organisation.Organisation, PartnershipArbitraries.organisation),
  target("Site.Quartiere", Site.Quartiere, fc.constantFrom(...population.quartieri)),
  target("Site.Complesso", Site.Complesso, fc.constantFrom(...population.complessi)),
  target(
    "HouseholdRecord",
    App.Records.HouseholdRecord,
    fc.constantFrom(
      ...population.households
        .slice(0, 20)
        .map((h) => ({ ...h, project: "p1", laboratorio: "l1" }) as App.Records.HouseholdRecord)
    )
  ),
  target(
    "StoredPerson",
    App.Records.StoredPerson,
    fc.constantFrom(
      ...population.persons
        .slice(0, 20)
        .map((p) => ({ ...p, project: "p1", laboratorio: "l1", household: "h1" }) as App.Records.StoredPerson),
      {
        id: "p9",
        project: "p1",
        laboratorio: "l1",
        household: "h1",
        erased: { at: "2026-01-01T00:00:00.000Z", reason: "objection" }
      } as App.Records.StoredPerson
    )
  )
]

// the eligibility engine: each rule set, on requests made from the bases of its table cases
const casesDir = new URL("../eligibility/", import.meta.url)
const bases = (id: string): ReadonlyArray<unknown> => {
  const file = JSON.parse(readFileSync(new URL(`${id}.cases.json`, casesDir), "utf8")) as {
    readonly bases: Record<string, Record<string, unknown>>
    readonly cases: ReadonlyArray<{ readonly asOf: string }>
  }
  const asOf = file.cases[0]?.asOf ?? "2024-06-30"
  return Object.values(file.bases).map((facts) => ({ asOf, facts }))
}
// an accepted request gives a decision that is itself a valid Decision (encoded and decoded
// again, the same), whose input hash is that of a canonical request
const encodeDecision = Schema.encodeUnknownSync(Eligibility.Decision.Decision)
const decodeDecision = Schema.decodeUnknownSync(Eligibility.Decision.Decision)
const engineTargets: ReadonlyArray<Target> = Eligibility.RuleSets.all.map((ruleSet) => ({
  name: `Engine.evaluate ${ruleSet.id}`,
  decode: (input) => Eligibility.Engine.evaluate(ruleSet, input as Eligibility.Engine.Request),
  encode: (decision) => encodeDecision(decision),
  valid: fc.constantFrom(...bases(ruleSet.id)),
  revalidate: (decision) => {
    expect(decodeDecision(encodeDecision(decision))).toEqual(decision)
    expect((decision as Eligibility.Decision.Decision).inputHash).toMatch(/^sha256:[0-9a-f]{64}$/)
  }
}))

// ---------------------------------------------------------------------------------------------
// the checks
// ---------------------------------------------------------------------------------------------

const figures = new Map<string, { runs: number; accepted: number; refused: number }>()
const count = (name: string, accepted: boolean) => {
  const f = figures.get(name) ?? { runs: 0, accepted: 0, refused: 0 }
  figures.set(name, {
    runs: f.runs + 1,
    accepted: f.accepted + (accepted ? 1 : 0),
    refused: f.refused + (accepted ? 0 : 1)
  })
}
afterAll(() => {
  const rows = [...figures.entries()].map(
    ([k, f]) =>
      `${k}: ${f.runs} runs, ${f.accepted} accepted and re-validated, ${f.refused} refused with located problems`
  )
  console.info(`[fuzz] core decoders (${rows.length} target × kind)\n${rows.join("\n")}`)
})

/** Decodes `input` and checks the outcome; returns whether it was accepted. */
const checkOne = (t: Target, input: unknown, revalidate: (decoded: unknown) => void): boolean => {
  let result: Result.Result<unknown, InvalidInput.InvalidInput>
  try {
    result = t.decode(input)
  } catch (e) {
    throw new Error(`${t.name} threw on ${String(input)}: ${String(e)}`)
  }
  if (Result.isFailure(result)) {
    expect(result.failure).toBeInstanceOf(InvalidInput.InvalidInput)
    expect(Fuzz.unlocated(input, result.failure.problems), t.name).toBeUndefined()
    return false
  }
  revalidate(result.success)
  return true
}

const revalidating = (t: Target) => (decoded: unknown) => {
  if (t.revalidate !== undefined) return t.revalidate(decoded)
  const encoded = t.encode(decoded)
  const again = t.decode(encoded)
  if (Result.isFailure(again))
    throw new Error(`${t.name}: an accepted record does not decode again: ${again.failure.message}`)
  expect(again.success, t.name).toEqual(decoded)
}

const runs = Fuzz.runs()
const timeout = Fuzz.timeout(60_000)

describe("every public decoder of core", () => {
  for (const t of [...targets, ...engineTargets]) {
    describe(t.name, () => {
      test.prop([t.valid], { numRuns: 20 })("accepts its valid inputs (the mutations start from them)", (v) => {
        expect(checkOne(t, v, revalidating(t))).toBe(true)
      })

      test.prop([Fuzz.garbage], { numRuns: runs })(
        "garbage: never throws, refuses with located problems, or accepts a record that re-validates",
        (input) => {
          count(`${t.name} garbage`, checkOne(t, input, revalidating(t)))
        },
        timeout
      )

      test.prop([t.valid.chain((v) => Fuzz.mutation(v))], { numRuns: runs })(
        "near-valid mutations: never throws, refuses with located problems, or accepts a record that re-validates",
        ({ input, mutation }) => {
          try {
            count(`${t.name} mutation`, checkOne(t, input, revalidating(t)))
          } catch (e) {
            throw new Error(`${mutation.kind} at ${Fuzz.formatPath(mutation.path)}: ${String(e)}`)
          }
        },
        timeout
      )
    })
  }
})

// Stored documents are decoded too, when a store reads them back: a document that does not
// decode is a typed `Corrupted` error naming the collection and the id, never a crash.
describe("stored documents (Collection.decode)", () => {
  const collections = App.Collections.all as ReadonlyArray<App.Collections.AnyCollection>
  test.prop(
    [
      fc.constantFrom(...collections),
      fc.oneof(fc.json(), fc.string(), fc.constantFrom("", "{", "null", "[]", '{"id":1}'))
    ],
    { numRuns: runs }
  )(
    "any text: the document, or Corrupted — never a defect",
    (collection, json) => {
      const exit = Effect.runSyncExit(Collection.decode(collection, "x", json))
      if (Exit.isFailure(exit)) {
        const error = Exit.findErrorOption(exit)
        expect(error._tag === "Some" && [error.value._tag, error.value.reason]).toEqual(["StoreError", "Corrupted"])
      }
      count(`Collection.decode ${collection.name}`, Exit.isSuccess(exit))
    },
    timeout
  )
})
