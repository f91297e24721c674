import type { Kysely } from 'kysely'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { insertPerson } from '@/lib/testing/people'
import { findPublishedPostBySlug, insertPost, listPublishedPosts } from '@/db/queries/posts'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database, Role } from '@/db/types'
import { PermissionDenied } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { loadPostPreview } from './preview'
import { autoExcerpt, changePostLifecycle, loadPostForEditing, loadPostList, savePost } from './editing'
import { loadPageView } from './pages'
import { postForm } from '@/lib/testing/post-form'
import { findMovedPost, loadHomeView } from './views'
import { tagsToExpire } from '@/lib/public/tags'
import { writeSetting } from '@/db/queries/settings'
import { loadArchiveView } from './archives'

const NOW = new Date('2026-06-01T12:00:00.000Z')
const form = postForm

describe('autoExcerpt', () => {
  it('takes the first text paragraph without Markdown', () => {
    expect(autoExcerpt('# Heading\n\n![img](x.png)\n\nHello *there* [link](https://x).\n\nMore.')).toBe(
      'Hello there link.',
    )
  })
})

describe.each(await testDialects())('writing posts on $name', (dialect) => {
  let db: Kysely<Database>
  const people = {} as Record<Role, Viewer>

  const database = useTestDatabase(dialect)
  beforeEach(async () => {
    db = database()
    for (const role of ['admin', 'editor', 'author', 'commenter'] as const) {
      people[role] = await insertPerson(db, role)
    }
  })

  async function create(who: Viewer, fields: Record<string, string> = {}) {
    const result = await savePost(who, null, form(fields), NOW, db)
    if (!result.ok) throw new Error(JSON.stringify(result))
    return result
  }

  it('lets an author write and publish, with a slug, an excerpt and tags made for them', async () => {
    const draft = await create(people.author)
    expect(draft).toMatchObject({ slug: 'a-new-post', status: 'draft' })
    // A draft changes nothing readers see; publishing changes the listings and the post's page.
    expect(tagsToExpire(draft.changes)).toEqual([])
    expect(await findPublishedPostBySlug(db, 'a-new-post', NOW)).toBeUndefined()
    const post = await loadPostForEditing(people.author, draft.id, db)
    expect(post).toMatchObject({ excerpt: 'First paragraph of the post.', tags: ['News', 'Notes'] })
    const published = await savePost(
      people.author,
      draft.id,
      form({ intent: 'publish', version: post!.updatedAt.toISOString() }),
      NOW,
      db,
    )
    expect(published).toMatchObject({ ok: true, status: 'published' })
    expect(published.ok && tagsToExpire(published.changes)).toEqual(['posts', 'post:a-new-post'])
    expect(await findPublishedPostBySlug(db, 'a-new-post', NOW)).toMatchObject({ title: 'A new post' })
  })

  it('previews a draft as its page would show it, to the people who may edit it and no one else', async () => {
    const draft = await create(people.author, { body: 'Draft **words**.' })
    const preview = await loadPostPreview(people.author, draft.id, db)
    expect(preview).toMatchObject({
      status: 'draft',
      post: {
        title: 'A new post',
        authorName: 'author',
        tags: [
          { name: 'News', slug: 'news' },
          { name: 'Notes', slug: 'notes' },
        ],
      },
    })
    expect(preview?.post.html).toContain('<strong>words</strong>')
    expect(await loadPostPreview(people.editor, draft.id, db)).not.toBeNull()
    const editors = await create(people.editor, { title: 'The editor’s' })
    expect(await loadPostPreview(people.author, editors.id, db)).toBeNull()
    await expect(loadPostPreview(people.commenter, draft.id, db)).rejects.toThrow(PermissionDenied)
    await expect(loadPostPreview(null, draft.id, db)).rejects.toThrow(PermissionDenied)
  })

  it('lists posts by status, author, tag and title, and authors only their own', async () => {
    await create(people.author, { title: 'Author on news', tags: 'News' })
    await create(people.editor, { title: 'Editor on news', tags: 'News' })
    await create(people.editor, { title: 'Editor on gardens', tags: 'Gardens' })
    const titles = async (who: Viewer, query: Record<string, string>) =>
      (await loadPostList(who, { status: 'draft', ...query }, db)).posts.map((p) => p.title).sort()
    expect(await titles(people.editor, { tag: 'news' })).toEqual(['Author on news', 'Editor on news'])
    expect(await titles(people.editor, { author: people.editor.id })).toEqual(['Editor on gardens', 'Editor on news'])
    expect(await titles(people.editor, { author: people.editor.id, tag: 'news', q: 'NEWS' })).toEqual([
      'Editor on news',
    ])
    expect(await titles(people.author, { author: people.editor.id })).toEqual(['Author on news'])
    const list = await loadPostList(people.editor, {}, db)
    expect(list.authors.map((a) => a.name).sort()).toEqual(['author', 'editor'])
    expect(list.tags.map((t) => t.slug)).toEqual(['gardens', 'news'])
    expect((await loadPostList(people.author, {}, db)).authors).toEqual([])
  })

  it('writes pages: at /pages/<slug>, never in the listings', async () => {
    const page = await create(people.editor, { title: 'About us', kind: 'page', intent: 'publish' })
    expect(await loadPageView('about-us', db)).toMatchObject({ page: { title: 'About us', kind: 'page' } })
    expect(await findPublishedPostBySlug(db, 'about-us', NOW)).toBeUndefined()
    expect(await listPublishedPosts(db, { limit: 10, offset: 0, now: NOW })).toEqual([])
    // Saving it again keeps it a page, whatever the form says.
    const version = (await loadPostForEditing(people.editor, page.id, db))!.updatedAt.toISOString()
    await savePost(people.editor, page.id, form({ title: 'About us', kind: 'post', version }), NOW, db)
    expect((await loadPostForEditing(people.editor, page.id, db))!.kind).toBe('page')
  })

  it('pins a post to the top of the home page and unpins it; pages are never pinned', async () => {
    const older = await create(people.editor, { title: 'Older news', intent: 'publish' })
    await savePost(
      people.editor,
      null,
      form({ title: 'Newer news', intent: 'publish' }),
      new Date(NOW.getTime() + 60_000),
      db,
    )
    const order = async () => (await loadHomeView(1, db))!.posts.map((p) => `${p.slug}${p.pinned ? ' (pinned)' : ''}`)
    expect(await order()).toEqual(['newer-news', 'older-news'])
    const version = () => loadPostForEditing(people.editor, older.id, db).then((p) => p!.updatedAt.toISOString())
    const pinned = await savePost(
      people.editor,
      older.id,
      form({ title: 'Older news', pinned: 'on', version: await version() }),
      NOW,
      db,
    )
    expect(pinned).toMatchObject({ ok: true })
    if (pinned.ok) expect(tagsToExpire(pinned.changes)).toContain('posts')
    expect(await order()).toEqual(['older-news (pinned)', 'newer-news'])
    await savePost(people.editor, older.id, form({ title: 'Older news', version: await version() }), NOW, db)
    expect(await order()).toEqual(['newer-news', 'older-news'])
    const page = await create(people.editor, { title: 'About', kind: 'page', pinned: 'on', intent: 'publish' })
    expect((await loadPostForEditing(people.editor, page.id, db))!.pinned).toBe(false)
  })

  it('keeps authors to their own posts, and commenters out', async () => {
    const editors = await create(people.editor, { title: 'The editor’s' })
    await expect(savePost(people.author, editors.id, form(), NOW, db)).rejects.toBeInstanceOf(PermissionDenied)
    await expect(changePostLifecycle(people.author, editors.id, 'trash', NOW, db)).rejects.toBeInstanceOf(
      PermissionDenied,
    )
    expect(await loadPostForEditing(people.author, editors.id, db)).toBeNull()
    await expect(savePost(people.commenter, null, form(), NOW, db)).rejects.toBeInstanceOf(PermissionDenied)
    await expect(savePost(null, null, form(), NOW, db)).rejects.toBeInstanceOf(PermissionDenied)
    expect((await loadPostList(people.author, { status: 'draft' }, db)).posts).toEqual([])
    expect((await loadPostList(people.editor, { status: 'draft' }, db)).posts.map((p) => p.title)).toEqual([
      'The editor’s',
    ])
    const adminEdit = await savePost(
      people.admin,
      editors.id,
      form({
        title: 'Edited by admin',
        version: (await loadPostForEditing(people.admin, editors.id, db))!.updatedAt.toISOString(),
      }),
      NOW,
      db,
    )
    expect(adminEdit.ok).toBe(true)
  })

  it('refuses bad fields one by one, and saves nothing', async () => {
    await insertPost(db, { slug: 'taken', title: 'T', body: 'b', status: 'draft' })
    const result = await savePost(
      people.editor,
      null,
      form({
        title: ' ',
        slug: 'Taken',
        featuredImageUrl: 'javascript:alert(1)',
        intent: 'schedule',
        publishAt: '2020-01-01T10:00',
      }),
      NOW,
      db,
    )
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Nothing was saved: fix the fields marked below.',
      fieldErrors: {
        title: 'Give the post a title.',
        featuredImageUrl: 'Enter a web address starting with https:// or a path starting with /.',
      },
    })
    const second = await savePost(
      people.editor,
      null,
      form({ slug: 'Taken', intent: 'schedule', publishAt: '2020-01-01T10:00' }),
      NOW,
      db,
    )
    expect(second).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Nothing was saved: fix the fields marked below.',
      fieldErrors: {
        slug: 'Another post already uses the address /posts/taken.',
        publishAt: 'Choose a time in the future, or publish now.',
      },
    })
    expect((await loadPostList(people.editor, { status: 'draft' }, db)).posts).toHaveLength(1)
  })

  it('schedules a post that appears on its own when its time comes', async () => {
    const scheduled = await create(people.editor, { intent: 'schedule', publishAt: '2026-06-01T13:30' })
    expect(scheduled).toMatchObject({ status: 'scheduled' })
    // Listings look again when it comes due.
    expect(tagsToExpire(scheduled.changes)).toEqual(['posts', 'post:a-new-post'])
    const before = new Date('2026-06-01T13:29:00Z')
    const after = new Date('2026-06-01T13:31:00Z')
    expect(await findPublishedPostBySlug(db, 'a-new-post', before)).toBeUndefined()
    expect((await listPublishedPosts(db, { limit: 10, offset: 0, now: before })).map((p) => p.slug)).toEqual([])
    expect(await findPublishedPostBySlug(db, 'a-new-post', after)).toMatchObject({
      publishedAt: new Date('2026-06-01T13:30:00Z'),
    })
    expect((await listPublishedPosts(db, { limit: 10, offset: 0, now: after })).map((p) => p.slug)).toEqual([
      'a-new-post',
    ])
    // Once its time has come, its editors see it as published (Update keeps it live).
    const due = await savePost(
      people.editor,
      scheduled.id,
      form({ body: 'Edited after it appeared.', version: scheduled.version }),
      after,
      db,
    )
    expect(due).toMatchObject({ ok: true, status: 'published' })
    expect(due.ok && tagsToExpire(due.changes)).toEqual(['posts', 'post:a-new-post'])
    expect(await findPublishedPostBySlug(db, 'a-new-post', after)).toMatchObject({
      body: 'Edited after it appeared.',
      publishedAt: new Date('2026-06-01T13:30:00Z'),
    })
  })

  it('takes "Publish at" on the site’s clock, right on either side of a daylight-saving change, and files it under the local month', async () => {
    await writeSetting(db, 'timeZone', 'Europe/Lisbon')
    // The night of 27–28 March 2027 Lisbon moves from UTC+0 to UTC+1: 09:00 is 09:00 UTC the day before, 08:00 UTC the day of.
    const saturday = await create(people.editor, {
      title: 'Saturday',
      intent: 'schedule',
      publishAt: '2027-03-27T09:00',
    })
    const sunday = await create(people.editor, { title: 'Sunday', intent: 'schedule', publishAt: '2027-03-28T09:00' })
    const stored = async (id: number) =>
      (await db.selectFrom('post').select('publishedAt').where('id', '=', id).executeTakeFirstOrThrow()).publishedAt
    expect(new Date((await stored(saturday.id))!).toISOString()).toBe('2027-03-27T09:00:00.000Z')
    expect(new Date((await stored(sunday.id))!).toISOString()).toBe('2027-03-28T08:00:00.000Z')
    expect(await findPublishedPostBySlug(db, 'sunday', new Date('2027-03-28T07:59:00Z'))).toBeUndefined()
    expect(await findPublishedPostBySlug(db, 'sunday', new Date('2027-03-28T08:00:01Z'))).toMatchObject({
      title: 'Sunday',
    })
    // 07:30 on 1 April in Tokyo is 22:30 UTC on 31 March: filed under April on the site's clock, March in UTC.
    await writeSetting(db, 'timeZone', 'Asia/Tokyo')
    const late = await create(people.editor, { title: 'Late', intent: 'schedule', publishAt: '2027-04-01T07:30' })
    expect(new Date((await stored(late.id))!).toISOString()).toBe('2027-03-31T22:30:00.000Z')
    const inMonth = async (month: string) =>
      (await loadArchiveView({ kind: 'date', year: '2027', month }, 1, db))?.posts.map((p) => p.title) ?? []
    // (The archive lists what is public now; the clock is moved past them all.)
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-05-01T00:00:00Z') })
    try {
      expect(await inMonth('04')).toEqual(['Late'])
      expect(await inMonth('03')).toEqual(['Sunday', 'Saturday'])
      await writeSetting(db, 'timeZone', 'UTC')
      expect(await inMonth('03')).toEqual(['Late', 'Sunday', 'Saturday'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('keeps a published post’s old address working after its slug changes', async () => {
    const post = await create(people.editor, { intent: 'publish' })
    const version = (await loadPostForEditing(people.editor, post.id, db))!.updatedAt.toISOString()
    const moved = await savePost(people.editor, post.id, form({ slug: 'a-better-address', version }), NOW, db)
    expect(moved).toMatchObject({ ok: true, slug: 'a-better-address' })
    expect(moved.ok && tagsToExpire(moved.changes)).toEqual(['posts', 'post:a-better-address', 'post:a-new-post'])
    expect(await findMovedPost('a-new-post', db)).toBe('a-better-address')
    expect(await savePost(people.editor, null, form({ slug: 'a-new-post' }), NOW, db)).toMatchObject({
      reason: 'invalid',
      fieldErrors: { slug: /already uses/ },
    })
  })

  it('never lets a second editor silently overwrite the first', async () => {
    const post = await create(people.editor)
    const opened = (await loadPostForEditing(people.editor, post.id, db))!.updatedAt.toISOString()
    const later = new Date(NOW.getTime() + 60_000)
    expect(
      await savePost(people.editor, post.id, form({ body: 'First editor’s words.', version: opened }), later, db),
    ).toMatchObject({ ok: true })
    const second = await savePost(
      people.admin,
      post.id,
      form({ body: 'Second editor’s words.', version: opened }),
      later,
      db,
    )
    expect(second).toEqual({
      ok: false,
      reason: 'conflict',
      message: expect.stringContaining('Someone else saved this post'),
      theirs: { title: 'A new post', body: 'First editor’s words.', updatedAt: later.toISOString() },
      values: { version: later.toISOString() },
    })
    expect((await loadPostForEditing(people.editor, post.id, db))!.body).toBe('First editor’s words.')
  })

  it('trashes, restores as a draft, and deletes for good only from the trash', async () => {
    const post = await create(people.author, { intent: 'publish' })
    expect(await changePostLifecycle(people.author, post.id, 'delete', NOW, db)).toMatchObject({ ok: false })
    expect(await changePostLifecycle(people.author, post.id, 'trash', NOW, db)).toMatchObject({
      ok: true,
      changes: { listings: true, posts: [post.slug] },
    })
    expect(await findPublishedPostBySlug(db, 'a-new-post', NOW)).toBeUndefined()
    expect(await changePostLifecycle(people.author, post.id, 'restore', NOW, db)).toMatchObject({ ok: true })
    expect((await loadPostForEditing(people.author, post.id, db))!.status).toBe('draft')
    await changePostLifecycle(people.author, post.id, 'trash', NOW, db)
    expect(await changePostLifecycle(people.author, post.id, 'delete', NOW, db)).toMatchObject({ ok: true })
    expect(await loadPostForEditing(people.author, post.id, db)).toBeNull()
  })
})
