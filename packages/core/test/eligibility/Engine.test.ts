/// <reference types="node" />
/**
 * Table tests of the engine on small illustrative rule sets (not law): Kleene truth tables,
 * exceptions (`unless`), custom leaves over dates, hints of every kind, input errors, the
 * input hash and batch evaluation. SAP access has its own table in sap-access.cases.json.
 */
import { createHash } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Result, Stream } from "effect"
import { Calendar, Eligibility, Parameter } from "../../src/index.js"

const { Batch, Bilingual, Bound, Engine, Fact, InputHash, Predicate, Rule, RuleSet, Trace, Truth } = Eligibility
const t = Bilingual.make
const d = Calendar.unsafeMake
const src = { act: "regola illustrativa dei test", confidence: "unverified" } as const

// An illustrative arrears fund: ISEE ≤ € 26.000,00 and a lease of at least 12 months, unless
// the lease is an SAP lease. Not the real DL 102/2013 rule set, which comes later.
const isee = Fact.cents({
  id: "isee",
  label: t("ISEE", "ISEE"),
  phrase: t("ISEE del nucleo familiare", "the household's ISEE")
})
const sapLease = Fact.boolean({
  id: "sapLease",
  label: t("contratto SAP", "SAP lease"),
  phrase: t("se la locazione è di un alloggio SAP", "whether the lease is an SAP lease"),
  statements: {
    true: t("ha un contratto SAP", "has an SAP lease"),
    false: t("non ha un contratto SAP", "has no SAP lease")
  }
})
const leaseStart = Fact.date({
  id: "leaseStart",
  label: t("data di inizio della locazione", "lease start"),
  phrase: t("data di inizio della locazione", "the lease start date")
})
const ceiling = Parameter.constant<number>(
  { id: "test.isee-ceiling", title: t("Soglia ISEE", "ISEE ceiling"), unit: "cents", source: src },
  d("2013-10-31"),
  2_600_000
)

const leaseLongEnough = Rule.leaf({
  id: "fund.lease",
  title: t("Locazione da almeno 12 mesi", "Lease of at least 12 months"),
  source: src,
  facts: { start: leaseStart },
  holds: ({ facts, asOf }) => Calendar.wholeMonthsBetween(facts.start, asOf) >= 12,
  describe: ({ facts, asOf }) => {
    const months = Calendar.wholeMonthsBetween(facts.start, asOf)
    return t(`locazione iniziata da ${months} mesi`, `lease started ${months} months ago`)
  },
  counterfactual: ({ asOf }, desired) => {
    if (!desired) return undefined
    const latest = Calendar.addMonths(asOf, -12)
    return {
      fact: leaseStart,
      relation: "<=",
      value: latest,
      witness: latest,
      phrase: t(`con locazione iniziata entro il ${latest}`, `with a lease started by ${latest}`)
    }
  }
})

const fund = RuleSet.make({
  id: "test-fund",
  version: "1",
  title: t("Fondo illustrativo", "Illustrative fund"),
  source: src,
  facts: [isee, sapLease, leaseStart],
  parameters: [ceiling],
  rule: Rule.unless(
    { id: "fund", title: t("Fondo", "Fund"), source: src },
    Rule.all({ id: "fund.requirements", title: t("Requisiti", "Requirements"), source: src }, [
      Predicate.compare({
        id: "fund.isee",
        title: t("Soglia ISEE", "ISEE ceiling"),
        source: src,
        fact: isee,
        relation: "<=",
        bound: Bound.parameter(ceiling, t("alla soglia di", "the ceiling of"))
      }),
      leaseLongEnough
    ]),
    Predicate.is({
      id: "fund.sap-lease",
      title: t("Locazione SAP", "SAP lease"),
      source: src,
      fact: sapLease,
      value: true
    })
  )
})

const ok = { isee: 2_000_000, sapLease: false, leaseStart: "2023-01-01" }
const evaluate = (facts: Record<string, unknown>, asOf = "2024-06-30") =>
  Result.getOrThrow(Engine.evaluate(fund, { asOf, facts }))

