import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import type { Calendar } from "@quartieri/core"
import { parse } from "csv-parse/sync"
import { OpenCoesioneCsv } from "../src/index.js"
import { interpreti } from "./fixtures.js"

const updatedOn = "2024-06-30" as Calendar.CalendarDate

// Names with the separator, quotes, line ends (LF, CR, CRLF) and any unicode; never ":::",
// which OpenCoesione reserves for multiple values (the tables refuse it).
const name = fc
  .array(
    fc.oneof(
      fc.constantFrom(";", '"', "\n", "\r", "\r\n", " ", "'", "=1+1", "€"),
      fc.string({ unit: "grapheme", maxLength: 8 })
    ),
    {
      minLength: 1,
      maxLength: 8
    }
  )
  .map((parts) => parts.join(""))
  .filter((s) => s.trim().length > 0 && !s.includes(":::"))

describe("OpenCoesione CSV of random names", () => {
  test.prop([fc.array(name, { minLength: 1, maxLength: 6 }), name])(
    "parses back to the same subjects and title",
    async (names, title) => {
      const [capofila, ...partners] = interpreti.project.partnership.members
      if (capofila === undefined) throw new Error("the seed has a capofila")
      const members = names.map((n, i) => ({
        role: i === 0 ? ("capofila" as const) : ("partner" as const),
        organisation: { ...(partners[i] ?? capofila).organisation, id: `org-${i}` as never, name: n }
      }))
      const record = { ...interpreti, project: { ...interpreti.project, title, partnership: { members } } }
      const f = await OpenCoesioneCsv.files([record], { updatedOn })
      const decode = (bytes: Uint8Array) =>
        parse(new TextDecoder().decode(bytes), { delimiter: ";", columns: true }) as Array<Record<string, string>>
      const soggetti = decode(f["soggetti.csv"])
      // programmatore, the capofila twice (Attuatore, Beneficiario), then each partner
      expect(soggetti.map((s) => s["OC_DENOMINAZIONE_SOGG"])).toEqual([
        "Regione Lombardia",
        names[0],
        names[0],
        ...names.slice(1)
      ])
      const [progetto] = decode(f["progetti.csv"])
      expect(progetto?.["OC_TITOLO_PROGETTO"]).toBe(title)
      expect(progetto?.["SOGGETTI_ATTUATORI"]).toBe(names[0])
    }
  )
})
