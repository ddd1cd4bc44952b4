import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Result, Stream } from "effect"
import {
  Calendar,
  type EntrySnapshot,
  Ids,
  type LabourMarketStatus,
  Parameter,
  PathwayService,
  Pathway as PW,
  Reporting
} from "../../src/index.js"

const { Compute, Entity, Esf2014, EsfPlus2021, Indicator, Participant } = Reporting
const d = Calendar.unsafeMake

// ---------------------------------------------------------------------------------------------
// the fixture: 52 records, written as a compact table
// ---------------------------------------------------------------------------------------------
//
// id person op | sex age st isced tcn hh sc hom rur | entry | left leaving follow-up
//
// sex   F, M, "-" = missing
// st    E employed, S self-employed, U unemployed (not long-term), L long-term unemployed,
//       I inactive in education or training, N inactive not in education or training,
//       "U?" unemployed with long-term unemployment missing
// isced 0–8, null = missing
// tcn   third-country national y / n / ? (missing)
// hh    household at entry: j jobless, c dependent children, s single adult ("" none of them,
//       "?" missing). Required only for entries before 2018-08-02 (CO12–CO14 in force).
// sc    disability, foreign background, minority, other disadvantaged: y / n / r (refused) /
//       . (not collected)
// hom, rur  homeless or housing exclusion, rural: y / n / ?
// entry     entry date ("" = missing)
// left      leaving date ("" = has not left)
// leaving   "+N:flags": status upon leaving recorded N days after leaving; flags s job
//           searching, e education/training, q qualification, w in employment
// follow    "date:flags": six-month follow-up recorded on date; e employed, s self-employed,
//           i improved situation
//
// The reporting period is 2018-01-01 – 2019-12-31. Deletion of CO12–CO14: 2018-08-02.
// Upon leaving: within 28 days (day 28 counts, day 29 does not). Follow-up: from the same day
// six months later (end of month clamped).

type Row = readonly [
  id: string,
  person: string,
  op: string,
  sex: string,
  age: number | null,
  st: string,
  isced: number | null,
  tcn: string,
  hh: string,
  sc: string,
  hom: string,
  rur: string,
  entry: string,
  left: string,
  leaving: string,
  follow: string
]

