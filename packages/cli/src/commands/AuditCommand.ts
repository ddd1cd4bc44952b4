/**
 * `quartieri audit verify [--store …]`: reads the audit log of a store as an auditor (the
 * `readAuditLog` use-case) and verifies its hash chain. Exit code 0 with the number of entries
 * and the head hash to anchor elsewhere (a report to the Region, a signed e-mail); 1 when the
 * chain is broken, naming the first broken entry and check; 3 when the store cannot be used.
 *
 * @since 0.1.0
 */
import { App } from "@quartieri/core"
import { Effect, Option, Result } from "effect"
import { Command, Flag } from "effect/cli"
import * as ExitCode from "../ExitCode.js"
import { Io } from "../Io.js"
import * as MissingSubcommand from "../MissingSubcommand.js"
import * as Output from "../Output.js"
import * as Refusal from "../Refusal.js"
import * as Settings from "../Settings.js"
import * as StoreTarget from "../StoreTarget.js"
import { count, text } from "../Text.js"
import { defaultOperator } from "./ImportCommand.js"

const verify = Command.make(
  "verify",
  {
    store: Flag.String("store").pipe(
      Flag.optional,
      Flag.withDescription(
        "Archivio: file SQLite o URL postgres:// (predefinito: QUARTIERI_STORE o quartieri.db) / store"
      )
    ),
    operator: Flag.String("operator").pipe(
      Flag.optional,
      Flag.withDescription("Identificativo del revisore (predefinito cli:<utente>) / auditor id")
    )
  },
  (config) =>
    Effect.gen(function* () {
      const settings = yield* Settings.read
      const io = yield* Io
      const target = StoreTarget.resolveTarget(Option.getOrUndefined(config.store), io.cwd, io.env)
      yield* StoreTarget.mustExist(target)
      const auditor = { _tag: "Auditor", id: Option.getOrElse(config.operator, defaultOperator) } as const
      const log = yield* Effect.gen(function* () {
        const q = yield* App.Quartieri.Quartieri
        return yield* Effect.result(q.readAuditLog(auditor, { limit: 1 }))
      }).pipe(
        Effect.provide(StoreTarget.appLayer(target)),
        Effect.mapError((e) => StoreTarget.storageFailure(target, e as { readonly message: string }))
      )
      if (Result.isFailure(log))
        return yield* StoreTarget.isStorageError(log.failure)
          ? Effect.fail(StoreTarget.storageFailure(target, log.failure))
          : ExitCode.fail(
              ExitCode.ExitCode.invalid,
              "audit-refused",
              Refusal.summary(log.failure),
              Refusal.details(log.failure)
            )
      const chain = log.success.chain
      if (!chain.valid)
        return yield* ExitCode.fail(
          ExitCode.ExitCode.invalid,
          "audit-chain-broken",
          text(
            `la catena del registro di audit è interrotta alla voce ${chain.broken.seq} (${chain.broken.check})`,
            `the audit chain is broken at entry ${chain.broken.seq} (${chain.broken.check})`
          ),
          [
            {
              where: text(`voce ${chain.broken.seq}`, `entry ${chain.broken.seq}`),
              row: chain.broken.seq,
              column: chain.broken.check,
              message: text(chain.broken.detail, chain.broken.detail)
            }
          ],
          { seq: chain.broken.seq, check: chain.broken.check }
        )
      yield* Output.answer(
        settings,
        "audit verify",
        (l) =>
          l === "it"
            ? `✓ registro di audit di ${StoreTarget.describe(target)}: ${count(chain.count, l)} voci, catena integra${chain.head === undefined ? "" : `\n  testa: voce ${chain.head.seq}, ${chain.head.hash}\n  (pubblica la testa altrove — un rapporto alla Regione, una e-mail firmata — per ancorarla)`}`
            : `✓ audit log of ${StoreTarget.describe(target)}: ${count(chain.count, l)} entries, chain intact${chain.head === undefined ? "" : `\n  head: entry ${chain.head.seq}, ${chain.head.hash}\n  (publish the head elsewhere — a report to the Region, a signed e-mail — to anchor it)`}`,
        () => ({ store: StoreTarget.describe(target), valid: true, entries: chain.count, head: chain.head ?? null })
      )
    })
).pipe(
  Command.withDescription(
    "Verifica la catena di hash del registro di audit di un archivio. / Verifies the hash chain of a store's audit log."
  ),
  Command.withShortDescription("verifica il registro di audit / verify the audit log")
)

/**
 * The `audit` command and its `verify` subcommand.
 *
 * @since 0.1.0
 * @category constructors
 */
export const command = Command.make("audit", {}, () => MissingSubcommand.missing("quartieri audit", ["verify"])).pipe(
  Command.withDescription("Registro di audit / audit log"),
  Command.withShortDescription("registro di audit / audit log"),
  Command.withSubcommands([verify])
)
