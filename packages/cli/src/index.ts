/**
 * `@quartieri/cli`: the `quartieri` command — the demo, imports and checks of registry files,
 * eligibility with explanations, programme reports in every format and privacy profile, and
 * audit-log verification — and its parts, for embedding (`Cli.run(args, io)` returns the exit
 * code).
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Cli from "./Cli.js"
/** @since 0.1.0 */
export * as Demo from "./Demo.js"
/** @since 0.1.0 */
export * as ExitCode from "./ExitCode.js"
/** @since 0.1.0 */
export * as Io from "./Io.js"
/** @since 0.1.0 */
export * as Output from "./Output.js"
/** @since 0.1.0 */
export * as ProgrammeReport from "./ProgrammeReport.js"
/** @since 0.1.0 */
export * as Progress from "./Progress.js"
/** @since 0.1.0 */
export * as RecordFiles from "./RecordFiles.js"
/** @since 0.1.0 */
export * as Refusal from "./Refusal.js"
/** @since 0.1.0 */
export * as ReportFiles from "./ReportFiles.js"
/** @since 0.1.0 */
export * as Settings from "./Settings.js"
/** @since 0.1.0 */
export * as Sites from "./Sites.js"
/** @since 0.1.0 */
export * as StoreTarget from "./StoreTarget.js"
/** @since 0.1.0 */
export * as Text from "./Text.js"