// biome-ignore format: the fixture is a table
const rows: ReadonlyArray<Row> = [
  // --- women (W01–W10 enter before the deletion of CO12–CO14, W11–W20 on or after it)
  ["r-W01", "pW01", "op-A", "F", 17, "I", 1, "n", "c",   "nnnn", "n", "n", "2018-02-05", "", "", ""],
  ["r-W02", "pW02", "op-A", "F", 18, "N", 2, "y", "jc",  "nyn.", "y", "n", "2018-02-12", "2018-09-28", "+10:s", ""],
  ["r-W03", "pW03", "op-A", "F", 24, "U", 3, "n", "",    "nnnn", "n", "y", "2018-03-01", "2018-12-14", "+28:w", "2019-06-14:e"],
  ["r-W04", "pW04", "op-A", "F", 25, "L", 0, "n", "jcs", "rrrr", "n", "n", "2018-03-15", "2018-11-30", "+29:w", "2019-05-29:e"],
  ["r-W05", "pW05", "op-A", "F", 29, "E", 4, "n", "cs",  "nnny", "n", "n", "2018-04-02", "2019-01-31", "+5:eq", "2019-07-31:ei"],
  ["r-W06", "pW06", "op-A", "F", 30, "S", 5, "y", "",    "nyyn", "n", "n", "2018-04-20", "", "", ""],
  ["r-W07", "pW07", "op-A", "F", 54, "N", 2, "n", "j",   "ynnn", "y", "n", "2018-05-07", "2018-10-15", "+0:se", "2019-04-15:"],
  ["r-W08", "pW08", "op-A", "F", 55, "U", 3, "n", "j",   "nnrn", "n", "y", "2018-06-11", "2019-03-29", "+14:sq", "2019-10-01:e"],
  ["r-W09", "pW09", "op-A", "F", 60, "L", 1, "n", "j",   "rnnn", "n", "n", "2018-07-02", "2019-02-15", "+20:w", "2019-08-15:si"],
  ["r-W10", "pW10", "op-A", "F", 40, "E", 6, "n", "c",   "nnnn", "n", "n", "2018-08-01", "", "", ""],
  ["r-W11", "pW11", "op-A", "F", 17, "I", 0, "y", "?",   "nyn.", "n", "n", "2018-08-02", "2019-06-28", "+3:e", ""],
  ["r-W12", "pW12", "op-A", "F", 19, "U", 3, "n", "j",   "nnnn", "n", "n", "2018-10-01", "2019-12-20", "+11:w", ""],
  ["r-W13", "pW13", "op-A", "F", 24, "I", 3, "n", "?",   "nnnn", "n", "n", "2019-01-14", "2019-12-20", "+12:s", ""],
  ["r-W14", "pW14", "op-A", "F", 26, "N", 2, "y", "?",   "nyrn", "y", "n", "2019-02-04", "2019-05-31", "+7:s", "2019-11-30:e"],
  ["r-W15", "pW15", "op-A", "F", 29, "L", 4, "n", "?",   "ynnn", "n", "n", "2019-03-04", "2019-06-03", "+28:", "2020-01-10:e"],
  ["r-W16", "pW16", "op-A", "F", 30, "E", 7, "n", "?",   "nnnn", "n", "y", "2019-04-01", "", "", ""],
  ["r-W17", "pW17", "op-A", "F", 45, "U", 8, "n", "?",   "nrnn", "n", "n", "2019-05-06", "2019-07-05", "+1:w", ""],
  ["r-W18", "pW18", "op-A", "F", 54, "E", 5, "n", "?",   "nnnn", "n", "n", "2019-06-03", "", "", ""],
  ["r-W19", "pW19", "op-A", "F", 55, "N", 1, "n", "?",   "ynny", "n", "n", "2019-07-01", "2019-08-30", "+28:s", ""],
  ["r-W20", "pW20", "op-A", "F", 62, "S", 6, "n", "?",   "....", "n", "n", "2019-09-02", "", "", ""],
  // --- a re-entry streamed before the record that wins (M13 entered earlier): a duplicate
  ["r-M13-re", "pM13", "op-A", "M", 25, "U", 3, "n", "?", "nnnn", "n", "n", "2019-09-02", "", "", ""],
  // --- men (M01–M10 before the deletion, M11–M20 after)
  ["r-M01", "pM01", "op-A", "M", 17, "I", 2, "n", "c",   "nnnn", "n", "n", "2018-01-08", "2018-06-29", "+7:eq", "2019-01-10:"],
  ["r-M02", "pM02", "op-A", "M", 18, "U", 2, "y", "j",   "nyn.", "n", "n", "2018-01-15", "2018-07-13", "+28:w", "2019-01-14:e"],
  ["r-M03", "pM03", "op-A", "M", 24, "L", 1, "n", "jc",  "rrrr", "y", "n", "2018-02-01", "2018-09-14", "+30:w", ""],
  ["r-M04", "pM04", "op-A", "M", 25, "N", 0, "n", "js",  "yn.n", "y", "n", "2018-02-19", "2018-10-31", "+2:s", "2019-04-30:"],
  ["r-M05", "pM05", "op-A", "M", 29, "E", 4, "n", "",    "nnnn", "n", "y", "2018-03-05", "", "", ""],
  ["r-M06", "pM06", "op-A", "M", 30, "S", 3, "n", "cs",  "nnny", "n", "n", "2018-03-26", "2018-12-21", "+4:w", "2019-06-21:si"],
  ["r-M07", "pM07", "op-A", "M", 54, "U", 2, "n", "j",   "nnnn", "n", "y", "2018-04-16", "2018-11-16", "+10:", "2019-05-16:e"],
  ["r-M08", "pM08", "op-A", "M", 55, "N", 1, "n", "j",   "nyyn", "n", "n", "2018-05-14", "2019-01-18", "+21:s", "2019-07-18:e"],
  ["r-M09", "pM09", "op-A", "M", 58, "E", 5, "n", "",    "rnnn", "n", "n", "2018-06-04", "2018-12-07", "+0:w", "2019-06-07:ei"],
  ["r-M10", "pM10", "op-A", "M", 35, "I", 6, "n", "c",   "nnnn", "n", "n", "2018-07-30", "2019-01-25", "+15:eq", ""],
  ["r-M11", "pM11", "op-A", "M", 17, "I", 1, "n", "?",   "nnnn", "n", "n", "2018-08-06", "", "", ""],
  ["r-M12", "pM12", "op-A", "M", 18, "N", 2, "y", "?",   "nyn.", "n", "n", "2018-09-03", "2019-03-01", "+28:s", "2019-09-02:e"],
  ["r-M13", "pM13", "op-A", "M", 24, "U", 3, "n", "?",   "nnnn", "n", "n", "2018-11-05", "2019-04-30", "+6:w", "2019-10-29:e"],
  ["r-M14", "pM14", "op-A", "M", 25, "L", 4, "n", "?",   "nnnr", "n", "y", "2019-01-07", "2019-07-31", "+9:sq", ""],
  ["r-M15", "pM15", "op-A", "M", 29, "E", 8, "n", "?",   "nnnn", "n", "n", "2019-02-11", "", "", ""],
  ["r-M16", "pM16", "op-A", "M", 30, "U", 7, "y", "?",   "nrnn", "n", "n", "2019-03-18", "2019-09-27", "+3:w", ""],
  ["r-M17", "pM17", "op-A", "M", 54, "N", 0, "n", "?",   "ynnn", "y", "n", "2019-04-15", "2019-10-11", "+26:e", ""],
  ["r-M18", "pM18", "op-A", "M", 55, "U", 3, "n", "?",   "nnnn", "n", "n", "2019-05-20", "2019-06-14", "+5:w", "2019-12-16:e"],
  ["r-M19", "pM19", "op-A", "M", 61, "L", 2, "n", "?",   "....", "n", "n", "2019-06-24", "", "", ""],
  ["r-M20", "pM20", "op-A", "M", 40, "S", 6, "n", "?",   "nnnn", "n", "y", "2019-10-07", "", "", ""],
  // --- incomplete personal data
  ["r-X01", "pX01", "op-A", "F", 33, "U?", 3, "n", "",   "nnnn", "n", "n", "2018-05-02", "", "", ""],
  ["r-X02", "pX02", "op-A", "M", 41, "E", null, "n", "?", "nnnn", "n", "?", "2018-03-12", "", "", ""],
  ["r-X03", "pX03", "op-A", "-", 27, "N", 2, "n", "",    "rrrr", "n", "n", "2019-02-18", "", "", ""],
  // complete for ESF 2014 (third-country nationality not required, household not after the
  // deletion), incomplete for ESF+ (EECO13 needs third-country nationality)
  ["r-X04", "pX04", "op-A", "M", 50, "S", 4, "?", "?",   "nnnn", "n", "n", "2019-03-11", "", "", ""],
  ["r-X05", "pX05", "op-A", "F", null, "E", 5, "n", "",  "nnnn", "n", "n", "", "", "", ""],
  // --- duplicates: a re-entry of W05 (W05 entered earlier and wins); W01 sent twice
  ["r-W05-re", "pW05", "op-A", "F", 30, "U", 4, "n", "?", "nnnn", "n", "n", "2019-05-06", "", "", ""],
  ["r-W01", "pW01", "op-A", "F", 17, "I", 1, "n", "c",   "nnnn", "n", "n", "2018-02-05", "", "", ""],
  // --- outside the period: O01 entered in 2017; Y entered in 2017 and re-entered in 2018 (the
  // 2018 record is streamed first, loses to the 2017 one, and the person is not counted)
  ["r-O01", "pO01", "op-A", "M", 44, "E", 3, "n", "",    "nnnn", "n", "n", "2017-11-20", "2018-02-02", "+5:w", ""],
  ["r-Y-2", "pY", "op-A", "F", 40, "U", 2, "n", "?",     "nnnn", "n", "n", "2018-09-03", "", "", ""],
  ["r-Y-1", "pY", "op-A", "F", 39, "U", 2, "n", "j",     "nnnn", "n", "n", "2017-09-04", "", "", ""],
  // --- W03 again, in another operation: counted once more (once per operation)
  ["r-B01", "pW03", "op-B", "F", 25, "E", 3, "n", "?",   "nnnn", "n", "y", "2019-02-04", "", "", ""]
]

