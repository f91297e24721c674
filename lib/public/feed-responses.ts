import { connection } from 'next/server'
import { FEED_TYPES, type FeedFormat } from '@/lib/public/feeds'
import { linkOrigin, loadPublicOrigin } from '@/lib/public-address'
import { cachedCommentsFeed, cachedPostsFeed, cachedSitemap } from './cached'

// The route handlers of the feeds, the sitemap and robots.txt. Links in them use the public address
// (lib/public-address.ts), never the request's host; what they hold is cached in ./cached.ts.

const respond = (body: string, type: string) =>
  new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=60' } })

/** The origin feeds link to: the public address, else this machine's. Answered per request, never at build. */
async function origin(): Promise<string> {
  await connection()
  await loadPublicOrigin()
  return linkOrigin()
}

const notFound = () =>
  new Response('No such feed.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

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
  new Response(
    `User-agent: *\nDisallow: /admin\nDisallow: /api/\nAllow: /\n\nSitemap: ${await origin()}/sitemap.xml\n`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  )
