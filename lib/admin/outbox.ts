import type { DB } from '@/db'
import { getDb } from '@/db'
import { listOutgoingMails } from '@/db/queries/outgoing-mail'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'

/** The newest mails in the outbox and whether they can go out (SMTP_URL), for the admin. Admins only; throws PermissionDenied. */
export async function loadOutgoingMail(viewer: Viewer | null, db: DB = getDb()) {
  requireCapability(viewer, 'settings.manage')
  const mails = await listOutgoingMails(db, 100)
  return { sending: Boolean(process.env.SMTP_URL), mails }
}
