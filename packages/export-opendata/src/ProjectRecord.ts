/**
 * What the open-data exports read about one project: the decoded `Project`, its `Call` (and so
 * its programme and actions), its budget when known, where it works, its dated financial
 * transactions and its indicators. Both the OpenCoesione tables and the IATI activity are built
 * from a `ProjectRecord`, so the two files of one project always say the same thing.
 *
 * Everything beyond the project and its call is optional, and **what is absent stays absent**:
 * no CUP gives an empty `CUP` column, no codice fiscale gives no `@ref`, no budget gives empty
 * financing columns. The helpers here turn what the core reports produce (the targets
 * comparison, a published ESF indicator table, claimed expenditures) into the record's
 * indicator and transaction lists.
 *
 * @since 0.1.0
 */
import {
  type Budget,
  type Calendar,
  type Call,
  type CodiceFiscale,
  type IstatComune,
  type Money,
  type Organisation,
  type Project,
  Reporting
} from "@quartieri/core"

/**
 * A place where the project works: the ISTAT code of the Comune and, when known, its name, the
 * province's name, an address and the CAP (postcode). One row of the OpenCoesione
 * `localizzazioni` table.
 *
 * @since 0.1.0
 * @category models
 */
export interface Location {
  readonly comune: IstatComune.IstatComune
  readonly comuneName?: string
  readonly provinceName?: string
  readonly address?: string
  readonly cap?: string
}

/**
 * The kind of a financial transaction, named after the IATI TransactionType codelist (facts.md
 * §5.2, confirmed): `incoming-commitment` (11: the grant decree, seen from the beneficiary),
 * `incoming-funds` (1: money received), `outgoing-commitment` (2), `disbursement` (3: money
 * passed on, e.g. from the capofila to a partner) and `expenditure` (4: money spent on the
 * project's costs).
 *
 * @since 0.1.0
 * @category models
 */
export type TransactionKind =
  | "incoming-commitment"
  | "incoming-funds"
  | "outgoing-commitment"
  | "disbursement"
  | "expenditure"

/**
 * A dated transaction: its kind, date, amount in cents and, when known, a description and the
 * organisations that pay and receive it (by name and codice fiscale).
 *
 * @since 0.1.0
 * @category models
 */
export interface Transaction {
  readonly kind: TransactionKind
  readonly date: Calendar.CalendarDate
  readonly amount: Money.Cents
  readonly description?: string
  readonly provider?: Party
  readonly receiver?: Party
}

/**
 * An organisation as the exports name it: its name, its codice fiscale when known, and its kind
 * when known (for the IATI organisation type).
 *
 * @since 0.1.0
 * @category models
 */
export interface Party {
  readonly name: string
  readonly fiscalCode?: CodiceFiscale.OrganisationCode
  readonly kind?: Organisation.Kind
}

/**
 * An indicator of the project: its code (an ESF common-indicator code such as `CO01`, or a
 * project target id such as `personalised-pathways`), its labels, whether it is an ESF
 * `common` indicator or a `programme`-specific one, and its planned and achieved values when
 * known, over `period` when known. A suppressed or unknown value is absent. `resultType` says
 * whether the indicator measures an output (the default) or an outcome (an ESF result
 * indicator); the IATI export groups indicators by it.
 *
 * @since 0.1.0
 * @category models
 */
export interface IndicatorValue {
  readonly code: string
  readonly label: Reporting.Table.Text
  readonly kind: "common" | "programme"
  readonly target?: number
  readonly actual?: number
  readonly period?: { readonly start: Calendar.CalendarDate; readonly end: Calendar.CalendarDate }
  readonly resultType?: "output" | "outcome"
}

