import { describe, expect, it } from "@effect/vitest"
import { type Calendar, Partnership, Reporting } from "@quartieri/core"
import { parse } from "csv-parse/sync"
import { Result, Schema } from "effect"
import { OpenCoesione, OpenCoesioneColumns, OpenCoesioneCsv } from "../src/index.js"
import { abitare, interpreti } from "./fixtures.js"

const updatedOn = "2024-06-30" as Calendar.CalendarDate
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const lines = (bytes: Uint8Array) => text(bytes).split("\n").slice(0, -1)

// Column names copied by hand from facts.md §5.1, in its order.
const progettiColumns = [
  "COD_LOCALE_PROGETTO",
  "CUP",
  "OC_TITOLO_PROGETTO",
  "OC_SINTESI_PROGETTO",
  "OC_LINK",
  "OC_COD_CICLO",
  "OC_DESCR_CICLO",
  "OC_TEMA_SINTETICO",
  "OC_COD_TEMA_SINTETICO",
  "OC_COD_FONTE",
  "OC_DESCR_FONTE",
  "FONDO_COMUNITARIO",
  "OC_CODICE_PROGRAMMA",
  "OC_DESCRIZIONE_PROGRAMMA",
  "OC_COD_ARTICOLAZ_PROGRAMMA",
  "OC_DESCR_ARTICOLAZ_PROGRAMMA",
  "OC_COD_SUBARTICOLAZ_PROGRAMMA",
  "OC_DESCR_SUBARTICOLAZ_PROGRAMMA",
  "COD_OB_TEMATICO",
  "COD_PRIORITA_INVEST",
  "COD_RISULTATO_ATTESO",
  "DESCR_RISULTATO_ATTESO",
  "OC_COD_CATEGORIA_SPESA",
  "OC_DESCR_CATEGORIA_SPESA",
  "COD_STRUMENTO",
  "DESCR_STRUMENTO",
  "DESCR_TIPO_STRUMENTO",
  "DATA_APPROV_STRUMENTO",
  "CUP_COD_NATURA",
  "CUP_DESCR_NATURA",
  "CUP_COD_TIPOLOGIA",
  "CUP_COD_SETTORE",
  "CUP_COD_SOTTOSETTORE",
  "CUP_COD_CATEGORIA",
  "COD_REGIONE",
  "DEN_REGIONE",
  "COD_PROVINCIA",
  "DEN_PROVINCIA",
  "COD_COMUNE",
  "DEN_COMUNE",
  "FINANZ_UE",
  "FINANZ_UE_FESR",
  "FINANZ_UE_FSE",
  "FINANZ_UE_FEASR",
  "FINANZ_UE_FEAMP",
  "FINANZ_UE_IOG",
  "FINANZ_STATO_FONDO_DI_ROTAZIONE",
  "FINANZ_STATO_FSC",
  "FINANZ_STATO_PAC",
  "FINANZ_STATO_COMPLETAMENTI",
  "FINANZ_STATO_ALTRI_PROVVEDIMENTI",
  "FINANZ_REGIONE",
  "FINANZ_PROVINCIA",
  "FINANZ_COMUNE",
  "FINANZ_RISORSE_LIBERATE",
  "FINANZ_ALTRO_PUBBLICO",
  "FINANZ_STATO_ESTERO",
  "FINANZ_PRIVATO",
  "FINANZ_DA_REPERIRE",
  "FINANZ_TOTALE_PUBBLICO",
  "ECONOMIE_TOTALI",
  "ECONOMIE_TOTALI_PUBBLICHE",
  "OC_FINANZ_UE_NETTO",
  "OC_FINANZ_TOT_PUB_NETTO",
  "COSTO_RENDICONTABILE_UE",
  "IMPEGNI",
  "TOT_PAGAMENTI",
  "OC_TOT_PAGAMENTI_RENDICONTAB_UE",
  "OC_COSTO_COESIONE",
  "OC_DATA_INIZIO_PROGETTO",
  "OC_DATA_FINE_PROGETTO_PREVISTA",
  "OC_DATA_FINE_PROGETTO_EFFETTIVA",
  "OC_STATO_PROGETTO",
  "OC_STATO_PROCEDURALE",
  "DESCR_PROCED_ATTIVAZIONE",
  "DESCR_TIPO_PROCED_ATTIVAZIONE",
  "DATA_PREVISTA_BANDO_PROC_ATTIV",
  "DATA_EFFETTIVA_BANDO_PROC_ATTIV",
  "DATA_PREVISTA_FINE_PROC_ATTIV",
  "DATA_EFFETTIVA_FINE_PROC_ATTIV",
  "DATA_AGGIORNAMENTO",
  "OC_FLAG_VISUALIZZAZIONE",
  "SOGGETTI_PROGRAMMATORI",
  "SOGGETTI_ATTUATORI",
  "AMBITI_TERRITORIALI",
  "TERRITORI"
]
const soggettiHeader =
  "COD_LOCALE_PROGETTO;SOGG_COD_RUOLO;SOGG_DESCR_RUOLO;SOGG_PROGR_RUOLO;OC_CODICE_FISCALE_SOGG;OC_DENOMINAZIONE_SOGG;COD_FORMA_GIURIDICA_SOGG;DESCR_FORMA_GIURIDICA_SOGG;COD_COMUNE_SEDE_SOGG;INDIRIZZO_SOGG;CAP_SOGG;COD_ATECO_SOGG;DESCRIZIONE_ATECO_SOGG;COD_ADDETTI_SOGG;DESCR_ADDETTI_SOGG;COD_DIMENSIONE_SOGG;DESCR_DIMENSIONE_SOGG;OC_COD_ENTE_BDAP;OC_COD_ENTE_IPA"
