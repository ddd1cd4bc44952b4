/**
 * A small budget table with every unit, written by hand, shared by the XLSX tests.
 */
import { Reporting } from "@quartieri/core"

const T = Reporting.Table

export const budget: Reporting.Table.Table = {
  id: "budget",
  title: { it: "Esecuzione finanziaria: 2019/2020", en: "Budget execution" },
  columns: [
    T.dimension("item", { it: "Voce", en: "Item" }),
    T.dimension("day", { it: "Data", en: "Date" }, "date"),
    T.measure("amount", { it: "Importo", en: "Amount" }, "cents"),
    T.measure("rate", { it: "Tasso", en: "Rate" }, "basis-points"),
    T.measure("persons", { it: "Persone", en: "Persons" }),
    T.measure("hours", { it: "Ore", en: "Hours" }, "hours")
  ],
  rows: [
    { item: "=SOMMA(A1:A9)", day: "2019-04-01", amount: 123456, rate: 1234, persons: 12, hours: 1500 },
    { item: "Città è", day: null, amount: -5, rate: 0, persons: T.suppressedMark, hours: null }
  ],
  notes: [{ it: "Importi in euro.", en: "Amounts in euros." }],
  source: { act: "d.d.u.o. 12345/2018", confidence: "unverified" }
}
