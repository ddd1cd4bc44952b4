/**
 * ISCED 2011 levels of education (UNESCO International Standard Classification of Education)
 * and the bands in which the ESF common indicators count them. A participant's highest
 * completed level is recorded once as a level 0–8; the 2014-2020 and 2021-2027 indicator sets
 * are two different groupings of the same level, so both are derived, never stored.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { LegalReference } from "./LegalReference.js"

/**
 * An ISCED 2011 level: 0 early childhood / less than primary, 1 primary, 2 lower secondary,
 * 3 upper secondary, 4 post-secondary non-tertiary, 5 short-cycle tertiary, 6 bachelor,
 * 7 master, 8 doctoral.
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literals([0, 1, 2, 3, 4, 5, 6, 7, 8])
/** @since 0.1.0 @category models */
export type Level = typeof Level.Type

/**
 * The ESF 2014-2020 bands (CO09, CO10, CO11).
 *
 * @since 0.1.0
 * @category models
 */
export const Band2014 = Schema.Literals(["isced-1-2", "isced-3-4", "isced-5-8"])
/** @since 0.1.0 @category models */
export type Band2014 = typeof Band2014.Type

/**
 * The ESF+ 2021-2027 bands (EECO09, EECO10, EECO11).
 *
 * @since 0.1.0
 * @category models
 */
export const Band2021 = Schema.Literals(["isced-0-2", "isced-3-4", "isced-5-8"])
/** @since 0.1.0 @category models */
export type Band2021 = typeof Band2021.Type

/**
 * Source of the 2014-2020 bands. The CO09–CO11 wording is confirmed; counting ISCED 0 in
 * CO09 is our reading, since CO09 names only ISCED 1 and 2.
 *
 * @since 0.1.0
 * @category parameters
 */
export const source2014: LegalReference = {
  act: "Reg. (UE) 1304/2013",
  article: "Annex I, CO09–CO11",
  confidence: "unverified",
  note: "wording confirmed (facts.md §3.1); ISCED 0 counted with 1-2 is a reading, CO09 names ISCED 1 and 2 only"
}

/**
 * Source of the 2021-2027 bands (the Annex text was not found; codes from memory).
 *
 * @since 0.1.0
 * @category parameters
 */
export const source2021: LegalReference = {
  act: "Reg. (UE) 2021/1057",
  article: "Annex I, EECO09–EECO11",
  confidence: "unverified",
  note: "facts.md §3.2: Annex text not found"
}

/**
 * The 2014-2020 band of a level: 0–2 → `isced-1-2` ("primary or lower secondary", CO09,
 * level 0 included), 3–4 → `isced-3-4` (CO10), 5–8 → `isced-5-8` (CO11). Source: {@link source2014}.
 *
 * @since 0.1.0
 * @category rules
 */
export const band2014 = (level: Level): Band2014 => (level <= 2 ? "isced-1-2" : level <= 4 ? "isced-3-4" : "isced-5-8")

/**
 * The 2021-2027 band of a level: 0–2 → `isced-0-2` (EECO09), 3–4 → `isced-3-4` (EECO10),
 * 5–8 → `isced-5-8` (EECO11). Source: {@link source2021}.
 *
 * @since 0.1.0
 * @category rules
 */
export const band2021 = (level: Level): Band2021 => (level <= 2 ? "isced-0-2" : level <= 4 ? "isced-3-4" : "isced-5-8")
