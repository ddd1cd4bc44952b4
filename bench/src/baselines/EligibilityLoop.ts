/**
 * The raw baseline of the eligibility workload: the SAP access (r.r. 4/2017, art. 7) and
 * Inclusione attiva (2017 avviso) checks written by hand as plain JavaScript, over the same
 * request objects the engine reads. It does what a careful programmer would write to get the
 * same answer, and nothing more:
 *
 * - the same input checks (each fact's type and range, no unknown key, a real `asOf` on which
 *   the parameters are in force), without messages;
 * - the same three-valued logic: a missing fact that cannot change a requirement is not asked
 *   for (the five years of residence, the PSE when the assets are within the lowest family
 *   limit), so the outcome **and the list of missing facts** equal the engine's;
 * - the parameter values of the date written as constants (they have one step each on the
 *   benchmark's date, except the residence years, read by date).
 *
 * No trace, no explanation, no hints, no hash: that is the engine's added value, and what the
 * ratio measures.
 *
 * @since 0.1.0
 */

/** A decision as the baseline gives it: the outcome and the missing facts, in rule-set order. */
export interface Verdict {
  readonly outcome: "eligible" | "ineligible" | "undetermined"
  readonly missing: ReadonlyArray<string>
}

/** The baseline's "invalid request". */
export const invalid = "invalid" as const

// Kleene truth as numbers: 1 true, 0 false, 2 unknown. Missing facts as bit sets in the rule
// set's fact order, so that a union is an `|` and the order comes for free.
const T = 1
const F = 0
const U = 2

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
const isDate = (s: unknown): s is string => {
  if (typeof s !== "string") return false
  const m = ISO.exec(s)
  if (m === null) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return d <= (mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31)
}
const isCents = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= min && v <= max
const DECIMAL = /^(\d{1,5})(?:[.,](\d{1,3}))?$/
const thousandths = (v: unknown): number | undefined => {
  if (typeof v !== "string") return undefined
  const m = DECIMAL.exec(v)
  if (m === null) return undefined
  const n = Number(m[1]) * 1000 + Number((m[2] ?? "").padEnd(3, "0"))
  return n >= 1000 && n <= 99_999 ? n : undefined
}

const names = (bits: number, facts: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let i = 0; i < facts.length; i++) if (bits & (1 << i)) out.push(facts[i] as string)
  return out
}
const verdict = (truth: number, missing: number, facts: ReadonlyArray<string>): Verdict =>
  truth === T
    ? { outcome: "eligible", missing: [] }
    : truth === F
      ? { outcome: "ineligible", missing: [] }
      : { outcome: "undetermined", missing: names(missing, facts) }

// ---------------------------------------------------------------------------------------------
// SAP access
// ---------------------------------------------------------------------------------------------

const sapFacts = [
  "citizenship",
  "residencePermit",
  "regularWork",
  "residesOrWorksInLombardy",
  "yearsInLombardy",
  "isee",
  "patrimonio",
  "householdSize",
  "pse",
  "ownsAdequateDwelling"
] as const
const sapKnown = new Set<string>(sapFacts)
const CITIZENSHIP = new Set(["italiana", "ue", "extra-ue"])
const PERMIT = new Set(["ue-lungo-periodo", "almeno-biennale", "parita-trattamento", "altro"])

const ISEE_CEILING = 1_600_000
const ASSETS_SINGLE = 2_200_000
const ASSETS_BASE = 1_600_000
const ASSETS_PER_PSE = 500_000
const familyLimit = (pse: number): number => ASSETS_BASE + Math.floor((ASSETS_PER_PSE * pse * 2 + 1000) / 2000)
const LOWEST_FAMILY_LIMIT = familyLimit(1000)
const HIGHEST_FAMILY_LIMIT = familyLimit(99_999)

/**
 * SAP access for one request, or `invalid`.
 *
 * @since 0.1.0
 * @category rules
 */
