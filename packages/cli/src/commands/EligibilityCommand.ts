/**
 * `quartieri eligibility <rule set> --as-of <date> [--input facts.json]`: evaluates a rule set
 * (`Eligibility.RuleSets.all`: sap-access, indigenza, contributo-solidarieta,
 * inclusione-attiva, morosita-contenuta, morosita-incolpevole) on the facts of one or more
 * households and prints each decision with its explanation — in Italian, or English with
 * `--lang en` — the legal sources, what is unverified, and what would change the outcome.
 *
 * The input is a JSON file: one object of facts (`{"isee": 1750000, "householdSize": 2}`), or an
 * array of them, or of `{"id": "…", "facts": {…}}`. Amounts are cents, decimals are strings
 * (`"pse": "1.57"`), dates ISO. Without `--input` nothing is known: the decision is undetermined
 * and lists the facts it needs. Exit code 0 when every input was evaluated (whatever the
 * outcome: "ineligible" is an answer), 1 when an input is not valid.
 *
 * @since 0.1.0
 */
import { Calendar, Eligibility } from "@quartieri/core"
import { Effect, Option, Result, Schema } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as ExitCode from "../ExitCode.js"
import { Io } from "../Io.js"
import * as Output from "../Output.js"
import * as RecordFiles from "../RecordFiles.js"
import * as Settings from "../Settings.js"
import { type Language, text } from "../Text.js"

const ruleSetIds = Eligibility.RuleSets.all.map((rs) => rs.id) as unknown as readonly [string, ...Array<string>]

const encodeDecision = Schema.encodeSync(Eligibility.Decision.Decision)

interface Item {
  readonly id: string
  readonly facts: unknown
}

const items = (input: unknown): ReadonlyArray<Item> => {
  const list = Array.isArray(input) ? input : [input]
  return list.map((x, i) => {
    const wrapped =
      typeof x === "object" &&
      x !== null &&
      !Array.isArray(x) &&
      "facts" in x &&
      Object.keys(x).every((k) => k === "facts" || k === "id")
    return wrapped
      ? {
          id: typeof (x as { id?: unknown }).id === "string" ? (x as { id: string }).id : `#${i + 1}`,
          facts: (x as { facts: unknown }).facts
        }
      : { id: `#${i + 1}`, facts: x }
  })
}

const outcomeLabel = (outcome: string, language: Language) =>
  language === "it"
    ? outcome === "eligible"
      ? "IDONEO"
      : outcome === "ineligible"
        ? "NON IDONEO"
        : "NON DETERMINABILE"
    : outcome.toUpperCase()

/** The explanation, one reason a line: "Headline: reason; reason." → headline and bullets. */
const explanationLines = (explanation: string): ReadonlyArray<string> => {
  const colon = explanation.indexOf(": ")
  if (colon < 0) return [`  ${explanation}`]
  const head = explanation.slice(0, colon)
  const reasons = explanation.slice(colon + 2).split(/; (?=\p{Lu})|\. (?=\p{Lu})/u)
  return [`  ${head}:`, ...reasons.map((r) => `    · ${r.replace(/\.$/, "")}`)]
}

const decisionText = (id: string, d: Eligibility.Decision.Decision, language: Language): string => {
  const it = language === "it"
  const hints = d.hints.map((h) => `    · ${h.text[language]}`)
  return [
    `${id}  ${outcomeLabel(d.outcome, language)}`,
    ...explanationLines(d.explanation[language]),
    ...(hints.length === 0 ? [] : [it ? "  Cosa cambierebbe l'esito:" : "  What would change the outcome:", ...hints]),
    ...(d.missing.length === 0 ? [] : [`  ${it ? "Fatti mancanti" : "Missing facts"}: ${d.missing.join(", ")}`]),
    `  ${it ? "Impronta degli input" : "Input hash"}: ${d.inputHash}`
  ].join("\n")
}

/**
 * The `eligibility` command.
 *
 * @since 0.1.0
 * @category constructors
 */
