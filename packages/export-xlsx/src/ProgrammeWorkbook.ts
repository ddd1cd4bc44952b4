/**
 * The standard workbook of a programme report, as the Region and the capofila open it: four
 * sheets — "Indicatori" (the common indicators), "Risultati" (programme results), "Esecuzione
 * finanziaria" (budget execution) and "Partecipanti" (one row per participant record, the
 * person pseudonymised) — then the "Note" sheet.
 *
 * The tables come from `Reporting` (`Compute`, `ProgrammeResults`, `BudgetExecution`); the
 * participants sheet is built here from the micro-records: the pseudonym of the person, the
 * operation, the action, whether the record is complete for the indicators and which fields are
 * missing (`Reporting.Participant.classify`). No characteristic of the person is in it. The
 * workbook is written under the `partner` profile, so the person column is replaced by its
 * keyed HMAC (`Privacy.pseudonymise`) and the export needs the caller's key.
 *
 * @since 0.1.0
 */
import { type Exporter, Reporting } from "@quartieri/core"
import type { Stream } from "effect"
import * as Workbook from "./Workbook.js"

const T = Reporting.Table

/**
 * The columns of the participants sheet.
 *
 * @since 0.1.0
 * @category models
 */
export const participantColumns: ReadonlyArray<Reporting.Table.Column> = [
  T.dimension("person", { it: "Partecipante (pseudonimo)", en: "Participant (pseudonym)" }, "code", "personal"),
  T.dimension("operation", { it: "Operazione", en: "Operation" }, "code"),
  T.dimension("action", { it: "Azione", en: "Action" }, "code"),
  T.dimension("complete", { it: "Record completo", en: "Complete record" }),
  T.dimension("missing", { it: "Dati mancanti", en: "Missing data" })
]

/**
 * The participants table: one row per record, in the order given.
 *
 * @since 0.1.0
 * @category constructors
 */
export const participantsTable = (
  participants: Iterable<Reporting.Participant.Participant>,
  language: "it" | "en" = "it",
  also: ReadonlyArray<Reporting.Participant.Field> = []
): Reporting.Table.Table => ({
  id: "participants",
  title: { it: "Partecipanti", en: "Participants" },
  columns: participantColumns,
  rows: [...participants].map((p) => {
    const c = Reporting.Participant.classify(p, also)
    return {
      person: p.person,
      operation: p.operation,
      action: p.action ?? null,
      complete: c._tag === "complete" ? (language === "it" ? "sì" : "yes") : "no",
      missing:
        c._tag === "complete" ? "" : c.missing.map((f) => Reporting.Participant.fieldLabel[f][language]).join(", ")
    }
  }),
  notes: [
    {
      it: "Un record incompleto è escluso da ogni indicatore comune e non è mai completato per stima.",
      en: "An incomplete record is left out of every common indicator and never completed by estimate."
    }
  ]
})

/**
 * What the programme workbook is made of.
 *
 * @since 0.1.0
 * @category models
 */
export interface Input {
  readonly indicators: Reporting.Table.Table
  readonly results: Reporting.Table.Table
  readonly budget: Reporting.Table.Table
  readonly participants: Iterable<Reporting.Participant.Participant>
  /** The pseudonymisation key (at least `Privacy.minimumKeyBytes` bytes). */
  readonly key: Uint8Array
  /** Fields the indicator set requires beyond the core ones (`household` before 2021, …). */
  readonly also?: ReadonlyArray<Reporting.Participant.Field>
}

/**
 * The dataset and sheet names of the programme workbook.
 *
 * @since 0.1.0
 * @category constructors
 */
export const dataset = (
  input: Input,
  language: "it" | "en" = "it"
): { readonly dataset: Exporter.Dataset; readonly options: Workbook.Options } => {
  const participants = participantsTable(input.participants, language, input.also)
  const it = language === "it"
  return {
    dataset: {
      tables: [input.indicators, input.results, input.budget, participants],
      profile: "partner",
      key: input.key
    },
    options: {
      language,
      sheetNames: {
        [input.indicators.id]: it ? "Indicatori" : "Indicators",
        [input.results.id]: it ? "Risultati" : "Results",
        [input.budget.id]: it ? "Esecuzione finanziaria" : "Budget execution",
        [participants.id]: it ? "Partecipanti" : "Participants"
      }
    }
  }
}

/**
 * The programme workbook as a stream of bytes.
 *
 * @since 0.1.0
 * @category constructors
 */
export const exportWorkbook = (
  input: Input,
  language: "it" | "en" = "it"
): Stream.Stream<Uint8Array, Exporter.ExportError> => {
  const d = dataset(input, language)
  return Workbook.exportDataset(d.dataset, d.options)
}

/**
 * The programme workbook as one byte array, for callers outside Effect.
 *
 * @since 0.1.0
 * @category constructors
 */
export const toBytes = (input: Input, language: "it" | "en" = "it"): Promise<Uint8Array> => {
  const d = dataset(input, language)
  return Workbook.toBytes(d.dataset, d.options)
}
