/**
 * The quartieri demo until the CLI exists: loads the seed projects and checks each against its
 * call — partnership, project structure, budget — on what its sources publish, then shows what
 * a missing labour operator does to IntERPreti's partnership. Run it with `pnpm demo`.
 */
import { Call, LegalReference, Partnership } from "@quartieri/core"
import { SeedChecks, SeedMembers, SeedProjects } from "@quartieri/testing"
import { Result } from "effect"

// Italian digit grouping, always (Intl's it-IT leaves 4-digit numbers ungrouped).
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".")

const mark: Record<SeedChecks.Outcome["_tag"], string> = {
  Passed: "✓ conforme",
  Failed: "✗ non conforme",
  Invalid: "✗ dati non validi",
  NotChecked: "– non verificabile"
}

const describe = (label: string, outcome: SeedChecks.Outcome): Array<string> => {
  const head = `  ${label.padEnd(13)} ${mark[outcome._tag]}`
  switch (outcome._tag) {
    case "Passed":
      return [`${head}: ${outcome.detail}`]
    case "NotChecked":
      return [`${head}: ${outcome.reason}`]
    case "Failed":
      return [head, ...outcome.violations.map((v) => `      · ${v.messageIt} [${LegalReference.cite(v.source)}]`)]
    case "Invalid":
      return [head, ...outcome.error.problems.map((p) => `      · ${p.path}: ${p.message}`)]
  }
}

const lines: Array<string> = ["quartieri — verifica dei progetti di esempio rispetto ai loro avvisi", ""]
for (const seed of SeedProjects.all) {
  const report = SeedChecks.check(seed)
  lines.push(`${seed.title}`)
  lines.push(`  avviso        ${seed.call.title.it}`)
  lines.push(...describe("partenariato", report.partnership))
  lines.push(...describe("struttura", report.structure))
  lines.push(...describe("budget", report.budget))
  for (const r of seed.readings) lines.push(`  lettura       ${r}`)
  lines.push(`  non noto      ${seed.unknown.join("; ")}`)
  lines.push("")
}

// What if IntERPreti had no labour operator? The rule names it, with its source.
const without = Partnership.decode({
  members: [SeedMembers.ripalta, SeedMembers.crema, SeedMembers.alerBcm, SeedMembers.acli, SeedMembers.abcitta]
})
if (Result.isSuccess(without)) {
  const r = Partnership.check(Call.avviso2017, without.success)
  lines.push("IntERPreti di cambiamento senza Cooperativa Koala e Consorzio Mestieri")
  lines.push(
    ...describe(
      "partenariato",
      Result.isSuccess(r) ? { _tag: "Passed", detail: "" } : { _tag: "Failed", violations: r.failure.violations }
    )
  )
  lines.push("")
}
const r = SeedProjects.publishedResults
lines.push(
  `Risultati pubblicati da Regione Lombardia: ${r.laboratoriActivated} laboratori sociali, ${count(r.personsInvolved)} persone coinvolte (${r.personsInInclusionPathways} anche nei percorsi di inclusione), ${r.milanoRecipientsEnd2022} destinatari dei programmi di Milano a fine 2022.`
)
console.log(lines.join("\n"))