export const sapAccess = (request: {
  readonly asOf: string
  readonly facts: Readonly<Record<string, unknown>>
}): Verdict | typeof invalid => {
  const asOf = request.asOf
  if (!isDate(asOf) || asOf < "2017-08-09") return invalid
  const f = request.facts
  for (const key in f) if (!sapKnown.has(key)) return invalid
  const citizenship = f.citizenship ?? undefined
  const permit = f.residencePermit ?? undefined
  const work = f.regularWork ?? undefined
  const lombardy = f.residesOrWorksInLombardy ?? undefined
  const years = f.yearsInLombardy ?? undefined
  const isee = f.isee ?? undefined
  const assets = f.patrimonio ?? undefined
  const size = f.householdSize ?? undefined
  const pseRaw = f.pse ?? undefined
  const dwelling = f.ownsAdequateDwelling ?? undefined
  if (citizenship !== undefined && !(typeof citizenship === "string" && CITIZENSHIP.has(citizenship))) return invalid
  if (permit !== undefined && !(typeof permit === "string" && PERMIT.has(permit))) return invalid
  if (work !== undefined && typeof work !== "boolean") return invalid
  if (lombardy !== undefined && typeof lombardy !== "boolean") return invalid
  if (years !== undefined && !isInt(years, 0, Number.MAX_SAFE_INTEGER)) return invalid
  if (isee !== undefined && !isCents(isee)) return invalid
  if (assets !== undefined && !isCents(assets)) return invalid
  if (size !== undefined && !isInt(size, 1, 99)) return invalid
  const pse = pseRaw === undefined ? undefined : thousandths(pseRaw)
  if (pseRaw !== undefined && pse === undefined) return invalid
  if (dwelling !== undefined && typeof dwelling !== "boolean") return invalid

  let truth = T // the conjunction of the five requirements
  let missing = 0
  const and = (t: number, m: number) => {
    if (t === F) truth = F
    else if (t === U && truth !== F) {
      truth = U
      missing |= m
    }
  }

  // lett. a: Italian or EU, or a permit giving equal treatment, or a biennial permit and work
  {
    const a = citizenship === undefined ? U : citizenship === "italiana" || citizenship === "ue" ? T : F
    const b = permit === undefined ? U : permit === "ue-lungo-periodo" || permit === "parita-trattamento" ? T : F
    const c1 = permit === undefined ? U : permit === "almeno-biennale" ? T : F
    const c2 = work === undefined ? U : work ? T : F
    const c = c1 === F || c2 === F ? F : c1 === U || c2 === U ? U : T
    const cm = (c1 === U ? 2 : 0) | (c2 === U ? 4 : 0)
    const t = a === T || b === T || c === T ? T : a === U || b === U || c === U ? U : F
    and(t, (a === U ? 1 : 0) | (b === U ? 2 : 0) | (c === U ? cm : 0))
  }
  // residence or work in Lombardy, for at least the years in force (5 until 11/03/2020, then 0)
  {
    const a = lombardy === undefined ? U : lombardy ? T : F
    const required = asOf >= "2020-03-12" ? 0 : 5
    const b = years === undefined ? (required <= 0 ? T : U) : years >= required ? T : F
    const t = a === F || b === F ? F : a === U || b === U ? U : T
    and(t, (a === U ? 8 : 0) | (b === U ? 16 : 0))
  }
  // lett. c: ISEE
  and(isee === undefined ? U : isee <= ISEE_CEILING ? T : F, 32)
  // lett. c: assets, by household size
  {
    const single = size === undefined ? U : size === 1 ? T : F
    const singleLimit = assets === undefined ? U : assets <= ASSETS_SINGLE ? T : F
    // when(c, r) = ¬c ∨ r
    const w1 = single === F || singleLimit === T ? T : single === U || singleLimit === U ? U : F
    const w1m = w1 === U ? (single === U ? 128 : 0) | (singleLimit === U ? 64 : 0) : 0
    const family = size === undefined ? U : size >= 2 ? T : F
    let familyLimitTruth: number
    let familyMissing = 0
    if (assets === undefined) {
      familyLimitTruth = U
      familyMissing = pse === undefined ? 64 | 256 : 64
    } else if (pse === undefined) {
      if (assets <= LOWEST_FAMILY_LIMIT) familyLimitTruth = T
      else if (assets > HIGHEST_FAMILY_LIMIT) familyLimitTruth = F
      else {
        familyLimitTruth = U
        familyMissing = 256
      }
    } else familyLimitTruth = assets <= familyLimit(pse) ? T : F
    const w2 = family === F || familyLimitTruth === T ? T : family === U || familyLimitTruth === U ? U : F
    const w2m = w2 === U ? (family === U ? 128 : 0) | (familyLimitTruth === U ? familyMissing : 0) : 0
    const t = w1 === F || w2 === F ? F : w1 === U || w2 === U ? U : T
    and(t, w1m | w2m)
  }
  // lett. d: no adequate dwelling owned
  and(dwelling === undefined ? U : dwelling ? F : T, 512)
  return verdict(truth, missing, sapFacts)
}

