import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import { Call, Partnership } from "../src/index.js"
import * as F from "./fixtures/partnerships.js"

const rulesOf = (r: Result.Result<void, Partnership.PartnershipInvalid>) =>
  Result.isFailure(r) ? r.failure.violations.map((v) => v.rule) : []

describe("Partnership, 2017 avviso", () => {
  it("IntERPreti di cambiamento passes", () => {
    expect(Result.isSuccess(Partnership.check(Call.avviso2017, F.interpreti))).toBe(true)
  })

  it("IntERPreti without Koala and Mestieri fails with exactly the labour-operator violation", () => {
    const p = F.decode({ members: [F.ripalta, F.crema, F.alerBcm, F.acli, F.abcitta] })
    const r = Partnership.check(Call.avviso2017, p)
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      expect(r.failure._tag).toBe("PartnershipInvalid")
      expect(r.failure.violations.length).toBe(1)
      const [v] = r.failure.violations
      expect(v.rule).toBe("partnership.labour-operator")
      expect(v.message).toBe("no member accredited for labour/training services")
      expect(v.messageIt).toBe("nessun membro accreditato per i servizi al lavoro o alla formazione")
      expect(v.source.act).toBe("Avviso gestione sociale dei quartieri ERP (D.d.s. 15/11/2017, D.G.R. X/6912/2017)")
      expect(v.source.confidence).toBe("confirmed")
      expect(v.subject).toBeUndefined()
    }
  })

  it("with only one of the two labour operators it still passes", () => {
    const p = F.decode({ members: [F.ripalta, F.crema, F.alerBcm, F.acli, F.mestieri] })
    expect(Result.isSuccess(Partnership.check(Call.avviso2017, p))).toBe(true)
  })

  it("reports every violated rule, in rule-set order then member order", () => {
    const alfa = { id: "coop-alfa", name: "Cooperativa Alfa", kind: "CooperativaSociale" } as const
    const p = F.decode({
      members: [
        { role: "capofila", organisation: alfa },
        { role: "capofila", organisation: { id: "asst-crema", name: "ASST Crema", kind: "ASST" } },
        { role: "associate", organisation: alfa }
      ]
    })
    const r = Partnership.check(Call.avviso2017, p)
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      expect(r.failure.violations.map((v) => [v.rule, v.subject])).toEqual([
        ["partnership.distinct-organisations", "coop-alfa"],
        ["partnership.one-capofila", undefined],
        ["partnership.min-members", undefined],
        ["partnership.capofila-kind", "coop-alfa"],
        ["partnership.capofila-kind", "asst-crema"],
        ["partnership.labour-operator", undefined],
        ["partnership.admissible-kind", "asst-crema"]
      ])
      expect(r.failure.violations.map((v) => v.message)).toEqual([
        'member 3 ("Cooperativa Alfa") is the same organisation as member 1 ("Cooperativa Alfa"): same id coop-alfa',
        'the partnership has 2 capofila ("Cooperativa Alfa", "ASST Crema"): exactly one is required',
        "the partnership has 2 members (capofila and partners; associates do not count), at least 3 are required",
        'the capofila must be a Comune or an ALER: "Cooperativa Alfa" is of kind Social cooperative',
        'the capofila must be a Comune or an ALER: "ASST Crema" is of kind ASST (local health and social-care authority)',
        "no member accredited for labour/training services",
        '"ASST Crema" (ASST (local health and social-care authority)) cannot be a member: the avviso admits Comuni, ALER, accredited labour/training bodies, third-sector organisations, imprese sociali and religious bodies'
      ])
      expect(r.failure.violations[2]?.messageIt).toBe(
        "il partenariato ha 2 membri (capofila e partner; gli associati non contano), ne servono almeno 3"
      )
      expect(r.failure.violations[2]?.source.note).toBe("associates are not counted: our reading, unverified")
    }
  })

  it("the same result twice: the order does not depend on anything but the input", () => {
    const p = F.decode({ members: [F.acli, F.acli] })
    expect(Partnership.check(Call.avviso2017, p)).toEqual(Partnership.check(Call.avviso2017, p))
    expect(rulesOf(Partnership.check(Call.avviso2017, p))).toEqual([
      "partnership.distinct-organisations",
      "partnership.one-capofila",
      "partnership.min-members",
      "partnership.labour-operator"
    ])
  })

  it("two ids with the same codice fiscale are the same organisation", () => {
    const twin = {
      ...F.crema,
      organisation: { id: "ripalta-bis", name: "Ripalta (bis)", kind: "Comune", fiscalCode: "00301970190" }
    } as const
    const r = Partnership.check(Call.avviso2017, F.decode({ members: [...F.interpretiEncoded.members, twin] }))
    expect(Result.isFailure(r) && r.failure.violations.map((v) => [v.rule, v.subject, v.message])).toEqual([
      [
        "partnership.distinct-organisations",
        "ripalta-bis",
        'member 8 ("Ripalta (bis)") is the same organisation as member 1 ("Comune di Ripalta Cremasca"): same codice fiscale 00301970190'
      ]
    ])
  })

  it("two ids with the same partita IVA are the same organisation", () => {
    const coop = (id: string) =>
      ({ id, name: `Cooperativa ${id}`, kind: "CooperativaSociale", vatNumber: "12345678903" }) as const
    const r = Partnership.check(
      Call.avviso2017,
      F.decode({
        members: [
          ...F.interpretiEncoded.members,
          { role: "partner", organisation: coop("a") },
          { role: "partner", organisation: coop("b") }
        ]
      })
    )
    expect(Result.isFailure(r) && r.failure.violations.map((v) => [v.subject, v.messageIt])).toEqual([
      [
        "b",
        'il membro 9 ("Cooperativa b") è lo stesso soggetto del membro 8 ("Cooperativa a"): stessa partita IVA 12345678903'
      ]
    ])
  })

  it("no capofila is one violation, and no capofila-kind violation", () => {
    const p = F.decode({ members: [{ ...F.ripalta, role: "partner" }, F.crema, F.koala] })
    expect(rulesOf(Partnership.check(Call.avviso2017, p))).toEqual(["partnership.one-capofila"])
  })

  it("associates do not count toward the minimum, nor as the labour operator (our reading)", () => {
    const p = F.decode({ members: [F.ripalta, F.acli, { ...F.koala, role: "associate" }] })
    expect(rulesOf(Partnership.check(Call.avviso2017, p))).toEqual([
      "partnership.min-members",
      "partnership.labour-operator"
    ])
  })

  it("an ASST is admissible when it is accredited", () => {
    const asst = {
      role: "partner",
      organisation: { id: "asst", name: "ASST", kind: "ASST", accreditations: ["formazione"] }
    } as const
    expect(Result.isSuccess(Partnership.check(Call.avviso2017, F.decode({ members: [F.ripalta, F.acli, asst] })))).toBe(
      true
    )
  })

  it("Un ponte sul blu passes", () => {
    expect(Result.isSuccess(Partnership.check(Call.avviso2017, F.ponteSulBlu))).toBe(true)
  })

  it("the error message lists every violation, in English and in Italian", () => {
    const r = Partnership.check(Call.avviso2017, F.decode({ members: [F.ripalta, F.acli] }))
    expect(Result.isFailure(r) && r.failure.message).toBe(
      "the partnership breaks 2 rules: the partnership has 2 members (capofila and partners; associates do not count), at least 3 are required; no member accredited for labour/training services"
    )
    expect(Result.isFailure(r) && r.failure.messageIt).toBe(
      "il partenariato viola 2 regole: il partenariato ha 2 membri (capofila e partner; gli associati non contano), ne servono almeno 3; nessun membro accreditato per i servizi al lavoro o alla formazione"
    )
  })
})

