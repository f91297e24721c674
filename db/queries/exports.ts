import type { Kysely } from 'kysely'
import type { Database } from '../types'

// What the WordPress export reads: everything, a batch of posts at a time.

export async function listExportAuthors(db: Kysely<Database>) {
  return db
    .selectFrom('User')
    .select(['User.id', 'User.name', 'User.email', 'User.slug'])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('post').select('post.id').whereRef('post.authorId', '=', 'User.id')),
        eb.exists(eb.selectFrom('comment').select('comment.id').whereRef('comment.authorId', '=', 'User.id')),
      ]),
    )
    .orderBy('User.createdAt')
    .orderBy('User.id')
    .execute()
}

export async function listExportTags(db: Kysely<Database>) {
  return db.selectFrom('tag').select(['id', 'slug', 'name']).orderBy('id').execute()
}

/** Posts and pages (not the trash) after `afterId`, in id order, with their tags' slugs and names. */
export async function listExportPosts(db: Kysely<Database>, afterId: number, limit: number) {
  const posts = await db
    .selectFrom('post')
    .selectAll()
    .where('id', '>', afterId)
    .where('status', '!=', 'trash')
    .orderBy('id')
    .limit(limit)
    .execute()
  const ids = posts.map((p) => p.id)
  const tags = ids.length
    ? await db
        .selectFrom('postTag')
        .innerJoin('tag', 'tag.id', 'postTag.tagId')
        .select(['postTag.postId', 'tag.slug', 'tag.name'])
        .where('postTag.postId', 'in', ids)
        .orderBy('tag.slug')
        .execute()
    : []
  const comments = ids.length
    ? await db
        .selectFrom('comment')
        .leftJoin('User', 'User.id', 'comment.authorId')
        .select([
          'comment.id',
          'comment.postId',
          'comment.parentId',
          'comment.authorId',
          'comment.authorName',
          'comment.authorEmail',
          'comment.authorUrl',
          'comment.body',
          'comment.html',
          'comment.status',
          'comment.createdAt',
          'User.name as userName',
          'User.email as userEmail',
        ])
        .where('comment.postId', 'in', ids)
        .where('comment.deletedAt', 'is', null)
        .orderBy('comment.id')
        .execute()
    : []
  return posts.map((post) => ({
    post,
    tags: tags.filter((t) => t.postId === post.id),
    comments: comments.filter((c) => c.postId === post.id),
  }))
}