// ---------------------------------------------------------------------------------------------
// Inclusione attiva
// ---------------------------------------------------------------------------------------------

const iaFacts = [
  "residesInProjectComplex",
  "labourStatus",
  "arrearsAmount",
  "arrearsCause",
  "isee",
  "inActivePathway",
  "birthDate"
] as const
const iaKnown = new Set<string>(iaFacts)
const STATUS = new Set([
  "employed",
  "self-employed",
  "unemployed",
  "inactive-in-education-or-training",
  "inactive-not-in-education-or-training"
])
const CAUSE = new Set(["incolpevole", "colpevole"])
const IA_ISEE_CEILING = 936_000

/** Completed years on `at` (a 29 February birthday comes on 1 March in common years). */
const age = (birth: string, at: string): number =>
  Number(at.slice(0, 4)) - Number(birth.slice(0, 4)) - (at.slice(5) < birth.slice(5) ? 1 : 0)

/**
 * Inclusione attiva for one request, or `invalid`.
 *
 * @since 0.1.0
 * @category rules
 */
export const inclusioneAttiva = (request: {
  readonly asOf: string
  readonly facts: Readonly<Record<string, unknown>>
}): Verdict | typeof invalid => {
  const asOf = request.asOf
  if (!isDate(asOf) || asOf < "2017-11-15") return invalid
  const f = request.facts
  for (const key in f) if (!iaKnown.has(key)) return invalid
  const resides = f.residesInProjectComplex ?? undefined
  const status = f.labourStatus ?? undefined
  const arrears = f.arrearsAmount ?? undefined
  const cause = f.arrearsCause ?? undefined
  const isee = f.isee ?? undefined
  const running = f.inActivePathway ?? undefined
  const birth = f.birthDate ?? undefined
  if (resides !== undefined && typeof resides !== "boolean") return invalid
  if (status !== undefined && !(typeof status === "string" && STATUS.has(status))) return invalid
  if (arrears !== undefined && !isCents(arrears)) return invalid
  if (cause !== undefined && !(typeof cause === "string" && CAUSE.has(cause))) return invalid
  if (isee !== undefined && !isCents(isee)) return invalid
  if (running !== undefined && typeof running !== "boolean") return invalid
  if (birth !== undefined && !isDate(birth)) return invalid

  let truth = T
  let missing = 0
  const and = (t: number, m: number) => {
    if (t === F) truth = F
    else if (t === U && truth !== F) {
      truth = U
      missing |= m
    }
  }
  and(resides === undefined ? U : resides ? T : F, 1)
  {
    const a = status === undefined ? U : status === "unemployed" || status.startsWith("inactive") ? T : F
    const owed = arrears === undefined ? U : arrears > 0 ? T : F
    const noFault = cause === undefined ? U : cause === "incolpevole" ? T : F
    const b = owed === F || noFault === F ? F : owed === U || noFault === U ? U : T
    const bm = (owed === U ? 4 : 0) | (noFault === U ? 8 : 0)
    const c = isee === undefined ? U : isee < IA_ISEE_CEILING ? T : F
    const t = a === T || b === T || c === T ? T : a === U || b === U || c === U ? U : F
    and(t, (a === U ? 2 : 0) | (b === U ? bm : 0) | (c === U ? 16 : 0))
  }
  and(running === undefined ? U : running ? F : T, 32)
  if (birth === undefined) and(U, 64)
  else {
    const years = age(birth, asOf)
    and(years >= 18 && years <= 64 ? T : F, 0)
  }
  return verdict(truth, missing, iaFacts)
}
