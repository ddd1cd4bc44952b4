/**
 * What a page handler works with: the facade, the portal's directory, the date it takes as
 * today, the actor of the request, and the shell of its page.
 *
 * @since 0.1.0
 */
import type { App } from "@quartieri/core"
import type * as Actors from "./Actors.js"
import type * as Html from "./Html.js"
import type { Directory } from "./Seed.js"

/**
 * The context of one request.
 *
 * @since 0.1.0
 * @category models
 */
export interface PageContext {
  readonly quartieri: App.Facade.Client
  readonly directory: Directory
  /** The date the portal takes as today (`YYYY-MM-DD`): new records are dated with it. */
  readonly today: string
  readonly actor: Actors.Choice
  /** The shell of a page with this title, for the request's path and actor. */
  readonly shell: (title: string) => Html.Shell
}

/**
 * The actor of the request as quartieri receives it.
 *
 * @since 0.1.0
 * @category utils
 */
export const actorOf = (ctx: PageContext): App.UseCase.ActorInput => ctx.actor.actor
