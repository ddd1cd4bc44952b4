/**
 * The OpenCoesione table shapes: the column names of `progetti`, `soggetti`,
 * `localizzazioni` and `indicatori`, exactly as facts.md §5.1 lists them (from the DeppSRL
 * open_coesione export code and the IGRUE monitoring schema, confirmed), and the subject role
 * codes 1–4.
 *
 * Only the columns facts.md names are here. OpenCoesione's full `progetti` export has more
 * (about two hundred); a column we have not read is not guessed. Where facts.md abbreviates
 * (`DATA_PREVISTA/EFFETTIVA_BANDO_PROC_ATTIV`) both names are spelled out; where it elides
 * (`OC_FINANZ_UE_NETTO, …, OC_FINANZ_TOT_PUB_NETTO`) only the named ends are kept; the
 * older-export names (`DPS_CODICE_FISCALE_SOGG`, `OC_DATA_INIZIO_PREVISTA`, `QSN_FONDO_COMUNITARIO`)
 * are left out in favour of the current ones. `indicatori` has the shape of the IGRUE IN01
 * record (output indicators, the only one with values).
 *
 * @since 0.1.0
 */
import { Reporting } from "@quartieri/core"

type Column = Reporting.Table.Column
type Unit = Reporting.Table.Unit

const dim = (id: string, unit: Unit, it: string, en: string): Column => Reporting.Table.dimension(id, { it, en }, unit)
const amount = (id: string, it: string, en: string): Column => Reporting.Table.measure(id, { it, en }, "cents")
const count = (id: string, it: string, en: string): Column => Reporting.Table.measure(id, { it, en }, "count")

/**
 * The columns of `progetti`, in the order facts.md §5.1 lists them.
 *
 * @since 0.1.0
 * @category models
 */
