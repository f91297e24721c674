import { describe, expect, it } from 'vitest'
import { buildCommentTree } from '@/lib/comments/tree'
import { blogPostingJsonLd } from './structured-data'
import type { CommentView, PostView } from './views'

const comment = (id: number, parentId: number | null, html: string, deleted = false): CommentView => ({
  id,
  parentId,
  authorName: deleted ? '[deleted]' : `Reader ${id}`,
  authorUrl: null,
  avatar: { initials: 'R', colour: 0 },
  html,
  createdAt: '2020-01-01T00:00:00.000Z',
  edited: false,
  collapsedReplies: 0,
  deleted,
})

describe('blogPostingJsonLd', () => {
  it('describes the post, its image credit and its comments, and cannot close the script', () => {
    const view = {
      site: {},
      commentCount: 2,
      comments: buildCommentTree([
        comment(1, null, '<p>[deleted]</p>', true),
        comment(2, 1, '<p>Fish &amp; chips</p>'),
        comment(3, null, '<p>&lt;/script&gt;&lt;script&gt;alert(1)</p>'),
      ]),
      post: {
        slug: 's',
        title: 'T </script>',
        publishedAt: '2020-01-01T00:00:00.000Z',
        updatedAt: '2020-01-02T00:00:00.000Z',
        authorName: 'Ann',
        excerpt: 'E',
        tags: [{ slug: 'a', name: 'A' }],
        featuredImage: { url: '/i.svg', alt: 'x', caption: null, credit: 'Mark Hunter', creditUrl: null },
      },
    } as unknown as PostView
    const json = blogPostingJsonLd(view)
    expect(json).not.toContain('</script')
    const data = JSON.parse(json)
    expect(data).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'T </script>',
      commentCount: 2,
      image: { creditText: 'Mark Hunter' },
    })
    expect(data.comment.map((c: { text: string }) => c.text)).toEqual(['Fish & chips', '</script><script>alert(1)'])
  })
})
