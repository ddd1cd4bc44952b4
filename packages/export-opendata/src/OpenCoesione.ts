/**
 * Projects as OpenCoesione-shaped tables: `progetti`, `soggetti`, `localizzazioni` and
 * `indicatori`, keyed by `COD_LOCALE_PROGETTO`, with the column names of facts.md §5.1
 * (`OpenCoesioneColumns`). The tables are ordinary `Reporting.Table`s — amounts in cents, dates
 * as ISO strings — so any exporter can write them; `OpenCoesioneCsv` writes them in
 * OpenCoesione's own CSV dialect.
 *
 * **What is filled, and from what.** Only what the record says. Everything else is `null` —
 * an empty cell — and never a guess: no CUP gives an empty `CUP`, an organisation without a
 * codice fiscale an empty `OC_CODICE_FISCALE_SOGG` (OpenCoesione's own placeholder
 * `*CODICE FISCALE*` is not written), OpenCoesione's own classifications (theme, source,
 * thematic objective, CUP nature, project status) stay empty because their code lists are not in
 * our sources.
 *
 * - programme and actions: `OC_CODICE_PROGRAMMA` is the programme's CCI code; the axis and the
 *   actions of the project's sub-projects, several joined with `:::`.
 * - financing (from the budget's funding plan, `FundingSource.openCoesioneColumns`):
 *   `FINANZ_COMUNE`, `FINANZ_PRIVATO`, `FINANZ_ALTRO_PUBBLICO` and `FINANZ_TOTALE_PUBBLICO`
 *   always; the FSE grant goes to `FINANZ_UE_FSE`, `FINANZ_STATO_FONDO_DI_ROTAZIONE` and
 *   `FINANZ_REGIONE` only when the programme's cofinancing shares are given
 *   (`Options.fseShares`), since they are not in our sources: without them the three columns,
 *   and `FINANZ_UE`, are empty. Columns of funds quartieri does not model (FESR, FSC, …) are
 *   empty.
 * - `IMPEGNI` and `TOT_PAGAMENTI`: the sums of the record's `outgoing-commitment` and
 *   `expenditure` transactions (the beneficiary's commitments and payments — our reading of
 *   OpenCoesione's monitoring terms), empty when the record has no transaction list.
 * - subjects (`soggetti`): the programme's managing authority as **1 Programmatore**; the
 *   capofila as **2 Attuatore** and **3 Beneficiario** (it signs for the partnership and
 *   receives the grant: one subject, two roles); every partner as **4 Realizzatore**.
 *   Associates are not members of the grouping and are not listed. `SOGG_PROGR_RUOLO` numbers
 *   the subjects of one role 1, 2, 3…
 * - `indicatori`: one IN01 row per indicator of the record, `TIPO_INDICATORE_DI_OUTPUT` = `COM`
 *   for ESF common indicators and empty otherwise (the code of programme-specific indicators is
 *   not in our sources).
 *
 * @since 0.1.0
 */
import {
  type Budget,
  type Calendar,
  ExportError,
  FundingSource,
  IstatComune,
  Money,
  type Partnership,
  Programme,
  type Project,
  Reporting
} from "@quartieri/core"
import { Result } from "effect"
import * as Columns from "./OpenCoesioneColumns.js"
import { localCode, type Party, type ProjectRecord } from "./ProjectRecord.js"

type Table = Reporting.Table.Table
type Row = Record<string, Reporting.Table.CellValue>

/**
 * What every table of an export shares: the date of the data (`DATA_AGGIORNAMENTO`), the
 * programme's managing authority (Regione Lombardia by default, without a codice fiscale: none
 * is in our sources), the region of the projects (`Lombardia`; its ISTAT code only when given,
 * it is not in our sources), and the FSE cofinancing shares of the programme (EU, State through
 * the Fondo di Rotazione, Region; any whole numbers in proportion, e.g. basis points), needed to
 * split the FSE grant.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly updatedOn: Calendar.CalendarDate
  readonly programmatore?: Party
  readonly region?: { readonly code?: string; readonly name: string }
  readonly fseShares?: { readonly eu: number; readonly state: number; readonly region: number }
}

/**
 * Regione Lombardia as the managing authority of the POR FSE and the PR FSE+.
 *
 * @since 0.1.0
 * @category constructors
 */
export const regioneLombardia: Party = { name: "Regione Lombardia", kind: "Regione" }

/**
 * The four tables of an export.
 *
 * @since 0.1.0
 * @category models
 */
export interface Tables {
  readonly progetti: Table
  readonly soggetti: Table
  readonly localizzazioni: Table
  readonly indicatori: Table
}

/**
 * The file names OpenCoesione uses for each table, without extension.
 *
 * @since 0.1.0
 * @category models
 */
