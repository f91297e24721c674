import { describe, expect, it } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { resolveCommentLink } from './permalinks'

describe.each(await testDialects())('short comment links on $name', (dialect) => {
  const database = useTestDatabase(dialect)

  it('lead to approved comments on live posts, and nowhere else', async () => {
    const db = database()
    const live = await insertPost(db, {
      slug: 'live',
      title: 'L',
      body: 'b',
      status: 'published',
      publishedAt: new Date(),
    })
    const draft = await insertPost(db, { slug: 'draft', title: 'D', body: 'b', status: 'draft' })
    const ok = await insertComment(db, { postId: live, body: 'ok', status: 'approved' })
    const held = await insertComment(db, { postId: live, body: 'held', status: 'pending' })
    const hidden = await insertComment(db, { postId: draft, body: 'on a draft', status: 'approved' })
    expect(await resolveCommentLink(String(ok), undefined, db)).toBe(`/posts/live#comment-${ok}`)
    expect(await resolveCommentLink(String(held), undefined, db)).toBeNull()
    expect(await resolveCommentLink(String(hidden), undefined, db)).toBeNull()
    expect(await resolveCommentLink('999999', undefined, db)).toBeNull()
    expect(await resolveCommentLink('1; drop table comment', undefined, db)).toBeNull()
  })
})