export const progetti: ReadonlyArray<Column> = [
  dim("COD_LOCALE_PROGETTO", "code", "Codice locale del progetto", "Local project code"),
  dim("CUP", "code", "Codice Unico di Progetto", "CUP (unique project code)"),
  dim("OC_TITOLO_PROGETTO", "text", "Titolo del progetto", "Project title"),
  dim("OC_SINTESI_PROGETTO", "text", "Sintesi del progetto", "Project summary"),
  dim("OC_LINK", "text", "Collegamento", "Link"),
  dim("OC_COD_CICLO", "code", "Codice del ciclo di programmazione", "Programming period code"),
  dim("OC_DESCR_CICLO", "text", "Ciclo di programmazione", "Programming period"),
  dim("OC_TEMA_SINTETICO", "text", "Tema sintetico", "Theme"),
  dim("OC_COD_TEMA_SINTETICO", "code", "Codice del tema sintetico", "Theme code"),
  dim("OC_COD_FONTE", "code", "Codice della fonte", "Source code"),
  dim("OC_DESCR_FONTE", "text", "Fonte", "Source"),
  dim("FONDO_COMUNITARIO", "code", "Fondo comunitario", "EU fund"),
  dim("OC_CODICE_PROGRAMMA", "code", "Codice del programma", "Programme code"),
  dim("OC_DESCRIZIONE_PROGRAMMA", "text", "Programma", "Programme"),
  dim("OC_COD_ARTICOLAZ_PROGRAMMA", "code", "Codice dell'asse", "Axis code"),
  dim("OC_DESCR_ARTICOLAZ_PROGRAMMA", "text", "Asse", "Axis"),
  dim("OC_COD_SUBARTICOLAZ_PROGRAMMA", "code", "Codice dell'azione", "Action code"),
  dim("OC_DESCR_SUBARTICOLAZ_PROGRAMMA", "text", "Azione", "Action"),
  dim("COD_OB_TEMATICO", "code", "Obiettivo tematico", "Thematic objective"),
  dim("COD_PRIORITA_INVEST", "code", "Priorità di investimento", "Investment priority"),
  dim("COD_RISULTATO_ATTESO", "code", "Codice del risultato atteso", "Expected result code"),
  dim("DESCR_RISULTATO_ATTESO", "text", "Risultato atteso", "Expected result"),
  dim("OC_COD_CATEGORIA_SPESA", "code", "Codice della categoria di spesa", "Intervention category code"),
  dim("OC_DESCR_CATEGORIA_SPESA", "text", "Categoria di spesa", "Intervention category"),
  dim("COD_STRUMENTO", "code", "Codice dello strumento attuativo", "Instrument code"),
  dim("DESCR_STRUMENTO", "text", "Strumento attuativo", "Instrument"),
  dim("DESCR_TIPO_STRUMENTO", "text", "Tipo di strumento attuativo", "Instrument type"),
  dim("DATA_APPROV_STRUMENTO", "date", "Data di approvazione dello strumento", "Instrument approval date"),
  dim("CUP_COD_NATURA", "code", "Natura del CUP (codice)", "CUP nature code"),
  dim("CUP_DESCR_NATURA", "text", "Natura del CUP", "CUP nature"),
  dim("CUP_COD_TIPOLOGIA", "code", "Tipologia del CUP (codice)", "CUP type code"),
  dim("CUP_COD_SETTORE", "code", "Settore del CUP (codice)", "CUP sector code"),
  dim("CUP_COD_SOTTOSETTORE", "code", "Sottosettore del CUP (codice)", "CUP sub-sector code"),
  dim("CUP_COD_CATEGORIA", "code", "Categoria del CUP (codice)", "CUP category code"),
  dim("COD_REGIONE", "code", "Codice della regione", "Region code"),
  dim("DEN_REGIONE", "text", "Regione", "Region"),
  dim("COD_PROVINCIA", "code", "Codice della provincia", "Province code"),
  dim("DEN_PROVINCIA", "text", "Provincia", "Province"),
  dim("COD_COMUNE", "code", "Codice ISTAT del comune", "ISTAT comune code"),
  dim("DEN_COMUNE", "text", "Comune", "Comune"),
  amount("FINANZ_UE", "Finanziamento UE", "EU funding"),
  amount("FINANZ_UE_FESR", "Finanziamento UE FESR", "EU funding, ERDF"),
  amount("FINANZ_UE_FSE", "Finanziamento UE FSE", "EU funding, ESF"),
  amount("FINANZ_UE_FEASR", "Finanziamento UE FEASR", "EU funding, EAFRD"),
  amount("FINANZ_UE_FEAMP", "Finanziamento UE FEAMP", "EU funding, EMFF"),
  amount("FINANZ_UE_IOG", "Finanziamento UE IOG", "EU funding, YEI"),
  amount("FINANZ_STATO_FONDO_DI_ROTAZIONE", "Stato: Fondo di rotazione", "State: Fondo di rotazione"),
  amount("FINANZ_STATO_FSC", "Stato: FSC", "State: FSC"),
  amount("FINANZ_STATO_PAC", "Stato: PAC", "State: PAC"),
  amount("FINANZ_STATO_COMPLETAMENTI", "Stato: completamenti", "State: completions"),
  amount("FINANZ_STATO_ALTRI_PROVVEDIMENTI", "Stato: altri provvedimenti", "State: other measures"),
  amount("FINANZ_REGIONE", "Finanziamento regionale", "Regional funding"),
  amount("FINANZ_PROVINCIA", "Finanziamento provinciale", "Provincial funding"),
  amount("FINANZ_COMUNE", "Finanziamento comunale", "Comune funding"),
  amount("FINANZ_RISORSE_LIBERATE", "Risorse liberate", "Released resources"),
  amount("FINANZ_ALTRO_PUBBLICO", "Altro finanziamento pubblico", "Other public funding"),
  amount("FINANZ_STATO_ESTERO", "Stato estero", "Foreign state"),
  amount("FINANZ_PRIVATO", "Finanziamento privato", "Private funding"),
  amount("FINANZ_DA_REPERIRE", "Finanziamento da reperire", "Funding still to be found"),
  amount("FINANZ_TOTALE_PUBBLICO", "Finanziamento pubblico totale", "Total public funding"),
  amount("ECONOMIE_TOTALI", "Economie totali", "Total savings"),
  amount("ECONOMIE_TOTALI_PUBBLICHE", "Economie pubbliche totali", "Total public savings"),
  amount("OC_FINANZ_UE_NETTO", "Finanziamento UE al netto delle economie", "EU funding net of savings"),
  amount("OC_FINANZ_TOT_PUB_NETTO", "Finanziamento pubblico al netto delle economie", "Public funding net of savings"),
  amount("COSTO_RENDICONTABILE_UE", "Costo rendicontabile UE", "Cost claimable to the EU"),
  amount("IMPEGNI", "Impegni", "Commitments"),
  amount("TOT_PAGAMENTI", "Pagamenti totali", "Total payments"),
  amount("OC_TOT_PAGAMENTI_RENDICONTAB_UE", "Pagamenti rendicontabili UE", "Payments claimable to the EU"),
  amount("OC_COSTO_COESIONE", "Costo coesione", "Cohesion cost"),
  dim("OC_DATA_INIZIO_PROGETTO", "date", "Data di inizio", "Start date"),
  dim("OC_DATA_FINE_PROGETTO_PREVISTA", "date", "Data di fine prevista", "Planned end date"),
  dim("OC_DATA_FINE_PROGETTO_EFFETTIVA", "date", "Data di fine effettiva", "Actual end date"),
  dim("OC_STATO_PROGETTO", "text", "Stato del progetto", "Project status"),
  dim("OC_STATO_PROCEDURALE", "text", "Stato procedurale", "Procedural status"),
  dim("DESCR_PROCED_ATTIVAZIONE", "text", "Procedura di attivazione", "Activation procedure"),
  dim("DESCR_TIPO_PROCED_ATTIVAZIONE", "text", "Tipo di procedura di attivazione", "Activation procedure type"),
  dim("DATA_PREVISTA_BANDO_PROC_ATTIV", "date", "Data prevista del bando", "Planned call date"),
  dim("DATA_EFFETTIVA_BANDO_PROC_ATTIV", "date", "Data effettiva del bando", "Actual call date"),
  dim("DATA_PREVISTA_FINE_PROC_ATTIV", "date", "Data prevista di fine procedura", "Planned end of procedure"),
  dim("DATA_EFFETTIVA_FINE_PROC_ATTIV", "date", "Data effettiva di fine procedura", "Actual end of procedure"),
  dim("DATA_AGGIORNAMENTO", "date", "Data di aggiornamento", "Last updated"),
  dim("OC_FLAG_VISUALIZZAZIONE", "code", "Visualizzazione (0 = pubblicato)", "Display flag (0 = published)"),
  dim("SOGGETTI_PROGRAMMATORI", "text", "Soggetti programmatori", "Programming bodies"),
  dim("SOGGETTI_ATTUATORI", "text", "Soggetti attuatori", "Implementing bodies"),
  dim("AMBITI_TERRITORIALI", "text", "Ambiti territoriali", "Territorial scopes"),
  dim("TERRITORI", "text", "Territori", "Territories")
]

