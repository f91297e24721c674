import type { DB } from '@/db'
import { getDb } from '@/db'
import { findLegacyPost, findOldAddress, findPostBySlug } from '@/db/queries/imports'
import { findTagBySlug } from '@/db/queries/posts'
import { isPublicNow } from '@/db/queries/visibility'
import { pathOfKind, postPath } from '@/lib/paths'
import { archivePath } from '@/lib/posts/archives'

/*
 * The addresses a WordPress blog's readers, feed readers and search engines still use, mapped to
 * where imported posts, pages, tags and people live now — each answered with a permanent redirect
 * (app/wordpress/[...address]/route.ts; next.config.mjs sends them there). What an address names is
 * looked up in this order:
 *   1. the oldAddress table: every address the export itself gave (each item's <link>, a permalink
 *      guid, attachment pages, /?attachment_id=, /?cat=, /?author=, /author/<login>), kept by the
 *      importer — right even where slug and date disagree with the link;
 *   2. guesses for files that did not say: /?p=ID and /?page_id=ID by WordPress id,
 *      /YYYY/MM/DD/slug/, /YYYY/MM/slug/ and /slug/ (/parent/slug/) by WordPress slug,
 *      /category/a/b/ and /tag/x/ by tag slug.
 * Around any of those, WordPress's families:
 *   /feed/, /feed/atom/, /?feed=rss2        → the blog's feed in the same family (RSS or Atom)
 *   /comments/feed/, /?feed=comments-rss2   → the comments feed
 *   /<post>/feed/, /<tag>/feed/, /author/<login>/feed/ → that post's comments feed, the tag's or author's feed
 *   /<post>/comment-page-<n>/               → the post's comments
 *   /page/<n>/                              → that page of the home listing
 *   /?s=words                               → search
 * Old #comment-ID anchors are followed by the comment thread's script (see resolveCommentLink).
 */

export type OldAddress = { segments: string[] } | { query: string; value: string }

/** The queries WordPress addresses things by, kept with their value in the table (/?cat=5). */
const ID_QUERIES = ['p', 'page_id', 'attachment_id', 'cat', 'author'] as const

type Found = { kind: 'post' | 'page' | 'tag' | 'author'; slug: string }

/** The key an address is kept under: decoded, NFC, lower case, no trailing slash. Null when a segment is not valid URL encoding. */
export function oldAddressKey(segments: string[]): string | null {
  try {
    return `/${segments
      .filter(Boolean)
      .map((s) => decodeURIComponent(s).normalize('NFC').toLowerCase())
      .join('/')}`
  } catch {
    return null
  }
}

/**
 * The keys of an address the export gives (a full URL on the old site): relative to the old site's
 * root ('/2019/04/hello', '/?attachment_id=12') and, for a site that lived in a folder such as /blog,
 * also with the folder ('/blog/2019/04/hello'), for a blog that keeps the old domain. None when the
 * address is on another site or says nothing (the root itself).
 */
