import Link from 'next/link'
import { AdminNotices, AdminTable, listHref, StatusTabs } from '@/app/_ui/admin-parts'
import { moderationWords } from '@/app/_ui/moderation-buttons'
import { loadMentionQueue } from '@/lib/mentions/moderation'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { postPath } from '@/lib/paths'
import { COMMENT_STATUSES } from '@/lib/vocabulary'
import { moderateMentionAction } from './actions'
import { translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.mentions', 'title')

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Other pages that link to posts (pingbacks, trackbacks), moderated as comments are. */
export default async function MentionsQueue({ searchParams }: Props) {
  const raw = await searchParams
  const viewer = await requirePageCapability('comments.moderate', '/admin/mentions')
  const locale = await getSiteLocale()
  const { query, counts, mentions, hasNext } = await loadMentionQueue(viewer, raw)
  const here = (change: Record<string, string | number | undefined>) =>
    listHref('/admin/mentions', { status: query.status, page: query.page }, change)
  const t = translator(locale.language, 'admin.mentions')
  const words = moderationWords(locale.language)

  return (
    <main id="main" className="page page--wide">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <StatusTabs
        label={t('statusNav')}
        statuses={COMMENT_STATUSES}
        current={query.status}
        counts={counts}
        labels={words.statuses}
        href={(s) => here({ status: s, page: 1 })}
      />
      <AdminNotices query={raw} />
      {mentions.length === 0 ? (
        <p>{t(`empty.${query.status}`)}</p>
      ) : (
        <form action={moderateMentionAction}>
          <input type="hidden" name="returnTo" value={here({})} />
          <AdminTable
            caption={t(`caption.${query.status}`)}
            columns={[t('columns.page'), t('columns.on'), t('columns.actions')]}
          >
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
                  <span className="muted">({t(`kind.${m.kind}`)})</span>
                </td>
                <td>
                  <Link href={postPath(m.postSlug)}>{m.postTitle}</Link>
                </td>
                <td className="admin-table__actions">
                  {words.buttons[query.status].map(([action, text]) => (
                    <button
                      key={action}
                      type="submit"
                      name="one"
                      value={`${action}:${m.id}`}
                      className="link-button"
                      aria-label={t('buttonLabel', { action: text, title: m.title })}
                    >
                      {text}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </AdminTable>
        </form>
      )}
      <nav className="pagination" aria-label={t('more')}>
        {hasNext ? <Link href={here({ page: query.page + 1 })}>{t('older')}</Link> : null}
        {query.page > 1 ? <Link href={here({ page: query.page - 1 })}>{t('newer')}</Link> : null}
      </nav>
    </main>
  )
}
