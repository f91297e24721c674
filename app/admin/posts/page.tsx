import Link from 'next/link'
import { AdminNotices, AdminTable, ListSearch, listHref, StatusTabs } from '@/app/_ui/admin-parts'
import { requirePageCapability } from '@/lib/auth/guard'
import { pathOfKind } from '@/lib/paths'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadPostList } from '@/lib/posts/editing'
import type { PostStatus } from '@/lib/vocabulary'
import { postLifecycleAction } from './actions'
import { translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.posts', 'title')

const STATUSES = ['published', 'scheduled', 'draft', 'trash'] as const satisfies readonly PostStatus[]

export default async function PostsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const raw = await searchParams
  const viewer = await requirePageCapability('posts.write', '/admin/posts')
  const locale = await getSiteLocale()
  const { query, counts, posts, hasNext, authors, tags } = await loadPostList(viewer, raw)
  const t = translator(locale.language, 'admin.posts')
  const labels = Object.fromEntries(STATUSES.map((s) => [s, t(`statuses.${s}`)])) as Record<PostStatus, string>
  const here = (change: Record<string, string | number | undefined>) =>
    listHref(
      '/admin/posts',
      { status: query.status, q: query.q, author: query.author, tag: query.tag, page: query.page },
      change,
    )

  return (
    <main id="main" className="page page--wide">
      <h1>{t('title')}</h1>
      <p>
        <Link href="/admin/posts/new" className="button">
          {t('newPost')}
        </Link>{' '}
        <Link href="/admin/posts/new?kind=page" className="button button--secondary">
          {t('newPage')}
        </Link>
      </p>
      <StatusTabs
        label={t('statusNav')}
        statuses={STATUSES}
        current={query.status}
        counts={counts}
        labels={labels}
        href={(s) => here({ status: s, page: 1 })}
      />
      <ListSearch
        language={locale.language}
        action="/admin/posts"
        label={t('searchTitles')}
        value={query.q}
        keep={{ status: query.status, author: query.author, tag: query.tag }}
      />
      <form method="get" action="/admin/posts" className="search-form filter-form">
        <input type="hidden" name="status" value={query.status} />
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        {authors.length > 0 ? (
          <>
            <label htmlFor="filter-author">{t('author')}</label>
            <select id="filter-author" name="author" defaultValue={query.author ?? ''}>
              <option value="">{t('everyone')}</option>
              {authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label htmlFor="filter-tag">{t('tag')}</label>
        <select id="filter-tag" name="tag" defaultValue={query.tag ?? ''}>
          <option value="">{t('anyTag')}</option>
          {tags.map((tag) => (
            <option key={tag.slug} value={tag.slug}>
              {tag.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t('filter')}
        </button>
      </form>
      <AdminNotices query={raw} />
      {posts.length === 0 ? (
        <p>{t(`empty.${query.status}`)}</p>
      ) : (
        <AdminTable
          caption={t('caption', { status: labels[query.status] })}
          columns={[t('columns.title'), t('columns.author'), t('columns.date'), t('columns.actions')]}
        >
          {posts.map((p) => {
            const when = (p.publishedAt ?? p.updatedAt).toISOString()
            return (
              <tr key={p.id}>
                <td>
                  {p.status === 'trash' ? p.title : <Link href={`/admin/posts/${p.id}`}>{p.title}</Link>}
                  {p.kind === 'page' ? <span className="muted"> {t('isPage')}</span> : null}
                </td>
                <td>{p.authorName ?? '—'}</td>
                <td>
                  <time dateTime={when}>{formatDateTime(when, locale)}</time>
                </td>
                <td className="admin-table__actions">
                  {p.status === 'published' ? <a href={pathOfKind(p.kind, p.slug)}>{t('view')}</a> : null}
                  <form action={postLifecycleAction} className="inline-form">
                    <input type="hidden" name="postId" value={p.id} />
                    {p.status === 'trash' ? (
                      <>
                        <button
                          type="submit"
                          name="action"
                          value="restore"
                          className="link-button"
                          aria-label={t('restoreLabel', { title: p.title })}
                        >
                          {t('restore')}
                        </button>{' '}
                        <button
                          type="submit"
                          name="action"
                          value="delete"
                          className="link-button"
                          aria-label={t('deleteLabel', { title: p.title })}
                        >
                          {t('delete')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="submit"
                        name="action"
                        value="trash"
                        className="link-button"
                        aria-label={t('trashLabel', { title: p.title })}
                      >
                        {t('trash')}
                      </button>
                    )}
                  </form>
                </td>
              </tr>
            )
          })}
        </AdminTable>
      )}
      <nav className="pagination" aria-label={t('more')}>
        {hasNext ? <Link href={here({ page: query.page + 1 })}>{t('older')}</Link> : null}
        {query.page > 1 ? <Link href={here({ page: query.page - 1 })}>{t('newer')}</Link> : null}
      </nav>
    </main>
  )
}
