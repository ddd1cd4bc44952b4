/**
 * Household composition at a date, from the registry: how many households and persons, their
 * sizes, how many have minors, members aged 65 or more, a member with a disability, only
 * adults aged 18–64, and how many are known to the social services — the figures a project
 * page publishes about its tenants (Abitare la Comunità, seed 001: "380 nuclei… 143 conosciuti
 * dal Servizio Sociale Territoriale; 18… anziane, 19… disabilità, 57… minori, 48… solo da
 * persone con età compresa fra i 18 e i 64 anni").
 *
 * Every fact comes from `Household.factsAt` on the date, so **unknown is never no**: a refused
 * disability answer, or a member without a person record, makes the fact undetermined, and the
 * undetermined households are counted in columns of their own.
 *
 * ## The social-services areas
 * The seed's four figures cannot be read literally (18 + 57 + 48 is less than 143, although
 * every household has a minor, a member 65+ or only members 18–64): they split the households
 * known to the social services by area, as those services count their cases
 * (docs/concepts/registry.md). {@link areaOf} makes that reading a partition of the known
 * households:
 * - `disability`: a member answered "yes" to the disability question;
 * - otherwise, when every member answered and every age is known: `elderly` (a member 65+, no
 *   minor), `minors` (a minor, no member 65+), `minors-and-elderly` (both: a three-generation
 *   household — none in the seed's split), `adults-only` (every member 18–64);
 * - `undetermined`: the disability answer was refused by a member, or a member has no record.
 *
 * ## One pass
 * A fold over the households ({@link empty}, {@link step}, {@link result}): each household is
 * read once, its facts computed and added to the counters of its groups (the whole registry,
 * its quartiere, complesso and Comune). The state is a handful of counters per group; the
 * persons are looked up, never accumulated.
 *
 * @since 0.1.0
 */
import type * as Calendar from "../Calendar.js"
import * as Household from "../Household.js"
import type { PersonId } from "../Ids.js"
import type { Person } from "../Person.js"
import type * as Site from "../Site.js"
import * as Disclosure from "./Disclosure.js"
import * as Table from "./Table.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * The area of a household known to the social services (see the module note).
 *
 * @since 0.1.0
 * @category models
 */
export type Area = "disability" | "elderly" | "minors" | "minors-and-elderly" | "adults-only" | "undetermined"

/**
 * The areas, in table order.
 *
 * @since 0.1.0
 * @category models
 */
export const areas: ReadonlyArray<Area> = [
  "disability",
  "elderly",
  "minors",
  "minors-and-elderly",
  "adults-only",
  "undetermined"
]

/**
 * Italian and English labels of each area.
 *
 * @since 0.1.0
 * @category formatting
 */
export const areaLabel: { readonly [A in Area]: Table.Text } = {
  disability: { it: "Con persone con disabilità", en: "With a member with a disability" },
  elderly: { it: "Con anziani (65+), senza minori", en: "With a member aged 65+, no minor" },
  minors: { it: "Con minori, senza anziani", en: "With a minor, no member aged 65+" },
  "minors-and-elderly": { it: "Con minori e anziani", en: "With a minor and a member aged 65+" },
  "adults-only": { it: "Solo adulti 18-64 anni", en: "Only adults aged 18-64" },
  undetermined: { it: "Non determinabile", en: "Undetermined" }
}

/**
 * The area of a household from its facts: `disability` first, then the age groups when every
 * answer and every age is known, `undetermined` otherwise.
 *
 * @since 0.1.0
 * @category rules
 */
export const areaOf = (f: Household.Facts): Area => {
  if (f.hasMemberWithDisability === "yes") return "disability"
  if (f.hasMemberWithDisability === "undetermined" || f.unknownPersons.length > 0) return "undetermined"
  const minors = f.hasMinors === "yes"
  const elderly = f.hasMembers65Plus === "yes"
  if (minors && elderly) return "minors-and-elderly"
  if (minors) return "minors"
  if (elderly) return "elderly"
  return f.onlyAdults18To64 === "yes" ? "adults-only" : "undetermined"
}

/**
 * What the households are grouped by: the whole registry (`total`), `quartiere`, `complesso`
 * or `comune`.
 *
 * @since 0.1.0
 * @category models
 */
