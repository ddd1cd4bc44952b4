/**
 * Workload 5, export: N participant rows — a report table of 12 typed columns (codes, text,
 * dates, whole numbers; the `internal` profile) — to XLSX and to CSV (the Italian Excel
 * dialect), streamed to a file.
 *
 * - ours: `ExportXlsx.exportDataset` and `ExportCsv.exportDataset` with their defaults (XLSX:
 *   frozen header, auto-filter, fitted widths, the "Note" sheet; CSV: `excel-it`), the byte
 *   stream written chunk by chunk;
 * - baseline: exceljs's streaming `WorkbookWriter` writing the same cells (same values, same
 *   number formats, a header row) and csv-stringify's streaming stringifier writing the same
 *   records (the dialect's separator, line end and byte-order mark, dates `dd/mm/yyyy`), to the
 *   same kind of file sink.
 *
 * Parity: the two CSV files are byte for byte the same; with `--quick`, both workbooks are
 * read back with exceljs and every cell of the data sheet compared.
 *
 * Memory: the RSS growth during one export — over the RSS before it, the input table already
 * built — at 100,000 and 1,000,000 rows (`--quick`: 1,000 and 10,000): ours in both formats,
 * and the raw exceljs writer, whose own buffering ours inherits.
 *
 * @since 0.1.0
 */
import { createHash } from "node:crypto"
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs"
import { join } from "node:path"
import { Writable } from "node:stream"
import { Calendar, Reporting } from "@quartieri/core"
import * as ExportCsv from "@quartieri/export-csv"
import * as ExportXlsx from "@quartieri/export-xlsx"
import { stringify } from "csv-stringify"
import { Effect, Stream } from "effect"
import ExcelJS from "exceljs"
import * as Data from "../Data.js"
import { collect, once, pair } from "../Harness.js"
import { type Row, row } from "../Report.js"
import type { Mode, Outcome } from "./Mode.js"

const T = Reporting.Table
type Table = Reporting.Table.Table
type Column = Reporting.Table.Column

const columns: ReadonlyArray<Column> = [
  T.dimension("id", { it: "Record", en: "Record" }, "code"),
  T.dimension("person", { it: "Persona", en: "Person" }, "code", "personal"),
  T.dimension("operation", { it: "Operazione", en: "Operation" }, "code"),
  T.dimension("action", { it: "Azione", en: "Action" }, "code"),
  T.dimension("entry", { it: "Data di ingresso", en: "Entry date" }, "date"),
  T.dimension("sex", { it: "Sesso", en: "Sex" }, "code", "personal"),
  T.measure("age", { it: "Età all'ingresso", en: "Age at entry" }, "count", "personal"),
  T.dimension("status", { it: "Condizione occupazionale", en: "Labour-market status" }, "text", "personal"),
  T.dimension("isced", { it: "Titolo di studio (ISCED)", en: "Education (ISCED)" }, "code", "personal"),
  T.dimension("disability", { it: "Disabilità", en: "Disability" }, "code", "special-category"),
  T.dimension("left", { it: "Data di uscita", en: "Leaving date" }, "date"),
  T.measure("days", { it: "Giorni di permanenza", en: "Days in the pathway" }, "count")
]

/** The participants table of `n` rows: the input of both sides, built beforehand. */
export const tableOf = (participants: ReadonlyArray<Reporting.Participant.Participant>): Table => ({
  id: "participants",
  title: { it: "Partecipanti", en: "Participants" },
  columns,
  rows: participants.map((p) => ({
    id: p.id,
    person: p.person,
    operation: p.operation,
    action: p.action ?? null,
    entry: p.entryDate ?? null,
    sex: p.sex ?? null,
    age: p.ageAtEntry ?? null,
    status: p.labourMarketStatus ?? null,
    isced: p.isced === undefined ? null : String(p.isced),
    disability: p.disability ?? null,
    left: p.leftOn ?? null,
    days: p.leftOn === undefined || p.entryDate === undefined ? null : Calendar.daysBetween(p.entryDate, p.leftOn)
  })),
  notes: [{ it: "Dati sintetici del benchmark.", en: "Synthetic benchmark data." }]
})

/** A file written chunk by chunk, synchronously: the same sink for both sides. */
const fileSink = (path: string) => {
  const fd = openSync(path, "w")
  let bytes = 0
  return {
    write: (chunk: Uint8Array) => {
      writeSync(fd, chunk)
      bytes += chunk.byteLength
    },
    close: () => {
      closeSync(fd)
      return bytes
    }
  }
}