const statusOf: Record<string, LabourMarketStatus.Status | undefined> = {
  E: "employed",
  S: "self-employed",
  U: "unemployed",
  L: "unemployed",
  "U?": "unemployed",
  I: "inactive-in-education-or-training",
  N: "inactive-not-in-education-or-training",
  "?": undefined
}

const tri = (c: string | undefined) => (c === "y" ? "yes" : c === "n" ? "no" : c === "r" ? "refused" : undefined)
const bool = (c: string) => (c === "y" ? true : c === "n" ? false : undefined)

/** Builds the JSON of a row and decodes it through the public decoder. */
const toParticipant = (r: Row): Reporting.Participant.Participant => {
  const [id, person, op, sex, age, st, isced, tcn, hh, sc, hom, rur, entry, left, leaving, follow] = r
  const json: Record<string, unknown> = { id, person, operation: op }
  if (sex !== "-") json.sex = sex
  if (age !== null) json.ageAtEntry = age
  const status = statusOf[st]
  if (status !== undefined) json.labourMarketStatus = status
  if (st === "L") json.longTermUnemployed = true
  if (st === "U") json.longTermUnemployed = false
  if (isced !== null) json.isced = isced
  if (bool(tcn) !== undefined) json.thirdCountryNational = bool(tcn)
  if (hh !== "?")
    json.household = { jobless: hh.includes("j"), dependentChildren: hh.includes("c"), singleAdult: hh.includes("s") }
  const questions = ["disability", "foreignBackground", "minority", "otherDisadvantaged"] as const
  questions.forEach((q, i) => {
    const a = tri(sc[i])
    if (a !== undefined) json[q] = a
  })
  if (bool(hom) !== undefined) json.homelessOrHousingExclusion = bool(hom)
  if (bool(rur) !== undefined) json.rural = bool(rur)
  if (entry !== "") json.entryDate = entry
  if (left !== "") json.leftOn = left
  if (leaving !== "") {
    const [days, flags = ""] = leaving.slice(1).split(":")
    json.leaving = {
      recordedOn: Calendar.addDays(d(left), Number(days)),
      status: {
        jobSearching: flags.includes("s"),
        inEducationOrTraining: flags.includes("e"),
        gainedQualification: flags.includes("q"),
        inEmployment: flags.includes("w")
      }
    }
  }
  if (follow !== "") {
    const [on, flags = ""] = follow.split(":")
    json.followUp = {
      recordedOn: on,
      situation: {
        employed: flags.includes("e"),
        selfEmployed: flags.includes("s"),
        improvedSituation: flags.includes("i")
      }
    }
  }
  const decoded = Participant.decode(json)
  if (Result.isFailure(decoded)) throw new Error(`fixture row ${id}: ${decoded.failure.message}`)
  return decoded.success
}

const participants = rows.map(toParticipant)
const period: Calendar.Period = { start: d("2018-01-01"), end: d("2019-12-31") }

type Cells = Readonly<Record<string, string | number | null>>
const byKey = (table: Reporting.Table.Table, key: string): ReadonlyMap<string, Cells> =>
  new Map(table.rows.map((r) => [String(r[key]), r]))

/** [total, women, men] for a personal indicator; with [refused ×3, not collected ×3] for a tri-state one. */
type Expected =
  | readonly [number, number, number]
  | readonly [number, number, number, number, number, number, number, number, number]

const measured = (row: Cells | undefined) =>
  row === undefined
    ? undefined
    : [
        row.total,
        row.women,
        row.men,
        row.refused,
        row.refused_women,
        row.refused_men,
        row.not_collected,
        row.not_collected_women,
        row.not_collected_men
      ]

const asRow = (e: Expected) => (e.length === 3 ? [...e, null, null, null, null, null, null] : [...e])

