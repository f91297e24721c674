import type { Kysely } from 'kysely'
import type { Database } from '../types'
import { commentAuthorName, commentsWithPostAndAuthor } from './comments'
import { matchesFilter, type PostFilter } from './posts'
import { isLive, isVisibleComment } from './visibility'

export interface FeedPostRow {
  id: number
  slug: string
  title: string
  excerpt: string | null
  body: string
  html: string | null
  publishedAt: Date | null
  updatedAt: Date
  authorName: string | null
}

/** The newest live posts (all, or those a filter picks) with their bodies, for feeds. */
export async function listPostsForFeed(
  db: Kysely<Database>,
  { limit, ...filter }: { limit: number } & PostFilter,
  now: Date = new Date(),
): Promise<FeedPostRow[]> {
  return db
    .selectFrom('post')
    .leftJoin('User', 'User.id', 'post.authorId')
    .select([
      'post.id',
      'post.slug',
      'post.title',
      'post.excerpt',
      'post.body',
      'post.html',
      'post.publishedAt',
      'post.updatedAt',
      'User.name as authorName',
    ])
    .where((eb) => matchesFilter(eb, filter, now))
    .orderBy('post.publishedAt', 'desc')
    .orderBy('post.id', 'desc')
    .limit(limit)
    .execute()
}

export interface FeedCommentRow {
  id: number
  body: string
  html: string | null
  createdAt: Date
  authorName: string | null
  postSlug: string
  postTitle: string
}

/** The newest approved comments on live posts (of one post, or all), for comment feeds. Never emails. */
export async function listCommentsForFeed(
  db: Kysely<Database>,
  { limit, postSlug }: { limit: number; postSlug?: string },
  now: Date = new Date(),
): Promise<FeedCommentRow[]> {
  let query = commentsWithPostAndAuthor(db)
    .select((eb) => [
      'comment.id',
      'comment.body',
      'comment.html',
      'comment.createdAt',
      commentAuthorName(eb).as('authorName'),
      'post.slug as postSlug',
      'post.title as postTitle',
    ])
    .where((eb) => isVisibleComment(eb))
    .where((eb) => isLive(eb, now))
  if (postSlug) query = query.where('post.slug', '=', postSlug)
  return query.orderBy('comment.createdAt', 'desc').orderBy('comment.id', 'desc').limit(limit).execute()
}

/** Every live post's address and last change, for the sitemap. */
export async function listPostsForSitemap(
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<{ slug: string; updatedAt: Date }[]> {
  return db
    .selectFrom('post')
    .select(['post.slug', 'post.updatedAt'])
    .where((eb) => isLive(eb, now))
    .orderBy('post.publishedAt', 'desc')
    .execute()
}

/** Every tag and author with live posts, with the last change among them, for the sitemap. */
export async function listArchivesForSitemap(
  db: Kysely<Database>,
  now: Date = new Date(),
): Promise<{ tags: { slug: string; updatedAt: Date }[]; authors: { slug: string; updatedAt: Date }[] }> {
  const [tags, authors] = await Promise.all([
    db
      .selectFrom('tag')
      .innerJoin('postTag', 'postTag.tagId', 'tag.id')
      .innerJoin('post', 'post.id', 'postTag.postId')
      .select((eb) => ['tag.slug', eb.fn.max('post.updatedAt').as('updatedAt')])
      .where((eb) => isLive(eb, now))
      .groupBy('tag.slug')
      .orderBy('tag.slug')
      .execute(),
    db
      .selectFrom('User')
      .innerJoin('post', 'post.authorId', 'User.id')
      .select((eb) => ['User.slug', eb.fn.max('post.updatedAt').as('updatedAt')])
      .where('User.slug', 'is not', null)
      .where('User.deletedAt', 'is', null)
      .where((eb) => isLive(eb, now))
      .groupBy('User.slug')
      .orderBy('User.slug')
      .execute(),
  ])
  // max() of a timestamp comes back as text on SQLite, since the column name is lost.
  const asDate = (v: unknown) =>
    v instanceof Date ? v : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(String(v)) ? String(v) : `${String(v)}Z`)
  return {
    tags: tags.map((t) => ({ slug: t.slug, updatedAt: asDate(t.updatedAt) })),
    authors: authors.filter((a) => a.slug).map((a) => ({ slug: a.slug!, updatedAt: asDate(a.updatedAt) })),
  }
}