const writable = (sink: ReturnType<typeof fileSink>) =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.write(chunk)
      done()
    }
  })

// ---------------------------------------------------------------------------------------------
// ours
// ---------------------------------------------------------------------------------------------

const oursTo = (bytes: Stream.Stream<Uint8Array, unknown>, path: string): Promise<void> => {
  const sink = fileSink(path)
  return Effect.runPromise(
    Stream.runForEach(bytes, (chunk) => Effect.sync(() => sink.write(chunk))).pipe(
      Effect.ensuring(Effect.sync(() => sink.close()))
    )
  )
}

export const oursXlsx = (table: Table, path: string) =>
  oursTo(ExportXlsx.exportDataset({ tables: [table], profile: "internal" }), path)

const oursCsv = (table: Table, path: string) =>
  oursTo(ExportCsv.exportDataset({ tables: [table], profile: "internal" }), path)

// ---------------------------------------------------------------------------------------------
// baseline
// ---------------------------------------------------------------------------------------------

const dateUtc = (iso: string): Date =>
  new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))))

const baselineXlsx = async (table: Table, path: string): Promise<void> => {
  const sink = fileSink(path)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: writable(sink),
    useStyles: true,
    useSharedStrings: false
  })
  const sheet = workbook.addWorksheet("Partecipanti")
  sheet.addRow(table.columns.map((c) => c.label.it)).commit()
  for (const values of table.rows) {
    const r = sheet.addRow([])
    table.columns.forEach((c, i) => {
      const v = values[c.id] ?? null
      if (v === null) return
      const cell = r.getCell(i + 1)
      if (c.unit === "date") {
        cell.value = dateUtc(v as string)
        cell.numFmt = "dd/mm/yyyy"
      } else if (c.unit === "count") {
        cell.value = v
        cell.numFmt = "#,##0"
      } else cell.value = v
    })
    r.commit()
  }
  sheet.commit()
  await workbook.commit()
  sink.close()
}

const baselineCsv = async (table: Table, path: string): Promise<void> => {
  const sink = fileSink(path)
  const out = writable(sink)
  const stringifier = stringify({ delimiter: ";", record_delimiter: "\r\n", quoted_match: /[\r\n]/, bom: true })
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve)
    stringifier.on("error", reject)
  })
  stringifier.pipe(out)
  const cell = (c: Column, v: string | number | null): string =>
    v === null
      ? ""
      : c.unit === "date"
        ? `${(v as string).slice(8, 10)}/${(v as string).slice(5, 7)}/${(v as string).slice(0, 4)}`
        : String(v)
  const write = (record: ReadonlyArray<string>) =>
    stringifier.write(record) ? undefined : new Promise<void>((resolve) => stringifier.once("drain", resolve))
  await write(table.columns.map((c) => c.label.it))
  for (const values of table.rows) await write(table.columns.map((c) => cell(c, values[c.id] ?? null)))
  stringifier.end()
  await done
  sink.close()
}

// ---------------------------------------------------------------------------------------------
// parity
// ---------------------------------------------------------------------------------------------

const digest = (path: string) => createHash("sha1").update(readFileSync(path)).digest("hex")

const cellValue = (v: ExcelJS.CellValue): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : JSON.stringify(v)

/** The cells of the first sheet, as text. */
const sheetCells = async (path: string): Promise<ReadonlyArray<string>> => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(path)
  const sheet = workbook.worksheets[0]
  const out: Array<string> = []
  sheet?.eachRow({ includeEmpty: true }, (r, i) => {
    const cells: Array<string> = []
    for (let c = 1; c <= columns.length; c++) cells.push(cellValue(r.getCell(c).value))
    out.push(`${i}:${cells.join("|")}`)
  })
  return out
}

// ---------------------------------------------------------------------------------------------
// the workload
// ---------------------------------------------------------------------------------------------

/**
 * The RSS growth of one export of ours.
 *
 * @since 0.1.0
 * @category models
 */
export interface Memory {
  readonly format: "XLSX" | "CSV"
  /** Ours, or the raw baseline (exceljs's own buffering shows in both). */
  readonly side: "ours" | "baseline"
  readonly rows: number
  readonly growthMb: number
  readonly peakMb: number
  /**
   * The JavaScript heap still in use after the export and a full collection, over what it was
   * before: what the export kept (≈ 0 for a streaming writer), as opposed to RSS growth, which
   * also counts garbage not yet collected and buffers since freed.
   */
  readonly retainedMb: number
  readonly ms: number
}

