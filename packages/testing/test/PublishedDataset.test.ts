/**
 * The published dataset the exporters' privacy tests scan: built from personal micro-data,
 * released published, and the scanner finds personal data where there is some.
 */
import { describe, expect, it } from "@effect/vitest"
import { PersonalData, PublishedDataset } from "../src/index.js"

describe("the published dataset", () => {
  const dataset = PublishedDataset.make(1)
  it("is built from personal micro-data and released published", () => {
    expect(dataset.persons.length).toBeGreaterThan(800)
    expect(dataset.persons.filter((p) => p.codiceFiscale !== undefined).length).toBeGreaterThan(700)
    expect(dataset.tables.map((t) => [t.id, t.suppression?.policy])).toEqual(
      [
        "composition.total.2019-04-01",
        "composition.quartiere.2019-04-01",
        "composition.areas.total.2019-04-01",
        "programme-results.total._T",
        "programme-results.quartiere._T",
        "esf-2014-2020.participants",
        "esf-2014-2020.coverage"
      ].map((id) => [id, "published"])
    )
    for (const t of dataset.tables) expect(t.columns.filter((c) => c.sensitivity !== "none")).toEqual([])
  })
  it("the scanner finds what the tables would leak, and the tables leak nothing", () => {
    const leaky = JSON.stringify(dataset.persons.slice(0, 3))
    expect(PersonalData.scan(leaky, dataset.needles).length).toBeGreaterThan(3)
    expect(PersonalData.scan(JSON.stringify(dataset.tables), dataset.needles)).toEqual([])
  })
})
