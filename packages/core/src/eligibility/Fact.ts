/**
 * The facts a rule set reads: the ISEE of the household, the citizenship of the applicant,
 * the date a lease started. A fact is declared once — id, Italian and English label, the
 * phrase a hint uses to ask for it ("data di inizio della locazione"), a Schema and how to
 * show a value — and every rule that reads it refers to that declaration.
 *
 * Facts are plain values (cents, whole numbers, literals, booleans, calendar dates, exact
 * decimals as strings), so that the eligibility engine does not depend on the registry
 * modules: whoever holds a household record maps it onto these facts. A caller supplies
 * facts as a record in which any fact may be missing (absent, `undefined` or `null`); a
 * missing fact is never guessed, it makes the rules that need it undetermined.
 *
 * @since 0.1.0
 */
import { Effect, Result, Schema, SchemaIssue, SchemaTransformation } from "effect"
import * as Calendar from "../Calendar.js"
import * as InvalidInput from "../InvalidInput.js"
import * as Money from "../Money.js"
import * as Bilingual from "./Bilingual.js"

/**
 * What kind of value a fact holds; explanations and hints are phrased by kind.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind = "boolean" | "enumeration" | "integer" | "decimal" | "date"

/**
 * A declared fact. `label` names it inside a sentence ("ISEE € 17.500,00 superiore…"),
 * `phrase` says what to supply when it is missing ("ISEE del nucleo familiare"). `domain`
 * lists every admissible value of an enumeration or boolean; `range` bounds a numeric fact
 * (in the unit of its decoded value). Both let a rule see that a missing fact cannot change
 * its result, and let a hint pick a value that the Schema accepts.
 *
 * @since 0.1.0
 * @category models
 */
export interface Fact<A> {
  readonly id: string
  readonly label: Bilingual.Bilingual
  readonly phrase: Bilingual.Bilingual
  readonly kind: Kind
  readonly schema: Schema.Codec<A, unknown>
  readonly domain?: ReadonlyArray<A>
  readonly range?: { readonly min?: number; readonly max?: number }
  /** The value as shown in an explanation: `€ 17.500,00`, `1,57`, `3 anni`. */
  show(value: A): Bilingual.Bilingual
}

/** A fact of any type, as rule sets list them. @since 0.1.0 @category models */
export type Any = Fact<unknown>

/**
 * The decoded type of a fact.
 *
 * @since 0.1.0
 * @category models
 */
export type Type<F> = F extends Fact<infer A> ? A : never

interface Common {
  readonly id: string
  readonly label: Bilingual.Bilingual
  readonly phrase: Bilingual.Bilingual
}

const checkId = (id: string): void => {
  if (!/^[a-z][A-Za-z0-9]*$/.test(id))
    throw new Error(`Fact id ${JSON.stringify(id)} must be camelCase ASCII, such as "isee" or "householdSize"`)
}

/**
 * For the facts built here whose decoded and encoded forms are the supplied value itself
 * (booleans, enumerations, whole numbers, cents, dates): a check that accepts only valid
 * values, so that {@link decodeInput} skips the Schema on the common path. A value it does not
 * accept goes through the Schema, which says what is wrong.
 */
const identities = new WeakMap<Any, (u: unknown) => boolean>()

const make = <A>(fact: Fact<A>, accepts?: (u: unknown) => boolean): Fact<A> => {
  checkId(fact.id)
  if (accepts !== undefined) identities.set(fact as Any, accepts)
  return fact
}

/**
 * Whether `value` is taken as it is by the fast path of {@link decodeInput}: only for facts of
 * this module's constructors, and only when the fact's Schema decodes it to itself.
 *
 * @since 0.1.0
 * @category utils
 */
export const acceptsAsIs = (fact: Any, value: unknown): boolean => identities.get(fact)?.(value) === true

/**
 * For the decimals built here: the decoded value (thousandths) of a text the Schema accepts,
 * without the Schema; `undefined` for anything else, which then goes through the Schema to be
 * refused with its message. Tested against the Schema (`Decide.property.test.ts`).
 */
const quickDecoders = new WeakMap<Any, (u: unknown) => number | undefined>()

/**
 * The value {@link decodeInput} takes for `value` without the fact's Schema — the value itself
 * for the facts of {@link acceptsAsIs}, the thousandths of a valid decimal text — or
 * `undefined` when the Schema must decide.
 *
 * @since 0.1.0
 * @category utils
 */
export const quickDecode = (fact: Any, value: unknown): unknown =>
  acceptsAsIs(fact, value) ? value : quickDecoders.get(fact)?.(value)