// ---------------------------------------------------------------------------------------------
// expected values, worked out by hand from the table above
// ---------------------------------------------------------------------------------------------
//
// Who is counted. Records 52. Duplicates 4: r-M13-re (M13 entered earlier), r-W05-re (W05
// entered earlier), the second r-W01 (identical), r-Y-2 (r-Y-1 entered earlier). Outside the
// period 2: r-O01 and r-Y-1 (entries in 2017). Incomplete for ESF 2014: X01 (long-term
// unemployment missing), X02 (ISCED, household — entered before the deletion — and rural
// missing), X03 (sex), X05 (entry date, age). X04 is complete for ESF 2014.
// Complete for ESF 2014: women W01–W20 + B01 = 21, men M01–M20 + X04 = 21, 42 in all.
// Complete for ESF+: the same without X04 (third-country nationality missing): 21 + 20 = 41.
//
// Results (closing 2019-12-31). Status upon leaving NOT counted: W04 (day 29), M03 (day 30),
// W13 (recorded 2020-01-01, after the closing); counted on day 28: W03, W15, W19, M02, M12.
// Follow-up NOT counted: W04 (2019-05-29, earliest 2019-05-30), M13 (2019-10-29, earliest
// 2019-10-30: 30 April + 6 months), W15 (2020-01-10, after closing); counted exactly on the
// earliest day: W03 (06-14), W05 (07-31), W07, W09, M04 (2018-10-31 → 2019-04-30, clamped),
// W14 (2019-05-31 → 2019-11-30, clamped), M06, M07, M08, M09.

// biome-ignore format: a table
const expected2014: Readonly<Record<string, Expected>> = {
  // unemployed (U, L): W03 W04 W08 W09 W12 W15 W17 | M02 M03 M07 M13 M14 M16 M18 M19
  CO01: [15, 7, 8],
  // L: W04 W09 W15 | M03 M14 M19
  CO02: [6, 3, 3],
  // I, N: W01 W02 W07 W11 W13 W14 W19 | M01 M04 M08 M10 M11 M12 M17
  CO03: [14, 7, 7],
  // N: W02 W07 W14 W19 | M04 M08 M12 M17
  CO04: [8, 4, 4],
  // E, S: W05 W06 W10 W16 W18 W20 B01 | M05 M06 M09 M15 M20 X04
  CO05: [13, 7, 6],
  // < 25: W01 17, W02 18, W03 24, W11 17, W12 19, W13 24 | M01 M02 M03 M11 M12 M13 (B01 is 25)
  CO06: [12, 6, 6],
  // > 54: W08 55, W09 60, W19 55, W20 62 | M08 55, M09 58, M18 55, M19 61 (54-year-olds not)
  CO07: [8, 4, 4],
  // > 54 and U/L/N: W08 W09 W19 (W20 is S) | M08 M18 M19 (M09 is E)
  CO08: [6, 3, 3],
  // ISCED 0–2: W01 W02 W04 W07 W09 W11 W14 W19 | M01 M02 M03 M04 M07 M08 M11 M12 M17 M19
  CO09: [18, 8, 10],
  // ISCED 3–4: W03 W05 W08 W12 W13 W15 B01 | M05 M06 M13 M14 M18 X04
  CO10: [13, 7, 6],
  // ISCED 5–8: W06 W10 W16 W17 W18 W20 | M09 M10 M15 M16 M20
  CO11: [11, 6, 5],
  // jobless, entered before 2018-08-02: W02 W04 W07 W08 W09 | M02 M03 M04 M07 M08 (W12 after)
  CO12: [10, 5, 5],
  // jobless with children: W02 W04 | M03
  CO13: [3, 2, 1],
  // single adult with children: W04 W05 | M06 (M04 has no children)
  CO14: [3, 2, 1],
  // any of tcn / foreign background / minority.
  // yes: W02 W06 W11 W14 | M02 M08 M12 M16. refused (no yes, one refused): W04 W08 W17 | M03.
  // not collected: W20 | M04 (minority "."), M19, X04 (tcn missing)
  CO15: [8, 4, 4, 4, 3, 1, 4, 1, 3],
  // disability yes: W07 W15 W19 | M04 M17; refused W04 W09 | M03 M09; "." W20 | M19
  CO16: [5, 3, 2, 4, 2, 2, 2, 1, 1],
  // other disadvantaged yes: W05 W19 | M06; refused W04 | M03 M14; "." W02 W11 W20 | M02 M12 M19
  CO17: [3, 2, 1, 3, 1, 2, 6, 3, 3],
  // homeless: W02 W07 W14 | M03 M04 M17
  CO18: [6, 3, 3],
  // rural: W03 W08 W16 B01 | M05 M07 M14 M20
  CO19: [8, 4, 4],
  // inactive at entry and job searching (counted): W02 W07 W14 W19 (W08 is U) | M04 M08 M12 (M14 is L)
  CR01: [7, 4, 3],
  // education/training: W05 W07 W11 | M01 M10 M17
  CR02: [6, 3, 3],
  // qualification: W05 W08 | M01 M10 M14
  CR03: [5, 2, 3],
  // employment: W03 W09 W12 W17 (W04 late) | M02 M06 M09 M13 M16 M18 (M03 late)
  CR04: [10, 4, 6],
  // any outcome upon leaving and disadvantaged (CO15, CO16 or CO17).
  // With an outcome: W02 W03 W05 W07 W08 W09 W11 W12 W14 W17 W19 (W15 none) |
  //   M01 M02 M04 M06 M08 M09 M10 M12 M13 M14 M16 M17 M18 (M07 none).
  // yes: W02 (tcn) W05 (other) W07 (disability) W11 (tcn) W14 (tcn) W19 | M02 M04 (disability)
  //   M06 (other) M08 M12 M16 M17. refused: W08 (minority) W09 (disability) W17 (foreign
  //   background) | M09 (disability) M14 (other). No "not collected" without a yes or a refusal.
  CR05: [13, 6, 7, 5, 3, 2, 0, 0, 0],
  // employed or self-employed at a counted follow-up: W03 W05 W08 W09 W14 | M02 M06 M07 M08 M09 M12 M18
  CR06: [12, 5, 7],
  // improved: W05 W09 | M06 M09
  CR07: [4, 2, 2],
  // > 54 among CR06: W08 W09 | M08 M09 M18
  CR08: [5, 2, 3],
  // disadvantaged among CR06: yes W05 W14 | M02 M06 M08 M12; refused W08 W09 | M09
  CR09: [6, 2, 4, 3, 2, 1, 0, 0, 0]
}