export function oldAddressKeysOfUrl(url: string, siteUrl: string): string[] {
  let address: URL
  let site: URL
  try {
    site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`)
    address = new URL(url, site)
  } catch {
    return []
  }
  const host = (u: URL) => u.host.replace(/^www\./, '')
  if (host(address) !== host(site)) return []
  const base = site.pathname.replace(/\/$/, '')
  const inFolder = base !== '' && (address.pathname === base || address.pathname.startsWith(`${base}/`))
  const relative = oldAddressKey((inFolder ? address.pathname.slice(base.length) : address.pathname).split('/'))
  if (relative === null) return []
  if (relative === '/') {
    const name = ID_QUERIES.find((n) => /^\d{1,12}$/.test(address.searchParams.get(n) ?? ''))
    return name ? [`/?${name}=${address.searchParams.get(name)}`] : []
  }
  const full = inFolder ? oldAddressKey(address.pathname.split('/')) : null
  return full && full !== relative ? [relative, full] : [relative]
}

/** This blog's own addresses, which an old one must never shadow. */
const OWN_ADDRESS =
  /^\/(?:$|posts|pages|tags|authors|admin|api|search|c|uploads|_next|comments|page|profile|signin|setup|unsubscribe|wordpress|feed|feed\.(?:xml|atom|json)|sitemap\.xml|robots\.txt|icon\.svg|site-icon|custom\.css)(?:\/|$)|^\/\d{4}(?:\/\d{2})?(?:\/page\/\d+)?$/
export const isOwnAddress = (key: string) => OWN_ADDRESS.test(key)

const pathOf = (found: Found) =>
  found.kind === 'post' || found.kind === 'page'
    ? pathOfKind(found.kind, found.slug)
    : archivePath({ kind: found.kind, slug: found.slug })

function feedOf(found: Found, format: 'xml' | 'atom'): string {
  if (found.kind === 'post') return `${postPath(found.slug)}/comments/feed.${format}`
  if (found.kind === 'page') return pathOfKind('page', found.slug)
  return `${archivePath({ kind: found.kind, slug: found.slug })}/feed.${format}`
}

/** WordPress's feed names (/feed/<name>/, ?feed=<name>) → the format of ours in the same family. */
const FEED_FORMATS: Record<string, 'xml' | 'atom'> = {
  '': 'xml',
  feed: 'xml',
  rss2: 'xml',
  rss: 'xml',
  rdf: 'xml',
  atom: 'atom',
}

/** The path an old WordPress address now lives at, or null if it names nothing public here. Public. */
export async function resolveOldAddress(
  address: OldAddress,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<string | null> {
  if ('query' in address) return resolveQuery(address.query, address.value, now, db)
  let parts: string[]
  try {
    parts = address.segments.map((s) => decodeURIComponent(s)).filter(Boolean)
  } catch {
    return null
  }
  const lower = parts.map((p) => p.toLowerCase())
  // …/feed/, …/feed/atom/
  const feedAt = lower.lastIndexOf('feed')
  if (feedAt >= 0 && feedAt >= lower.length - 2 && (feedAt === lower.length - 1 || FEED_FORMATS[lower[feedAt + 1]])) {
    const format = FEED_FORMATS[lower[feedAt + 1] ?? ''] ?? 'xml'
    const base = parts.slice(0, feedAt)
    if (base.length === 0) return `/feed.${format}`
    if (base.length === 1 && lower[0] === 'comments') return `/comments/feed.${format}`
    const found = await find(base, now, db)
    return found ? feedOf(found, format) : null
  }
  // …/comment-page-<n>/
  if (parts.length > 1 && /^comment-page-\d{1,6}$/.test(lower[lower.length - 1])) {
    const found = await find(parts.slice(0, -1), now, db)
    return found?.kind === 'post' ? `${postPath(found.slug)}#comments` : found ? pathOf(found) : null
  }
  // /page/<n>/
  if (parts.length === 2 && lower[0] === 'page' && /^\d{1,6}$/.test(parts[1]))
    return Number(parts[1]) <= 1 ? '/' : `/page/${Number(parts[1])}`
  const found = await find(parts, now, db)
  return found ? pathOf(found) : null
}

async function resolveQuery(name: string, value: string, now: Date, db: DB): Promise<string | null> {
  if (name === 's') return value.trim() ? `/search?q=${encodeURIComponent(value.trim())}` : '/search'
  if (name === 'feed') {
    const feed = value.toLowerCase()
    if (feed.startsWith('comments-'))
      return FEED_FORMATS[feed.slice('comments-'.length)]
        ? `/comments/feed.${FEED_FORMATS[feed.slice('comments-'.length)]}`
        : null
    return FEED_FORMATS[feed] ? `/feed.${FEED_FORMATS[feed]}` : null
  }
  const found = await findByQuery(name, value, now, db)
  return found ? pathOf(found) : null
}

/** What /?<name>=<id> names (p, page_id, attachment_id, cat, author): kept by the importer, else by WordPress id. */
async function findByQuery(name: string, value: string, now: Date, db: DB): Promise<Found | null> {
  if (!(ID_QUERIES as readonly string[]).includes(name) || !/^\d{1,12}$/.test(value)) return null
  const kept = await findKept(`/?${name}=${value}`, now, db)
  if (kept !== undefined) return kept
  if (name !== 'p' && name !== 'page_id') return null
  const post = await findLegacyPost(db, { id: Number(value) })
  return post && isPublicNow(post, now) ? { kind: post.kind === 'page' ? 'page' : 'post', slug: post.slug } : null
}

