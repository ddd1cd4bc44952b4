/**
 * How a decision was reached, node by node: for each rule of the rule set, its result, the
 * facts it read with their values, the parameters it read with their effective date and
 * source, and what it found in words. Like OpenFisca's `/trace` and Catala's JSON trace, but
 * as plain, versioned data with a Schema, so a decision can be stored, exported for audit and
 * decoded back.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Calendar from "../Calendar.js"
import { LegalReference } from "../LegalReference.js"
import { Bilingual } from "./Bilingual.js"
import { Truth } from "./Truth.js"

/**
 * A fact a rule read: its id and its value as supplied (encoded).
 *
 * @since 0.1.0
 * @category models
 */
export const FactRead = Schema.Struct({ id: Schema.String, value: Schema.Unknown })
/** @since 0.1.0 @category models */
export type FactRead = typeof FactRead.Type

/**
 * A parameter value a rule used (`Parameter.Reading`): id, value, the date it took effect
 * and the source in force for it.
 *
 * @since 0.1.0
 * @category models
 */
export const Reading = Schema.Struct({
  id: Schema.String,
  value: Schema.Unknown,
  from: Calendar.CalendarDate,
  source: LegalReference
})
/** @since 0.1.0 @category models */
export type Reading = typeof Reading.Type

/**
 * The kind of a node: a leaf or one of the combinators.
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.Literals(["leaf", "all", "any", "not", "unless", "when"])
/** @since 0.1.0 @category models */
export type Kind = typeof Kind.Type

/**
 * One node of the trace. `missing` lists the missing facts that leave an `unknown` node
 * undecided (empty otherwise); `detail` is what a leaf found ("ISEE € 17.500,00 superiore
 * alla soglia di € 16.000,00"). Children are in rule order (`unless`: rule, exception;
 * `when`: condition, rule).
 *
 * @since 0.1.0
 * @category models
 */
export interface Node {
  readonly rule: string
  readonly kind: Kind
  readonly title: Bilingual
  readonly source: LegalReference
  readonly truth: Truth
  readonly missing: ReadonlyArray<string>
  readonly facts: ReadonlyArray<FactRead>
  readonly parameters: ReadonlyArray<Reading>
  readonly detail?: Bilingual
  readonly children: ReadonlyArray<Node>
}

/** The JSON form of a {@link Node}. @since 0.1.0 @category models */
export interface NodeEncoded {
  readonly rule: string
  readonly kind: Kind
  readonly title: typeof Bilingual.Encoded
  readonly source: typeof LegalReference.Encoded
  readonly truth: Truth
  readonly missing: ReadonlyArray<string>
  readonly facts: ReadonlyArray<typeof FactRead.Encoded>
  readonly parameters: ReadonlyArray<typeof Reading.Encoded>
  readonly detail?: typeof Bilingual.Encoded
  readonly children: ReadonlyArray<NodeEncoded>
}

/** @since 0.1.0 @category models */
export const Node: Schema.Codec<Node, NodeEncoded> = Schema.Struct({
  rule: Schema.String,
  kind: Kind,
  title: Bilingual,
  source: LegalReference,
  truth: Truth,
  missing: Schema.Array(Schema.String),
  facts: Schema.Array(FactRead),
  parameters: Schema.Array(Reading),
  detail: Schema.optionalKey(Bilingual),
  children: Schema.Array(Schema.suspend((): Schema.Codec<Node, NodeEncoded> => Node))
})

/**
 * The leaves that justify a node's result, the "why" of an explanation:
 * - `all`: when true every child, when false the false children, when unknown the unknown ones;
 * - `any`: when true the true children, when false every child, when unknown the unknown ones;
 * - `not`: its child; `unless`: the general rule and the exception, where they matter;
 * - `when`: the rule, where it matters — never a condition that merely does not hold (a case
 *   that does not apply is not a reason), but a condition that is unknown is.
 *
 * @since 0.1.0
 * @category utils
 */
export const justification = (node: Node): ReadonlyArray<Node> => justifyingPath(node).filter((n) => n.kind === "leaf")

/**
 * The nodes visited by {@link justification}, inner nodes included, parents first: every
 * rule whose source an outcome rests on.
 *
 * @since 0.1.0
 * @category utils
 */
export const justifyingPath = (node: Node): ReadonlyArray<Node> => {
  const path: Array<Node> = []
  const visit = (n: Node): void => {
    path.push(n)
    for (const child of justifying(n)) visit(child)
  }
  visit(node)
  return path
}

/** The children of a node that its result rests on (see {@link justification}). */
const justifying = (node: Node): ReadonlyArray<Node> => {
  const withTruth = (t: Truth) => node.children.filter((c) => c.truth === t)
  switch (node.kind) {
    case "leaf":
      return []
    case "all":
      return node.truth === "true" ? node.children : withTruth(node.truth)
    case "any":
      return node.truth === "false" ? node.children : withTruth(node.truth)
    case "not":
      return node.children
    case "unless": {
      const [rule, exception] = node.children
      if (rule === undefined || exception === undefined) return []
      return node.truth === "true"
        ? [rule, exception]
        : node.truth === "false"
          ? [...(rule.truth === "false" ? [rule] : []), ...(exception.truth === "true" ? [exception] : [])]
          : [...(rule.truth === "unknown" ? [rule] : []), ...(exception.truth === "unknown" ? [exception] : [])]
    }
    case "when": {
      const [condition, rule] = node.children
      if (condition === undefined || rule === undefined) return []
      return node.truth === "unknown"
        ? [...(condition.truth === "unknown" ? [condition] : []), ...(rule.truth === "unknown" ? [rule] : [])]
        : condition.truth === "false"
          ? []
          : [rule]
    }
  }
}

/**
 * The node of a rule, by id.
 *
 * @since 0.1.0
 * @category utils
 */
export const find = (node: Node, rule: string): Node | undefined => {
  if (node.rule === rule) return node
  for (const child of node.children) {
    const found = find(child, rule)
    if (found !== undefined) return found
  }
  return undefined
}

/**
 * Every node of the trace, parents before children.
 *
 * @since 0.1.0
 * @category utils
 */
export const nodes = (node: Node): ReadonlyArray<Node> => [node, ...node.children.flatMap(nodes)]