export const tableNames: ReadonlyArray<keyof Tables> = ["progetti", "soggetti", "localizzazioni", "indicatori"]

// ---------------------------------------------------------------------------------------------
// roles
// ---------------------------------------------------------------------------------------------

/**
 * The OpenCoesione roles of a partnership member: the capofila is Attuatore (2) and Beneficiario
 * (3), a partner is Realizzatore (4), an associate has none. The reading of the 2017 avviso: the
 * capofila leads and receives the grant, the partners deliver (facts.md §5.1 describes
 * Attuatore as "usually the capofila Comune/ALER" and Realizzatore as "the bodies that actually
 * deliver").
 *
 * @since 0.1.0
 * @category rules
 */
export const roles = (member: Partnership.Member): ReadonlyArray<Columns.RoleCode> =>
  member.role === "capofila" ? [2, 3] : member.role === "partner" ? [4] : []

/**
 * A subject in one role: the role, its progressive number within the role, the organisation and
 * the ISTAT code of its seat when known.
 *
 * @since 0.1.0
 * @category models
 */
export interface Subject {
  readonly role: Columns.RoleCode
  readonly progressive: number
  readonly party: Party
  readonly seat?: IstatComune.IstatComune
}

/**
 * Every subject of a project in every role, ordered by role code then by partnership order:
 * the programmatore, then the members by {@link roles}.
 *
 * @since 0.1.0
 * @category rules
 */
export const subjects = (project: Project.Project, programmatore: Party = regioneLombardia): ReadonlyArray<Subject> => {
  const byRole: Array<Array<Omit<Subject, "role" | "progressive">>> = [[], [], [], []]
  byRole[0]?.push({ party: programmatore })
  for (const m of project.partnership.members) {
    const o = m.organisation
    const party: Party = {
      name: o.name,
      kind: o.kind,
      ...(o.fiscalCode === undefined ? {} : { fiscalCode: o.fiscalCode })
    }
    for (const role of roles(m)) byRole[role - 1]?.push({ party, ...(o.seat === undefined ? {} : { seat: o.seat }) })
  }
  return byRole.flatMap((list, i) =>
    list.map((s, j) => ({ ...s, role: (i + 1) as Columns.RoleCode, progressive: j + 1 }))
  )
}

// ---------------------------------------------------------------------------------------------
// building
// ---------------------------------------------------------------------------------------------

const emptyRow = (columns: ReadonlyArray<Reporting.Table.Column>): Row =>
  Object.fromEntries(columns.map((c) => [c.id, null]))

const distinct = <A>(xs: ReadonlyArray<A>): ReadonlyArray<A> => [...new Set(xs)]

/** Joins values with `:::`; `null` when there is none or one of them is unknown. */
const multi = (values: ReadonlyArray<string | undefined>, where: string, issues: Array<string>): string | null => {
  if (values.length === 0 || values.some((v) => v === undefined)) return null
  const known = distinct(values as ReadonlyArray<string>)
  const clash = known.find((v) => v.includes(Columns.multiValueSeparator))
  if (clash !== undefined) {
    issues.push(
      `${where}: the value ${JSON.stringify(clash)} contains "${Columns.multiValueSeparator}", the multi-value separator`
    )
    return null
  }
  return known.join(Columns.multiValueSeparator)
}

const sumOf = (amounts: ReadonlyArray<Money.Cents>, where: string, issues: Array<string>): number | null => {
  const s = Money.sum(amounts)
  if (Result.isSuccess(s)) return s.success
  issues.push(`${where}: the sum is beyond the range of cents`)
  return null
}

const financing = (
  budget: Budget.Budget | undefined,
  shares: Options["fseShares"],
  where: string,
  issues: Array<string>
): Row => {
  if (budget === undefined) return {}
  const of = (kind: FundingSource.FundingSourceKind) =>
    sumOf(
      budget.funding.filter((f) => f.source === kind).map((f) => f.amount),
      `${where} ${kind}`,
      issues
    ) ?? 0
  const grant = of("fse-grant")
  const regione = of("regione")
  const out: Row = {
    FINANZ_COMUNE: of("comune"),
    FINANZ_PRIVATO: of("private"),
    FINANZ_ALTRO_PUBBLICO: of("other-public"),
    FINANZ_TOTALE_PUBBLICO: sumOf(
      budget.funding.filter((f) => FundingSource.isPublic(f.source)).map((f) => f.amount),
      `${where} public funding`,
      issues
    )
  }
  if (grant === 0)
    return { ...out, FINANZ_UE: 0, FINANZ_UE_FSE: 0, FINANZ_STATO_FONDO_DI_ROTAZIONE: 0, FINANZ_REGIONE: regione }
  if (shares === undefined) return out
  const split = FundingSource.splitFseGrant(Money.Cents.make(grant), shares)
  if (Result.isFailure(split)) {
    issues.push(
      `${where}: the FSE grant cannot be split with shares ${JSON.stringify(shares)} (${split.failure.message})`
    )
    return out
  }
  const s = split.success
  return {
    ...out,
    FINANZ_UE: s.FINANZ_UE_FSE,
    FINANZ_UE_FSE: s.FINANZ_UE_FSE,
    FINANZ_STATO_FONDO_DI_ROTAZIONE: s.FINANZ_STATO_FONDO_DI_ROTAZIONE,
    FINANZ_REGIONE: sumOf([s.FINANZ_REGIONE, Money.Cents.make(regione)], `${where} FINANZ_REGIONE`, issues)
  }
}