// biome-ignore format: a table
const expectedPlus: Readonly<Record<string, Expected>> = {
  EECO01: [41, 21, 20],
  EECO02: [15, 7, 8],
  EECO03: [6, 3, 3],
  EECO04: [14, 7, 7],
  // as CO05 without X04
  EECO05: [12, 7, 5],
  // < 18: W01 W11 | M01 M11
  EECO06: [4, 2, 2],
  // 18–29: W02 W03 W04 W05 W12 W13 W14 W15 B01 | M02 M03 M04 M05 M12 M13 M14 M15
  EECO07: [17, 9, 8],
  // ≥ 55: W08 W09 W19 W20 | M08 M09 M18 M19
  EECO08: [8, 4, 4],
  EECO09: [18, 8, 10],
  // as CO10 without X04
  EECO10: [12, 7, 5],
  EECO11: [11, 6, 5],
  // as CO16 (X04 answered no)
  EECO12: [5, 3, 2, 4, 2, 2, 2, 1, 1],
  // W02 W06 W11 W14 | M02 M12 M16
  EECO13: [7, 4, 3],
  // foreign background yes: W02 W06 W11 W14 | M02 M08 M12; refused W04 W17 | M03 M16 (M16's
  // refusal is hidden in CO15, where his third-country nationality makes him a yes); "." W20 | M19
  EECO14: [7, 4, 3, 4, 2, 2, 2, 1, 1],
  // minority yes: W06 | M08; refused W04 W08 W14 | M03; "." W20 | M04 M19
  EECO15: [2, 1, 1, 4, 3, 1, 3, 1, 2],
  EECO16: [6, 3, 3],
  EECO17: [8, 4, 4],
  // job searching (all, not only inactive): W02 W07 W08 W14 W19 | M04 M08 M12 M14
  EECR01: [9, 5, 4],
  EECR02: [6, 3, 3],
  EECR03: [5, 2, 3],
  EECR04: [10, 4, 6],
  EECR05: [12, 5, 7]
}

// coverage: [total, women, men, sex unknown]
// biome-ignore format: a table
const coverage2014: Readonly<Record<string, readonly [number, number, number, number]>> = {
  // F: W×20, X01, X05, r-W05-re, second r-W01, r-Y-2, r-Y-1, B01 = 27; M: M×20, r-M13-re, X02, X04, O01 = 24; X03
  records: [52, 27, 24, 1],
  duplicates: [4, 3, 1, 0],
  "outside-period": [2, 1, 1, 0],
  incomplete: [4, 2, 1, 1],
  complete: [42, 21, 21, 0],
  "missing:entryDate": [1, 1, 0, 0],
  "missing:sex": [1, 0, 0, 1],
  "missing:ageAtEntry": [1, 1, 0, 0],
  "missing:labourMarketStatus": [0, 0, 0, 0],
  "missing:longTermUnemployed": [1, 1, 0, 0],
  "missing:isced": [1, 0, 1, 0],
  "missing:thirdCountryNational": [0, 0, 0, 0],
  "missing:household": [1, 0, 1, 0],
  "missing:homelessOrHousingExclusion": [0, 0, 0, 0],
  "missing:rural": [1, 0, 1, 0],
  // W02 W03 W04 W05 W07 W08 W09 W11 W12 W13 W14 W15 W17 W19 | M01–M04 M06–M10 M12–M14 M16–M18
  left: [29, 14, 15, 0],
  "leaving-counted": [26, 12, 14, 0],
  "leaving-not-recorded": [0, 0, 0, 0],
  "leaving-outside-window": [2, 1, 1, 0],
  "leaving-after-closing": [1, 1, 0, 0],
  // W03 W05 W07 W08 W09 W14 | M01 M02 M04 M06 M07 M08 M09 M12 M18
  "follow-up-counted": [15, 6, 9, 0],
  // W02 W11 W12 W13 W17 W19 | M03 M10 M14 M16 M17
  "follow-up-not-recorded": [11, 6, 5, 0],
  "follow-up-outside-window": [2, 1, 1, 0],
  "follow-up-after-closing": [1, 1, 0, 0]
}

// ---------------------------------------------------------------------------------------------
// tests
// ---------------------------------------------------------------------------------------------

