import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { insertPost, tagPost, upsertTag } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { insertUser, setUserName, tombstoneUser } from '@/db/queries/users'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { renameAccount } from '@/lib/auth/account'
import { dateRange, loadArchiveView } from './archives'
import { publicChanges } from '@/lib/changes'

const slugs = (view: { posts: { slug: string }[] } | null) => view?.posts.map((p) => p.slug)

describe.each(await testDialects())('archives on $name', (dialect) => {
  const database = useTestDatabase(dialect, 'prepared')

  it('list a tag’s live posts newest first, in pages, and nothing for unknown tags', async () => {
    const db = database()
    const tagId = await upsertTag(db, { slug: 'notes', name: 'Notes' })
    for (let i = 0; i < 3; i++) {
      const id = await insertPost(db, {
        slug: `n${i}`,
        title: `N${i}`,
        body: 'b',
        status: i === 2 ? 'draft' : 'published',
        publishedAt: new Date(Date.UTC(2021, 0, i + 1)),
      })
      await tagPost(db, id, tagId)
    }
    await writeSetting(db, 'postsPerPage', 1)
    const first = await loadArchiveView({ kind: 'tag', slug: 'notes' }, 1, db)
    expect(first).toMatchObject({
      title: 'Posts tagged “Notes”',
      path: '/tags/notes',
      feedBase: '/tags/notes',
      hasNext: true,
      hasPrevious: false,
    })
    expect(slugs(first)).toEqual(['n1'])
    expect(slugs(await loadArchiveView({ kind: 'tag', slug: 'notes' }, 2, db))).toEqual(['n0'])
    expect(await loadArchiveView({ kind: 'tag', slug: 'notes' }, 3, db)).toBeNull()
    expect(await loadArchiveView({ kind: 'tag', slug: 'nope' }, 1, db)).toBeNull()
  })

  it('list an author’s live posts at their slug, and nothing for someone with none', async () => {
    const db = database()
    const ada = await insertUser(db, { id: randomUUID(), email: 'ada@example.com', role: 'author' })
    // A new name shows in every byline and thread.
    expect(
      await renameAccount(
        { id: ada, name: null, role: 'author', banned: false, hasName: false } as never,
        'Ada Lovelace',
        db,
      ),
    ).toEqual({ ok: true, changes: publicChanges({ people: true }) })
    await insertPost(db, {
      slug: 'engine',
      title: 'Engine',
      body: 'b',
      status: 'published',
      publishedAt: new Date('2022-05-01T00:00:00Z'),
      authorId: ada,
    })
    await insertPost(db, { slug: 'unfinished', title: 'U', body: 'b', status: 'draft', authorId: ada })
    const view = await loadArchiveView({ kind: 'author', slug: 'ada-lovelace' }, 1, db)
    expect(view).toMatchObject({ title: 'Posts by Ada Lovelace', path: '/authors/ada-lovelace' })
    expect(slugs(view)).toEqual(['engine'])
    expect(view?.posts[0].authorSlug).toBe('ada-lovelace')
    expect(slugs(await loadArchiveView({ kind: 'author', slug: 'simondigital' }, 1, db))).toEqual([
      'the-social-media-plateau',
    ])
    const idle = await insertUser(db, { id: randomUUID(), email: 'idle@example.com' })
    await setUserName(db, idle, 'Idle', 'idle')
    expect(await loadArchiveView({ kind: 'author', slug: 'idle' }, 1, db)).toBeNull()
    await tombstoneUser(db, ada)
    expect(await loadArchiveView({ kind: 'author', slug: 'ada-lovelace' }, 1, db)).toBeNull()
  })

  it('give a second person with the same name their own slug, and keep a slug through a rename', async () => {
    const db = database()
    const one = await insertUser(db, { id: randomUUID(), email: 'one@example.com' })
    const two = await insertUser(db, { id: randomUUID(), email: 'two@example.com' })
    await setUserName(db, one, 'Sam', 'sam')
    await setUserName(db, two, 'Sam', 'sam')
    await setUserName(db, one, 'Samuel', 'samuel')
    const rows = await db.selectFrom('User').select(['id', 'slug']).where('id', 'in', [one, two]).execute()
    expect(Object.fromEntries(rows.map((r) => [r.id, r.slug]))).toEqual({ [one]: 'sam', [two]: 'sam-2' })
  })

  it('list a year’s and a month’s posts, and 404 for empty or impossible dates', async () => {
    const db = database()
    await insertPost(db, {
      slug: 'jan',
      title: 'Jan',
      body: 'b',
      status: 'published',
      publishedAt: new Date('2013-01-31T23:59:59Z'),
    })
    await insertPost(db, {
      slug: 'feb',
      title: 'Feb',
      body: 'b',
      status: 'published',
      publishedAt: new Date('2013-02-01T00:00:00Z'),
    })
    expect(slugs(await loadArchiveView({ kind: 'date', year: '2013' }, 1, db))).toEqual([
      'the-social-media-plateau',
      'feb',
      'jan',
    ])
    const march = await loadArchiveView({ kind: 'date', year: '2013', month: '03' }, 1, db)
    expect(march).toMatchObject({ title: 'Posts from March 2013', path: '/2013/03', feedBase: null })
    expect(slugs(march)).toEqual(['the-social-media-plateau'])
    expect(slugs(await loadArchiveView({ kind: 'date', year: '2013', month: '01' }, 1, db))).toEqual(['jan'])
    expect(await loadArchiveView({ kind: 'date', year: '2013', month: '04' }, 1, db)).toBeNull()
    expect(await loadArchiveView({ kind: 'date', year: '2014' }, 1, db)).toBeNull()
    for (const [year, month] of [
      ['2013', '13'],
      ['2013', '3'],
      ['13', undefined],
      ['abcd', undefined],
      ['1969', undefined],
    ]) {
      expect(await loadArchiveView({ kind: 'date', year: year!, month }, 1, db)).toBeNull()
    }
  })
})

describe('date ranges', () => {
  it('cover a whole month in UTC, December included', () => {
    expect(dateRange('2013', '12', 'UTC')).toMatchObject({
      from: new Date('2013-12-01T00:00:00Z'),
      until: new Date('2014-01-01T00:00:00Z'),
    })
  })
})