const comuneName = (code: IstatComune.IstatComune): string | undefined =>
  (IstatComune.knownComuni as Readonly<Record<string, IstatComune.KnownComune>>)[code]?.name

const progettoRow = (record: ProjectRecord, options: Options, issues: Array<string>): Row => {
  const { project, call } = record
  const key = localCode(record)
  const where = `progetti ${key}`
  const programme = call.programme
  const actions = distinct(project.subProjects.map((s) => s.action))
  const known = actions.map((code) => Programme.action(programme, code))
  const axes = known.map((a) => a?.axis)
  const region = options.region ?? { name: "Lombardia" }
  const locations = record.locations ?? []
  const cycle = Columns.cycle(Number(programme.period.start.slice(0, 4)))
  const people = subjects(project, options.programmatore)
  const transactions = record.transactions
  const total = (kind: "outgoing-commitment" | "expenditure") =>
    transactions === undefined
      ? null
      : sumOf(
          transactions.filter((t) => t.kind === kind).map((t) => t.amount),
          `${where} ${kind}`,
          issues
        )
  return {
    ...emptyRow(Columns.progetti),
    COD_LOCALE_PROGETTO: key,
    CUP: project.cup ?? null,
    OC_TITOLO_PROGETTO: project.title,
    OC_SINTESI_PROGETTO: record.summary?.it ?? null,
    OC_COD_CICLO: cycle?.code ?? null,
    OC_DESCR_CICLO: cycle?.description ?? null,
    FONDO_COMUNITARIO: programme.fund === "FSE" ? "FSE" : null,
    OC_CODICE_PROGRAMMA: programme.cci ?? null,
    OC_DESCRIZIONE_PROGRAMMA: programme.title,
    OC_COD_ARTICOLAZ_PROGRAMMA: multi(
      axes.map((a) => a?.code),
      `${where} OC_COD_ARTICOLAZ_PROGRAMMA`,
      issues
    ),
    OC_DESCR_ARTICOLAZ_PROGRAMMA: multi(
      axes.map((a) => a?.title),
      `${where} OC_DESCR_ARTICOLAZ_PROGRAMMA`,
      issues
    ),
    OC_COD_SUBARTICOLAZ_PROGRAMMA: multi(actions, `${where} OC_COD_SUBARTICOLAZ_PROGRAMMA`, issues),
    OC_DESCR_SUBARTICOLAZ_PROGRAMMA: multi(
      known.map((a) => a?.title),
      `${where} OC_DESCR_SUBARTICOLAZ_PROGRAMMA`,
      issues
    ),
    COD_REGIONE: region.code ?? null,
    DEN_REGIONE: region.name,
    COD_PROVINCIA: multi(
      locations.map((l) => IstatComune.province(l.comune)),
      `${where} COD_PROVINCIA`,
      issues
    ),
    DEN_PROVINCIA: multi(
      locations.map((l) => l.provinceName),
      `${where} DEN_PROVINCIA`,
      issues
    ),
    COD_COMUNE: multi(
      locations.map((l) => l.comune),
      `${where} COD_COMUNE`,
      issues
    ),
    DEN_COMUNE: multi(
      locations.map((l) => l.comuneName ?? comuneName(l.comune)),
      `${where} DEN_COMUNE`,
      issues
    ),
    ...financing(record.budget, options.fseShares, where, issues),
    IMPEGNI: total("outgoing-commitment"),
    TOT_PAGAMENTI: total("expenditure"),
    OC_DATA_INIZIO_PROGETTO: project.period.start,
    OC_DATA_FINE_PROGETTO_PREVISTA: project.period.end ?? null,
    OC_DATA_FINE_PROGETTO_EFFETTIVA: record.actualEnd ?? null,
    DESCR_PROCED_ATTIVAZIONE: call.title.it,
    DATA_AGGIORNAMENTO: options.updatedOn,
    OC_FLAG_VISUALIZZAZIONE: "0",
    SOGGETTI_PROGRAMMATORI: multi(
      people.filter((s) => s.role === 1).map((s) => s.party.name),
      `${where} SOGGETTI_PROGRAMMATORI`,
      issues
    ),
    SOGGETTI_ATTUATORI: multi(
      people.filter((s) => s.role === 2).map((s) => s.party.name),
      `${where} SOGGETTI_ATTUATORI`,
      issues
    )
  }
}

