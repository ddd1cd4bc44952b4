/**
 * The lifecycle of a funded project, from application to closure:
 *
 * ```text
 * submitted ─admit→ admitted ─fund→ funded ─start→ started ─beginClosing→ closing ─close→ closed
 *     │                 │              │               │                      │
 *     └─withdraw────────┴─withdraw─────┴─withdraw──────┘                      │
 *                       └─revoke───────┴─revoke────────┴─revoke───────────────┘
 * ```
 *
 * - `revoked`: the Region revokes the grant, from `admitted`, `funded`, `started` or `closing`;
 * - `withdrawn`: the applicant renounces, from `submitted`, `admitted`, `funded` or `started`
 *   (once closing, the project is accounted for and can only close or be revoked);
 * - `closed`, `revoked` and `withdrawn` are terminal: they accept no command.
 *
 * Every state records the date it was entered, and every command carries its date. Dates never
 * go backwards: a command dated before the current state's date (a start before the funding) is
 * refused, as is a command the current state does not accept. Both refusals are a
 * {@link TransitionNotAllowed} naming the state and the command.
 *
 * Who may issue a command (the Region revokes, the capofila withdraws) is an access question,
 * decided by the use-case layer before it calls {@link transition}.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import { match, P } from "ts-pattern"
import { CalendarDate } from "./Calendar.js"
import type { Label } from "./Organisation.js"

// ---------------------------------------------------------------------------------------------
// states
// ---------------------------------------------------------------------------------------------

/**
 * The name of a lifecycle state.
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literals([
  "submitted",
  "admitted",
  "funded",
  "started",
  "closing",
  "closed",
  "revoked",
  "withdrawn"
])
/** @since 0.1.0 @category models */
export type Status = typeof Status.Type

/**
 * Italian and English labels of each state.
 *
 * @since 0.1.0
 * @category formatting
 */
export const statusLabel: { readonly [S in Status]: Label } = {
  submitted: { it: "presentato", en: "submitted" },
  admitted: { it: "ammesso", en: "admitted" },
  funded: { it: "finanziato", en: "funded" },
  started: { it: "avviato", en: "started" },
  closing: { it: "in chiusura", en: "closing" },
  closed: { it: "concluso", en: "closed" },
  revoked: { it: "revocato", en: "revoked" },
  withdrawn: { it: "ritirato (rinuncia)", en: "withdrawn" }
}

/**
 * The states the Region may revoke from.
 *
 * @since 0.1.0
 * @category models
 */
export const Revocable = Schema.Literals(["admitted", "funded", "started", "closing"])
/** @since 0.1.0 @category models */
export type Revocable = typeof Revocable.Type

/**
 * The states the applicant may withdraw from.
 *
 * @since 0.1.0
 * @category models
 */
export const Withdrawable = Schema.Literals(["submitted", "admitted", "funded", "started"])
/** @since 0.1.0 @category models */
export type Withdrawable = typeof Withdrawable.Type

const Reason = Schema.String.pipe(
  Schema.check(Schema.makeFilter((s: string) => s.trim().length > 0 || "the reason must not be empty"))
)

const state = <const S extends Status>(status: S) =>
  Schema.Struct({ status: Schema.Literal(status), since: CalendarDate })

/**
 * The state of a project: its status and the date it was entered (`since`). A revoked project
 * also records the state it was revoked from and the reason; a withdrawn one, the state it was
 * withdrawn from and, optionally, the reason.
 *
 * @since 0.1.0
 * @category models
 */
export const ProjectState = Schema.Union([
  state("submitted"),
  state("admitted"),
  state("funded"),
  state("started"),
  state("closing"),
  state("closed"),
  Schema.Struct({ status: Schema.Literal("revoked"), since: CalendarDate, from: Revocable, reason: Reason }),
  Schema.Struct({
    status: Schema.Literal("withdrawn"),
    since: CalendarDate,
    from: Withdrawable,
    reason: Schema.optionalKey(Reason)
  })
])
/** @since 0.1.0 @category models */
export type ProjectState = typeof ProjectState.Type

