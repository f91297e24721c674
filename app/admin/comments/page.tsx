import Link from 'next/link'
import { AdminNotices, AdminTable, ListSearch, listHref, StatusTabs } from '@/app/_ui/admin-parts'
import { SelectAll } from '@/app/_ui/select-all'
import { loadModerationQueue } from '@/lib/comments/moderation'
import { moderationWords } from '@/app/_ui/moderation-buttons'
import { requirePageCapability } from '@/lib/auth/guard'
import { shortCommentPath } from '@/lib/paths'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { COMMENT_STATUSES } from '@/lib/vocabulary'
import { moderateAction } from './actions'
import { translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'
import { commentIsThreaded } from '@/lib/comments/visibility'

export const instant = false
export const generateMetadata = titled('admin.comments', 'title')

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
    listHref(
      '/admin/comments',
      { status: query.status, post: query.post, author: query.author, q: query.q, page: query.page },
      change,
    )
  const t = translator(locale.language, 'admin.comments')
  const words = moderationWords(locale.language)
  const buttons = words.buttons[query.status]
  const anonymous = translator(locale.language, 'people')('anonymous')

  return (
    <main id="main" className="page page--wide">
      <h1>{t('title')}</h1>
      <StatusTabs
        label={t('statusNav')}
        statuses={COMMENT_STATUSES}
        current={query.status}
        counts={counts}
        labels={words.statuses}
        href={(s) => here({ status: s, page: 1 })}
      />
      <ListSearch
        language={locale.language}
        action="/admin/comments"
        label={t('search')}
        value={query.q}
        keep={{ status: query.status, post: query.post, author: query.author }}
      />
      {query.post || query.author ? (
        <p className="muted">
          {t(query.post && query.author ? 'onlyBoth' : query.post ? 'onlyPost' : 'onlyAuthor')}{' '}
          <Link href={here({ post: undefined, author: undefined, page: 1 })}>{t('showAll')}</Link>
        </p>
      ) : null}
      <AdminNotices query={raw} />
      {comments.length === 0 ? (
        <p>{query.q ? t(`emptyMatch.${query.status}`, { query: query.q }) : t(`empty.${query.status}`)}</p>
      ) : (
        <form action={moderateAction}>
          <input type="hidden" name="returnTo" value={here({})} />
          <div className="bulk-actions">
            <SelectAll name="ids" />
            <span>{words.withSelected}</span>
            {buttons.map(([action, label]) => (
              <button key={action} type="submit" name="action" value={action} className="button button--secondary">
                {label}
              </button>
            ))}
          </div>
          <AdminTable
            caption={t(`caption.${query.status}`)}
            columns={[
              <span key="select" className="visually-hidden">
                {words.select}
              </span>,
              t('columns.author'),
              t('columns.comment'),
              t('columns.on'),
              t('columns.actions'),
            ]}
          >
            {comments.map((c) => {
              const author = c.authorName ?? anonymous
              return (
                <tr key={c.id}>
                  <td>
                    <input type="checkbox" name="ids" value={c.id} aria-label={t('selectOne', { author })} />
                  </td>
                  <td>
                    <Link href={`/admin/comments/${c.id}`} aria-label={t('open', { author })}>
                      {author}
                    </Link>
                    {c.authorKey && !query.author ? (
                      <>
                        <br />
                        <Link href={here({ author: c.authorKey, page: 1 })} className="muted">
                          {t('allBy', { author })}
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
                    {commentIsThreaded(c) ? (
                      <>
                        {' · '}
                        <a href={shortCommentPath(c.id)}>{t('inContext')}</a>
                      </>
                    ) : null}
                  </td>
                  <td className="admin-table__actions">
                    {buttons.map(([action, label]) => (
                      <button
                        key={action}
                        type="submit"
                        name="one"
                        value={`${action}:${c.id}`}
                        className="link-button"
                        aria-label={t('buttonLabel', { action: label, author })}
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
      <nav className="pagination" aria-label={t('more')}>
        {hasNext ? <Link href={here({ page: query.page + 1 })}>{t('older')}</Link> : null}
        {query.page > 1 ? <Link href={here({ page: query.page - 1 })}>{t('newer')}</Link> : null}
      </nav>
    </main>
  )
}
