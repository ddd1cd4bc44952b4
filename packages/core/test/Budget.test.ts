import { describe, expect, it } from "@effect/vitest"
import { Option, Result } from "effect"
import type { CostCategory } from "../src/index.js"
import {
  BasisPoints,
  Budget,
  BudgetRules,
  Calendar,
  CostOption,
  FundingSource,
  Ids,
  InvalidInput,
  Money,
  Parameter,
  Sources,
  StaffCost
} from "../src/index.js"

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

const d = Calendar.unsafeMake
const nn = Money.NonNegativeCents.make
const bp = BasisPoints.BasisPoints.make
const lineId = Ids.BudgetLineId.make
const expId = Ids.ExpenditureId.make

const line = (
  id: string,
  category: CostCategory.CostCategory,
  cost: CostOption.CostOption,
  where: { readonly partner?: string; readonly subProject?: string } = {}
): Budget.BudgetLine => ({
  id: lineId(id),
  subProject: Ids.SubProjectId.make(where.subProject ?? "lab"),
  partner: Ids.OrganisationId.make(where.partner ?? "coop-a"),
  category,
  cost,
  description: `synthetic line ${id}`
})

const real = (cents: number) => CostOption.realCost(nn(cents))
const flat = (
  rate: number,
  base: readonly [CostCategory.CostCategory, ...Array<CostCategory.CostCategory>],
  options: {
    readonly rounding?: Money.Rounding
    readonly purpose?: CostOption.FlatRatePurpose
    readonly scope?: CostOption.FlatRateScope
  } = {}
) =>
  CostOption.flatRate({
    rate: bp(rate),
    base,
    scope: options.scope ?? "partner-and-sub-project",
    rounding: options.rounding ?? "floor",
    ...(options.purpose === undefined ? {} : { purpose: options.purpose })
  })

const funding = (
  source: FundingSource.FundingSourceKind,
  cents: number,
  extra: { readonly organisation?: string; readonly subProject?: string } = {}
): Budget.Funding => ({
  source,
  amount: nn(cents),
  ...(extra.organisation === undefined ? {} : { organisation: Ids.OrganisationId.make(extra.organisation) }),
  ...(extra.subProject === undefined ? {} : { subProject: Ids.SubProjectId.make(extra.subProject) })
})

const expenditure = (id: string, on: string, date: string, cents: number): Budget.Expenditure => ({
  id: expId(id),
  line: lineId(on),
  date: d(date),
  amount: nn(cents),
  description: `synthetic expenditure ${id}`,
  documentRef: `doc ${id}`
})

const reading = <A>(id: string, value: A, source = Sources.notFound("test parameter")): Parameter.Reading<A> => ({
  id,
  value,
  from: d("2017-11-15"),
  source
})

const ok = <A, E>(r: Result.Result<A, E>): A => Result.getOrThrow(r)
const failure = <A, E>(r: Result.Result<A, E>): E => {
  if (Result.isSuccess(r)) throw new Error("expected a failure")
  return r.failure
}
const rules = (r: Result.Result<unknown, Budget.BudgetRuleViolated>) =>
  Result.isFailure(r) ? r.failure.violations.map((v) => [v.rule, v.subject ?? ""]) : []

// Caps of the 2017 avviso as the facts give them: both UNVERIFIED (facts.md §1.2, §6.2): about
// € 252.000 per project (inferred from the largest grants) and € 120.000 (quoted, read as a
// sub-project cap by inference).
const inferred = Sources.notFound("2017 avviso caps inferred, facts.md §1.2")
const caps: BudgetRules.GrantCaps = {
  perProject: reading("avviso-2017.grant-cap.project", Money.euros(252_000), inferred),
  perSubProject: reading("avviso-2017.grant-cap.sub-project", Money.euros(120_000), inferred)
}

// Activities of the 2017 avviso end no later than 16/05/2020 (facts.md §1.2, confirmed); the
// start used here (2019-01-01, IntERPreti's "da gennaio 2019") is only for the tests.
const eligibility: BudgetRules.EligibilityPeriod = {
  period: { start: d("2019-01-01"), end: d("2020-05-16") },
  source: Sources.avviso2017
}

