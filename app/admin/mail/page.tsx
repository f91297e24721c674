import { AdminTable } from '@/app/_ui/admin-parts'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadOutgoingMail } from '@/lib/admin/outbox'
import { translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.mail', 'title')

export default async function OutgoingMailPage() {
  const viewer = await requirePageCapability('settings.manage', '/admin/mail')
  const locale = await getSiteLocale()
  const { sending, mails } = await loadOutgoingMail(viewer)
  const t = translator(locale.language, 'admin.mail')
  return (
    <main id="main" className="page page--wide">
      <h1>{t('title')}</h1>
      {sending ? (
        <p>{t('sending')}</p>
      ) : (
        <p role="status" className="notice">
          {t('notSending')}
        </p>
      )}
      {mails.length === 0 ? <p>{t('empty')}</p> : null}
      {mails.length > 0 ? (
        <AdminTable
          caption={t('caption')}
          columns={[
            t('columns.written'),
            t('columns.to'),
            t('columns.subject'),
            t('columns.state'),
            t('columns.attempts'),
          ]}
        >
          {mails.map((m) => (
            <tr key={m.id}>
              <td>
                <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt.toISOString(), locale)}</time>
              </td>
              <td>{m.toAddress}</td>
              <td>
                <details>
                  <summary>{m.subject}</summary>
                  <pre className="mail-text">{m.textBody}</pre>
                </details>
              </td>
              <td>
                {m.status === 'pending' && m.lastError
                  ? t('lastTry', { status: t('status.pending'), error: m.lastError })
                  : m.status === 'failed' && m.lastError
                    ? t('failedWith', { status: t('status.failed'), error: m.lastError })
                    : t(`status.${m.status}`)}
              </td>
              <td>{m.attempts}</td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
    </main>
  )
}
