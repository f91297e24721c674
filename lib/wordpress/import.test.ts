import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Element, Root, RootContent } from 'hast'
import type { Kysely } from 'kysely'
import rehypeParse from 'rehype-parse'
import sharp from 'sharp'
import { unified } from 'unified'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { insertPerson } from '@/lib/testing/people'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { PermissionDenied } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { renderPostMarkdown } from '@/lib/markdown/render'
import { getSiteSettings } from '@/lib/settings'
import { databaseStorage } from '@/lib/uploads/storage'
import { resolveCommentLink } from '@/lib/comments/permalinks'
import { describeImport, importChanges, importWordPress, type ImportOptions } from './import'
import { writeSetting } from '@/db/queries/settings'
import { resolveOldAddress } from './old-addresses'
import { loadPageView } from '@/lib/posts/pages'
import { loadHomeView, loadPostView } from '@/lib/posts/views'
import { loadMentionQueue, moderateMentions } from '@/lib/mentions/moderation'
import { ImportFileError } from '@/lib/xml'
import { tagsToExpire } from '@/lib/public/tags'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')
const NOW = new Date('2026-11-27T12:00:00Z')
const fixture = (name: string) => createReadStream(path.join(FIXTURES, name), { highWaterMark: 4096 })
async function* text(xml: string) {
  yield xml
}

/** The characters a reader gets from some HTML: its text, entities decoded, whitespace collapsed. */
function textOf(html: string): string {
  const parts: string[] = []
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') parts.push(node.value)
    if ((node as Element).tagName === 'br') parts.push(' ')
    if ('children' in node) node.children.forEach(walk)
  }
  walk(unified().use(rehypeParse, { fragment: true }).parse(html))
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