/**
 * The states that accept no command.
 *
 * @since 0.1.0
 * @category models
 */
export const terminal: ReadonlyArray<Status> = ["closed", "revoked", "withdrawn"]

/**
 * Whether a state accepts no command.
 *
 * @since 0.1.0
 * @category utils
 */
export const isTerminal = (s: ProjectState): boolean => terminal.includes(s.status)

/**
 * The initial state: an application submitted on `date`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const submitted = (date: CalendarDate): ProjectState => ({ status: "submitted", since: date })

// ---------------------------------------------------------------------------------------------
// commands
// ---------------------------------------------------------------------------------------------

/**
 * The name of a command.
 *
 * @since 0.1.0
 * @category models
 */
export const CommandName = Schema.Literals(["admit", "fund", "start", "beginClosing", "close", "revoke", "withdraw"])
/** @since 0.1.0 @category models */
export type CommandName = typeof CommandName.Type

/**
 * Italian and English labels of each command.
 *
 * @since 0.1.0
 * @category formatting
 */
export const commandLabel: { readonly [C in CommandName]: Label } = {
  admit: { it: "ammissione", en: "admit" },
  fund: { it: "finanziamento", en: "fund" },
  start: { it: "avvio", en: "start" },
  beginClosing: { it: "avvio della chiusura", en: "begin closing" },
  close: { it: "chiusura", en: "close" },
  revoke: { it: "revoca", en: "revoke" },
  withdraw: { it: "rinuncia", en: "withdraw" }
}

const command = <const C extends CommandName>(name: C) =>
  Schema.Struct({ command: Schema.Literal(name), date: CalendarDate })

/**
 * A command with its date: `admit` (the Region admits the application), `fund` (the grant is
 * awarded), `start` (activities begin), `beginClosing` (activities end, final accounting
 * begins), `close` (the final accounting is approved), `revoke` (the Region revokes the grant,
 * with a reason), `withdraw` (the applicant renounces, optionally with a reason).
 *
 * @since 0.1.0
 * @category models
 */
export const Command = Schema.Union([
  command("admit"),
  command("fund"),
  command("start"),
  command("beginClosing"),
  command("close"),
  Schema.Struct({ command: Schema.Literal("revoke"), date: CalendarDate, reason: Reason }),
  Schema.Struct({ command: Schema.Literal("withdraw"), date: CalendarDate, reason: Schema.optionalKey(Reason) })
])
/** @since 0.1.0 @category models */
export type Command = typeof Command.Type

// ---------------------------------------------------------------------------------------------
// errors
// ---------------------------------------------------------------------------------------------

/**
 * A command refused: `state` and `command` name the current state and the command; `reason` is
 * `not-accepted` when the state does not accept the command, `date-before-state` when the
 * command is dated before the date the state was entered (`since`).
 *
 * @since 0.1.0
 * @category errors
 */
export class TransitionNotAllowed extends Schema.TaggedError<TransitionNotAllowed>()("TransitionNotAllowed", {
  state: Status,
  command: CommandName,
  reason: Schema.Literals(["not-accepted", "date-before-state"]),
  since: CalendarDate,
  date: CalendarDate
}) {
  override get message(): string {
    return this.reason === "not-accepted"
      ? `a project that is ${statusLabel[this.state].en} does not accept the command "${commandLabel[this.command].en}"`
      : `the command "${commandLabel[this.command].en}" dated ${this.date} is before ${this.since}, when the project became ${
          statusLabel[this.state].en
        }`
  }
  /** The same in Italian. */
  get messageIt(): string {
    return this.reason === "not-accepted"
      ? `un progetto ${statusLabel[this.state].it} non ammette il comando "${commandLabel[this.command].it}"`
      : `il comando "${commandLabel[this.command].it}" del ${this.date} precede il ${this.since}, data in cui il progetto è stato ${
          statusLabel[this.state].it
        }`
  }
}

// ---------------------------------------------------------------------------------------------
// transitions
// ---------------------------------------------------------------------------------------------

