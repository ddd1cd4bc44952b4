import { describe, expect, it } from "@effect/vitest"
import { SeedProjects } from "@quartieri/testing"
import { Result, Schema } from "effect"
import { BasisPoints, Budget, Calendar, type CostCategory, CostOption, Ids, Money, Reporting } from "../../src/index.js"

const { BudgetExecution, Disclosure, Table } = Reporting
const d = Calendar.unsafeMake
const nn = Money.NonNegativeCents.make

const run = <A, E>(r: Result.Result<A, E>): A => {
  if (Result.isFailure(r)) throw new Error(String(r.failure))
  return r.success
}

// ---------------------------------------------------------------------------------------------
// IntERPreti di cambiamento (seed 000): total € 229.989,54, grant € 209.989,54, Comune di Crema
// € 20.000,00; no line breakdown is published.
// ---------------------------------------------------------------------------------------------

describe("BudgetExecution of IntERPreti di cambiamento", () => {
  const encoded = SeedProjects.interpreti.budget
  if (encoded === undefined) throw new Error("the IntERPreti seed has a budget")
  const budget = Schema.decodeUnknownSync(Budget.Budget)(encoded)
  const e = run(BudgetExecution.execution(budget, [], []))

  it("has the published total, grant, cofinancing and cofinancing share", () => {
    expect(e.total.planned).toBe(22_998_954)
    expect(e.grant).toBe(20_998_954)
    expect(e.cofinancing).toBe(2_000_000)
    // 2.000.000 / 22.998.954 = 0,0869605… → 869,6 bp → 870 (half-even)
    expect(e.cofinancingShare).toBe(870)
    expect(e.total.claimed).toBe(0)
    expect(e.total.absorption).toBe(0)
  })

  it("funding by source: 9.130 + 870 = 10.000 bp; claimed and verified not attributable", () => {
    // 20.998.954 / 22.998.954 = 0,9130395… → 9.130 bp
    expect(BudgetExecution.fundingTable(e, Ids.ProjectId.make("interpreti-di-cambiamento")).rows).toEqual([
      { source: "fse-grant", role: "grant", planned: 20_998_954, share: 9_130, claimed: null, verified: null },
      { source: "comune", role: "cofinancing", planned: 2_000_000, share: 870, claimed: null, verified: null },
      { source: Table.total, role: Table.total, planned: 22_998_954, share: 10_000, claimed: 0, verified: 0 }
    ])
  })

  it("without lines, the tables by sub-project have only the total row", () => {
    const t = run(BudgetExecution.table(e, "sub-project"))
    expect(t.rows).toEqual([
      {
        "sub-project": Table.total,
        label: "totale",
        planned: 22_998_954,
        claimed: 0,
        verified: 0,
        claimedRate: 0,
        absorption: 0
      }
    ])
    expect(t.notes.at(-1)?.en).toBe("The budget has no lines: only the total cost is known.")
  })
})

// ---------------------------------------------------------------------------------------------
// a budget with lines, claims and a verification, worked out by hand
// ---------------------------------------------------------------------------------------------

const line = (
  id: string,
  subProject: string,
  partner: string,
  category: CostCategory.CostCategory,
  cost: CostOption.CostOption
): Budget.BudgetLine => ({
  id: Ids.BudgetLineId.make(id),
  subProject: Ids.SubProjectId.make(subProject),
  partner: Ids.OrganisationId.make(partner),
  category,
  cost,
  description: `voce ${id}`
})

// L1 lab/comune/staff 10.000,00; L2 lab/coop/external-services 5.000,00; L3 inc/coop/staff
// 8.000,00; L4 inc/coop/indirect 15 % of the staff of coop in inc = 15 % × 8.000,00 = 1.200,00.
// Total 24.200,00, funded by a grant of 22.000,00 and the Comune's 2.200,00.
const budget: Budget.Budget = {
  lines: [
    line("L1", "lab", "comune", "staff", CostOption.realCost(nn(1_000_000))),
    line("L2", "lab", "coop", "external-services", CostOption.realCost(nn(500_000))),
    line("L3", "inc", "coop", "staff", CostOption.realCost(nn(800_000))),
    line(
      "L4",
      "inc",
      "coop",
      "indirect",
      CostOption.flatRate({
        rate: BasisPoints.BasisPoints.make(1_500),
        base: ["staff"],
        scope: "partner-and-sub-project",
        rounding: "floor"
      })
    )
  ],
  funding: [
    { source: "fse-grant", amount: nn(2_200_000) },
    { source: "comune", organisation: Ids.OrganisationId.make("comune"), amount: nn(220_000) }
  ]
}

