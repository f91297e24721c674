import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeReturnPath } from '@/lib/auth/redirects'
import { isWellEncodedPath } from '@/lib/http/security-headers'
import { timeBound, timeBoundAsync } from '@/lib/testing/cost'
import { insertComment } from '@/db/queries/comments'
import { insertOldAddress } from '@/db/queries/imports'
import { insertPost, tagPost, upsertTag } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { answerAddress, FAMILIES, oldAddressRewrite, OWN_ROUTES } from './addresses'
import { cacheTags } from '@/lib/public/tags'

// What an address is, decided before anything renders: the blog's families answer only for what
// exists, old WordPress shapes go to app/wordpress, the rest of the blog's routes pass.

const get = (db: Parameters<typeof answerAddress>[3], address: string) => {
  const url = new URL(address, 'http://blog.example')
  return answerAddress('GET', url.pathname, url.searchParams, db)
}
/** As lib/public/cache/handler.mjs does when a write expires tags, on this instance or another. */
const expired = (...tags: string[]) =>
  (globalThis as { __plateauTagsExpired?: (tags: string[]) => void }).__plateauTagsExpired?.(tags)

describe('the addresses of the blog', () => {
  it('know every top-level name of the routes under app/', () => {
    const app = path.join(import.meta.dirname, '../../app')
    const top = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
        .flatMap((e) => (/^\(.*\)$/.test(e.name) ? top(path.join(dir, e.name)) : [e.name]))
    const names = top(app).filter((name) => !name.startsWith('['))
    for (const name of names)
      expect(OWN_ROUTES.has(name) || FAMILIES.has(name), `app/…/${name} is in OWN_ROUTES or FAMILIES`).toBe(true)
    for (const name of [...OWN_ROUTES, ...FAMILIES])
      if (name !== '_next') expect(names, `${name} is still a route`).toContain(name)
    // The one dynamic top-level route is /[year] (dates, and imported posts' old /slug addresses).
    expect(top(app).filter((name) => name.startsWith('['))).toEqual(['[year]'])
  })

  it.each([
    ['/feed', '/wordpress/path/feed'],
    ['/feed/', '/wordpress/path/feed'],
    ['/feed/atom/', '/wordpress/path/feed/atom'],
    ['/comments/feed/', '/wordpress/path/comments/feed'],
    ['/posts/hello/feed', '/wordpress/path/posts/hello/feed'],
    ['/hello-world/comment-page-2/', '/wordpress/path/hello-world/comment-page-2'],
    ['/2019/04/02/hello/', '/wordpress/path/2019/04/02/hello'],
    ['/2019/04/hello', '/wordpress/path/2019/04/hello'],
    ['/category/news/local/', '/wordpress/path/category/news/local'],
    ['/tag/x', '/wordpress/path/tag/x'],
    ['/author/admin/', '/wordpress/path/author/admin'],
    ['/hello-world/', '/wordpress/slash/hello-world'],
    ['/about/team/', '/wordpress/slash/about/team'],
    ['/?p=12', '/wordpress/query/p/12'],
    ['/?page_id=3&p=9', '/wordpress/query/p/9'],
    ['/?s=caf%C3%A9', '/wordpress/query/s/caf%C3%A9'],
    ['/?feed=rss2', '/wordpress/query/feed/rss2'],
  ])('sends the old WordPress address %s to %s', (address, to) => {
    const url = new URL(address, 'http://blog.example')
    expect(oldAddressRewrite(url.pathname, url.searchParams)).toBe(to)
  })

  const segment = fc.oneof(
    fc.constantFrom(
      'posts',
      'tags',
      'authors',
      'page',
      'pages',
      '2019',
      '04',
      'feed',
      'comment-page-2',
      'category',
      'tag',
      'thread',
      'comments',
      '',
      '.',
      '..',
      '%2e',
      '%ff',
      '%E6%9D%B1',
      'a'.repeat(300),
    ),
    fc.string({ maxLength: 40 }),
  )
  it('judges any address within a millisecond plus a microsecond a character, however it is made', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 60 }), fc.boolean(), (parts, slash) => {
        const pathname = `/${parts.map(encodeURIComponent).join('/')}${slash ? '/' : ''}`
        const { ms } = timeBound(() => [
          oldAddressRewrite(pathname, new URLSearchParams(`s=${parts[0] ?? ''}`)),
          safeReturnPath(pathname),
          isWellEncodedPath(pathname),
        ])
        expect(ms).toBeLessThan(1 + pathname.length * 0.001 * 10)
      }),
      { numRuns: 300 },
    )
  })

  it.each([
    '/',
    '/posts/hello',
    '/2019/04',
    '/2019/04/page/2',
    '/2019',
    '/tags/x/page/2',
    '/feed.xml',
    '/?utm=1',
    `/?s=${'x'.repeat(201)}`,
  ])('leaves %s to the blog', (address) => {
    const url = new URL(address, 'http://blog.example')
    expect(oldAddressRewrite(url.pathname, url.searchParams)).toBeNull()
  })
})

