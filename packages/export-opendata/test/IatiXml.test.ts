import { describe, expect, it } from "@effect/vitest"
import { Budget, type Calendar, CodiceFiscale, Money } from "@quartieri/core"
import { SeedProjects } from "@quartieri/testing"
import { Effect, Result, Stream } from "effect"
import { IatiActivity, IatiXml, ProjectRecord } from "../src/index.js"
import { abitare, interpreti } from "./fixtures.js"
import { onCi, xmllint, xmllintInstalled } from "./tools.js"

const updatedOn = "2024-06-30" as Calendar.CalendarDate
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const xpath = (bytes: Uint8Array, expression: string) => xmllint(bytes, "--xpath", expression).stdout

// A synthetic publisher for Abitare la Comunità, whose capofila's codice fiscale is not in the
// seeds: 12345678903 is a made-up number with a valid check digit (it names nobody).
const syntheticCf = CodiceFiscale.OrganisationCode.make("12345678903")

describe("xmllint", () => {
  it("is installed (required under CI=true)", () => {
    if (onCi) expect(xmllintInstalled, "xmllint (Debian libxml2-utils) is required in CI").toBe(true)
  })
})

describe.skipIf(!xmllintInstalled)("IATI XML of the seed projects is well-formed", () => {
  it("IntERPreti di cambiamento", async () => {
    const bytes = await IatiXml.toBytes([interpreti], { updatedOn })
    const r = xmllint(bytes, "--noout")
    expect(r.stderr).toBe("")
    expect(r.status).toBe(0)
  })

  it("Abitare la Comunità, published by a synthetic reporting organisation", async () => {
    const bytes = await IatiXml.toBytes([abitare], {
      updatedOn,
      reportingOrg: { name: "Comune di Cremona", kind: "Comune", fiscalCode: syntheticCf }
    })
    expect(xmllint(bytes, "--noout").status).toBe(0)
  })

  it("both in one document, streamed one activity at a time", async () => {
    const chunks = await Effect.runPromise(
      Stream.runCollect(
        IatiXml.stream([
          Result.getOrThrow(IatiActivity.activity(interpreti, { updatedOn })),
          Result.getOrThrow(
            IatiActivity.activity(abitare, {
              updatedOn,
              reportingOrg: { name: "Comune di Cremona", kind: "Comune", fiscalCode: syntheticCf }
            })
          )
        ])
      )
    )
    // declaration, first activity (with the root's opening tag), second activity, end of the root
    expect(chunks.length).toBe(4)
    const bytes = new TextEncoder().encode(chunks.map(text).join(""))
    expect(xmllint(bytes, "--noout").status).toBe(0)
    expect(xpath(bytes, "count(//iati-activity)")).toBe("2\n")
  })
})

const interpretiDocument = IatiXml.toBytes([interpreti], { updatedOn })

