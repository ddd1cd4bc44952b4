/**
 * Budget execution: planned against claimed against verified, by sub-project, partner, cost
 * category and funding source, with the cofinancing share and the absorption rate — the
 * financial side of a project's report, built on `Budget.resolve` and `Budget.variance`.
 *
 * - **planned**: the resolved amount of each line (`Budget.resolve`); the project total is the
 *   total cost, which for a budget without lines is its declared total (IntERPreti: € 229.989,54).
 * - **claimed**: the expenditures listed in a claim (rendicontazione), each counted once even
 *   when (wrongly) claimed twice — `BudgetRules` reports the double claim; the per-line sums are
 *   `Budget.variance` over the claimed expenditures.
 * - **verified**: the amount the controller found eligible, which is known **per claim**, not
 *   per expenditure. To break it down, a verified claim's amount is spread over its
 *   expenditures in proportion to their amounts (`Money.allocate`, largest remainder: never a
 *   cent lost) — our reading; the shares of a line are then summed. A claim still `Submitted`
 *   has verified nothing.
 * - Amounts on expenditures that are not on a line of the budget (or not among the
 *   expenditures) are reported in a row of their own, `_U` (unknown line), so every total is
 *   the sum of its rows.
 * - **claimed rate** and **absorption rate**: claimed / planned and verified / planned, in basis
 *   points, rounded down (100 % means fully claimed or absorbed); none when nothing is planned.
 * - **cofinancing share**: cofinancing / total cost in basis points, rounded half-even
 *   (`Budget.cofinancingShare`): IntERPreti, € 20.000 of € 229.989,54, is 870 (8,70 %).
 * - By **funding source** only the plan is known: expenditures are not attributed to sources,
 *   so claimed and verified by source are `null`, never a guess.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as BasisPoints from "../BasisPoints.js"
import * as Budget from "../Budget.js"
import * as CostCategory from "../CostCategory.js"
import * as FundingSource from "../FundingSource.js"
import type { BudgetLineId, ExpenditureId, ProjectId } from "../Ids.js"
import * as Money from "../Money.js"
import * as Table from "./Table.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * Planned, claimed and verified amounts, with the claimed rate and the absorption rate
 * (`undefined` when nothing is planned).
 *
 * @since 0.1.0
 * @category models
 */
export interface Amounts {
  readonly planned: Money.Cents
  readonly claimed: Money.Cents
  readonly verified: Money.Cents
  readonly claimedRate: BasisPoints.BasisPoints | undefined
  readonly absorption: BasisPoints.BasisPoints | undefined
}

/**
 * One funding entry kind: its role (grant or cofinancing), its amount and its share of the total
 * cost (half-even; `undefined` when the total cost is zero).
 *
 * @since 0.1.0
 * @category models
 */
export interface SourceAmount {
  readonly source: FundingSource.FundingSourceKind
  readonly role: "grant" | "cofinancing"
  readonly amount: Money.Cents
  readonly share: BasisPoints.BasisPoints | undefined
}

/**
 * The execution of one budget: amounts per line and in total, what could not be placed on a
 * line, the funding by source, the grant, the cofinancing and its share.
 *
 * @since 0.1.0
 * @category models
 */
export interface Execution {
  readonly lines: ReadonlyArray<{ readonly line: Budget.BudgetLine; readonly amounts: Amounts }>
  readonly unassigned: { readonly claimed: Money.Cents; readonly verified: Money.Cents }
  readonly total: Amounts
  readonly funding: ReadonlyArray<SourceAmount>
  readonly totalFunding: Money.Cents
  readonly grant: Money.Cents
  readonly cofinancing: Money.Cents
  readonly cofinancingShare: BasisPoints.BasisPoints | undefined
}

/**
 * What the execution cannot be computed for: an ill-formed budget (every violation) or an amount
 * beyond the range of cents.
 *
 * @since 0.1.0
 * @category errors
 */
