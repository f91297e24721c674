import type { Metadata } from 'next'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { loadUnconfirmedComment } from '@/lib/comments/written-first'
import { postPath } from '@/lib/paths'
import { confirmCommentAction } from './actions'

export const instant = false
export const metadata: Metadata = { title: 'Confirm your comment', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// Opened from the confirmation mail. A GET changes nothing (a mail scanner may follow the link):
// the button posts the comment and signs its writer in.
export default async function ConfirmCommentPage({ searchParams }: Props) {
  const query = await searchParams
  const comment = await loadUnconfirmedComment(query.token)
  const refused = typeof query.refused === 'string' ? query.refused.slice(0, 300) : null
  const site = await cachedSiteInfo()
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>Confirm your comment</h1>
        {refused ? (
          <p role="alert" className="form-error">
            {refused}
          </p>
        ) : null}
        {comment ? (
          <form action={confirmCommentAction} className="stack">
            <input type="hidden" name="token" value={String(query.token)} />
            <p>
              Your comment on <a href={postPath(comment.postSlug)}>“{comment.postTitle}”</a>, as {comment.name}:
            </p>
            <blockquote className="mail-text">{comment.body}</blockquote>
            <p>Posting it signs you in as {comment.name} on this browser.</p>
            <button type="submit" className="button">
              Post my comment
            </button>
          </form>
        ) : refused ? null : (
          <p role="alert">This confirmation link has expired or was used already, so nothing was posted. Comments wait 7 days for their confirmation: write it again below the post.</p>
        )}
      </main>
      <SiteFooter site={site} />
    </>
  )
}