describe("Partnership, Milano D.G.R. XI/2717/2019", () => {
  it("ALER Milano with two partners passes", () => {
    const p = F.decode({ members: [F.alerMilano, F.asstFbfSacco, F.antiviolenza] })
    expect(Result.isSuccess(Partnership.check(Call.milanoDgr2717, p))).toBe(true)
  })

  it("the Comune di Milano with two partners passes", () => {
    const comune = {
      role: "capofila",
      organisation: { id: "comune-milano", name: "Comune di Milano", kind: "Comune", seat: "015146" }
    } as const
    expect(
      Result.isSuccess(
        Partnership.check(Call.milanoDgr2717, F.decode({ members: [comune, F.asstFbfSacco, F.antiviolenza] }))
      )
    ).toBe(true)
  })

  it("ALER Milano with one partner fails", () => {
    const r = Partnership.check(Call.milanoDgr2717, F.decode({ members: [F.alerMilano, F.asstFbfSacco] }))
    expect(Result.isFailure(r) && r.failure.violations.map((v) => [v.rule, v.message, v.messageIt])).toEqual([
      [
        "partnership.milano-min-partners",
        "the partnership has 1 partner besides the capofila, at least 2 are required",
        "il partenariato ha 1 partner oltre al capofila, ne servono almeno 2"
      ]
    ])
  })

  it("an associate is not one of the two partners", () => {
    const r = Partnership.check(
      Call.milanoDgr2717,
      F.decode({ members: [F.alerMilano, F.asstFbfSacco, { ...F.antiviolenza, role: "associate" }] })
    )
    expect(rulesOf(r)).toEqual(["partnership.milano-min-partners"])
  })

  it("the Comune di Brescia as capofila fails", () => {
    const r = Partnership.check(
      Call.milanoDgr2717,
      F.decode({ members: [F.comuneBrescia, F.asstFbfSacco, F.antiviolenza] })
    )
    expect(Result.isFailure(r) && r.failure.violations.map((v) => [v.rule, v.subject, v.message])).toEqual([
      [
        "partnership.milano-capofila",
        "comune-brescia",
        'the capofila must be the Comune di Milano or ALER Milano (seat ISTAT 015146): "Comune di Brescia" has its seat in ISTAT 017029, not 015146'
      ]
    ])
    expect(Result.isFailure(r) && r.failure.violations[0]?.source.act).toBe("D.G.R. XI/2717/2019 (D.D.S. 7410/2020)")
  })

  it("an ALER without a seat cannot be recognised as ALER Milano", () => {
    const r = Partnership.check(
      Call.milanoDgr2717,
      F.decode({
        members: [F.alerBcm, F.asstFbfSacco, F.antiviolenza].map((m, i) =>
          i === 0 ? { ...m, role: "capofila" as const } : m
        )
      })
    )
    expect(Result.isFailure(r) && r.failure.violations.map((v) => v.messageIt)).toEqual([
      'il capofila deve essere il Comune di Milano o ALER Milano (sede ISTAT 015146): "ALER Brescia-Cremona-Mantova" non ha la sede indicata'
    ])
  })

  it("the 2017 labour-operator rule does not apply in Milano", () => {
    const p = F.decode({ members: [F.alerMilano, F.asstFbfSacco, F.antiviolenza] })
    expect(Result.isFailure(Partnership.check(Call.avviso2017, p))).toBe(true)
    expect(Result.isSuccess(Partnership.check(Call.milanoDgr2717, p))).toBe(true)
  })
})