// ---------------------------------------------------------------------------------------------
// IntERPreti di cambiamento, at the level the seed gives
// ---------------------------------------------------------------------------------------------

// Seed shared/seeds/000 (Acli Crema) and facts.md §1.2: total value € 229.989,54, regional grant
// € 209.989,54 (D.G.R. XI/741/2018), cofinanced for € 20.000 by the Comune di Crema. The seeds
// give NO line breakdown: the budget has no lines, only the declared total and the funding plan.
const interpreti = (cofinancingCents: number): Budget.Budget => ({
  lines: [],
  declaredTotal: nn(22_998_954),
  funding: [funding("fse-grant", 20_998_954), funding("comune", cofinancingCents, { organisation: "comune-di-crema" })]
})

describe("declared total", () => {
  it("without lines, the declared total is the total cost; with lines, they must add up to it", () => {
    const known = ok(Budget.resolve({ lines: [], funding: [], declaredTotal: nn(10_000) }))
    expect(Budget.totalCost(known)).toBe(10_000)
    // 6.000,00 + 3.000,00 = 9.000,00 against a declared 10.000,00 (amounts in cents / 100)
    const budget: Budget.Budget = {
      lines: [line("a", "staff", real(600_000)), line("b", "travel", real(300_000))],
      funding: [funding("fse-grant", 900_000)],
      declaredTotal: nn(1_000_000)
    }
    const evaluation = ok(Budget.evaluate(budget))
    expect(evaluation.total).toBe(900_000)
    expect(evaluation.problems.map((v) => [v.rule, v.message])).toEqual([
      ["budget.lines.declared-total", "the lines sum to € 9.000,00 but the declared total cost is € 10.000,00"]
    ])
    expect(ok(Budget.evaluate({ ...budget, declaredTotal: nn(900_000) })).problems).toEqual([])
  })
})

describe("IntERPreti di cambiamento (seed level)", () => {
  it("the sources, € 209.989,54 + € 20.000,00, sum to the total cost € 229.989,54", () => {
    const resolved = ok(Budget.resolve(interpreti(2_000_000)))
    expect(Budget.totalCost(resolved)).toBe(22_998_954)
    expect(Budget.totalFunding(resolved)).toBe(22_998_954)
    expect(Budget.grant(resolved)).toBe(20_998_954)
    expect(Budget.cofinancing(resolved)).toBe(2_000_000)
    expect(BudgetRules.fundingMatchesCost(resolved)).toEqual([])
    expect(Budget.totalsBySource(resolved)).toEqual(
      new Map([
        ["fse-grant", 20_998_954],
        ["comune", 2_000_000]
      ])
    )
  })

  it("with the cofinancing at € 19.999,99 the sum rule fails by € 0,01", () => {
    const resolved = ok(Budget.resolve(interpreti(1_999_999)))
    const [violation, ...others] = BudgetRules.fundingMatchesCost(resolved)
    expect(others).toEqual([])
    expect(violation?.rule).toBe("budget.funding.sum")
    expect(violation?.message).toBe(
      "the funding sources sum to € 229.989,53 but the total cost is € 229.989,54: a difference of € 0,01 (funding short of the cost)"
    )
    expect(violation?.messageIt).toBe(
      "le fonti di finanziamento ammontano a € 229.989,53 ma il costo totale è € 229.989,54: differenza di € 0,01 (fonti inferiori al costo)"
    )
    expect(violation?.source.confidence).toBe("unverified")
  })

  it("cofinancing share: 20.000,00 / 229.989,54 = 869,60… bp, rounded explicitly", () => {
    // 2_000_000 × 10_000 / 22_998_954 = 20_000_000_000 / 22_998_954.
    // 22_998_954 × 869 = 19_986_091_026; remainder 20_000_000_000 − 19_986_091_026 = 13_908_974.
    // 2 × 13_908_974 = 27_817_948 > 22_998_954: the fraction (0,6048) is above one half, so the
    // nearest basis point is 870 (8,70 %), and rounding down gives 869 (8,69 %).
    const resolved = ok(Budget.resolve(interpreti(2_000_000)))
    expect(ok(Budget.cofinancingShare(resolved, "half-even"))).toBe(870)
    expect(ok(Budget.cofinancingShare(resolved, "half-up"))).toBe(870)
    expect(ok(Budget.cofinancingShare(resolved, "floor"))).toBe(869)
    expect(ok(Budget.cofinancingShare(resolved, "ceil"))).toBe(870)
  })

  it("the grant is within the inferred per-project cap; the per-sub-project cap cannot be checked unattributed", () => {
    const resolved = ok(Budget.resolve(interpreti(2_000_000)))
    expect(BudgetRules.grantWithinCaps(resolved, { perProject: caps.perProject })).toEqual([])
    const [violation, ...others] = BudgetRules.grantWithinCaps(resolved, caps)
    expect(others).toEqual([])
    expect(violation?.rule).toBe("budget.grant.sub-project-unattributed")
    expect(violation?.message).toBe(
      "the call caps the grant per sub-project (€ 120.000,00), but € 209.989,54 of grant is not attributed to a sub-project, so the cap cannot be checked"
    )
    expect(violation?.source).toEqual(inferred)
  })

  it("maps the sources to the OpenCoesione columns", () => {
    expect(FundingSource.openCoesioneColumns.comune).toEqual(["FINANZ_COMUNE"])
    expect(FundingSource.openCoesioneColumns["fse-grant"][0]).toBe("FINANZ_UE_FSE")
    expect(FundingSource.role("comune")).toBe("cofinancing")
    expect(FundingSource.role("fse-grant")).toBe("grant")
    // A split by made-up shares 1:1:0, to show that the columns always sum to the grant:
    // 20_998_954 / 2 = 10_499_477 each, exactly.
    expect(ok(FundingSource.splitFseGrant(Money.Cents.make(20_998_954), { eu: 1, state: 1, region: 0 }))).toEqual({
      FINANZ_UE_FSE: 10_499_477,
      FINANZ_STATO_FONDO_DI_ROTAZIONE: 10_499_477,
      FINANZ_REGIONE: 0
    })
  })
})

