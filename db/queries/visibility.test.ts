import { describe, expect, it } from 'vitest'
import { testDialects, useTestDatabase } from '../test-databases'
import { COMMENT_STATUSES, POST_KINDS, POST_STATUSES, type CommentStatus } from '../types'
import { insertComment } from './comments'
import { insertPost } from './posts'
import {
  commentIsThreaded,
  commentIsVisible,
  isLive,
  isPublic,
  isPublicNow,
  isThreadedComment,
  isVisibleComment,
} from './visibility'

describe.each(await testDialects())('who may see a post, on $name', (dialect) => {
  const database = useTestDatabase(dialect)

  it('SQL and a row already read give the same answer for every kind, status and time', async () => {
    const db = database()
    const now = new Date('2026-12-02T09:00:00Z')
    const times = { past: new Date(now.getTime() - 60_000), now, future: new Date(now.getTime() + 60_000), none: null }
    const rows: {
      id: number
      kind: (typeof POST_KINDS)[number]
      status: (typeof POST_STATUSES)[number]
      publishedAt: Date | null
    }[] = []
    for (const kind of POST_KINDS)
      for (const status of POST_STATUSES)
        for (const [when, publishedAt] of Object.entries(times)) {
          const id = await insertPost(db, {
            kind,
            slug: `${kind}-${status}-${when}`,
            title: 't',
            body: 'b',
            status,
            publishedAt,
          })
          rows.push({ id, kind, status, publishedAt })
        }
    const publicIds = (
      await db
        .selectFrom('post')
        .select('id')
        .where((eb) => isPublic(eb, now))
        .execute()
    )
      .map((r) => r.id)
      .sort((a, b) => a - b)
    const liveIds = (
      await db
        .selectFrom('post')
        .select('id')
        .where((eb) => isLive(eb, now))
        .execute()
    )
      .map((r) => r.id)
      .sort((a, b) => a - b)
    expect(publicIds).toEqual(rows.filter((r) => isPublicNow(r, now)).map((r) => r.id))
    expect(liveIds).toEqual(rows.filter((r) => r.kind === 'post' && isPublicNow(r, now)).map((r) => r.id))
    // What that means: published at any time, or scheduled up to now; never a draft; pages never live.
    const named = (ids: number[]) =>
      rows
        .filter((r) => ids.includes(r.id))
        .map((r) => `${r.kind} ${r.status} ${Object.entries(times).find(([, t]) => t === r.publishedAt)![0]}`)
    expect(named(liveIds)).toEqual([
      'post scheduled past',
      'post scheduled now',
      'post published past',
      'post published now',
      'post published future',
      'post published none',
    ])
  })
})

describe.each(await testDialects())('which comments readers see, on $name', (dialect) => {
  const database = useTestDatabase(dialect)

  it('SQL and a row already read give the same answer for every status, deleted or not', async () => {
    const db = database()
    const postId = await insertPost(db, {
      slug: 'p',
      title: 't',
      body: 'b',
      status: 'published',
      publishedAt: new Date(),
    })
    const rows: { id: number; status: CommentStatus; deletedAt: Date | null }[] = []
    for (const status of COMMENT_STATUSES)
      for (const deletedAt of [null, new Date()]) {
        const id = await insertComment(db, {
          postId,
          parentId: null,
          authorId: null,
          body: 'b',
          html: '<p>b</p>',
          status,
          createdAt: new Date(),
          deletedAt,
        })
        rows.push({ id, status, deletedAt })
      }
    const ids = async (rule: typeof isThreadedComment) =>
      (
        await db
          .selectFrom('comment')
          .select('id')
          .where((eb) => rule(eb))
          .orderBy('id')
          .execute()
      ).map((r) => r.id)
    expect(await ids(isThreadedComment)).toEqual(rows.filter(commentIsThreaded).map((r) => r.id))
    expect(await ids(isVisibleComment)).toEqual(rows.filter(commentIsVisible).map((r) => r.id))
    // What that means: approved ones are in their thread, deleted or not; only those not deleted are read.
    const named = (list: number[]) =>
      rows.filter((r) => list.includes(r.id)).map((r) => `${r.status}${r.deletedAt ? ' deleted' : ''}`)
    expect(named(await ids(isThreadedComment))).toEqual(['approved', 'approved deleted'])
    expect(named(await ids(isVisibleComment))).toEqual(['approved'])
  })
})
