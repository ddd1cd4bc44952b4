/**
 * Text rules shared by every Store adapter, so that all of them accept and refuse the same
 * strings: no U+0000 (PostgreSQL `text` and `jsonb` cannot hold it) and no lone UTF-16
 * surrogate (not Unicode: SQLite and PostgreSQL would silently replace it, which is a lost
 * write). Lengths that adapters index are measured in UTF-8 bytes.
 *
 * @since 0.1.0
 */

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

// `String.prototype.isWellFormed` (ES2024, Node 20) is native and much faster than the regular
// expression; the expression stays for runtimes without it.
const wellFormed: (text: string) => boolean =
  typeof (String.prototype as { readonly isWellFormed?: unknown }).isWellFormed === "function"
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (text) => !loneSurrogate.test(text)

/** Whether `text` can be stored: `textProblem(text) === undefined`, without building the message. */
export const isStorableText = (text: string): boolean => !text.includes("\u0000") && wellFormed(text)

/** Why `text` cannot be stored, or `undefined` when it can. */
export const textProblem = (text: string): string | undefined => {
  if (text.includes("\u0000")) return "contains the character U+0000 (NUL), which no adapter can store"
  if (!wellFormed(text)) return "contains a lone UTF-16 surrogate, so it is not well-formed Unicode"
  return undefined
}

/** The length of well-formed `text` in UTF-8 bytes. */
export const utf8Length = (text: string): number => {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

const fixup = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit)

/**
 * Compares two well-formed strings by Unicode code point, which is also the order of their
 * UTF-8 bytes: the order of SQLite's BINARY collation and of PostgreSQL's `COLLATE "C"`.
 * JavaScript's `<` compares UTF-16 code units instead, which puts U+E000–U+FFFF after the
 * astral planes (emoji); the fix-up below moves them back where the code points put them.
 */
export const compareText = (a: string, b: string): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return fixup(x) - fixup(y)
  }
  return a.length - b.length
}