/**
 * A yes/no fact, shown as one of two statements: `ownsAdequateDwelling` is shown as
 * "possiede un alloggio adeguato" or "non possiede un alloggio adeguato".
 *
 * @since 0.1.0
 * @category constructors
 */
export const boolean = (
  spec: Common & { readonly statements: { readonly true: Bilingual.Bilingual; readonly false: Bilingual.Bilingual } }
): Fact<boolean> =>
  make(
    {
      id: spec.id,
      label: spec.label,
      phrase: spec.phrase,
      kind: "boolean",
      schema: Schema.Boolean,
      domain: [true, false],
      show: (value) => (value ? spec.statements.true : spec.statements.false)
    },
    (u) => typeof u === "boolean"
  )

/**
 * A fact that takes one of a fixed list of string values, each with its label.
 *
 * @since 0.1.0
 * @category constructors
 */
export const enumeration = <const L extends string>(
  spec: Common & {
    readonly values: readonly [
      { readonly value: L; readonly label: Bilingual.Bilingual },
      ...Array<{ readonly value: L; readonly label: Bilingual.Bilingual }>
    ]
  }
): Fact<L> => {
  const values = spec.values.map((v) => v.value)
  const labels = new Map<string, Bilingual.Bilingual>(spec.values.map((v) => [v.value, v.label]))
  const allowed = values.map((v) => JSON.stringify(v)).join(", ")
  const schema = Schema.String.pipe(
    Schema.check(
      Schema.makeFilter(
        (s: string) => values.includes(s as L) || `expected one of ${allowed}, got ${JSON.stringify(s)}`
      )
    )
  ) as unknown as Schema.Codec<L, unknown>
  return make<L>(
    {
      id: spec.id,
      label: spec.label,
      phrase: spec.phrase,
      kind: "enumeration",
      schema,
      domain: values,
      show: (value) => labels.get(value) ?? Bilingual.make(value, value)
    },
    (u) => typeof u === "string" && labels.has(u)
  )
}

const integerSchema = (min: number | undefined, max: number | undefined) =>
  Schema.Number.pipe(
    Schema.check(
      Schema.makeFilter(
        (n: number) =>
          (Number.isSafeInteger(n) && (min === undefined || n >= min) && (max === undefined || n <= max)) ||
          `expected a whole number${min === undefined ? "" : ` of at least ${min}`}${max === undefined ? "" : `${min === undefined ? "" : " and"} at most ${max}`}, got ${n}`
      )
    )
  )

/**
 * A whole number (a count, a number of years), optionally bounded, shown with its unit:
 * `3 anni`, `1 persona`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const integer = (
  spec: Common & {
    readonly min?: number
    readonly max?: number
    readonly unit?: { readonly one: Bilingual.Bilingual; readonly many: Bilingual.Bilingual }
  }
): Fact<number> =>
  make(
    {
      id: spec.id,
      label: spec.label,
      phrase: spec.phrase,
      kind: "integer",
      schema: integerSchema(spec.min, spec.max),
      range: {
        ...(spec.min === undefined ? {} : { min: spec.min }),
        ...(spec.max === undefined ? {} : { max: spec.max })
      },
      show: (n) => {
        const unit = spec.unit === undefined ? undefined : n === 1 ? spec.unit.one : spec.unit.many
        return unit === undefined ? Bilingual.make(String(n), String(n)) : Bilingual.map(unit, (u) => `${n} ${u}`)
      }
    },
    (u) =>
      typeof u === "number" &&
      Number.isSafeInteger(u) &&
      (spec.min === undefined || u >= spec.min) &&
      (spec.max === undefined || u <= spec.max)
  )

/**
 * An amount in euro cents, zero or more, shown as `€ 17.500,00` (`Money.format`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const cents = (spec: Common): Fact<Money.NonNegativeCents> =>
  make(
    {
      id: spec.id,
      label: spec.label,
      phrase: spec.phrase,
      kind: "integer",
      schema: Money.NonNegativeCents,
      range: { min: 0, max: Number.MAX_SAFE_INTEGER },
      show: (amount) => {
        const text = Money.format(amount)
        return Bilingual.make(text, text)
      }
    },
    (u) => typeof u === "number" && Number.isSafeInteger(u) && u >= 0
  )

/**
 * Thousandths as an Italian decimal: 1570 → `1,57`, 2000 → `2,00`, 1575 → `1,575`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatThousandths = (n: number): string => {
  const units = Math.trunc(n / 1000)
  const decimals = String(n % 1000)
    .padStart(3, "0")
    .replace(/0$/, "")
  return `${units},${decimals}`
}

const DECIMAL = /^(\d{1,5})(?:[.,](\d{1,3}))?$/

/**
 * Reads an exact decimal with up to three decimals as thousandths, without a float:
 * `"1.57"` and `"1,57"` → 1570. `undefined` when the text is not such a decimal.
 *
 * @since 0.1.0
 * @category utils
 */
