import type { DB } from '@/db'
import { getDb } from '@/db'
import { listApprovedComments } from '@/db/queries/comments'
import type { PostKind } from '@/db/types'
import { listApprovedMentions } from '@/db/queries/mentions'
import {
  type PostFilter,
  type PostRow,
  type PostSummaryRow,
  findNeighbourPosts,
  findNextScheduledAt,
  findPublishedPostBySlug,
  findRedirectedSlug,
  listPublishedPosts,
  listRelatedPosts,
  listTagsOfPost,
} from '@/db/queries/posts'
import { type Language, translator } from '@/lib/i18n'
import { avatarFor } from '@/lib/avatar'
import { commentsAreOpen } from '@/lib/comments/open'
import { findBranch, loadCommentLayout, rootsOnPage, shownComments } from '@/lib/comments/paging'
import { buildCommentTree, type CommentNode } from '@/lib/comments/tree'
import { shownCommentHtml, shownPostHtml } from '@/lib/markdown/stored'
import { getSiteSettings, type SiteSettings } from '@/lib/settings'

// Views are plain, serializable data (strings, numbers, arrays): what a public page needs and
// nothing more, ready to be cached as it is. They never carry an email address.

export interface PostSummary {
  slug: string
  title: string
  excerpt: string | null
  publishedAt: string | null
  authorName: string
  /** The author's page slug, when they have one. */
  authorSlug: string | null
  commentCount: number
  /** Pinned to the top of the home page (shown there as such). */
  pinned: boolean
}

export interface HomeView {
  site: SiteSettings
  page: number
  posts: PostSummary[]
  hasPrevious: boolean
  hasNext: boolean
  /** Seconds this listing stays right: until the next scheduled post appears, at most a minute. */
  freshFor: number
}

/** A cached listing is looked at again at least every minute, and as a scheduled post comes due. */
export const LISTING_FRESH_SECONDS = 60

/** What a comment or post shows in place of a name: none chosen, a deleted account, a deleted comment (in the site's language). */
const namesIn = (language: Language) => translator(language, 'people')

/**
 * Page `page` (1-based) of the live posts a filter picks, newest first, or null when `page` is not a
 * page number. One query for the posts, their authors and comment counts. Public.
 */
export async function loadListing(
  filter: PostFilter & { pinnedFirst?: boolean },
  page: number,
  db: DB = getDb(),
): Promise<HomeView | null> {
  if (!Number.isSafeInteger(page) || page < 1) return null
  const site = await getSiteSettings(db)
  const size = site.postsPerPage
  // One more than a page tells whether there is a next one.
  const now = new Date()
  const rows = await listPublishedPosts(db, { limit: size + 1, offset: (page - 1) * size, now, ...filter })
  const due = await findNextScheduledAt(db, now)
  const freshFor = due
    ? Math.max(1, Math.min(LISTING_FRESH_SECONDS, Math.ceil((due.getTime() - now.getTime()) / 1000)))
    : LISTING_FRESH_SECONDS
  return {
    site,
    page,
    hasPrevious: page > 1,
    hasNext: rows.length > size,
    posts: rows
      .slice(0, size)
      .map((r) => ({ ...toSummary(r, site.language), pinned: Boolean(filter.pinnedFirst) && r.pinned })),
    freshFor,
  }
}

/** Page `page` of the published posts, pinned ones first, or null when that page does not exist. Public. */
export async function loadHomeView(page: number, db: DB = getDb()): Promise<HomeView | null> {
  const view = await loadListing({ pinnedFirst: true }, page, db)
  return view && (page === 1 || view.posts.length > 0) ? view : null
}

export function toSummary(r: PostSummaryRow, language: Language): PostSummary {
  return {
    slug: r.slug,
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    authorName: r.authorName ?? namesIn(language)('anonymous'),
    authorSlug: r.authorName ? r.authorSlug : null,
    commentCount: r.commentCount,
    pinned: r.pinned,
  }
}

export interface CommentView {
  id: number
  parentId: number | null
  authorName: string
  /** The website a guest gave with the comment (imported comments), linked from their name. */
  authorUrl: string | null
  avatar: { initials: string; colour: number }
  html: string
  createdAt: string
  edited: boolean
  /** Deleted by its author but kept, as "[deleted]", because it has replies. */
  deleted: boolean
  /** How many replies are collapsed behind "continue this thread" (0: none). */
  collapsedReplies: number
}

/** A link to another post: where and what it is called. */
export interface PostLink {
  slug: string
  title: string
}

