/**
 * What readers can see of a change. Every write in lib/ that changes a public page returns a
 * `PublicChanges`; the action boundary (lib/forms/actions.ts) expires the cache tags that follow
 * from it (lib/public/tags.ts), so a writer says what it changed and never how pages are cached.
 */
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

export const NOTHING_CHANGED: PublicChanges = Object.freeze({
  posts: [],
  listings: false,
  settings: false,
  people: false,
}) as PublicChanges

/** Every public page (a restore, a migration): post pages carry the listings tag too (their neighbours). */
export const EVERYTHING_CHANGED: PublicChanges = Object.freeze({
  posts: [],
  listings: true,
  settings: true,
  people: true,
}) as PublicChanges

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
