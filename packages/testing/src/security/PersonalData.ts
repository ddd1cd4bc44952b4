/**
 * Looking for personal data in bytes that are about to leave the library: codici fiscali of
 * persons (by their shape, whoever they belong to), the codici fiscali and birth dates of a
 * fixture's persons (ISO, Italian and OpenCoesione date formats), and the made-up names the
 * synthetic population's codes are built from. A published export must contain none of them.
 *
 * @since 0.1.0
 */
import type { Person } from "@quartieri/core"

/**
 * A person's codice fiscale anywhere in a text: 6 letters, 2 digits (or omocodia letters), the
 * month letter, 2 day digits, the Belfiore code and the check letter. An organisation's code is
 * 11 digits and does not match.
 *
 * @since 0.1.0
 * @category parameters
 */
export const codiceFiscalePattern =
  /[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/g

/**
 * The surnames and first names the synthetic population's codici fiscali are built from
 * (`Population`): made up, and never stored — so never in any output either.
 *
 * @since 0.1.0
 * @category parameters
 */
export const fixtureNames: ReadonlyArray<string> = [
  "Fittizio",
  "Esempio",
  "Prova",
  "Campione",
  "Inventato",
  "Finto",
  "Modello",
  "Simulato",
  "Immaginario",
  "Ipotetico",
  "Sintetico",
  "Provvisorio",
  "Anna",
  "Giulia",
  "Sara",
  "Marta",
  "Elena",
  "Chiara",
  "Paola",
  "Rosa",
  "Fatima",
  "Ioana",
  "Luca",
  "Marco",
  "Paolo",
  "Andrea",
  "Giorgio",
  "Franco",
  "Mario",
  "Youssef",
  "Andrei",
  "Ardit"
]

/**
 * The strings to look for: each person's codice fiscale, and birth date as `1980-05-02`,
 * `02/05/1980` and `19800502`, except the dates in `context` (dates the output may hold for
 * another reason: a reporting period, the date of the data); and the fixture names.
 *
 * @since 0.1.0
 * @category constructors
 */
export const needles = (
  persons: ReadonlyArray<Pick<Person.Person, "birthDate" | "codiceFiscale">>,
  context: ReadonlyArray<string> = []
): ReadonlyArray<string> => {
  const skip = new Set(context)
  const dates = [...new Set(persons.map((p) => p.birthDate as string))].filter((d) => !skip.has(d))
  return [
    ...new Set([
      ...persons.flatMap((p) => (p.codiceFiscale === undefined ? [] : [p.codiceFiscale as string])),
      ...dates.flatMap((d) => [d, `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`, d.replaceAll("-", "")]),
      ...fixtureNames
    ])
  ]
}

/**
 * Every personal datum found in `text`: codici fiscali by shape, and the `needles` (a name only
 * as a whole word).
 *
 * @since 0.1.0
 * @category utils
 */
export const scan = (text: string, needles: ReadonlyArray<string>): ReadonlyArray<string> => {
  const found = new Set<string>([...text.matchAll(codiceFiscalePattern)].map((m) => `codice fiscale ${m[0]}`))
  const names = new Set(fixtureNames)
  for (const n of needles) {
    if (names.has(n) ? new RegExp(`(?<![\\p{L}\\p{N}])${n}(?![\\p{L}\\p{N}])`, "u").test(text) : text.includes(n))
      found.add(n)
  }
  return [...found]
}
