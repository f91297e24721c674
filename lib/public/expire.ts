import { updateTag } from 'next/cache'
import { tagsToExpire } from '@/lib/public/tags'
import { type PublicChanges } from '@/lib/changes'

/*
 * Expiring what a write changed, from inside the app. Both share the expiry with every other
 * instance through the `default` cache handler (lib/public/cache/handler.mjs); the command-line tools,
 * which run outside the app, use invalidateEverywhere (lib/public/cache/shared-tags.ts) with the same tags.
 */

/** In a server action: the writer's next page already shows the change (read-your-writes). */
export function expireFromAction(changes: PublicChanges): void {
  for (const tag of tagsToExpire(changes)) updateTag(tag)
}
