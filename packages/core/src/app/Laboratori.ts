/**
 * Use-cases of the laboratori sociali: open a laboratorio with its activities at a site of its
 * project, record a session held there with its attendance sheet (named persons and an anonymous
 * head-count), and read a laboratorio. The session and its sheet are written together.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { Activity } from "../Activity.js"
import * as Attendance from "../Attendance.js"
import * as Ids from "../Ids.js"
import * as Laboratorio from "../Laboratorio.js"
import * as Session from "../Session.js"
import * as Store from "../Store.js"
import * as Collections from "./Collections.js"
import type { NotFound } from "./NotFound.js"
import type * as Records from "./Records.js"
import * as UseCase from "./UseCase.js"

/**
 * Input of `createLaboratorio`: the laboratorio (at a site of its project) and its activities,
 * each of this laboratorio and listed once.
 *
 * @since 0.1.0
 * @category models
 */
export const CreateLaboratorioInput = Schema.Struct({
  laboratorio: Laboratorio.Laboratorio,
  activities: Schema.optionalKey(Schema.Array(Activity))
}).pipe(
  Schema.check(
    Schema.makeFilter(
      (r: {
        readonly laboratorio: { readonly id: string }
        readonly activities?: ReadonlyArray<{ readonly id: string; readonly laboratorio: string }>
      }) => {
        const issues: Array<Schema.FilterIssue> = []
        const seen = new Map<string, number>()
        ;(r.activities ?? []).forEach((a, i) => {
          if (a.laboratorio !== r.laboratorio.id)
            issues.push({
              path: ["activities", i, "laboratorio"],
              issue: `activity ${JSON.stringify(a.id)} belongs to laboratorio ${JSON.stringify(a.laboratorio)}, not to ${JSON.stringify(r.laboratorio.id)}`
            })
          const earlier = seen.get(a.id)
          if (earlier === undefined) seen.set(a.id, i)
          else
            issues.push({
              path: ["activities", i, "id"],
              issue: `activity ${JSON.stringify(a.id)} is listed twice (positions ${earlier + 1} and ${i + 1})`
            })
        })
        return issues.length === 0 ? true : issues
      }
    )
  )
)
/** @since 0.1.0 @category models */
export type CreateLaboratorioInput = typeof CreateLaboratorioInput.Encoded

/**
 * Input of `recordSession`: the laboratorio, the session (of one of its activities) and,
 * optionally, its attendance sheet — `named` persons (each once) and the `anonymous`
 * head-count of people who are not registered persons.
 *
 * @since 0.1.0
 * @category models
 */
export const RecordSessionInput = Schema.Struct({
  laboratorio: Ids.LaboratorioId,
  session: Session.Session,
  attendance: Schema.optionalKey(
    Schema.Struct({ named: Attendance.Attendance.fields.named, anonymous: Attendance.Attendance.fields.anonymous })
  )
})
/** @since 0.1.0 @category models */
export type RecordSessionInput = typeof RecordSessionInput.Encoded

/**
 * Input of `getLaboratorio`: its id.
 *
 * @since 0.1.0
 * @category models
 */
export const GetLaboratorioInput = Schema.Struct({ id: Ids.LaboratorioId })
/** @since 0.1.0 @category models */
export type GetLaboratorioInput = typeof GetLaboratorioInput.Encoded

/**
 * What `recordSession` wrote: the session and, when one was given, its attendance sheet.
 *
 * @since 0.1.0
 * @category models
 */
export interface Recorded {
  readonly session: Store.Versioned<Records.SessionRecord>
  readonly attendance?: Store.Versioned<Records.AttendanceRecord>
}

/**
 * The laboratorio use-cases.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** Opens a laboratorio with its activities. */
  readonly createLaboratorio: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.LaboratorioRecord>, UseCase.Failure>
  /** Records a session and its attendance sheet, together. */
  readonly recordSession: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Recorded, UseCase.Failure | NotFound>
  /** Reads a laboratorio. */
  readonly getLaboratorio: (
    actor: UseCase.ActorInput,
    input: unknown
  ) => Effect.Effect<Store.Versioned<Records.LaboratorioRecord>, UseCase.Failure | NotFound>
}

