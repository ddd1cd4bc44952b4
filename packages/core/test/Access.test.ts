import { describe, expect, it } from "@effect/vitest"
import { Result } from "effect"
import { Access, Ids } from "../src/index.js"

const p1 = Ids.ProjectId.make("interpreti-di-cambiamento")
const p2 = Ids.ProjectId.make("abitare-la-comunita")
const lab1 = Ids.LaboratorioId.make("lab-ombriano")
const lab2 = Ids.LaboratorioId.make("lab-santa-maria")
const path1 = Ids.PathwayId.make("pip-0001")
const koala = Ids.OrganisationId.make("coop-koala")
const acli = Ids.OrganisationId.make("acli-crema")

const region: Access.Actor = { _tag: "RegionOfficer", id: "u-region" }
const auditor: Access.Actor = { _tag: "Auditor", id: "u-audit" }
const coordinator: Access.Actor = {
  _tag: "CapofilaCoordinator",
  id: "u-ripalta",
  organisation: Ids.OrganisationId.make("comune-ripalta-cremasca"),
  projects: [p1]
}
const operator: Access.Actor = {
  _tag: "PartnerOperator",
  id: "u-koala",
  organisation: koala,
  projects: [p1],
  laboratori: [lab1],
  pathways: [path1]
}

const ok = (actor: Access.Actor, action: Access.Action, resource: Access.Resource) =>
  Result.isSuccess(Access.authorize(actor, action, resource))

describe("Access policy: the role table", () => {
  const household1: Access.Resource = { kind: "household", project: p1, laboratorio: lab1 }
  const household2: Access.Resource = { kind: "household", project: p1, laboratorio: lab2 }
  const report1: Access.Resource = { kind: "report", project: p1 }
  const claim1: Access.Resource = { kind: "claim", project: p1 }
  const expenditureKoala: Access.Resource = { kind: "expenditure", project: p1, organisation: koala }
  const expenditureAcli: Access.Resource = { kind: "expenditure", project: p1, organisation: acli }
  const audit: Access.Resource = { kind: "audit-log" }

  it.each([
    // actor, action, resource, allowed
    [region, "read", report1, true],
    [region, "read", household1, false],
    [region, "write", report1, false],
    [region, "verify", claim1, true],
    [region, "read", audit, false],
    [coordinator, "read", household2, true],
    [coordinator, "write", household2, true],
    [coordinator, "read", { kind: "household", project: p2 }, false],
    [coordinator, "verify", claim1, false],
    [operator, "read", household1, true],
    [operator, "read", household2, false],
    [operator, "write", { kind: "pathway", project: p1, pathway: path1 }, true],
    [operator, "read", { kind: "pathway", project: p1, pathway: Ids.PathwayId.make("pip-0002") }, false],
    [operator, "read", report1, true],
    [operator, "write", expenditureKoala, true],
    [operator, "write", expenditureAcli, false],
    [operator, "read", { kind: "report", project: p2 }, false],
    [auditor, "read", household2, true],
    [auditor, "read", audit, true],
    [auditor, "write", household1, false]
  ] as const)("%#: %o %s %o → %s", (actor, action, resource, allowed) => {
    expect(ok(actor, action, resource)).toBe(allowed)
  })

  it("says why, in English and Italian", () => {
    const r = Access.authorize(region, "read", household1)
    expect(Result.isFailure(r) && [r.failure.message, r.failure.reasonIt]).toEqual([
      "RegionOfficer u-region may not read household: the Region receives aggregates only, never personal data",
      "la Regione riceve solo dati aggregati, mai dati personali"
    ])
  })
})
