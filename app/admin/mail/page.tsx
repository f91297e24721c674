import type { Metadata } from 'next'
import { AdminTable } from '@/app/_ui/admin-parts'
import { requirePageCapability } from '@/lib/auth/guard'
import { formatDateTime } from '@/lib/dates'
import { getSiteLocale } from '@/lib/settings'
import { loadOutgoingMail } from '@/lib/mail/choices'

export const instant = false
export const metadata: Metadata = { title: 'Outgoing mail' }

const STATUS = { pending: 'Waiting', sending: 'Being sent', sent: 'Sent', failed: 'Refused by the mail server' } as const

export default async function OutgoingMailPage() {
  const viewer = await requirePageCapability('settings.manage', '/admin/mail')
  const locale = await getSiteLocale()
  const { sending, mails } = await loadOutgoingMail(viewer)
  return (
    <main id="main" className="page page--wide">
      <h1>Outgoing mail</h1>
      {sending ? (
        <p>Notifications go out within seconds; one the mail server does not take is tried again, waiting longer each time.</p>
      ) : (
        <p role="status" className="notice">
          No mail server is set (SMTP_URL), so nothing is sent: here is what would have been. Sign-in links are written to the server’s log.
        </p>
      )}
      {mails.length === 0 ? <p>No notifications yet.</p> : null}
      {mails.length > 0 ? (
        <AdminTable caption="Notifications, newest first" columns={['Written', 'To', 'Subject', 'State', 'Attempts']}>
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
                {STATUS[m.status]}
                {m.status === 'pending' && m.lastError ? ` (last try: ${m.lastError})` : null}
                {m.status === 'failed' && m.lastError ? `: ${m.lastError}` : null}
              </td>
              <td>{m.attempts}</td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
    </main>
  )
}
