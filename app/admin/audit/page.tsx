import Link from 'next/link'
import { AdminTable } from '@/app/_ui/admin-parts'
import { loadAuditLog } from '@/lib/admin/audit'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.audit', 'title')

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const raw = await searchParams
  const viewer = await requirePageCapability('audit.read', '/admin/audit')
  const locale = await getSiteLocale()
  const { page, entries, hasNext } = await loadAuditLog(viewer, Number(raw.page ?? 1))
  const t = translator(locale.language, 'admin.audit')
  return (
    <main id="main" className="page page--wide">
      <h1>{t('title')}</h1>
      {entries.length === 0 ? <p>{t('empty')}</p> : null}
      {entries.length > 0 ? (
        <AdminTable
          caption={t('caption')}
          columns={[t('columns.when'), t('columns.who'), t('columns.what'), t('columns.to'), t('columns.details')]}
        >
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale)}</time>
              </td>
              <td>{e.actorName ?? t('deletedActor')}</td>
              <td>{e.action}</td>
              <td>{e.subject}</td>
              <td>
                {Object.entries(e.detail)
                  .map(([k, v]) => `${k}: ${String(v)}`)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
      <nav className="pagination" aria-label={t('more')}>
        {hasNext ? <Link href={`/admin/audit?page=${page + 1}`}>{t('older')}</Link> : null}
        {page > 1 ? <Link href={`/admin/audit?page=${page - 1}`}>{t('newer')}</Link> : null}
      </nav>
    </main>
  )
}
