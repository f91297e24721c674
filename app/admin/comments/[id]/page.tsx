import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AdminNotices } from '@/app/_ui/admin-parts'
import { ModeratorCommentForm } from '@/app/_ui/moderator-forms'
import { loadCommentForModeration } from '@/lib/comments/moderation'
import { requirePageCapability } from '@/lib/auth/guard'
import { shortCommentPath } from '@/lib/paths'
import { issueFormToken } from '@/lib/comments/form-token'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadKeptForm } from '@/lib/forms/kept'
import { moderateAction } from '../actions'
import { translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'
import { commentIsThreaded } from '@/lib/comments/visibility'

// One comment in the admin: read it whole, edit its text, reply to it (approving it if it waits).
export const instant = false
export const generateMetadata = titled('admin.comments.one', 'title')

// What a moderation email's links ask for: shown here with the button that does it.
const CONFIRM = {
  approve: { from: 'pending', ask: 'approveAsk', button: 'approveButton' },
  spam: { from: 'pending', ask: 'spamAsk', button: 'spamButton' },
} as const

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function ModerateCommentPage({ params, searchParams }: Props) {
  const { id } = await params
  const viewer = await requirePageCapability('comments.moderate', `/admin/comments/${id}`)
  const locale = await getSiteLocale()
  const comment = await loadCommentForModeration(viewer, id)
  if (!comment) notFound()
  const t = translator(locale.language, 'admin.comments.one')
  const author = comment.authorName ?? translator(locale.language, 'people')('anonymous')
  const query = await searchParams
  const kept = await loadKeptForm(viewer.id, query.form)
  const asked = query.confirm === 'approve' || query.confirm === 'spam' ? CONFIRM[query.confirm] : null

  return (
    <main id="main" className="page page--wide">
      <p>
        <Link href={`/admin/comments?status=${comment.status}`}>{t(`back.${comment.status}`)}</Link>
      </p>
      <h1>{t('heading', { author, post: comment.postTitle })}</h1>
      <AdminNotices query={query} />
      <p className="muted">
        {t(`status.${comment.status}`)} ·{' '}
        <time dateTime={comment.createdAt.toISOString()}>
          {formatDateTime(comment.createdAt.toISOString(), locale)}
        </time>
        {commentIsThreaded(comment) ? (
          <>
            {' · '}
            <a href={shortCommentPath(comment.id)}>{translator(locale.language, 'admin.comments')('inContext')}</a>
          </>
        ) : null}
      </p>
      <blockquote className="prose" dangerouslySetInnerHTML={{ __html: comment.html }} />
      {asked && asked.from === comment.status ? (
        <form action={moderateAction} className="notice">
          <input type="hidden" name="one" value={`${query.confirm}:${comment.id}`} />
          <input type="hidden" name="returnTo" value={`/admin/comments/${comment.id}`} />
          <p>{t(asked.ask)}</p>
          <button type="submit" className="button">
            {t(asked.button)}
          </button>
        </form>
      ) : null}

      <section aria-labelledby="reply-title">
        <h2 id="reply-title">{commentIsThreaded(comment) ? t('reply') : t('approveAndReply')}</h2>
        <ModeratorCommentForm
          kind="reply"
          commentId={comment.id}
          initialBody=""
          label={t('replyLabel', { author, name: viewer.name })}
          submit={commentIsThreaded(comment) ? t('reply') : t('approveAndReply')}
          busy={t('saving')}
          formToken={issueFormToken()}
          restored={kept}
        />
      </section>
      <section aria-labelledby="edit-title">
        <h2 id="edit-title">{t('editTitle')}</h2>
        <ModeratorCommentForm
          kind="edit"
          commentId={comment.id}
          initialBody={comment.body}
          label={t('editLabel')}
          submit={t('saveText')}
          busy={t('saving')}
          restored={kept}
        />
      </section>
    </main>
  )
}
