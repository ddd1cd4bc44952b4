/**
 * A project as an IATI 2.03 activity: the typed tree that `IatiXml` writes, and
 * {@link activity}, which builds it from a `ProjectRecord`.
 *
 * **Sources and confidence** (facts.md §5.2). Confirmed: the organisation identifier form
 * `{agency}-{number}` with the Italian agency `IT-CF`, the OrganisationRole codes 1–4, the
 * TransactionType codes and the ResultType codes. **From memory, unverified** — and so kept as
 * named constants here, not scattered: the ActivityStatus, ActivityDateType, BudgetType,
 * BudgetStatus, IndicatorMeasure and OrganisationType codes, the element structure of an
 * activity, and putting ESF common-indicator codes in `indicator/reference/@code` with
 * vocabulary **99** ("Reporting Organisation"). The mapping of OpenCoesione roles to IATI
 * roles is an inference of facts.md.
 *
 * **Mapping.**
 * - `iati-identifier`: `{reporting-org ref}-{local code}` (the same key as OpenCoesione's
 *   `COD_LOCALE_PROGETTO`); the reporting organisation is the capofila unless given, and its
 *   ref is `IT-CF-{codice fiscale}`. Without a codice fiscale there is no organisation
 *   identifier, and the activity cannot be identified: the build fails unless an identifier is
 *   given.
 * - participating organisations: the programme's managing authority as Funding (1) and
 *   Extending (3); every organisation that cofinances the budget as Funding (1); the capofila
 *   as Accountable (2); every partner as Implementing (4). `@ref` is `IT-CF-{codice fiscale}`
 *   when the codice fiscale is known and **absent** otherwise — never made up.
 * - status from the project's lifecycle; dates: planned start and end from the period, actual
 *   start when the project is `started`, actual end when the record gives it.
 * - one budget over the whole project period (IATI's rules prefer budgets of at most a year;
 *   the yearly split of these budgets is not known, so it is not invented), Original and
 *   Committed once the project is funded, Indicative before.
 * - transactions: the record's, one per transaction, with its codelist code.
 * - results: one Output result with the project's targets, one with the ESF common indicators
 *   (their code in `reference` with vocabulary 99) — an indicator whose `resultType` is
 *   `outcome` goes to an Outcome result instead.
 *
 * @since 0.1.0
 */
import {
  Budget,
  type Calendar,
  ExportError,
  type Money,
  type Organisation,
  Programme,
  Project,
  type ProjectLifecycle,
  type Reporting
} from "@quartieri/core"
import { Result } from "effect"
import { regioneLombardia } from "./OpenCoesione.js"
import {
  type IndicatorValue,
  localCode,
  type Party,
  type ProjectRecord,
  type TransactionKind
} from "./ProjectRecord.js"

type Text = Reporting.Table.Text

// ---------------------------------------------------------------------------------------------
// codelists
// ---------------------------------------------------------------------------------------------

/**
 * IATI OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing (facts.md §5.2,
 * confirmed from IATI-Codelists).
 *
 * @since 0.1.0
 * @category models
 */
export type OrganisationRole = 1 | 2 | 3 | 4

/**
 * IATI TransactionType code of each transaction kind: incoming commitment 11, incoming funds
 * 1, outgoing commitment 2, disbursement 3, expenditure 4 (facts.md §5.2, confirmed).
 *
 * @since 0.1.0
 * @category models
 */
export const transactionType: { readonly [K in TransactionKind]: number } = {
  "incoming-commitment": 11,
  "incoming-funds": 1,
  "outgoing-commitment": 2,
  disbursement: 3,
  expenditure: 4
}

/**
 * IATI ActivityStatus of each project state, **from memory (unverified)**: 1
 * Pipeline/identification (submitted, admitted, funded), 2 Implementation (started), 3
 * Finalisation (closing), 4 Closed, 5 Cancelled (revoked, withdrawn).
 *
 * @since 0.1.0
 * @category models
 */
