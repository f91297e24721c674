import { parseFeed } from '@rowanmanning/feed-parser'
import type { Kysely } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { buildCommentsFeed, buildPostsFeed, buildSitemap } from '@/lib/public/feeds'

const ORIGIN = 'https://blog.example'
const TRICKY = 'Fish & chips <b>not bold</b> 🐟 — שלום עולם'

describe.each(await testDialects())('feeds on $name', (dialect) => {
  const database = useTestDatabase(dialect, 'prepared')
  let db: Kysely<Database>
  beforeEach(async () => {
    db = database()
    const postId = await insertPost(db, {
      slug: 'tricky',
      title: TRICKY,
      excerpt: `Excerpt: ${TRICKY}`,
      body: `Body with ${TRICKY.replace('<b>', '').replace('</b>', '')}`,
      status: 'published',
      publishedAt: '2020-02-02T10:00:00.000Z',
    })
    await insertPost(db, { slug: 'hidden', title: 'Draft', body: 'x', status: 'draft' })
    await insertComment(db, {
      postId,
      authorName: 'Noor',
      authorEmail: 'noor@private.example',
      body: 'A reply & a half <script>x()</script>',
      status: 'approved',
      createdAt: '2020-02-03T10:00:00.000Z',
    })
    await insertComment(db, { postId, authorName: 'Held', body: 'held back', status: 'pending' })
  })
  for (const format of ['rss', 'atom'] as const) {
    it(`the posts feed as ${format} parses, with every live post, its date and every character`, async () => {
      const feed = parseFeed((await buildPostsFeed(ORIGIN, format, undefined, db))!)
      expect(feed.title).toBe('Plateau')
      expect(feed.items.map((i) => i.title)).toEqual([TRICKY, 'The social media plateau?'])
      expect(feed.items[0].url).toBe(`${ORIGIN}/posts/tricky`)
      expect(feed.items[0].published?.toISOString()).toBe('2020-02-02T10:00:00.000Z')
      expect(feed.items[1].content).toContain('<blockquote>')
    })

    it(`the comments feed as ${format} has approved comments only, with no email`, async () => {
      const xml = await buildCommentsFeed(ORIGIN, format, 'tricky', db)
      const feed = parseFeed(xml)
      expect(feed.items.map((i) => i.title)).toEqual([`Noor on “${TRICKY}”`])
      expect(feed.items[0].content).toContain('A reply &')
      expect(xml).toContain('x()')
      expect(xml).not.toContain('<script')
      expect(xml).not.toContain('private.example')
      expect(xml).not.toContain('held back')
    })
  }

  it('the posts feed as JSON Feed 1.1, and excerpts only when the setting says so', async () => {
    await writeSetting(db, 'feedFullContent', false)
    const feed = JSON.parse((await buildPostsFeed(ORIGIN, 'json', undefined, db))!)
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.items[0]).toMatchObject({
      title: TRICKY,
      url: `${ORIGIN}/posts/tricky`,
      date_published: '2020-02-02T10:00:00.000Z',
      authors: [{ name: 'Anonymous' }],
    })
    expect(feed.items[0].content_html).toBe(
      '<p>Excerpt: Fish &#38; chips &#60;b&#62;not bold&#60;/b&#62; 🐟 — שלום עולם</p>',
    )
  })

  it('a tag’s feed has only its posts, and an unknown tag has none', async () => {
    const feed = parseFeed((await buildPostsFeed(ORIGIN, 'atom', { kind: 'tag', slug: 'local-government' }, db))!)
    expect(feed.title).toBe('Posts tagged “Local government” – Plateau')
    expect(feed.items.map((i) => i.title)).toEqual(['The social media plateau?'])
    expect(await buildPostsFeed(ORIGIN, 'rss', { kind: 'tag', slug: 'no-such-tag' }, db)).toBeNull()
  })

  it('an author’s feed has only their posts, and an unknown author has none', async () => {
    const feed = parseFeed((await buildPostsFeed(ORIGIN, 'rss', { kind: 'author', slug: 'simondigital' }, db))!)
    expect(feed.title).toBe('Posts by SimonDigital – Plateau')
    expect(feed.items.map((i) => i.title)).toEqual(['The social media plateau?'])
    expect(await buildPostsFeed(ORIGIN, 'rss', { kind: 'author', slug: 'nobody' }, db)).toBeNull()
  })

  it('the site comments feed spans posts', async () => {
    const feed = parseFeed(await buildCommentsFeed(ORIGIN, 'rss', undefined, db))
    expect(feed.items.map((i) => i.title)).toContain('Richard on “The social media plateau?”')
    expect(feed.items).toHaveLength(4)
  })

  it('the sitemap lists the home page and live posts with their last change', async () => {
    const xml = await buildSitemap(ORIGIN, db)
    expect(xml).toContain(`<loc>${ORIGIN}/posts/tricky</loc>`)
    expect(xml).toContain(
      `<loc>${ORIGIN}/posts/the-social-media-plateau</loc><lastmod>2013-03-18T09:12:00.000Z</lastmod>`,
    )
    expect(xml).not.toContain('hidden')
    expect(xml).toContain(`<loc>${ORIGIN}/tags/local-government</loc><lastmod>`)
    expect(xml).toContain(`<loc>${ORIGIN}/authors/simondigital</loc><lastmod>2013-03-18T09:12:00.000Z</lastmod>`)
  })
})
