/**
 * What a refusal of the library says, in both languages, for a person reading the terminal:
 * the problems of an `InvalidInput` with their paths, the reason of a `NotAuthorized`, the
 * violations of a rule with their sources, the state and command of a refused pathway move.
 * Used to turn the typed errors of the use-cases into the command's `CliFailure` details.
 *
 * @since 0.1.0
 */
import { LegalReference } from "@quartieri/core"
import type { Detail } from "./ExitCode.js"
import { same, type Text, text } from "./Text.js"

interface Violationish {
  readonly message: string
  readonly messageIt: string
  readonly source: LegalReference.LegalReference
}

const has = <K extends string>(e: unknown, key: K): e is Record<K, unknown> =>
  typeof e === "object" && e !== null && key in e

/**
 * The tag of an error (`InvalidInput`, `StoreError`…), or `Error`.
 *
 * @since 0.1.0
 * @category utils
 */
export const tagOf = (e: unknown): string => (has(e, "_tag") && typeof e._tag === "string" ? e._tag : "Error")

/**
 * Every problem an error states, one detail each.
 *
 * @since 0.1.0
 * @category formatting
 */
export const details = (e: unknown): ReadonlyArray<Detail> => {
  if (has(e, "problems") && Array.isArray(e.problems))
    return (e.problems as ReadonlyArray<{ readonly path: string; readonly message: string }>).map((p) => ({
      ...(p.path === "" ? {} : { where: same(p.path) }),
      message: text(p.message, p.message)
    }))
  if (has(e, "violations") && Array.isArray(e.violations))
    return (e.violations as ReadonlyArray<Violationish>).map((v) => {
      const cite = LegalReference.cite(v.source)
      return { message: text(`${v.messageIt} [${cite}]`, `${v.message} [${cite}]`) }
    })
  if (has(e, "reasonIt") && has(e, "reason")) return [{ message: text(String(e.reasonIt), String(e.reason)) }]
  return []
}

/**
 * The one-line summary of an error, in both languages.
 *
 * @since 0.1.0
 * @category formatting
 */
export const summary = (e: unknown): Text => {
  const en = e instanceof Error ? e.message : String(e)
  const it = has(e, "messageIt") && typeof e.messageIt === "string" ? e.messageIt : undefined
  switch (tagOf(e)) {
    case "InvalidInput":
      return text("dati non validi", "invalid data")
    case "NotAuthorized":
      return text("operazione non autorizzata", "not authorized")
    case "NotFound":
      return text(`non trovato: ${en}`, `not found: ${en}`)
    case "ProjectStructureInvalid":
      return text("il progetto non rispetta le regole del suo avviso", "the project does not follow its call's rules")
    case "BudgetRuleViolated":
      return text("il budget non rispetta le regole", "the budget breaks its rules")
    case "PathwayTransitionNotAllowed":
      return text(it ?? en, en)
    case "StoreError":
      return has(e, "reason") && e.reason === "Conflict"
        ? text(
            `già presente nell'archivio o modificato nel frattempo (${en})`,
            `already in the store, or changed meanwhile (${en})`
          )
        : text(`errore dell'archivio: ${en}`, `store error: ${en}`)
    default:
      return text(it ?? en, en)
  }
}

/**
 * The summary and the details of an error as one list of lines (for a person).
 *
 * @since 0.1.0
 * @category formatting
 */
export const lines = (e: unknown): ReadonlyArray<Text> => {
  const d = details(e)
  return d.length === 0
    ? [summary(e)]
    : d.map((x) =>
        x.where === undefined ? x.message : text(`${x.where.it}: ${x.message.it}`, `${x.where.en}: ${x.message.en}`)
      )
}
