'use client'

import { useActionState } from 'react'
import { deleteCommentAction } from '@/app/(site)/posts/[slug]/actions'
import { type DateSettings, formatDateTime } from '@/lib/dates'
import { idle } from '@/lib/forms'
import type { OwnComment } from '@/lib/comments/respond'
import { replyPath } from '@/lib/paths'

export function DeleteCommentButton({ commentId, label = 'Delete' }: { commentId: number; label?: string }) {
  const [state, formAction, pending] = useActionState(deleteCommentAction, idle)
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="commentId" value={commentId} />
      <button type="submit" className="link-button" disabled={pending}>
        {pending ? 'Deleting…' : label}
      </button>
      {state.status === 'error' ? (
        <span role="alert" className="form-error">
          {state.message}
        </span>
      ) : null}
    </form>
  )
}

/** A person's own comments on a post, held ones marked "awaiting moderation", with edit and delete. */
export function OwnComments({ slug, comments, dates }: { slug: string; comments: OwnComment[]; dates: DateSettings }) {
  if (comments.length === 0) return null
  return (
    <section id="your-comments" className="own-comments" aria-labelledby="your-comments-title">
      <h3 id="your-comments-title">Your comments on this post</h3>
      <ul>
        {comments.map((c) => (
          <li key={c.id} id={`your-comment-${c.id}`}>
            <p className="own-comments__text">{c.excerpt}</p>
            {/* A div: the Delete button is a form, which may not sit in a <p> (the browser would close it, and hydration would not match). */}
            <div className="own-comments__meta">
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, dates)}</time>
              {c.awaitingModeration ? <strong className="badge">Awaiting moderation</strong> : null}
              {c.editableUntil ? <a href={`${replyPath(slug, { edit: c.id })}#respond`}>Edit</a> : null}
              <DeleteCommentButton commentId={c.id} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