export const activityStatus: { readonly [S in ProjectLifecycle.Status]: number } = {
  submitted: 1,
  admitted: 1,
  funded: 1,
  started: 2,
  closing: 3,
  closed: 4,
  revoked: 5,
  withdrawn: 5
}

/**
 * IATI ActivityDateType, **from memory (unverified)**: 1 planned start, 2 actual start, 3
 * planned end, 4 actual end.
 *
 * @since 0.1.0
 * @category models
 */
export const activityDateType = { plannedStart: 1, actualStart: 2, plannedEnd: 3, actualEnd: 4 } as const

/**
 * IATI ResultType: 1 Output, 2 Outcome, 3 Impact (facts.md §5.2, confirmed).
 *
 * @since 0.1.0
 * @category models
 */
export const resultType = { output: 1, outcome: 2, impact: 3 } as const

/**
 * IATI IndicatorMeasure 1 "Unit", **from memory (unverified)**: every indicator here counts.
 *
 * @since 0.1.0
 * @category models
 */
export const unitMeasure = 1

/**
 * IATI IndicatorVocabulary 99 "Reporting Organisation": the vocabulary of the ESF common
 * indicator codes in `reference/@code`. **Unverified** (facts.md §5.2 marks it [M]): the ESF
 * codes have no IATI vocabulary of their own that we know of.
 *
 * @since 0.1.0
 * @category models
 */
export const esfVocabulary = "99"

/**
 * IATI OrganisationType of each organisation kind, **from memory (unverified)**, and our
 * reading of the kinds: Comune and Regione 11 Local Government; ALER, ASST and other public
 * administrations 15 Other Public Sector; associations, social cooperatives, consortia of
 * cooperatives, social enterprises and religious bodies 22 National NGO; a body known only as
 * accredited for labour or training services has no type (it may be public or private).
 *
 * @since 0.1.0
 * @category models
 */
export const organisationType: { readonly [K in Organisation.Kind]: number | undefined } = {
  Comune: 11,
  Regione: 11,
  ALER: 15,
  ASST: 15,
  AltraPA: 15,
  Associazione: 22,
  CooperativaSociale: 22,
  Consorzio: 22,
  ImpresaSociale: 22,
  EnteReligioso: 22,
  EnteAccreditatoLavoroFormazione: undefined
}

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * An organisation as IATI names it: `ref` (`IT-CF-…`) and `type` only when known.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrgRef {
  readonly ref?: string
  readonly type?: number
  readonly name: string
}

/**
 * A participating organisation in one role.
 *
 * @since 0.1.0
 * @category models
 */
export interface ParticipatingOrg extends OrgRef {
  readonly role: OrganisationRole
}

/**
 * A budget: type (1 original), status (1 indicative, 2 committed), period and value in cents.
 *
 * @since 0.1.0
 * @category models
 */
export interface IatiBudget {
  readonly type: 1 | 2
  readonly status: 1 | 2
  readonly periodStart: Calendar.CalendarDate
  readonly periodEnd: Calendar.CalendarDate
  readonly value: Money.Cents
  readonly valueDate: Calendar.CalendarDate
}

/**
 * A transaction: its TransactionType code, date, value in cents and what else is known.
 *
 * @since 0.1.0
 * @category models
 */
export interface IatiTransaction {
  readonly type: number
  readonly date: Calendar.CalendarDate
  readonly value: Money.Cents
  readonly description?: string
  readonly provider?: OrgRef
  readonly receiver?: OrgRef
}

/**
 * An indicator of a result: title, the ESF code when it has one, and its values over a period
 * when known.
 *
 * @since 0.1.0
 * @category models
 */
export interface IatiIndicator {
  readonly title: Text
  readonly reference?: { readonly vocabulary: string; readonly code: string }
  readonly measure: number
  readonly ascending: boolean
  readonly period?: {
    readonly start: Calendar.CalendarDate
    readonly end: Calendar.CalendarDate
    readonly target?: number
    readonly actual?: number
  }
}

