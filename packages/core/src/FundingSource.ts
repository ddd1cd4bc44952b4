/**
 * Where the money of a project comes from. A budget's costs are covered by funding entries,
 * each of one kind: the grant of the call (on FSE/FSE+ funds, the EU and national shares paid
 * by the Region as one grant), the Region's own funds, the Comune's cofinancing, private money,
 * or other public bodies. Each kind says whether it is part of the grant or of the partnership's
 * cofinancing, whether it is public, and which OpenCoesione financing columns it goes to
 * (facts.md §5.1), so that budget rules and the open-data export read the same mapping.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as Money from "./Money.js"

/**
 * The kind of a funding source:
 * - `fse-grant`: the call's grant on POR FSE / PR FSE+ funds (EU share and national
 *   cofinancing, paid by Regione Lombardia as one grant: "contributo regionale");
 * - `regione`: Regione Lombardia's own budget, outside the FSE programme;
 * - `comune`: a Comune's cofinancing ("cofinanziamento comunale");
 * - `private`: private money (a cooperative's own funds, a foundation, sponsors);
 * - `other-public`: any other public body (ALER, ASST, another public entity).
 *
 * @since 0.1.0
 * @category models
 */
export const FundingSourceKind = Schema.Literals(["fse-grant", "regione", "comune", "private", "other-public"])
/** @since 0.1.0 @category models */
export type FundingSourceKind = typeof FundingSourceKind.Type

/**
 * Every kind, in the order of {@link FundingSourceKind}.
 *
 * @since 0.1.0
 * @category models
 */
export const all: ReadonlyArray<FundingSourceKind> = FundingSourceKind.literals

/**
 * The OpenCoesione "Progetti" financing columns quartieri can fill (facts.md §5.1).
 *
 * @since 0.1.0
 * @category models
 */
export const OpenCoesioneColumn = Schema.Literals([
  "FINANZ_UE_FSE",
  "FINANZ_STATO_FONDO_DI_ROTAZIONE",
  "FINANZ_REGIONE",
  "FINANZ_COMUNE",
  "FINANZ_PRIVATO",
  "FINANZ_ALTRO_PUBBLICO"
])
/** @since 0.1.0 @category models */
export type OpenCoesioneColumn = typeof OpenCoesioneColumn.Type

/**
 * The OpenCoesione columns each kind maps to. Every kind maps to one column except the FSE
 * grant, which OpenCoesione splits by who pays it: the EU share (`FINANZ_UE_FSE`), the State's
 * share through the Fondo di Rotazione and the Region's share. That split depends on the
 * programme's cofinancing rates, which are not in our sources (facts.md §6): use
 * {@link splitFseGrant} with the rates of the programme.
 *
 * @since 0.1.0
 * @category models
 */
export const openCoesioneColumns: {
  readonly [K in FundingSourceKind]: readonly [OpenCoesioneColumn, ...Array<OpenCoesioneColumn>]
} = {
  "fse-grant": ["FINANZ_UE_FSE", "FINANZ_STATO_FONDO_DI_ROTAZIONE", "FINANZ_REGIONE"],
  regione: ["FINANZ_REGIONE"],
  comune: ["FINANZ_COMUNE"],
  private: ["FINANZ_PRIVATO"],
  "other-public": ["FINANZ_ALTRO_PUBBLICO"]
}

/**
 * Whether a kind is part of the grant the call pays (`fse-grant`, `regione`) or of the
 * cofinancing the partnership brings (`comune`, `private`, `other-public`). The grant is what
 * a call's caps limit; the cofinancing share is the rest over the total cost.
 *
 * @since 0.1.0
 * @category utils
 */
export const role = (kind: FundingSourceKind): "grant" | "cofinancing" =>
  kind === "fse-grant" || kind === "regione" ? "grant" : "cofinancing"

/**
 * Whether the kind is public money (OpenCoesione's `FINANZ_TOTALE_PUBBLICO` counts it; Jems
 * calls the partner contribution "public" or "private").
 *
 * @since 0.1.0
 * @category utils
 */
export const isPublic = (kind: FundingSourceKind): boolean => kind !== "private"

/**
 * Italian and English labels, for reports and messages.
 *
 * @since 0.1.0
 * @category formatting
 */
export const labels: { readonly [K in FundingSourceKind]: { readonly it: string; readonly en: string } } = {
  "fse-grant": { it: "contributo regionale FSE", en: "regional FSE grant" },
  regione: { it: "fondi propri di Regione Lombardia", en: "Regione Lombardia's own funds" },
  comune: { it: "cofinanziamento comunale", en: "Comune cofinancing" },
  private: { it: "fondi privati", en: "private funds" },
  "other-public": { it: "altri fondi pubblici", en: "other public funds" }
}

/**
 * Splits an FSE grant into the OpenCoesione columns in proportion to the programme's
 * cofinancing shares (`eu`, `state`, `region` as whole numbers, e.g. basis points), by largest
 * remainder, so the three columns always sum to the grant. The shares of POR FSE Lombardia
 * 2014-2020 were not found in our sources: the caller supplies them from the programme.
 *
 * @since 0.1.0
 * @category utils
 */
export const splitFseGrant = (
  grant: Money.Cents,
  shares: { readonly eu: number; readonly state: number; readonly region: number }
): Result.Result<
  {
    readonly FINANZ_UE_FSE: Money.Cents
    readonly FINANZ_STATO_FONDO_DI_ROTAZIONE: Money.Cents
    readonly FINANZ_REGIONE: Money.Cents
  },
  Money.ArithmeticError
> =>
  Result.map(
    Money.allocate(grant, [shares.eu, shares.state, shares.region]),
    ([eu = Money.zero, state = Money.zero, region = Money.zero]) => ({
      FINANZ_UE_FSE: eu,
      FINANZ_STATO_FONDO_DI_ROTAZIONE: state,
      FINANZ_REGIONE: region
    })
  )