const localizzazioniHeader =
  "COD_LOCALE_PROGETTO;COD_REGIONE;DEN_REGIONE;COD_PROVINCIA;DEN_PROVINCIA;COD_COMUNE;DEN_COMUNE;INDIRIZZO_PROG;CAP_PROG;OC_TERRITORIO_PROG"
const indicatoriHeader =
  "COD_LOCALE_PROGETTO;TIPO_INDICATORE_DI_OUTPUT;COD_INDICATORE;VAL_PROGRAMMATO;VALORE_REALIZZATO;FLG_CANCELLAZIONE"

const filesOf = (options: OpenCoesione.Options = { updatedOn }) => OpenCoesioneCsv.files([interpreti], options)

describe("OpenCoesione column sets", () => {
  it("are exactly the columns of facts.md §5.1", () => {
    expect(OpenCoesioneColumns.progetti.map((c) => c.id)).toEqual(progettiColumns)
    expect(OpenCoesioneColumns.soggetti.map((c) => c.id).join(";")).toBe(soggettiHeader)
    expect(OpenCoesioneColumns.localizzazioni.map((c) => c.id).join(";")).toBe(localizzazioniHeader)
    expect(OpenCoesioneColumns.indicatori.map((c) => c.id).join(";")).toBe(indicatoriHeader)
  })

  it("writes the column names as the header of each file", async () => {
    const f = await filesOf()
    expect(lines(f["progetti.csv"])[0]).toBe(progettiColumns.join(";"))
    expect(lines(f["soggetti.csv"])[0]).toBe(soggettiHeader)
    expect(lines(f["localizzazioni.csv"])[0]).toBe(localizzazioniHeader)
    expect(lines(f["indicatori.csv"])[0]).toBe(indicatoriHeader)
  })
})

