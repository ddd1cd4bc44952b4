/**
 * Partnerships (raggruppamenti) and the rules each call sets on them.
 *
 * A partnership is a list of members, each an {@link Organisation.Organisation} with a role:
 * - `capofila`: the lead applicant, who signs for the partnership and receives the grant;
 * - `partner`: a member of the grouping, with tasks and budget;
 * - `associate`: a body that supports the project (a parish, a school, a volunteer group)
 *   without being a member of the grouping. **Our reading, unverified:** associates do not count
 *   toward the minimum sizes of the calls (3 subjects in 2017, 2 further partners in Milano) and
 *   are not bound by the lists of admissible kinds, and an associate's accreditation does not
 *   satisfy the labour-operator rule. The acts we read speak only of the subjects of the
 *   grouping.
 *
 * Each call has a {@link RuleSet}: small named {@link Rule}s, each citing its legal source.
 * {@link check} runs all of them and returns **every** violation, in a stable order (rule-set
 * order, then member order), so a coordinator fixes a partnership in one pass.
 *
 * Identifiers are checked by decoding: {@link decode} (or {@link validate}, which decodes and
 * then checks) reports every malformed codice fiscale, partita IVA or ISTAT code with its path.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as InvalidInput from "./InvalidInput.js"
import { knownComuni } from "./IstatComune.js"
import type { LegalReference } from "./LegalReference.js"
import * as Organisation from "./Organisation.js"
import * as Sources from "./Sources.js"
import * as Violations from "./Violation.js"
import { Violation } from "./Violation.js"

// ---------------------------------------------------------------------------------------------
// models
// ---------------------------------------------------------------------------------------------

/**
 * The role of a member: `capofila` (lead applicant), `partner`, or `associate` (supports the
 * project without being a member of the grouping; see the module note).
 *
 * @since 0.1.0
 * @category models
 */
export const Role = Schema.Literals(["capofila", "partner", "associate"])
/** @since 0.1.0 @category models */
export type Role = typeof Role.Type

/**
 * Italian and English labels of each role.
 *
 * @since 0.1.0
 * @category formatting
 */
export const roleLabel: { readonly [R in Role]: Organisation.Label } = {
  capofila: { it: "Capofila", en: "Lead applicant (capofila)" },
  partner: { it: "Partner", en: "Partner" },
  associate: {
    it: "Soggetto associato (non membro del raggruppamento)",
    en: "Associate (not a member of the grouping)"
  }
}

/**
 * A member of a partnership: an organisation and its role.
 *
 * @since 0.1.0
 * @category models
 */
export const Member = Schema.Struct({
  organisation: Organisation.Organisation,
  role: Role
})
/** @since 0.1.0 @category models */
export type Member = typeof Member.Type

/**
 * A partnership: its members in the order the application lists them. The Schema checks each
 * member; the call rules (minimum size, capofila, …) are checked by {@link check}, so that a
 * partnership under construction decodes and can be told everything that is still missing.
 *
 * @since 0.1.0
 * @category models
 */
export const Partnership = Schema.Struct({
  members: Schema.Array(Member)
})
/** @since 0.1.0 @category models */
export type Partnership = typeof Partnership.Type
/** @since 0.1.0 @category models */
export type PartnershipEncoded = typeof Partnership.Encoded

/**
 * Decodes untrusted input (a portal form, a JSON import) into a {@link Partnership}, listing
 * every problem with its path (`members[2].organisation.fiscalCode`). Never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = InvalidInput.decoder(Partnership, "Partnership")

/**
 * Whether a member counts toward the minimum sizes: the capofila and the partners, not the
 * associates (our reading, unverified: see the module note).
 *
 * @since 0.1.0
 * @category utils
 */
export const counts = (member: Member): boolean => member.role !== "associate"

/**
 * The members with role `capofila` (a valid partnership has exactly one).
 *
 * @since 0.1.0
 * @category utils
 */
export const capofila = (partnership: Partnership): ReadonlyArray<Member> =>
  partnership.members.filter((m) => m.role === "capofila")

// ---------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------

/**
 * A partnership breaks the rules of a call: every violation, each with its rule id, English and
 * Italian message, legal source and, when it is about one member, the organisation id.
 *
 * @since 0.1.0
 * @category errors
 */