export type ExecutionError = Budget.BudgetRuleViolated | Money.ArithmeticError

// ---------------------------------------------------------------------------------------------
// rules
// ---------------------------------------------------------------------------------------------

const rate = (part: Money.Cents, whole: Money.Cents): BasisPoints.BasisPoints | undefined =>
  whole > 0 ? Result.getOrUndefined(BasisPoints.ratio(part, whole, "floor")) : undefined

const amounts = (planned: Money.Cents, claimed: Money.Cents, verified: Money.Cents): Amounts => ({
  planned,
  claimed,
  verified,
  claimedRate: rate(claimed, planned),
  absorption: rate(verified, planned)
})

const sum = (xs: Iterable<Money.Cents>): Result.Result<Money.Cents, Money.ArithmeticError> => Money.sum(xs)

/**
 * The verified amount of each expenditure: each verified claim's amount spread over the
 * expenditures it is the first claim of, in proportion to their amounts. What cannot be spread
 * (a claim whose expenditures are all unknown or all zero) is returned apart.
 */
const verifiedShares = (
  expenditures: ReadonlyMap<ExpenditureId, Budget.Expenditure>,
  claims: ReadonlyArray<Budget.Claim>,
  firstClaim: ReadonlyMap<ExpenditureId, number>
): Result.Result<
  { readonly byExpenditure: ReadonlyMap<ExpenditureId, Money.Cents>; readonly unspread: Array<Money.Cents> },
  Money.ArithmeticError
> => {
  const byExpenditure = new Map<ExpenditureId, Money.Cents>()
  const unspread: Array<Money.Cents> = []
  for (const claim of claims) {
    if (claim.status._tag !== "Verified") continue
    const own = [...new Set(claim.expenditures)].flatMap((id) => {
      const e = expenditures.get(id)
      return e !== undefined && firstClaim.get(id) === claim.number ? [e] : []
    })
    const shares = Money.allocate(
      claim.status.verifiedAmount,
      own.map((e) => e.amount)
    )
    if (Result.isFailure(shares)) {
      if (shares.failure.reason !== "DivisionByZero") return Result.fail(shares.failure)
      unspread.push(claim.status.verifiedAmount)
      continue
    }
    shares.success.forEach((share, i) => {
      const e = own[i] as Budget.Expenditure
      byExpenditure.set(e.id, ((byExpenditure.get(e.id) ?? 0) + share) as Money.Cents)
    })
  }
  return Result.succeed({ byExpenditure, unspread })
}

/**
 * The execution of a budget given its expenditures and claims. Fails when the budget is
 * ill-formed (`Budget.resolve`) or a sum is beyond the range of cents.
 *
 * @since 0.1.0
 * @category rules
 */
