import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { migrateToLatest } from '@/db/migrate'
import { testDialects, type TestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { resolveCommentLink } from './permalinks'

describe.each(await testDialects())('short comment links on $name', (dialect) => {
  let t: TestDatabase
  let db: Kysely<Database>
  beforeEach(async () => {
    t = await dialect.open()
    db = t.db
    await migrateToLatest(db)
  })
  afterEach(async () => {
    await t.close()
  })

  it('lead to approved comments on live posts, and nowhere else', async () => {
    const live = await insertPost({ slug: 'live', title: 'L', body: 'b', status: 'published', publishedAt: new Date() }, db)
    const draft = await insertPost({ slug: 'draft', title: 'D', body: 'b', status: 'draft' }, db)
    const ok = await insertComment({ postId: live, body: 'ok', status: 'approved' }, db)
    const held = await insertComment({ postId: live, body: 'held', status: 'pending' }, db)
    const hidden = await insertComment({ postId: draft, body: 'on a draft', status: 'approved' }, db)
    expect(await resolveCommentLink(String(ok), db)).toBe(`/posts/live#comment-${ok}`)
    expect(await resolveCommentLink(String(held), db)).toBeNull()
    expect(await resolveCommentLink(String(hidden), db)).toBeNull()
    expect(await resolveCommentLink('999999', db)).toBeNull()
    expect(await resolveCommentLink('1; drop table comment', db)).toBeNull()
  })
})