describe("Truth (Kleene)", () => {
  // rows: left operand; columns: right operand, in the order true, false, unknown
  const values = ["true", "false", "unknown"] as const
  const and = [
    ["true", "false", "unknown"],
    ["false", "false", "false"],
    ["unknown", "false", "unknown"]
  ]
  const or = [
    ["true", "true", "true"],
    ["true", "false", "unknown"],
    ["true", "unknown", "unknown"]
  ]
  it("and, or and not follow the truth tables", () => {
    values.forEach((a, i) => {
      values.forEach((b, j) => {
        expect(Truth.and([a, b])).toBe(and[i]?.[j])
        expect(Truth.or([a, b])).toBe(or[i]?.[j])
      })
    })
    expect(values.map(Truth.not)).toEqual(["false", "true", "unknown"])
    expect([Truth.and([]), Truth.or([])]).toEqual(["true", "false"])
  })
})

describe("Engine: exceptions, custom leaves, hints", () => {
  it("the general rule holds and the exception does not: eligible", () => {
    const dec = evaluate(ok)
    expect(dec.outcome).toBe("eligible")
    expect(dec.explanation.it).toContain("locazione iniziata da 17 mesi")
    expect(dec.explanation.it).toContain("non ha un contratto SAP")
  })

  it("the exception holds: ineligible, and the hint is to be outside the exception", () => {
    const dec = evaluate({ ...ok, sapLease: true })
    expect(dec.outcome).toBe("ineligible")
    expect(dec.explanation.it).toBe(
      "Non idoneo: ha un contratto SAP (regola illustrativa dei test (non verificato)). Esito basato anche su fonti non verificate."
    )
    expect(dec.hints).toEqual([
      {
        _tag: "Requirement",
        rule: "fund.sap-lease",
        desired: false,
        fact: "sapLease",
        relation: "not-in",
        value: [true],
        witness: false,
        sufficient: true,
        text: { it: "idoneo se non ha un contratto SAP", en: "eligible if has no SAP lease" }
      }
    ])
  })

  it("the exception holds and the ISEE is missing: ineligible all the same, nothing missing", () => {
    const dec = evaluate({ sapLease: true, leaseStart: "2023-01-01" })
    expect([dec.outcome, dec.missing]).toEqual(["ineligible", []])
  })

  it("the exception is unknown: undetermined, asking for it alone", () => {
    const dec = evaluate({ isee: 2_000_000, leaseStart: "2023-01-01" })
    expect([dec.outcome, dec.missing]).toEqual(["undetermined", ["sapLease"]])
  })

  it("a missing date: 'manca: data di inizio della locazione'", () => {
    const dec = evaluate({ isee: 2_000_000, sapLease: false })
    expect(dec.missing).toEqual(["leaseStart"])
    expect(dec.hints).toEqual([
      {
        _tag: "Missing",
        fact: "leaseStart",
        rules: ["fund.lease"],
        text: { it: "manca: data di inizio della locazione", en: "missing: the lease start date" }
      }
    ])
    expect(dec.explanation.it).toContain(
      "Non determinabile: Locazione da almeno 12 mesi: manca data di inizio della locazione"
    )
  })

  it("a lease exactly 12 months old on the asOf date counts; one day less does not", () => {
    expect(evaluate({ ...ok, leaseStart: "2023-06-30" }).outcome).toBe("eligible")
    const short = evaluate({ ...ok, leaseStart: "2023-07-01" })
    expect(short.outcome).toBe("ineligible")
    expect(short.explanation.it).toContain("locazione iniziata da 11 mesi")
  })

  it("a custom leaf's counterfactual is a hint that can be applied", () => {
    const dec = evaluate({ ...ok, leaseStart: "2024-01-01" })
    const [hint] = dec.hints
    expect(hint).toMatchObject({
      _tag: "Requirement",
      fact: "leaseStart",
      relation: "<=",
      witness: "2023-06-30",
      sufficient: true
    })
    if (hint?._tag !== "Requirement") throw new Error("expected a requirement")
    expect(hint.text.it).toBe("idoneo con locazione iniziata entro il 2023-06-30")
    expect(evaluate(Eligibility.Hint.apply({ ...ok, leaseStart: "2024-01-01" }, hint)).outcome).toBe("eligible")
  })

  it("a failing custom leaf without a counterfactual gives an 'Unmet' hint", () => {
    const plain = RuleSet.make({
      ...fund,
      id: "test-plain",
      facts: [leaseStart],
      parameters: [],
      rule: Rule.leaf({
        id: "plain.lease",
        title: t("Locazione iniziata prima del 2020", "Lease started before 2020"),
        source: src,
        facts: { start: leaseStart },
        holds: ({ facts }) => facts.start < "2020-01-01",
        describe: ({ facts }) => t(`locazione iniziata il ${facts.start}`, `lease started on ${facts.start}`)
      })
    })
    const dec = Result.getOrThrow(Engine.evaluate(plain, { asOf: "2024-06-30", facts: { leaseStart: "2021-05-01" } }))
    expect(dec.hints).toEqual([
      {
        _tag: "Unmet",
        rule: "plain.lease",
        desired: true,
        text: {
          it: "«Locazione iniziata prima del 2020» dovrebbe essere soddisfatto; nessun singolo dato basta a cambiarlo",
          en: "«Lease started before 2020» would have to be met; no single fact can change it"
        }
      }
    ])
  })

  it("records every parameter used with its effective date and source", () => {
    expect(evaluate(ok).parameters).toEqual([
      { id: "test.isee-ceiling", value: 2_600_000, from: "2013-10-31", source: src }
    ])
  })

  it("the trace has a node per rule, in rule order", () => {
    expect(Trace.nodes(evaluate(ok).trace).map((n) => [n.rule, n.kind, n.truth])).toEqual([
      ["fund", "unless", "true"],
      ["fund.requirements", "all", "true"],
      ["fund.isee", "leaf", "true"],
      ["fund.lease", "leaf", "true"],
      ["fund.sap-lease", "leaf", "false"]
    ])
  })
})