export class PartnershipInvalid extends Schema.TaggedError<PartnershipInvalid>()("PartnershipInvalid", {
  violations: Schema.NonEmptyArray(Violation)
}) {
  override get message(): string {
    const n = this.violations.length
    return `the partnership breaks ${n} ${n === 1 ? "rule" : "rules"}: ${this.violations.map((v) => v.message).join("; ")}`
  }
  /** The same in Italian. */
  get messageIt(): string {
    const n = this.violations.length
    return `il partenariato viola ${n} ${n === 1 ? "regola" : "regole"}: ${this.violations.map((v) => v.messageIt).join("; ")}`
  }
}

// ---------------------------------------------------------------------------------------------
// rules
// ---------------------------------------------------------------------------------------------

/**
 * A partnership rule: a stable id (the `rule` of its violations), a title, its legal source and
 * the function that returns every violation of it (none when the rule holds).
 *
 * @since 0.1.0
 * @category models
 */
export interface Rule {
  readonly id: string
  readonly title: Organisation.Label
  readonly source: LegalReference
  readonly violations: (partnership: Partnership) => ReadonlyArray<Violation>
}

/**
 * The partnership rules of a call, run in this order.
 *
 * @since 0.1.0
 * @category models
 */
export interface RuleSet {
  readonly id: string
  readonly title: Organisation.Label
  readonly rules: ReadonlyArray<Rule>
}

const violation = (
  rule: Pick<Rule, "id" | "source">,
  message: string,
  messageIt: string,
  subject?: string
): Violation =>
  new Violation({
    rule: rule.id,
    message,
    messageIt,
    source: rule.source,
    ...(subject === undefined ? {} : { subject })
  })

const name = (m: Member) => JSON.stringify(m.organisation.name)
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

/**
 * No organisation twice: two members with the same id, the same codice fiscale or the same
 * partita IVA are one organisation. One violation per repeated member, about that member.
 * Implied by the notion of a grouping of distinct subjects; cites the call's act.
 *
 * @since 0.1.0
 * @category rules
 */
export const distinctOrganisations = (source: LegalReference): Rule => {
  const rule: Rule = {
    id: "partnership.distinct-organisations",
    title: { it: "Nessun soggetto due volte", en: "No organisation twice" },
    source: { ...source, note: "implied: a grouping (raggruppamento) is made of distinct subjects" },
    violations: (p) =>
      p.members.flatMap((m, j) => {
        const o = m.organisation
        const i = p.members.findIndex(
          (other, k) =>
            k < j &&
            (other.organisation.id === o.id ||
              (o.fiscalCode !== undefined && other.organisation.fiscalCode === o.fiscalCode) ||
              (o.vatNumber !== undefined && other.organisation.vatNumber === o.vatNumber))
        )
        const first = p.members[i]
        if (first === undefined) return []
        const same =
          first.organisation.id === o.id
            ? { en: `same id ${o.id}`, it: `stesso id ${o.id}` }
            : first.organisation.fiscalCode !== undefined && first.organisation.fiscalCode === o.fiscalCode
              ? { en: `same codice fiscale ${o.fiscalCode}`, it: `stesso codice fiscale ${o.fiscalCode}` }
              : { en: `same partita IVA ${o.vatNumber}`, it: `stessa partita IVA ${o.vatNumber}` }
        return [
          violation(
            rule,
            `member ${j + 1} (${name(m)}) is the same organisation as member ${i + 1} (${name(first)}): ${same.en}`,
            `il membro ${j + 1} (${name(m)}) è lo stesso soggetto del membro ${i + 1} (${name(first)}): ${same.it}`,
            o.id
          )
        ]
      })
  }
  return rule
}

/**
 * Exactly one capofila. With none or several, the partnership has no lead applicant.
 *
 * @since 0.1.0
 * @category rules
 */
export const exactlyOneCapofila = (source: LegalReference): Rule => {
  const rule: Rule = {
    id: "partnership.one-capofila",
    title: { it: "Un solo capofila", en: "Exactly one capofila" },
    source,
    violations: (p) => {
      const leads = capofila(p)
      if (leads.length === 1) return []
      return leads.length === 0
        ? [
            violation(
              rule,
              "the partnership has no capofila: exactly one is required",
              "il partenariato non ha un capofila: ne serve esattamente uno"
            )
          ]
        : [
            violation(
              rule,
              `the partnership has ${leads.length} capofila (${leads.map(name).join(", ")}): exactly one is required`,
              `il partenariato ha ${leads.length} capofila (${leads.map(name).join(", ")}): ne serve esattamente uno`
            )
          ]
    }
  }
  return rule
}