type Next = ProjectState | "not-accepted"

/**
 * The state a command leads to, or `not-accepted`: the transition table, exhaustive over every
 * state × command, dates aside.
 */
const next = (s: ProjectState, c: Command): Next =>
  match<readonly [ProjectState, Command], Next>([s, c])
    .with([{ status: "submitted" }, { command: "admit" }], ([, c]) => ({ status: "admitted", since: c.date }))
    .with([{ status: "admitted" }, { command: "fund" }], ([, c]) => ({ status: "funded", since: c.date }))
    .with([{ status: "funded" }, { command: "start" }], ([, c]) => ({ status: "started", since: c.date }))
    .with([{ status: "started" }, { command: "beginClosing" }], ([, c]) => ({ status: "closing", since: c.date }))
    .with([{ status: "closing" }, { command: "close" }], ([, c]) => ({ status: "closed", since: c.date }))
    .with([{ status: P.union("admitted", "funded", "started", "closing") }, { command: "revoke" }], ([s, c]) => ({
      status: "revoked",
      since: c.date,
      from: s.status,
      reason: c.reason
    }))
    .with([{ status: P.union("submitted", "admitted", "funded", "started") }, { command: "withdraw" }], ([s, c]) => ({
      status: "withdrawn",
      since: c.date,
      from: s.status,
      ...(c.reason === undefined ? {} : { reason: c.reason })
    }))
    .with(
      [{ status: "submitted" }, { command: P.union("fund", "start", "beginClosing", "close", "revoke") }],
      () => "not-accepted"
    )
    .with(
      [{ status: "admitted" }, { command: P.union("admit", "start", "beginClosing", "close") }],
      () => "not-accepted"
    )
    .with([{ status: "funded" }, { command: P.union("admit", "fund", "beginClosing", "close") }], () => "not-accepted")
    .with([{ status: "started" }, { command: P.union("admit", "fund", "start", "close") }], () => "not-accepted")
    .with(
      [{ status: "closing" }, { command: P.union("admit", "fund", "start", "beginClosing", "withdraw") }],
      () => "not-accepted"
    )
    .with([{ status: P.union("closed", "revoked", "withdrawn") }, P._], () => "not-accepted")
    .exhaustive()

/**
 * Applies a command to a state: the next state, or {@link TransitionNotAllowed} when the state
 * does not accept the command (`not-accepted`) or the command is dated before the current
 * state's date (`date-before-state`; the same day is allowed).
 *
 * @since 0.1.0
 * @category rules
 */
export const transition = (s: ProjectState, c: Command): Result.Result<ProjectState, TransitionNotAllowed> => {
  const target = next(s, c)
  const refuse = (reason: TransitionNotAllowed["reason"]) =>
    Result.fail(new TransitionNotAllowed({ state: s.status, command: c.command, reason, since: s.since, date: c.date }))
  if (target === "not-accepted") return refuse("not-accepted")
  if (c.date < s.since) return refuse("date-before-state")
  return Result.succeed(target)
}

/**
 * Applies commands in order, stopping at the first refusal.
 *
 * @since 0.1.0
 * @category rules
 */
export const replay = (
  initial: ProjectState,
  commands: ReadonlyArray<Command>
): Result.Result<ProjectState, TransitionNotAllowed> =>
  commands.reduce<Result.Result<ProjectState, TransitionNotAllowed>>(
    (acc, c) => Result.flatMap(acc, (s) => transition(s, c)),
    Result.succeed(initial)
  )

/**
 * The commands a state accepts, in the order of {@link CommandName}, dates aside. Read off the
 * transition table itself, so it cannot disagree with {@link transition}.
 *
 * @since 0.1.0
 * @category utils
 */
export const accepts = (s: ProjectState): ReadonlyArray<CommandName> =>
  CommandName.literals.filter((name) => {
    const probe: Command =
      name === "revoke" ? { command: name, date: s.since, reason: "probe" } : { command: name, date: s.since }
    return next(s, probe) !== "not-accepted"
  })