export const parseThousandths = (text: string): number | undefined => {
  const m = DECIMAL.exec(text)
  if (m === null) return undefined
  return Number(m[1]) * 1000 + Number((m[2] ?? "").padEnd(3, "0"))
}

/**
 * An exact decimal with up to three decimals, such as the ISEE equivalence-scale parameter
 * (`"1.57"`): written as a string (dot or comma) so that it never passes through a float,
 * decoded to whole thousandths (1570), encoded back as `"1.57"`, shown as `1,57`. `min` and
 * `max` are in thousandths.
 *
 * @since 0.1.0
 * @category constructors
 */
export const thousandths = (spec: Common & { readonly min?: number; readonly max?: number }): Fact<number> => {
  const min = spec.min ?? 0
  const max = spec.max ?? 99_999_999
  const schema = Schema.Unknown.pipe(
    Schema.decodeTo(
      Schema.Number,
      SchemaTransformation.transformEffect({
        decode: (text: unknown, options) => {
          const n = typeof text === "string" ? parseThousandths(text) : undefined
          const why =
            typeof text !== "string"
              ? `expected a decimal written as a string, such as "1.57", got ${typeof text === "number" ? `the number ${text}: a number may be inexact` : typeof text}`
              : n === undefined
                ? `expected a decimal with at most 3 decimals written as a string, such as "1.57", got ${JSON.stringify(text)}`
                : n < min || n > max
                  ? `expected a value between ${formatThousandths(min)} and ${formatThousandths(max)}, got ${JSON.stringify(text)}`
                  : undefined
          return why === undefined
            ? Effect.succeed(n as number)
            : Effect.fail(new SchemaIssue.InvalidValue({ message: why }, text, options))
        },
        encode: (n: number) => Effect.succeed<unknown>(formatThousandths(n).replace(",", "."))
      })
    )
  )
  const fact = make({
    id: spec.id,
    label: spec.label,
    phrase: spec.phrase,
    kind: "decimal",
    schema,
    range: { min, max },
    show: (n) => {
      const text = formatThousandths(n)
      return Bilingual.make(text, text)
    }
  })
  quickDecoders.set(fact as Any, (u) => {
    const n = typeof u === "string" ? parseThousandths(u) : undefined
    return n !== undefined && n >= min && n <= max ? n : undefined
  })
  return fact
}

/**
 * A calendar date (`YYYY-MM-DD`), shown the Italian way in Italian (`16/05/2020`) and as ISO
 * in English.
 *
 * @since 0.1.0
 * @category constructors
 */
export const date = (spec: Common): Fact<Calendar.CalendarDate> =>
  make(
    {
      id: spec.id,
      label: spec.label,
      phrase: spec.phrase,
      kind: "date",
      schema: Calendar.CalendarDate,
      show: (d) => Bilingual.make(`${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`, d)
    },
    Calendar.isCalendarDate
  )

/**
 * A decoded value back in its supplied (encoded) form, for traces, hashes and hints.
 *
 * @since 0.1.0
 * @category utils
 */
export const encode = <A>(fact: Fact<A>, value: A): unknown => codecOf(fact as Any).encode(value)

/** The decoder and encoder of a fact's Schema, built once per fact. */
interface Codec {
  readonly decode: ReturnType<typeof Schema.decodeUnknownResult<Schema.Codec<unknown, unknown>>>
  readonly encode: (value: unknown) => unknown
}
const codecs = new WeakMap<Any, Codec>()
const codecOf = (fact: Any): Codec => {
  let codec = codecs.get(fact)
  if (codec === undefined) {
    codec = { decode: Schema.decodeUnknownResult(fact.schema), encode: Schema.encodeSync(fact.schema) }
    codecs.set(fact, codec)
  }
  return codec
}

/**
 * A value in encoded form when the fact's Schema accepts it, otherwise as it is: for bounds
 * shown in a hint, which need not be admissible values of the fact themselves.
 *
 * @since 0.1.0
 * @category utils
 */
export const encodeLenient = <A>(fact: Fact<A>, value: A): unknown =>
  Result.getOrElse(Schema.encodeResult(fact.schema)(value), () => value)

