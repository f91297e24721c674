'use client'

import { useEffect } from 'react'
import Link from 'next/link'
import { postPath, replyPath, signInPath } from '@/lib/paths'
import type { RespondState } from '@/lib/comments/respond'
import { CommentForm } from './comment-form'
import { OwnComments } from './own-comments'
import { commentStore, useCommentState } from './store'

/**
 * The "Leave a Reply" area of a cached post page. Rendered on the server the same for everyone
 * (a sign-in link that leads to the reply page, which works without JavaScript); in the browser it
 * asks who is signed in and becomes the comment form.
 */
export function RespondIsland({ postId, slug, commentsOpen, children }: { postId: number; slug: string; commentsOpen: boolean; children?: React.ReactNode }) {
  const state = useCommentState((s) => s.respond)

  useEffect(() => {
    let live = true
    fetch(`/api/posts/${postId}/respond`, { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<RespondState>) : null))
      .then((s) => live && s && commentStore.update({ respond: s }))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [postId])

  if (!commentsOpen) return <p>Comments are closed on this post.</p>
  const viewer = state?.viewer
  if (!state || !viewer) {
    return (
      <p>
        <a href={signInPath(state ? `${postPath(slug)}#respond` : replyPath(slug))}>Sign in to leave a reply</a>. Your email
        address is never published.
      </p>
    )
  }
  return (
    <>
      {children}
      {viewer.banned ? (
        <p role="status">Your account can no longer comment on this blog.</p>
      ) : (
        <>
          {!viewer.hasName ? (
            <p>
              You will appear as “{viewer.name}”. <Link href="/profile">Choose a display name</Link>.
            </p>
          ) : null}
          <CommentForm postId={postId} formToken={state.formToken} authorName={viewer.name} />
        </>
      )}
      <OwnComments slug={slug} comments={state.ownComments} />
    </>
  )
}

/** "Signed in as …" for the island, once it knows. */
export function SignedInAs() {
  const viewer = useCommentState((s) => s.respond?.viewer)
  if (!viewer) return null
  return (
    <>
      Signed in as <strong>{viewer.name}</strong>.{' '}
    </>
  )
}
