import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result, Schema } from "effect"
import { Call, Partnership } from "../src/index.js"

// A small arbitrary: few ids, few codes, all kinds, so that duplicates, several capofila,
// missing accreditations and wrong seats all happen often.
const kinds = [
  "Comune",
  "ALER",
  "ASST",
  "CooperativaSociale",
  "Associazione",
  "Consorzio",
  "EnteAccreditatoLavoroFormazione",
  "ImpresaSociale",
  "EnteReligioso",
  "AltraPA",
  "Regione"
] as const
// Valid 11-digit codes worked out by hand (check digit of 1234567890: 25 + 22 = 47 → 3).
const codes = ["00301970190", "80050050154", "12345678903"] as const

const organisationArb = fc
  .record({
    id: fc.constantFrom("o1", "o2", "o3", "o4", "o5", "o6"),
    name: fc.constantFrom("Alfa", "Beta", "Gamma"),
    kind: fc.constantFrom(...kinds),
    accreditations: fc.subarray(["servizi-al-lavoro", "formazione"] as const),
    fiscalCode: fc.option(fc.constantFrom(...codes), { nil: undefined }),
    seat: fc.option(fc.constantFrom("015146", "017029"), { nil: undefined })
  })
  .map(({ fiscalCode, seat, ...o }) => ({
    ...o,
    // a body of kind EnteAccreditatoLavoroFormazione must list an accreditation: give it one
    accreditations:
      o.kind === "EnteAccreditatoLavoroFormazione" && o.accreditations.length === 0
        ? (["formazione"] as const)
        : o.accreditations,
    ...(fiscalCode === undefined ? {} : { fiscalCode }),
    ...(seat === undefined ? {} : { seat })
  }))

const memberArb = fc.record({
  role: fc.constantFrom("capofila", "partner", "associate"),
  organisation: organisationArb
})

const partnershipArb = fc
  .array(memberArb, { maxLength: 7 })
  .map((members) => Schema.decodeUnknownSync(Partnership.Partnership)({ members }))

// --- independent predicates, one per rule ------------------------------------------------------

type P = Partnership.Partnership
const counted = (p: P) => p.members.filter((m) => m.role !== "associate")
const leads = (p: P) => p.members.filter((m) => m.role === "capofila")
const duplicated = (p: P) =>
  p.members.some((a, i) =>
    p.members.some(
      (b, j) =>
        i < j &&
        (a.organisation.id === b.organisation.id ||
          (a.organisation.fiscalCode !== undefined && a.organisation.fiscalCode === b.organisation.fiscalCode))
    )
  )
const leadNotComuneOrAler = (p: P) =>
  leads(p).some((m) => m.organisation.kind !== "Comune" && m.organisation.kind !== "ALER")

const expected2017 = (p: P): Set<string> => {
  const ids = new Set<string>()
  if (duplicated(p)) ids.add("partnership.distinct-organisations")
  if (leads(p).length !== 1) ids.add("partnership.one-capofila")
  if (counted(p).length < 3) ids.add("partnership.min-members")
  if (leadNotComuneOrAler(p)) ids.add("partnership.capofila-kind")
  if (!counted(p).some((m) => m.organisation.accreditations.length > 0)) ids.add("partnership.labour-operator")
  if (
    counted(p).some(
      (m) => ["ASST", "AltraPA", "Regione"].includes(m.organisation.kind) && m.organisation.accreditations.length === 0
    )
  )
    ids.add("partnership.admissible-kind")
  return ids
}

const expectedMilano = (p: P): Set<string> => {
  const ids = new Set<string>()
  if (duplicated(p)) ids.add("partnership.distinct-organisations")
  if (leads(p).length !== 1) ids.add("partnership.one-capofila")
  if (
    leads(p).some(
      (m) => !((m.organisation.kind === "Comune" || m.organisation.kind === "ALER") && m.organisation.seat === "015146")
    )
  )
    ids.add("partnership.milano-capofila")
  if (p.members.filter((m) => m.role === "partner").length < 2) ids.add("partnership.milano-min-partners")
  return ids
}

