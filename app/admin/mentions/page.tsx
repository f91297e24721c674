import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminNotices, AdminTable, listHref, StatusTabs } from '@/app/_ui/admin-parts'
import { MODERATION_BUTTONS, MODERATION_STATUS_LABELS } from '@/app/_ui/moderation-buttons'
import { loadMentionQueue } from '@/lib/admin/mentions'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { postPath } from '@/lib/paths'
import { COMMENT_STATUSES } from '@/lib/vocabulary'
import { moderateMentionAction } from './actions'

export const instant = false
export const metadata: Metadata = { title: 'Mentions' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Other pages that link to posts (pingbacks, trackbacks), moderated as comments are. */
export default async function MentionsQueue({ searchParams }: Props) {
  const raw = await searchParams
  const viewer = await requirePageCapability('comments.moderate', '/admin/mentions')
  const locale = await getSiteLocale()
  const { query, counts, mentions, hasNext } = await loadMentionQueue(viewer, raw)
  const here = (change: Record<string, string | number | undefined>) => listHref('/admin/mentions', { status: query.status, page: query.page }, change)
  const label = MODERATION_STATUS_LABELS[query.status]

  return (
    <main id="main" className="page page--wide">
      <h1>Mentions</h1>
      <p className="muted">Other pages that link to your posts (pingbacks and trackbacks). Approved ones are shown under the post’s comments.</p>
      <StatusTabs label="Mention status" statuses={COMMENT_STATUSES} current={query.status} counts={counts} labels={MODERATION_STATUS_LABELS} href={(s) => here({ status: s, page: 1 })} />
      <AdminNotices query={raw} />
      {mentions.length === 0 ? (
        <p>No {label.toLowerCase()} mentions.</p>
      ) : (
        <form action={moderateMentionAction}>
          <input type="hidden" name="returnTo" value={here({})} />
          <AdminTable caption={`${label} mentions, newest first`} columns={['Linking page', 'On', 'Actions']}>
            {mentions.map((m) => (
              <tr key={m.id}>
                <td>
                  <a href={m.sourceUrl} rel="nofollow ugc noopener">
                    {m.title}
                  </a>
                  {m.excerpt ? <p className="admin-table__text">{m.excerpt}</p> : null}
                  <time className="muted" dateTime={m.createdAt.toISOString()}>
                    {formatDateTime(m.createdAt.toISOString(), locale)}
                  </time>{' '}
                  <span className="muted">({m.kind})</span>
                </td>
                <td>
                  <Link href={postPath(m.postSlug)}>{m.postTitle}</Link>
                </td>
                <td className="admin-table__actions">
                  {MODERATION_BUTTONS[query.status].map(([action, text]) => (
                    <button key={action} type="submit" name="one" value={`${action}:${m.id}`} className="link-button" aria-label={`${text}: the mention on ${m.title}`}>
                      {text}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </AdminTable>
        </form>
      )}
      <nav className="pagination" aria-label="More mentions">
        {hasNext ? <Link href={here({ page: query.page + 1 })}>Older mentions</Link> : null}
        {query.page > 1 ? <Link href={here({ page: query.page - 1 })}>Newer mentions</Link> : null}
      </nav>
    </main>
  )
}