/**
 * The capofila is a Comune or an ALER. One violation per capofila of another kind; with no
 * capofila there is nothing to check here ({@link exactlyOneCapofila} reports it).
 *
 * @since 0.1.0
 * @category rules
 */
export const capofilaComuneOrAler = (source: LegalReference): Rule => {
  const rule: Rule = {
    id: "partnership.capofila-kind",
    title: { it: "Capofila Comune o ALER", en: "Capofila is a Comune or an ALER" },
    source,
    violations: (p) =>
      capofila(p)
        .filter((m) => m.organisation.kind !== "Comune" && m.organisation.kind !== "ALER")
        .map((m) =>
          violation(
            rule,
            `the capofila must be a Comune or an ALER: ${name(m)} is of kind ${Organisation.kindLabel[m.organisation.kind].en}`,
            `il capofila deve essere un Comune o un'ALER: ${name(m)} è di tipo ${Organisation.kindLabel[m.organisation.kind].it}`,
            m.organisation.id
          )
        )
  }
  return rule
}

/**
 * At least `min` members counting toward the minimum (capofila and partners; associates do not
 * count, our reading).
 *
 * @since 0.1.0
 * @category rules
 */
export const minMembers = (min: number, source: LegalReference): Rule => {
  const rule: Rule = {
    id: "partnership.min-members",
    title: { it: `Almeno ${min} soggetti`, en: `At least ${min} members` },
    source: { ...source, note: "associates are not counted: our reading, unverified" },
    violations: (p) => {
      const n = p.members.filter(counts).length
      return n >= min
        ? []
        : [
            violation(
              rule,
              `the partnership has ${n} ${plural(n, "member", "members")} (capofila and partners; associates do not count), at least ${min} are required`,
              `il partenariato ha ${n} ${plural(n, "membro", "membri")} (capofila e partner; gli associati non contano), ne servono almeno ${min}`
            )
          ]
    }
  }
  return rule
}

// --- 2017 avviso ------------------------------------------------------------------------------

/**
 * 2017 avviso: the grouping has at least 3 subjects. Source: avviso 2017 (facts.md §1.2,
 * confirmed); not counting associates is our reading.
 *
 * @since 0.1.0
 * @category rules
 */
export const minMembers2017: Rule = minMembers(3, Sources.avviso2017)

/**
 * 2017 avviso: the capofila is a Comune or an ALER. Source: avviso 2017 (facts.md §1.2,
 * confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const capofilaKind2017: Rule = capofilaComuneOrAler(Sources.avviso2017)

/**
 * 2017 avviso: at least one member (capofila or partner) is accredited in Lombardy for labour
 * services or training. What counts is the accreditation, whatever the kind. Source: avviso 2017
 * (facts.md §1.2, confirmed: "almeno un partner deve essere un operatore accreditato").
 *
 * @since 0.1.0
 * @category rules
 */
export const labourOperator2017: Rule = {
  id: "partnership.labour-operator",
  title: {
    it: "Almeno un membro accreditato per i servizi al lavoro o alla formazione",
    en: "At least one member accredited for labour/training services"
  },
  source: { ...Sources.avviso2017, note: "an associate's accreditation does not count: our reading, unverified" },
  violations: (p) =>
    p.members.some((m) => counts(m) && Organisation.isAccredited(m.organisation))
      ? []
      : [
          violation(
            labourOperator2017,
            "no member accredited for labour/training services",
            "nessun membro accreditato per i servizi al lavoro o alla formazione"
          )
        ]
}

/**
 * The kinds the 2017 avviso admits as members: Comuni, ALER, third-sector organisations
 * (cooperatives, associations, consortia), imprese sociali and religious bodies; a body of any
 * other kind (ASST, another public administration, the Region) only when accredited for labour
 * or training services.
 *
 * @since 0.1.0
 * @category parameters
 */
export const admissibleKinds2017: ReadonlyArray<Organisation.Kind> = [
  "Comune",
  "ALER",
  "EnteAccreditatoLavoroFormazione",
  ...Organisation.thirdSectorKinds,
  "ImpresaSociale",
  "EnteReligioso"
]

