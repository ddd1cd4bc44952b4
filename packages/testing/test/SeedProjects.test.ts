import { describe, expect, it } from "@effect/vitest"
import { Budget, Call, InvalidInput, Partnership } from "@quartieri/core"
import { Result } from "effect"
import { SeedMembers as M, SeedChecks, SeedProjects } from "../src/index.js"

const rules = (o: SeedChecks.Outcome) => (o._tag === "Failed" ? o.violations.map((v) => v.rule) : o._tag)

describe("the seed projects against their calls", () => {
  it("IntERPreti di cambiamento passes the 2017 avviso: partnership, structure and budget", () => {
    const report = SeedChecks.check(SeedProjects.interpreti)
    expect(report.partnership).toEqual({
      _tag: "Passed",
      detail: "7 membri, regole: Avviso gestione sociale dei quartieri ERP (2017)"
    })
    expect(report.structure).toEqual({ _tag: "Passed", detail: "2 sottoprogetti, 2019-01-01 → 2020-05-16" })
    // € 209.989,54 + € 20.000,00 = € 229.989,54; € 209.989,54 ≤ € 252.000,00 (the inferred cap)
    expect(report.budget).toEqual({
      _tag: "Passed",
      detail:
        "fonti € 229.989,54 = costo € 229.989,54; contributo € 209.989,54 entro il massimale € 252.000,00 (non verificato)"
    })
  })

  it("without Cooperativa Koala and Consorzio Mestieri the partnership fails for the labour operator only", () => {
    const members = [M.ripalta, M.crema, M.alerBcm, M.acli, M.abcitta]
    const decoded = Partnership.decode({ members })
    if (Result.isFailure(decoded)) throw decoded.failure
    const r = Partnership.check(Call.avviso2017, decoded.success)
    expect(Result.isFailure(r) && r.failure.violations.map((v) => [v.rule, v.message])).toEqual([
      ["partnership.labour-operator", "no member accredited for labour/training services"]
    ])
    expect(Result.isFailure(r) && r.failure.violations[0]?.messageIt).toBe(
      "nessun membro accreditato per i servizi al lavoro o alla formazione"
    )
  })

  it("the IntERPreti cofinancing share is 8,70 % (20.000,00 / 229.989,54, nearest basis point)", () => {
    const budget = InvalidInput.decoder(Budget.Budget, "Budget")(SeedProjects.interpreti.budget)
    if (Result.isFailure(budget)) throw budget.failure
    const resolved = Budget.resolve(budget.success)
    if (Result.isFailure(resolved)) throw resolved.failure
    // 2_000_000 × 10_000 / 22_998_954 = 869,60… → 870 bp
    expect(Budget.cofinancingShare(resolved.success, "half-even")).toEqual(Result.succeed(870))
  })

  it("Abitare la Comunità: partnership passes; its planned end (agosto 2020) is after the avviso's 16/05/2020", () => {
    const report = SeedChecks.check(SeedProjects.abitareLaComunita)
    expect(report.partnership._tag).toBe("Passed")
    expect(rules(report.structure)).toEqual(["project.latest-end"])
    // only the grant is published: € 251.964,00 ≤ € 252.000,00
    expect(report.budget).toEqual({
      _tag: "Passed",
      detail:
        "contributo € 251.964,00 entro il massimale € 252.000,00 (non verificato); costo totale e cofinanziamento non pubblicati"
    })
  })

  it("Un ponte sul blu: the partnership passes; nothing else is published", () => {
    const report = SeedChecks.check(SeedProjects.ponteSulBlu)
    expect(report.partnership._tag).toBe("Passed")
    expect(report.structure).toEqual({ _tag: "NotChecked", reason: "periodo del progetto non pubblicato" })
    expect(report.budget).toEqual({ _tag: "NotChecked", reason: "nessun importo pubblicato" })
  })

  it("Milano C.A.S.A.: with the one partner the sources name, the two-further-partners rule reports it", () => {
    const report = SeedChecks.check(SeedProjects.milanoCasa)
    expect(rules(report.partnership)).toEqual(["partnership.milano-min-partners"])
    expect(report.budget).toEqual({ _tag: "NotChecked", reason: "nessun importo pubblicato" })
  })

  it("every seed project decodes, and names its sources and its unknowns", () => {
    for (const seed of SeedProjects.all) {
      expect(Result.isSuccess(Partnership.decode(seed.partnership))).toBe(true)
      expect(seed.sources.length).toBeGreaterThan(0)
      expect(seed.unknown.length).toBeGreaterThan(0)
    }
  })
})