// ---------------------------------------------------------------------------------------------
// SYNTHETIC example budgets: invented numbers, not taken from any real project
// ---------------------------------------------------------------------------------------------

describe("line amounts (synthetic example)", () => {
  it("indirect costs at 15 % of staff: € 100.000,00 → € 15.000,00", () => {
    const budget: Budget.Budget = {
      lines: [
        line("staff", "staff", real(10_000_000)),
        line("indirect", "indirect", flat(1_500, ["staff"], { purpose: "indirect-costs" })),
        line("travel", "travel", real(500_000))
      ],
      funding: []
    }
    const resolved = ok(Budget.resolve(budget))
    expect(resolved.lines.map((l) => l.amount)).toEqual([10_000_000, 1_500_000, 500_000])
    expect(Option.getOrThrow(Budget.lineAmount(resolved, lineId("indirect")))).toBe(1_500_000)
    expect(Budget.totalCost(resolved)).toBe(12_000_000) // 100.000 + 15.000 + 5.000
  })

  it.each<[Money.Rounding, number]>([
    // 40 % of € 12.345,67 = 1_234_567 × 4_000 / 10_000 = 493_826,8 cents.
    ["floor", 493_826],
    ["half-even", 493_827],
    ["half-up", 493_827],
    ["ceil", 493_827]
  ])("remaining costs, 40 per cent of staff € 12.345,67, rounded %s: %i cents", (rounding, expected) => {
    const budget: Budget.Budget = {
      lines: [
        line("staff", "staff", real(1_234_567)),
        line("remaining", "other", flat(4_000, ["staff"], { rounding, purpose: "remaining-costs" }))
      ],
      funding: []
    }
    expect(Option.getOrThrow(Budget.lineAmount(ok(Budget.resolve(budget)), lineId("remaining")))).toBe(expected)
  })

  it("remaining costs at 40 % of € 100.000,00 of staff are € 40.000,00", () => {
    const budget: Budget.Budget = {
      lines: [line("staff", "staff", real(10_000_000)), line("remaining", "other", flat(4_000, ["staff"]))],
      funding: []
    }
    expect(ok(Budget.resolve(budget)).total).toBe(14_000_000)
  })

  it("a flat rate's base is the lines of its scope only", () => {
    // Staff: coop-a/lab € 1.000,00; coop-a/inclusione € 2.000,00; coop-b/lab € 4.000,00.
    // 10 % on staff: same partner and sub-project 100,00; partner 300,00; sub-project 500,00; budget 700,00.
    const staff = [
      line("s1", "staff", real(100_000)),
      line("s2", "staff", real(200_000), { subProject: "inclusione" }),
      line("s3", "staff", real(400_000), { partner: "coop-b" })
    ]
    const scopes: Array<[CostOption.FlatRateScope, number]> = [
      ["partner-and-sub-project", 10_000],
      ["partner", 30_000],
      ["sub-project", 50_000],
      ["budget", 70_000]
    ]
    for (const [scope, expected] of scopes) {
      const budget: Budget.Budget = {
        lines: [...staff, line("ind", "indirect", flat(1_000, ["staff"], { scope }))],
        funding: []
      }
      expect([scope, Option.getOrThrow(Budget.lineAmount(ok(Budget.resolve(budget)), lineId("ind")))]).toEqual([
        scope,
        expected
      ])
    }
  })

  it("staff hourly rate: € 40.000,00 / 1.720 h", () => {
    // 4_000_000 / 1_720: 1_720 × 2_325 = 3_999_000, remainder 1_000 cents; 2 × 1_000 > 1_720, so
    // 2_325,58… is € 23,26 to the nearest cent and € 23,25 rounded down.
    const hours = Option.getOrThrow(Parameter.readAt(StaffCost.standardAnnualHours2021, d("2024-01-01")))
    expect(hours.value).toBe(1_720)
    expect(hours.source.confidence).toBe("unverified")
    const nearest = ok(StaffCost.hourlyRate(nn(4_000_000), hours, "half-even"))
    expect(nearest.rate).toBe(2_326)
    expect(ok(StaffCost.hourlyRate(nn(4_000_000), hours, "floor")).rate).toBe(2_325)
    // 120 hours at € 23,26 = € 2.791,20.
    const budget: Budget.Budget = { lines: [line("tutor", "staff", StaffCost.toUnitCost(nearest, 120))], funding: [] }
    expect(ok(Budget.resolve(budget)).total).toBe(279_120)
    expect(Option.isNone(Parameter.readAt(StaffCost.standardAnnualHours2021, d("2019-01-01")))).toBe(true)
  })

  it("totals by sub-project, partner and category", () => {
    // coop-a/lab: staff 10.000,00 + indirect 15 % = 1.500,00; coop-a/inclusione: allowances 3.000,00;
    // coop-b/lab: external services 2.500,00 + staff 1.000,00. Total 18.000,00.
    const budget: Budget.Budget = {
      lines: [
        line("a-staff", "staff", real(1_000_000)),
        line("a-ind", "indirect", flat(1_500, ["staff"])),
        line("a-allow", "participant-allowances", CostOption.unitCost("partecipante", nn(30_000), 10), {
          subProject: "inclusione"
        }),
        line("b-ext", "external-services", real(250_000), { partner: "coop-b" }),
        line("b-staff", "staff", real(100_000), { partner: "coop-b" })
      ],
      funding: []
    }
    const resolved = ok(Budget.resolve(budget))
    expect(resolved.total).toBe(1_800_000)
    expect(Budget.totalsBySubProject(resolved)).toEqual(
      new Map([
        ["lab", 1_500_000],
        ["inclusione", 300_000]
      ])
    )
    expect(Budget.totalsByPartner(resolved)).toEqual(
      new Map([
        ["coop-a", 1_450_000],
        ["coop-b", 350_000]
      ])
    )
    expect(Budget.totalsByCategory(resolved)).toEqual(
      new Map([
        ["staff", 1_100_000],
        ["indirect", 150_000],
        ["participant-allowances", 300_000],
        ["external-services", 250_000]
      ])
    )
  })
})

