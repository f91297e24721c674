import { Feed } from 'feed'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { listArchivesForSitemap, listCommentsForFeed, listPostsForFeed, listPostsForSitemap } from '@/db/queries/feeds'
import { postPath, shortCommentPath } from '@/lib/paths'
import { type ArchiveScope, archivePath, resolveArchive } from '@/lib/posts/archives'
import { shownCommentHtml, shownPostHtml } from '@/lib/markdown/stored'
import { getSiteSettings } from '@/lib/settings'
import { translator } from '@/lib/i18n'

// Feeds for feed readers: RSS 2.0 and Atom 1.0 through the `feed` library, JSON Feed 1.1 as the
// plain JSON its specification describes. Everything is built from the same data, and escaped by
// the XML writer or JSON.stringify, never by hand.

export type FeedFormat = 'rss' | 'atom' | 'json'
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}
const FEED_SIZE = 20

interface FeedEntry {
  id: string
  title: string
  url: string
  date: Date
  html: string
  summary?: string
  author: string
}

interface FeedData {
  title: string
  /** The site's language (its feeds' own words are in it). */
  language: string
  description: string
  home: string
  self: Record<FeedFormat, string>
  entries: FeedEntry[]
}

function render(data: FeedData, format: FeedFormat): string {
  if (format === 'json') {
    return JSON.stringify(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: data.title,
        home_page_url: data.home,
        feed_url: data.self.json,
        description: data.description,
        language: data.language,
        items: data.entries.map((e) => ({
          id: e.id,
          url: e.url,
          title: e.title,
          content_html: e.html,
          summary: e.summary,
          date_published: e.date.toISOString(),
          authors: [{ name: e.author }],
        })),
      },
      null,
      2,
    )
  }
  const feed = new Feed({
    id: data.home,
    title: data.title,
    description: data.description,
    link: data.home,
    language: data.language,
    updated: data.entries[0]?.date ?? new Date(0),
    generator: 'Plateau',
    feedLinks: { rss: data.self.rss, atom: data.self.atom, json: data.self.json },
    copyright: '',
  })
  for (const e of data.entries) {
    feed.addItem({
      id: e.id,
      guid: e.id,
      title: e.title,
      link: e.url,
      date: e.date,
      published: e.date,
      description: e.summary,
      content: e.html,
      author: [{ name: e.author }],
    })
  }
  return format === 'rss' ? feed.rss2() : feed.atom1()
}

/** Whose posts a feed carries: the whole blog's, one tag's or one author's. */
export type FeedScope = { kind: 'site' } | Extract<ArchiveScope, { kind: 'tag' | 'author' }>

/**
 * A posts feed, or null when its tag or author does not exist: full text, or excerpts when the site
 * says so. Public.
 */
export async function buildPostsFeed(
  origin: string,
  format: FeedFormat,
  scope: FeedScope = { kind: 'site' },
  db: DB = getDb(),
): Promise<string | null> {
  const site = await getSiteSettings(db)
  const archive = scope.kind === 'site' ? null : await resolveArchive(scope, db)
  if (scope.kind !== 'site' && !archive) return null
  const posts = await listPostsForFeed(db, { limit: FEED_SIZE, ...archive?.filter }, new Date())
  const base = `${origin}${archive?.feedBase ?? ''}`
  return render(
    {
      title: archive
        ? translator(site.language, 'feeds')('tagged', { title: archive.title, site: site.title })
        : site.title,
      language: site.language,
      description: archive ? archive.description : site.tagline,
      home: archive ? base : `${origin}/`,
      self: { rss: `${base}/feed.xml`, atom: `${base}/feed.atom`, json: `${base}/feed.json` },
      entries: posts.map((p) => {
        const url = `${origin}${postPath(p.slug)}`
        return {
          id: url,
          title: p.title,
          url,
          date: p.publishedAt ?? p.updatedAt,
          html: site.feedFullContent ? shownPostHtml(p) : `<p>${escapeText(p.excerpt ?? '')}</p>`,
          summary: p.excerpt ?? undefined,
          author: p.authorName ?? translator(site.language, 'people')('anonymous'),
        }
      }),
    },
    format,
  )
}

/** The comments feed of the whole blog, or of one post. Public; never includes an email address. */
export async function buildCommentsFeed(
  origin: string,
  format: FeedFormat,
  postSlug?: string,
  db: DB = getDb(),
): Promise<string> {
  const site = await getSiteSettings(db)
  const comments = await listCommentsForFeed(db, { limit: 30, postSlug }, new Date())
  const base = postSlug ? `${origin}/posts/${postSlug}/comments` : `${origin}/comments`
  const postTitle = comments[0]?.postTitle
  const t = translator(site.language, 'feeds')
  const names = { post: postTitle ?? postSlug ?? '', site: site.title }
  return render(
    {
      title: postSlug ? t('commentsOnPost', names) : t('comments', names),
      description: postSlug ? t('newestOnPost', names) : t('newest', names),
      language: site.language,
      home: postSlug ? `${origin}/posts/${postSlug}#comments` : `${origin}/`,
      self: { rss: `${base}/feed.xml`, atom: `${base}/feed.atom`, json: `${base}/feed.json` },
      entries: comments.map((c) => {
        const url = `${origin}${shortCommentPath(c.id)}`
        const author = c.authorName ?? translator(site.language, 'people')('anonymous')
        return {
          id: url,
          title: t('entry', { author, post: c.postTitle }),
          url,
          date: c.createdAt,
          html: shownCommentHtml(c),
          author,
        }
      }),
    },
    format,
  )
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** sitemap.xml: the home page, every live post, and every tag and author page, with its last change. Public. */
export async function buildSitemap(origin: string, db: DB = getDb()): Promise<string> {
  const posts = await listPostsForSitemap(db, new Date())
  const { tags, authors } = await listArchivesForSitemap(db, new Date())
  const url = (path: string, at?: Date) =>
    `<url><loc>${origin}${path}</loc>${at ? `<lastmod>${at.toISOString()}</lastmod>` : ''}</url>`
  const urls = [
    url('/', posts[0]?.updatedAt),
    ...posts.map((p) => url(postPath(p.slug), p.updatedAt)),
    ...tags.map((t) => url(archivePath({ kind: 'tag', slug: t.slug }), t.updatedAt)),
    ...authors.map((a) => url(archivePath({ kind: 'author', slug: a.slug }), a.updatedAt)),
  ]
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}
