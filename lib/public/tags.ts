/**
 * What readers can see of a change, and the cache tags that follow from it. Every write in lib/
 * that changes a public page returns a `PublicChanges`; whoever made the write expires its tags the
 * same way (lib/public/expire.ts: a server action, a route handler, the command line), and this file
 * is the one place that says which tags a change touches.
 */
export const cacheTags = {
  settings: 'settings',
  listings: 'posts',
  /** Every page that shows people's names: a rename or deleted account touches them all. */
  people: 'people',
  post: (slug: string) => `post:${slug}`,
} as const

export interface PublicChanges {
  /** Slugs of the posts and pages whose own page changed (a comment, an edit, a new address). */
  posts: string[]
  /** Which posts are listed changed (home, archives, tags, authors, feeds, sitemap). */
  listings: boolean
  /** The blog's settings changed (title, header links… on every page). */
  settings: boolean
  /** A name people are shown under changed (comment threads, bylines). */
  people: boolean
}

export const NOTHING_CHANGED: PublicChanges = Object.freeze({ posts: [], listings: false, settings: false, people: false }) as PublicChanges

/** Every public page (a restore, a migration): post pages carry the listings tag too (their neighbours). */
export const EVERYTHING_CHANGED: PublicChanges = Object.freeze({ posts: [], listings: true, settings: true, people: true }) as PublicChanges

/** A change made of the given parts (the rest unchanged). */
export function publicChanges(parts: Partial<PublicChanges>): PublicChanges {
  return { ...NOTHING_CHANGED, ...parts, posts: [...new Set(parts.posts ?? [])] }
}

/** Everything any of `changes` changed. */
export function allChanges(...changes: PublicChanges[]): PublicChanges {
  return publicChanges({
    posts: changes.flatMap((c) => c.posts),
    listings: changes.some((c) => c.listings),
    settings: changes.some((c) => c.settings),
    people: changes.some((c) => c.people),
  })
}

/** The cache tags to expire for `changes`, each once. */
export function tagsToExpire(changes: PublicChanges): string[] {
  return [
    ...(changes.listings ? [cacheTags.listings] : []),
    ...(changes.settings ? [cacheTags.settings] : []),
    ...(changes.people ? [cacheTags.people] : []),
    ...[...new Set(changes.posts)].map(cacheTags.post),
  ]
}