export type Dimension = "total" | "quartiere" | "complesso" | "comune"

/**
 * The counts of one group. Households are those with at least one member on the date.
 *
 * @since 0.1.0
 * @category models
 */
export interface Counts {
  readonly households: number
  readonly persons: number
  /** Households by size: index 0 is one member, …, index 4 is five or more. */
  readonly bySize: readonly [number, number, number, number, number]
  readonly withMinors: number
  readonly with65Plus: number
  readonly onlyAdults18To64: number
  readonly withDisability: number
  /** A member refused the disability question (and no member answered yes), or has no record. */
  readonly disabilityUndetermined: number
  /** A member has no person record: the age facts may be undetermined. */
  readonly withUnknownPersons: number
  readonly knownToSocialServices: number
  /** The households known to the social services, by area. */
  readonly knownByArea: { readonly [A in Area]: number }
}

/**
 * The registry data the fold reads: the date, the persons (by id or as a list) and the
 * complessi (to place a household's tenancy in its quartiere and Comune).
 *
 * @since 0.1.0
 * @category models
 */
export interface Context {
  readonly date: Calendar.CalendarDate
  readonly persons: Household.Persons
  readonly complessi: ReadonlyArray<Site.Complesso>
}

/**
 * The running state: the context (with the persons indexed), the counts of every group met, and
 * the households that could not be placed (unknown complesso), which count only in the total.
 *
 * @since 0.1.0
 * @category models
 */
export interface State {
  readonly date: Calendar.CalendarDate
  readonly persons: ReadonlyMap<PersonId, Person>
  readonly complessi: ReadonlyMap<string, Site.Complesso>
  readonly groups: ReadonlyMap<
    string,
    { readonly dimension: Dimension; readonly value: string; readonly counts: Counts }
  >
  readonly unplaced: number
}

// ---------------------------------------------------------------------------------------------
// the fold
// ---------------------------------------------------------------------------------------------

const zero: Counts = {
  households: 0,
  persons: 0,
  bySize: [0, 0, 0, 0, 0],
  withMinors: 0,
  with65Plus: 0,
  onlyAdults18To64: 0,
  withDisability: 0,
  disabilityUndetermined: 0,
  withUnknownPersons: 0,
  knownToSocialServices: 0,
  knownByArea: {
    disability: 0,
    elderly: 0,
    minors: 0,
    "minors-and-elderly": 0,
    "adults-only": 0,
    undetermined: 0
  }
}

/**
 * The state before any household.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty = (context: Context): State => ({
  date: context.date,
  persons: Array.isArray(context.persons)
    ? new Map((context.persons as ReadonlyArray<Person>).map((p) => [p.id, p]))
    : (context.persons as ReadonlyMap<PersonId, Person>),
  complessi: new Map(context.complessi.map((c) => [c.id, c])),
  groups: new Map(),
  unplaced: 0
})

const add = (c: Counts, f: Household.Facts): Counts => {
  const size = Math.min(f.size, 5) - 1
  const bySize = c.bySize.map((n, i) => (i === size ? n + 1 : n)) as unknown as Counts["bySize"]
  const one = (b: boolean) => (b ? 1 : 0)
  const area = f.knownToSocialServices ? areaOf(f) : undefined
  return {
    households: c.households + 1,
    persons: c.persons + f.size,
    bySize,
    withMinors: c.withMinors + one(f.hasMinors === "yes"),
    with65Plus: c.with65Plus + one(f.hasMembers65Plus === "yes"),
    onlyAdults18To64: c.onlyAdults18To64 + one(f.onlyAdults18To64 === "yes"),
    withDisability: c.withDisability + one(f.hasMemberWithDisability === "yes"),
    disabilityUndetermined: c.disabilityUndetermined + one(f.hasMemberWithDisability === "undetermined"),
    withUnknownPersons: c.withUnknownPersons + one(f.unknownPersons.length > 0),
    knownToSocialServices: c.knownToSocialServices + one(f.knownToSocialServices),
    knownByArea: area === undefined ? c.knownByArea : { ...c.knownByArea, [area]: c.knownByArea[area] + 1 }
  }
}

/**
 * Adds one household. Pure. A household with no member on the date is not a household of the
 * registry on that date and adds nothing.
 *
 * @since 0.1.0
 * @category rules
 */