describe("IntERPreti di cambiamento (seed 000), by hand", () => {
  it("progetti: the known values, and every other cell empty", async () => {
    const f = await filesOf()
    const [record] = parse(text(f["progetti.csv"]), { delimiter: ";", columns: true }) as Array<Record<string, string>>
    const expected: Record<string, string> = {
      COD_LOCALE_PROGETTO: "interpreti-di-cambiamento",
      OC_TITOLO_PROGETTO: "IntERPreti di cambiamento",
      OC_COD_CICLO: "2",
      OC_DESCR_CICLO: "2014-2020",
      FONDO_COMUNITARIO: "FSE",
      OC_CODICE_PROGRAMMA: "2014IT05SFOP007",
      OC_DESCRIZIONE_PROGRAMMA: "POR FSE 2014-2020 Regione Lombardia",
      OC_COD_ARTICOLAZ_PROGRAMMA: "II",
      OC_DESCR_ARTICOLAZ_PROGRAMMA: "Inclusione sociale e lotta alla povertà",
      OC_COD_SUBARTICOLAZ_PROGRAMMA: "9.4.2:::9.1.3",
      OC_DESCR_SUBARTICOLAZ_PROGRAMMA:
        "Servizi di promozione e accompagnamento all'abitare assistito nell'ambito della sperimentazione di modelli innovativi sociali e abitativi…:::Sostegno a persone in condizione di temporanea difficoltà economica…",
      DEN_REGIONE: "Lombardia",
      COD_PROVINCIA: "019",
      COD_COMUNE: "019081:::019035",
      DEN_COMUNE: "Ripalta Cremasca:::Crema",
      // € 20.000 of the Comune di Crema; no private or other public money; € 229.989,54 public in all
      FINANZ_COMUNE: "20000,00",
      FINANZ_ALTRO_PUBBLICO: "0,00",
      FINANZ_PRIVATO: "0,00",
      FINANZ_TOTALE_PUBBLICO: "229989,54",
      OC_DATA_INIZIO_PROGETTO: "20190101",
      OC_DATA_FINE_PROGETTO_PREVISTA: "20200516",
      DESCR_PROCED_ATTIVAZIONE:
        "Avviso pubblico per il finanziamento di progetti per la gestione sociale dei quartieri di edilizia pubblica in Lombardia (2017)",
      DATA_AGGIORNAMENTO: "20240630",
      OC_FLAG_VISUALIZZAZIONE: "0",
      SOGGETTI_PROGRAMMATORI: "Regione Lombardia",
      SOGGETTI_ATTUATORI: "Comune di Ripalta Cremasca"
    }
    expect(Object.keys(record ?? {})).toEqual(progettiColumns)
    for (const column of progettiColumns) expect([column, record?.[column]]).toEqual([column, expected[column] ?? ""])
  })

  it("progetti: no CUP gives an empty CUP, the FSE split stays empty without the programme's shares", async () => {
    const f = await filesOf()
    const [record] = parse(text(f["progetti.csv"]), { delimiter: ";", columns: true }) as Array<Record<string, string>>
    expect(record?.["CUP"]).toBe("")
    expect([
      record?.["FINANZ_UE_FSE"],
      record?.["FINANZ_STATO_FONDO_DI_ROTAZIONE"],
      record?.["FINANZ_REGIONE"]
    ]).toEqual(["", "", ""])
  })

  it("progetti: with shares 50/35/15 the grant of € 209.989,54 splits by largest remainder", async () => {
    // 20 998 954 cents: 50 % = 10 499 477; 35 % = 7 349 633,9; 15 % = 3 149 843,1 → the spare cent to the State
    const f = await filesOf({ updatedOn, fseShares: { eu: 50, state: 35, region: 15 } })
    const [record] = parse(text(f["progetti.csv"]), { delimiter: ";", columns: true }) as Array<Record<string, string>>
    expect(record?.["FINANZ_UE_FSE"]).toBe("104994,77")
    expect(record?.["FINANZ_UE"]).toBe("104994,77")
    expect(record?.["FINANZ_STATO_FONDO_DI_ROTAZIONE"]).toBe("73496,34")
    expect(record?.["FINANZ_REGIONE"]).toBe("31498,43")
  })

  it("soggetti: one row per subject and role, written exactly so", async () => {
    const f = await filesOf()
    const rest = ";;;;;;;;;;"
    expect(lines(f["soggetti.csv"]).slice(1)).toEqual([
      `interpreti-di-cambiamento;1;Programmatore;1;;Regione Lombardia;;;${rest}`,
      `interpreti-di-cambiamento;2;Attuatore;1;00301970190;Comune di Ripalta Cremasca;;;019081${rest}`,
      `interpreti-di-cambiamento;3;Beneficiario;1;00301970190;Comune di Ripalta Cremasca;;;019081${rest}`,
      `interpreti-di-cambiamento;4;Realizzatore;1;;Comune di Crema;;;019035${rest}`,
      `interpreti-di-cambiamento;4;Realizzatore;2;;ALER Brescia-Cremona-Mantova;;;${rest}`,
      `interpreti-di-cambiamento;4;Realizzatore;3;;Acli;;;${rest}`,
      `interpreti-di-cambiamento;4;Realizzatore;4;;Cooperativa Koala;;;${rest}`,
      `interpreti-di-cambiamento;4;Realizzatore;5;;Consorzio Mestieri;;;${rest}`,
      `interpreti-di-cambiamento;4;Realizzatore;6;;Cooperativa ABCittà;;;${rest}`
    ])
  })

  it("localizzazioni and indicatori, written exactly so", async () => {
    const f = await filesOf()
    expect(lines(f["localizzazioni.csv"]).slice(1)).toEqual([
      "interpreti-di-cambiamento;;Lombardia;019;;019081;Ripalta Cremasca;via XXIV Maggio;;",
      "interpreti-di-cambiamento;;Lombardia;019;;019035;Crema;;;"
    ])
    expect(lines(f["indicatori.csv"]).slice(1)).toEqual([
      "interpreti-di-cambiamento;;personalised-pathways;28;;",
      "interpreti-di-cambiamento;;laboratori-sociali;4;;"
    ])
  })

  it("a decimal point and Windows line ends on request", async () => {
    const f = await OpenCoesioneCsv.files(
      [interpreti],
      { updatedOn },
      { decimalSeparator: ".", recordDelimiter: "\r\n" }
    )
    const body = text(f["progetti.csv"])
    expect(body.endsWith("\r\n")).toBe(true)
    expect(body).toContain(";229989.54;")
  })
})