/**
 * The columns of `soggetti`: one row per subject and role.
 *
 * @since 0.1.0
 * @category models
 */
export const soggetti: ReadonlyArray<Column> = [
  dim("COD_LOCALE_PROGETTO", "code", "Codice locale del progetto", "Local project code"),
  dim("SOGG_COD_RUOLO", "code", "Codice del ruolo", "Role code"),
  dim("SOGG_DESCR_RUOLO", "text", "Ruolo", "Role"),
  dim("SOGG_PROGR_RUOLO", "code", "Progressivo nel ruolo", "Progressive number within the role"),
  dim("OC_CODICE_FISCALE_SOGG", "code", "Codice fiscale", "Codice fiscale (tax code)"),
  dim("OC_DENOMINAZIONE_SOGG", "text", "Denominazione", "Name"),
  dim("COD_FORMA_GIURIDICA_SOGG", "code", "Forma giuridica (codice)", "Legal form code"),
  dim("DESCR_FORMA_GIURIDICA_SOGG", "text", "Forma giuridica", "Legal form"),
  dim("COD_COMUNE_SEDE_SOGG", "code", "Comune della sede (codice ISTAT)", "Comune of the seat (ISTAT code)"),
  dim("INDIRIZZO_SOGG", "text", "Indirizzo", "Address"),
  dim("CAP_SOGG", "code", "CAP", "Postcode"),
  dim("COD_ATECO_SOGG", "code", "Codice ATECO", "ATECO code"),
  dim("DESCRIZIONE_ATECO_SOGG", "text", "Attività economica (ATECO)", "Economic activity (ATECO)"),
  dim("COD_ADDETTI_SOGG", "code", "Classe di addetti (codice)", "Employees class code"),
  dim("DESCR_ADDETTI_SOGG", "text", "Classe di addetti", "Employees class"),
  dim("COD_DIMENSIONE_SOGG", "code", "Dimensione (codice)", "Size code"),
  dim("DESCR_DIMENSIONE_SOGG", "text", "Dimensione", "Size"),
  dim("OC_COD_ENTE_BDAP", "code", "Codice ente BDAP", "BDAP body code"),
  dim("OC_COD_ENTE_IPA", "code", "Codice ente IPA", "IPA body code")
]