describe("flat-rate bases (synthetic example)", () => {
  const staff = line("staff", "staff", real(10_000_000))
  const remaining = line("remaining", "other", flat(4_000, ["staff"]))

  it("a flat rate whose base includes a flat-rate line is an error, not a loop", () => {
    const budget: Budget.Budget = {
      lines: [staff, remaining, line("ind", "indirect", flat(1_500, ["staff", "other"]))],
      funding: []
    }
    const error = failure(Budget.resolve(budget))
    expect(error.violations.map((v) => [v.rule, v.subject])).toEqual([["flat-rate.base-contains-flat-rate", "ind"]])
    expect(error.violations[0].message).toBe(
      "the base of flat-rate line ind (staff, other costs) includes the flat-rate line remaining: a flat rate applies to direct costs only, never to another flat rate (its amount € 15.000,00 leaves it out)"
    )
    // evaluate still gives the amounts of the definition: 15 % of the staff line only.
    const evaluation = ok(Budget.evaluate(budget))
    expect(evaluation.lines.map((l) => l.amount)).toEqual([10_000_000, 4_000_000, 1_500_000])
  })

  it("two flat rates on each other are an error, not a loop", () => {
    const budget: Budget.Budget = {
      lines: [
        staff,
        line("x", "other", flat(1_000, ["staff", "indirect"])),
        line("y", "indirect", flat(1_000, ["staff", "other"]))
      ],
      funding: []
    }
    expect(rules(Budget.resolve(budget))).toEqual([
      ["flat-rate.base-contains-flat-rate", "x"],
      ["flat-rate.base-contains-flat-rate", "y"]
    ])
  })

  it("a flat rate whose base includes its own category is an error", () => {
    const budget: Budget.Budget = {
      lines: [staff, line("ind", "indirect", flat(1_500, ["staff", "indirect"]))],
      funding: []
    }
    expect(rules(Budget.resolve(budget))).toEqual([["flat-rate.base-contains-itself", "ind"]])
  })

  it("ceilings: the 1303/2013 rates read on a date, and the 40 % rate before the Omnibus", () => {
    const after = CostOption.flatRateCeilings("1303/2013", d("2019-06-01"))
    expect(after.indirectCosts?.value).toBe(1_500)
    expect(after.remainingCosts?.value).toBe(4_000)
    expect(after.remainingCosts?.source.confidence).toBe("unverified")
    const before = CostOption.flatRateCeilings("1303/2013", d("2018-01-01"))
    const budget: Budget.Budget = {
      lines: [staff, line("rem", "other", flat(4_000, ["staff"], { purpose: "remaining-costs" }))],
      funding: []
    }
    expect(BudgetRules.flatRatesWithinCeilings(budget, after)).toEqual([])
    expect(BudgetRules.flatRatesWithinCeilings(budget, before).map((v) => v.rule)).toEqual([
      "flat-rate.option-not-in-force"
    ])
  })

  it("the remaining-costs flat rate leaves room for staff and participants' allowances only", () => {
    const budget: Budget.Budget = {
      lines: [
        staff,
        line("rem", "other", flat(4_000, ["staff"], { purpose: "remaining-costs" })),
        line("allow", "participant-allowances", real(100_000)),
        line("travel", "travel", real(100_000)),
        line("travel-elsewhere", "travel", real(100_000), { partner: "coop-b" })
      ],
      funding: []
    }
    const [violation, ...others] = BudgetRules.flatRatesWithinCeilings(
      budget,
      CostOption.flatRateCeilings("2021/1060", d("2024-01-01"))
    )
    expect(others).toEqual([])
    expect(violation?.rule).toBe("flat-rate.remaining-costs-overlap")
    expect(violation?.message).toBe(
      "line rem is the flat rate for all remaining costs, yet line travel budgets other costs in its scope: they would be paid twice"
    )
  })
})