const expected2024 = (p: P): Set<string> => {
  const ids = new Set<string>()
  if (duplicated(p)) ids.add("partnership.distinct-organisations")
  if (leads(p).length !== 1) ids.add("partnership.one-capofila")
  if (leadNotComuneOrAler(p)) ids.add("partnership.capofila-kind")
  return ids
}

const reported = (call: Call.Call, p: P): Array<Partnership.PartnershipInvalid["violations"][number]> => {
  const r = Partnership.check(call, p)
  return Result.isFailure(r) ? [...r.failure.violations] : []
}

const without = (p: P, i: number): P => ({ members: p.members.filter((_, k) => k !== i) })

describe("Partnership (property)", () => {
  test.prop([partnershipArb])("2017: the rules reported are exactly the rules violated", (p) => {
    expect(new Set(reported(Call.avviso2017, p).map((v) => v.rule))).toEqual(expected2017(p))
  })

  test.prop([partnershipArb])("Milano: the rules reported are exactly the rules violated", (p) => {
    expect(new Set(reported(Call.milanoDgr2717, p).map((v) => v.rule))).toEqual(expectedMilano(p))
  })

  test.prop([partnershipArb])("FSE+ 2024: the rules reported are exactly the rules violated", (p) => {
    expect(new Set(reported(Call.avvisoFsePlus2024, p).map((v) => v.rule))).toEqual(expected2024(p))
  })

  test.prop([partnershipArb])("one capofila-kind violation per capofila of another kind, about that capofila", (p) => {
    expect(
      reported(Call.avviso2017, p)
        .filter((v) => v.rule === "partnership.capofila-kind")
        .map((v) => v.subject)
    ).toEqual(
      leads(p)
        .filter((m) => m.organisation.kind !== "Comune" && m.organisation.kind !== "ALER")
        .map((m) => m.organisation.id)
    )
  })

  test.prop([partnershipArb])("violations come in rule-set order", (p) => {
    const order = Call.avviso2017.partnershipRules.rules.map((r) => r.id)
    const positions = reported(Call.avviso2017, p).map((v) => order.indexOf(v.rule))
    expect(positions.every((x) => x >= 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })

  test.prop([partnershipArb, fc.nat()])("removing a member never removes a min-members violation", (p, n) => {
    fc.pre(p.members.length > 0)
    const smaller = without(p, n % p.members.length)
    const has = (call: Call.Call, q: P, rule: string) => reported(call, q).some((v) => v.rule === rule)
    if (has(Call.avviso2017, p, "partnership.min-members")) {
      expect(has(Call.avviso2017, smaller, "partnership.min-members")).toBe(true)
    }
    if (has(Call.milanoDgr2717, p, "partnership.milano-min-partners")) {
      expect(has(Call.milanoDgr2717, smaller, "partnership.milano-min-partners")).toBe(true)
    }
  })

  test.prop([partnershipArb])("check never throws and fails exactly when there are violations", (p) => {
    for (const call of Call.all) {
      const r = Partnership.check(call, p)
      expect(Result.isSuccess(r)).toBe(Partnership.violations(call.partnershipRules, p).length === 0)
    }
  })

  // Random JSON, and valid members with one field replaced by random JSON.
  const nearlyValidArb = fc
    .tuple(
      fc.array(memberArb, { minLength: 1, maxLength: 4 }),
      fc.nat(),
      fc.constantFrom("role", "organisation", "id", "kind", "fiscalCode", "seat", "accreditations", "name"),
      fc.jsonValue()
    )
    .map(([members, i, field, junk]) => ({
      members: members.map((m, k) =>
        k !== i % members.length
          ? m
          : field === "role" || field === "organisation"
            ? { ...m, [field]: junk }
            : { ...m, organisation: { ...m.organisation, [field]: junk } }
      )
    }))

  test.prop([fc.oneof(fc.jsonValue(), nearlyValidArb, fc.anything())])(
    "decoding random input never throws",
    (input) => {
      const r = Partnership.decode(input)
      if (Result.isFailure(r)) {
        expect(r.failure._tag).toBe("InvalidInput")
        expect(r.failure.problems.length).toBeGreaterThan(0)
      }
      expect(() => Partnership.validate(Call.avviso2017, input)).not.toThrow()
    }
  )
})
