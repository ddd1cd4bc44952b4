/**
 * A Schema check shared by the lists of the domain model (accreditations, competences, sites,
 * sub-projects): no element twice, with a message that names the element and its positions.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * Fails when two elements have the same key, naming the key and both positions (1-based):
 * `competence "formazione" is listed twice (positions 1 and 3)`. One issue per repeated
 * element, each at the path of the repetition.
 *
 * @since 0.1.0
 * @category rules
 */
export const distinctBy = <A>(what: string, key: (a: A) => string) =>
  Schema.makeFilter((items: ReadonlyArray<A>) => {
    const first = new Map<string, number>()
    const issues: Array<Schema.FilterIssue> = []
    items.forEach((item, i) => {
      const k = key(item)
      const earlier = first.get(k)
      if (earlier === undefined) first.set(k, i)
      else
        issues.push({
          path: [i],
          issue: `${what} ${JSON.stringify(k)} is listed twice (positions ${earlier + 1} and ${i + 1})`
        })
    })
    return issues
  })
