/**
 * A fingerprint of what a decision was computed from: the rule set id and version, the
 * `asOf` date and the facts supplied. Same inputs, same hash — whatever the order of the keys
 * or the way a decimal was written ("1,57" and "1.57" decode to the same value and hash
 * alike) — so a stored decision can be matched with a new evaluation of the same case, and
 * an auditor can check that a decision answers the inputs it claims to.
 *
 * The inputs are written as canonical JSON (RFC 8785: object keys sorted by UTF-16 code
 * units, no whitespace, absent facts left out), the same canonical form the audit log hashes,
 * and hashed with SHA-256 (`@noble/hashes`, docs/decisions/0007-noble-hashes.md):
 * `sha256:` followed by 64 lower-case hex digits.
 *
 * @since 0.1.0
 */
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"
import { canonicalJson as canonical, type Json, jsonProblem } from "../internal/json.js"

/**
 * Canonical JSON (RFC 8785) of plain data. Throws on a value JSON cannot hold (a non-finite
 * number, a function, a class instance): encoded facts never are.
 *
 * @since 0.1.0
 * @category formatting
 */
export const canonicalJson = (value: unknown): string => {
  const problem = jsonProblem(value)
  if (problem !== undefined) throw new Error(`InputHash.canonicalJson: ${problem}`)
  return canonical(value as Json)
}

/**
 * The algorithm prefix of every hash this module writes.
 *
 * @since 0.1.0
 * @category models
 */
export const algorithm = "sha256"

/**
 * The hash of a decision's inputs: `sha256:` and the SHA-256 of the canonical JSON of
 * `{ asOf, facts, ruleSet: { id, version } }`, where `facts` holds the present facts in their
 * canonical encoded form.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  ruleSet: { readonly id: string; readonly version: string },
  asOf: string,
  facts: ReadonlyMap<string, unknown>
): string => {
  const text = canonicalJson({
    asOf,
    facts: Object.fromEntries(facts),
    ruleSet: { id: ruleSet.id, version: ruleSet.version }
  })
  return `${algorithm}:${bytesToHex(sha256(utf8ToBytes(text)))}`
}