/**
 * The laboratorio use-cases' service key.
 *
 * @since 0.1.0
 * @category services
 */
export class Laboratori extends Context.Service<Laboratori, Service>()("@quartieri/core/app/Laboratori") {}

const decodeCreate = UseCase.decodeRequest(CreateLaboratorioInput, "createLaboratorio")
const decodeSession = UseCase.decodeRequest(RecordSessionInput, "recordSession")
const decodeGet = UseCase.decodeRequest(GetLaboratorioInput, "getLaboratorio")

/**
 * Builds the laboratorio use-cases on a store.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make: Effect.Effect<Service, never, Store.Store> = Effect.gen(function* () {
  const store = yield* Store.Store

  const createLaboratorio: Service["createLaboratorio"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeCreate(actor, input)
      const lab = req.laboratorio
      yield* UseCase.authorize(who, "write", { kind: "laboratorio", project: lab.project, laboratorio: lab.id })
      const project = yield* store.get(Collections.Projects, lab.project)
      if (Option.isNone(project))
        return yield* UseCase.invalid("createLaboratorio", {
          path: "laboratorio.project",
          message: `project ${JSON.stringify(lab.project)} does not exist`
        })
      if (!project.value.value.sites.includes(lab.site))
        return yield* UseCase.invalid("createLaboratorio", {
          path: "laboratorio.site",
          message: `site ${JSON.stringify(lab.site)} is not a site of project ${JSON.stringify(lab.project)} (${project.value.value.sites.join(", ")})`
        })
      const record: Records.LaboratorioRecord = { ...lab, activities: req.activities ?? [] }
      return yield* UseCase.commitOne(store, who, Collections.Laboratori, record, 0, "laboratorio.create")
    })

  const recordSession: Service["recordSession"] = (actor, input) =>
    Effect.gen(function* () {
      const { actor: who, input: req } = yield* decodeSession(actor, input)
      const lab = yield* UseCase.load(store, Collections.Laboratori, req.laboratorio, {
        actor: who,
        action: "write",
        kind: "session",
        scope: (l) => ({ kind: "session", project: l.project, laboratorio: l.id })
      })
      const scope = { project: lab.value.project, laboratorio: lab.value.id }
      if (req.attendance !== undefined) yield* UseCase.authorize(who, "write", { kind: "attendance", ...scope })
      const activity = lab.value.activities.find((a) => a.id === req.session.activity)
      if (activity === undefined)
        return yield* UseCase.invalid("recordSession", {
          path: "session.activity",
          message: `activity ${JSON.stringify(req.session.activity)} is not an activity of laboratorio ${JSON.stringify(lab.value.id)}`
        })
      const session: Records.SessionRecord = { ...req.session, ...scope, kind: activity.kind }
      const sheet: Records.AttendanceRecord | undefined =
        req.attendance === undefined ? undefined : { session: session.id, ...scope, ...req.attendance }
      const versions = yield* UseCase.commit(store, who, [
        UseCase.write(Collections.Sessions, session, 0, "session.record"),
        ...(sheet === undefined ? [] : [UseCase.write(Collections.AttendanceSheets, sheet, 0, "attendance.record")])
      ])
      return {
        session: { id: session.id, version: versions[0] ?? 1, value: session },
        ...(sheet === undefined ? {} : { attendance: { id: sheet.session, version: versions[1] ?? 1, value: sheet } })
      }
    })

  const getLaboratorio: Service["getLaboratorio"] = (actor, input) =>
    Effect.gen(function* () {
      const request = yield* decodeGet(actor, input)
      return yield* UseCase.load(store, Collections.Laboratori, request.input.id, {
        actor: request.actor,
        action: "read",
        kind: "laboratorio",
        scope: (l) => ({ kind: "laboratorio", project: l.project, laboratorio: l.id })
      })
    })

  return { createLaboratorio, recordSession, getLaboratorio }
})

/**
 * The laboratorio use-cases over the `Store` in context.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer: Layer.Layer<Laboratori, never, Store.Store> = Layer.effect(Laboratori, make)
