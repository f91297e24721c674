import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { inTransaction } from '..'
import { insertComment } from '../queries/comments'
import { countPosts, insertPost, tagPost, upsertTag } from '../queries/posts'
import { claimSetting } from '../queries/settings'
import { insertUser } from '../queries/users'
import type { Database } from '../types'
import { demoAuthor, demoComments, demoPost } from './demo-content'

export const DEMO_SEEDED_KEY = 'demo.seededAt'

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Seeds the demo post, its author and its three threaded comments into a blog that has never been
 * seeded and has no posts. Returns whether it seeded. Safe to call on every start and from several
 * instances at once: the claim on a settings row decides, inside the same transaction.
 */
export async function seedDemoContent(db: Kysely<Database>): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    if (!(await claimSetting(trx, DEMO_SEEDED_KEY, new Date().toISOString()))) return false
    if ((await countPosts(trx)) > 0) return false

    const authorId = await insertUser(trx, {
      id: randomUUID(),
      name: demoAuthor.name,
      slug: demoAuthor.slug,
      email: null,
      role: 'author',
    })
    const postId = await insertPost(trx, {
      slug: demoPost.slug,
      title: demoPost.title,
      excerpt: demoPost.excerpt,
      body: demoPost.body,
      status: 'published',
      publishedAt: demoPost.publishedAt,
      createdAt: demoPost.publishedAt,
      updatedAt: demoPost.publishedAt,
      authorId,
      featuredImageUrl: demoPost.featuredImage.url,
      featuredImageAlt: demoPost.featuredImage.alt,
      featuredImageCredit: demoPost.featuredImage.credit,
      commentsOpen: true,
    })
    for (const name of demoPost.tags) {
      await tagPost(trx, postId, await upsertTag(trx, { slug: slugify(name), name }))
    }
    const ids: number[] = []
    for (const c of demoComments) {
      ids.push(
        await insertComment(trx, {
          postId,
          parentId: c.replyTo === undefined ? null : ids[c.replyTo],
          authorId: c.byPostAuthor ? authorId : null,
          authorName: c.authorName,
          body: c.body,
          status: 'approved',
          createdAt: c.createdAt,
        }),
      )
    }
    return true
  })
}
