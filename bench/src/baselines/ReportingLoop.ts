/**
 * The raw baseline of the reporting workload: the ESF+ 2021-2027 common indicators on
 * participants (EECO01–EECO17, EECR01–EECR05) and the coverage counts, by sex, in one pass
 * over the records written by hand — a `Map` for "once per person and operation", plain
 * counters, date arithmetic on epoch days. It counts what `Reporting.Compute` counts
 * (docs/concepts/reporting.md): the earliest entry wins, entries outside the period are not
 * counted, incomplete records are reported with their missing fields, results count inside
 * their window (28 days; six months) and by the closing date, special-category answers are
 * counted as yes / refused / not collected.
 *
 * @since 0.1.0
 */
import type { LeavingStatus, Reporting } from "@quartieri/core"

type P = Reporting.Participant.Participant

/** Indicator codes in the order of `EsfPlus2021.set`. */
export const codes = [
  "EECO01",
  "EECO02",
  "EECO03",
  "EECO04",
  "EECO05",
  "EECO06",
  "EECO07",
  "EECO08",
  "EECO09",
  "EECO10",
  "EECO11",
  "EECO12",
  "EECO13",
  "EECO14",
  "EECO15",
  "EECO16",
  "EECO17",
  "EECR01",
  "EECR02",
  "EECR03",
  "EECR04",
  "EECR05"
] as const

/** Coverage lines in the order of `Compute.coverageItems`. */
export const coverage = [
  "records",
  "duplicates",
  "outside-period",
  "incomplete",
  "complete",
  "missing:entryDate",
  "missing:sex",
  "missing:ageAtEntry",
  "missing:labourMarketStatus",
  "missing:longTermUnemployed",
  "missing:isced",
  "missing:thirdCountryNational",
  "missing:household",
  "missing:homelessOrHousingExclusion",
  "missing:rural",
  "left",
  "leaving-counted",
  "leaving-not-recorded",
  "leaving-outside-window",
  "leaving-after-closing",
  "follow-up-counted",
  "follow-up-not-recorded",
  "follow-up-outside-window",
  "follow-up-after-closing"
] as const

/** The counts: per indicator yes / refused / not collected by F, M; per coverage line F, M, unknown. */
export interface Counts {
  readonly indicators: ReadonlyArray<readonly [number, number, number, number, number, number]>
  readonly coverage: ReadonlyArray<readonly [number, number, number]>
}

const epochDay = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
const addMonths = (iso: string, months: number): string => {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months
  const y = Math.floor(total / 12)
  const m = (total % 12) + 1
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const d = Math.min(Number(iso.slice(8, 10)), last)
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
}

const inc = (counts: Array<number>, i: number): void => {
  counts[i] = (counts[i] ?? 0) + 1
}

const Y = 0
const R = 2
const N = 4

/**
 * Counts the records for the period (`start`, `end` inclusive).
 *
 * @since 0.1.0
 * @category constructors
 */