export const execution = (
  budget: Budget.Budget,
  expenditures: ReadonlyArray<Budget.Expenditure>,
  claims: ReadonlyArray<Budget.Claim>
): Result.Result<Execution, ExecutionError> =>
  Result.gen(function* () {
    const resolved = yield* Budget.resolve(budget)
    const byId = new Map<ExpenditureId, Budget.Expenditure>()
    for (const e of expenditures) if (!byId.has(e.id)) byId.set(e.id, e)
    // each expenditure belongs to the first claim (by number) that lists it
    const firstClaim = new Map<ExpenditureId, number>()
    for (const claim of [...claims].sort((a, b) => a.number - b.number))
      for (const id of claim.expenditures) if (!firstClaim.has(id)) firstClaim.set(id, claim.number)
    const claimed = [...firstClaim.keys()].flatMap((id) => {
      const e = byId.get(id)
      return e === undefined ? [] : [e]
    })
    const variance = yield* Budget.variance(budget, claimed)
    const { byExpenditure, unspread } = yield* verifiedShares(byId, claims, firstClaim)
    const lineIds = new Set<BudgetLineId>(resolved.lines.map(({ line }) => line.id))
    const verifiedByLine = new Map<BudgetLineId, Array<Money.Cents>>()
    const unassignedVerified: Array<Money.Cents> = [...unspread]
    for (const [id, share] of byExpenditure) {
      const e = byId.get(id) as Budget.Expenditure
      if (lineIds.has(e.line)) verifiedByLine.set(e.line, [...(verifiedByLine.get(e.line) ?? []), share])
      else unassignedVerified.push(share)
    }
    const lines: Array<{ readonly line: Budget.BudgetLine; readonly amounts: Amounts }> = []
    for (const [i, { line }] of resolved.lines.entries()) {
      const v = variance[i] as Budget.LineVariance
      lines.push({ line, amounts: amounts(v.planned, v.spent, yield* sum(verifiedByLine.get(line.id) ?? [])) })
    }
    const unassigned = {
      claimed: yield* sum(claimed.filter((e) => !lineIds.has(e.line)).map((e) => e.amount)),
      verified: yield* sum(unassignedVerified)
    }
    const total = amounts(
      resolved.total,
      yield* sum([...lines.map((l) => l.amounts.claimed), unassigned.claimed]),
      yield* sum([...lines.map((l) => l.amounts.verified), unassigned.verified])
    )
    const bySource = Budget.totalsBySource(resolved)
    const funding = [...bySource].map(([source, amount]) => ({
      source,
      role: FundingSource.role(source),
      amount,
      share: resolved.total > 0 ? Result.getOrUndefined(BasisPoints.ratio(amount, resolved.total)) : undefined
    }))
    return {
      lines,
      unassigned,
      total,
      funding,
      totalFunding: Budget.totalFunding(resolved),
      grant: Budget.grant(resolved),
      cofinancing: Budget.cofinancing(resolved),
      cofinancingShare:
        resolved.total > 0 ? Result.getOrUndefined(Budget.cofinancingShare(resolved, "half-even")) : undefined
    }
  })

// ---------------------------------------------------------------------------------------------
// grouping
// ---------------------------------------------------------------------------------------------

/**
 * What line amounts are grouped by.
 *
 * @since 0.1.0
 * @category models
 */
export type Grouping = "sub-project" | "partner" | "category"

const keyOf = (line: Budget.BudgetLine, by: Grouping): string =>
  by === "sub-project" ? line.subProject : by === "partner" ? line.partner : line.category

/**
 * The code of the row of amounts not on a known line: `_U`, the SDMX code for "unknown" (from
 * memory, like `_T`: a convention).
 *
 * @since 0.1.0
 * @category models
 */
export const unknownLine = "_U"

/**
 * Amounts grouped by sub-project, partner or category, in the order groups first appear in
 * the budget (categories in the order of `CostCategory`), then the `_U` group when something
 * could not be placed on a line. The groups always add up to `execution.total`.
 *
 * @since 0.1.0
 * @category rules
 */
export const grouped = (
  e: Execution,
  by: Grouping
): Result.Result<ReadonlyArray<{ readonly key: string; readonly amounts: Amounts }>, Money.ArithmeticError> =>
  Result.gen(function* () {
    const keys = [...new Set(e.lines.map(({ line }) => keyOf(line, by)))]
    if (by === "category")
      keys.sort((a, b) => CostCategory.all.indexOf(a as never) - CostCategory.all.indexOf(b as never))
    const out: Array<{ readonly key: string; readonly amounts: Amounts }> = []
    for (const key of keys) {
      const ls = e.lines.filter(({ line }) => keyOf(line, by) === key).map((l) => l.amounts)
      out.push({
        key,
        amounts: amounts(
          yield* sum(ls.map((a) => a.planned)),
          yield* sum(ls.map((a) => a.claimed)),
          yield* sum(ls.map((a) => a.verified))
        )
      })
    }
    if (e.unassigned.claimed > 0 || e.unassigned.verified > 0)
      out.push({ key: unknownLine, amounts: amounts(Money.zero, e.unassigned.claimed, e.unassigned.verified) })
    return out
  })