export const step = (state: State, household: Household.Household): State => {
  const f = Household.factsAt(household, state.persons, state.date)
  if (f.size === 0) return state
  const c = state.complessi.get(household.tenancy.complesso)
  const keys: Array<readonly [Dimension, string]> = [["total", Table.total]]
  if (c !== undefined) keys.push(["quartiere", c.quartiere], ["complesso", c.id], ["comune", c.comune])
  const groups = new Map(state.groups)
  for (const [dimension, value] of keys) {
    const key = `${dimension}\u0000${value}`
    groups.set(key, { dimension, value, counts: add(groups.get(key)?.counts ?? zero, f) })
  }
  return { ...state, groups, unplaced: state.unplaced + (c === undefined ? 1 : 0) }
}

/**
 * The composition: the date, the counts of every group (ordered by dimension, then value), and
 * how many households could not be placed in a complesso.
 *
 * @since 0.1.0
 * @category models
 */
export interface Composition {
  readonly date: Calendar.CalendarDate
  readonly groups: ReadonlyArray<{ readonly dimension: Dimension; readonly value: string; readonly counts: Counts }>
  readonly unplaced: number
}

const dimensionOrder: ReadonlyArray<Dimension> = ["total", "quartiere", "complesso", "comune"]

/**
 * The composition of the state.
 *
 * @since 0.1.0
 * @category rules
 */