describe("expenditures and claims (synthetic example)", () => {
  const budget: Budget.Budget = {
    lines: [line("staff", "staff", real(10_000_000)), line("travel", "travel", real(500_000))],
    funding: [funding("fse-grant", 10_500_000)]
  }

  it("every expenditure dated outside the eligibility period is reported, both ends included", () => {
    const expenditures = [
      expenditure("e-before", "staff", "2018-12-31", 100),
      expenditure("e-first", "staff", "2019-01-01", 100),
      expenditure("e-last", "staff", "2020-05-16", 100),
      expenditure("e-after", "travel", "2020-05-17", 12_345)
    ]
    const violations = BudgetRules.expendituresEligible(budget, expenditures, eligibility)
    expect(violations.map((v) => [v.rule, v.subject])).toEqual([
      ["expenditure.outside-eligibility-period", "e-before"],
      ["expenditure.outside-eligibility-period", "e-after"]
    ])
    expect(violations[1]?.message).toBe(
      "expenditure e-after of 2020-05-17 (€ 123,45) is dated outside the eligibility period, 2019-01-01 to 2020-05-16"
    )
    expect(violations[1]?.messageIt).toBe(
      "la spesa e-after del 17/05/2020 (€ 123,45) è fuori dal periodo di ammissibilità, dal 01/01/2019 al 16/05/2020"
    )
    expect(violations[1]?.source).toEqual(Sources.avviso2017)
  })

  it("an expenditure on a line the budget does not have is reported", () => {
    const violations = BudgetRules.expendituresEligible(
      budget,
      [expenditure("e1", "ghost", "2019-02-01", 100)],
      eligibility
    )
    expect(violations.map((v) => [v.rule, v.subject])).toEqual([["expenditure.unknown-line", "e1"]])
  })

  it("claimed above a line: € 60.000,00 + € 45.000,00 claimed on a € 100.000,00 line", () => {
    const expenditures = [
      expenditure("e1", "staff", "2019-03-01", 6_000_000),
      expenditure("e2", "staff", "2019-04-01", 4_500_000),
      expenditure("e3", "staff", "2019-05-01", 9_999_999) // spent, never claimed: does not count
    ]
    const claims: ReadonlyArray<Budget.Claim> = [
      {
        number: 1,
        period: { start: d("2019-01-01"), end: d("2019-06-30") },
        submittedOn: d("2019-07-15"),
        expenditures: [expId("e1"), expId("e2")],
        status: { _tag: "Submitted" }
      }
    ]
    const violations = BudgetRules.claimsWithinLines(ok(Budget.resolve(budget)), expenditures, claims)
    expect(violations.map((v) => [v.rule, v.subject])).toEqual([["claim.above-line", "staff"]])
    expect(violations[0]?.message).toBe(
      "the expenditures claimed on line staff sum to € 105.000,00, above the line's € 100.000,00 by € 5.000,00"
    )
    expect(violations[0]?.messageIt).toBe(
      "le spese rendicontate sulla voce staff ammontano a € 105.000,00, oltre i € 100.000,00 della voce di € 5.000,00"
    )
    // Exactly the line's amount is within it.
    const within = [
      expenditure("e1", "staff", "2019-03-01", 6_000_000),
      expenditure("e2", "staff", "2019-04-01", 4_000_000)
    ]
    expect(BudgetRules.claimsWithinLines(ok(Budget.resolve(budget)), within, claims)).toEqual([])
  })

  it("variance: planned, spent, remaining and absorption (rounded down) per line", () => {
    // staff: 100.000,00 planned, 33.333,33 spent → remaining 66.666,67, 3_333,333 bp → 3_333.
    // travel: 5.000,00 planned, 5.500,00 spent → remaining -500,00, 11_000 bp.
    const rows = ok(
      Budget.variance(budget, [
        expenditure("e1", "staff", "2019-03-01", 3_333_333),
        expenditure("e2", "travel", "2019-03-01", 550_000),
        expenditure("e3", "ghost", "2019-03-01", 1) // not a line of the budget: left out
      ])
    )
    expect(rows).toEqual([
      { line: "staff", planned: 10_000_000, spent: 3_333_333, remaining: 6_666_667, absorption: Option.some(3_333) },
      { line: "travel", planned: 500_000, spent: 550_000, remaining: -50_000, absorption: Option.some(11_000) }
    ])
  })
})