/**
 * One project as the open-data exports read it. `localCode` is the project's key in the
 * published files (OpenCoesione `COD_LOCALE_PROGETTO`); it defaults to the project id, the key
 * of the project in the publisher's own system. `summary` is a short description (OpenCoesione
 * `OC_SINTESI_PROGETTO`, IATI description); `titleEn` the English title, when the project has
 * one (a project's name is a proper name: without it the Italian title is used in both
 * languages). `actualEnd` is the day activities actually ended, when known.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProjectRecord {
  readonly project: Project.Project
  readonly call: Call.Call
  readonly budget?: Budget.Budget
  readonly localCode?: string
  readonly titleEn?: string
  readonly summary?: Reporting.Table.Text
  readonly locations?: ReadonlyArray<Location>
  readonly transactions?: ReadonlyArray<Transaction>
  readonly indicators?: ReadonlyArray<IndicatorValue>
  readonly actualEnd?: Calendar.CalendarDate
}

/**
 * The key of a record in the published files: `localCode`, else the project id.
 *
 * @since 0.1.0
 * @category utils
 */
export const localCode = (record: ProjectRecord): string => record.localCode ?? record.project.id

/**
 * The project's targets against its actuals (`Reporting.Targets.compare`) as programme-specific
 * indicators of that project, in order: code = target indicator id, Italian and English label,
 * target when declared, actual.
 *
 * @since 0.1.0
 * @category constructors
 */
export const indicatorsFromTargets = (
  comparisons: ReadonlyArray<Reporting.Targets.Comparison>,
  project: Project.Project
): ReadonlyArray<IndicatorValue> =>
  comparisons
    .filter((c) => c.project === project.id)
    .map((c) => ({
      code: c.indicator,
      label: targetLabel(c.indicator),
      kind: "programme" as const,
      ...(c.target === undefined ? {} : { target: c.target }),
      actual: c.actual
    }))

/**
 * The project's declared targets as programme-specific indicators with their target only: for
 * a project whose actuals are not known (no micro-data), where `Reporting.Targets.compare`
 * would read a missing actual as zero.
 *
 * @since 0.1.0
 * @category constructors
 */
export const indicatorsFromProjectTargets = (project: Project.Project): ReadonlyArray<IndicatorValue> =>
  project.targets.map((t) => ({
    code: t.indicator,
    label: targetLabel(t.indicator),
    kind: "programme" as const,
    target: t.value
  }))

const targetLabel = (indicator: Project.TargetIndicator): Reporting.Table.Text =>
  indicator === "personalised-pathways"
    ? { it: "Percorsi personalizzati", en: "Personalised pathways" }
    : { it: "Laboratori sociali attivati", en: "Social laboratories opened" }

/**
 * The rows of an ESF indicator table (`Reporting.Compute` output, columns `code`, `label_it`,
 * `label_en`, `total`) as common indicators over `period`: the actual is the `total` cell when
 * it is a number, absent when it is `null` or suppressed (`●`) — a suppressed count is never
 * published, not even as zero.
 *
 * @since 0.1.0
 * @category constructors
 */
export const indicatorsFromEsfTable = (
  table: Reporting.Table.Table,
  period?: { readonly start: Calendar.CalendarDate; readonly end: Calendar.CalendarDate }
): ReadonlyArray<IndicatorValue> =>
  table.rows.flatMap((row) => {
    const code = row["code"]
    if (typeof code !== "string" || code === Reporting.Table.total) return []
    const total = row["total"]
    const it = row["label_it"]
    const en = row["label_en"]
    return [
      {
        code,
        label: { it: typeof it === "string" ? it : code, en: typeof en === "string" ? en : code },
        kind: "common" as const,
        ...(typeof total === "number" ? { actual: total } : {}),
        ...(period === undefined ? {} : { period })
      }
    ]
  })

/**
 * Expenditures (for instance those listed in claims) as `expenditure` transactions, one per
 * expenditure, in date order, described by their own description.
 *
 * @since 0.1.0
 * @category constructors
 */
export const transactionsFromExpenditures = (
  expenditures: ReadonlyArray<Budget.Expenditure>
): ReadonlyArray<Transaction> =>
  [...expenditures]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((e) => ({ kind: "expenditure" as const, date: e.date, amount: e.amount, description: e.description }))
