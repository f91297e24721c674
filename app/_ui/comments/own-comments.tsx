'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { deleteCommentAction } from '@/app/(site)/posts/[slug]/actions'
import { type SiteLocale, formatDateTime } from '@/lib/dates'
import { idle } from '@/lib/forms/state'
import type { OwnComment } from '@/lib/comments/respond'
import { replyPath } from '@/lib/paths'

export function DeleteCommentButton({ commentId, label }: { commentId: number; label?: string }) {
  const [state, formAction, pending] = useActionState(deleteCommentAction, idle)
  const t = useTranslations('client.comments')
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="commentId" value={commentId} />
      <button type="submit" className="link-button" disabled={pending}>
        {pending ? t('deleting') : (label ?? t('delete'))}
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
export function OwnComments({ slug, comments, locale }: { slug: string; comments: OwnComment[]; locale: SiteLocale }) {
  const t = useTranslations('client.comments')
  if (comments.length === 0) return null
  return (
    <section id="your-comments" className="own-comments" aria-labelledby="your-comments-title">
      <h3 id="your-comments-title">{t('yours')}</h3>
      <ul>
        {comments.map((c) => (
          <li key={c.id} id={`your-comment-${c.id}`}>
            <p className="own-comments__text">{c.excerpt}</p>
            {/* A div: the Delete button is a form, which may not sit in a <p> (the browser would close it, and hydration would not match). */}
            <div className="own-comments__meta">
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
              {c.awaitingModeration ? <strong className="badge">{t('awaiting')}</strong> : null}
              {c.editableUntil ? <a href={`${replyPath(slug, { edit: c.id })}#respond`}>{t('edit')}</a> : null}
              <DeleteCommentButton commentId={c.id} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
