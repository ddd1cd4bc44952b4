/**
 * Text in Italian and English. Every word the eligibility engine shows a person — a rule's
 * title, a fact's label, a line of an explanation, a hint — exists in both languages: Italian
 * for the municipal staff and the families, English for the maintainers and for audits.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * The same text in Italian (`it`) and English (`en`).
 *
 * @since 0.1.0
 * @category models
 */
export const Bilingual = Schema.Struct({
  it: Schema.String,
  en: Schema.String
})
/** @since 0.1.0 @category models */
export type Bilingual = typeof Bilingual.Type

/**
 * A text from its two versions.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (it: string, en: string): Bilingual => ({ it, en })

/**
 * Applies the same rendering to both languages: `map(t, (s, lang) => …)`.
 *
 * @since 0.1.0
 * @category utils
 */
export const map = (t: Bilingual, f: (s: string, lang: "it" | "en") => string): Bilingual => ({
  it: f(t.it, "it"),
  en: f(t.en, "en")
})

/**
 * Joins texts with a separator per language: `join([a, b], { it: " o ", en: " or " })`.
 *
 * @since 0.1.0
 * @category utils
 */
export const join = (parts: ReadonlyArray<Bilingual>, separator: Bilingual): Bilingual => ({
  it: parts.map((p) => p.it).join(separator.it),
  en: parts.map((p) => p.en).join(separator.en)
})

/**
 * Builds a text from a template run once per language, for sentences whose parts are
 * themselves bilingual: `render((l) => \`${label[l]} ${value[l]}\`)`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const render = (f: (lang: "it" | "en") => string): Bilingual => ({ it: f("it"), en: f("en") })
