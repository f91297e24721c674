'use client'

// A client component so the page's RSC payload carries the comments as compact data rather than as a
// second copy of the whole element tree; the server still renders every comment into the HTML, and
// everything works without JavaScript. With it, Reply opens the form in place, a new comment shows
// at once, and the person's own comments get Edit and Delete.

import { useEffect } from 'react'
import { useTranslations } from 'next-intl'
import type { CommentNode } from '@/lib/comments/tree'
import { replyPath, shortCommentPath, threadPath } from '@/lib/paths'
import { type SiteLocale, formatDateTime } from '@/lib/dates'
import type { CommentView } from '@/lib/posts/views'
import { Avatar } from '../avatar'
import { CommentForm } from './comment-form'
import { DeleteCommentButton } from './own-comments'
import { commentStore, useCommentState, type OptimisticComment } from './store'

interface ThreadProps {
  slug: string
  postId: number
  /** The site's time zone and formats, for each comment's date. */
  locale: SiteLocale
}

function Pending({ items }: { items: OptimisticComment[] }) {
  const t = useTranslations('client.comments')
  if (items.length === 0) return null
  return (
    <ol className="comment-list comment-list--replies comment-list--pending">
      {items.map((c) => (
        <li key={c.tempId} className="comment comment--pending" aria-busy="true">
          <article className="comment__body" aria-label={t('beingPosted')}>
            <header className="comment__meta">
              <span className="comment__author">{c.authorName}</span>
              <span className="comment__edited">{t('posting')}</span>
            </header>
            <div className="comment__text prose">
              {c.body.split(/\n{2,}/).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
          </article>
        </li>
      ))}
    </ol>
  )
}

function CommentItem({ node, slug, postId, locale }: { node: CommentNode<CommentView> } & ThreadProps) {
  const c = node.comment
  const respond = useCommentState((s) => s.respond)
  const replyTo = useCommentState((s) => s.replyTo)
  const optimistic = useCommentState((s) => s.optimistic)
  const viewer = respond?.viewer
  const own = respond?.ownComments.find((o) => o.id === c.id)
  const mine = optimistic.filter((o) => o.parentId === c.id)
  const t = useTranslations('client.comments')

  return (
    <li id={`comment-${c.id}`} className="comment" tabIndex={-1}>
      <article className="comment__body" aria-label={t('by', { author: c.authorName })}>
        <header className="comment__meta">
          <Avatar {...c.avatar} />
          <span className="comment__author">
            {c.authorUrl ? (
              <a href={c.authorUrl} rel="nofollow ugc noopener">
                {c.authorName}
              </a>
            ) : (
              c.authorName
            )}
          </span>
          <a className="comment__permalink" href={`#comment-${c.id}`}>
            <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
          </a>
          {c.edited && !c.deleted ? <span className="comment__edited">{t('edited')}</span> : null}
        </header>
        <div className="comment__text prose" dangerouslySetInnerHTML={{ __html: c.html }} />
        {c.deleted ? null : (
          <footer className="comment__actions">
            <a
              className="comment__reply"
              href={replyPath(slug, { to: c.id })}
              aria-label={t('replyTo', { author: c.authorName })}
              onClick={(event) => {
                if (!viewer || viewer.banned) return
                event.preventDefault()
                commentStore.update({ replyTo: c.id })
              }}
            >
              {t('reply')}
            </a>
            {own?.editableUntil ? <a href={`${replyPath(slug, { edit: c.id })}#respond`}>{t('edit')}</a> : null}
            {own ? <DeleteCommentButton commentId={c.id} /> : null}
          </footer>
        )}
        {replyTo === c.id && viewer ? (
          <div className="comment__reply-form">
            <CommentForm
              postId={postId}
              parentId={c.id}
              formToken={respond?.formToken ?? null}
              authorName={viewer.name}
              label={t('replyTo', { author: c.authorName })}
              autoFocus
              onCancel={() => commentStore.update({ replyTo: null })}
            />
          </div>
        ) : null}
      </article>
      {c.collapsedReplies > 0 ? (
        <p className="comment__continue">
          <a href={`${threadPath(slug, c.id)}#comment-${c.id}`}>
            {t('continueThread')}{' '}
            <span className="comment__continue-count">{t('moreReplies', { count: c.collapsedReplies })}</span>
          </a>
        </p>
      ) : null}
      {node.replies.length > 0 ? (
        <ol className="comment-list comment-list--replies">
          {node.replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} slug={slug} postId={postId} locale={locale} />
          ))}
        </ol>
      ) : null}
      <Pending items={mine} />
    </li>
  )
}

/** The approved comments of a post as nested ordered lists, replies under their parents. */
export function CommentThread({
  comments,
  slug,
  postId,
  locale,
}: { comments: CommentNode<CommentView>[] } & ThreadProps) {
  const optimistic = useCommentState((s) => s.optimistic)

  // New server data means a posted comment arrived for real: drop the optimistic copies, close the
  // in-place form and move focus to the comment the address points at.
  useEffect(() => {
    commentStore.update({ optimistic: [], replyTo: null })
    const id = /^#comment-(\d+)$/.exec(window.location.hash)?.[1]
    const target = id ? document.getElementById(`comment-${id}`) : null
    // A link to a comment on another page of this conversation (an old #comment-ID link, an imported
    // WordPress comment's old anchor, or one just posted): its short link knows where it is.
    if (id && !target) window.location.replace(`${shortCommentPath(Number(id))}?post=${postId}`)
    target?.focus()
  }, [comments, postId])

  return (
    <>
      <ol className="comment-list">
        {comments.map((node) => (
          <CommentItem key={node.comment.id} node={node} slug={slug} postId={postId} locale={locale} />
        ))}
      </ol>
      <Pending items={optimistic.filter((o) => o.parentId === null)} />
    </>
  )
}
