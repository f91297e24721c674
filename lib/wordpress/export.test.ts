import { createReadStream } from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertPerson } from '@/lib/testing/people'
import { migrateToLatest } from '@/db/migrate'
import { testDialects, type TestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { PermissionDenied } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { databaseStorage } from '@/lib/uploads/storage'
import { exportWordPress } from './export'
import { writeSetting } from '@/db/queries/settings'
import { importWordPress } from './import'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')
const NOW = new Date('2026-11-27T12:00:00Z')

/** Posts, pages, tags and comment trees as a reader would compare two blogs (ids aside). */
async function contents(db: Kysely<Database>) {
  const posts = await db
    .selectFrom('post')
    .leftJoin('User', 'User.id', 'post.authorId')
    .leftJoin('post as parent', 'parent.id', 'post.parentId')
    .select([
      'post.id',
      'post.kind',
      'post.slug',
      'post.title',
      'post.excerpt',
      'post.body',
      'post.status',
      'post.publishedAt',
      'post.commentsOpen',
      'post.featuredImageUrl',
      'post.pinned',
      'parent.slug as parent',
      'User.name as author',
    ])
    .orderBy('post.slug')
    .execute()
  const tags = await db
    .selectFrom('postTag')
    .innerJoin('tag', 'tag.id', 'postTag.tagId')
    .select(['postTag.postId', 'tag.slug', 'tag.name'])
    .orderBy('tag.slug')
    .execute()
  const comments = await db.selectFrom('comment').selectAll().orderBy('createdAt').orderBy('id').execute()
  const bodyOf = new Map(comments.map((c) => [c.id, c.body]))
  return posts.map(({ id, ...post }) => ({
    ...post,
    tags: tags.filter((t) => t.postId === id).map((t) => `${t.slug}:${t.name}`),
    comments: comments
      .filter((c) => c.postId === id)
      .map((c) => ({
        author: c.authorName,
        email: c.authorEmail,
        url: c.authorUrl,
        body: c.body,
        status: c.status,
        at: c.createdAt,
        replyTo: c.parentId ? bodyOf.get(c.parentId) : null,
      })),
  }))
}

describe.each(await testDialects())('exporting to WordPress on $name', (dialect) => {
  let from: TestDatabase
  let to: TestDatabase
  const admins: Viewer[] = []

  beforeEach(async () => {
    from = await dialect.open()
    to = await dialect.open()
    for (const t of [from, to]) {
      await migrateToLatest(t.db)
      admins.push(await insertPerson(t.db, 'admin'))
    }
  })
  afterEach(async () => {
    await from.close()
    await to.close()
    admins.length = 0
  })

  it.each(['plateau-threads.xml', 'small-export.xml', 'wxr-utf-8-challenges.xml', 'moved-addresses.xml'])(
    'round-trips %s: export, import into an empty blog, the same posts, pages and threads',
    async (name) => {
      await importWordPress(admins[0], createReadStream(path.join(FIXTURES, name)), {
        now: NOW,
        db: from.db,
        storage: databaseStorage,
        download: false,
      })
      const chunks: string[] = []
      const items = await exportWordPress(admins[0], (chunk) => void chunks.push(chunk), {
        origin: 'https://plateau.example',
        db: from.db,
        now: NOW,
      })
      expect(items).toBeGreaterThan(0)
      const xml = chunks.join('')
      expect(xml).toContain('<wp:wxr_version>1.2</wp:wxr_version>')
      await importWordPress(
        admins[1],
        (async function* () {
          yield xml
        })(),
        { now: NOW, db: to.db, storage: databaseStorage, download: false },
      )
      expect(await contents(to.db)).toEqual(await contents(from.db))
    },
  )

  it('writes WordPress’s local dates on the site’s clock and its GMT dates in UTC, and round-trips them', async () => {
    await writeSetting(from.db, 'timeZone', 'Asia/Tokyo')
    await from.db
      .insertInto('post')
      .values({
        slug: 'late',
        title: 'Late',
        body: 'b',
        status: 'published',
        publishedAt: new Date('2026-03-31T22:30:00Z'),
      })
      .execute()
    const chunks: string[] = []
    await exportWordPress(admins[0], (chunk) => void chunks.push(chunk), {
      origin: 'https://plateau.example',
      db: from.db,
      now: NOW,
    })
    const xml = chunks.join('')
    expect(xml).toContain('<wp:post_date><![CDATA[2026-04-01 07:30:00]]></wp:post_date>')
    expect(xml).toContain('<wp:post_date_gmt><![CDATA[2026-03-31 22:30:00]]></wp:post_date_gmt>')
    await importWordPress(
      admins[1],
      (async function* () {
        yield xml
      })(),
      { now: NOW, db: to.db, storage: databaseStorage, download: false },
    )
    expect(await contents(to.db)).toEqual(await contents(from.db))
  })

  it('writes HTML WordPress can show, with the Markdown kept aside, and only for admins', async () => {
    await from.db
      .insertInto('post')
      .values({
        slug: 'hello',
        title: 'Hello & welcome',
        body: 'Some **bold** text ]]> with a CDATA end.',
        status: 'published',
        publishedAt: NOW,
      })
      .execute()
    const chunks: string[] = []
    await exportWordPress(admins[0], (chunk) => void chunks.push(chunk), {
      origin: 'https://plateau.example',
      db: from.db,
      now: NOW,
    })
    const xml = chunks.join('')
    expect(xml).toContain(
      '<content:encoded><![CDATA[<p>Some <strong>bold</strong> text ]]&gt; with a CDATA end.</p>]]></content:encoded>',
    )
    expect(xml).toContain(
      '<wp:meta_value><![CDATA[Some **bold** text ]]]]><![CDATA[> with a CDATA end.]]></wp:meta_value>',
    )
    expect(xml).toContain('<wp:status><![CDATA[publish]]></wp:status>')
    expect(xml).toContain('<link>https://plateau.example/posts/hello</link>')
    await expect(
      exportWordPress({ ...admins[0], role: 'editor' }, () => {}, { origin: 'x', db: from.db }),
    ).rejects.toBeInstanceOf(PermissionDenied)
  })
})