/**
 * A result: its ResultType code, title and indicators.
 *
 * @since 0.1.0
 * @category models
 */
export interface IatiResult {
  readonly type: number
  readonly title: Text
  readonly indicators: ReadonlyArray<IatiIndicator>
}

/**
 * An IATI activity, as `IatiXml` writes it (`xml:lang="it"`, `default-currency="EUR"`, recipient
 * country IT).
 *
 * @since 0.1.0
 * @category models
 */
export interface Activity {
  readonly identifier: string
  readonly lastUpdated: Calendar.CalendarDate
  readonly reportingOrg: OrgRef & { readonly ref: string; readonly type: number }
  readonly title: Text
  readonly descriptions: ReadonlyArray<{ readonly type: 1 | 2 | 3; readonly text: Text }>
  readonly participatingOrgs: ReadonlyArray<ParticipatingOrg>
  readonly status: number
  readonly dates: ReadonlyArray<{ readonly type: number; readonly date: Calendar.CalendarDate }>
  readonly budgets: ReadonlyArray<IatiBudget>
  readonly transactions: ReadonlyArray<IatiTransaction>
  readonly results: ReadonlyArray<IatiResult>
}

/**
 * How to build activities: the date of the data, the reporting organisation (the capofila by
 * default), an explicit identifier (otherwise `{reporting-org ref}-{local code}`), the managing
 * authority (Regione Lombardia by default) and the organisation types (by default
 * {@link organisationType}).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly updatedOn: Calendar.CalendarDate
  readonly reportingOrg?: Party
  readonly identifier?: string
  readonly programmatore?: Party
  readonly organisationTypeOf?: (kind: Organisation.Kind) => number | undefined
}

// ---------------------------------------------------------------------------------------------
// building
// ---------------------------------------------------------------------------------------------

/**
 * The IATI organisation identifier of a codice fiscale: `IT-CF-{codice fiscale}`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const organisationIdentifier = (fiscalCode: string): string => `IT-CF-${fiscalCode}`

const invalid = (detail: string) => new ExportError.ExportError({ reason: "InvalidData", detail, table: "iati" })

const identifierChars = /^[^\s/&|?]+$/

const committedStates: ReadonlyArray<ProjectLifecycle.Status> = ["funded", "started", "closing", "closed"]

const list = (items: ReadonlyArray<string>, and: string): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`

const describe = (record: ProjectRecord, capofila: string | undefined): Text => {
  const { project, call } = record
  const programme = call.programme
  const parts = project.subProjects.map((s) => ({
    label: Project.subProjectKindLabel[s.kind],
    action: s.action,
    axis: Programme.action(programme, s.action)?.axis
  }))
  const axes = [...new Set(parts.flatMap((p) => (p.axis === undefined ? [] : [`Asse ${p.axis.code}`])))]
  const it = [
    `Progetto «${project.title}» finanziato dal ${programme.title}${axes.length > 0 ? `, ${axes.join(", ")}` : ""}, nell'ambito dell'${call.title.it}.`,
    parts.length > 0 ? `Sottoprogetti: ${parts.map((p) => `${p.label.it}, azione ${p.action}`).join("; ")}.` : "",
    capofila === undefined ? "" : `Capofila: ${capofila}.`
  ]
  const en = [
    `Project “${project.title}” funded by the ${programme.title}${axes.length > 0 ? `, ${axes.map((a) => a.replace("Asse", "Axis")).join(", ")}` : ""}, under the ${call.title.en}.`,
    parts.length > 0 ? `Sub-projects: ${parts.map((p) => `${p.label.en}, action ${p.action}`).join("; ")}.` : "",
    capofila === undefined ? "" : `Lead applicant: ${capofila}.`
  ]
  return { it: it.filter((s) => s !== "").join(" "), en: en.filter((s) => s !== "").join(" ") }
}

const objectives = (project: Project.Project): Text | undefined => {
  if (project.targets.length === 0) return undefined
  const items = project.targets.map((t) => ({ n: t.value, label: Project.targetIndicatorLabel[t.indicator] }))
  return {
    it: `Obiettivi dichiarati: ${list(
      items.map((i) => `${i.n} ${i.label.it.toLowerCase()}`),
      "e"
    )}.`,
    en: `Declared targets: ${list(
      items.map((i) => `${i.n} ${i.label.en.toLowerCase()}`),
      "and"
    )}.`
  }
}

const indicatorOf = (i: IndicatorValue, project: Project.Project): IatiIndicator => {
  const period =
    i.period ??
    (project.period.end === undefined ? undefined : { start: project.period.start, end: project.period.end })
  const values = {
    ...(i.target === undefined ? {} : { target: i.target }),
    ...(i.actual === undefined ? {} : { actual: i.actual })
  }
  return {
    title: i.label,
    ...(i.kind === "common" ? { reference: { vocabulary: esfVocabulary, code: i.code } } : {}),
    measure: unitMeasure,
    ascending: true,
    ...(period === undefined || (i.target === undefined && i.actual === undefined)
      ? {}
      : { period: { start: period.start, end: period.end, ...values } })
  }
}

const results = (record: ProjectRecord): ReadonlyArray<IatiResult> => {
  const indicators = record.indicators ?? []
  const groups: ReadonlyArray<{ type: number; kind: "programme" | "common"; title: Text; outcome: boolean }> = [
    {
      type: resultType.output,
      kind: "programme",
      title: { it: "Obiettivi del progetto", en: "Project targets" },
      outcome: false
    },
    {
      type: resultType.output,
      kind: "common",
      title: { it: "Indicatori comuni FSE di realizzazione", en: "ESF common output indicators" },
      outcome: false
    },
    {
      type: resultType.outcome,
      kind: "programme",
      title: { it: "Risultati del progetto", en: "Project results" },
      outcome: true
    },
    {
      type: resultType.outcome,
      kind: "common",
      title: { it: "Indicatori comuni FSE di risultato", en: "ESF common result indicators" },
      outcome: true
    }
  ]
  return groups.flatMap((g) => {
    const members = indicators.filter((i) => i.kind === g.kind && (i.resultType === "outcome") === g.outcome)
    return members.length === 0
      ? []
      : [{ type: g.type, title: g.title, indicators: members.map((i) => indicatorOf(i, record.project)) }]
  })
}

/**
 * The activity of one project record. Fails with an `ExportError` (`InvalidData`, table `iati`)
 * when the activity cannot be identified (no identifier given and no codice fiscale of the
 * reporting organisation, or an identifier with spaces or `/ & | ?`), when the reporting
 * organisation has no known type, or when the budget is ill-formed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const activity = (record: ProjectRecord, options: Options): Result.Result<Activity, ExportError.ExportError> => {
  const { project } = record
  const typeOf = options.organisationTypeOf ?? ((k: Organisation.Kind) => organisationType[k])
  const orgRef = (p: Party): OrgRef => {
    const type = p.kind === undefined ? undefined : typeOf(p.kind)
    return {
      name: p.name,
      ...(p.fiscalCode === undefined ? {} : { ref: organisationIdentifier(p.fiscalCode) }),
      ...(type === undefined ? {} : { type })
    }
  }
  const members = project.partnership.members
  const capofila = members.find((m) => m.role === "capofila")?.organisation
  const asParty = (o: Organisation.Organisation): Party => ({
    name: o.name,
    kind: o.kind,
    ...(o.fiscalCode === undefined ? {} : { fiscalCode: o.fiscalCode })
  })
  const reporting = options.reportingOrg ?? (capofila === undefined ? undefined : asParty(capofila))
  if (reporting === undefined)
    return Result.fail(invalid(`project ${project.id}: no capofila and no reporting organisation given`))
  const reportingRef = orgRef(reporting)
  if (reportingRef.ref === undefined && options.identifier === undefined)
    return Result.fail(
      invalid(
        `project ${project.id}: the reporting organisation ${JSON.stringify(reporting.name)} has no codice fiscale, so no IATI organisation identifier; give its codice fiscale or an explicit identifier`
      )
    )
  if (reportingRef.ref === undefined)
    return Result.fail(
      invalid(
        `project ${project.id}: reporting-org needs a ref: give the codice fiscale of ${JSON.stringify(reporting.name)}`
      )
    )
  if (reportingRef.type === undefined)
    return Result.fail(
      invalid(
        `project ${project.id}: reporting-org needs an organisation type: ${JSON.stringify(reporting.name)} has none`
      )
    )
  const identifier = options.identifier ?? `${reportingRef.ref}-${localCode(record)}`
  if (!identifierChars.test(identifier))
    return Result.fail(
      invalid(
        `project ${project.id}: the IATI identifier ${JSON.stringify(identifier)} contains a space or one of / & | ?`
      )
    )

  const programmatore = orgRef(options.programmatore ?? regioneLombardia)
  const cofinancers = [
    ...new Set((record.budget?.funding ?? []).flatMap((f) => (f.organisation === undefined ? [] : [f.organisation])))
  ].flatMap((id) => {
    const o = members.find((m) => m.organisation.id === id)?.organisation
    return o === undefined ? [] : [o]
  })
  const participatingOrgs: Array<ParticipatingOrg> = [
    { ...programmatore, role: 1 },
    ...cofinancers.map((o) => ({ ...orgRef(asParty(o)), role: 1 as const })),
    ...members
      .filter((m) => m.role === "capofila")
      .map((m) => ({ ...orgRef(asParty(m.organisation)), role: 2 as const })),
    { ...programmatore, role: 3 },
    ...members
      .filter((m) => m.role === "partner")
      .map((m) => ({ ...orgRef(asParty(m.organisation)), role: 4 as const }))
  ]

  const dates: Array<{ type: number; date: Calendar.CalendarDate }> = [
    { type: activityDateType.plannedStart, date: project.period.start }
  ]
  if (project.status.status === "started")
    dates.push({ type: activityDateType.actualStart, date: project.status.since })
  if (project.period.end !== undefined) dates.push({ type: activityDateType.plannedEnd, date: project.period.end })
  if (record.actualEnd !== undefined) dates.push({ type: activityDateType.actualEnd, date: record.actualEnd })

  const budgets: Array<IatiBudget> = []
  if (record.budget !== undefined && project.period.end !== undefined) {
    let total: Money.Cents | undefined = record.budget.declaredTotal
    if (total === undefined) {
      const resolved = Budget.resolve(record.budget)
      if (Result.isFailure(resolved)) return Result.fail(invalid(`project ${project.id}: ${resolved.failure.message}`))
      total = resolved.success.total
    }
    budgets.push({
      type: 1,
      status: committedStates.includes(project.status.status) ? 2 : 1,
      periodStart: project.period.start,
      periodEnd: project.period.end,
      value: total,
      valueDate: project.period.start
    })
  }

  const descriptions: Array<{ type: 1 | 2 | 3; text: Text }> = [
    { type: 1, text: record.summary ?? describe(record, capofila?.name) }
  ]
  const goals = objectives(project)
  if (goals !== undefined) descriptions.push({ type: 2, text: goals })

  return Result.succeed({
    identifier,
    lastUpdated: options.updatedOn,
    reportingOrg: { ...reportingRef, ref: reportingRef.ref, type: reportingRef.type },
    title: { it: project.title, en: record.titleEn ?? project.title },
    descriptions,
    participatingOrgs,
    status: activityStatus[project.status.status],
    dates,
    budgets,
    transactions: (record.transactions ?? []).map((t) => ({
      type: transactionType[t.kind],
      date: t.date,
      value: t.amount,
      ...(t.description === undefined ? {} : { description: t.description }),
      ...(t.provider === undefined ? {} : { provider: orgRef(t.provider) }),
      ...(t.receiver === undefined ? {} : { receiver: orgRef(t.receiver) })
    })),
    results: results(record)
  })
}
