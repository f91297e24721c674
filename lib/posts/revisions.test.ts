import type { Kysely } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import { insertPerson } from '@/lib/testing/people'
import { listAuditEntries } from '@/db/queries/audit'
import { findPublishedPostBySlug, insertPost } from '@/db/queries/posts'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import type { Database, Role } from '@/db/types'
import { PermissionDenied } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { autosavePost, loadPostForEditing, savePost } from './editing'
import { loadRevisions, restoreRevision } from './revisions'
import { postForm } from '@/lib/testing/post-form'
import { publicChanges } from '@/lib/changes'

const form = (fields: Record<string, string> = {}) =>
  postForm({ title: 'Plateau notes', slug: 'plateau-notes', body: 'First line.\nSecond line.', tags: '', ...fields })
const minutes = (n: number) => new Date(Date.UTC(2026, 5, 1, 12, n))

describe.each(await testDialects())('revisions and autosave on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  let db: Kysely<Database>
  const people = {} as Record<Role, Viewer>

  beforeEach(async () => {
    db = database()
    for (const role of ['editor', 'author', 'commenter'] as const) {
      people[role] = await insertPerson(db, role)
    }
  })

  async function save(who: Viewer, id: number | null, fields: Record<string, string>, at: Date) {
    const version = id === null ? '' : (await loadPostForEditing(who, id, db))!.updatedAt.toISOString()
    const result = await savePost(who, id, form({ version, ...fields }), at, db)
    if (!result.ok) throw new Error(JSON.stringify(result))
    return result.id
  }

  it('keeps a revision at every save of a published post, and none of a draft', async () => {
    const id = await save(people.author, null, {}, minutes(0))
    await save(people.author, id, { body: 'Still a draft.' }, minutes(1))
    expect((await loadRevisions(people.author, id, {}, db))!.revisions).toEqual([])
    await save(people.author, id, { intent: 'publish', body: 'First line.\nSecond line.' }, minutes(2))
    await save(
      people.editor,
      id,
      { title: 'Plateau field notes', body: 'First line.\nA better second line.\nA third.' },
      minutes(3),
    )
    const view = await loadRevisions(people.author, id, {}, db)
    expect(view!.revisions.map((r) => [r.title, r.savedByName, r.createdAt])).toEqual([
      ['Plateau field notes', 'editor', minutes(3)],
      ['Plateau notes', 'author', minutes(2)],
    ])
    // By default the latest is compared with the one before.
    const { title, body } = view!.comparison!
    expect(title).toEqual([
      { value: 'Plateau ', change: 'same' },
      { value: 'field ', change: 'added' },
      { value: 'notes', change: 'same' },
    ])
    expect(body).toEqual([
      { value: 'First line.\n', change: 'same' },
      { value: 'Second line.', change: 'removed' },
      { value: 'A better second line.\nA third.', change: 'added' },
    ])
  })

  it('restores a revision: the live post has its text again, the restore is a revision and is audited', async () => {
    const id = await save(people.author, null, { intent: 'publish' }, minutes(0))
    await save(people.author, id, { body: 'Rewritten badly.' }, minutes(1))
    const [, first] = (await loadRevisions(people.author, id, {}, db))!.revisions
    expect(await restoreRevision(people.author, id, first.id, minutes(2), db)).toEqual({
      ok: true,
      slug: 'plateau-notes',
      changes: publicChanges({ listings: true, posts: ['plateau-notes'] }),
    })
    expect((await findPublishedPostBySlug(db, 'plateau-notes', minutes(3)))!.body).toBe('First line.\nSecond line.')
    const after = await loadRevisions(people.author, id, {}, db)
    expect(after!.revisions).toHaveLength(3)
    expect(after!.comparison!.body.filter((p) => p.change !== 'same').map((p) => p.value)).toEqual([
      'Rewritten badly.',
      'First line.\nSecond line.',
    ])
    expect((await listAuditEntries(db, { limit: 5, offset: 0 })).map((e) => e.action)).toContain(
      'post.restore-revision',
    )
  })

  it('keeps the text a post had before revisions began, so it can be restored', async () => {
    const id = await insertPost(db, {
      slug: 'old',
      title: 'Old post',
      body: 'Original words.',
      status: 'published',
      publishedAt: minutes(0),
      authorId: people.author.id,
      updatedAt: minutes(0),
    })
    await save(people.editor, id, { slug: 'old', title: 'Old post', body: 'New words.' }, minutes(5))
    const view = await loadRevisions(people.editor, id, {}, db)
    expect(view!.revisions.map((r) => r.createdAt)).toEqual([minutes(5), minutes(0)])
    expect(view!.comparison!.from.body).toBe('Original words.')
  })

  it('shows and restores revisions only to people who may edit the post', async () => {
    const id = await save(people.editor, null, { intent: 'publish' }, minutes(0))
    await save(people.editor, id, { body: 'Second.' }, minutes(1))
    const [latest] = (await loadRevisions(people.editor, id, {}, db))!.revisions
    expect(await loadRevisions(people.author, id, {}, db)).toBeNull()
    await expect(restoreRevision(people.author, id, latest.id, minutes(2), db)).rejects.toBeInstanceOf(PermissionDenied)
    await expect(loadRevisions(people.commenter, id, {}, db)).rejects.toBeInstanceOf(PermissionDenied)
    await expect(restoreRevision(null, id, latest.id, minutes(2), db)).rejects.toBeInstanceOf(PermissionDenied)
    const other = await save(people.editor, null, { slug: 'other', intent: 'publish' }, minutes(3))
    expect(await restoreRevision(people.editor, other, latest.id, minutes(4), db)).toEqual({
      ok: false,
      message: 'That revision no longer exists.',
    })
  })

  it('autosaves a new post as a draft, then the same draft again, and never a published post', async () => {
    const first = await autosavePost(people.author, null, form({ body: 'Half a thought' }), minutes(0), db)
    expect(first).toEqual({ ok: true, id: expect.any(Number), version: minutes(0).toISOString() })
    const id = (first as { id: number }).id
    const second = await autosavePost(
      people.author,
      id,
      form({ body: 'A whole thought.', version: minutes(0).toISOString() }),
      minutes(1),
      db,
    )
    expect(second).toEqual({ ok: true, id, version: minutes(1).toISOString() })
    expect(await loadPostForEditing(people.author, id, db)).toMatchObject({ status: 'draft', body: 'A whole thought.' })
    // Someone else saved meanwhile: autosave stops rather than overwrite.
    expect(
      await autosavePost(
        people.author,
        id,
        form({ body: 'Stale.', version: minutes(0).toISOString() }),
        minutes(2),
        db,
      ),
    ).toMatchObject({ ok: false, message: /Someone else saved/ })
    expect(
      await autosavePost(people.author, id, form({ title: '', version: minutes(1).toISOString() }), minutes(2), db),
    ).toEqual({
      ok: false,
      message: 'Not saved yet: Give the post a title. Your text is kept in this browser.',
    })
    await save(people.author, id, { intent: 'publish' }, minutes(3))
    expect(
      await autosavePost(
        people.author,
        id,
        form({ body: 'Live change', version: minutes(3).toISOString() }),
        minutes(4),
        db,
      ),
    ).toMatchObject({ ok: false, message: /kept in this browser/ })
    expect((await findPublishedPostBySlug(db, 'plateau-notes', minutes(5)))!.body).toBe('First line.\nSecond line.')
    await expect(autosavePost(people.commenter, null, form(), minutes(5), db)).rejects.toBeInstanceOf(PermissionDenied)
  })
})
