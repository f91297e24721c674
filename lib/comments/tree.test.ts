import { describe, expect, it } from 'vitest'
import { buildCommentTree } from './tree'

describe('buildCommentTree', () => {
  it('nests replies under their parents in order, with depths', () => {
    const tree = buildCommentTree([
      { id: 1, parentId: null },
      { id: 2, parentId: null },
      { id: 3, parentId: 2 },
      { id: 4, parentId: 3 },
      { id: 5, parentId: 2 },
    ])
    expect(tree.map((n) => n.comment.id)).toEqual([1, 2])
    expect(tree[1].replies.map((n) => n.comment.id)).toEqual([3, 5])
    expect(tree[1].replies[0].replies[0]).toMatchObject({ comment: { id: 4 }, depth: 2 })
  })

  it('keeps a reply whose parent is missing, at the top level', () => {
    const tree = buildCommentTree([{ id: 7, parentId: 99 }])
    expect(tree).toMatchObject([{ comment: { id: 7 }, depth: 0 }])
  })
})