describe("Engine: bad input", () => {
  it("reports every problem, with its path, and never throws", () => {
    const r = Engine.evaluate(fund, {
      asOf: "2024-13-01",
      facts: { isee: "12000", sapLease: "no", leaseStart: "2023-02-30", other: 1 }
    })
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isSuccess(r)) return
    expect(r.failure.problems.map((p) => p.path)).toEqual([
      "asOf",
      "facts.other",
      "facts.isee",
      "facts.sapLease",
      "facts.leaseStart"
    ])
    expect(r.failure.message).toContain("month 13 does not exist")
    expect(r.failure.message).toContain("2023-02-30 does not exist")
  })

  it("refuses what is not a record of facts", () => {
    for (const facts of [null, [], "isee"]) {
      const r = Engine.evaluate(fund, { asOf: "2024-06-30", facts: facts as never })
      expect(Result.isFailure(r) && r.failure.problems[0]?.path).toBe("facts")
    }
  })

  it("refuses a date before the parameters are in force", () => {
    const r = Engine.evaluate(fund, { asOf: "2013-10-30", facts: ok })
    expect(Result.isFailure(r) && r.failure.problems).toEqual([
      {
        path: "asOf",
        message:
          "test-fund cannot be evaluated on 2013-10-30, before its parameters are in force: test.isee-ceiling from 2013-10-31"
      }
    ])
  })
})

describe("Fact: exact decimals", () => {
  const pse = Fact.thousandths({ id: "pse", label: t("PSE", "PSE"), phrase: t("PSE", "PSE"), min: 1000 })
  it.each([
    ["1.57", 1570],
    ["1,57", 1570],
    ["2", 2000],
    ["1.575", 1575],
    ["1.5", 1500]
  ])("%s reads as %i thousandths", (text, n) => {
    expect(Result.getOrThrow(Fact.decodeInput([pse], { pse: text })).values.get("pse")).toBe(n)
  })
  it.each([["1.5755"], ["abc"], ["0.99"], [""]])("%s is refused", (text) => {
    expect(Result.isFailure(Fact.decodeInput([pse], { pse: text }))).toBe(true)
  })
  it("shows and encodes the Italian and the JSON way", () => {
    expect([1570, 2000, 1575, 1500].map(Fact.formatThousandths)).toEqual(["1,57", "2,00", "1,575", "1,50"])
    expect(Fact.encode(pse, 1570)).toBe("1.57")
  })
})