// ---------------------------------------------------------------------------------------------
// tables
// ---------------------------------------------------------------------------------------------

const groupingLabel: { readonly [G in Grouping]: Table.Text } = {
  "sub-project": { it: "Sottoprogetto", en: "Sub-project" },
  partner: { it: "Partner", en: "Partner" },
  category: { it: "Categoria di spesa", en: "Cost category" }
}

const amountColumns: ReadonlyArray<Table.Column> = [
  Table.measure("planned", { it: "Previsto", en: "Planned" }, "cents"),
  Table.measure("claimed", { it: "Rendicontato", en: "Claimed" }, "cents"),
  Table.measure("verified", { it: "Verificato", en: "Verified" }, "cents"),
  Table.measure("claimedRate", { it: "Quota rendicontata", en: "Claimed rate" }, "basis-points"),
  Table.measure("absorption", { it: "Tasso di assorbimento", en: "Absorption rate" }, "basis-points")
]

const amountCells = (a: Amounts): Readonly<Record<string, Table.CellValue>> => ({
  planned: a.planned,
  claimed: a.claimed,
  verified: a.verified,
  claimedRate: a.claimedRate ?? null,
  absorption: a.absorption ?? null
})

const labelOf = (by: Grouping, key: string): string =>
  key === unknownLine
    ? "voce non presente nel budget"
    : by === "category" && (CostCategory.all as ReadonlyArray<string>).includes(key)
      ? CostCategory.labels[key as CostCategory.CostCategory].it
      : key

const notes: ReadonlyArray<Table.Text> = [
  {
    it: "Verificato: l'importo riconosciuto per ciascuna rendicontazione è ripartito sulle sue spese in proporzione agli importi.",
    en: "Verified: each claim's verified amount is spread over its expenditures in proportion to their amounts."
  },
  {
    it: "Tassi in punti base (10 000 = 100 %), arrotondati per difetto; vuoti quando non c'è nulla di previsto.",
    en: "Rates in basis points (10 000 = 100 %), rounded down; empty when nothing is planned."
  }
]

/**
 * The execution by sub-project, partner or category: one row per group (with an Italian label),
 * `_U` for amounts not on a known line, and the `_T` total. A budget without lines has only the
 * total row, with its declared total cost as planned.
 *
 * @since 0.1.0
 * @category formatting
 */
export const table = (
  e: Execution,
  by: Grouping,
  project?: ProjectId
): Result.Result<Table.Table, Money.ArithmeticError> =>
  Result.map(grouped(e, by), (groups) =>
    Table.makeUnsafe({
      id: `budget-execution.${by}${project === undefined ? "" : `.${project}`}`,
      title: {
        it: `Esecuzione del budget per ${groupingLabel[by].it.toLowerCase()}${project === undefined ? "" : ` — ${project}`}`,
        en: `Budget execution by ${groupingLabel[by].en.toLowerCase()}${project === undefined ? "" : ` — ${project}`}`
      },
      columns: [
        Table.dimension(by, groupingLabel[by], "code"),
        Table.dimension("label", { it: "Descrizione", en: "Description" }, "text"),
        ...amountColumns
      ],
      rows: [
        ...groups.map((g) => ({ [by]: g.key, label: labelOf(by, g.key), ...amountCells(g.amounts) })),
        { [by]: Table.total, label: "totale", ...amountCells(e.total) }
      ],
      notes:
        e.lines.length === 0
          ? [
              ...notes,
              {
                it: "Il budget non ha voci: è noto solo il costo totale.",
                en: "The budget has no lines: only the total cost is known."
              }
            ]
          : notes
    })
  )

