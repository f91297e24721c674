import fs from 'node:fs'
import path from 'node:path'
import { getDb, type DB } from '@/db'
import { countApprovedComments, isApprovedCommentOf } from '@/db/queries/known-addresses'
import { parseId, parseLaterPage } from '@/lib/params'
import { slugFromAddress } from '@/lib/slugs'
import { knownAddresses, type KnownAddresses } from './known-addresses'

/*
 * What an address is, decided before anything renders (proxy.ts asks for every request): one of the
 * blog's own routes (Next answers), an old WordPress address (rewritten to app/wordpress, which
 * redirects it), or nothing at all — a 404 that costs no more than a cached page, renders nothing
 * and stores nothing for the address it was asked for. A flood of made-up addresses therefore
 * never reaches a page, nor pushes a real page out of the caches.
 *
 * The families below mirror the routes under app/ (lib/public/addresses.test.ts keeps them in step):
 *   /posts/<slug>, …/comments/page/<n>, …/thread/<id>, …/reply, …/comments/feed.(xml|atom|json)
 *   /pages/<slug>
 *   /tags/<slug>, /authors/<slug>, …/page/<n>, …/feed.(xml|atom|json)
 *   /page/<n>, /<year>, /<year>/<month>, …/page/<n>
 *   /<old-slug> (an imported post's old address, redirected by the [year] route)
 * Everything under the other top-level names (admin, api, search…, and the files in public/) is Next's to answer. Old
 * WordPress shapes (…/feed, …/comment-page-<n>, /YYYY/MM/slug, /category/…, a trailing slash,
 * /?p=…) go to app/wordpress/[...address], as WordPress readers, feed readers and search engines
 * still ask for them.
 */

export type AddressAnswer = { kind: 'next' } | { kind: 'rewrite'; to: string } | { kind: 'notFound' }

const NEXT: AddressAnswer = { kind: 'next' }
const NOT_FOUND: AddressAnswer = { kind: 'notFound' }

/** Top-level names of the routes that are not families of named things: Next answers under them. */
export const OWN_ROUTES = new Set([
  '_next',
  'admin',
  'api',
  'c',
  'comments',
  'custom.css',
  'feed.atom',
  'feed.json',
  'feed.xml',
  'profile',
  'robots.txt',
  'search',
  'setup',
  'signin',
  'site-icon',
  'sitemap.xml',
  'unsubscribe',
  'uploads',
  'wordpress',
])

/** Top-level names in public/ (the demo post's illustration, a favicon.ico an owner adds): Next serves those files. Read once. */
let publicFiles: Set<string> | null = null
function publicNames(): Set<string> {
  if (publicFiles) return publicFiles
  try {
    publicFiles = new Set(fs.readdirSync(path.join(/*turbopackIgnore: true*/ process.cwd(), 'public')))
  } catch {
    publicFiles = new Set()
  }
  return publicFiles
}

/** Top-level names of the families answered here. */
export const FAMILIES = new Set(['posts', 'pages', 'tags', 'authors', 'page'])

/** Queries WordPress addressed things by, at the site's root, in the order they are looked at. */
const OLD_QUERIES = ['p', 'page_id', 'attachment_id', 'cat', 'author', 's', 'feed']
const FEED_FORMATS = /^(atom|rss2|rss|rdf)$/i
const FEED_FILE = /^feed\.(xml|atom|json)$/

/** Where an old WordPress address goes, or null when the address is not one of WordPress's shapes. */
export function oldAddressRewrite(pathname: string, search: URLSearchParams): string | null {
  if (pathname === '/') {
    const name = OLD_QUERIES.find((n) => search.has(n) && search.get(n)!.length <= 200)
    return name ? `/wordpress/query/${name}/${encodeURIComponent(search.get(name)!)}` : null
  }
  const slash = pathname.endsWith('/')
  const parts = pathname.split('/').filter(Boolean)
  if (parts.length === 0) return null
  const path = parts.join('/')
  const last = parts[parts.length - 1]
  if (last === 'feed') return `/wordpress/path/${path}`
  if (parts.length >= 2 && parts[parts.length - 2] === 'feed' && FEED_FORMATS.test(last))
    return `/wordpress/path/${path}`
  if (parts.length >= 2 && /^comment-page-\d{1,6}$/.test(last)) return `/wordpress/path/${path}`
  if (/^\d{4}$/.test(parts[0]) && /^\d{2}$/.test(parts[1] ?? '')) {
    if (parts.length === 4 && /^\d{2}$/.test(parts[2])) return `/wordpress/path/${path}`
    if (parts.length === 3) return `/wordpress/path/${path}`
  }
  if ((parts[0] === 'category' || parts[0] === 'author') && parts.length >= 2) return `/wordpress/path/${path}`
  if (parts[0] === 'tag' && parts.length === 2) return `/wordpress/path/${path}`
  if (slash) return `/wordpress/slash/${path}`
  return null
}

