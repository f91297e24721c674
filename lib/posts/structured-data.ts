import type { CommentNode } from '@/lib/comments/tree'
import type { CommentView, PostView } from './views'

// schema.org BlogPosting for search engines, with the approved comments as Comment objects: the
// conversation is in the page, so it can be indexed (which comment widgets cannot offer). Only the
// first comments are described, so a long thread does not double its page's size; commentCount
// still counts them all.
const MAX_DESCRIBED_COMMENTS = 50

function flatten(nodes: CommentNode<CommentView>[]): CommentView[] {
  return nodes.flatMap((n) => [...(n.comment.deleted ? [] : [n.comment]), ...flatten(n.replies)])
}

const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#?\w+;/g, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'" })[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim()

/** The JSON-LD of a post page, safe to put inside a <script> element. */
export function blogPostingJsonLd(view: PostView): string {
  const { post } = view
  const url = `/posts/${post.slug}`
  const data = {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    url,
    mainEntityOfPage: url,
    datePublished: post.publishedAt ?? undefined,
    dateModified: post.updatedAt,
    author: { '@type': 'Person', name: post.authorName },
    description: post.excerpt ?? undefined,
    keywords: post.tags.map((t) => t.name).join(', ') || undefined,
    image: post.featuredImage
      ? {
          '@type': 'ImageObject',
          url: post.featuredImage.url,
          caption: post.featuredImage.caption ?? undefined,
          creditText: post.featuredImage.credit ?? undefined,
        }
      : undefined,
    commentCount: view.commentCount,
    comment: flatten(view.comments)
      .slice(0, MAX_DESCRIBED_COMMENTS)
      .map((c) => ({
        '@type': 'Comment',
        url: `${url}#comment-${c.id}`,
        dateCreated: c.createdAt,
        author: { '@type': 'Person', name: c.authorName },
        text: text(c.html),
      })),
  }
  return JSON.stringify(data).replace(/</g, '\\u003c')
}