describe("roles", () => {
  const member = (role: Partnership.Role) =>
    Schema.decodeUnknownSync(Partnership.Member)({
      role,
      organisation: { id: `o-${role}`, name: `Org ${role}`, kind: "CooperativaSociale" }
    })

  it.each([
    ["capofila", [2, 3]],
    ["partner", [4]],
    ["associate", []]
  ] as const)("a %s is %j", (role, codes) => {
    expect(OpenCoesione.roles(member(role))).toEqual(codes)
  })

  it("the descriptions of the codes", () => {
    expect(OpenCoesioneColumns.roleDescription).toEqual({
      1: "Programmatore",
      2: "Attuatore",
      3: "Beneficiario",
      4: "Realizzatore"
    })
  })

  it("an associate is not a subject; the capofila holds two roles", () => {
    const project = {
      ...interpreti.project,
      partnership: { members: [member("capofila"), member("partner"), member("associate")] }
    }
    expect(OpenCoesione.subjects(project).map((s) => [s.role, s.progressive, s.party.name])).toEqual([
      [1, 1, "Regione Lombardia"],
      [2, 1, "Org capofila"],
      [3, 1, "Org capofila"],
      [4, 1, "Org partner"]
    ])
  })
})

describe("what is not known stays empty", () => {
  it("Abitare la Comunità (no budget, no codice fiscale, no targets): empty financing, CF and indicators", async () => {
    const f = await OpenCoesioneCsv.files([abitare], { updatedOn })
    const [record] = parse(text(f["progetti.csv"]), { delimiter: ";", columns: true }) as Array<Record<string, string>>
    for (const c of progettiColumns.filter((c) => c.startsWith("FINANZ_"))) expect([c, record?.[c]]).toEqual([c, ""])
    expect(record?.["OC_DATA_FINE_PROGETTO_PREVISTA"]).toBe("20200831")
    expect(record?.["DEN_COMUNE"]).toBe("Cremona")
    const soggetti = parse(text(f["soggetti.csv"]), { delimiter: ";", columns: true }) as Array<Record<string, string>>
    expect(soggetti.every((s) => s["OC_CODICE_FISCALE_SOGG"] === "")).toBe(true)
    expect(lines(f["indicatori.csv"])).toEqual([indicatoriHeader])
  })

  it("a location without a known name leaves DEN_COMUNE empty in progetti", async () => {
    const record = { ...interpreti, locations: [{ comune: "012345" as never }, ...(interpreti.locations ?? [])] }
    const f = await OpenCoesioneCsv.files([record], { updatedOn })
    const [row] = parse(text(f["progetti.csv"]), { delimiter: ";", columns: true }) as Array<Record<string, string>>
    expect(row?.["COD_COMUNE"]).toBe("012345:::019081:::019035")
    expect(row?.["DEN_COMUNE"]).toBe("")
  })
})

