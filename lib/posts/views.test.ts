import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertComment } from '@/db/queries/comments'
import { insertPost } from '@/db/queries/posts'
import { writeSetting } from '@/db/queries/settings'
import { prepareDatabase } from '@/db/prepare'
import { testDialects, type TestDatabase } from '@/db/test-databases'
import type { Database } from '@/db/types'
import { loadHomeView, loadPostView } from './views'

describe.each(await testDialects())('reader views on $name', (dialect) => {
  let t: TestDatabase
  let db: Kysely<Database>
  let queries = 0

  beforeEach(async () => {
    t = await dialect.open({ log: (event) => void (event.level === 'query' && queries++) })
    db = t.db
    await prepareDatabase(db)
    queries = 0
  })
  afterEach(async () => {
    await t.close()
  })

  async function countQueries(work: () => Promise<unknown>): Promise<number> {
    queries = 0
    await work()
    return queries
  }

  it('build the demo post with its reply nested under the second comment', async () => {
    const view = await loadPostView('the-social-media-plateau', { page: 1 }, db)
    expect(view?.commentCount).toBe(3)
    expect(view?.comments.map((n) => [n.comment.authorName, n.replies.map((r) => r.comment.authorName)])).toEqual([
      ['Joe Bloggs', []],
      ['Richard', ['SimonDigital']],
    ])
    expect(view?.post.html).toContain('<blockquote>')
    expect(view?.post.featuredImage?.credit).toBe('Mark Hunter')
    expect(view?.comments[1].replies[0].depth).toBe(1)
  })

  it('never carry an email address', async () => {
    const postId = await insertPost(db, {
      slug: 'p',
      title: 'P',
      body: 'b',
      status: 'published',
      publishedAt: new Date(),
    })
    await insertComment(db, {
      postId,
      authorName: 'G',
      authorEmail: 'private@example.com',
      body: 'hi',
      status: 'approved',
    })
    expect(JSON.stringify(await loadPostView('p', { page: 1 }, db))).not.toContain('private@example.com')
  })

  it('use the same number of queries for a post with 3 comments as with 300', async () => {
    const few = await countQueries(() => loadPostView('the-social-media-plateau', { page: 1 }, db))
    const postId = await insertPost(db, {
      slug: 'busy',
      title: 'Busy',
      body: 'b',
      status: 'published',
      publishedAt: new Date(),
    })
    let parentId: number | null = null
    for (let i = 0; i < 300; i++) {
      const id: number = await insertComment(db, {
        postId,
        parentId: i % 3 === 0 ? parentId : null,
        body: `c${i}`,
        status: 'approved',
      })
      parentId = id
    }
    const many = await countQueries(() => loadPostView('busy', { page: 1 }, db))
    expect((await loadPostView('busy', { page: 1 }, db))?.commentCount).toBe(300)
    expect(many).toBe(few)
  })

  it('use the same number of queries for a home page of 1 post as of 10 with comments', async () => {
    const one = await countQueries(() => loadHomeView(1, db))
    for (let i = 0; i < 12; i++) {
      const postId = await insertPost(db, {
        slug: `p${i}`,
        title: `P${i}`,
        body: 'b',
        status: 'published',
        publishedAt: new Date(Date.UTC(2020, 0, i + 1)),
      })
      await insertComment(db, { postId, body: 'x', status: 'approved' })
    }
    const ten = await countQueries(() => loadHomeView(1, db))
    expect(ten).toBe(one)
    const page = await loadHomeView(1, db)
    expect(page?.posts).toHaveLength(10)
    expect(page?.posts[0]).toMatchObject({ slug: 'p11', commentCount: 1 })
  })

  it('page the home listing by the postsPerPage setting', async () => {
    for (let i = 0; i < 4; i++) {
      await insertPost(db, {
        slug: `p${i}`,
        title: `P${i}`,
        body: 'b',
        status: 'published',
        publishedAt: new Date(Date.UTC(2020, 0, i + 1)),
      })
    }
    await writeSetting(db, 'postsPerPage', 2)
    const first = await loadHomeView(1, db)
    expect(first).toMatchObject({ hasPrevious: false, hasNext: true })
    expect(first?.posts.map((p) => p.slug)).toEqual(['p3', 'p2'])
    const last = await loadHomeView(3, db)
    expect(last).toMatchObject({ hasPrevious: true, hasNext: false })
    expect(last?.posts.map((p) => p.slug)).toEqual(['the-social-media-plateau'])
    expect(await loadHomeView(4, db)).toBeNull()
    expect(await loadHomeView(0, db)).toBeNull()
  })

  it('answer null for drafts, scheduled and unknown posts', async () => {
    await insertPost(db, { slug: 'draft', title: 'D', body: 'b', status: 'draft' })
    await insertPost(db, {
      slug: 'soon',
      title: 'S',
      body: 'b',
      status: 'scheduled',
      publishedAt: '2099-01-01T00:00:00Z',
    })
    expect(await loadPostView('draft', { page: 1 }, db)).toBeNull()
    expect(await loadPostView('soon', { page: 1 }, db)).toBeNull()
    expect(await loadPostView('nope', { page: 1 }, db)).toBeNull()
  })
})