export const command = Command.make(
  "eligibility",
  {
    ruleSet: Argument.Literals("rule-set", ruleSetIds).pipe(
      Argument.withDescription(`Insieme di regole / rule set: ${ruleSetIds.join(", ")}`)
    ),
    asOf: Flag.String("as-of").pipe(
      Flag.withDescription("Data di riferimento AAAA-MM-GG / date the rules are applied for, YYYY-MM-DD")
    ),
    input: Flag.String("input").pipe(
      Flag.optional,
      Flag.withDescription("File JSON dei fatti (un oggetto o un elenco) / JSON file of facts (an object or a list)")
    )
  },
  (config) =>
    Effect.gen(function* () {
      const settings = yield* Settings.read
      const io = yield* Io
      const ruleSet = Eligibility.RuleSets.all.find((rs) => rs.id === config.ruleSet) as Eligibility.RuleSet.RuleSet
      if (Result.isFailure(Schema.decodeUnknownResult(Calendar.CalendarDate)(config.asOf)))
        return yield* ExitCode.fail(
          ExitCode.ExitCode.usage,
          "invalid-flag",
          text(
            `--as-of deve essere una data AAAA-MM-GG esistente, non "${config.asOf}"`,
            `--as-of must be an existing date YYYY-MM-DD, not "${config.asOf}"`
          )
        )
      let inputs: ReadonlyArray<Item> = [{ id: "#1", facts: {} }]
      if (Option.isSome(config.input)) {
        const content = yield* RecordFiles.readText(config.input.value, io.cwd)
        const parsed = yield* Effect.try({
          try: () => JSON.parse(content) as unknown,
          catch: (e) =>
            ExitCode.fail(
              ExitCode.ExitCode.invalid,
              "invalid-json",
              text(
                `${config.input.pipe(Option.getOrElse(() => ""))} non è JSON valido: ${e instanceof Error ? e.message : String(e)}`,
                `${config.input.pipe(Option.getOrElse(() => ""))} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`
              )
            )
        })
        inputs = items(parsed)
      }
      const decisions: Array<{ readonly id: string; readonly decision: Eligibility.Decision.Decision }> = []
      const problems: Array<ExitCode.Detail> = []
      for (const item of inputs) {
        const facts =
          typeof item.facts === "object" && item.facts !== null && !Array.isArray(item.facts)
            ? (item.facts as Eligibility.Fact.Input)
            : undefined
        if (facts === undefined) {
          problems.push({
            where: text(item.id, item.id),
            message: text("i fatti devono essere un oggetto JSON", "the facts must be a JSON object")
          })
          continue
        }
        const r = Eligibility.Engine.evaluate(ruleSet, { asOf: config.asOf, facts })
        if (Result.isSuccess(r)) decisions.push({ id: item.id, decision: r.success })
        else
          for (const p of r.failure.problems)
            problems.push({
              where: text(
                p.path === "" ? item.id : `${item.id} ${p.path}`,
                p.path === "" ? item.id : `${item.id} ${p.path}`
              ),
              ...(p.path === "" ? {} : { column: p.path }),
              message: text(p.message, p.message)
            })
      }
      const json = () => ({
        ruleSet: { id: ruleSet.id, version: ruleSet.version, title: ruleSet.title[settings.language] },
        asOf: config.asOf,
        decisions: decisions.map((d) => ({
          id: d.id,
          outcome: d.decision.outcome,
          explanation: d.decision.explanation[settings.language],
          hints: d.decision.hints.map((h) => h.text[settings.language]),
          missing: d.decision.missing,
          confidence: d.decision.confidence,
          decision: encodeDecision(d.decision)
        }))
      })
      if (problems.length > 0)
        return yield* ExitCode.fail(
          ExitCode.ExitCode.invalid,
          "invalid-facts",
          text(
            `${problems.length} problemi nei fatti: ${decisions.length} su ${inputs.length} valutati`,
            `${problems.length} problems in the facts: ${decisions.length} of ${inputs.length} evaluated`
          ),
          problems,
          json()
        )
      yield* Output.answer(
        settings,
        "eligibility",
        (l) =>
          [
            `${ruleSet.title[l]} — ${l === "it" ? "versione" : "version"} ${ruleSet.version}, ${l === "it" ? "al" : "as of"} ${config.asOf}`,
            "",
            ...decisions.map((d) => `${decisionText(d.id, d.decision, l)}\n`)
          ].join("\n"),
        json
      )
    })
).pipe(
  Command.withDescription(
    "Valuta un insieme di regole di idoneità sui fatti di uno o più nuclei e spiega ogni esito con le sue fonti. / Evaluates an eligibility rule set on the facts of one or more households and explains each outcome with its sources."
  ),
  Command.withShortDescription("idoneità con spiegazioni / eligibility with explanations")
)