const expenditure = (id: string, lineId: string, amount: number): Budget.Expenditure => ({
  id: Ids.ExpenditureId.make(id),
  line: Ids.BudgetLineId.make(lineId),
  date: d("2019-06-01"),
  amount: nn(amount),
  description: `spesa ${id}`,
  documentRef: `fattura ${id}`
})

const expenditures = [
  expenditure("e1", "L1", 600_000),
  expenditure("e2", "L1", 100_000),
  expenditure("e3", "L2", 500_000),
  expenditure("e4", "L3", 300_000),
  expenditure("e5", "L9", 50_000), // L9 is not a line of the budget
  expenditure("e6", "L3", 200_000) // never claimed
]

const claims: ReadonlyArray<Budget.Claim> = [
  {
    number: 1,
    period: { start: d("2019-01-01"), end: d("2019-06-30") },
    submittedOn: d("2019-07-15"),
    expenditures: [Ids.ExpenditureId.make("e1"), Ids.ExpenditureId.make("e2")],
    status: { _tag: "Verified", verifiedOn: d("2019-10-01"), verifiedAmount: nn(650_000) }
  },
  {
    number: 2,
    period: { start: d("2019-07-01"), end: d("2019-12-31") },
    submittedOn: d("2020-01-15"),
    // e2 again: a double claim (BudgetRules reports it); here it counts once, in claim 1
    expenditures: ["e3", "e4", "e5", "e2"].map((x) => Ids.ExpenditureId.make(x)) as [
      Ids.ExpenditureId,
      ...Array<Ids.ExpenditureId>
    ],
    status: { _tag: "Verified", verifiedOn: d("2020-03-01"), verifiedAmount: nn(800_000) }
  }
]

// Verified, spread by hand (largest remainder):
//   claim 1: 650.000 over e1 600.000, e2 100.000 → 557.142,86 and 92.857,14 → 557.142 + 92.857
//            = 649.999, the cent left to e1 (remainder ,86): 557.143 and 92.857;
//   claim 2: 800.000 over e3 500.000, e4 300.000, e5 50.000 (e2 is claim 1's) → 470.588,24,
//            282.352,94, 47.058,82 → floors 799.998, two cents to e4 (,94) and e5 (,82):
//            470.588, 282.353, 47.059.
// Per line: L1 claimed 700.000 verified 650.000; L2 500.000 / 470.588; L3 300.000 / 282.353;
// L4 0 / 0; unknown line: 50.000 / 47.059. Total claimed 1.550.000, verified 1.450.000.
const e = run(BudgetExecution.execution(budget, expenditures, claims))

const row = (
  key: string,
  by: string,
  label: string,
  v: readonly [number, number, number, number | null, number | null]
) => ({
  [by]: key,
  label,
  planned: v[0],
  claimed: v[1],
  verified: v[2],
  claimedRate: v[3],
  absorption: v[4]
})

// total: 2.420.000 planned; 1.550.000 / 2.420.000 = 0,64049… → 6.404; 1.450.000 / 2.420.000 = 0,59917… → 5.991
const totalRow = (by: string) => row(Table.total, by, "totale", [2_420_000, 1_550_000, 1_450_000, 6_404, 5_991])
const unknownRow = (by: string) => row("_U", by, "voce non presente nel budget", [0, 50_000, 47_059, null, null])