describe.skipIf(!xmllintInstalled)("IntERPreti di cambiamento as an IATI activity, by hand", () => {
  it("root, identifier, reporting organisation", async () => {
    const bytes = await interpretiDocument
    const xml = text(bytes)
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">')).toBe(true)
    expect(xpath(bytes, "string(/iati-activities/@version)")).toBe("2.03\n")
    expect(xpath(bytes, "string(//iati-identifier)")).toBe("IT-CF-00301970190-interpreti-di-cambiamento\n")
    expect(xml).toContain(
      [
        '    <reporting-org ref="IT-CF-00301970190" type="11">',
        "      <narrative>Comune di Ripalta Cremasca</narrative>",
        "    </reporting-org>"
      ].join("\n")
    )
    expect(xml).toContain(
      '<iati-activity last-updated-datetime="2024-06-30T00:00:00Z" xml:lang="it" default-currency="EUR">'
    )
  })

  it("title and descriptions in Italian and English", async () => {
    const bytes = await interpretiDocument
    expect(xpath(bytes, "string(//title/narrative[1])")).toBe("IntERPreti di cambiamento\n")
    expect(xpath(bytes, "string(//title/narrative[@xml:lang='en'])")).toBe("IntERPreti di cambiamento\n")
    expect(xpath(bytes, "string(//description[@type='1']/narrative[1])")).toBe(
      "Progetto «IntERPreti di cambiamento» finanziato dal POR FSE 2014-2020 Regione Lombardia, Asse II, nell'ambito dell'Avviso pubblico per il finanziamento di progetti per la gestione sociale dei quartieri di edilizia pubblica in Lombardia (2017). Sottoprogetti: Laboratorio sociale, azione 9.4.2; Inclusione attiva, azione 9.1.3. Capofila: Comune di Ripalta Cremasca.\n"
    )
    expect(xpath(bytes, "string(//description[@type='2']/narrative[@xml:lang='en'])")).toBe(
      "Declared targets: 28 personalised pathways and 4 social laboratories opened.\n"
    )
  })

  it("participating organisations: roles 1–4, IT-CF refs only where the codice fiscale is known", async () => {
    const bytes = await interpretiDocument
    const xml = text(bytes)
    const org = (attrs: string, name: string) =>
      [`    <participating-org ${attrs}>`, `      <narrative>${name}</narrative>`, "    </participating-org>"].join(
        "\n"
      )
    expect(xml).toContain(
      [
        org('type="11" role="1"', "Regione Lombardia"),
        org('type="11" role="1"', "Comune di Crema"),
        org('ref="IT-CF-00301970190" type="11" role="2"', "Comune di Ripalta Cremasca"),
        org('type="11" role="3"', "Regione Lombardia"),
        org('type="11" role="4"', "Comune di Crema"),
        org('type="15" role="4"', "ALER Brescia-Cremona-Mantova"),
        org('type="22" role="4"', "Acli"),
        org('type="22" role="4"', "Cooperativa Koala"),
        org('type="22" role="4"', "Consorzio Mestieri"),
        org('type="22" role="4"', "Cooperativa ABCittà")
      ].join("\n")
    )
    expect(xpath(bytes, "count(//participating-org[@ref])")).toBe("1\n")
  })

  it("status, dates, country and budget", async () => {
    const bytes = await interpretiDocument
    const xml = text(bytes)
    expect(xml).toContain(
      [
        '    <activity-status code="2"/>',
        '    <activity-date type="1" iso-date="2019-01-01"/>',
        '    <activity-date type="2" iso-date="2019-01-01"/>',
        '    <activity-date type="3" iso-date="2020-05-16"/>',
        '    <recipient-country code="IT" percentage="100"/>',
        '    <budget type="1" status="2">',
        '      <period-start iso-date="2019-01-01"/>',
        '      <period-end iso-date="2020-05-16"/>',
        '      <value currency="EUR" value-date="2019-01-01">229989.54</value>',
        "    </budget>"
      ].join("\n")
    )
    expect(xpath(bytes, "count(//transaction)")).toBe("0\n")
  })

  it("results: the declared targets, with no actual where none is known", async () => {
    const bytes = await interpretiDocument
    expect(xpath(bytes, "count(//result)")).toBe("1\n")
    expect(xpath(bytes, "string(//result/@type)")).toBe("1\n")
    expect(xpath(bytes, "string(//indicator[1]/period/target/@value)")).toBe("28\n")
    expect(xpath(bytes, "string(//indicator[2]/period/target/@value)")).toBe("4\n")
    expect(xpath(bytes, "count(//actual)")).toBe("0\n")
    expect(xpath(bytes, "count(//indicator/reference)")).toBe("0\n")
  })
})