describe("errors", () => {
  it("two records with one local code are refused", () => {
    const r = OpenCoesione.tables([interpreti, interpreti], { updatedOn })
    expect(Result.isFailure(r) && r.failure.reason).toBe("InvalidData")
    expect(Result.isFailure(r) && r.failure.message).toContain(
      'two projects have the local code "interpreti-di-cambiamento"'
    )
  })

  it("a value holding ::: is refused rather than split", () => {
    const r = OpenCoesione.tables(
      [{ ...interpreti, locations: [{ comune: "019035" as never, comuneName: "a:::b" }] }],
      {
        updatedOn
      }
    )
    expect(Result.isFailure(r) && r.failure.message).toContain("multi-value separator")
  })

  it("a dataset of several tables needs options.table", async () => {
    const t = OpenCoesione.tables([interpreti], { updatedOn })
    if (Result.isFailure(t)) throw t.failure
    const dataset = { tables: [t.success.progetti, t.success.soggetti], profile: "published" as const }
    await expect(OpenCoesioneCsv.toBytes(dataset)).rejects.toMatchObject({ reason: "InvalidData" })
    const bytes = await OpenCoesioneCsv.toBytes(dataset, { table: "opencoesione.soggetti" })
    expect(lines(bytes)[0]).toBe(soggettiHeader)
  })

  it("the published profile refuses a personal column", async () => {
    const table = Reporting.Table.makeUnsafe({
      id: "persons",
      title: { it: "Persone", en: "Persons" },
      columns: [Reporting.Table.dimension("cf", { it: "CF", en: "CF" }, "code", "personal")],
      rows: [{ cf: "RSSMRA80A01H501U" }],
      notes: []
    })
    await expect(OpenCoesioneCsv.toBytes({ tables: [table], profile: "published" })).rejects.toMatchObject({
      reason: "PersonalDataRefused"
    })
  })

  it("a date cell that is not ISO names its table, column and row", async () => {
    const table = Reporting.Table.makeUnsafe({
      id: "dates",
      title: { it: "Date", en: "Dates" },
      columns: [Reporting.Table.dimension("d", { it: "Data", en: "Date" }, "date")],
      rows: [{ d: "2019-01-01" }, { d: "01/02/2019" }],
      notes: []
    })
    await expect(OpenCoesioneCsv.toBytes({ tables: [table], profile: "published" })).rejects.toMatchObject({
      reason: "InvalidData",
      table: "dates",
      column: "d",
      row: 1
    })
  })
})

describe("cells", () => {
  it.each([
    [0, "0,00"],
    [5, "0,05"],
    [100, "1,00"],
    [22_998_954, "229989,54"],
    [-1_234, "-12,34"]
  ])("%i cents is %s", (cents, expected) => {
    expect(OpenCoesioneCsv.formatAmount(cents)).toBe(expected)
  })

  it("dates as YYYYMMDD, suppressed cells empty, rates as percentages", () => {
    const date = Reporting.Table.dimension("d", { it: "", en: "" }, "date")
    const count = Reporting.Table.measure("n", { it: "", en: "" }, "count")
    const rate = Reporting.Table.measure("r", { it: "", en: "" }, "basis-points")
    expect(OpenCoesioneCsv.formatCell(date, "2020-05-16")).toEqual(Result.succeed("20200516"))
    expect(OpenCoesioneCsv.formatCell(count, Reporting.Table.suppressedMark)).toEqual(Result.succeed(""))
    expect(OpenCoesioneCsv.formatCell(count, null)).toEqual(Result.succeed(""))
    expect(OpenCoesioneCsv.formatCell(rate, 870)).toEqual(Result.succeed("8,70"))
  })
})
