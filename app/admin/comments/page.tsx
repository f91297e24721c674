import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminNotices, AdminTable, ListSearch, listHref, StatusTabs } from '@/app/_ui/admin-parts'
import { SelectAll } from '@/app/_ui/select-all'
import { loadModerationQueue } from '@/lib/admin/moderation'
import { MODERATION_BUTTONS, MODERATION_STATUS_LABELS } from '@/app/_ui/moderation-buttons'
import { requirePageCapability } from '@/lib/auth/guard'
import { shortCommentPath } from '@/lib/paths'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { COMMENT_STATUSES } from '@/lib/vocabulary'
import { moderateAction } from './actions'
import { UNNAMED } from '@/lib/auth/viewer'

export const instant = false
export const metadata: Metadata = { title: 'Comments' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length > 280 ? `${t.slice(0, 279)}…` : t
}

export default async function CommentsQueue({ searchParams }: Props) {
  const raw = await searchParams
  const viewer = await requirePageCapability('comments.moderate', '/admin/comments')
  const locale = await getSiteLocale()
  const { query, counts, comments, hasNext } = await loadModerationQueue(viewer, raw)
  const here = (change: Record<string, string | number | undefined>) =>
    listHref('/admin/comments', { status: query.status, post: query.post, author: query.author, q: query.q, page: query.page }, change)

  return (
    <main id="main" className="page page--wide">
      <h1>Comments</h1>
      <StatusTabs
        label="Comment status"
        statuses={COMMENT_STATUSES}
        current={query.status}
        counts={counts}
        labels={MODERATION_STATUS_LABELS}
        href={(s) => here({ status: s, page: 1 })}
      />
      <ListSearch language={locale.language} action="/admin/comments" label="Search comments" value={query.q} keep={{ status: query.status, post: query.post, author: query.author }} />
      {query.post || query.author ? (
        <p className="muted">
          Showing only the comments {query.post ? 'on one post' : ''}
          {query.post && query.author ? ' and ' : ''}
          {query.author ? 'by one author' : ''}. <Link href={here({ post: undefined, author: undefined, page: 1 })}>Show all comments</Link>
        </p>
      ) : null}
      <AdminNotices query={raw} />
      {comments.length === 0 ? (
        <p>No {MODERATION_STATUS_LABELS[query.status].toLowerCase()} comments{query.q ? ` match “${query.q}”` : ''}.</p>
      ) : (
        <form action={moderateAction}>
          <input type="hidden" name="returnTo" value={here({})} />
          <div className="bulk-actions">
            <SelectAll name="ids" />
            <span>With the selected:</span>
            {MODERATION_BUTTONS[query.status].map(([action, label]) => (
              <button key={action} type="submit" name="action" value={action} className="button button--secondary">
                {label}
              </button>
            ))}
          </div>
          <AdminTable caption={`${MODERATION_STATUS_LABELS[query.status]} comments, newest first`} columns={[<span key="select" className="visually-hidden">Select</span>, 'Author', 'Comment', 'On', 'Actions']}>
            {comments.map((c) => {
              const author = c.authorName ?? UNNAMED
              return (
                <tr key={c.id}>
                  <td>
                    <input type="checkbox" name="ids" value={c.id} aria-label={`Select the comment by ${author}`} />
                  </td>
                  <td>
                    <Link href={`/admin/comments/${c.id}`} aria-label={`Open the comment by ${author} to reply or edit`}>
                      {author}
                    </Link>
                    {c.authorKey && !query.author ? (
                      <>
                        <br />
                        <Link href={here({ author: c.authorKey, page: 1 })} className="muted">
                          All by {author}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <p className="admin-table__text">{excerpt(c.body)}</p>
                    <time className="muted" dateTime={c.createdAt.toISOString()}>
                      {formatDateTime(c.createdAt.toISOString(), locale)}
                    </time>
                  </td>
                  <td>
                    <Link href={here({ post: c.postId, page: 1 })}>{c.postTitle}</Link>
                    {c.status === 'approved' ? (
                      <>
                        {' · '}
                        <a href={shortCommentPath(c.id)}>View in context</a>
                      </>
                    ) : null}
                  </td>
                  <td className="admin-table__actions">
                    {MODERATION_BUTTONS[query.status].map(([action, label]) => (
                      <button
                        key={action}
                        type="submit"
                        name="one"
                        value={`${action}:${c.id}`}
                        className="link-button"
                        aria-label={`${label}: the comment by ${author}`}
                      >
                        {label}
                      </button>
                    ))}
                  </td>
                </tr>
              )
            })}
          </AdminTable>
        </form>
      )}
      <nav className="pagination" aria-label="More comments">
        {hasNext ? <Link href={here({ page: query.page + 1 })}>Older comments</Link> : null}
        {query.page > 1 ? <Link href={here({ page: query.page - 1 })}>Newer comments</Link> : null}
      </nav>
    </main>
  )
}