/**
 * Runs the export workload at N and 10 N, and the memory points.
 *
 * @since 0.1.0
 * @category constructors
 */
export const run = async (mode: Mode): Promise<Outcome & { readonly memory: ReadonlyArray<Memory> }> => {
  const sizes = mode.quick ? [200, 2_000] : [20_000, 200_000]
  const memorySizes = mode.quick ? [1_000, 10_000] : [100_000, 1_000_000]
  const all = Data.participants(Math.max(...sizes, ...memorySizes))
  const rows: Array<Row> = []
  const file = (name: string) => join(mode.scratch, name)
  for (const [index, n] of sizes.entries()) {
    const table = tableOf(all.slice(0, n))
    const first = index === 0
    const xlsx = await pair({
      ours: () => oursXlsx(table, file("ours.xlsx")),
      baseline: () => baselineXlsx(table, file("raw.xlsx")),
      warmup: first ? 1 : 0,
      // at 10 N one timed run of each side (about 9 s each; the N runs warm it up)
      reps: mode.quick ? 1 : first ? 3 : 1
    })
    let xlsxParity = { ok: true, detail: "checked cell by cell with --quick" }
    if (mode.quick) {
      const [a, b] = [await sheetCells(file("ours.xlsx")), await sheetCells(file("raw.xlsx"))]
      const differs = a.findIndex((line, i) => line !== b[i])
      xlsxParity =
        a.length === n + 1 && a.length === b.length && differs < 0
          ? { ok: true, detail: `read back: the same ${n + 1} rows × ${columns.length} cells` }
          : { ok: false, detail: `row ${differs}: ${a[differs]} ≠ ${b[differs]} (${a.length} and ${b.length} rows)` }
    }
    rows.push(
      row({
        workload: "export",
        variant: "participant rows to XLSX",
        n,
        unit: "rows",
        ours: xlsx.ours,
        baseline: xlsx.baseline,
        target: { max: 1.3, what: "≤ 1.3× raw exceljs streaming writer" },
        parity: xlsxParity,
        scalingKey: "export/xlsx",
        ...(!mode.quick && !first ? { note: "k = 1 at this size (one run of each side); k = 3 at N" } : {})
      })
    )
    const csv = await pair({
      ours: () => oursCsv(table, file("ours.csv")),
      baseline: () => baselineCsv(table, file("raw.csv")),
      warmup: first ? 1 : 0,
      reps: mode.quick ? 1 : 3
    })
    const [a, b] = [digest(file("ours.csv")), digest(file("raw.csv"))]
    rows.push(
      row({
        workload: "export",
        variant: "participant rows to CSV (excel-it)",
        n,
        unit: "rows",
        ours: csv.ours,
        baseline: csv.baseline,
        target: { max: 1.3, what: "≤ 1.3× raw csv-stringify" },
        parity: {
          ok: a === b,
          detail: a === b ? `byte for byte the same file (SHA-1 ${a.slice(0, 12)})` : "the files differ"
        },
        scalingKey: "export/csv"
      })
    )
  }
  const memory: Array<Memory> = []
  for (const [index, n] of memorySizes.entries()) {
    const table = tableOf(all.slice(0, n))
    // the targets are on ours; the raw writer's growth is shown at the smaller size, for scale
    const runs = [
      ["XLSX", "ours", () => oursXlsx(table, file("memory.xlsx"))],
      ...(index === 0 ? [["XLSX", "baseline", () => baselineXlsx(table, file("memory.xlsx"))] as const] : []),
      ["CSV", "ours", () => oursCsv(table, file("memory.csv"))]
    ] as const
    for (const [format, side, f] of runs) {
      collect()
      const heapBefore = process.memoryUsage().heapUsed
      const m = await once(f)
      collect()
      const retained = process.memoryUsage().heapUsed - heapBefore
      memory.push({
        format,
        side,
        rows: n,
        growthMb: m.growth / 1024 / 1024,
        peakMb: m.peak / 1024 / 1024,
        retainedMb: retained / 1024 / 1024,
        ms: m.ms
      })
    }
  }
  for (const name of ["ours.xlsx", "raw.xlsx", "ours.csv", "raw.csv", "memory.xlsx", "memory.csv"])
    rmSync(file(name), { force: true })
  return { rows, skipped: [], memory }
}
