/**
 * The places of the seed projects as registry records: each project site is a `Site.Complesso`
 * (with its quartiere and the ISTAT code of its Comune), so reports can count by quartiere and
 * Comune. The names of the sites, quartieri and Comuni are the seeds'; the **addresses and the
 * numbers of housing units are synthetic** (the sources give neither), and say so.
 *
 * A store filled by other means may hold sites this list does not know: `quartieri report
 * --sites file.json` adds complessi (a JSON array of `Site.Complesso`).
 *
 * @since 0.1.0
 */
import { IstatComune, Site } from "@quartieri/core"
import { Schema } from "effect"

const comune = (code: keyof typeof IstatComune.knownComuni) => IstatComune.knownComuni[code].istat

const raw: ReadonlyArray<{
  readonly id: string
  readonly quartiere: string
  readonly quartiereName: string
  readonly comune: keyof typeof IstatComune.knownComuni
  readonly owner: string
  readonly units: number
}> = [
  // IntERPreti di cambiamento (seed 000): four laboratori in four complessi
  {
    id: "ripalta-cremasca-via-xxiv-maggio",
    quartiere: "ripalta-via-xxiv-maggio",
    quartiereName: "Via XXIV Maggio",
    comune: "019081",
    owner: "aler-bcm",
    units: 40
  },
  {
    id: "crema-santa-maria",
    quartiere: "crema-santa-maria",
    quartiereName: "Santa Maria",
    comune: "019035",
    owner: "aler-bcm",
    units: 90
  },
  {
    id: "crema-ombriano",
    quartiere: "crema-ombriano",
    quartiereName: "Ombriano",
    comune: "019035",
    owner: "aler-bcm",
    units: 80
  },
  {
    id: "crema-san-bernardino",
    quartiere: "crema-san-bernardino",
    quartiereName: "San Bernardino",
    comune: "019035",
    owner: "aler-bcm",
    units: 70
  },
  // Abitare la Comunità (seed 001)
  {
    id: "cremona-san-bernardo-borgo-loreto",
    quartiere: "cr-san-bernardo-borgo-loreto",
    quartiereName: "San Bernardo-Borgo Loreto",
    comune: "019036",
    owner: "aler-cremona",
    units: 220
  },
  {
    id: "cremona-zaist",
    quartiere: "cr-zaist",
    quartiereName: "Zaist",
    comune: "019036",
    owner: "aler-cremona",
    units: 200
  },
  // Un ponte sul blu (seed 003): the two condomini
  {
    id: "brescia-smeraldo-e-sole",
    quartiere: "bs-sanpolino",
    quartiereName: "Sanpolino",
    comune: "017029",
    owner: "aler-bcm",
    units: 90
  },
  {
    id: "brescia-torre-cimabue",
    quartiere: "bs-san-polo",
    quartiereName: "San Polo",
    comune: "017029",
    owner: "aler-bcm",
    units: 110
  }
]

/**
 * The quartieri of the seed projects.
 *
 * @since 0.1.0
 * @category constructors
 */
export const quartieri: ReadonlyArray<Site.Quartiere> = [
  ...new Map(
    raw.map((r) => [
      r.quartiere,
      Schema.decodeUnknownSync(Site.Quartiere)({ id: r.quartiere, name: r.quartiereName, comune: comune(r.comune) })
    ])
  ).values()
]

/**
 * The complessi of the seed projects, one per project site (synthetic address and unit count).
 *
 * @since 0.1.0
 * @category constructors
 */
export const complessi: ReadonlyArray<Site.Complesso> = raw.map((r) =>
  Schema.decodeUnknownSync(Site.Complesso)({
    id: r.id,
    quartiere: r.quartiere,
    address: `indirizzo sintetico, ${r.quartiereName} (${IstatComune.knownComuni[r.comune].name})`,
    comune: comune(r.comune),
    owner: r.owner,
    housingUnits: r.units
  })
)

/**
 * The complessi among `ids`, in that order; unknown ids are left out.
 *
 * @since 0.1.0
 * @category utils
 */
export const complessiOf = (ids: ReadonlyArray<string>, extra: ReadonlyArray<Site.Complesso> = []) => {
  const all = new Map([...complessi, ...extra].map((c) => [c.id as string, c]))
  return ids.flatMap((id) => {
    const c = all.get(id)
    return c === undefined ? [] : [c]
  })
}
