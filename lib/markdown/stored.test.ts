import { beforeAll, describe, expect, it } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { editComment, postComment } from '@/lib/comments/posting'
import { issueFormToken } from '@/lib/comments/form-token'
import { insertPerson } from '@/lib/testing/people'
import { renderMissingHtml } from './stored'

beforeAll(() => {
  process.env.AUTH_SECRET ??= 'test-secret-for-form-tokens'
})

// Markdown is rendered when it is written and its HTML kept beside it: what the database holds.
describe.each(await testDialects())('stored HTML on $name', (dialect) => {
  const database = useTestDatabase(dialect)
  const T0 = new Date('2026-06-01T12:00:00Z')

  it('keeps a comment’s HTML when it is posted and when it is edited', async () => {
    const db = database()
    const postId = await insertPost(db, { slug: 'p', title: 'P', body: 'b', status: 'published', publishedAt: T0 })
    const editor = await insertPerson(db, 'editor', 'Ed')
    const posted = await postComment(
      editor,
      { postId, parentId: '', body: 'Hello *there*', formToken: issueFormToken(T0) },
      { ip: '198.51.100.1', now: new Date(T0.getTime() + 60_000) },
      db,
    )
    if (!posted.ok) throw new Error(posted.message)
    const html = () => db.selectFrom('comment').select('html').where('id', '=', posted.id).executeTakeFirstOrThrow()
    expect(await html()).toEqual({ html: '<p>Hello <em>there</em></p>' })
    await editComment(editor, { commentId: posted.id, body: 'Hello **again**' }, new Date(T0.getTime() + 120_000), db)
    expect(await html()).toEqual({ html: '<p>Hello <strong>again</strong></p>' })
  })

  it('renders what was written without HTML, and everything again when the renderer changes', async () => {
    const db = database()
    const postId = await insertPost(db, { slug: 'p', title: 'P', body: '# Old', status: 'published', publishedAt: T0 })
    await insertComment(db, { postId, authorName: 'Guest', body: '*a*', status: 'approved', createdAt: T0 })
    expect(await renderMissingHtml(db)).toBe(2)
    expect(await db.selectFrom('post').select('html').executeTakeFirstOrThrow()).toEqual({ html: '<h1>Old</h1>' })
    expect(await db.selectFrom('comment').select('html').executeTakeFirstOrThrow()).toEqual({
      html: '<p><em>a</em></p>',
    })
    expect(await renderMissingHtml(db)).toBe(0)
    await db.updateTable('comment').set({ html: '<p>stale</p>' }).execute()
    await writeSetting(db, 'markdown.renderer', 'an older renderer')
    expect(await renderMissingHtml(db)).toBe(2)
    expect(await db.selectFrom('comment').select('html').executeTakeFirstOrThrow()).toEqual({
      html: '<p><em>a</em></p>',
    })
  })
})