/**
 * The funding plan by source: role, amount and share of the total cost (half-even), with the
 * `_T` row of the total funding. Claimed and verified amounts are not attributed to sources:
 * `null`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const fundingTable = (e: Execution, project?: ProjectId): Table.Table =>
  Table.makeUnsafe({
    id: `budget-funding${project === undefined ? "" : `.${project}`}`,
    title: { it: "Fonti di finanziamento", en: "Funding sources" },
    columns: [
      Table.dimension("source", { it: "Fonte", en: "Source" }, "code"),
      Table.dimension("role", { it: "Natura", en: "Role" }, "code"),
      Table.measure("planned", { it: "Importo", en: "Amount" }, "cents"),
      Table.measure("share", { it: "Quota del costo totale", en: "Share of total cost" }, "basis-points"),
      Table.measure("claimed", { it: "Rendicontato", en: "Claimed" }, "cents"),
      Table.measure("verified", { it: "Verificato", en: "Verified" }, "cents")
    ],
    rows: [
      ...e.funding.map((f) => ({
        source: f.source,
        role: f.role,
        planned: f.amount,
        share: f.share ?? null,
        claimed: null,
        verified: null
      })),
      {
        source: Table.total,
        role: Table.total,
        planned: e.totalFunding,
        share: e.total.planned > 0 ? Result.getOrNull(BasisPoints.ratio(e.totalFunding, e.total.planned)) : null,
        claimed: e.total.claimed,
        verified: e.total.verified
      }
    ],
    notes: [
      {
        it: "Le spese non sono attribuite alle fonti: rendicontato e verificato sono noti solo in totale.",
        en: "Expenditures are not attributed to sources: claimed and verified amounts are known only in total."
      }
    ]
  })

/**
 * One row per project — total cost, grant, cofinancing, cofinancing share (half-even),
 * claimed, verified, claimed rate and absorption rate — and the `_T` row of their sums (rates
 * recomputed on the sums).
 *
 * @since 0.1.0
 * @category formatting
 */
export const projectsTable = (
  executions: ReadonlyArray<{ readonly project: ProjectId; readonly execution: Execution }>
): Result.Result<Table.Table, Money.ArithmeticError> =>
  Result.gen(function* () {
    const row = (project: string, cost: Money.Cents, grant: Money.Cents, cofinancing: Money.Cents, a: Amounts) => ({
      project,
      totalCost: cost,
      grant,
      cofinancing,
      cofinancingShare: cost > 0 ? Result.getOrNull(BasisPoints.ratio(cofinancing, cost)) : null,
      claimed: a.claimed,
      verified: a.verified,
      claimedRate: a.claimedRate ?? null,
      absorption: a.absorption ?? null
    })
    const xs = executions.map((x) => x.execution)
    const cost = yield* sum(xs.map((e) => e.total.planned))
    const total = row(
      Table.total,
      cost,
      yield* sum(xs.map((e) => e.grant)),
      yield* sum(xs.map((e) => e.cofinancing)),
      amounts(cost, yield* sum(xs.map((e) => e.total.claimed)), yield* sum(xs.map((e) => e.total.verified)))
    )
    return Table.makeUnsafe({
      id: "budget-execution.projects",
      title: { it: "Esecuzione finanziaria per progetto", en: "Financial execution by project" },
      columns: [
        Table.dimension("project", { it: "Progetto", en: "Project" }, "code"),
        Table.measure("totalCost", { it: "Costo totale", en: "Total cost" }, "cents"),
        Table.measure("grant", { it: "Contributo", en: "Grant" }, "cents"),
        Table.measure("cofinancing", { it: "Cofinanziamento", en: "Cofinancing" }, "cents"),
        Table.measure("cofinancingShare", { it: "Quota di cofinanziamento", en: "Cofinancing share" }, "basis-points"),
        ...amountColumns.slice(1)
      ],
      rows: [
        ...executions.map(({ project, execution: e }) =>
          row(project, e.total.planned, e.grant, e.cofinancing, e.total)
        ),
        total
      ],
      notes
    })
  })