/**
 * Facts as a caller supplies them: fact id → encoded value; absent, `undefined` or `null`
 * means missing.
 *
 * @since 0.1.0
 * @category models
 */
export type Input = Readonly<Record<string, unknown>>

/**
 * Decoded facts: the present ones only, by id, with their decoded and canonical encoded
 * values.
 *
 * @since 0.1.0
 * @category models
 */
export interface Decoded {
  readonly values: ReadonlyMap<string, unknown>
  readonly encoded: ReadonlyMap<string, unknown>
}

/** The declared facts by id, with their position, built once per list of facts (a rule set's). */
const byIds = new WeakMap<ReadonlyArray<Any>, ReadonlyMap<string, { readonly fact: Any; readonly at: number }>>()
const factsById = (facts: ReadonlyArray<Any>): ReadonlyMap<string, { readonly fact: Any; readonly at: number }> => {
  let byId = byIds.get(facts)
  if (byId === undefined) {
    byId = new Map(facts.map((fact, at) => [fact.id, { fact, at }]))
    byIds.set(facts, byId)
  }
  return byId
}

/**
 * Decodes a fact record against the declared facts, reporting **every** problem with its
 * path (`facts.isee`): a value that does not decode, a key that names no declared fact (a
 * typo would otherwise pass for a missing fact), input that is not a record. Never throws.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeInput = (
  facts: ReadonlyArray<Any>,
  input: unknown,
  path = "facts"
): Result.Result<Decoded, ReadonlyArray<InvalidInput.Problem>> => decodeFacts(facts, input, path, true)

/**
 * {@link decodeInput} for deciding only: the same checks and problems, the decoded values, and
 * no encoded form (an empty map) — the decision-only mode writes no trace and no hash, and
 * encoding a decimal costs a second pass through its Schema.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decodeValues = (
  facts: ReadonlyArray<Any>,
  input: unknown,
  path = "facts"
): Result.Result<Decoded, ReadonlyArray<InvalidInput.Problem>> => decodeFacts(facts, input, path, false)

const noEncoding: ReadonlyMap<string, unknown> = new Map()

const decodeFacts = (
  facts: ReadonlyArray<Any>,
  input: unknown,
  path: string,
  withEncoded: boolean
): Result.Result<Decoded, ReadonlyArray<InvalidInput.Problem>> => {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return Result.fail([{ path, message: 'expected a record of facts, such as { "isee": 1200000 }' }])
  const record = input as Record<string, unknown>
  const byId = factsById(facts)
  const problems: Array<InvalidInput.Problem> = []
  const values = new Map<string, unknown>()
  const encoded = withEncoded ? new Map<string, unknown>() : undefined
  // One pass over the keys supplied (a request holds a few of the rule set's facts); the
  // problems of values that do not decode follow those of unknown keys, in the rule set's order.
  let refused: Array<{ readonly at: number; readonly problems: ReadonlyArray<InvalidInput.Problem> }> | undefined
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue
    const declared = byId.get(key)
    if (declared === undefined) {
      problems.push({
        path: `${path}.${key}`,
        message: `${JSON.stringify(key)} is not a fact of this rule set; known facts: ${facts.map((f) => f.id).join(", ")}`
      })
      continue
    }
    const { fact, at } = declared
    const raw = record[key]
    if (raw === undefined || raw === null) continue
    if (acceptsAsIs(fact, raw)) {
      values.set(fact.id, raw)
      encoded?.set(fact.id, raw)
      continue
    }
    const codec = codecOf(fact)
    const quick = quickDecoders.get(fact)?.(raw)
    if (quick !== undefined) {
      values.set(fact.id, quick)
      encoded?.set(fact.id, codec.encode(quick))
      continue
    }
    const decoded = codec.decode(raw, { errors: "all" })
    if (Result.isFailure(decoded)) {
      refused ??= []
      refused.push({
        at,
        problems: InvalidInput.problemsOf(decoded.failure.issue).map((p) => ({
          path: p.path === "" ? `${path}.${fact.id}` : `${path}.${fact.id}.${p.path}`,
          message: p.message
        }))
      })
      continue
    }
    values.set(fact.id, decoded.success)
    encoded?.set(fact.id, codec.encode(decoded.success))
  }
  if (refused !== undefined) for (const r of refused.sort((a, b) => a.at - b.at)) problems.push(...r.problems)
  return problems.length > 0 ? Result.fail(problems) : Result.succeed({ values, encoded: encoded ?? noEncoding })
}