describe("the fixture", () => {
  it("has at least 40 participants, both sexes, the required ages, every ISCED level and labour status", () => {
    const ages = new Set(participants.map((p) => p.ageAtEntry))
    for (const a of [17, 18, 24, 25, 29, 30, 54, 55]) expect(ages.has(a)).toBe(true)
    expect(new Set(participants.map((p) => p.isced))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, undefined]))
    expect(new Set(participants.map((p) => p.labourMarketStatus)).size).toBe(5)
    expect(new Set(participants.map((p) => `${p.person}|${p.operation}`)).size).toBeGreaterThanOrEqual(40)
  })
})

describe("ESF 2014-2020 on the fixture", () => {
  const report = Compute.compute(participants, { set: Esf2014.set, period })
  const table = byKey(report.indicators, "code")

  it("reports every participant indicator in force, in order", () => {
    expect(report.indicators.rows.map((r) => r.code)).toEqual(Object.keys(expected2014))
  })

  it.each(Object.entries(expected2014))("%s", (code, e) => {
    expect(measured(table.get(code))).toEqual(asRow(e))
  })

  it("coverage", () => {
    const cov = byKey(report.coverage, "item")
    expect(report.coverage.rows.map((r) => r.item)).toEqual(Object.keys(coverage2014))
    for (const [item, [total, women, men, unknown]] of Object.entries(coverage2014))
      expect([
        item,
        cov.get(item)?.total,
        cov.get(item)?.women,
        cov.get(item)?.men,
        cov.get(item)?.sex_unknown
      ]).toEqual([item, total, women, men, unknown])
  })

  it("CO01 + CO03 + CO05 is the number of complete participants", () => {
    const sum = ["CO01", "CO03", "CO05"].map((c) => table.get(c)?.total as number).reduce((a, b) => a + b, 0)
    expect(sum).toBe(42)
  })

  it("labels, data type and confidence come with each row", () => {
    expect(table.get("CO16")).toMatchObject({
      data_type: "**",
      confidence: "unverified",
      label_it: "Partecipanti con disabilità"
    })
    expect(table.get("CO01")?.data_type).toBe("*")
  })

  it("a period starting on the deletion day does not report CO12–CO14, and says so", () => {
    const later = Compute.compute(participants, {
      set: Esf2014.set,
      period: { start: d("2018-08-02"), end: d("2019-12-31") }
    })
    const codes = later.indicators.rows.map((r) => r.code)
    expect(codes).not.toContain("CO12")
    expect(codes).not.toContain("CO14")
    expect(codes).toContain("CO15")
    expect(later.indicators.notes.some((n) => n.en.includes("CO12, CO13, CO14"))).toBe(true)
    // entries from 2018-08-02 only: W11–W20, M11–M20 (M13's counted entry is 2018-11-05), B01, X04; X03 incomplete
    expect(byKey(later.coverage, "item").get("complete")?.total).toBe(22)
  })

  it("the household indicators are a dated rule: in force on 2018-08-01, not on 2018-08-02 (unverified)", () => {
    expect(Parameter.valueAt(Esf2014.householdIndicatorsInForce, d("2018-08-01"))).toBe(true)
    expect(Parameter.valueAt(Esf2014.householdIndicatorsInForce, d("2018-08-02"))).toBe(false)
    const reading = Parameter.readAt(Esf2014.householdIndicatorsInForce, d("2018-08-02"))
    expect(reading._tag === "Some" && reading.value.source.confidence).toBe("unverified")
    expect(reading._tag === "Some" && reading.value.source.act).toBe("Reg. (UE, Euratom) 2018/1046")
  })
})

describe("ESF+ 2021-2027 on the fixture", () => {
  const report = Compute.compute(participants, { set: EsfPlus2021.set, period })
  const table = byKey(report.indicators, "code")

  it("reports every participant indicator, in order", () => {
    expect(report.indicators.rows.map((r) => r.code)).toEqual(Object.keys(expectedPlus))
  })

  it.each(Object.entries(expectedPlus))("%s", (code, e) => {
    expect(measured(table.get(code))).toEqual(asRow(e))
  })

  it("coverage: X04 is incomplete here, for lack of third-country nationality; X02 needs no household", () => {
    const cov = byKey(report.coverage, "item")
    expect(cov.get("incomplete")).toMatchObject({ total: 5, women: 2, men: 2, sex_unknown: 1 })
    expect(cov.get("complete")).toMatchObject({ total: 41, women: 21, men: 20, sex_unknown: 0 })
    expect(cov.get("missing:thirdCountryNational")).toMatchObject({ total: 1, men: 1 })
    expect(cov.get("missing:household")?.total).toBe(0)
    expect(cov.get("missing:isced")?.total).toBe(1)
  })

  it("EECO02 + EECO04 + EECO05 = EECO01 = complete participants", () => {
    const sum = ["EECO02", "EECO04", "EECO05"].map((c) => table.get(c)?.total as number).reduce((a, b) => a + b, 0)
    expect(sum).toBe(41)
    expect(table.get("EECO01")?.total).toBe(41)
  })
})

describe("streaming", () => {
  it.effect("fromStream gives the same report as compute", () =>
    Effect.gen(function* () {
      const streamed = yield* Compute.fromStream(Stream.fromIterable(participants), { set: Esf2014.set, period })
      expect(streamed).toEqual(Compute.compute(participants, { set: Esf2014.set, period }))
    })
  )
})

