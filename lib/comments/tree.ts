export interface CommentNode<T> {
  comment: T
  depth: number
  replies: CommentNode<T>[]
}

/**
 * Builds flat comment rows (oldest first) into a tree: replies under their parents, in order.
 * A reply whose parent is not in the list (not approved, or gone) is shown at the top level so the
 * reply itself is never lost.
 */
export function buildCommentTree<T extends { id: number; parentId: number | null }>(rows: T[]): CommentNode<T>[] {
  const nodes = new Map<number, CommentNode<T>>()
  for (const comment of rows) nodes.set(comment.id, { comment, depth: 0, replies: [] })
  const roots: CommentNode<T>[] = []
  for (const node of nodes.values()) {
    const parent = node.comment.parentId === null ? undefined : nodes.get(node.comment.parentId)
    if (parent && parent !== node) parent.replies.push(node)
    else roots.push(node)
  }
  const setDepth = (list: CommentNode<T>[], depth: number) => {
    for (const node of list) {
      node.depth = depth
      setDepth(node.replies, depth + 1)
    }
  }
  setDepth(roots, 0)
  return roots
}
