import { cacheLife, cacheTag } from 'next/cache'
import { connection } from 'next/server'
import { cacheTags } from '@/lib/cache/tags'
import { buildCommentsFeed, buildPostsFeed, buildSitemap, FEED_TYPES, type FeedFormat, type FeedScope } from '@/lib/feeds'
import { linkOrigin, loadPublicOrigin } from '@/lib/public-address'

// Links in feeds and the sitemap use the public address (lib/public-address.ts), never the request's host.
// Feeds are cached like pages: the posts feed with the listings (invalidated when posts change, and
// refreshed within a minute), comment feeds for five minutes.

async function cachedPostsFeed(origin: string, format: FeedFormat, scope?: FeedScope): Promise<string | null> {
  'use cache'
  cacheLife({ stale: 60, revalidate: 60, expire: 86_400 })
  cacheTag(cacheTags.listings, cacheTags.settings, cacheTags.people)
  return buildPostsFeed(origin, format, scope)
}

async function cachedCommentsFeed(origin: string, format: FeedFormat, postSlug?: string): Promise<string> {
  'use cache'
  cacheLife({ stale: 300, revalidate: 300, expire: 86_400 })
  if (postSlug) cacheTag(cacheTags.post(postSlug))
  return buildCommentsFeed(origin, format, postSlug)
}

async function cachedSitemap(origin: string): Promise<string> {
  'use cache'
  cacheLife({ stale: 300, revalidate: 300, expire: 86_400 })
  cacheTag(cacheTags.listings)
  return buildSitemap(origin)
}

const respond = (body: string, type: string) => new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=60' } })

/** The origin feeds link to: the public address, else this machine's. Answered per request, never at build. */
async function origin(): Promise<string> {
  await connection()
  await loadPublicOrigin()
  return linkOrigin()
}

const notFound = () => new Response('No such feed.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/** A GET handler for the posts feed in one format. */
export const postsFeedHandler = (format: FeedFormat) => async () =>
  respond((await cachedPostsFeed(await origin(), format)) ?? '', FEED_TYPES[format])

const scopedFeedHandler =
  (kind: 'tag' | 'author') =>
  (format: FeedFormat) =>
  async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const feed = await cachedPostsFeed(await origin(), format, { kind, slug: (await params).slug })
    return feed === null ? notFound() : respond(feed, FEED_TYPES[format])
  }

/** A GET handler for one tag's posts feed. */
export const tagFeedHandler = scopedFeedHandler('tag')

/** A GET handler for one author's posts feed. */
export const authorFeedHandler = scopedFeedHandler('author')

/** A GET handler for the site's comments feed. */
export const commentsFeedHandler = (format: FeedFormat) => async () =>
  respond(await cachedCommentsFeed(await origin(), format), FEED_TYPES[format])

/** A GET handler for one post's comments feed. */
export const postCommentsFeedHandler =
  (format: FeedFormat) =>
  async (_request: Request, { params }: { params: Promise<{ slug: string }> }) =>
    respond(await cachedCommentsFeed(await origin(), format, (await params).slug), FEED_TYPES[format])

export const sitemapHandler = async () => respond(await cachedSitemap(await origin()), 'application/xml; charset=utf-8')

export const robotsHandler = async () =>
  new Response(`User-agent: *\nDisallow: /admin\nDisallow: /api/\nAllow: /\n\nSitemap: ${await origin()}/sitemap.xml\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
