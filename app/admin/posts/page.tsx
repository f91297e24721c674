import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminNotices, AdminTable, ListSearch, listHref, StatusTabs } from '@/app/_ui/admin-parts'
import { requirePageCapability } from '@/lib/auth/guard'
import { pathOfKind } from '@/lib/paths'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadPostList } from '@/lib/posts/editing'
import type { PostStatus } from '@/lib/vocabulary'
import { postLifecycleAction } from './actions'

export const instant = false
export const metadata: Metadata = { title: 'Posts' }

const LABELS: Record<PostStatus, string> = { published: 'Published', scheduled: 'Scheduled', draft: 'Drafts', trash: 'Trash' }

export default async function PostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams
  const viewer = await requirePageCapability('posts.write', '/admin/posts')
  const locale = await getSiteLocale()
  const { query, counts, posts, hasNext, authors, tags } = await loadPostList(viewer, raw)
  const here = (change: Record<string, string | number | undefined>) =>
    listHref('/admin/posts', { status: query.status, q: query.q, author: query.author, tag: query.tag, page: query.page }, change)

  return (
    <main id="main" className="page page--wide">
      <h1>Posts</h1>
      <p>
        <Link href="/admin/posts/new" className="button">
          Write a new post
        </Link>{' '}
        <Link href="/admin/posts/new?kind=page" className="button button--secondary">
          Write a new page
        </Link>
      </p>
      <StatusTabs
        label="Post status"
        statuses={['published', 'scheduled', 'draft', 'trash'] as const}
        current={query.status}
        counts={counts}
        labels={LABELS}
        href={(s) => here({ status: s, page: 1 })}
      />
      <ListSearch action="/admin/posts" label="Search titles" value={query.q} keep={{ status: query.status, author: query.author, tag: query.tag }} />
      <form method="get" action="/admin/posts" className="search-form filter-form">
        <input type="hidden" name="status" value={query.status} />
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        {authors.length > 0 ? (
          <>
            <label htmlFor="filter-author">Author</label>
            <select id="filter-author" name="author" defaultValue={query.author ?? ''}>
              <option value="">Everyone</option>
              {authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label htmlFor="filter-tag">Tag</label>
        <select id="filter-tag" name="tag" defaultValue={query.tag ?? ''}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          Filter
        </button>
      </form>
      <AdminNotices query={raw} />
      {posts.length === 0 ? (
        <p>No {LABELS[query.status].toLowerCase()} posts here.</p>
      ) : (
        <AdminTable caption={`${LABELS[query.status]} posts, newest first`} columns={['Title', 'Author', 'Date', 'Actions']}>
          {posts.map((p) => {
            const when = (p.publishedAt ?? p.updatedAt).toISOString()
            return (
              <tr key={p.id}>
                <td>
                  {p.status === 'trash' ? p.title : <Link href={`/admin/posts/${p.id}`}>{p.title}</Link>}
                  {p.kind === 'page' ? <span className="muted"> (page)</span> : null}
                </td>
                <td>{p.authorName ?? '—'}</td>
                <td>
                  <time dateTime={when}>{formatDateTime(when, locale)}</time>
                </td>
                <td className="admin-table__actions">
                  {p.status === 'published' ? <a href={pathOfKind(p.kind, p.slug)}>View</a> : null}
                  <form action={postLifecycleAction} className="inline-form">
                    <input type="hidden" name="postId" value={p.id} />
                    {p.status === 'trash' ? (
                      <>
                        <button type="submit" name="action" value="restore" className="link-button" aria-label={`Restore “${p.title}”`}>
                          Restore
                        </button>{' '}
                        <button type="submit" name="action" value="delete" className="link-button" aria-label={`Delete “${p.title}” permanently`}>
                          Delete permanently
                        </button>
                      </>
                    ) : (
                      <button type="submit" name="action" value="trash" className="link-button" aria-label={`Move “${p.title}” to the trash`}>
                        Trash
                      </button>
                    )}
                  </form>
                </td>
              </tr>
            )
          })}
        </AdminTable>
      )}
      <nav className="pagination" aria-label="More posts">
        {hasNext ? <Link href={here({ page: query.page + 1 })}>Older posts</Link> : null}
        {query.page > 1 ? <Link href={here({ page: query.page - 1 })}>Newer posts</Link> : null}
      </nav>
    </main>
  )
}