/**
 * 2017 avviso: every member of the grouping is of an admissible kind ({@link admissibleKinds2017})
 * or accredited for labour/training services. One violation per member. Associates are not
 * checked (our reading). Not checked either, because not modelled: enrolment of third-sector
 * bodies in the registers, and the intesa with the State of a religious body's confession.
 * Source: avviso 2017 (facts.md §1.2, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const admissibleKind2017: Rule = {
  id: "partnership.admissible-kind",
  title: { it: "Soggetti ammissibili", en: "Admissible kinds of member" },
  source: {
    ...Sources.avviso2017,
    note: "associates not checked; register enrolment and religious intese not modelled: our reading"
  },
  violations: (p) =>
    p.members
      .filter(
        (m) =>
          counts(m) && !admissibleKinds2017.includes(m.organisation.kind) && !Organisation.isAccredited(m.organisation)
      )
      .map((m) =>
        violation(
          admissibleKind2017,
          `${name(m)} (${Organisation.kindLabel[m.organisation.kind].en}) cannot be a member: the avviso admits Comuni, ALER, accredited labour/training bodies, third-sector organisations, imprese sociali and religious bodies`,
          `${name(m)} (${Organisation.kindLabel[m.organisation.kind].it}) non può essere membro: l'avviso ammette Comuni, ALER, enti accreditati per i servizi al lavoro o alla formazione, enti del terzo settore, imprese sociali ed enti religiosi`,
          m.organisation.id
        )
      )
}

/**
 * The partnership rules of the 2017 avviso, in reporting order.
 *
 * @since 0.1.0
 * @category rules
 */
export const rules2017: RuleSet = {
  id: "avviso-2017",
  title: {
    it: "Avviso gestione sociale dei quartieri ERP (2017)",
    en: "Social management of ERP neighbourhoods call (2017)"
  },
  rules: [
    distinctOrganisations(Sources.avviso2017),
    exactlyOneCapofila(Sources.avviso2017),
    minMembers2017,
    capofilaKind2017,
    labourOperator2017,
    admissibleKind2017
  ]
}

// --- Milano, D.G.R. XI/2717/2019 -------------------------------------------------------------

/**
 * The ISTAT code of the Comune di Milano, `015146` (facts.md §4.4, confirmed).
 *
 * @since 0.1.0
 * @category parameters
 */
export const milanoIstat = knownComuni["015146"].istat

/**
 * Milano (D.G.R. XI/2717/2019): the capofila is the Comune di Milano or ALER Milano, the two
 * Referenti di Programma. They are recognised as a Comune or an ALER whose seat is Milano
 * (ISTAT 015146): the Comune with that ISTAT code is Milano's, and we read the ALER seated in
 * Milano as ALER Milano (every other Lombard ALER has its seat elsewhere; our reading). A
 * capofila without a seat cannot be recognised and is reported. Source: D.G.R. XI/2717/2019
 * (facts.md §1.3, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const capofilaMilano: Rule = {
  id: "partnership.milano-capofila",
  title: { it: "Capofila Comune di Milano o ALER Milano", en: "Capofila is the Comune di Milano or ALER Milano" },
  source: { ...Sources.dgrXI2717, note: "ALER Milano recognised as the ALER seated in Milano: our reading" },
  violations: (p) =>
    capofila(p).flatMap((m) => {
      const o = m.organisation
      if ((o.kind === "Comune" || o.kind === "ALER") && o.seat === milanoIstat) return []
      const why =
        o.kind !== "Comune" && o.kind !== "ALER"
          ? {
              en: `is of kind ${Organisation.kindLabel[o.kind].en}`,
              it: `è di tipo ${Organisation.kindLabel[o.kind].it}`
            }
          : o.seat === undefined
            ? { en: "has no seat given", it: "non ha la sede indicata" }
            : {
                en: `has its seat in ISTAT ${o.seat}, not ${milanoIstat}`,
                it: `ha sede nel comune ISTAT ${o.seat}, non ${milanoIstat}`
              }
      return [
        violation(
          capofilaMilano,
          `the capofila must be the Comune di Milano or ALER Milano (seat ISTAT ${milanoIstat}): ${name(m)} ${why.en}`,
          `il capofila deve essere il Comune di Milano o ALER Milano (sede ISTAT ${milanoIstat}): ${name(m)} ${why.it}`,
          o.id
        )
      ]
    })
}

/**
 * Milano (D.G.R. XI/2717/2019): at least two partners besides the capofila (associates do not
 * count, our reading). Source: D.G.R. XI/2717/2019 (facts.md §1.3, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const minPartnersMilano: Rule = {
  id: "partnership.milano-min-partners",
  title: { it: "Almeno due partner oltre al capofila", en: "At least two partners besides the capofila" },
  source: { ...Sources.dgrXI2717, note: "associates are not counted: our reading, unverified" },
  violations: (p) => {
    const n = p.members.filter((m) => m.role === "partner").length
    return n >= 2
      ? []
      : [
          violation(
            minPartnersMilano,
            `the partnership has ${n} ${plural(n, "partner", "partners")} besides the capofila, at least 2 are required`,
            `il partenariato ha ${n} partner oltre al capofila, ne servono almeno 2`
          )
        ]
  }
}

/**
 * The partnership rules of the Milano programmes (D.G.R. XI/2717/2019), in reporting order. The
 * admissible partners (public administrations, imprese sociali, third sector, accredited bodies,
 * religious bodies) cover every kind of this model, so no kind rule is needed; register
 * enrolment and religious intese are not modelled.
 *
 * @since 0.1.0
 * @category rules
 */
