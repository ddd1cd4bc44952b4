/**
 * fast-check arbitraries for organisations and partnerships: random ones, which break the call
 * rules in every combination (duplicates, several or no capofila, no accredited member, wrong
 * seats), and valid ones for the 2017 avviso and the Milano programmes, built so that they keep
 * every rule. Every value decodes through its `@quartieri/core` Schema.
 *
 * @since 0.1.0
 */
import { IstatComune, Organisation, Partnership } from "@quartieri/core"
import { Schema } from "effect"
import * as fc from "fast-check"
import { organisationCode, partitaIva } from "./identifiers.js"

/**
 * Any kind of organisation.
 *
 * @since 0.1.0
 * @category constructors
 */
export const kind: fc.Arbitrary<Organisation.Kind> = fc.constantFrom(...Organisation.Kind.literals)

/**
 * A set of accreditations (often none).
 *
 * @since 0.1.0
 * @category constructors
 */
export const accreditations: fc.Arbitrary<ReadonlyArray<Organisation.Accreditation>> = fc.oneof(
  { weight: 2, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.subarray([...Organisation.Accreditation.literals], { minLength: 1 }) }
)

/**
 * A set of competences.
 *
 * @since 0.1.0
 * @category constructors
 */
export const competences: fc.Arbitrary<ReadonlyArray<Organisation.Competence>> = fc.subarray([
  ...Organisation.Competence.literals
])

/**
 * Any role.
 *
 * @since 0.1.0
 * @category constructors
 */
export const role: fc.Arbitrary<Partnership.Role> = fc.constantFrom(...Partnership.Role.literals)

/** The ISTAT codes of the seed comuni (Milano among them). */
const seat = fc.constantFrom(...Object.keys(IstatComune.knownComuni))

const names = ["Comune di Crema", "ALER Milano", "Cooperativa Koala", "Consorzio Mestieri", "Acli", "ASST Crema"]

const decodeOrganisation = Schema.decodeUnknownSync(Organisation.Organisation)

interface OrganisationOptions {
  readonly id: fc.Arbitrary<string>
  readonly kind?: fc.Arbitrary<Organisation.Kind>
  readonly accreditations?: fc.Arbitrary<ReadonlyArray<Organisation.Accreditation>>
  readonly fiscalCode?: fc.Arbitrary<string | undefined>
  readonly seat?: fc.Arbitrary<string | undefined>
}

const organisationWith = (o: OrganisationOptions): fc.Arbitrary<Organisation.Organisation> =>
  fc
    .record({
      id: o.id,
      name: fc.oneof(
        fc.constantFrom(...names),
        fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== "")
      ),
      kind: o.kind ?? kind,
      accreditations: o.accreditations ?? accreditations,
      competences,
      fiscalCode: o.fiscalCode ?? fc.option(organisationCode, { nil: undefined }),
      vatNumber: fc.option(partitaIva, { nil: undefined, freq: 4 }),
      seat: o.seat ?? fc.option(seat, { nil: undefined })
    })
    .map(({ fiscalCode, vatNumber, seat, ...rest }) =>
      decodeOrganisation({
        ...rest,
        // a body of this kind must list an accreditation
        accreditations:
          rest.kind === "EnteAccreditatoLavoroFormazione" && rest.accreditations.length === 0
            ? ["formazione"]
            : rest.accreditations,
        ...(fiscalCode === undefined ? {} : { fiscalCode }),
        ...(vatNumber === undefined ? {} : { vatNumber }),
        ...(seat === undefined ? {} : { seat })
      })
    )

/**
 * Any organisation. Ids and codici fiscali come from small pools, so that two organisations
 * drawn independently are often "the same" (for the duplicate rule).
 *
 * @since 0.1.0
 * @category constructors
 */
export const organisation: fc.Arbitrary<Organisation.Organisation> = organisationWith({
  id: fc.constantFrom("org-1", "org-2", "org-3", "org-4", "org-5", "org-6", "org-7", "org-8"),
  fiscalCode: fc.option(fc.constantFrom("00301970190", "80050050154", "12345678903"), { nil: undefined })
})

/**
 * Any member: any organisation, any role.
 *
 * @since 0.1.0
 * @category constructors
 */
export const member: fc.Arbitrary<Partnership.Member> = fc.record({ organisation, role })

/**
 * Any partnership of 0 to 8 members: most break some rule of some call.
 *
 * @since 0.1.0
 * @category constructors
 */
export const partnership: fc.Arbitrary<Partnership.Partnership> = fc
  .array(member, { maxLength: 8 })
  .map((members) => ({ members }))