describe.each(await testDialects())('known addresses on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  const T0 = new Date('2026-03-31T22:30:00Z')

  async function blog() {
    const db = database()
    const author = await db
      .insertInto('User')
      .values({ id: 'u1', name: 'Ann', slug: 'ann', email: 'ann@example.com', role: 'author' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const postId = await insertPost(db, {
      slug: 'hello',
      title: 'Hello',
      body: 'b',
      status: 'published',
      publishedAt: T0,
      authorId: author.id,
    })
    await insertPost(db, {
      slug: 'about',
      title: 'About',
      body: 'b',
      status: 'published',
      publishedAt: T0,
      kind: 'page',
    })
    await insertPost(db, { slug: 'secret', title: 'Draft', body: 'b', status: 'draft' })
    await tagPost(db, postId, await upsertTag(db, { slug: 'news', name: 'News' }))
    await upsertTag(db, { slug: 'empty', name: 'Empty' })
    await db.insertInto('postRedirect').values({ slug: 'hello-old', postId }).execute()
    const commentId = await insertComment(db, { postId, authorName: 'G', body: 'c', status: 'approved', createdAt: T0 })
    const heldId = await insertComment(db, { postId, authorName: 'H', body: 'h', status: 'pending', createdAt: T0 })
    await insertOldAddress(db, { path: '/an-old-slug', postId })
    expired(cacheTags.listings)
    return { db, postId, commentId, heldId }
  }

  it('lets through what exists and answers everything else as not found', async () => {
    const { db, commentId, heldId } = await blog()
    const known = [
      '/',
      '/posts/hello',
      '/posts/hello-old',
      '/posts/hello/reply',
      '/posts/hello/comments/feed.atom',
      `/posts/hello/thread/${commentId}`,
      '/pages/about',
    ]
    const more = [
      '/images/the-social-media-plateau.svg',
      '/tags/news',
      '/tags/news/feed.xml',
      '/tags/empty',
      '/authors/ann',
      '/authors/ann/feed.json',
      '/2026',
      '/2026/03',
      '/an-old-slug',
      '/An-Old-Slug',
      '/search?q=x',
      '/admin/posts',
      '/api/health',
      '/c/99999',
    ]
    for (const address of [...known, ...more]) expect(await get(db, address), address).toEqual({ kind: 'next' })
    const unknown = [
      '/posts/nope',
      '/posts/secret',
      '/posts/hello/thread/99999',
      `/posts/hello/thread/${heldId}`,
      '/posts/hello/comments/page/2',
      '/posts/hello/other',
      '/posts',
      '/pages/hello',
      '/pages/nope',
    ]
    const more404 = [
      '/tags/nope',
      '/tags/news/page/2',
      '/authors/nope',
      '/page/2',
      '/2026/04',
      '/2025',
      '/1999/12/page/2',
      '/wp-login.php',
      '/.env',
      '/x/y',
      '/tags',
      '/favicon.ico',
    ]
    for (const address of [...unknown, ...more404])
      expect(await get(db, address), address).toEqual({ kind: 'notFound' })
    // Writes and forms are the routes' own to answer.
    expect(await answerAddress('POST', '/posts/nope', new URLSearchParams(), db)).toEqual({ kind: 'next' })
  })

  it('files posts by month on the site’s clock', async () => {
    const { db } = await blog()
    // 22:30 UTC on 31 March is 1 April in Tokyo.
    await writeSetting(db, 'timeZone', 'Asia/Tokyo')
    expired(cacheTags.settings)
    expect(await get(db, '/2026/04')).toEqual({ kind: 'next' })
    expect(await get(db, '/2026/03')).toEqual({ kind: 'notFound' })
  })

  it('knows a new post, tag, page of posts or comments once a write says the listings changed', async () => {
    const { db, postId } = await blog()
    expect(await get(db, '/posts/new-one')).toEqual({ kind: 'notFound' })
    const newId = await insertPost(db, {
      slug: 'new-one',
      title: 'New',
      body: 'b',
      status: 'published',
      publishedAt: T0,
    })
    await tagPost(db, newId, await upsertTag(db, { slug: 'fresh', name: 'Fresh' }))
    await writeSetting(db, 'postsPerPage', 1)
    // Not yet told: the index stands (a comment's change touches no listing either).
    expect(await get(db, '/posts/new-one')).toEqual({ kind: 'notFound' })
    expired(cacheTags.post('hello'))
    expect(await get(db, '/posts/new-one')).toEqual({ kind: 'notFound' })
    expired(cacheTags.listings)
    for (const address of ['/posts/new-one', '/tags/fresh', '/page/2'])
      expect(await get(db, address), address).toEqual({ kind: 'next' })
    // Comment pages are counted when asked for: a new comment needs no new index.
    await writeSetting(db, 'commentsPerPage', 1)
    expired(cacheTags.settings)
    expect(await get(db, '/posts/hello/comments/page/2')).toEqual({ kind: 'notFound' })
    await insertComment(db, { postId, authorName: 'G2', body: 'c2', status: 'approved', createdAt: T0 })
    expect(await get(db, '/posts/hello/comments/page/2')).toEqual({ kind: 'next' })
  })

  it('answers a flood of made-up addresses from the index, within a few milliseconds each', async () => {
    const { db } = await blog()
    await get(db, '/posts/warm-up')
    const made = fc.sample(
      fc.tuple(
        fc.constantFrom('posts', 'tags', 'authors', 'pages', 'page', '2026', 'x'),
        fc.string({ maxLength: 80 }),
        fc.constantFrom('', '/page/3', '/feed.xml', '/thread/12', '/comments/page/9'),
      ),
      300,
    )
    for (const [family, value, rest] of made) {
      const { value: answer, ms } = await timeBoundAsync(() =>
        get(db, `/${family}/${encodeURIComponent(value)}${rest}`),
      )
      expect(['next', 'notFound', 'rewrite']).toContain(answer.kind)
      expect(ms).toBeLessThan(50)
    }
  })

  it('knows a scheduled post once its time has come, with no write to say so', async () => {
    const db = database()
    const due = new Date(Date.now() + 1500)
    await insertPost(db, { slug: 'soon', title: 'Soon', body: 'b', status: 'scheduled', publishedAt: due })
    expired(cacheTags.listings)
    expect(await get(db, '/posts/soon')).toEqual({ kind: 'notFound' })
    await expect.poll(async () => get(db, '/posts/soon'), { timeout: 5000, interval: 200 }).toEqual({ kind: 'next' })
  })
})
