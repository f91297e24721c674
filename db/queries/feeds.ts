import type { Kysely } from 'kysely'
import { getDb } from '..'
import type { Database } from '../types'
import { commentAuthorName } from './comments'
import { hasTag, isLive } from './posts'

export interface FeedPostRow {
  id: number
  slug: string
  title: string
  excerpt: string | null
  body: string
  publishedAt: Date | null
  updatedAt: Date
  authorName: string | null
}

/** The newest live posts (all, or those with a tag) with their bodies, for feeds. */
export async function listPostsForFeed(
  { limit, tagSlug }: { limit: number; tagSlug?: string },
  db: Kysely<Database> = getDb(),
  now: Date = new Date(),
): Promise<FeedPostRow[]> {
  let query = db
    .selectFrom('post')
    .leftJoin('User', 'User.id', 'post.authorId')
    .select(['post.id', 'post.slug', 'post.title', 'post.excerpt', 'post.body', 'post.publishedAt', 'post.updatedAt', 'User.name as authorName'])
    .where((eb) => isLive(eb, now))
  if (tagSlug) query = query.where((eb) => hasTag(eb, tagSlug))
  return query.orderBy('post.publishedAt', 'desc').orderBy('post.id', 'desc').limit(limit).execute()
}

export interface FeedCommentRow {
  id: number
  body: string
  createdAt: Date
  authorName: string | null
  postSlug: string
  postTitle: string
}

/** The newest approved comments on live posts (of one post, or all), for comment feeds. Never emails. */
export async function listCommentsForFeed(
  { limit, postSlug }: { limit: number; postSlug?: string },
  db: Kysely<Database> = getDb(),
  now: Date = new Date(),
): Promise<FeedCommentRow[]> {
  let query = db
    .selectFrom('comment')
    .innerJoin('post', 'post.id', 'comment.postId')
    .leftJoin('User', 'User.id', 'comment.authorId')
    .select((eb) => [
      'comment.id',
      'comment.body',
      'comment.createdAt',
      commentAuthorName(eb).as('authorName'),
      'post.slug as postSlug',
      'post.title as postTitle',
    ])
    .where('comment.status', '=', 'approved')
    .where('comment.deletedAt', 'is', null)
    .where((eb) => isLive(eb, now))
  if (postSlug) query = query.where('post.slug', '=', postSlug)
  return query.orderBy('comment.createdAt', 'desc').orderBy('comment.id', 'desc').limit(limit).execute()
}

/** Every live post's address and last change, for the sitemap. */
export async function listPostsForSitemap(db: Kysely<Database> = getDb(), now: Date = new Date()): Promise<{ slug: string; updatedAt: Date }[]> {
  return db.selectFrom('post').select(['post.slug', 'post.updatedAt']).where((eb) => isLive(eb, now)).orderBy('post.publishedAt', 'desc').execute()
}
