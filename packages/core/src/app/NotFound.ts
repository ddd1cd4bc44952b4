/**
 * The record a request names does not exist. A use-case says so only to an actor who would be
 * allowed to act on the record if it existed; anyone else is told `NotAuthorized`, so that
 * nobody can probe which households or pathways exist outside their scope.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * No record `id` in `collection`.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  collection: Schema.String,
  id: Schema.String
}) {
  override get message(): string {
    return `${this.collection}/${this.id} does not exist`
  }
}