describe("BudgetExecution, hand-worked", () => {
  it("per line", () => {
    expect(e.lines.map((l) => [l.line.id, l.amounts])).toEqual([
      // 700.000 / 1.000.000 → 7.000; 650.000 / 1.000.000 → 6.500
      ["L1", { planned: 1_000_000, claimed: 700_000, verified: 650_000, claimedRate: 7_000, absorption: 6_500 }],
      // 470.588 / 500.000 = 0,941176 → 9.411
      ["L2", { planned: 500_000, claimed: 500_000, verified: 470_588, claimedRate: 10_000, absorption: 9_411 }],
      // 300.000 / 800.000 → 3.750; 282.353 / 800.000 = 0,35294… → 3.529
      ["L3", { planned: 800_000, claimed: 300_000, verified: 282_353, claimedRate: 3_750, absorption: 3_529 }],
      ["L4", { planned: 120_000, claimed: 0, verified: 0, claimedRate: 0, absorption: 0 }]
    ])
    expect(e.unassigned).toEqual({ claimed: 50_000, verified: 47_059 })
    // 220.000 / 2.420.000 = 0,0909… → 909
    expect(e.cofinancingShare).toBe(909)
  })

  it("by sub-project", () => {
    expect(run(BudgetExecution.table(e, "sub-project")).rows).toEqual([
      // lab = L1 + L2: 1.500.000 / 1.200.000 / 1.120.588 → 8.000; 0,74705… → 7.470
      row("lab", "sub-project", "lab", [1_500_000, 1_200_000, 1_120_588, 8_000, 7_470]),
      // inc = L3 + L4: 920.000 / 300.000 / 282.353 → 0,32608… → 3.260; 0,30690… → 3.069
      row("inc", "sub-project", "inc", [920_000, 300_000, 282_353, 3_260, 3_069]),
      unknownRow("sub-project"),
      totalRow("sub-project")
    ])
  })

  it("by partner", () => {
    expect(run(BudgetExecution.table(e, "partner")).rows).toEqual([
      row("comune", "partner", "comune", [1_000_000, 700_000, 650_000, 7_000, 6_500]),
      // coop = L2 + L3 + L4: 1.420.000 / 800.000 / 752.941 → 0,56338… → 5.633; 0,53024… → 5.302
      row("coop", "partner", "coop", [1_420_000, 800_000, 752_941, 5_633, 5_302]),
      unknownRow("partner"),
      totalRow("partner")
    ])
  })

  it("by cost category, in the order of CostCategory", () => {
    expect(run(BudgetExecution.table(e, "category")).rows).toEqual([
      // staff = L1 + L3: 1.800.000 / 1.000.000 / 932.353 → 0,5555… → 5.555; 0,51797… → 5.179
      row("staff", "category", "personale", [1_800_000, 1_000_000, 932_353, 5_555, 5_179]),
      row("external-services", "category", "servizi esterni", [500_000, 500_000, 470_588, 10_000, 9_411]),
      row("indirect", "category", "costi indiretti", [120_000, 0, 0, 0, 0]),
      unknownRow("category"),
      totalRow("category")
    ])
  })

  it("by project, with the cofinancing share", () => {
    const interpreti = run(
      BudgetExecution.execution(Schema.decodeUnknownSync(Budget.Budget)(SeedProjects.interpreti.budget), [], [])
    )
    const t = run(
      BudgetExecution.projectsTable([
        { project: Ids.ProjectId.make("hand"), execution: e },
        { project: Ids.ProjectId.make("interpreti-di-cambiamento"), execution: interpreti }
      ])
    )
    expect(t.rows.map((r) => [r.project, r.totalCost, r.grant, r.cofinancing, r.cofinancingShare])).toEqual([
      ["hand", 2_420_000, 2_200_000, 220_000, 909],
      ["interpreti-di-cambiamento", 22_998_954, 20_998_954, 2_000_000, 870],
      // 2.220.000 / 25.418.954 = 0,087336… → 873
      [Table.total, 25_418_954, 23_198_954, 2_220_000, 873]
    ])
    // totals: 1.550.000 claimed of 25.418.954 → 0,06097… → 609
    expect(t.rows.at(-1)?.claimedRate).toBe(609)
  })

  it("amounts are not counts: publishing suppresses nothing", () => {
    const t = run(BudgetExecution.table(e, "partner"))
    const published = Disclosure.publish(t, Disclosure.published())
    expect(Result.isSuccess(published) && published.success.log.cells).toEqual([])
  })

  it("an ill-formed budget fails with every violation", () => {
    const bad: Budget.Budget = { ...budget, lines: [...budget.lines, budget.lines[0] as Budget.BudgetLine] }
    const r = BudgetExecution.execution(bad, [], [])
    expect(Result.isFailure(r) && r.failure._tag).toBe("BudgetRuleViolated")
  })
})
