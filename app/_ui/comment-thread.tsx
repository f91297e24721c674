'use client'

// A client component so the page's RSC payload carries the comments as compact data rather than as a
// second copy of the whole element tree; the server still renders every comment into the HTML.

import type { CommentNode } from '@/lib/comments/tree'
import { formatDateTime } from '@/lib/dates'
import type { CommentView } from '@/lib/posts/views'
import { Avatar } from './avatar'

function CommentItem({ node }: { node: CommentNode<CommentView> }) {
  const c = node.comment
  return (
    <li id={`comment-${c.id}`} className="comment">
      <article className="comment__body" aria-label={`Comment by ${c.authorName}`}>
        <header className="comment__meta">
          <Avatar {...c.avatar} />
          <span className="comment__author">{c.authorName}</span>
          <a className="comment__permalink" href={`#comment-${c.id}`}>
            <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          </a>
          {c.edited ? <span className="comment__edited">(edited)</span> : null}
        </header>
        <div className="comment__text prose" dangerouslySetInnerHTML={{ __html: c.html }} />
        <footer className="comment__actions">
          <a className="comment__reply" href="#respond" aria-label={`Reply to ${c.authorName}`}>
            Reply
          </a>
        </footer>
      </article>
      {node.replies.length > 0 ? (
        <ol className="comment-list comment-list--replies">
          {node.replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} />
          ))}
        </ol>
      ) : null}
    </li>
  )
}

/** The approved comments of a post as nested ordered lists, replies under their parents. */
export function CommentThread({ comments }: { comments: CommentNode<CommentView>[] }) {
  return (
    <ol className="comment-list">
      {comments.map((node) => (
        <CommentItem key={node.comment.id} node={node} />
      ))}
    </ol>
  )
}