export interface PostView {
  site: SiteSettings
  post: {
    id: number
    slug: string
    title: string
    /** A post, or a page (About, Contact): no byline, date or comments. */
    kind: PostKind
    html: string
    excerpt: string | null
    publishedAt: string | null
    updatedAt: string
    authorName: string
    authorSlug: string | null
    /** Minutes to read, at 230 words a minute; at least 1. */
    readingMinutes: number
    commentsOpen: boolean
    featuredImage: {
      url: string
      alt: string
      caption: string | null
      credit: string | null
      creditUrl: string | null
    } | null
    tags: { slug: string; name: string }[]
  }
  older: PostLink | null
  newer: PostLink | null
  related: PostLink[]
  /** All the approved comments readers see, on every page. */
  commentCount: number
  /** Other pages that link to the post (approved pingbacks, trackbacks), counted apart from comments; none on a thread's page. */
  mentions: { id: number; title: string; site: string; url: string; date: string }[]
  /** This page of top-level threads (1-based) and how many pages there are. */
  commentPage: number
  commentPageCount: number
  /** When showing one continued thread: the comment it starts at. */
  thread: { id: number; authorName: string } | null
  comments: CommentNode<CommentView>[]
}

/** A post as its page shows it, from its row (live, or a draft being previewed). */
export function postDetails(
  row: Omit<PostRow, 'status'>,
  tags: { slug: string; name: string }[],
  site: SiteSettings,
): PostView['post'] {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    html: shownPostHtml(row),
    excerpt: row.excerpt,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    authorName: row.authorName ?? namesIn(site.language)('anonymous'),
    authorSlug: row.authorName ? row.authorSlug : null,
    readingMinutes: Math.max(1, Math.round(row.body.split(/\s+/).filter(Boolean).length / 230)),
    commentsOpen: commentsAreOpen(row, site),
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
  }
}

/** Which part of a post's conversation to show: a page of threads, or one continued thread. */
export type CommentSelection = { page: number } | { thread: number }

/**
 * A published post with one page of its approved comment tree (or one continued thread), or null
 * if there is no such published post, page or thread. Public.
 */
export async function loadPostView(
  slug: string,
  selection: CommentSelection = { page: 1 },
  db: DB = getDb(),
): Promise<PostView | null> {
  const site = await getSiteSettings(db)
  const row = await findPublishedPostBySlug(db, slug, new Date())
  if (!row) return null
  const { layout, paging } = await loadCommentLayout(row.id, site, db)
  let nodes
  if ('thread' in selection) {
    const branch = findBranch(layout, selection.thread)
    nodes = branch ? [branch] : null
  } else {
    nodes = rootsOnPage(layout, selection.page, paging)
  }
  if (!nodes) return null
  const shown = shownComments(nodes)
  const [tags, commentRows, neighbours, related, mentionRows] = await Promise.all([
    listTagsOfPost(db, row.id),
    listApprovedComments(db, row.id, shown.ids),
    row.publishedAt
      ? findNeighbourPosts(db, { id: row.id, publishedAt: row.publishedAt })
      : { older: undefined, newer: undefined },
    listRelatedPosts(db, row.id, 3),
    'thread' in selection ? [] : listApprovedMentions(db, row.id),
  ])
  const names = namesIn(site.language)
  const comments = commentRows.map((c): CommentView => {
    const deleted = c.deletedAt !== null
    const authorName = deleted
      ? names('deletedText')
      : c.authorDeletedAt
        ? names('deletedAccount')
        : (c.authorName ?? names('anonymous'))
    return {
      id: c.id,
      parentId: c.parentId,
      authorName,
      authorUrl:
        deleted || c.authorDeletedAt || !c.authorUrl || !/^https?:\/\//i.test(c.authorUrl) ? null : c.authorUrl,
      avatar: avatarFor(deleted || c.authorDeletedAt ? '?' : authorName),
      html: deleted ? `<p>${names('deletedText')}</p>` : shownCommentHtml(c),
      createdAt: c.createdAt.toISOString(),
      edited: c.editedAt !== null,
      deleted,
      collapsedReplies: shown.collapsed.get(c.id) ?? 0,
    }
  })
  // The rows come oldest first; the page's top-level threads keep the layout's order.
  const order = new Map(nodes.map((n, i) => [n.comment.id, i]))
  const tree = buildCommentTree(comments)
    .filter((n) => order.has(n.comment.id))
    .sort((a, b) => order.get(a.comment.id)! - order.get(b.comment.id)!)
  const thread = 'thread' in selection ? tree[0] : null
  return {
    site,
    post: postDetails(row, tags, site),
    older: neighbours.older ?? null,
    newer: neighbours.newer ?? null,
    related,
    commentCount: layout.count,
    mentions: mentionRows.map((m) => ({
      id: m.id,
      title: m.title,
      site: siteOf(m.sourceUrl),
      url: m.sourceUrl,
      date: m.createdAt.toISOString(),
    })),
    commentPage: 'page' in selection ? selection.page : 1,
    commentPageCount: layout.pageCount,
    thread: thread ? { id: thread.comment.id, authorName: thread.comment.authorName } : null,
    comments: tree,
  }
}

const siteOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, '')
  } catch {
    return ''
  }
}

/** Where an old address of a post now lives (its slug changed after publishing), if anywhere. Public. */
export async function findMovedPost(slug: string, db: DB = getDb()): Promise<string | null> {
  return (await findRedirectedSlug(db, slug, new Date())) ?? null
}