/** The 11-digit codes of an organisation (codice fiscale and partita IVA share one space). */
const codes = (o: Organisation.Organisation): ReadonlyArray<string> =>
  [o.fiscalCode, o.vatNumber].flatMap((c) => (c === undefined ? [] : [String(c)]))

/** No two organisations share an id, a codice fiscale or a partita IVA. */
const allDistinct = (organisations: ReadonlyArray<Organisation.Organisation>): boolean => {
  const seen = new Set<string>()
  for (const o of organisations) {
    const keys = [`id:${o.id}`, ...codes(o).map((c) => `code:${c}`)]
    if (keys.some((k) => seen.has(k))) return false
    // an organisation's own fiscal code and partita IVA may coincide (companies)
    for (const k of keys) seen.add(k)
  }
  return true
}

/** `n` organisations with distinct ids and distinct codes. */
const distinctOrganisations = (
  n: { readonly minLength: number; readonly maxLength: number },
  options: Omit<OrganisationOptions, "id">
): fc.Arbitrary<ReadonlyArray<Organisation.Organisation>> =>
  fc.uniqueArray(organisationWith({ ...options, id: fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/) }), {
    ...n,
    comparator: (a, b) => a.id === b.id || codes(a).some((c) => codes(b).includes(c))
  })

const admissible2017: ReadonlyArray<Organisation.Kind> = [
  "Comune",
  "ALER",
  "CooperativaSociale",
  "Associazione",
  "Consorzio",
  "EnteAccreditatoLavoroFormazione",
  "ImpresaSociale",
  "EnteReligioso"
]

/**
 * A partnership that keeps every rule of the 2017 avviso: a Comune or ALER capofila, 2 to 6
 * partners of admissible kinds, at least one accredited for labour/training services, and 0 to
 * 2 associates of any kind; no organisation twice. The accredited partner is at a random place.
 *
 * @since 0.1.0
 * @category constructors
 */
export const validPartnership2017: fc.Arbitrary<Partnership.Partnership> = fc
  .tuple(
    distinctOrganisations({ minLength: 1, maxLength: 1 }, { kind: fc.constantFrom("Comune", "ALER") }),
    distinctOrganisations(
      { minLength: 1, maxLength: 1 },
      {
        kind: fc.constantFrom(...admissible2017),
        accreditations: fc.subarray([...Organisation.Accreditation.literals], { minLength: 1 })
      }
    ),
    distinctOrganisations({ minLength: 1, maxLength: 5 }, { kind: fc.constantFrom(...admissible2017) }),
    distinctOrganisations({ minLength: 0, maxLength: 2 }, {}),
    fc.nat()
  )
  .map(([leads, operators, partners, associates, at]) => ({ leads, operators, partners, associates, at }))
  .filter(({ associates, leads, operators, partners }) =>
    allDistinct([...leads, ...operators, ...partners, ...associates])
  )
  .map(({ associates, at, leads, operators, partners }) => {
    const others = [...partners]
    others.splice(at % (others.length + 1), 0, ...operators)
    return {
      members: [
        ...leads.map((organisation) => ({ organisation, role: "capofila" as const })),
        ...others.map((organisation) => ({ organisation, role: "partner" as const })),
        ...associates.map((organisation) => ({ organisation, role: "associate" as const }))
      ]
    }
  })

/**
 * A partnership that keeps every rule of the Milano programmes (D.G.R. XI/2717/2019): the Comune
 * di Milano or an ALER seated in Milano as capofila, 2 to 5 partners of any kind, 0 to 2
 * associates; no organisation twice.
 *
 * @since 0.1.0
 * @category constructors
 */
export const validPartnershipMilano: fc.Arbitrary<Partnership.Partnership> = fc
  .tuple(
    distinctOrganisations(
      { minLength: 1, maxLength: 1 },
      {
        kind: fc.constantFrom("Comune", "ALER"),
        seat: fc.constant("015146")
      }
    ),
    distinctOrganisations({ minLength: 2, maxLength: 5 }, {}),
    distinctOrganisations({ minLength: 0, maxLength: 2 }, {})
  )
  .filter(([leads, partners, associates]) => allDistinct([...leads, ...partners, ...associates]))
  .map(([leads, partners, associates]) => ({
    members: [
      ...leads.map((organisation) => ({ organisation, role: "capofila" as const })),
      ...partners.map((organisation) => ({ organisation, role: "partner" as const })),
      ...associates.map((organisation) => ({ organisation, role: "associate" as const }))
    ]
  }))
