import type { DB } from '@/db'
import {
  listOldSingleSegments,
  listPublicPostAddresses,
  listRedirectedSlugs,
  listTagAddresses,
} from '@/db/queries/known-addresses'
import { findNextScheduledAt } from '@/db/queries/posts'
import { slugFromAddress } from '@/lib/slugs'
import { getSiteSettings } from '@/lib/settings'
import { cacheTags } from '@/lib/public/tags'

/*
 * Every public address that can name something — posts, pages, tags, authors, dates, old imported
 * addresses — held in memory, so an address that names nothing is known to be a 404 before anything
 * renders (lib/public/addresses.ts asks). A few queries load it, whatever the number of addresses a
 * flood asks for; it is loaded again after any change to what is listed (the listings, people and
 * settings cache tags, on any instance: lib/public/cache/handler.mjs reports their expiry here), when a
 * scheduled post comes due, and at least every five minutes.
 */

export interface KnownAddresses {
  /** Live posts' slugs, and old slugs of live posts (which redirect). */
  posts: Set<string>
  pages: Set<string>
  /** Tag slug → live posts with it (a tag with none still has its first page). */
  tags: Map<string, number>
  /** Author page slug → their live posts. */
  authors: Map<string, number>
  /** "2024" and "2024-05" on the site's clock → live posts then. */
  dates: Map<string, number>
  livePosts: number
  /** What /<segment> may be the old address of (imported addresses, WordPress slugs). */
  oldSegments: Set<string>
  postsPerPage: number
  commentsPerPage: number
}

const MOST_MS = 5 * 60_000
const WATCHED: string[] = [cacheTags.listings, cacheTags.people, cacheTags.settings]

type Index = KnownAddresses & { changes: number; validUntil: number }
type State = { changes: number; indexes: WeakMap<DB, { index: Index | null; loading: Promise<KnownAddresses> | null }> }
// On globalThis: the proxy and the server are bundled apart, and the cache handler (a plain module)
// reports here. One index per database (a process has one; tests open many).
const holder = globalThis as typeof globalThis & {
  __plateauKnownAddresses?: State
  __plateauTagsExpired?: (tags: string[]) => void
}
const state: State = (holder.__plateauKnownAddresses ??= { changes: 0, indexes: new WeakMap() })
holder.__plateauTagsExpired = (tags) => {
  if (tags.some((tag) => WATCHED.includes(tag))) state.changes++
}

/** "2024-05" of a moment on the site's clock. */
function monthOn(clock: Intl.DateTimeFormat, at: Date): string {
  const parts = clock.formatToParts(at)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}`
}

async function load(db: DB, now: Date): Promise<KnownAddresses & { validUntil: number }> {
  const site = await getSiteSettings(db)
  const [posts, tags, redirects, oldSegments, due] = await Promise.all([
    listPublicPostAddresses(db, now),
    listTagAddresses(db, now),
    listRedirectedSlugs(db, now),
    listOldSingleSegments(db),
    findNextScheduledAt(db, now),
  ])
  const clock = new Intl.DateTimeFormat('en-CA', { timeZone: site.timeZone, year: 'numeric', month: '2-digit' })
  const known: KnownAddresses = {
    posts: new Set(redirects),
    pages: new Set(),
    tags: new Map(tags.map((t) => [t.slug, t.posts])),
    authors: new Map(),
    dates: new Map(),
    livePosts: 0,
    oldSegments: new Set(
      oldSegments.flatMap((segment) => [segment.toLowerCase(), slugFromAddress(segment).toLowerCase()]),
    ),
    postsPerPage: site.postsPerPage,
    commentsPerPage: site.commentsPerPage,
  }
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
  for (const post of posts) {
    if (post.kind === 'page') {
      known.pages.add(post.slug)
      continue
    }
    known.posts.add(post.slug)
    known.livePosts++
    if (post.authorSlug) count(known.authors, post.authorSlug)
    if (post.publishedAt) {
      const month = monthOn(clock, post.publishedAt)
      count(known.dates, month)
      count(known.dates, month.slice(0, 4))
    }
  }
  return { ...known, validUntil: Math.min(now.getTime() + MOST_MS, due?.getTime() ?? Infinity) }
}

/** The addresses that name something now, loaded if anything listed changed since. Throws if the database does. */
export async function knownAddresses(db: DB, now: Date = new Date()): Promise<KnownAddresses> {
  let slot = state.indexes.get(db)
  if (!slot) state.indexes.set(db, (slot = { index: null, loading: null }))
  const current = slot.index
  if (current && current.changes === state.changes && now.getTime() < current.validUntil) return current
  // One load at a time; a change made while it reads makes the next request load again.
  const loading = (slot.loading ??= (async () => {
    const changes = state.changes
    try {
      const index = await load(db, now)
      slot.index = { ...index, changes }
      return index
    } finally {
      slot.loading = null
    }
  })())
  return loading
}
