import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AdminNotices } from '@/app/_ui/admin-parts'
import { ModeratorCommentForm } from '@/app/_ui/moderator-forms'
import { loadCommentForModeration } from '@/lib/admin/moderation'
import { requirePageCapability } from '@/lib/auth/guard'
import { shortCommentPath } from '@/lib/paths'
import { issueFormToken } from '@/lib/comments/form-token'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadKeptForm } from '@/lib/kept-forms'
import { moderateAction } from '../actions'
import { UNNAMED } from '@/lib/auth/viewer'

// One comment in the admin: read it whole, edit its text, reply to it (approving it if it waits).
export const instant = false
export const metadata: Metadata = { title: 'Comment' }

// What a moderation email's links ask for: shown here with the button that does it.
const CONFIRM: Record<string, { from: string; ask: string; button: string }> = {
  approve: { from: 'pending', ask: 'Approve this comment? It will appear on its post.', button: 'Approve' },
  spam: { from: 'pending', ask: 'Mark this comment as spam? It stays out of sight.', button: 'Mark as spam' },
}

const STATUS: Record<string, string> = { pending: 'Waiting for approval', approved: 'Approved', spam: 'Spam', trash: 'In the trash' }

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ModerateCommentPage({ params, searchParams }: Props) {
  const { id } = await params
  const viewer = await requirePageCapability('comments.moderate', `/admin/comments/${id}`)
  const locale = await getSiteLocale()
  const comment = await loadCommentForModeration(viewer, id)
  if (!comment) notFound()
  const author = comment.authorName ?? UNNAMED
  const query = await searchParams
  const kept = await loadKeptForm(viewer.id, query.form)

  return (
    <main id="main" className="page page--wide">
      <p>
        <Link href={`/admin/comments?status=${comment.status}`}>← {STATUS[comment.status]} comments</Link>
      </p>
      <h1>
        Comment by {author} on “{comment.postTitle}”
      </h1>
      <AdminNotices query={query} />
      <p className="muted">
        {STATUS[comment.status]} · <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt.toISOString(), locale)}</time>
        {comment.status === 'approved' ? (
          <>
            {' · '}
            <a href={shortCommentPath(comment.id)}>View in context</a>
          </>
        ) : null}
      </p>
      <blockquote className="prose" dangerouslySetInnerHTML={{ __html: comment.html }} />
      {typeof query.confirm === 'string' && CONFIRM[query.confirm]?.from === comment.status ? (
        <form action={moderateAction} className="notice">
          <input type="hidden" name="one" value={`${query.confirm}:${comment.id}`} />
          <input type="hidden" name="returnTo" value={`/admin/comments/${comment.id}`} />
          <p>{CONFIRM[query.confirm].ask}</p>
          <button type="submit" className="button">
            {CONFIRM[query.confirm].button}
          </button>
        </form>
      ) : null}

      <section aria-labelledby="reply-title">
        <h2 id="reply-title">{comment.status === 'approved' ? 'Reply' : 'Approve and reply'}</h2>
        <ModeratorCommentForm
          kind="reply"
          commentId={comment.id}
          initialBody=""
          label={`Your reply to ${author}, published at once as ${viewer.name}`}
          submit={comment.status === 'approved' ? 'Reply' : 'Approve and reply'}
          formToken={issueFormToken()}
          restored={kept}
        />
      </section>
      <section aria-labelledby="edit-title">
        <h2 id="edit-title">Edit the text</h2>
        <ModeratorCommentForm kind="edit" commentId={comment.id} initialBody={comment.body} label="Comment text (Markdown)" submit="Save text" restored={kept} />
      </section>
    </main>
  )
}