describe("entity indicators", () => {
  const input = Entity.decode({
    projects: [
      { project: "p1", socialPartnersOrNgos: true, womenInEmployment: false, publicAdministrations: true },
      { project: "p2", socialPartnersOrNgos: true, womenInEmployment: true, publicAdministrations: false },
      { project: "p3", socialPartnersOrNgos: false, womenInEmployment: false, publicAdministrations: false }
    ],
    smes: ["coop-a", "srl-b"],
    publicAdministrations: ["comune-x", "aler-y", "asst-z"]
  })

  it("counts projects and organisations as supplied", () => {
    if (Result.isFailure(input)) throw input.failure
    const esf = Compute.entities(Esf2014.set, input.success)
    expect(esf.rows.map((r) => [r.code, r.total])).toEqual([
      ["CO20", 2],
      ["CO21", 1],
      ["CO22", 1],
      ["CO23", 2]
    ])
    const plus = Compute.entities(EsfPlus2021.set, input.success)
    expect(plus.rows.map((r) => [r.code, r.total, r.confidence])).toEqual([
      ["EECO18", 3, "unverified"],
      ["EECO19", 2, "confirmed"]
    ])
  })

  it("refuses an organisation listed twice", () => {
    const r = Entity.decode({ projects: [], smes: ["a", "a"], publicAdministrations: [] })
    expect(Result.isFailure(r) && r.failure.message).toContain('organisation "a" is listed twice')
  })
})

describe("indicator definitions", () => {
  const all = [...Esf2014.set.indicators, ...EsfPlus2021.set.indicators]

  it("every indicator has a source and a confidence", () => {
    for (const i of all) {
      expect(i.source.act.length, i.code).toBeGreaterThan(0)
      expect(["confirmed", "unverified"], i.code).toContain(i.source.confidence)
      expect(["confirmed", "unverified"], i.code).toContain(i.confidence.code)
      expect(["confirmed", "unverified"], i.code).toContain(i.confidence.wording)
      expect(
        i.label.it.length * i.label.en.length * i.definition.it.length * i.definition.en.length,
        i.code
      ).toBeGreaterThan(0)
    }
  })

  it("the sets hold exactly the codes of facts.md §3", () => {
    const codes = (prefix: string, from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, k) => `${prefix}${String(from + k).padStart(2, "0")}`)
    expect(Esf2014.set.indicators.map((i) => i.code)).toEqual([...codes("CO", 1, 23), ...codes("CR", 1, 9)])
    expect(EsfPlus2021.set.indicators.map((i) => i.code)).toEqual([...codes("EECO", 1, 19), ...codes("EECR", 1, 5)])
  })

  it("codes are unverified except EECO05 and EECO19; no CO/CR code is confirmed", () => {
    expect(all.filter(Indicator.isConfirmed).map((i) => i.code)).toEqual(["EECO05", "EECO19"])
    expect(Esf2014.set.indicators.every((i) => i.confidence.code === "unverified")).toBe(true)
  })

  it("the Annex I wording of CO01–CO19 and CR01–CR05 is confirmed, CO20–CO23 and CR06–CR09 are not", () => {
    const confirmedWording = Esf2014.set.indicators
      .filter((i) => i.confidence.wording === "confirmed")
      .map((i) => i.code)
    expect(confirmedWording).toEqual([
      ...["CO01", "CO02", "CO03", "CO04", "CO05", "CO06", "CO07", "CO08", "CO09", "CO10"],
      ...["CO11", "CO12", "CO13", "CO14", "CO15", "CO16", "CO17", "CO18", "CO19"],
      ...["CR01", "CR02", "CR03", "CR04", "CR05"]
    ])
    for (const i of all) expect(i.source.confidence, i.code).toBe(i.confidence.wording)
  })

  it("data types follow the * / ** markers", () => {
    const special = all.filter((i) => i.dataType === "special-category").map((i) => i.code)
    expect(special).toEqual(["CO15", "CO16", "CO17", "CR05", "CR09", "EECO12", "EECO15"])
    const none = all.filter((i) => i.dataType === "none").map((i) => i.code)
    expect(none).toEqual(["CO20", "CO21", "CO22", "CO23", "EECO18", "EECO19"])
  })

  it("only CO12–CO14 carry a dated rule, citing Reg. 2018/1046", () => {
    const dated = Indicator.participantIndicators(Esf2014.set).filter((i) => i.inForce !== undefined)
    expect(dated.map((i) => i.code)).toEqual(["CO12", "CO13", "CO14"])
    expect(Esf2014.householdIndicatorsInForce.source.act).toContain("2018/1046")
  })

  it("docs/concepts/reporting.md lists every indicator under 'Common indicators'", () => {
    const doc = readFileSync(new URL("../../../../docs/concepts/reporting.md", import.meta.url), "utf8")
    const start = doc.indexOf("## Common indicators")
    expect(start).toBeGreaterThanOrEqual(0)
    const next = doc.indexOf("\n## ", start + 1)
    const section = doc.slice(start, next < 0 ? undefined : next)
    for (const i of all) expect(section, i.code).toContain(`| ${i.code} |`)
  })
})