describe("reallocation (synthetic example)", () => {
  const original: Budget.Budget = {
    lines: [line("ext", "external-services", real(5_000_000)), line("equip", "equipment", real(5_000_000))],
    funding: []
  }
  const moved = (cents: number): Budget.Budget => ({
    lines: [
      line("ext", "external-services", real(5_000_000 - cents)),
      line("equip", "equipment", real(5_000_000 + cents))
    ],
    funding: []
  })
  const tolerance = Option.getOrThrow(Parameter.readAt(BudgetRules.defaultReallocationTolerance, d("2019-06-01")))

  it("the placeholder tolerance is 10 %, unverified", () => {
    expect(tolerance.value).toBe(1_000)
    expect(tolerance.source.confidence).toBe("unverified")
  })

  it("moving exactly 10 % (€ 5.000,00 of € 50.000,00) is within the tolerance", () => {
    expect(BudgetRules.checkReallocation(original, moved(500_000), false, tolerance)).toEqual(Result.void)
  })

  it("moving € 5.000,01 is beyond it on both lines and needs approval", () => {
    // 500_001 × 10_000 = 5_000_010_000 > 1_000 × 5_000_000 = 5_000_000_000. Shown as 10,01 %
    // (1_000,002 bp rounded up, so a change beyond the tolerance never reads as 10 %).
    const r = BudgetRules.checkReallocation(original, moved(500_001), false, tolerance)
    expect(rules(r)).toEqual([
      ["budget.reallocation.beyond-tolerance", "ext"],
      ["budget.reallocation.beyond-tolerance", "equip"]
    ])
    expect(failure(r).violations[0].message).toBe(
      "line ext changes from € 50.000,00 to € 44.999,99 (-€ 5.000,01, 10,01 % of the original), beyond the tolerance of 10 %: the reallocation needs approval"
    )
    expect(BudgetRules.checkReallocation(original, moved(500_001), true, tolerance)).toEqual(Result.void)
  })

  it("by category, a new line and a changed total need approval too", () => {
    const revised: Budget.Budget = {
      lines: [...original.lines, line("new", "travel", real(100))],
      funding: []
    }
    const r = BudgetRules.checkReallocation(original, revised, false, tolerance, "category")
    expect(rules(r)).toEqual([
      ["budget.reallocation.beyond-tolerance", "travel"],
      ["budget.reallocation.total-changed", ""]
    ])
    expect(failure(r).violations.map((v) => v.messageIt)).toEqual([
      'la categoria di costo "viaggi e trasferte" passa da € 0,00 a € 1,00 (+€ 1,00, assente nel budget originario), oltre la tolleranza del 10 %: la variazione richiede autorizzazione',
      "il costo totale passa da € 100.000,00 a € 100.001,00: non è una variazione compensativa tra voci e richiede autorizzazione"
    ])
  })
})