describe("Partnership, PR FSE+ 2024 avviso", () => {
  it("a cooperative cannot be the beneficiary", () => {
    const p = F.decode({ members: [{ ...F.koala, role: "capofila" }] })
    const r = Partnership.check(Call.avvisoFsePlus2024, p)
    expect(Result.isFailure(r) && r.failure.violations.map((v) => [v.rule, v.source.act])).toEqual([
      ["partnership.capofila-kind", "PR FSE+ 2021-2027, avviso servizi territoriali integrati per l'abitare (2024)"]
    ])
  })

  it("an ALER alone passes (whether a partnership is required was not found)", () => {
    expect(Result.isSuccess(Partnership.check(Call.avvisoFsePlus2024, F.decode({ members: [F.alerMilano] })))).toBe(
      true
    )
  })
})

describe("Partnership decoding", () => {
  it("lists every malformed identifier with its path, and validate runs the rules only on valid input", () => {
    const input = {
      members: [
        {
          role: "capofila",
          organisation: { id: "ripalta", name: "Comune di Ripalta Cremasca", kind: "Comune", fiscalCode: "00301970191" }
        },
        { role: "partner", organisation: { id: "crema", name: "Comune di Crema", kind: "Comune", seat: "19035" } },
        { role: "sponsor", organisation: { id: "x y", name: "", kind: "Fondazione" } }
      ]
    }
    const r = Partnership.validate(Call.avviso2017, input)
    expect(Result.isFailure(r) && r.failure._tag).toBe("InvalidInput")
    if (Result.isFailure(r) && r.failure._tag === "InvalidInput") {
      expect(r.failure.problems.map((p) => p.path)).toEqual([
        "members[0].organisation.fiscalCode",
        "members[1].organisation.seat",
        "members[2].organisation.id",
        "members[2].organisation.name",
        "members[2].organisation.kind",
        "members[2].role"
      ])
      expect(r.failure.problems[0]?.message).toBe('invalid check digit "1": expected "0"')
      expect(r.failure.problems[1]?.message).toBe("expected 6 characters, got 5")
    }
  })

  it("a body of kind EnteAccreditatoLavoroFormazione must list its accreditation", () => {
    const r = Partnership.decode({
      members: [
        { role: "partner", organisation: { id: "ente", name: "Ente", kind: "EnteAccreditatoLavoroFormazione" } }
      ]
    })
    expect(Result.isFailure(r) && r.failure.problems).toEqual([
      {
        path: "members[0].organisation.accreditations",
        message:
          "a body of kind EnteAccreditatoLavoroFormazione must list its accreditation (servizi-al-lavoro and/or formazione)"
      }
    ])
  })

  it("a competence listed twice is reported at its position", () => {
    const r = Partnership.decode({
      members: [
        {
          role: "partner",
          organisation: {
            id: "acli",
            name: "Acli",
            kind: "Associazione",
            competences: ["formazione", "mediazione-abitativa", "formazione"]
          }
        }
      ]
    })
    expect(Result.isFailure(r) && r.failure.problems).toEqual([
      {
        path: "members[0].organisation.competences[2]",
        message: 'competence "formazione" is listed twice (positions 1 and 3)'
      }
    ])
  })

  it("valid input that breaks the rules is a PartnershipInvalid", () => {
    const r = Partnership.validate(Call.avviso2017, { members: [F.ripalta, F.acli, F.abcitta] })
    expect(Result.isFailure(r) && r.failure._tag).toBe("PartnershipInvalid")
  })

  it("valid input that keeps the rules comes back decoded, with omitted lists read as empty", () => {
    const r = Partnership.validate(Call.avviso2017, F.interpretiEncoded)
    expect(Result.isSuccess(r) && r.success.members[0]?.organisation).toEqual({
      id: "comune-ripalta-cremasca",
      name: "Comune di Ripalta Cremasca",
      kind: "Comune",
      accreditations: [],
      competences: [],
      fiscalCode: "00301970190",
      seat: "019081"
    })
  })
})