export const result = (state: State): Composition => ({
  date: state.date,
  groups: [...state.groups.values()].sort(
    (a, b) =>
      dimensionOrder.indexOf(a.dimension) - dimensionOrder.indexOf(b.dimension) ||
      (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
  ),
  unplaced: state.unplaced
})

/**
 * The composition of some households on a date, in one pass.
 *
 * @since 0.1.0
 * @category rules
 */
export const compute = (households: Iterable<Household.Household>, context: Context): Composition => {
  let state = empty(context)
  for (const h of households) state = step(state, h)
  return result(state)
}

/**
 * The counts of one group (the whole registry by default); zeros when no household is in it.
 *
 * @since 0.1.0
 * @category utils
 */
export const countsOf = (c: Composition, dimension: Dimension = "total", value: string = Table.total): Counts =>
  c.groups.find((g) => g.dimension === dimension && g.value === value)?.counts ?? zero

// ---------------------------------------------------------------------------------------------
// tables
// ---------------------------------------------------------------------------------------------

const dimensionLabel: { readonly [D in Dimension]: Table.Text } = {
  total: { it: "Totale", en: "Total" },
  quartiere: { it: "Quartiere", en: "Neighbourhood (quartiere)" },
  complesso: { it: "Complesso", en: "Housing complex" },
  comune: { it: "Comune (codice ISTAT)", en: "Comune (ISTAT code)" }
}

const rowsBy = (c: Composition, by: Dimension) => [
  ...c.groups.filter((g) => g.dimension === by && g.value !== Table.total),
  { dimension: by, value: Table.total, counts: countsOf(c) }
]

/**
 * The composition by `by` on the date: one row per value, in code order, and the `_T` row of
 * the whole registry (it includes the households that could not be placed, if any).
 *
 * @since 0.1.0
 * @category formatting
 */
export const table = (c: Composition, by: Dimension = "total"): Table.Table =>
  Table.makeUnsafe({
    id: `composition.${by}.${c.date}`,
    title: {
      it: `Composizione dei nuclei familiari al ${c.date}`,
      en: `Household composition on ${c.date}`
    },
    columns: [
      Table.dimension(by, dimensionLabel[by], "code"),
      Table.measure("households", { it: "Nuclei", en: "Households" }),
      Table.measure("persons", { it: "Persone", en: "Persons" }),
      Table.measure("size1", { it: "Nuclei di 1 persona", en: "Households of 1" }),
      Table.measure("size2", { it: "Nuclei di 2 persone", en: "Households of 2" }),
      Table.measure("size3", { it: "Nuclei di 3 persone", en: "Households of 3" }),
      Table.measure("size4", { it: "Nuclei di 4 persone", en: "Households of 4" }),
      Table.measure("size5plus", { it: "Nuclei di 5 o più persone", en: "Households of 5 or more" }),
      Table.measure("withMinors", { it: "Con minori", en: "With minors" }),
      Table.measure("with65Plus", { it: "Con persone di 65 anni o più", en: "With members aged 65+" }),
      Table.measure("onlyAdults18To64", { it: "Solo adulti 18-64 anni", en: "Only adults aged 18-64" }),
      Table.measure("withDisability", { it: "Con persone con disabilità", en: "With a member with a disability" }),
      Table.measure("disabilityUndetermined", {
        it: "Disabilità non determinabile (rifiuto o dato mancante)",
        en: "Disability undetermined (refused or missing)"
      }),
      Table.measure("withUnknownPersons", {
        it: "Con componenti senza scheda anagrafica",
        en: "With members without a person record"
      }),
      Table.measure("knownToSocialServices", {
        it: "Conosciuti dal Servizio Sociale",
        en: "Known to the social services"
      })
    ],
    rows: rowsBy(c, by).map((g) => ({
      [by]: g.value,
      households: g.counts.households,
      persons: g.counts.persons,
      size1: g.counts.bySize[0],
      size2: g.counts.bySize[1],
      size3: g.counts.bySize[2],
      size4: g.counts.bySize[3],
      size5plus: g.counts.bySize[4],
      withMinors: g.counts.withMinors,
      with65Plus: g.counts.with65Plus,
      onlyAdults18To64: g.counts.onlyAdults18To64,
      withDisability: g.counts.withDisability,
      disabilityUndetermined: g.counts.disabilityUndetermined,
      withUnknownPersons: g.counts.withUnknownPersons,
      knownToSocialServices: g.counts.knownToSocialServices
    })),
    notes: [
      {
        it: "Età in anni compiuti alla data; minori: meno di 18 anni (c.c. art. 2); anziani: 65 anni o più (convenzione, nessuna fonte).",
        en: "Ages in completed years on the date; minors: under 18 (civil code art. 2); elderly: 65 or more (a convention, no source)."
      },
      {
        it: "Un rifiuto o un dato mancante non vale mai 'no': i nuclei non determinabili sono contati a parte.",
        en: "A refusal or missing datum is never 'no': undetermined households are counted apart."
      }
    ]
  })

/**
 * The households known to the social services by area ({@link areaOf}), one row per value of
 * `by` and the `_T` row; the last column, `known`, is the row total. A two-way table with both
 * margins: publish it with {@link areasLayout}.
 *
 * @since 0.1.0
 * @category formatting
 */
export const areasTable = (c: Composition, by: Dimension = "total"): Table.Table =>
  Table.makeUnsafe({
    id: `composition.areas.${by}.${c.date}`,
    title: {
      it: `Nuclei conosciuti dal Servizio Sociale per area, al ${c.date}`,
      en: `Households known to the social services by area, on ${c.date}`
    },
    columns: [
      Table.dimension(by, dimensionLabel[by], "code"),
      ...areas.map((a) => Table.measure(a, areaLabel[a])),
      Table.measure("known", { it: "Totale conosciuti", en: "Total known" })
    ],
    rows: rowsBy(c, by).map((g) => ({
      [by]: g.value,
      ...Object.fromEntries(areas.map((a) => [a, g.counts.knownByArea[a]])),
      known: g.counts.knownToSocialServices
    })),
    notes: [
      {
        it: "Lettura delle cifre pubblicate come partizione dei nuclei conosciuti dal Servizio Sociale per area (docs/concepts/registry.md).",
        en: "The published figures read as a partition of the households known to the social services by area (docs/concepts/registry.md)."
      }
    ]
  })

/**
 * The layout of an {@link areasTable}: one grid, the groups by the areas, with the `_T` row
 * and the `known` column as margins. (Unplaced households make the `_T` row exceed the sum of
 * the groups: the grid is then declared non-additive.)
 *
 * @since 0.1.0
 * @category formatting
 */
export const areasLayout = (t: Table.Table): Disclosure.Layout => {
  const g = Disclosure.grid({
    rows: t.rows.map((_, i) => i),
    columns: [...areas, "known"],
    totalRow: t.rows.length > 1,
    totalColumn: true
  })
  return { grids: [{ ...g, additive: Disclosure.isAdditive(t, g) }], dependencies: [], exempt: [] }
}
