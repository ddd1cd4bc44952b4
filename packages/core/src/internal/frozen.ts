/**
 * Deep-frozen copies of plain data (objects, arrays, primitives): what the pathway freezes at
 * enrolment. A copy, so the caller's objects are never frozen behind its back.
 *
 * @since 0.1.0
 */

/**
 * A deep copy of plain data with every object and array frozen. Only own enumerable string
 * keys are copied: the values it is meant for are decoded Schema structs.
 *
 * @since 0.1.0
 * @category utils
 */
export const frozenCopy = <A>(a: A): A => {
  if (Array.isArray(a)) return Object.freeze(a.map(frozenCopy)) as A
  if (a !== null && typeof a === "object") {
    const copy: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(a)) copy[key] = frozenCopy(value)
    return Object.freeze(copy) as A
  }
  return a
}