describe("InputHash", () => {
  it("is the SHA-256 of the canonical JSON of rule set, date and facts", () => {
    // the canonical text written by hand; the digest computed by Node's own crypto
    const text =
      '{"asOf":"2024-06-30","facts":{"isee":2000000,"leaseStart":"2023-01-01","sapLease":false},"ruleSet":{"id":"test-fund","version":"1"}}'
    expect(evaluate(ok).inputHash).toBe(`sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`)
  })

  it("writes canonical JSON: sorted keys, no spaces, no undefined members", () => {
    expect(InputHash.canonicalJson({ b: 1, a: [true, null, "x"], c: undefined, é: { z: 0, y: -1.5 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"é":{"y":-1.5,"z":0}}'
    )
  })

  it("is the same for the same inputs, whatever the order of keys or the decimal separator", () => {
    const hash = (asOf: string, facts: Record<string, unknown>) => evaluate(facts, asOf).inputHash
    const a = hash("2024-06-30", ok)
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(hash("2024-06-30", { leaseStart: "2023-01-01", sapLease: false, isee: 2_000_000 })).toBe(a)
    expect(hash("2024-06-30", { ...ok, isee: 2_000_001 })).not.toBe(a)
    expect(hash("2024-07-01", ok)).not.toBe(a)
    expect(hash("2024-06-30", { ...ok, leaseStart: null })).not.toBe(a)
    const pse = (v: string) =>
      Result.getOrThrow(
        Engine.evaluate(Eligibility.SapAccess.ruleSet, { asOf: "2024-06-30", facts: { pse: v, householdSize: 2 } })
      ).inputHash
    expect(pse("1,57")).toBe(pse("1.57"))
  })

  it("depends on the rule set version", () => {
    const v2 = RuleSet.make({ ...fund, version: "2" })
    expect(Result.getOrThrow(Engine.evaluate(v2, { asOf: "2024-06-30", facts: ok })).inputHash).not.toBe(
      evaluate(ok).inputHash
    )
  })
})

describe("RuleSet.make", () => {
  const leaf = (id: string) => Predicate.is({ id, title: t("x", "x"), source: src, fact: sapLease, value: false })
  it("refuses duplicate ids, undeclared or unread facts, and references without a confidence", () => {
    expect(() =>
      RuleSet.make({
        ...fund,
        facts: [sapLease],
        parameters: [],
        rule: Rule.all({ id: "a", title: t("a", "a"), source: src }, [leaf("b"), leaf("b")])
      })
    ).toThrow("rule id b is used twice")
    expect(() => RuleSet.make({ ...fund, facts: [], parameters: [], rule: leaf("b") })).toThrow(
      "rule b reads fact sapLease, which the rule set does not declare"
    )
    expect(() => RuleSet.make({ ...fund, facts: [sapLease, isee], parameters: [], rule: leaf("b") })).toThrow(
      "fact isee is declared but no rule reads it"
    )
    const noConfidence = { act: "r.r. 4/2017" } as unknown as typeof src
    expect(() =>
      RuleSet.make({ ...fund, facts: [sapLease], parameters: [], rule: { ...leaf("b"), source: noConfidence } })
    ).toThrow("rule b has an invalid legal reference")
  })
})

describe("Batch", () => {
  // request i: i % 4 = 0 eligible, 1 ineligible (ISEE too high), 2 undetermined (no ISEE), 3 invalid
  const request = (i: number): Eligibility.Engine.Request => ({
    asOf: "2024-06-30",
    facts:
      i % 4 === 0
        ? ok
        : i % 4 === 1
          ? { ...ok, isee: 3_000_000 }
          : i % 4 === 2
            ? { sapLease: false, leaseStart: "2023-01-01" }
            : { ...ok, isee: -1 }
  })

  it.effect("evaluates a stream in order, one element at a time", () =>
    Effect.gen(function* () {
      const out = yield* Stream.range(0, 7).pipe(
        Stream.map(request),
        Batch.evaluate(fund),
        Stream.map((r) => (Result.isSuccess(r) ? r.success.outcome : "invalid")),
        Stream.runCollect
      )
      expect(out).toEqual([
        "eligible",
        "ineligible",
        "undetermined",
        "invalid",
        "eligible",
        "ineligible",
        "undetermined",
        "invalid"
      ])
    })
  )

  it.effect("summarizes 8.000 requests generated lazily, without collecting them", () =>
    Effect.gen(function* () {
      const summary = yield* Stream.range(0, 7_999).pipe(Stream.map(request), Batch.summarize(fund))
      expect(summary).toEqual({
        total: 8_000,
        eligible: 2_000,
        ineligible: 2_000,
        undetermined: 2_000,
        invalid: 2_000,
        missing: { isee: 2_000 }
      })
    })
  )
})