/** Serves the images the threads fixture uses: harbour.png exists, gone.png does not. */
let server: Server
let mediaHost: string
beforeAll(async () => {
  const png = await sharp({ create: { width: 640, height: 320, channels: 3, background: '#123456' } })
    .png()
    .toBuffer()
  server = createServer((request, response) => {
    if (request.url === '/wp-content/uploads/2019/04/harbour.png')
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(png)
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  mediaHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
const threads = async () =>
  text((await readFile(path.join(FIXTURES, 'plateau-threads.xml'), 'utf8')).replaceAll('MEDIA_HOST', mediaHost))

describe.each(await testDialects())('importing WordPress exports on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  let admin: Viewer
  let options: ImportOptions

  beforeEach(async () => {
    db = database()
    admin = await insertPerson(db, 'admin')
    options = { now: NOW, db, storage: databaseStorage, download: false }
  })

  /** Every row of every table the import writes, to prove a refusal changed nothing. */
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        (['User', 'post', 'tag', 'postTag', 'comment', 'upload', 'storedFile', 'auditLog'] as const).map(
          async (table) => [table, await db.selectFrom(table).selectAll().execute()],
        ),
      ),
    )

  it.each([
    ['wxr-simple.xml', { posts: 1, pages: 0, comments: 0, authors: 1, terms: 0 }],
    ['valid-wxr-1.0.xml', { posts: 3, pages: 3, comments: 1, authors: 1, terms: 9 }],
    ['valid-wxr-1.1.xml', { posts: 1, pages: 1, comments: 1, authors: 1, terms: 2 }],
    ['small-export.xml', { posts: 6, pages: 5, comments: 1, authors: 3, terms: 33 }],
    ['wxr-comprehensive.xml', { posts: 1, pages: 1, comments: 1, authors: 2, terms: 4 }],
    ['wxr-utf-8-challenges.xml', { posts: 1, pages: 0, comments: 0, authors: 1, terms: 0 }],
    ['crazy-cdata.xml', { posts: 1, pages: 0, comments: 0, authors: 1, terms: 0 }],
  ])('imports %s with the expected counts, and a second time adds nothing', async (name, counts) => {
    const first = await importWordPress(admin, fixture(name), options)
    expect(first).toMatchObject(counts)
    // Every listing and post page, the header links when pages came, bylines when people did.
    expect(tagsToExpire(importChanges(first))).toEqual(['posts', ...(counts.pages > 0 ? ['settings'] : []), 'people'])
    const posts = await db.selectFrom('post').select(['kind']).execute()
    expect(posts.filter((p) => p.kind === 'post')).toHaveLength(counts.posts)
    expect(posts.filter((p) => p.kind === 'page')).toHaveLength(counts.pages)
    const before = await snapshot()
    const second = await importWordPress(admin, fixture(name), options)
    expect(second).toMatchObject({ posts: 0, pages: 0, comments: 0, authors: 0, terms: 0 })
    expect(tagsToExpire(importChanges(second))).toEqual([])
    const after = await snapshot()
    expect({ ...after, auditLog: after.auditLog.length }).toEqual({ ...before, auditLog: before.auditLog.length + 1 })
  })

  it('writes its report in the site’s language, and keeps it in the audit log', async () => {
    await writeSetting(db, 'language', 'de')
    const report = await importWordPress(admin, fixture('wxr-simple.xml'), options)
    const lines = describeImport(report)
    expect(lines[0]).toMatch(
      /^Importiert aus .+: Beiträge 1, Seiten 0, Kommentare 0, Erwähnungen 0, neue Autoren 1, neue Schlagwörter 0\.$/,
    )
    expect(lines).toContain('Nichts übersprungen.')
    const entry = await db
      .selectFrom('auditLog')
      .select('detail')
      .where('id', '=', report.auditId!)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(entry.detail).lines).toEqual(lines)
    // What was skipped, and why, in German too.
    const again = describeImport(await importWordPress(admin, fixture('wxr-simple.xml'), options))
    expect(again).toContain('Übersprungen: 1')
    expect(again.at(-1)).toMatch(/^ {2}„.+“: bereits importiert$/)
  })

  it('brings a post with its authors, tags, status, dates and comment (email kept, private)', async () => {
    await importWordPress(admin, fixture('wxr-comprehensive.xml'), options)
    const post = await db
      .selectFrom('post')
      .innerJoin('User', 'User.id', 'post.authorId')
      .selectAll('post')
      .select(['User.name as author', 'User.email as authorEmail'])
      .where('post.kind', '=', 'post')
      .executeTakeFirstOrThrow()
    expect(post).toMatchObject({
      slug: 'comprehensive-post',
      title: 'Comprehensive Post',
      excerpt: 'An excerpt for comprehensive post',
      body: 'This is a comprehensive post body used to validate the importer.\n\nIncludes categories, tags and a comment.',
      status: 'published',
      publishedAt: new Date('2024-06-05T16:04:48Z'),
      commentsOpen: true,
      author: 'Alice',
      legacyId: 1000,
    })
    const tags = await db
      .selectFrom('postTag')
      .innerJoin('tag', 'tag.id', 'postTag.tagId')
      .select(['tag.slug', 'tag.name'])
      .where('postTag.postId', '=', post.id)
      .orderBy('tag.slug')
      .execute()
    expect(tags).toEqual([
      { slug: 'news', name: 'News' },
      { slug: 't1', name: 'T1' },
      { slug: 't2', name: 'T2' },
      { slug: 'updates', name: 'Updates' },
    ])
    expect(
      await db
        .selectFrom('comment')
        .select(['authorName', 'authorEmail', 'body', 'status', 'createdAt', 'legacyId'])
        .execute(),
    ).toEqual([
      {
        authorName: 'Commenter',
        authorEmail: 'commenter@example.com',
        body: 'Great post!',
        status: 'approved',
        createdAt: new Date('2024-06-06T10:00:00Z'),
        legacyId: 5000,
      },
    ])
    const page = await db
      .selectFrom('post')
      .select(['slug', 'commentsOpen'])
      .where('kind', '=', 'page')
      .executeTakeFirstOrThrow()
    expect(page).toEqual({ slug: 'comprehensive-page', commentsOpen: false })
    expect((await getSiteSettings(db)).navigation).toEqual([
      { label: 'Comprehensive Page', href: '/pages/comprehensive-page' },
    ])
    // Imported authors cannot sign in yet; signing in later with the same email makes them theirs.
    // A file grants nobody publishing rights: they are commenters until an admin promotes them.
    const alice = await db
      .selectFrom('User')
      .select(['role', 'slug'])
      .where('email', '=', 'alice@example.com')
      .executeTakeFirstOrThrow()
    expect(alice).toEqual({ role: 'commenter', slug: 'alice' })
    expect(await db.selectFrom('Account').selectAll().execute()).toEqual([])
  })

  it('fetches no image from a private address unless IMPORT_ALLOW_PRIVATE_MEDIA allows it', async () => {
    const report = await importWordPress(admin, await threads(), { ...options, download: undefined })
    expect(report.media).toEqual({
      fetched: 0,
      remote: [
        `${mediaHost}/wp-content/uploads/2019/04/harbour.png`,
        `${mediaHost}/wp-content/uploads/2019/04/gone.png`,
      ],
    })
    const post = await db
      .selectFrom('post')
      .select(['featuredImageUrl'])
      .where('slug', '=', 'talking-in-threads')
      .executeTakeFirstOrThrow()
    expect(post.featuredImageUrl).toBe(`${mediaHost}/wp-content/uploads/2019/04/harbour.png`)
    expect(await db.selectFrom('upload').select('key').execute()).toEqual([])
  })

  it('keeps every thread, status and author of a conversation, and downloads its images', async () => {
    process.env.IMPORT_ALLOW_PRIVATE_MEDIA = '1'
    const report = await importWordPress(admin, await threads(), { ...options, download: undefined }).finally(
      () => delete process.env.IMPORT_ALLOW_PRIVATE_MEDIA,
    )
    expect(report).toMatchObject({
      posts: 2,
      pages: 1,
      comments: 6,
      mentions: 1,
      media: { fetched: 1, remote: [`${mediaHost}/wp-content/uploads/2019/04/gone.png`] },
    })
    expect(report.skipped).toEqual([])
    const post = await db
      .selectFrom('post')
      .selectAll()
      .where('slug', '=', 'talking-in-threads')
      .executeTakeFirstOrThrow()
    const rows = await db
      .selectFrom('comment')
      .select(['id', 'parentId', 'authorId', 'authorName', 'authorUrl', 'status', 'legacyId', 'body'])
      .where('postId', '=', post.id)
      .execute()
    const byLegacy = new Map(rows.map((r) => [r.legacyId, r]))
    expect(byLegacy.get(101)).toMatchObject({
      parentId: null,
      status: 'approved',
      body: 'The first comment, with _emphasis_.',
    })
    expect(byLegacy.get(102)).toMatchObject({ parentId: byLegacy.get(101)!.id, authorId: post.authorId })
    expect(byLegacy.get(103)).toMatchObject({ parentId: byLegacy.get(102)!.id, authorUrl: 'https://ada.example/' })
    expect([104, 105, 107].map((id) => byLegacy.get(id)!.status)).toEqual(['pending', 'spam', 'trash'])
    expect(rows).toHaveLength(6)

    // The image now lives in the blog's uploads, as the featured image and in the body's caption.
    expect(post.featuredImageUrl).toMatch(/^\/uploads\/\d{4}\/\d\d\/[0-9a-f]{16}-640x320\.png$/)
    expect(post.body).toContain(`![The harbour at night](${post.featuredImageUrl})\n\n_The harbour, lit up_`)
    expect(post.body).toContain(`${mediaHost}/wp-content/uploads/2019/04/gone.png`)
    expect(await databaseStorage(db).get(post.featuredImageUrl!.slice('/uploads/'.length))).toMatchObject({
      contentType: 'image/png',
    })
    expect(post.body).toMatch(/^A classic-editor post whose paragraphs are only blank lines\.\n\n/)
    expect(
      await db.selectFrom('post').select(['status', 'publishedAt']).where('slug', '=', 'next-week').executeTakeFirst(),
    ).toEqual({ status: 'scheduled', publishedAt: new Date('2099-01-01T00:00:00Z') })
  })

  it('keeps pingbacks as mentions of their post: shown apart from comments, moderated like them', async () => {
    await importWordPress(admin, await threads(), options)
    const view = async () => (await loadPostView('talking-in-threads', { page: 1 }, db))!
    expect((await view()).mentions).toEqual([
      {
        id: expect.any(Number),
        title: 'Another Blog',
        site: 'another.example',
        url: 'http://another.example/post',
        date: '2019-04-14T07:00:00.000Z',
      },
    ])
    expect((await view()).commentCount).toBe(3)
    const [{ id }] = (await view()).mentions
    const commenter = await insertPerson(db, 'commenter')
    await expect(moderateMentions(commenter, 'spam', [id], db)).rejects.toBeInstanceOf(PermissionDenied)
    const spam = await moderateMentions(admin, 'spam', [id], db)
    expect(spam.ok && tagsToExpire(spam.changes)).toEqual(['post:talking-in-threads'])
    expect((await view()).mentions).toEqual([])
    expect((await loadMentionQueue(admin, { status: 'spam' }, db)).mentions).toMatchObject([
      { id, title: 'Another Blog', postSlug: 'talking-in-threads' },
    ])
    await moderateMentions(admin, 'not-spam', [id], db)
    await moderateMentions(admin, 'approve', [id], db)
    expect((await view()).mentions).toHaveLength(1)
    // Again: nothing added twice.
    expect(await importWordPress(admin, await threads(), options)).toMatchObject({ mentions: 0 })
  })

  it('keeps every character of the UTF-8 challenges', async () => {
    await importWordPress(admin, fixture('wxr-utf-8-challenges.xml'), options)
    const xml = await readFile(path.join(FIXTURES, 'wxr-utf-8-challenges.xml'), 'utf8')
    const original = (tag: string) => new RegExp(`<${tag}><!\\[CDATA\\[([\\s\\S]*?)\\]\\]></${tag}>`).exec(xml)![1]
    const post = await db
      .selectFrom('post')
      .innerJoin('User', 'User.id', 'post.authorId')
      .select(['post.title', 'post.excerpt', 'post.body', 'User.name'])
      .executeTakeFirstOrThrow()
    expect(post.title).toBe(original('title'))
    expect(post.excerpt).toBe(original('excerpt:encoded'))
    expect(post.name).toBe(original('wp:author_display_name'))
    expect(textOf(renderPostMarkdown(post.body))).toBe(textOf(original('content:encoded')))
  })

  it.each([['malformed-simple.xml', 'The file is not well-formed XML: unclosed tag: item (line 14)']])(
    'refuses %s, saying why and where, and changes nothing',
    async (name, message) => {
      await importWordPress(admin, fixture('wxr-simple.xml'), options)
      const before = await snapshot()
      const refusal = await importWordPress(admin, fixture(name), options).catch((error: unknown) => error)
      expect(refusal).toBeInstanceOf(ImportFileError)
      expect(refusal).toMatchObject({ message, line: 14 })
      expect((refusal as ImportFileError).sentence('de')).toBe(
        'Die Datei ist kein wohlgeformtes XML: unclosed tag: item (Zeile 14)',
      )
      expect(await snapshot()).toEqual(before)
    },
  )

  it.each([
    [
      'an XML bomb',
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<rss><channel><title>&lol2;</title></channel></rss>',
      'The file declares a DOCTYPE (entities), which WordPress exports never have; it was refused for safety (line 2)',
    ],
    [
      'an external entity',
      '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss><channel><title>&xxe;</title></channel></rss>',
      'The file declares a DOCTYPE (entities), which WordPress exports never have; it was refused for safety (line 2)',
    ],
    [
      'an ordinary RSS feed',
      '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>News</title><item><title>Hi</title></item></channel></rss>',
      'This is not a WordPress export (WXR): it has no WordPress elements (line 2)',
    ],
    [
      'an HTML page',
      '<html><body><p>Hello</p></body></html>',
      'This is not a WordPress export: it starts with <html>, not <rss> (line 1)',
    ],
    [
      'a truncated export',
      '<?xml version="1.0"?>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>\n<link>http://x.example</link><item><title>Half',
      'The file is not well-formed XML: unclosed tag: title (line 3)',
    ],
  ])('refuses %s and changes nothing', async (_what, xml, message) => {
    const before = await snapshot()
    await expect(importWordPress(admin, text(xml), options)).rejects.toThrow(message)
    expect(await snapshot()).toEqual(before)
  })

  it('answers the old WordPress addresses of imported posts, pages, categories and comments', async () => {
    await importWordPress(admin, await threads(), options)
    const post = '/posts/talking-in-threads'
    expect(await resolveOldAddress({ query: 'p', value: '42' }, NOW, db)).toBe(post)
    expect(await resolveOldAddress({ query: 'page_id', value: '2' }, NOW, db)).toBe('/pages/about')
    for (const segments of [
      ['2019', '04', '12', 'talking-in-threads'],
      ['2019', '04', 'talking-in-threads'],
      ['talking-in-threads'],
    ])
      expect(await resolveOldAddress({ segments }, NOW, db), segments.join('/')).toBe(post)
    expect(await resolveOldAddress({ segments: ['about'] }, NOW, db)).toBe('/pages/about')
    expect(await resolveOldAddress({ segments: ['category', 'conversations'] }, NOW, db)).toBe('/tags/conversations')
    // Not public (scheduled for 2099), or never there: nothing.
    expect(await resolveOldAddress({ query: 'p', value: '43' }, NOW, db)).toBeNull()
    expect(await resolveOldAddress({ segments: ['2019', '04', 'next-week'] }, NOW, db)).toBeNull()
    expect(await resolveOldAddress({ segments: ['no-such-post'] }, NOW, db)).toBeNull()
    expect(await resolveOldAddress({ segments: ['tag', 'nothing'] }, NOW, db)).toBeNull()
    // An old #comment-103 anchor on the post lands on the comment imported from it.
    const { id: postId } = await db
      .selectFrom('post')
      .select('id')
      .where('slug', '=', 'talking-in-threads')
      .executeTakeFirstOrThrow()
    const { id: commentId } = await db
      .selectFrom('comment')
      .select('id')
      .where('legacyId', '=', 103)
      .executeTakeFirstOrThrow()
    expect(await resolveCommentLink('103', postId, db)).toBe(`${post}#comment-${commentId}`)
  })

  it('keeps every address the export gives, and answers WordPress’s address families, where slugs and dates disagree', async () => {
    const report = await importWordPress(admin, fixture('moved-addresses.xml'), options)
    expect(report).toMatchObject({ posts: 4, pages: 2 })
    expect(report.skipped).toContainEqual({
      what: 'the old address /posts/someone-elses of “In the way”',
      why: 'it is one of this blog’s own addresses, so it was not taken',
    })
    // A title with markup keeps its text, never Markdown.
    expect(
      (await db.selectFrom('post').select('title').where('legacyId', '=', 11).executeTakeFirstOrThrow()).title,
    ).toBe('Markup: Title With Markup & more')
    const { slug: maya } = await db
      .selectFrom('User')
      .select('slug')
      .where('email', '=', 'maya@moved.example')
      .executeTakeFirstOrThrow()
    const post = '/posts/renamed-later'
    const at = (...segments: string[]) => resolveOldAddress({ segments }, NOW, db)
    const query = (name: string, value: string) => resolveOldAddress({ query: name, value }, NOW, db)
    const expected: [Promise<string | null>, string | null][] = [
      // Each item's <link>: the slug was renamed and the GMT date is February, yet the link answers.
      [at('2009', '03', 'first-title'), post],
      [at('blog', '2009', '03', 'first-title'), post],
      [at('notes', 'permalink-guid'), '/posts/guid-post'],
      [at('2010', '01', 'caf%C3%A9-notes'), '/posts/cafe-notes-2'],
      [at('2010', '01', 'Café-Notes'), '/posts/cafe-notes-2'],
      [at('about-us', 'our-team'), '/pages/team'],
      [at('about-us'), '/pages/about-us'],
      // Attachment pages lead to their post.
      [at('2009', '03', 'first-title', 'photo'), post],
      [query('attachment_id', '30'), post],
      [query('p', '11'), post],
      [query('p', '12'), '/posts/guid-post'],
      // Feeds, in the same format family.
      [at('feed'), '/feed.xml'],
      [at('feed', 'atom'), '/feed.atom'],
      [at('feed', 'rss2'), '/feed.xml'],
      [query('feed', 'rss2'), '/feed.xml'],
      [query('feed', 'atom'), '/feed.atom'],
      [at('comments', 'feed'), '/comments/feed.xml'],
      [query('feed', 'comments-rss2'), '/comments/feed.xml'],
      [at('2009', '03', 'first-title', 'feed'), `${post}/comments/feed.xml`],
      [at('category', 'field-notes', 'feed'), '/tags/field-notes/feed.xml'],
      [at('category', 'field-notes', 'feed', 'atom'), '/tags/field-notes/feed.atom'],
      [query('cat', '5'), '/tags/field-notes'],
      // Authors by login and by id, and their feeds.
      [at('author', 'maya'), `/authors/${maya}`],
      [at('author', 'maya', 'feed'), `/authors/${maya}/feed.xml`],
      [query('author', '3'), `/authors/${maya}`],
      // Comment pages, listing pages, search.
      [at('2009', '03', 'first-title', 'comment-page-2'), `${post}#comments`],
      [at('page', '3'), '/page/3'],
      [at('page', '1'), '/'],
      [query('s', 'harbour lights'), '/search?q=harbour%20lights'],
      // Nothing there: still nothing.
      [at('2009', '03', 'never-was'), null],
      [at('author', 'nobody'), null],
      [query('cat', '99'), null],
      [at('posts', 'someone-elses'), null],
    ]
    const answers = await Promise.all(expected.map(([answer]) => answer))
    expect(answers).toEqual(expected.map(([, path]) => path))

    // <!--more--> made the excerpt; shortcodes became links and images, each listed in the report.
    const bodyOf = async (slug: string) =>
      await db.selectFrom('post').select(['body', 'excerpt']).where('slug', '=', slug).executeTakeFirstOrThrow()
    const cafe = await bodyOf('cafe-notes-2')
    expect(cafe.excerpt).toBe('An address with an accent, before the fold.')
    const photo = 'http://moved.example/blog/wp-content/uploads/2009/03/photo.jpg'
    expect(cafe.body).toContain(`- ![](${photo})`)
    expect(cafe.body).not.toMatch(/wordpress-attachment|\[\/?(gallery|embed|audio|contact-form-7)/)
    const html = renderPostMarkdown(cafe.body)
    expect(html).toContain('href="https://video.example/watch/1"')
    expect(html).toContain('href="https://audio.example/a.mp3"')
    expect(textOf(html)).toContain('Write to us:')
    expect((await bodyOf('renamed-later')).body).toContain(`- ![](${photo})`)
    expect(report.shortcodes).toEqual([
      { title: 'Markup: Title With Markup & more', names: ['gallery'] },
      { title: 'Café notes', names: ['embed', 'audio', 'gallery', 'contact-form-7'] },
    ])

    // The sticky post leads the home page, pinned; the child page knows where it sits.
    const home = await loadHomeView(1, db)
    expect(home!.posts.map((p) => [p.slug, p.pinned])).toEqual([
      ['guid-post', true],
      ['in-the-way', false],
      ['cafe-notes-2', false],
      ['renamed-later', false],
    ])
    expect((await loadPageView('team', db))!.parents).toEqual([{ slug: 'about-us', title: 'About us' }])
    expect((await loadPageView('about-us', db))!.parents).toEqual([])

    // Again: nothing new, not even an address.
    expect(await importWordPress(admin, fixture('moved-addresses.xml'), options)).toMatchObject({
      posts: 0,
      pages: 0,
      addresses: 0,
    })
    expect(report.addresses).toBe((await db.selectFrom('oldAddress').select('path').execute()).length)
  })

  it('finds an author known only by login again when a later file from the same site names them', async () => {
    const wxr = (id: number) =>
      text(`<rss xmlns:wp="http://wordpress.org/export/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><link>http://old.example/</link><wp:wxr_version>1.0</wp:wxr_version>
<item><title>Post ${id}</title><dc:creator>admin</dc:creator><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2010-01-01 00:00:00</wp:post_date_gmt><wp:post_name>post-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>`)
    expect(await importWordPress(admin, wxr(1), options)).toMatchObject({ posts: 1, authors: 1 })
    expect(await importWordPress(admin, wxr(2), options)).toMatchObject({ posts: 1, authors: 0 })
    const authors = await db.selectFrom('post').select('authorId').execute()
    expect(new Set(authors.map((a) => a.authorId)).size).toBe(1)
  })

  it('lets only admins import', async () => {
    const editor = { ...admin, role: 'editor' as const }
    await expect(importWordPress(editor, fixture('wxr-simple.xml'), options)).rejects.toBeInstanceOf(PermissionDenied)
    await expect(importWordPress(null, fixture('wxr-simple.xml'), options)).rejects.toBeInstanceOf(PermissionDenied)
  })

  it('merges into a blog that already has posts, and never takes their addresses', async () => {
    await db
      .insertInto('post')
      .values({ slug: 'comprehensive-post', title: 'Mine', body: 'Mine.', status: 'published', publishedAt: NOW })
      .execute()
    await importWordPress(admin, fixture('wxr-comprehensive.xml'), options)
    expect(
      (await db.selectFrom('post').select(['slug', 'title', 'legacySlug']).orderBy('id').execute()).slice(0, 2),
    ).toEqual([
      { slug: 'comprehensive-post', title: 'Mine', legacySlug: null },
      { slug: 'comprehensive-post-2', title: 'Comprehensive Post', legacySlug: 'comprehensive-post' },
    ])
  })
})
