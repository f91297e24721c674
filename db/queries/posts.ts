import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Database, NewPost, NewTag, PostKind, PostStatus } from '../types'
import { isLive, isPublic, isThreadedComment } from './visibility'

/** The post carries the tag with this slug. */
export function hasTag(eb: ExpressionBuilder<Database, 'post'>, tagSlug: string) {
  return eb.exists(
    eb
      .selectFrom('postTag')
      .innerJoin('tag', 'tag.id', 'postTag.tagId')
      .select('postTag.postId')
      .whereRef('postTag.postId', '=', 'post.id')
      .where('tag.slug', '=', tagSlug),
  )
}

/** Which live posts a listing shows: all, or those with a tag, by an author, or in a time range. */
export interface PostFilter {
  tagSlug?: string
  authorSlug?: string
  /** Published at or after this instant… */
  from?: Date
  /** …and before this one. */
  until?: Date
}

/** The post matches the filter (and is live at `now`). */
export function matchesFilter(eb: ExpressionBuilder<Database, 'post'>, filter: PostFilter, now: Date) {
  const conditions = [isLive(eb, now)]
  if (filter.tagSlug) conditions.push(hasTag(eb, filter.tagSlug))
  if (filter.authorSlug) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('User as author')
          .select('author.id')
          .whereRef('author.id', '=', 'post.authorId')
          .where('author.slug', '=', filter.authorSlug),
      ),
    )
  }
  if (filter.from) conditions.push(eb('post.publishedAt', '>=', filter.from))
  if (filter.until) conditions.push(eb('post.publishedAt', '<', filter.until))
  return eb.and(conditions)
}

export interface PostSummaryRow {
  id: number
  slug: string
  title: string
  excerpt: string | null
  publishedAt: Date | null
  authorName: string | null
  authorSlug: string | null
  commentCount: number
  /** Pinned to the top of the home page. */
  pinned: boolean
}

/** When the next scheduled post goes live (after `now`), or null if none is waiting. */
export async function findNextScheduledAt(db: Kysely<Database>, now: Date = new Date()): Promise<Date | null> {
  const row = await db
    .selectFrom('post')
    .select('publishedAt')
    .where('status', '=', 'scheduled')
    .where('publishedAt', '>', now)
    .orderBy('publishedAt')
    .limit(1)
    .executeTakeFirst()
  return row?.publishedAt ?? null
}

/**
 * Published posts, newest first, each with its author's name and approved-comment count — one
 * query however many posts. Fetch one more than a page to learn whether there is a next page.
 */
