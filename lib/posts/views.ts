import type { DB } from '@/db'
import { getDb } from '@/db'
import { listApprovedComments } from '@/db/queries/comments'
import { type PostSummaryRow, findPublishedPostBySlug, findRedirectedSlug, findTagBySlug, listPublishedPosts, listTagsOfPost } from '@/db/queries/posts'
import { avatarFor } from '@/lib/avatar'
import { buildCommentTree, type CommentNode } from '@/lib/comments/tree'
import { renderCommentMarkdown, renderPostMarkdown } from '@/lib/markdown/render'
import { getSiteSettings, type SiteSettings } from '@/lib/settings'

// Views are plain, serializable data (strings, numbers, arrays): what a public page needs and
// nothing more, ready to be cached as it is. They never carry an email address.

export interface PostSummary {
  slug: string
  title: string
  excerpt: string | null
  publishedAt: string | null
  authorName: string
  commentCount: number
}

export interface HomeView {
  site: SiteSettings
  page: number
  posts: PostSummary[]
  hasPrevious: boolean
  hasNext: boolean
}

const ANONYMOUS = 'Anonymous'

/** Page `page` (1-based) of the published posts, or null when that page does not exist. Public. */
export async function loadHomeView(page: number, db: DB = getDb()): Promise<HomeView | null> {
  if (!Number.isSafeInteger(page) || page < 1) return null
  const site = await getSiteSettings(db)
  const size = site.postsPerPage
  const rows = await listPublishedPosts({ limit: size + 1, offset: (page - 1) * size }, db)
  if (page > 1 && rows.length === 0) return null
  return {
    site,
    page,
    hasPrevious: page > 1,
    hasNext: rows.length > size,
    posts: rows.slice(0, size).map(toSummary),
  }
}

function toSummary(r: PostSummaryRow): PostSummary {
  return {
    slug: r.slug,
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    authorName: r.authorName ?? ANONYMOUS,
    commentCount: r.commentCount,
  }
}

export interface TagView extends HomeView {
  tag: { slug: string; name: string }
}

/** Page `page` of a tag's published posts, or null when the tag or the page does not exist. Public. */
export async function loadTagView(slug: string, page: number, db: DB = getDb()): Promise<TagView | null> {
  if (!Number.isSafeInteger(page) || page < 1) return null
  const tag = await findTagBySlug(slug, db)
  if (!tag) return null
  const site = await getSiteSettings(db)
  const size = site.postsPerPage
  const rows = await listPublishedPosts({ limit: size + 1, offset: (page - 1) * size, tagSlug: slug }, db)
  if (page > 1 && rows.length === 0) return null
  return { tag, site, page, hasPrevious: page > 1, hasNext: rows.length > size, posts: rows.slice(0, size).map(toSummary) }
}

export interface CommentView {
  id: number
  parentId: number | null
  authorName: string
  avatar: { initials: string; colour: number }
  html: string
  createdAt: string
  edited: boolean
  /** Deleted by its author but kept, as "[deleted]", because it has replies. */
  deleted: boolean
}

export const DELETED_ACCOUNT = 'Deleted account'
export const DELETED_TEXT = '[deleted]'

/** Drops deleted comments that no longer hold up a reply. */
function pruneDeleted(nodes: CommentNode<CommentView>[]): CommentNode<CommentView>[] {
  return nodes
    .map((node) => ({ ...node, replies: pruneDeleted(node.replies) }))
    .filter((node) => !node.comment.deleted || node.replies.length > 0)
}

function countComments(nodes: CommentNode<CommentView>[]): number {
  return nodes.reduce((n, node) => n + (node.comment.deleted ? 0 : 1) + countComments(node.replies), 0)
}

export interface PostView {
  site: SiteSettings
  post: {
    id: number
    slug: string
    title: string
    html: string
    excerpt: string | null
    publishedAt: string | null
    updatedAt: string
    authorName: string
    /** Minutes to read, at 230 words a minute; at least 1. */
    readingMinutes: number
    commentsOpen: boolean
    featuredImage: { url: string; alt: string; caption: string | null; credit: string | null; creditUrl: string | null } | null
    tags: { slug: string; name: string }[]
  }
  commentCount: number
  comments: CommentNode<CommentView>[]
}

/** A published post with its approved comment tree, or null if no such published post. Public. */
export async function loadPostView(slug: string, db: DB = getDb()): Promise<PostView | null> {
  const site = await getSiteSettings(db)
  const row = await findPublishedPostBySlug(slug, db)
  if (!row) return null
  const tags = await listTagsOfPost(row.id, db)
  const commentRows = await listApprovedComments(row.id, db)
  const comments = commentRows.map((c): CommentView => {
    const deleted = c.deletedAt !== null
    const authorName = deleted ? DELETED_TEXT : c.authorDeletedAt ? DELETED_ACCOUNT : (c.authorName ?? ANONYMOUS)
    return {
      id: c.id,
      parentId: c.parentId,
      authorName,
      avatar: avatarFor(deleted || c.authorDeletedAt ? '?' : authorName),
      html: deleted ? `<p>${DELETED_TEXT}</p>` : renderCommentMarkdown(c.body),
      createdAt: c.createdAt.toISOString(),
      edited: c.editedAt !== null,
      deleted,
    }
  })
  const tree = pruneDeleted(buildCommentTree(comments))
  return {
    site,
    post: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      html: renderPostMarkdown(row.body),
      excerpt: row.excerpt,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      authorName: row.authorName ?? ANONYMOUS,
      readingMinutes: Math.max(1, Math.round(row.body.split(/\s+/).filter(Boolean).length / 230)),
      commentsOpen: row.commentsOpen,
      featuredImage: row.featuredImageUrl
        ? {
            url: row.featuredImageUrl,
            alt: row.featuredImageAlt ?? '',
            caption: row.featuredImageCaption,
            credit: row.featuredImageCredit,
            creditUrl: row.featuredImageCreditUrl,
          }
        : null,
      tags,
    },
    commentCount: countComments(tree),
    comments: tree,
  }
}

/** Where an old address of a post now lives (its slug changed after publishing), if anywhere. Public. */
export async function findMovedPost(slug: string, db: DB = getDb()): Promise<string | null> {
  return (await findRedirectedSlug(slug, db)) ?? null
}
