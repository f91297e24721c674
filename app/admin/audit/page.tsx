import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminTable } from '@/app/_ui/admin-parts'
import { loadAuditLog } from '@/lib/admin/audit'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'

export const instant = false
export const metadata: Metadata = { title: 'Audit log' }

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams
  const viewer = await requirePageCapability('audit.read', '/admin/audit')
  const locale = await getSiteLocale()
  const { page, entries, hasNext } = await loadAuditLog(viewer, Number(raw.page ?? 1))
  return (
    <main id="main" className="page page--wide">
      <h1>Audit log</h1>
      {entries.length === 0 ? <p>Nothing has been done in the admin yet.</p> : null}
      {entries.length > 0 ? (
        <AdminTable caption="Admin actions, newest first" columns={['When', 'Who', 'What', 'To', 'Details']}>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, locale)}</time>
              </td>
              <td>{e.actorName ?? 'Someone since deleted'}</td>
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
      <nav className="pagination" aria-label="More entries">
        {hasNext ? <Link href={`/admin/audit?page=${page + 1}`}>Older entries</Link> : null}
        {page > 1 ? <Link href={`/admin/audit?page=${page - 1}`}>Newer entries</Link> : null}
      </nav>
    </main>
  )
}