/**
 * The columns of `localizzazioni`: one row per place.
 *
 * @since 0.1.0
 * @category models
 */
export const localizzazioni: ReadonlyArray<Column> = [
  dim("COD_LOCALE_PROGETTO", "code", "Codice locale del progetto", "Local project code"),
  dim("COD_REGIONE", "code", "Codice della regione", "Region code"),
  dim("DEN_REGIONE", "text", "Regione", "Region"),
  dim("COD_PROVINCIA", "code", "Codice della provincia", "Province code"),
  dim("DEN_PROVINCIA", "text", "Provincia", "Province"),
  dim("COD_COMUNE", "code", "Codice ISTAT del comune", "ISTAT comune code"),
  dim("DEN_COMUNE", "text", "Comune", "Comune"),
  dim("INDIRIZZO_PROG", "text", "Indirizzo", "Address"),
  dim("CAP_PROG", "code", "CAP", "Postcode"),
  dim("OC_TERRITORIO_PROG", "code", "Tipo di territorio", "Territory type")
]

/**
 * The columns of `indicatori`: the IGRUE IN01 record of output indicators.
 *
 * @since 0.1.0
 * @category models
 */
export const indicatori: ReadonlyArray<Column> = [
  dim("COD_LOCALE_PROGETTO", "code", "Codice locale del progetto", "Local project code"),
  dim("TIPO_INDICATORE_DI_OUTPUT", "code", "Tipo di indicatore (COM = comune)", "Indicator type (COM = common)"),
  dim("COD_INDICATORE", "code", "Codice dell'indicatore", "Indicator code"),
  count("VAL_PROGRAMMATO", "Valore programmato", "Planned value"),
  count("VALORE_REALIZZATO", "Valore realizzato", "Achieved value"),
  dim("FLG_CANCELLAZIONE", "code", "Flag di cancellazione", "Deletion flag")
]

/**
 * A subject role code (`SOGG_COD_RUOLO`): 1 Programmatore, 2 Attuatore, 3 Beneficiario
 * (called "Destinatario" in older versions), 4 Realizzatore. Source: facts.md §5.1 (DeppSRL
 * open_coesione `progetti/models.py`, confirmed).
 *
 * @since 0.1.0
 * @category models
 */
export type RoleCode = 1 | 2 | 3 | 4

/**
 * The description of each role code (`SOGG_DESCR_RUOLO`).
 *
 * @since 0.1.0
 * @category models
 */
export const roleDescription: { readonly [R in RoleCode]: string } = {
  1: "Programmatore",
  2: "Attuatore",
  3: "Beneficiario",
  4: "Realizzatore"
}

/**
 * The separator of multiple values in one cell: `:::` (facts.md §5.1, confirmed).
 *
 * @since 0.1.0
 * @category models
 */
export const multiValueSeparator = ":::"

/**
 * The programming-period code of OpenCoesione (`OC_COD_CICLO`) for a programme starting in
 * `year`: 1 for 2007-2013, 2 for 2014-2020, 3 for 2021-2027 (facts.md §5.1, confirmed), with the
 * period as its description; `undefined` for any other year.
 *
 * @since 0.1.0
 * @category models
 */
export const cycle = (year: number): { readonly code: string; readonly description: string } | undefined =>
  year === 2007
    ? { code: "1", description: "2007-2013" }
    : year === 2014
      ? { code: "2", description: "2014-2020" }
      : year === 2021
        ? { code: "3", description: "2021-2027" }
        : undefined
