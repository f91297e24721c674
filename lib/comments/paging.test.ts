import { describe, expect, it } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost, tagPost, upsertTag } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { testDialects, useTestDatabase } from '@/db/test-databases'
import { loadPostView } from '@/lib/posts/views'
import type { CommentNode } from './tree'
import { resolveCommentLink } from './permalinks'

const authors = (nodes: CommentNode<{ authorName: string }>[]): unknown[] =>
  nodes.map((n) => (n.replies.length ? [n.comment.authorName, authors(n.replies)] : n.comment.authorName))

describe.each(await testDialects())('long conversations on $name', (dialect) => {
  const database = useTestDatabase(dialect, 'prepared')

  /** A post with 7 top-level comments t0…t6, and under t0 a chain of 7 replies r1…r7. */
  async function busyPost() {
    const db = database()
    const postId = await insertPost(db, {
      slug: 'busy',
      title: 'Busy',
      body: 'b',
      status: 'published',
      publishedAt: new Date('2024-01-01Z'),
    })
    const at = (minute: number) => new Date(Date.UTC(2024, 0, 2, 0, minute)).toISOString()
    const top: number[] = []
    for (let i = 0; i < 7; i++)
      top.push(
        await insertComment(db, {
          postId,
          authorName: `t${i}`,
          body: `top ${i}`,
          status: 'approved',
          createdAt: at(i),
        }),
      )
    const chain: number[] = []
    let parentId = top[0]
    for (let i = 1; i <= 7; i++) {
      parentId = await insertComment(db, {
        postId,
        parentId,
        authorName: `r${i}`,
        body: `reply ${i}`,
        status: 'approved',
        createdAt: at(10 + i),
      })
      chain.push(parentId)
    }
    await writeSetting(db, 'commentsPerPage', 3)
    return { db, top, chain }
  }

  it('show the top-level threads a page at a time, counting every comment', async () => {
    const { db } = await busyPost()
    const first = await loadPostView('busy', { page: 1 }, db)
    expect(first).toMatchObject({ commentCount: 14, commentPage: 1, commentPageCount: 3 })
    expect(first?.comments.map((n) => n.comment.authorName)).toEqual(['t0', 't1', 't2'])
    const last = await loadPostView('busy', { page: 3 }, db)
    expect(last?.comments.map((n) => n.comment.authorName)).toEqual(['t6'])
    expect(await loadPostView('busy', { page: 4 }, db)).toBeNull()
    await writeSetting(db, 'commentOrder', 'newest')
    expect((await loadPostView('busy', { page: 1 }, db))?.comments.map((n) => n.comment.authorName)).toEqual([
      't6',
      't5',
      't4',
    ])
  })

  it('collapse a deep branch behind “continue this thread”, which shows the rest on its own', async () => {
    const { db, chain } = await busyPost()
    const first = await loadPostView('busy', { page: 1 }, db)
    // Five levels show (t0 and r1…r4); r5…r7 wait behind r4's link.
    expect(authors(first!.comments.slice(0, 1))).toEqual([['t0', [['r1', [['r2', [['r3', ['r4']]]]]]]]])
    const r4 = first!.comments[0].replies[0].replies[0].replies[0].replies[0]
    expect(r4.comment).toMatchObject({ authorName: 'r4', collapsedReplies: 3 })
    const thread = await loadPostView('busy', { thread: chain[3] }, db)
    expect(thread?.thread).toEqual({ id: chain[3], authorName: 'r4' })
    expect(authors(thread!.comments)).toEqual([['r4', [['r5', [['r6', ['r7']]]]]]])
    expect(await loadPostView('busy', { thread: 999_999 }, db)).toBeNull()
  })

  it('send a short comment link to the page, or the continued thread, that shows the comment', async () => {
    const { db, top, chain } = await busyPost()
    expect(await resolveCommentLink(String(top[1]), undefined, db)).toBe(`/posts/busy#comment-${top[1]}`)
    expect(await resolveCommentLink(String(top[6]), undefined, db)).toBe(
      `/posts/busy/comments/page/3#comment-${top[6]}`,
    )
    expect(await resolveCommentLink(String(chain[3]), undefined, db)).toBe(`/posts/busy#comment-${chain[3]}`)
    expect(await resolveCommentLink(String(chain[6]), undefined, db)).toBe(
      `/posts/busy/thread/${chain[3]}#comment-${chain[6]}`,
    )
    await writeSetting(db, 'commentOrder', 'newest')
    expect(await resolveCommentLink(String(top[0]), undefined, db)).toBe(
      `/posts/busy/comments/page/3#comment-${top[0]}`,
    )
  })

  it('link a post to the ones before and after it, and to posts sharing its tags', async () => {
    const db = database()
    const make = async (slug: string, day: number, tags: string[]) => {
      const id = await insertPost(db, {
        slug,
        title: slug.toUpperCase(),
        body: 'b',
        status: 'published',
        publishedAt: new Date(Date.UTC(2024, 0, day)),
      })
      for (const tag of tags) await tagPost(db, id, await upsertTag(db, { slug: tag, name: tag }))
    }
    await make('a', 1, ['x', 'y'])
    await make('b', 2, ['x'])
    await make('c', 3, ['x', 'y'])
    await insertPost(db, {
      slug: 'draft',
      title: 'D',
      body: 'b',
      status: 'draft',
      publishedAt: new Date(Date.UTC(2024, 0, 4)),
    })
    const b = await loadPostView('b', { page: 1 }, db)
    expect(b).toMatchObject({ older: { slug: 'a', title: 'A' }, newer: { slug: 'c', title: 'C' } })
    const c = await loadPostView('c', { page: 1 }, db)
    expect(c?.newer).toBeNull()
    expect(c?.related.map((p) => p.slug)).toEqual(['a', 'b'])
    expect((await loadPostView('the-social-media-plateau', { page: 1 }, db))?.related).toEqual([])
  })
})