const safeDecode = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

const pages = (count: number, perPage: number) => Math.max(1, Math.ceil(count / perPage))

/** Whether page `raw` (…/page/<n>, n from 2) of a listing of `count` posts exists. */
const isLaterPage = (raw: string | undefined, count: number, perPage: number) => {
  const n = parseLaterPage(raw)
  return n !== null && n <= pages(count, perPage)
}

/** An archive (tag or author): its first page, later pages, or its feeds. */
function archive(rest: string[], count: number | undefined, known: KnownAddresses): boolean {
  if (count === undefined) return false
  if (rest.length === 0) return true
  if (rest.length === 1) return FEED_FILE.test(rest[0])
  return rest.length === 2 && rest[0] === 'page' && isLaterPage(rest[1], count, known.postsPerPage)
}

async function post(db: DB, slug: string, rest: string[]): Promise<boolean> {
  if (rest.length === 0) return true
  if (rest.length === 1) return rest[0] === 'reply'
  if (rest.length === 2 && rest[0] === 'comments') return FEED_FILE.test(rest[1])
  if (rest.length === 2 && rest[0] === 'thread') {
    const id = parseId(rest[1])
    return id !== null && (await isApprovedCommentOf(db, id, slug))
  }
  if (rest.length === 3 && rest[0] === 'comments' && rest[1] === 'page') {
    const n = parseLaterPage(rest[2])
    // Counting every approved comment, not only threads: never less than the pages there are.
    return n !== null && n <= pages(await countApprovedComments(db, slug), (await knownAddresses(db)).commentsPerPage)
  }
  return false
}

/** Whether a path of the families above names something that exists. */
async function names(db: DB, parts: string[]): Promise<boolean> {
  const known = await knownAddresses(db)
  const [first, second, ...rest] = parts
  const slug = second === undefined ? '' : slugFromAddress(second)
  switch (first) {
    case 'posts':
      return second !== undefined && known.posts.has(slug) && post(db, slug, rest)
    case 'pages':
      return second !== undefined && rest.length === 0 && known.pages.has(slug)
    case 'tags':
      return second !== undefined && archive(rest, known.tags.get(slug), known)
    case 'authors':
      return second !== undefined && archive(rest, known.authors.get(slug), known)
    case 'page':
      return rest.length === 0 && isLaterPage(second, known.livePosts, known.postsPerPage)
  }
  if (/^\d{4}$/.test(first)) {
    // /<year>, /<year>/page/<n>, /<year>/<month>, /<year>/<month>/page/<n>
    const month = second !== undefined && /^(0[1-9]|1[0-2])$/.test(second) ? second : null
    const count = known.dates.get(month ? `${first}-${month}` : first)
    const paging = month ? rest : [second, ...rest].filter((p) => p !== undefined)
    if (count === undefined) return false
    return (
      paging.length === 0 ||
      (paging.length === 2 && paging[0] === 'page' && isLaterPage(paging[1], count, known.postsPerPage))
    )
  }
  // /<segment>: an old address of an imported post (app/(site)/[year] redirects it).
  return parts.length === 1 && known.oldSegments.has(slugFromAddress(first).toLowerCase())
}

/**
 * What to do with a request for `pathname` (as it arrived, still percent-encoded) and its query.
 * Only reads (GET, HEAD) are judged; anything else is Next's. Should the database fail while the
 * index loads, Next answers as it would have.
 */
export async function answerAddress(
  method: string,
  pathname: string,
  search: URLSearchParams,
  db: DB = getDb(),
): Promise<AddressAnswer> {
  if (method !== 'GET' && method !== 'HEAD') return NEXT
  const rewrite = oldAddressRewrite(pathname, search)
  if (rewrite) return { kind: 'rewrite', to: rewrite }
  const parts = pathname.split('/').filter(Boolean)
  if (parts.length === 0 || OWN_ROUTES.has(parts[0]) || publicNames().has(safeDecode(parts[0]))) return NEXT
  try {
    return (await names(db, parts)) ? NEXT : NOT_FOUND
  } catch {
    return NEXT
  }
}