const soggettiRows = (record: ProjectRecord, options: Options): ReadonlyArray<Row> =>
  subjects(record.project, options.programmatore).map((s) => ({
    ...emptyRow(Columns.soggetti),
    COD_LOCALE_PROGETTO: localCode(record),
    SOGG_COD_RUOLO: String(s.role),
    SOGG_DESCR_RUOLO: Columns.roleDescription[s.role],
    SOGG_PROGR_RUOLO: String(s.progressive),
    OC_CODICE_FISCALE_SOGG: s.party.fiscalCode ?? null,
    OC_DENOMINAZIONE_SOGG: s.party.name,
    COD_COMUNE_SEDE_SOGG: s.seat ?? null
  }))

const localizzazioniRows = (record: ProjectRecord, options: Options): ReadonlyArray<Row> => {
  const region = options.region ?? { name: "Lombardia" }
  return (record.locations ?? []).map((l) => ({
    ...emptyRow(Columns.localizzazioni),
    COD_LOCALE_PROGETTO: localCode(record),
    COD_REGIONE: region.code ?? null,
    DEN_REGIONE: region.name,
    COD_PROVINCIA: IstatComune.province(l.comune),
    DEN_PROVINCIA: l.provinceName ?? null,
    COD_COMUNE: l.comune,
    DEN_COMUNE: l.comuneName ?? comuneName(l.comune) ?? null,
    INDIRIZZO_PROG: l.address ?? null,
    CAP_PROG: l.cap ?? null
  }))
}

const indicatoriRows = (record: ProjectRecord): ReadonlyArray<Row> =>
  (record.indicators ?? []).map((i) => ({
    ...emptyRow(Columns.indicatori),
    COD_LOCALE_PROGETTO: localCode(record),
    TIPO_INDICATORE_DI_OUTPUT: i.kind === "common" ? "COM" : null,
    COD_INDICATORE: i.code,
    VAL_PROGRAMMATO: i.target ?? null,
    VALORE_REALIZZATO: i.actual ?? null
  }))

const table = (
  name: keyof Tables,
  columns: ReadonlyArray<Reporting.Table.Column>,
  rows: ReadonlyArray<Row>,
  title: Reporting.Table.Text
): Result.Result<Table, ExportError.ExportError> =>
  Result.mapError(
    Reporting.Table.make({
      id: `opencoesione.${name}`,
      title,
      columns,
      rows,
      notes: [
        {
          it: "Forma delle tabelle di OpenCoesione; celle vuote: valore non noto.",
          en: "OpenCoesione table shape; empty cells: value not known."
        }
      ]
    }),
    (e) =>
      new ExportError.ExportError({
        reason: "InvalidData",
        detail: e.message,
        table: `opencoesione.${name}`
      })
  )

/**
 * The four OpenCoesione tables of `records`, one `progetti` row per record. Fails with an
 * `ExportError` (`InvalidData`) naming the table when a value cannot be written: two records
 * with the same local code, an indicator value that is not a whole number ≥ 0, a multi-value
 * item that contains `:::`, a sum beyond the range of cents.
 *
 * @since 0.1.0
 * @category constructors
 */
export const tables = (
  records: ReadonlyArray<ProjectRecord>,
  options: Options
): Result.Result<Tables, ExportError.ExportError> => {
  const issues: Array<string> = []
  const seen = new Set<string>()
  for (const r of records) {
    const key = localCode(r)
    if (seen.has(key)) issues.push(`two projects have the local code ${JSON.stringify(key)}`)
    seen.add(key)
  }
  const progetti = records.map((r) => progettoRow(r, options, issues))
  if (issues.length > 0)
    return Result.fail(
      new ExportError.ExportError({ reason: "InvalidData", detail: issues.join("; "), table: "opencoesione.progetti" })
    )
  return Result.gen(function* () {
    return {
      progetti: yield* table("progetti", Columns.progetti, progetti, { it: "Progetti", en: "Projects" }),
      soggetti: yield* table(
        "soggetti",
        Columns.soggetti,
        records.flatMap((r) => soggettiRows(r, options)),
        { it: "Soggetti", en: "Subjects" }
      ),
      localizzazioni: yield* table(
        "localizzazioni",
        Columns.localizzazioni,
        records.flatMap((r) => localizzazioniRows(r, options)),
        { it: "Localizzazioni", en: "Locations" }
      ),
      indicatori: yield* table("indicatori", Columns.indicatori, records.flatMap(indicatoriRows), {
        it: "Indicatori",
        en: "Indicators"
      })
    }
  })
}
