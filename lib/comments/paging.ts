import type { DB } from '@/db'
import { listApprovedCommentSkeleton } from '@/db/queries/comments'
import type { SiteSettings } from '@/lib/settings'
import { buildCommentTree, type CommentNode } from './tree'

// Large conversations: a post shows its top-level threads a page at a time, and a branch deeper than
// the page shows is collapsed behind "continue this thread", which opens that branch on its own.
// Everything here works on the skeleton of the tree (ids and parents), so a post with thousands of
// comments loads the full text only of the comments one page shows.

/** Levels of nesting a page shows (top level is 0); replies below the last level are collapsed. */
export const SHOWN_LEVELS = 5

export interface SkeletonComment {
  id: number
  parentId: number | null
  /** Deleted by its author; kept only while it holds up a reply. */
  deleted: boolean
}

export interface CommentPaging {
  perPage: number
  order: 'oldest' | 'newest'
}

type Node = CommentNode<SkeletonComment>

/** Drops deleted comments that no longer hold up a reply. */
function prune(nodes: Node[]): Node[] {
  return nodes
    .map((n) => ({ ...n, replies: prune(n.replies) }))
    .filter((n) => !n.comment.deleted || n.replies.length > 0)
}

const countLive = (nodes: Node[]): number =>
  nodes.reduce((n, node) => n + (node.comment.deleted ? 0 : 1) + countLive(node.replies), 0)
const countAll = (nodes: Node[]): number => nodes.reduce((n, node) => n + 1 + countAll(node.replies), 0)

export interface CommentLayout {
  /** Comments readers see (not counting "[deleted]" placeholders). */
  count: number
  pageCount: number
  /** Top-level threads in reading order. */
  roots: Node[]
}

/** The pruned tree of a post's approved comments (oldest first in `rows`), top level in page order. */
export function layoutComments(rows: SkeletonComment[], paging: CommentPaging): CommentLayout {
  const tree = prune(buildCommentTree(rows))
  const roots = paging.order === 'newest' ? [...tree].reverse() : tree
  return { count: countLive(tree), pageCount: Math.max(1, Math.ceil(roots.length / paging.perPage)), roots }
}

export interface ShownComments {
  /** Every comment whose text the page shows. */
  ids: number[]
  /** Comments whose replies are collapsed, with how many comments are behind "continue this thread". */
  collapsed: Map<number, number>
}

/** What one page (or one continued thread) shows of `nodes`, SHOWN_LEVELS deep. */
export function shownComments(nodes: Node[]): ShownComments {
  const ids: number[] = []
  const collapsed = new Map<number, number>()
  const walk = (list: Node[], level: number) => {
    for (const node of list) {
      ids.push(node.comment.id)
      if (node.replies.length === 0) continue
      if (level + 1 < SHOWN_LEVELS) walk(node.replies, level + 1)
      else collapsed.set(node.comment.id, countAll(node.replies))
    }
  }
  walk(nodes, 0)
  return { ids, collapsed }
}

/** The top-level threads on page `page` (1-based), or null when there is no such page. */
export function rootsOnPage(layout: CommentLayout, page: number, paging: CommentPaging): Node[] | null {
  if (!Number.isSafeInteger(page) || page < 1 || page > layout.pageCount) return null
  return layout.roots.slice((page - 1) * paging.perPage, page * paging.perPage)
}

/** A comment and its replies, for a continued thread; null when it is not in the tree. */
export function findBranch(layout: CommentLayout, id: number): Node | null {
  const search = (list: Node[]): Node | null => {
    for (const node of list) {
      if (node.comment.id === id) return node
      const found = search(node.replies)
      if (found) return found
    }
    return null
  }
  return search(layout.roots)
}

/**
 * Where a comment is shown: the page of its top-level thread, or — when it sits deeper than a page
 * shows — the continued thread of its deepest collapsed ancestor that a page links to.
 */
export function locateComment(
  layout: CommentLayout,
  id: number,
  paging: CommentPaging,
): { page: number; thread: number | null } | null {
  const path: Node[] = []
  const search = (list: Node[]): boolean => {
    for (const node of list) {
      path.push(node)
      if (node.comment.id === id || search(node.replies)) return true
      path.pop()
    }
    return false
  }
  if (!search(layout.roots)) return null
  const page = Math.floor(layout.roots.indexOf(path[0]) / paging.perPage) + 1
  // A page shows levels 0…SHOWN_LEVELS-1; a continued thread rooted at level L shows L…L+SHOWN_LEVELS-1.
  let thread: number | null = null
  let top = 0
  while (path.length - 1 >= top + SHOWN_LEVELS) {
    const root = path[top + SHOWN_LEVELS - 1]
    thread = root.comment.id
    top = top + SHOWN_LEVELS - 1
  }
  return { page, thread }
}

/** A post's comment layout as the site's settings page it: one query, for the skeleton. */
export async function loadCommentLayout(
  postId: number,
  site: SiteSettings,
  db: DB,
): Promise<{ layout: CommentLayout; paging: CommentPaging }> {
  const paging: CommentPaging = { perPage: site.commentsPerPage, order: site.commentOrder }
  const skeleton = await listApprovedCommentSkeleton(db, postId)
  const layout = layoutComments(
    skeleton.map((c) => ({ id: c.id, parentId: c.parentId, deleted: c.deletedAt !== null })),
    paging,
  )
  return { layout, paging }
}
