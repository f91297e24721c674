import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AdminNotices, AdminTable } from '@/app/_ui/admin-parts'
import { restoreRevisionAction } from '@/app/admin/posts/actions'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadRevisions, type DiffPart } from '@/lib/posts/revisions'
import { parseId } from '@/lib/params'

export const instant = false
export const metadata: Metadata = { title: 'Revisions' }

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const number = (v: unknown) => parseId(v) ?? undefined

/** Text both revisions share, and what the newer one removed (struck through) or added (underlined). */
function Diff({ parts }: { parts: DiffPart[] }) {
  return (
    <pre className="diff">
      {parts.map((part, i) =>
        part.change === 'added' ? (
          <ins key={i}>{part.value}</ins>
        ) : part.change === 'removed' ? (
          <del key={i}>{part.value}</del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </pre>
  )
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params
  const query = await searchParams
  const viewer = await requirePageCapability('posts.write', `/admin/posts/${id}/revisions`)
  const locale = await getSiteLocale()
  const view = await loadRevisions(viewer, Number(id), { from: number(query.from), to: number(query.to) })
  if (!view) notFound()
  const { post, revisions, comparison } = view
  const when = (d: Date) => `${formatDateTime(d.toISOString(), locale)} (${locale.timeZone})`

  return (
    <main id="main" className="page page--wide">
      <h1>Revisions of “{post.title}”</h1>
      <p className="muted">
        <Link href={`/admin/posts/${post.id}`}>Back to editing</Link>
      </p>
      <AdminNotices query={query} />
      {revisions.length === 0 ? (
        <p>No revisions yet: one is kept each time the published post is saved.</p>
      ) : (
        <form method="get" className="revisions-form">
          <AdminTable caption="Revisions, newest first" columns={['Saved', 'By', 'Title', 'Older', 'Newer', 'Restore']}>
            {revisions.map((r) => (
              <tr key={r.id}>
                <td>{when(r.createdAt)}</td>
                <td>{r.savedByName ?? 'Someone'}</td>
                <td>{r.title}</td>
                <td>
                  <input type="radio" name="from" value={r.id} defaultChecked={r.id === comparison?.from.id} aria-label={`Compare from the revision of ${when(r.createdAt)}`} />
                </td>
                <td>
                  <input type="radio" name="to" value={r.id} defaultChecked={r.id === comparison?.to.id} aria-label={`Compare to the revision of ${when(r.createdAt)}`} />
                </td>
                <td>
                  <button type="submit" formAction={restoreRevisionAction} formMethod="post" name="revisionId" value={r.id} className="link-button">
                    Restore this revision<span className="visually-hidden"> of {when(r.createdAt)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </AdminTable>
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" className="button button--secondary">
            Compare
          </button>
        </form>
      )}
      {comparison ? (
        <section aria-labelledby="comparison-title" className="comparison">
          <h2 id="comparison-title">
            From {when(comparison.from.createdAt)} to {when(comparison.to.createdAt)}
          </h2>
          <h3>Title</h3>
          <Diff parts={comparison.title} />
          <h3>Excerpt</h3>
          <Diff parts={comparison.excerpt} />
          <h3>Body</h3>
          <Diff parts={comparison.body} />
        </section>
      ) : null}
    </main>
  )
}