describe("decoding", () => {
  const decode = InvalidInput.decoder(Budget.Budget, "Budget")
  const encoded = {
    lines: [
      {
        id: "l1",
        subProject: "lab",
        partner: "coop-a",
        category: "staff",
        cost: { _tag: "RealCost", amount: 100 },
        description: "x"
      },
      {
        id: "l1",
        subProject: "lab",
        partner: "coop-a",
        category: "travel",
        cost: { _tag: "UnitCost", unit: "ora", unitPrice: -5, quantity: 1.5 },
        description: "y"
      }
    ],
    funding: [{ source: "comune", amount: 100 }]
  }

  it("reports every problem with its path, never throws", () => {
    const r = decode(encoded)
    const problems = failure(r).problems
    expect(problems.map((p) => p.path)).toEqual(["lines[1].cost.unitPrice", "lines[1].cost.quantity"])
    expect(problems[1]?.message).toBe(
      "the quantity must be a whole number of units, zero or more, got 1.5; count a fraction in a smaller unit"
    )
  })

  it("refuses a repeated line id", () => {
    const lines = [encoded.lines[0], { ...encoded.lines[0], category: "travel" }]
    const problems = failure(decode({ ...encoded, lines })).problems
    expect(problems).toEqual([
      { path: "lines[1].id", message: 'the line id "l1" is already used by line 1; each line needs its own id' }
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// every rule at once (SYNTHETIC)
// ---------------------------------------------------------------------------------------------

describe("every rule violated at once (synthetic example)", () => {
  it("lists every violation", () => {
    // Lines (coop-a, lab unless said): S1 staff 100.000,00; I1 indirect 20 % of staff + travel
    // (above the 15 % ceiling, base not staff only) = 20 % × 99.999,00 = 19.999,80; O1 remaining
    // costs 40 % of staff = 40.000,00; X1 10 % of staff + other (includes the flat rate O1) =
    // 10.000,00; Y1 5 % of staff + indirect (includes itself, I1 and X1) = 5.000,00; T1 travel
    // -1,00 (negative: a value built in code, the Schema refuses it).
    // Total 100.000,00 + 19.999,80 + 40.000,00 + 10.000,00 + 5.000,00 - 1,00 = 174.998,80.
    const budget: Budget.Budget = {
      lines: [
        line("S1", "staff", real(10_000_000)),
        line("I1", "indirect", flat(2_000, ["staff", "travel"], { purpose: "indirect-costs" })),
        line("O1", "other", flat(4_000, ["staff"], { purpose: "remaining-costs" })),
        line("X1", "indirect", flat(1_000, ["staff", "other"])),
        line("Y1", "indirect", flat(500, ["staff", "indirect"])),
        line("T1", "travel", CostOption.realCost(-100 as Money.NonNegativeCents))
      ],
      // Grant 300.000,00 + 130.000,00 to lab = 430.000,00: above the cap of 252.000,00 by 178.000,00,
      // lab above 120.000,00, 300.000,00 unattributed; 430.000,00 against a cost of 174.998,80.
      funding: [funding("fse-grant", 30_000_000), funding("fse-grant", 13_000_000, { subProject: "lab" })]
    }
    const expenditures = [
      expenditure("E1", "S1", "2019-03-01", 6_000_000),
      expenditure("E2", "S1", "2019-04-01", 4_500_000),
      expenditure("E3", "ghost", "2019-05-01", 1_000),
      expenditure("E4", "S1", "2020-06-01", 1_000)
    ]
    const claims: ReadonlyArray<Budget.Claim> = [
      {
        number: 1,
        period: { start: d("2019-01-01"), end: d("2019-06-30") },
        submittedOn: d("2019-07-15"),
        expenditures: [expId("E1"), expId("E2")],
        status: { _tag: "Verified", verifiedOn: d("2019-10-01"), verifiedAmount: nn(20_000_000) }
      },
      {
        number: 2,
        period: { start: d("2019-07-01"), end: d("2019-12-31") },
        submittedOn: d("2020-01-15"),
        expenditures: [expId("E2"), expId("E9")],
        status: { _tag: "Submitted" }
      }
    ]
    const r = BudgetRules.check({
      budget,
      expenditures,
      claims,
      eligibility,
      caps,
      flatRateCeilings: CostOption.flatRateCeilings("1303/2013", d("2019-06-01"))
    })
    expect(rules(r)).toEqual([
      ["budget.amount.negative", "T1"],
      ["flat-rate.base-contains-flat-rate", "X1"],
      ["flat-rate.base-contains-itself", "Y1"],
      ["flat-rate.base-contains-flat-rate", "Y1"],
      ["budget.funding.sum", ""],
      ["budget.grant.project-cap", ""],
      ["budget.grant.sub-project-cap", "lab"],
      ["budget.grant.sub-project-unattributed", ""],
      ["flat-rate.above-ceiling", "I1"],
      ["flat-rate.base-not-staff", "I1"],
      ["flat-rate.remaining-costs-overlap", "O1"],
      ["expenditure.unknown-line", "E3"],
      ["expenditure.outside-eligibility-period", "E4"],
      ["claim.verified-above-claimed", "claim 1"],
      ["claim.unknown-expenditure", "E9"],
      ["claim.expenditure-claimed-twice", "E2"],
      ["claim.above-line", "S1"]
    ])
    const messages = failure(r).violations.map((v) => v.message)
    expect(messages[4]).toBe(
      "the funding sources sum to € 430.000,00 but the total cost is € 174.998,80: a difference of € 255.001,20 (funding above the cost)"
    )
    expect(messages[5]).toBe(
      "the grant of € 430.000,00 is above the call's cap per project of € 252.000,00 by € 178.000,00"
    )
    expect(messages[8]).toBe("line I1 is the flat rate for indirect costs at 20 %, above its ceiling of 15 %")
    expect(messages[10]).toBe(
      "line O1 is the flat rate for all remaining costs, yet lines I1, X1, Y1 and T1 budget other costs in its scope: they would be paid twice"
    )
    expect(messages[13]).toBe("claim 1 is verified at € 200.000,00, above the € 105.000,00 it claims")
    expect(messages[15]).toBe("expenditure E2 is claimed 2 times, in claims 1 and 2")
    expect(failure(r).violations[15]?.source.article).toBe("art. 65, par. 11")
  })
})