export const count = (records: Iterable<P>, start: string, end: string): Counts => {
  const ind = codes.map(() => [0, 0, 0, 0, 0, 0] as [number, number, number, number, number, number])
  const cov = coverage.map(() => [0, 0, 0] as [number, number, number])
  const slot = (sex: string | undefined) => (sex === "F" ? 0 : sex === "M" ? 1 : 2)
  const winners = new Map<string, P>()
  const line = (name: (typeof coverage)[number]) => cov[coverage.indexOf(name)] as [number, number, number]
  const records_ = line("records")
  const duplicates = line("duplicates")
  for (const p of records) {
    inc(records_, slot(p.sex))
    const key = `${p.person}|${p.operation}`
    const current = winners.get(key)
    if (current === undefined) winners.set(key, p)
    else {
      const ea = p.entryDate ?? "~"
      const eb = current.entryDate ?? "~"
      const first =
        ea !== eb ? ea < eb : p.id !== current.id ? p.id < current.id : JSON.stringify(p) < JSON.stringify(current)
      if (first) {
        inc(duplicates, slot(current.sex))
        winners.set(key, p)
      } else inc(duplicates, slot(p.sex))
    }
  }
  const outside = line("outside-period")
  const incomplete = line("incomplete")
  const complete = line("complete")
  const left = line("left")
  const missingLines = [
    "entryDate",
    "sex",
    "ageAtEntry",
    "labourMarketStatus",
    "longTermUnemployed",
    "isced",
    "thirdCountryNational",
    "homelessOrHousingExclusion",
    "rural"
  ].map((f) => [f, line(`missing:${f}` as (typeof coverage)[number])] as const)
  const leavingLines = {
    counted: line("leaving-counted"),
    notRecorded: line("leaving-not-recorded"),
    outside: line("leaving-outside-window"),
    after: line("leaving-after-closing")
  }
  const followLines = {
    counted: line("follow-up-counted"),
    notRecorded: line("follow-up-not-recorded"),
    outside: line("follow-up-outside-window"),
    after: line("follow-up-after-closing")
  }
  const tri = (row: [number, number, number, number, number, number], a: string | undefined, s: number) => {
    if (a === "yes") inc(row, Y + s)
    else if (a === "refused") inc(row, R + s)
    else if (a === undefined) inc(row, N + s)
  }
  for (const p of winners.values()) {
    const sx = slot(p.sex)
    if (p.entryDate !== undefined && (p.entryDate < start || p.entryDate > end)) {
      inc(outside, sx)
      continue
    }
    let missing = false
    for (const [f, row] of missingLines) {
      const absent =
        f === "longTermUnemployed"
          ? p.labourMarketStatus === "unemployed" && p.longTermUnemployed === undefined
          : p[f as keyof P] === undefined
      if (absent) {
        if (!missing) inc(incomplete, sx)
        missing = true
        inc(row, sx)
      }
    }
    if (missing) continue
    inc(complete, sx)
    const s = sx as 0 | 1
    let leaving: LeavingStatus.LeavingStatus | undefined
    let followUp: LeavingStatus.FollowUp | undefined
    if (p.leftOn !== undefined && p.leftOn <= end) {
      inc(left, s)
      const l = p.leaving
      if (l === undefined) inc(leavingLines.notRecorded, s)
      else if (epochDay(l.recordedOn) > epochDay(p.leftOn) + 28) inc(leavingLines.outside, s)
      else if (l.recordedOn > end) inc(leavingLines.after, s)
      else {
        inc(leavingLines.counted, s)
        leaving = l.status
      }
      const f = p.followUp
      if (f === undefined) inc(followLines.notRecorded, s)
      else if (f.recordedOn < addMonths(p.leftOn, 6)) inc(followLines.outside, s)
      else if (f.recordedOn > end) inc(followLines.after, s)
      else {
        inc(followLines.counted, s)
        followUp = f.situation
      }
    }
    const status = p.labourMarketStatus
    const age = p.ageAtEntry as number
    const isced = p.isced as number
    const yes = (i: number, b: boolean) => {
      if (b) inc(ind[i] as Array<number>, s)
    }
    yes(0, true)
    yes(1, status === "unemployed")
    yes(2, status === "unemployed" && p.longTermUnemployed === true)
    yes(3, status === "inactive-in-education-or-training" || status === "inactive-not-in-education-or-training")
    yes(4, status === "employed" || status === "self-employed")
    yes(5, age < 18)
    yes(6, age >= 18 && age <= 29)
    yes(7, age >= 55)
    yes(8, isced <= 2)
    yes(9, isced >= 3 && isced <= 4)
    yes(10, isced >= 5)
    tri(ind[11] as [number, number, number, number, number, number], p.disability, s)
    yes(12, p.thirdCountryNational === true)
    tri(ind[13] as [number, number, number, number, number, number], p.foreignBackground, s)
    tri(ind[14] as [number, number, number, number, number, number], p.minority, s)
    yes(15, p.homelessOrHousingExclusion === true)
    yes(16, p.rural === true)
    yes(17, leaving?.jobSearching === true)
    yes(18, leaving?.inEducationOrTraining === true)
    yes(19, leaving?.gainedQualification === true)
    yes(20, leaving?.inEmployment === true)
    yes(21, followUp !== undefined && (followUp.employed || followUp.selfEmployed))
  }
  return { indicators: ind, coverage: cov }
}
