/**
 * The seed projects as open-data records: IntERPreti di cambiamento (seed 000) with its
 * budget, its four laboratori's places and its declared targets; Abitare la Comunità (seed 001)
 * with what is known of it.
 */
import { Budget, IstatComune, Project } from "@quartieri/core"
import { SeedProjects } from "@quartieri/testing"
import { Result, Schema } from "effect"
import { ProjectRecord } from "../src/index.js"

const decodeProject = (input: unknown): Project.Project => {
  const r = Project.decode(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

const interpretiProject = decodeProject(SeedProjects.interpreti.project)

export const interpreti: ProjectRecord.ProjectRecord = {
  project: interpretiProject,
  call: SeedProjects.interpreti.call,
  budget: Schema.decodeUnknownSync(Budget.Budget)(SeedProjects.interpreti.budget),
  locations: [
    { comune: IstatComune.IstatComune.make("019081"), address: "via XXIV Maggio" },
    { comune: IstatComune.IstatComune.make("019035") }
  ],
  indicators: ProjectRecord.indicatorsFromProjectTargets(interpretiProject)
}

export const abitare: ProjectRecord.ProjectRecord = {
  project: decodeProject(SeedProjects.abitareLaComunita.project),
  call: SeedProjects.abitareLaComunita.call,
  locations: [{ comune: IstatComune.IstatComune.make("019036") }]
}
