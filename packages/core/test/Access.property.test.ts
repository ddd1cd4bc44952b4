import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { Result } from "effect"
import { Access, Ids } from "../src/index.js"

// An independent statement of the spec table (docs/concepts/access.md), written without the
// module's helpers, against which the policy is checked for random actors × actions × resources.
const personal = new Set(["household", "person", "pathway", "attendance", "eligibility-decision"])
const spec = (actor: Access.Actor, action: Access.Action, r: Access.Resource): boolean => {
  if (actor._tag === "Auditor") return action === "read"
  if (r.kind === "audit-log") return false
  if (actor._tag === "RegionOfficer") {
    if (personal.has(r.kind)) return false
    return action === "read" || (action === "verify" && r.kind === "claim")
  }
  if (action === "verify") return false
  const inProject = r.project !== undefined && actor.projects.includes(r.project)
  if (actor._tag === "CapofilaCoordinator") return inProject
  const serves =
    (r.laboratorio !== undefined && actor.laboratori.includes(r.laboratorio)) ||
    (r.pathway !== undefined && actor.pathways.includes(r.pathway))
  if (!inProject) return false
  if (personal.has(r.kind)) return serves
  if (action === "write") return serves || r.organisation === actor.organisation
  return true
}

const few = <A>(values: ReadonlyArray<A>) => fc.constantFrom(...values)
const projects = ["p1", "p2", "p3"].map((s) => Ids.ProjectId.make(s))
const labs = ["l1", "l2", "l3"].map((s) => Ids.LaboratorioId.make(s))
const paths = ["w1", "w2", "w3"].map((s) => Ids.PathwayId.make(s))
const orgs = ["o1", "o2"].map((s) => Ids.OrganisationId.make(s))
const subset = <A>(values: ReadonlyArray<A>) => fc.subarray([...values])

const actor: fc.Arbitrary<Access.Actor> = fc.oneof(
  fc.constant<Access.Actor>({ _tag: "RegionOfficer", id: "r" }),
  fc.constant<Access.Actor>({ _tag: "Auditor", id: "a" }),
  fc
    .record({ organisation: few(orgs), projects: subset(projects) })
    .map((x): Access.Actor => ({ _tag: "CapofilaCoordinator", id: "c", ...x })),
  fc
    .record({ organisation: few(orgs), projects: subset(projects), laboratori: subset(labs), pathways: subset(paths) })
    .map((x): Access.Actor => ({ _tag: "PartnerOperator", id: "o", ...x }))
)
const resource: fc.Arbitrary<Access.Resource> = fc.record(
  {
    kind: few(Access.ResourceKind.literals),
    project: few(projects),
    laboratorio: few(labs),
    pathway: few(paths),
    organisation: few(orgs)
  },
  { requiredKeys: ["kind"] }
)
const action = few(Access.Action.literals)

describe("Access policy (exhaustive)", () => {
  // The domain is small enough to enumerate: every kind × action × optional scope, for one actor
  // of each role. Random runs alone reach the narrow cases only by luck.
  const maybe = <A>(values: ReadonlyArray<A>): ReadonlyArray<A | undefined> => [undefined, ...values]
  const actors: ReadonlyArray<Access.Actor> = [
    { _tag: "RegionOfficer", id: "r" },
    { _tag: "Auditor", id: "a" },
    {
      _tag: "CapofilaCoordinator",
      id: "c",
      organisation: orgs[0] as Ids.OrganisationId,
      projects: [projects[0] as Ids.ProjectId]
    },
    {
      _tag: "PartnerOperator",
      id: "o",
      organisation: orgs[0] as Ids.OrganisationId,
      projects: [projects[0] as Ids.ProjectId],
      laboratori: [labs[0] as Ids.LaboratorioId],
      pathways: [paths[0] as Ids.PathwayId]
    }
  ]
  it("allowed exactly when the spec table says so, for every combination", () => {
    let checked = 0
    for (const a of actors)
      for (const act of Access.Action.literals)
        for (const kind of Access.ResourceKind.literals)
          for (const project of maybe(projects.slice(0, 2)))
            for (const laboratorio of maybe(labs.slice(0, 2)))
              for (const pathway of maybe(paths.slice(0, 2)))
                for (const organisation of maybe(orgs)) {
                  const r: Access.Resource = {
                    kind,
                    ...(project === undefined ? {} : { project }),
                    ...(laboratorio === undefined ? {} : { laboratorio }),
                    ...(pathway === undefined ? {} : { pathway }),
                    ...(organisation === undefined ? {} : { organisation })
                  }
                  expect([a._tag, act, r, Result.isSuccess(Access.authorize(a, act, r))]).toEqual([
                    a._tag,
                    act,
                    r,
                    spec(a, act, r)
                  ])
                  checked++
                }
    // 4 actors × 3 actions × 13 kinds × 3 × 3 × 3 × 3 scopes
    expect(checked).toBe(4 * 3 * 13 * 81)
  })
})

describe("Access policy (property)", () => {
  test.prop([actor, action, resource])("allowed exactly when the spec table says so", (a, act, r) => {
    expect(Result.isSuccess(Access.authorize(a, act, r))).toBe(spec(a, act, r))
  })

  test.prop([action, resource])("a Region officer is never allowed a personal record", (act, r) => {
    if (Access.isPersonal(r.kind))
      expect(Result.isSuccess(Access.authorize({ _tag: "RegionOfficer", id: "r" }, act, r))).toBe(false)
  })

  test.prop([resource])("an auditor never writes", (r) => {
    expect(Result.isSuccess(Access.authorize({ _tag: "Auditor", id: "a" }, "write", r))).toBe(false)
  })
})