describe("participant records", () => {
  it("decoding reports every inconsistency, never throws", () => {
    const r = Participant.decode({
      id: "r1",
      person: "p1",
      operation: "op",
      labourMarketStatus: "employed",
      longTermUnemployed: true,
      leaving: {
        recordedOn: "2019-01-01",
        status: { jobSearching: true, inEducationOrTraining: false, gainedQualification: false, inEmployment: false }
      }
    })
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      expect(r.failure.message).toContain("long-term unemployed participant is unemployed")
      expect(r.failure.message).toContain("needs the leaving date")
    }
    expect(Result.isFailure(Participant.decode({ id: "r1", person: "p 1", operation: "op", ageAtEntry: 200 }))).toBe(
      true
    )
  })

  it("classify lists every missing field, in order; refused answers do not make a record incomplete", () => {
    const bare = { id: "r1", person: "p1", operation: "op", disability: "refused" } as const
    const r = Participant.decode(bare)
    if (Result.isFailure(r)) throw r.failure
    const c = Participant.classify(r.success, ["household"])
    expect(c).toEqual({
      _tag: "incomplete",
      missing: [
        "entryDate",
        "sex",
        "ageAtEntry",
        "labourMarketStatus",
        "isced",
        "household",
        "homelessOrHousingExclusion",
        "rural"
      ]
    })
  })

  it("precedence: the earliest entry wins, then the smaller id; a record without entry date loses", () => {
    const base = { id: Ids.PathwayId.make("b"), person: Ids.PersonId.make("p"), operation: Ids.ProjectId.make("o") }
    const early = { ...base, entryDate: d("2018-01-01") }
    const late = { ...base, id: Ids.PathwayId.make("a"), entryDate: d("2019-01-01") }
    expect(Participant.precedence(early, late)).toBeLessThan(0)
    expect(Participant.precedence(late, base)).toBeLessThan(0)
    expect(Participant.precedence({ ...early, id: Ids.PathwayId.make("a") }, early)).toBeLessThan(0)
    expect(Participant.precedence(early, { ...early })).toBe(0)
  })
})

describe("fromPathway", () => {
  const mestieri = Ids.OrganisationId.make("consorzio-mestieri")
  const entry: EntrySnapshot.EntrySnapshot = {
    asOf: d("2019-03-04"),
    ageAtEntry: 40,
    sex: "F",
    labourMarketStatus: "unemployed",
    longTermUnemployed: true,
    isced: 2,
    thirdCountryNational: true,
    household: { jobless: true, dependentChildren: true, singleAdult: true },
    specialCategory: {
      disability: "no",
      foreignBackground: "yes",
      minority: "refused",
      consent: { given: true, date: d("2019-02-18"), purpose: "monitoraggio FSE" }
    },
    homelessOrHousingExclusion: false,
    rural: false
  }
  const prospect = PW.candidate({
    id: Ids.PathwayId.make("pip-07"),
    person: Ids.PersonId.make("p-07"),
    household: Ids.HouseholdId.make("h-03"),
    project: Ids.ProjectId.make("interpreti"),
    date: d("2019-02-04")
  })
  const commands: ReadonlyArray<PW.Command> = [
    {
      command: "assess",
      date: d("2019-02-15"),
      eligibility: { decisionId: "e1", outcome: "eligible", asOf: d("2019-02-15") }
    },
    {
      command: "enrol",
      date: d("2019-03-04"),
      objectives: ["lavoro"],
      planned: [{ kind: "guidance", hours: PathwayService.Hours.make(6), organisation: mestieri }],
      responsible: mestieri,
      entry
    },
    { command: "start", date: d("2019-03-11") },
    { command: "complete", date: d("2019-09-30") },
    {
      command: "recordLeavingStatus",
      date: d("2019-10-28"),
      status: { jobSearching: true, inEducationOrTraining: false, gainedQualification: false, inEmployment: false }
    }
  ]

  it("a prospect is no participant", () => {
    expect(Participant.fromPathway(prospect)).toBeUndefined()
  })

  it("an enrolled pathway gives a complete record with its snapshot, leaving and refusals kept", () => {
    const pathway = PW.replay(prospect, commands)
    if (Result.isFailure(pathway)) throw pathway.failure
    const p = Participant.fromPathway(pathway.success, { action: "9.1.3" })
    expect(p).toEqual({
      id: "pip-07",
      person: "p-07",
      operation: "interpreti",
      action: "9.1.3",
      entryDate: "2019-03-04",
      sex: "F",
      ageAtEntry: 40,
      labourMarketStatus: "unemployed",
      longTermUnemployed: true,
      isced: 2,
      thirdCountryNational: true,
      household: { jobless: true, dependentChildren: true, singleAdult: true },
      homelessOrHousingExclusion: false,
      rural: false,
      disability: "no",
      foreignBackground: "yes",
      minority: "refused",
      leftOn: "2019-09-30",
      leaving: {
        recordedOn: "2019-10-28",
        status: { jobSearching: true, inEducationOrTraining: false, gainedQualification: false, inEmployment: false }
      }
    })
    if (p === undefined) return
    expect(Result.isSuccess(Participant.decode(p))).toBe(true)
    expect(Participant.classify(p, ["household", "thirdCountryNational"])._tag).toBe("complete")
    // counted by hand: unemployed (LTU), 40, ISCED 2, third-country national; minority refused,
    // other disadvantaged not collected; job searching upon leaving (day 28)
    const report = Compute.compute([p], {
      set: EsfPlus2021.set,
      period: { start: d("2019-01-01"), end: d("2019-12-31") }
    })
    const t = byKey(report.indicators, "code")
    expect([t.get("EECO02")?.women, t.get("EECO03")?.women, t.get("EECO09")?.women, t.get("EECO13")?.women]).toEqual([
      1, 1, 1, 1
    ])
    expect([t.get("EECO15")?.total, t.get("EECO15")?.refused_women]).toEqual([0, 1])
    expect([t.get("EECR01")?.women, t.get("EECR04")?.women]).toEqual([1, 0])
  })
})
