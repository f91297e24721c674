import type { PublicChanges } from '@/lib/changes'

/**
 * The cache tags that follow from a change readers can see (lib/changes.ts). Whoever made the write
 * expires them the same way (lib/public/expire.ts in the app, invalidateEverywhere on the command
 * line), and this file is the one place that says which tags a change touches.
 */
export const cacheTags = {
  settings: 'settings',
  listings: 'posts',
  /** Every page that shows people's names: a rename or deleted account touches them all. */
  people: 'people',
  post: (slug: string) => `post:${slug}`,
} as const

/** The cache tags to expire for `changes`, each once. */
export function tagsToExpire(changes: PublicChanges): string[] {
  return [
    ...(changes.listings ? [cacheTags.listings] : []),
    ...(changes.settings ? [cacheTags.settings] : []),
    ...(changes.people ? [cacheTags.people] : []),
    ...[...new Set(changes.posts)].map(cacheTags.post),
  ]
}
