import { randomUUID } from 'node:crypto'
import { PostgresAdapter, sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { countPostsByStatus, listPostsForAdmin } from './queries/admin-posts'
import { listApprovedComments, insertComment } from './queries/comments'
import {
  countPosts,
  findPublishedPostBySlug,
  insertPost,
  listPublishedPosts,
  listTagsOfPost,
  tagPost,
  upsertTag,
} from './queries/posts'
import { claimSetting, readSettings, writeSetting } from './queries/settings'
import { insertUser } from './queries/users'
import { migrateDown, migrateToLatest, MigrationError } from './migrate'
import { migrations } from './migrations'
import { prepareDatabase } from './prepare'
import { seedDemoContent } from './seed/demo'
import { testDialects, type TestDatabase } from './test-databases'
import type { Database } from './types'

// The data layer's contract: the same assertions on SQLite and on PostgreSQL.

/** The tables of this test's own database (on PostgreSQL: its schema; other tests run beside it in theirs). */
async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const tables = await db.introspection.getTables()
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return tables.map((t) => t.name).sort()
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return tables
    .filter((t) => t.schema === rows[0].schema)
    .map((t) => t.name)
    .sort()
}

describe.each(await testDialects())('data layer on $name', (dialect) => {
  let t: TestDatabase
  let db: Kysely<Database>

  beforeEach(async () => {
    t = await dialect.open()
    db = t.db
  })
  afterEach(async () => {
    await t.close()
  })

  describe('migrations', () => {
    it('create every table, and a second run applies nothing', async () => {
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations))
      expect(await tableNames(db)).toEqual(
        expect.arrayContaining([
          'Account',
          'Session',
          'User',
          'VerificationToken',
          'comment',
          'keptForm',
          'post',
          'postTag',
          'rateLimit',
          'setting',
          'tag',
        ]),
      )
      expect(await migrateToLatest(db)).toEqual([])
    })

    it('index every foreign key and the columns listings sort by', async () => {
      await migrateToLatest(db)
      const indexed = async (table: string) => {
        const rows =
          dialect.name === 'sqlite'
            ? await sql<{ name: string }>`select name from pragma_index_list(${table})`.execute(db)
            : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = ${table}`.execute(
                db,
              )
        return rows.rows.map((r) => r.name)
      }
      expect(await indexed('comment')).toEqual(
        expect.arrayContaining([
          'comment_postId_status_createdAt_index',
          'comment_parentId_index',
          'comment_authorId_index',
          'comment_status_createdAt_index',
        ]),
      )
      expect(await indexed('post')).toEqual(
        expect.arrayContaining(['post_status_publishedAt_index', 'post_authorId_index']),
      )
      expect(await indexed('postTag')).toEqual(expect.arrayContaining(['postTag_tagId_index']))
      expect(await indexed('Session')).toEqual(expect.arrayContaining(['Session_userId_index']))
      expect(await indexed('Account')).toEqual(expect.arrayContaining(['Account_userId_index']))
    })

    it('turn the comment drafts kept at the upgrade into kept forms, with their text', async () => {
      const names = Object.keys(migrations)
      const before = names.indexOf('2026_12_07_1700_comment_drafts_to_kept_forms')
      await migrateToLatest(db, Object.fromEntries(names.slice(0, before).map((name) => [name, migrations[name]])))
      const userId = await insertUser(db, {
        id: randomUUID(),
        email: 'draft@example.com',
        name: 'Dee',
        role: 'commenter',
      })
      const postId = await insertPost(db, {
        slug: 'p',
        title: 'P',
        body: 'b',
        status: 'published',
        publishedAt: new Date(),
      })
      const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>
      await old
        .insertInto('commentDraft')
        .values({
          id: 'Abc_defGhij-klmn',
          userId,
          postId,
          parentId: null,
          commentId: null,
          body: 'Kept text.',
          message: 'Too fast.',
          createdAt: new Date(),
        })
        .execute()
      expect(await migrateToLatest(db)).toEqual(names.slice(before))
      const [kept] = await db.selectFrom('keptForm').select(['id', 'userId', 'state']).execute()
      expect({ ...kept, state: JSON.parse(kept.state) }).toEqual({
        id: 'Abc_defGhij-klmn',
        userId,
        state: { status: 'error', message: 'Too fast.', fieldErrors: {}, values: { body: 'Kept text.' }, attempt: 1 },
      })
      expect(await tableNames(db)).not.toContain('commentDraft')
    })

    it('roll back down and up again', async () => {
      await migrateToLatest(db)
      for (let i = 0; i < Object.keys(migrations).length; i++) await migrateDown(db)
      expect(await tableNames(db)).not.toContain('post')
      expect(await tableNames(db)).not.toContain('rateLimit')
      await migrateToLatest(db)
      expect(await tableNames(db)).toContain('post')
    })

    it('leave the database as it was when one fails', async () => {
      await migrateToLatest(db)
      await seedDemoContent(db)
      const broken = {
        ...migrations,
        '2099_01_01_0000_broken': {
          async up(k: Kysely<Database>) {
            await k.schema.createTable('halfDone').addColumn('id', 'integer').execute()
            await k.insertInto('post').values({ slug: 'half', title: 'Half', body: '', status: 'draft' }).execute()
            await sql`select * from no_such_table`.execute(k)
          },
          async down() {},
        },
      }
      await expect(migrateToLatest(db, broken)).rejects.toThrow(MigrationError)
      await expect(migrateToLatest(db, broken)).rejects.toThrow(/2099_01_01_0000_broken failed and was rolled back/)
      expect(await tableNames(db)).not.toContain('halfDone')
      expect(await countPosts(db)).toBe(1)
      expect(await migrateToLatest(db)).toEqual([])
    })
  })

  describe('demo content', () => {
    beforeEach(async () => {
      await migrateToLatest(db)
    })

    it('is seeded once, with its three comments threaded as in the original', async () => {
      expect((await prepareDatabase(db)).seeded).toBe(true)
      expect((await prepareDatabase(db)).seeded).toBe(false)
      expect(await countPosts(db)).toBe(1)

      const post = await findPublishedPostBySlug(db, 'the-social-media-plateau', new Date())
      expect(post).toMatchObject({
        title: 'The social media plateau?',
        authorName: 'SimonDigital',
        featuredImageCredit: 'Mark Hunter',
      })
      expect(post!.body).toContain('\n\n> Yet the major problem in 2013')
      expect(await listTagsOfPost(db, post!.id)).toHaveLength(3)

      const comments = await listApprovedComments(db, post!.id)
      expect(
        comments.map((c) => [
          c.authorName,
          c.parentId === null ? 'top' : comments.findIndex((p) => p.id === c.parentId),
        ]),
      ).toEqual([
        ['Joe Bloggs', 'top'],
        ['Richard', 'top'],
        ['SimonDigital', 1],
      ])
      expect(comments[2].body.startsWith('Hi Richard – thanks for replying')).toBe(true)
    })

    it('is not seeded again after the blog owner deletes it', async () => {
      await prepareDatabase(db)
      await db.deleteFrom('post').execute()
      expect((await prepareDatabase(db)).seeded).toBe(false)
      expect(await countPosts(db)).toBe(0)
    })

    it('is not seeded into a blog that already has posts', async () => {
      await insertPost(db, { slug: 'mine', title: 'Mine', body: 'x', status: 'draft' })
      expect(await seedDemoContent(db)).toBe(false)
      expect(await countPosts(db)).toBe(1)
    })
  })

  describe('queries', () => {
    let authorId: string
    beforeEach(async () => {
      await migrateToLatest(db)
      authorId = await insertUser(db, { id: randomUUID(), name: 'Ada', email: 'ada@example.com' })
    })

    const post = (slug: string, status: 'draft' | 'scheduled' | 'published', publishedAt: string | null) => ({
      slug,
      title: slug.toUpperCase(),
      body: `Body of ${slug}`,
      status,
      publishedAt,
    })

    it('list published posts newest first, with approved comment counts, in pages', async () => {
      const older = await insertPost(db, { ...post('older', 'published', '2024-01-01T10:00:00.000Z'), authorId })
      const newer = await insertPost(db, post('newer', 'published', '2025-06-01T10:00:00.000Z'))
      await insertPost(db, post('draft', 'draft', null))
      await insertPost(db, post('later', 'scheduled', '2099-01-01T00:00:00.000Z'))
      for (const status of ['approved', 'approved', 'pending', 'spam', 'trash'] as const) {
        await insertComment(db, { postId: older, body: status, status })
      }

      const rows = await listPublishedPosts(db, { limit: 10, offset: 0 })
      expect(rows.map((r) => [r.slug, r.commentCount, r.authorName])).toEqual([
        ['newer', 0, null],
        ['older', 2, 'Ada'],
      ])
      expect(rows[1].publishedAt).toEqual(new Date('2024-01-01T10:00:00.000Z'))
      expect((await listPublishedPosts(db, { limit: 1, offset: 1 })).map((r) => r.slug)).toEqual(['older'])
      expect(newer).toBeGreaterThan(older)
    })

    it('find only published posts by slug', async () => {
      await insertPost(db, post('draft', 'draft', null))
      await insertPost(db, post('later', 'scheduled', '2099-01-01T00:00:00.000Z'))
      await insertPost(db, { ...post('live', 'published', '2025-01-01T00:00:00.000Z'), commentsOpen: false })
      expect(await findPublishedPostBySlug(db, 'draft', new Date())).toBeUndefined()
      expect(await findPublishedPostBySlug(db, 'later', new Date())).toBeUndefined()
      expect(await findPublishedPostBySlug(db, 'missing', new Date())).toBeUndefined()
      const live = await findPublishedPostBySlug(db, 'live', new Date())
      expect(live?.commentsOpen).toBe(false)
      expect(live?.updatedAt).toBeInstanceOf(Date)
    })

    it('list only approved comments, oldest first, with names but never emails', async () => {
      const postId = await insertPost(db, post('p', 'published', '2025-01-01T00:00:00.000Z'))
      const first = await insertComment(db, {
        postId,
        authorName: 'Guest',
        authorEmail: 'guest@example.com',
        body: 'first',
        status: 'approved',
        createdAt: '2025-01-02T00:00:00.000Z',
      })
      await insertComment(db, {
        postId,
        authorId,
        body: 'reply',
        parentId: first,
        status: 'approved',
        createdAt: '2025-01-03T00:00:00.000Z',
      })
      await insertComment(db, { postId, authorName: 'Held', body: 'held', status: 'pending' })
      const rows = await listApprovedComments(db, postId)
      expect(rows.map((r) => [r.body, r.authorName, r.parentId])).toEqual([
        ['first', 'Guest', null],
        ['reply', 'Ada', first],
      ])
      expect(JSON.stringify(rows)).not.toContain('@example.com')
      expect(rows[0].createdAt).toEqual(new Date('2025-01-02T00:00:00.000Z'))
      expect(rows[0].editedAt).toBeNull()
    })

    it('create tags once and attach them', async () => {
      const postId = await insertPost(db, post('p', 'published', '2025-01-01T00:00:00.000Z'))
      const a = await upsertTag(db, { slug: 'news', name: 'News' })
      expect(await upsertTag(db, { slug: 'news', name: 'News' })).toBe(a)
      await tagPost(db, postId, a)
      await tagPost(db, postId, a)
      expect(await listTagsOfPost(db, postId)).toEqual([{ slug: 'news', name: 'News' }])
    })

    it('store settings as JSON and claim a key only once', async () => {
      await writeSetting(db, 'postsPerPage', 5)
      await writeSetting(db, 'postsPerPage', 7)
      await writeSetting(db, 'title', 'My “blog” & more')
      expect(await readSettings(db)).toEqual({ postsPerPage: 7, title: 'My “blog” & more' })
      expect(await claimSetting(db, 'once', true)).toBe(true)
      expect(await claimSetting(db, 'once', true)).toBe(false)
    })

    it('compare text the same way: case-sensitive LIKE, lower() in every alphabet, counts as numbers', async () => {
      const { rows } = await sql<{
        ascii: unknown
        accented: string
        greek: string
      }>`select ${'Plateau'} like ${'plateau'} as ascii, lower(${'ÉLAN Über'}) as accented, lower(${'ΑΘΗΝΑ'}) as greek`.execute(
        db,
      )
      expect(Boolean(rows[0].ascii)).toBe(false)
      expect(rows[0].accented).toBe('élan über')
      expect(rows[0].greek).toBe('αθηνα')
      await insertPost(db, { ...post('elan', 'draft', null), title: 'Élan vital' })
      expect(
        (await listPostsForAdmin(db, { status: 'draft', search: 'ÉLAN', limit: 10, offset: 0 })).map((p) => p.slug),
      ).toEqual(['elan'])
      expect(await countPostsByStatus(db, undefined)).toMatchObject({ draft: 1, published: 0 })
    })
  })
})