/**
 * The public post or page an address of the old site names, as its redirect would find it — for
 * another service's records of it (a Disqus thread's <link>). Scheme, host, `www.`, trailing slashes,
 * query and fragment do not matter, except WordPress's /?p=ID and /?page_id=ID. `identifier`, the id a
 * WordPress plugin gave the thread ("42 http://old.example/?p=42"), is tried when the address names
 * nothing; last, the address's last segment as a slug of this blog (a blog that kept its slugs).
 */
export async function findPostOfOldAddress(
  url: string,
  identifier = '',
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<{ kind: 'post' | 'page'; slug: string } | null> {
  let address: URL
  try {
    address = new URL(url, 'http://old.invalid/')
  } catch {
    return null
  }
  const parts = address.pathname.split('/').filter(Boolean)
  const isPost = (found: Found | null): found is Found & { kind: 'post' | 'page' } =>
    found?.kind === 'post' || found?.kind === 'page'
  const query = ['p', 'page_id'].find((name) => /^\d{1,12}$/.test(address.searchParams.get(name) ?? ''))
  const candidates: (() => Promise<Found | null>)[] = [
    async () =>
      parts.length > 0
        ? find(parts, now, db)
        : query
          ? findByQuery(query, address.searchParams.get(query)!, now, db)
          : null,
    async () => (/^\d{1,12} /.test(identifier) ? findByQuery('p', identifier.split(' ')[0], now, db) : null),
    async () => {
      const slug = parts.at(-1)?.replace(/\.html?$/i, '')
      const post = slug ? await findPostBySlug(db, decodeURIComponent(slug).normalize('NFC').toLowerCase()) : null
      return post && isPublicNow(post, now) ? { kind: post.kind === 'page' ? 'page' : 'post', slug: post.slug } : null
    },
  ]
  for (const candidate of candidates) {
    let found: Found | null
    try {
      found = await candidate()
    } catch (error) {
      if (error instanceof URIError) continue
      throw error
    }
    if (isPost(found)) return found
  }
  return null
}

/** What the table keeps at `key`: the thing if public, null if it names something not public, undefined if nothing is kept there. */
async function findKept(key: string, now: Date, db: DB): Promise<Found | null | undefined> {
  const kept = await findOldAddress(db, key)
  if (!kept) return undefined
  if (kept.postSlug && kept.kind && kept.status) {
    return isPublicNow({ status: kept.status, publishedAt: kept.publishedAt }, now)
      ? { kind: kept.kind === 'page' ? 'page' : 'post', slug: kept.postSlug }
      : null
  }
  if (kept.tagSlug) return { kind: 'tag', slug: kept.tagSlug }
  if (kept.userSlug && !kept.deletedAt) return { kind: 'author', slug: kept.userSlug }
  return null
}

/** What an old path (not a family around one) names: kept by the importer, else guessed. */
async function find(parts: string[], now: Date, db: DB): Promise<Found | null> {
  const key = oldAddressKey(parts)
  if (key === null) return null
  const kept = await findKept(key, now, db)
  if (kept !== undefined) return kept
  const [first] = parts
  if ((first === 'category' || first === 'tag') && parts.length >= 2) {
    const tag = await findTagBySlug(db, parts[parts.length - 1].toLowerCase())
    return tag ? { kind: 'tag', slug: tag.slug } : null
  }
  const dated = parts.length >= 3 && /^\d{4}$/.test(parts[0]) && /^\d{2}$/.test(parts[1])
  // /parent/child/ is a child page's address: the last segment is its slug.
  const slug = dated ? parts.slice(2).filter((s) => !/^\d{2}$/.test(s))[0] : parts[parts.length - 1]
  if (!slug || (dated && parts.length > 4)) return null
  const post = await findLegacyPost(db, { slug })
  return post && isPublicNow(post, now) ? { kind: post.kind === 'page' ? 'page' : 'post', slug: post.slug } : null
}