export async function listPublishedPosts(
  db: Kysely<Database>,
  {
    limit,
    offset,
    now = new Date(),
    pinnedFirst = false,
    ...filter
  }: { limit: number; offset: number; now?: Date; pinnedFirst?: boolean } & PostFilter,
): Promise<PostSummaryRow[]> {
  let query = db
    .selectFrom('post')
    .leftJoin('User', 'User.id', 'post.authorId')
    .select(postSummaryColumns)
    .where((eb) => matchesFilter(eb, filter, now))
  // The home page: pinned posts first, newest first among them.
  if (pinnedFirst) query = query.orderBy('post.pinned', 'desc')
  const rows = await query
    .orderBy('post.publishedAt', 'desc')
    .orderBy('post.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map(withCount)
}

/**
 * What a listing shows of each post: its address, title, excerpt, date, author and approved-comment
 * count (a subquery, so a page of posts stays one query). Needs User left-joined on the author.
 */
export function postSummaryColumns(eb: ExpressionBuilder<Database, 'post' | 'User'>) {
  return [
    'post.id',
    'post.slug',
    'post.title',
    'post.excerpt',
    'post.publishedAt',
    'User.name as authorName',
    'User.slug as authorSlug',
    'post.pinned',
    eb
      .selectFrom('comment')
      .select(eb.fn.countAll().as('n'))
      .whereRef('comment.postId', '=', 'post.id')
      .where((eb) => isThreadedComment(eb))
      .as('commentCount'),
  ] as const
}

/** PostgreSQL returns count(*) as a string: every summary row's count as a number. */
export const withCount = <T extends { commentCount: unknown }>(row: T) => ({
  ...row,
  commentCount: Number(row.commentCount ?? 0),
})

/** A post or page as its page shows it (postPageColumns). */
export interface PostRow {
  id: number
  slug: string
  title: string
  excerpt: string | null
  body: string
  /** The body rendered when it was written (null for a row written around lib/). */
  html: string | null
  status: PostStatus
  publishedAt: Date | null
  updatedAt: Date
  authorName: string | null
  authorSlug: string | null
  featuredImageUrl: string | null
  featuredImageAlt: string | null
  featuredImageCaption: string | null
  featuredImageCredit: string | null
  featuredImageCreditUrl: string | null
  commentsOpen: boolean
  kind: PostKind
  pinned: boolean
}

/** What a post's page shows of it (User left-joined on the author). */
export const postPageColumns = [
  'post.id',
  'post.slug',
  'post.title',
  'post.excerpt',
  'post.body',
  'post.html',
  'post.status',
  'post.publishedAt',
  'post.updatedAt',
  'User.name as authorName',
  'User.slug as authorSlug',
  'post.featuredImageUrl',
  'post.featuredImageAlt',
  'post.featuredImageCaption',
  'post.featuredImageCredit',
  'post.featuredImageCreditUrl',
  'post.commentsOpen',
  'post.kind',
  'post.pinned',
] as const

/** A published page (About, Contact…) by slug, or undefined. */
export async function findPublishedPageBySlug(db: Kysely<Database>, slug: string, now: Date = new Date()) {
  return db
    .selectFrom('post')
    .leftJoin('User', 'User.id', 'post.authorId')
    .select(postPageColumns)
    .where('post.slug', '=', slug)
    .where('post.kind', '=', 'page')
    .where((eb) => isPublic(eb, now))
    .executeTakeFirst()
}

/** A live post by slug with its author's name, or undefined. */
export async function findPublishedPostBySlug(
  db: Kysely<Database>,
  slug: string,
  now: Date = new Date(),
): Promise<PostRow | undefined> {
  return db
    .selectFrom('post')
    .leftJoin('User', 'User.id', 'post.authorId')
    .select(postPageColumns)
    .where('post.slug', '=', slug)
    .where((eb) => isLive(eb, now))
    .executeTakeFirst()
}

/** The current slug of the post an old slug pointed at, if it is live. */
export async function findRedirectedSlug(
  db: Kysely<Database>,
  oldSlug: string,
  now: Date = new Date(),
): Promise<string | undefined> {
  const row = await db
    .selectFrom('postRedirect')
    .innerJoin('post', 'post.id', 'postRedirect.postId')
    .select('post.slug')
    .where('postRedirect.slug', '=', oldSlug)
    .where((eb) => isLive(eb, now))
    .executeTakeFirst()
  return row?.slug
}

/** The tags of one post, by name. */
export async function listTagsOfPost(db: Kysely<Database>, postId: number): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom('postTag')
    .innerJoin('tag', 'tag.id', 'postTag.tagId')
    .select(['tag.slug', 'tag.name'])
    .where('postTag.postId', '=', postId)
    .orderBy('tag.name')
    .execute()
}