export const rulesMilano2019: RuleSet = {
  id: "milano-dgr-xi-2717",
  title: {
    it: "Programmi integrati di innovazione sociale e welfare locale nei quartieri ERP di Milano (D.G.R. XI/2717/2019)",
    en: "Integrated social-innovation and local-welfare programmes in Milano's ERP neighbourhoods (D.G.R. XI/2717/2019)"
  },
  rules: [
    distinctOrganisations(Sources.dgrXI2717),
    exactlyOneCapofila(Sources.dgrXI2717),
    capofilaMilano,
    minPartnersMilano
  ]
}

// --- PR FSE+ 2024 avviso ---------------------------------------------------------------------

/**
 * PR FSE+ 2024 avviso: the beneficiary (capofila) is an ALER or a Comune. Only the kind is
 * checked: which Comuni are admitted (capoluoghi, Cinisello Balsamo, Legnano, Rho, Sesto San
 * Giovanni) and the 350 SAP units each beneficiary must own are facts about the applicant, not
 * about the partnership (see `Call.fsePlus2024MinSapUnits`). Whether the avviso requires a
 * partnership at all was not found. Source: avviso FSE+ 2024 (facts.md §1.4, confirmed).
 *
 * @since 0.1.0
 * @category rules
 */
export const beneficiaryKind2024: Rule = capofilaComuneOrAler(Sources.avvisoFsePlus2024)

/**
 * The partnership rules of the PR FSE+ 2024 avviso, in reporting order.
 *
 * @since 0.1.0
 * @category rules
 */
export const rulesFsePlus2024: RuleSet = {
  id: "avviso-fse-plus-2024",
  title: {
    it: "PR FSE+ 2021-2027, avviso servizi territoriali integrati per l'abitare (2024)",
    en: "ESF+ 2021-2027 regional programme, integrated local housing-support services call (2024)"
  },
  rules: [
    distinctOrganisations(Sources.avvisoFsePlus2024),
    exactlyOneCapofila(Sources.avvisoFsePlus2024),
    beneficiaryKind2024
  ]
}

// ---------------------------------------------------------------------------------------------
// checking
// ---------------------------------------------------------------------------------------------

/**
 * Every violation of `ruleSet` by `partnership`, in rule-set order, then member order.
 *
 * @since 0.1.0
 * @category rules
 */
export const violations = (ruleSet: RuleSet, partnership: Partnership): ReadonlyArray<Violation> =>
  ruleSet.rules.flatMap((rule) => rule.violations(partnership))

/**
 * Checks a partnership against the rules of a call (anything carrying `partnershipRules`, such
 * as a `Call.Call`): success, or {@link PartnershipInvalid} with **every** violation.
 *
 * @since 0.1.0
 * @category rules
 */
export const check = (
  call: { readonly partnershipRules: RuleSet },
  partnership: Partnership
): Result.Result<void, PartnershipInvalid> =>
  Violations.toResult(
    violations(call.partnershipRules, partnership),
    (vs) => new PartnershipInvalid({ violations: vs })
  )

/**
 * Decodes untrusted input and checks it against a call: the partnership, or every decoding
 * problem ({@link InvalidInput.InvalidInput}), or every rule violation ({@link PartnershipInvalid}).
 * Rules run only on input that decodes.
 *
 * @since 0.1.0
 * @category rules
 */
export const validate = (
  call: { readonly partnershipRules: RuleSet },
  input: unknown
): Result.Result<Partnership, InvalidInput.InvalidInput | PartnershipInvalid> =>
  Result.flatMap(decode(input), (p) => Result.map(check(call, p), () => p))
