'use client'

import { useEffect, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { postPath, replyPath, signInPath } from '@/lib/paths'
import type { RespondState } from '@/lib/comments/respond'
import { CommentForm } from './comment-form'
import { GuestCommentForm } from './guest-comment-form'
import { OwnComments } from './own-comments'
import type { SiteLocale } from '@/lib/dates'
import { commentStore, useCommentState } from './store'

/**
 * The "Leave a Reply" area of a cached post page. Rendered on the server the same for everyone
 * (the signed-out form, and a sign-in link that leads to the reply page: both work without
 * JavaScript); in the browser it asks who is signed in and becomes their comment form.
 */
export function RespondIsland(props: {
  postId: number
  slug: string
  commentsOpen: boolean
  locale: SiteLocale
  children?: React.ReactNode
}) {
  const { postId, slug, commentsOpen, locale, children } = props
  const state = useCommentState((s) => s.respond)
  const carried = useCommentState((s) => s.carried)
  const t = useTranslations('client.comments')

  const area = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let live = true
    fetch(`/api/posts/${postId}/respond`, { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<RespondState>) : null))
      .then((s) => {
        if (!live || !s) return
        // Someone quick typed into the signed-out form before this answer came: keep their words.
        const typed = s.viewer
          ? (area.current?.querySelector<HTMLTextAreaElement>('textarea[name="body"]')?.value ?? '')
          : ''
        commentStore.update({ respond: s, carried: typed })
      })
      .catch(() => {})
    return () => {
      live = false
    }
  }, [postId])

  if (!commentsOpen) return <p>{t('closed')}</p>
  const viewer = state?.viewer
  if (!state || !viewer) {
    // Signed out (or not known yet, as without script): write first, confirm by email — or sign in.
    return (
      <div ref={area}>
        <GuestCommentForm postId={postId} slug={slug} formToken={state?.formToken} />
        <p>
          {t.rich('signInToReply', {
            link: (chunks) => <a href={signInPath(state ? `${postPath(slug)}#respond` : replyPath(slug))}>{chunks}</a>,
          })}
        </p>
      </div>
    )
  }
  return (
    <>
      {children}
      {viewer.banned ? (
        <p role="status">{t('banned')}</p>
      ) : (
        <>
          <CommentForm
            postId={postId}
            formToken={state.formToken}
            authorName={viewer.name}
            initialBody={carried}
            askName={!viewer.hasName}
          />
        </>
      )}
      <OwnComments slug={slug} comments={state.ownComments} locale={locale} />
    </>
  )
}

/** "Signed in as …" for the island, once it knows. */
export function SignedInAs() {
  const viewer = useCommentState((s) => s.respond?.viewer)
  const t = useTranslations('client.account')
  if (!viewer) return null
  return <>{t.rich('signedInAs', { name: () => <strong>{viewer.name}</strong> })} </>
}
