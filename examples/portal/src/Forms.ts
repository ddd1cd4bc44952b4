/**
 * From an HTML form to a use-case request, and from its refusal back to the form.
 *
 * The portal does **not** validate: it only reshapes the fields into the request quartieri
 * expects, and lets the use-case decode it. A refused request fails with `InvalidInput`, which
 * lists every problem with its path (`household.tenancy.unit`, `persons[0].birthDate`). The
 * form's fields are *named by those paths*, so each problem lands next to its field; a problem
 * about a value the portal derived (the member entry it builds from the person) is sent to the
 * field it came from by an alias, and the rest go to the summary at the top of the form.
 *
 * A value that does not parse (an amount written `12,3,4`) is passed on as the text typed,
 * so that the use-case's Schema says what is wrong with it.
 *
 * @since 0.1.0
 */
import { type Access, App, type InvalidInput } from "@quartieri/core"

/**
 * The values of a submitted form: one text per field, several for a group of checkboxes.
 *
 * @since 0.1.0
 * @category models
 */
export type Values = Readonly<Record<string, string | ReadonlyArray<string>>>

/**
 * A form's fields: the name of each (the path of its value in the request) and its label.
 *
 * @since 0.1.0
 * @category models
 */
export type Labels = Readonly<Record<string, string>>

/**
 * One problem as the form shows it: the field it belongs to (absent when none does), its
 * label, and the message.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shown {
  readonly field?: string
  readonly label: string
  readonly message: string
}

/**
 * The problems of a refused submission, by field and in order.
 *
 * @since 0.1.0
 * @category models
 */
export interface Errors {
  readonly byField: ReadonlyMap<string, ReadonlyArray<string>>
  readonly all: ReadonlyArray<Shown>
}

/**
 * No problem: a form shown for the first time.
 *
 * @since 0.1.0
 * @category constructors
 */
export const noErrors: Errors = { byField: new Map(), all: [] }

/**
 * The problems of `error` when it is an `InvalidInput`, `undefined` for any other error.
 *
 * @since 0.1.0
 * @category utils
 */
export const problemsOf = (error: unknown): ReadonlyArray<InvalidInput.Problem> | undefined =>
  error instanceof App.Facade.errors.InvalidInput ? error.problems : undefined

// `a.b[2].c` → `a.b[2]` → `a.b` → `a` → `` (and `` for anything it cannot shorten)
const parent = (path: string): string => {
  const shorter = path.replace(/(\[\d+\]|\.[^.[\]]+|^[^.[\]]+)$/, "")
  return shorter === path ? "" : shorter
}

/**
 * Places each problem on a field: the field named by its path, or by an alias of its path,
 * or the nearest enclosing field (`attendance.named[1]` → `attendance.named`); a problem with
 * no field shows only in the summary, with its path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const place = (
  problems: ReadonlyArray<InvalidInput.Problem>,
  labels: Labels,
  aliases: Readonly<Record<string, string>> = {}
): Errors => {
  const byField = new Map<string, Array<string>>()
  const all: Array<Shown> = []
  for (const problem of problems) {
    let path: string = aliases[problem.path] ?? problem.path
    while (path !== "" && labels[path] === undefined) path = aliases[parent(path)] ?? parent(path)
    const label = labels[path]
    if (label === undefined) {
      all.push({ label: problem.path === "" ? "Richiesta" : problem.path, message: problem.message })
      continue
    }
    const messages = byField.get(path) ?? []
    if (messages.includes(problem.message)) continue
    messages.push(problem.message)
    byField.set(path, messages)
    all.push({ field: path, label, message: problem.message })
  }
  return { byField, all }
}

/**
 * The text of a field (the first, for a repeated one); `""` when absent.
 *
 * @since 0.1.0
 * @category utils
 */
export const text = (values: Values, name: string): string => {
  const v = values[name]
  return (typeof v === "string" ? v : (v?.[0] ?? "")).trim()
}

/**
 * Every text of a repeated field (a group of checkboxes).
 *
 * @since 0.1.0
 * @category utils
 */
export const texts = (values: Values, name: string): ReadonlyArray<string> => {
  const v = values[name]
  return v === undefined ? [] : typeof v === "string" ? [v] : v
}

/**
 * A whole number typed in a field, or the text itself when it is not one.
 *
 * @since 0.1.0
 * @category utils
 */
export const wholeNumber = (typed: string): number | string => (/^-?\d{1,15}$/.test(typed) ? Number(typed) : typed)

/**
 * An amount in euros typed the Italian way (`9.800,50`, `9800,5`, `9800`) or with a decimal
 * point (`9800.50`), as cents; the text itself when it is not an amount.
 *
 * @since 0.1.0
 * @category utils
 */
export const cents = (typed: string): number | string => {
  const t = typed.replace(/^€\s*/, "").replace(/\s/g, "")
  const italian = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t)
  const dotted = /^(\d+)\.(\d{1,2})$/.exec(t)
  const m = italian ?? dotted
  if (m === null || m[1] === undefined) return typed
  const euros = Number(m[1].replace(/\./g, ""))
  const rest = Number((m[2] ?? "").padEnd(2, "0"))
  return Number.isSafeInteger(euros * 100 + rest) ? euros * 100 + rest : typed
}

/**
 * The HTML id of a field, from its name: `persons[0].birthDate` → `f-persons-0-birthDate`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const fieldId = (name: string): string => `f-${name.replace(/[^A-Za-z0-9]+/g, "-").replace(/-$/, "")}`

/**
 * A form as a page shows it: the values to fill it with, the problems of the last submission,
 * and the policy's refusal when the actor may not do it.
 *
 * @since 0.1.0
 * @category models
 */
export interface State {
  readonly values: Values
  readonly errors: Errors
  readonly refusal?: Access.NotAuthorized
}

/**
 * A form shown for the first time, filled with `values`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fresh = (values: Values): State => ({ values, errors: noErrors })

/**
 * The state of a form after the use-case refused its submission: the problems placed on the
 * fields (`InvalidInput`), or the refusal (`NotAuthorized`). Any other error is rethrown.
 *
 * @since 0.1.0
 * @category constructors
 */
export const refused = (
  error: unknown,
  values: Values,
  labels: Labels,
  aliases: Readonly<Record<string, string>> = {}
): State => {
  const problems = problemsOf(error)
  if (problems !== undefined) return { values, errors: place(problems, labels, aliases) }
  if (error instanceof App.Facade.errors.NotAuthorized) return { values, errors: noErrors, refusal: error }
  throw error
}

/**
 * The values of a parsed form body (`c.req.parseBody({ all: true })`), files left out.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromBody = (body: Readonly<Record<string, unknown>>): Values =>
  Object.fromEntries(
    Object.entries(body).map(([name, v]) => [
      name,
      Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : typeof v === "string" ? v : ""
    ])
  )
