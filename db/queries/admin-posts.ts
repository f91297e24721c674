import type { Kysely } from 'kysely'
import { POST_STATUSES, type Database, type PostKind, type PostStatus, type PostUpdate } from '../types'
import { postPageColumns, type PostRow } from './posts'

/** The choices of the posts list's filters: everyone who has written a post, and every tag. */
export async function listPostFilterChoices(
  db: Kysely<Database>,
): Promise<{ authors: { id: string; name: string }[]; tags: { slug: string; name: string }[] }> {
  const authors = await db
    .selectFrom('User')
    .select(['User.id', 'User.name'])
    .where((eb) => eb.exists(eb.selectFrom('post').select('post.id').whereRef('post.authorId', '=', 'User.id')))
    .orderBy('User.name')
    .execute()
  const tags = await db.selectFrom('tag').select(['slug', 'name']).orderBy('name').execute()
  return { authors: authors.map((a) => ({ id: a.id, name: a.name ?? 'Unnamed' })), tags }
}

/** Posts per status, of one author or all — one query. */
export async function countPostsByStatus(
  db: Kysely<Database>,
  authorId: string | undefined,
): Promise<Record<PostStatus, number>> {
  let query = db
    .selectFrom('post')
    .select((eb) => ['status', eb.fn.countAll().as('n')])
    .groupBy('status')
  if (authorId) query = query.where('authorId', '=', authorId)
  const counts = Object.fromEntries(POST_STATUSES.map((s) => [s, 0])) as Record<PostStatus, number>
  for (const r of await query.execute()) if (r.status in counts) counts[r.status as PostStatus] = Number(r.n)
  return counts
}

export interface AdminPostRow {
  id: number
  slug: string
  title: string
  status: PostStatus
  publishedAt: Date | null
  updatedAt: Date
  authorId: string | null
  authorName: string | null
  kind: PostKind
}

/** Posts of one status, newest first, optionally one author's, with one tag, or matching a title. */
export async function listPostsForAdmin(
  db: Kysely<Database>,
  filter: { status: PostStatus; authorId?: string; tagSlug?: string; search?: string; limit: number; offset: number },
): Promise<AdminPostRow[]> {
  let query = db
    .selectFrom('post')
    .leftJoin('User', 'User.id', 'post.authorId')
    .select([
      'post.id',
      'post.slug',
      'post.title',
      'post.status',
      'post.publishedAt',
      'post.updatedAt',
      'post.authorId',
      'User.name as authorName',
      'post.kind',
    ])
    .where('post.status', '=', filter.status)
  if (filter.authorId) query = query.where('post.authorId', '=', filter.authorId)
  if (filter.tagSlug)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('postTag')
          .innerJoin('tag', 'tag.id', 'postTag.tagId')
          .select('postTag.postId')
          .whereRef('postTag.postId', '=', 'post.id')
          .where('tag.slug', '=', filter.tagSlug!),
      ),
    )
  if (filter.search)
    query = query.where((eb) =>
      eb(eb.fn('lower', ['post.title']), 'like', `%${filter.search!.toLowerCase().replace(/[\\%_]/g, '')}%`),
    )
  return query
    .orderBy((eb) => eb.fn.coalesce('post.publishedAt', 'post.updatedAt'), 'desc')
    .orderBy('post.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute()
}

/** A post as the editor opens it: what its page shows, plus its author's id and its tags. */
export interface EditablePost extends PostRow {
  authorId: string | null
  tags: string[]
}

export async function findPostForEditing(db: Kysely<Database>, id: number): Promise<EditablePost | undefined> {
  const post = await db
    .selectFrom('post')
    .leftJoin('User', 'User.id', 'post.authorId')
    .select([...postPageColumns, 'post.authorId'])
    .where('post.id', '=', id)
    .executeTakeFirst()
  if (!post) return undefined
  const tags = await db
    .selectFrom('postTag')
    .innerJoin('tag', 'tag.id', 'postTag.tagId')
    .select('tag.name')
    .where('postTag.postId', '=', id)
    .orderBy('tag.name')
    .execute()
  return { ...post, status: post.status as PostStatus, tags: tags.map((t) => t.name) }
}

/** Whether another post (or an old slug of another post) already answers at this slug. */
export async function isSlugTaken(db: Kysely<Database>, slug: string, exceptPostId: number | null): Promise<boolean> {
  const post = await db.selectFrom('post').select('id').where('slug', '=', slug).executeTakeFirst()
  if (post && post.id !== exceptPostId) return true
  const redirect = await db.selectFrom('postRedirect').select('postId').where('slug', '=', slug).executeTakeFirst()
  return !!redirect && redirect.postId !== exceptPostId
}

/** A body is written with the HTML it renders to (lib/markdown/stored.ts): never one without the other. */
function withHtml(changes: PostUpdate): PostUpdate {
  if (changes.body !== undefined && typeof changes.html !== 'string')
    throw new Error('A post body must be written with its rendered HTML.')
  return changes
}

/** Updates a post only if nobody saved it since `expectedUpdatedAt`; returns whether it did. */
export async function updatePostIfUnchanged(
  db: Kysely<Database>,
  id: number,
  changes: PostUpdate,
  expectedUpdatedAt: Date,
): Promise<boolean> {
  // Compared to the millisecond: PostgreSQL keeps microseconds, JavaScript dates do not.
  const until = new Date(expectedUpdatedAt.getTime() + 1)
  const result = await db
    .updateTable('post')
    .set(withHtml(changes))
    .where('id', '=', id)
    .where('updatedAt', '>=', expectedUpdatedAt)
    .where('updatedAt', '<', until)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function updatePost(db: Kysely<Database>, id: number, changes: PostUpdate): Promise<void> {
  await db.updateTable('post').set(withHtml(changes)).where('id', '=', id).execute()
}

export async function deletePostRow(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('post').where('id', '=', id).execute()
}

/** Replaces a post's tags by these names, creating tags that do not exist yet. */
export async function replacePostTags(
  db: Kysely<Database>,
  postId: number,
  tags: { slug: string; name: string }[],
): Promise<void> {
  await db.deleteFrom('postTag').where('postId', '=', postId).execute()
  for (const tag of tags) {
    await db
      .insertInto('tag')
      .values(tag)
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute()
    const { id } = await db.selectFrom('tag').select('id').where('slug', '=', tag.slug).executeTakeFirstOrThrow()
    await db
      .insertInto('postTag')
      .values({ postId, tagId: id })
      .onConflict((oc) => oc.columns(['postId', 'tagId']).doNothing())
      .execute()
  }
}

/** Keeps an old slug answering for the post (with a redirect), replacing any earlier claim on it. */
export async function addPostRedirect(db: Kysely<Database>, slug: string, postId: number): Promise<void> {
  await db
    .insertInto('postRedirect')
    .values({ slug, postId })
    .onConflict((oc) => oc.column('slug').doUpdateSet({ postId }))
    .execute()
}

export async function removePostRedirect(db: Kysely<Database>, slug: string): Promise<void> {
  await db.deleteFrom('postRedirect').where('slug', '=', slug).execute()
}