describe.skipIf(!xmllintInstalled)("transactions and ESF indicators", () => {
  const withMore: ProjectRecord.ProjectRecord = {
    ...interpreti,
    transactions: [
      ...ProjectRecord.transactionsFromExpenditures([
        {
          id: "e2" as never,
          line: "l1" as never,
          date: "2019-06-30" as Calendar.CalendarDate,
          amount: Money.NonNegativeCents.make(150_000),
          description: "Affitto locali & utenze <sportello>",
          documentRef: "F-2"
        },
        {
          id: "e1" as never,
          line: "l1" as never,
          date: "2019-03-31" as Calendar.CalendarDate,
          amount: Money.NonNegativeCents.make(98_765),
          description: "Materiali",
          documentRef: "F-1"
        }
      ]),
      {
        kind: "incoming-funds",
        date: "2019-02-15" as Calendar.CalendarDate,
        amount: Money.Cents.make(5_000_000),
        provider: { name: "Regione Lombardia", kind: "Regione" }
      }
    ],
    indicators: [
      ...(interpreti.indicators ?? []),
      { code: "CO01", label: { it: "Disoccupati", en: "Unemployed" }, kind: "common", actual: 7 },
      {
        code: "CR01",
        label: { it: "Inattivi in cerca", en: "Inactive now searching" },
        kind: "common",
        resultType: "outcome"
      }
    ]
  }

  it("transactions carry their codelist type, date and value; text is escaped", async () => {
    const bytes = await IatiXml.toBytes([withMore], { updatedOn })
    expect(xmllint(bytes, "--noout").status).toBe(0)
    expect(xpath(bytes, "count(//transaction)")).toBe("3\n")
    // expenditures in date order, then the incoming funds
    expect(xpath(bytes, "string(//transaction[1]/transaction-type/@code)")).toBe("4\n")
    expect(xpath(bytes, "string(//transaction[1]/value)")).toBe("987.65\n")
    expect(xpath(bytes, "string(//transaction[2]/description/narrative)")).toBe("Affitto locali & utenze <sportello>\n")
    expect(xpath(bytes, "string(//transaction[3]/transaction-type/@code)")).toBe("1\n")
    expect(xpath(bytes, "string(//transaction[3]/provider-org/narrative)")).toBe("Regione Lombardia\n")
    expect(text(bytes)).toContain("Affitto locali &amp; utenze &lt;sportello&gt;")
  })

  it("ESF codes in reference with vocabulary 99; outcomes apart", async () => {
    const bytes = await IatiXml.toBytes([withMore], { updatedOn })
    expect(xpath(bytes, "count(//result)")).toBe("3\n")
    expect(xpath(bytes, "string(//reference[@code='CO01']/@vocabulary)")).toBe("99\n")
    expect(xpath(bytes, "string(//result[indicator/reference/@code='CO01']/@type)")).toBe("1\n")
    expect(xpath(bytes, "string(//result[indicator/reference/@code='CR01']/@type)")).toBe("2\n")
    expect(xpath(bytes, "string(//indicator[reference/@code='CO01']/period/actual/@value)")).toBe("7\n")
    // CR01 has no value: no period at all
    expect(xpath(bytes, "count(//indicator[reference/@code='CR01']/period)")).toBe("0\n")
  })
})

describe("identifiers are never made up", () => {
  it("a reporting organisation without a codice fiscale cannot publish", () => {
    const r = IatiActivity.activity(abitare, { updatedOn })
    expect(Result.isFailure(r) && r.failure.reason).toBe("InvalidData")
    expect(Result.isFailure(r) && r.failure.message).toContain("has no codice fiscale")
  })

  it("an explicit identifier must be a valid one", () => {
    const r = IatiActivity.activity(interpreti, { updatedOn, identifier: "IT-CF-00301970190/x y" })
    expect(Result.isFailure(r) && r.failure.message).toContain("contains a space or one of")
  })

  it("the IT-CF prefix", () => {
    expect(IatiActivity.organisationIdentifier("00301970190")).toBe("IT-CF-00301970190")
  })

  it("the seed's IntERPreti record is the one the seed data describe", () => {
    expect(interpreti.project.id).toBe(SeedProjects.interpreti.id)
    expect(Result.isSuccess(Budget.resolve(interpreti.budget ?? { lines: [], funding: [] }))).toBe(true)
  })
})

describe("status codes", () => {
  it.each([
    ["submitted", 1],
    ["funded", 1],
    ["started", 2],
    ["closing", 3],
    ["closed", 4],
    ["revoked", 5],
    ["withdrawn", 5]
  ] as const)("%s is ActivityStatus %i", (status, code) => {
    expect(IatiActivity.activityStatus[status]).toBe(code)
  })

  it("an activity not yet funded has an indicative budget and no actual start", () => {
    const record = {
      ...interpreti,
      project: { ...interpreti.project, status: { status: "admitted", since: "2018-05-23" } }
    }
    const a = Result.getOrThrow(IatiActivity.activity(record as ProjectRecord.ProjectRecord, { updatedOn }))
    expect(a.budgets.map((b) => b.status)).toEqual([1])
    expect(a.dates.map((d) => d.type)).toEqual([1, 3])
  })
})

describe("values", () => {
  it.each([
    [0, "0.00"],
    [7, "0.07"],
    [22_998_954, "229989.54"],
    [-150, "-1.50"]
  ])("%i cents is %s", (cents, expected) => {
    expect(IatiXml.formatValue(cents)).toBe(expected)
  })

  it("characters XML 1.0 cannot hold become U+FFFD", () => {
    expect(IatiXml.xmlText("a\u0001b\uFFFEc\uD800d\tе😀")).toBe("a\uFFFDb\uFFFDc\uFFFDd\tе😀")
  })
})
