/**
 * Shape checks shared by the fixed-width identifiers (CUP, Belfiore, ISTAT, 11-digit codes).
 * Each check names what is wrong — the length, or the first character of the wrong kind and
 * its position — because a municipal clerk has to find the typo, not read a regex.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * Exactly `n` characters. Aborts the checks after it: they read characters by position.
 *
 * @since 0.1.0
 * @category rules
 */
export const hasLength = (n: number) =>
  Schema.makeFilter((s: string) => s.length === n || `expected ${n} characters, got ${s.length}`, undefined, true)

/**
 * The kind of character each position wants: `L` a letter A-Z, `9` a digit, e.g. `"L999"`.
 *
 * @since 0.1.0
 * @category models
 */
export type Layout = string

/**
 * `true` when every character of `s` has the kind `layout` wants at its position, otherwise a
 * message that names the first one that does not. `s` must already have the layout's length.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkLayout = (s: string, layout: Layout): true | string => {
  for (let i = 0; i < layout.length; i++) {
    const c = s.charAt(i)
    const letter = layout.charAt(i) === "L"
    if (!(letter ? /^[A-Z]$/ : /^[0-9]$/).test(c))
      return `invalid character ${JSON.stringify(c)} at position ${i + 1}: expected ${letter ? "a letter A-Z" : "a digit"}`
  }
  return true
}

/**
 * A filter for {@link checkLayout}, exported to JSON Schema as `pattern` (the same layout as a
 * regular expression). Aborts the checks after it, like {@link hasLength}.
 *
 * @since 0.1.0
 * @category rules
 */
export const hasLayout = (layout: Layout, pattern: RegExp) =>
  Schema.makeFilter((s: string) => checkLayout(s, layout), { toJsonSchema: () => ({ pattern: pattern.source }) }, true)
