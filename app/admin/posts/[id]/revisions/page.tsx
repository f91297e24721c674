import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AdminNotices, AdminTable } from '@/app/_ui/admin-parts'
import { restoreRevisionAction } from '@/app/admin/posts/actions'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadRevisions, type DiffPart } from '@/lib/posts/revisions'
import { parseId } from '@/lib/params'
import { translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.revisions', 'title')

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
  const t = translator(locale.language, 'admin.revisions')
  const when = (d: Date) => t('when', { when: formatDateTime(d.toISOString(), locale), zone: locale.timeZone })

  return (
    <main id="main" className="page page--wide">
      <h1>{t('heading', { title: post.title })}</h1>
      <p className="muted">
        <Link href={`/admin/posts/${post.id}`}>{t('back')}</Link>
      </p>
      <AdminNotices query={query} />
      {revisions.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <form method="get" className="revisions-form">
          <AdminTable
            caption={t('caption')}
            columns={[
              t('columns.saved'),
              t('columns.by'),
              t('columns.title'),
              t('columns.older'),
              t('columns.newer'),
              t('columns.restore'),
            ]}
          >
            {revisions.map((r) => (
              <tr key={r.id}>
                <td>{when(r.createdAt)}</td>
                <td>{r.savedByName ?? t('someone')}</td>
                <td>{r.title}</td>
                <td>
                  <input
                    type="radio"
                    name="from"
                    value={r.id}
                    defaultChecked={r.id === comparison?.from.id}
                    aria-label={t('compareFrom', { when: when(r.createdAt) })}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="to"
                    value={r.id}
                    defaultChecked={r.id === comparison?.to.id}
                    aria-label={t('compareTo', { when: when(r.createdAt) })}
                  />
                </td>
                <td>
                  <button
                    type="submit"
                    formAction={restoreRevisionAction}
                    formMethod="post"
                    name="revisionId"
                    value={r.id}
                    className="link-button"
                  >
                    {t('restore')}
                    <span className="visually-hidden">{t('restoreOf', { when: when(r.createdAt) })}</span>
                  </button>
                </td>
              </tr>
            ))}
          </AdminTable>
          <input type="hidden" name="postId" value={post.id} />
          <button type="submit" className="button button--secondary">
            {t('compare')}
          </button>
        </form>
      )}
      {comparison ? (
        <section aria-labelledby="comparison-title" className="comparison">
          <h2 id="comparison-title">
            {t('comparison', { from: when(comparison.from.createdAt), to: when(comparison.to.createdAt) })}
          </h2>
          <h3>{t('parts.title')}</h3>
          <Diff parts={comparison.title} />
          <h3>{t('parts.excerpt')}</h3>
          <Diff parts={comparison.excerpt} />
          <h3>{t('parts.body')}</h3>
          <Diff parts={comparison.body} />
        </section>
      ) : null}
    </main>
  )
}