export async function countPosts(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('post').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertPost(db: Kysely<Database>, post: NewPost): Promise<number> {
  const row = await db.insertInto('post').values(post).returning('id').executeTakeFirstOrThrow()
  return row.id
}

/** Finds a tag by slug or creates it; returns its id. */
export async function upsertTag(db: Kysely<Database>, tag: NewTag): Promise<number> {
  await db
    .insertInto('tag')
    .values(tag)
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute()
  const row = await db.selectFrom('tag').select('id').where('slug', '=', tag.slug).executeTakeFirstOrThrow()
  return row.id
}

export async function tagPost(db: Kysely<Database>, postId: number, tagId: number): Promise<void> {
  await db
    .insertInto('postTag')
    .values({ postId, tagId })
    .onConflict((oc) => oc.columns(['postId', 'tagId']).doNothing())
    .execute()
}

/** What commenting needs to know about a post. */
export async function findPostForCommenting(
  db: Kysely<Database>,
  postId: number,
): Promise<
  | { id: number; slug: string; title: string; live: boolean; commentsOpen: boolean; publishedAt: Date | null }
  | undefined
> {
  const row = await db
    .selectFrom('post')
    .select((eb) => ['id', 'slug', 'title', 'commentsOpen', 'publishedAt', isLive(eb, new Date()).as('live')])
    .where('id', '=', postId)
    .executeTakeFirst()
  // `live` is isLive's answer: a published post, or a scheduled one now due; never a page or a draft.
  return (
    row && {
      id: row.id,
      slug: row.slug,
      title: row.title,
      live: Boolean(row.live),
      commentsOpen: row.commentsOpen,
      publishedAt: row.publishedAt,
    }
  )
}

/** The live posts just before and after one (by publication time), for "previous / next" links. */
export async function findNeighbourPosts(
  db: Kysely<Database>,
  post: { id: number; publishedAt: Date },
  now: Date = new Date(),
): Promise<{ older?: { slug: string; title: string }; newer?: { slug: string; title: string } }> {
  const at = post.publishedAt
  const next = (direction: 'older' | 'newer') => {
    const [beyond, order] = direction === 'older' ? (['<', 'desc'] as const) : (['>', 'asc'] as const)
    return db
      .selectFrom('post')
      .select(['post.slug', 'post.title'])
      .where((eb) =>
        eb.and([
          isLive(eb, now),
          eb.or([
            eb('post.publishedAt', beyond, at),
            eb.and([eb('post.publishedAt', '=', at), eb('post.id', beyond, post.id)]),
          ]),
        ]),
      )
      .orderBy('post.publishedAt', order)
      .orderBy('post.id', order)
      .limit(1)
      .executeTakeFirst()
  }
  const [older, newer] = await Promise.all([next('older'), next('newer')])
  return { older, newer }
}

/** Live posts sharing the most tags with a post, then newest first. */
export async function listRelatedPosts(
  db: Kysely<Database>,
  postId: number,
  limit: number,
  now: Date = new Date(),
): Promise<{ slug: string; title: string }[]> {
  return db
    .selectFrom('postTag')
    .innerJoin('post', 'post.id', 'postTag.postId')
    .select(['post.slug', 'post.title'])
    .where('postTag.tagId', 'in', (eb) =>
      eb.selectFrom('postTag as mine').select('mine.tagId').where('mine.postId', '=', postId),
    )
    .where('post.id', '!=', postId)
    .where((eb) => isLive(eb, now))
    .groupBy(['post.id', 'post.slug', 'post.title', 'post.publishedAt'])
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('post.publishedAt', 'desc')
    .orderBy('post.id', 'desc')
    .limit(limit)
    .execute()
}

/** An author with a page: someone with a slug who has at least one live post. */
export async function findAuthorBySlug(
  db: Kysely<Database>,
  slug: string,
  now: Date = new Date(),
): Promise<{ slug: string; name: string } | undefined> {
  const row = await db
    .selectFrom('User')
    .select(['User.slug', 'User.name'])
    .where('User.slug', '=', slug)
    .where('User.deletedAt', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('post')
          .select('post.id')
          .whereRef('post.authorId', '=', 'User.id')
          .where((eb2) => isLive(eb2, now)),
      ),
    )
    .executeTakeFirst()
  return row?.slug && row.name ? { slug: row.slug, name: row.name } : undefined
}

export async function findTagBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<{ slug: string; name: string } | undefined> {
  return db.selectFrom('tag').select(['slug', 'name']).where('slug', '=', slug).executeTakeFirst()
}

/** The published pages a page sits under, outermost first (at most five levels). */
export async function listParentPages(
  db: Kysely<Database>,
  pageId: number,
  now: Date = new Date(),
): Promise<{ slug: string; title: string }[]> {
  const chain: { slug: string; title: string }[] = []
  let id: number | null = pageId
  for (let level = 0; level < 5 && id !== null; level++) {
    const row: { parentId: number | null } | undefined = await db
      .selectFrom('post')
      .select('parentId')
      .where('id', '=', id)
      .executeTakeFirst()
    id = row?.parentId ?? null
    if (id === null) break
    const parent = await db
      .selectFrom('post')
      .select(['slug', 'title'])
      .where('id', '=', id)
      .where('kind', '=', 'page')
      .where((eb) => isPublic(eb, now))
      .executeTakeFirst()
    if (!parent) break
    chain.unshift(parent)
  }
  return chain
}
