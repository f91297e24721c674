'use server'

import { moderateMentions } from '@/lib/admin/mentions'
import { getCurrentUser } from '@/lib/auth/session'
import { safeReturnPath } from '@/lib/auth/redirects'
import { backTo, runButton } from '@/lib/form-actions'
import { expireFromAction } from '@/lib/public/expire'
import { siteTranslator } from '@/lib/i18n'

/** One row's button ("spam:12") on the mentions page. */
export async function moderateMentionAction(fd: FormData): Promise<void> {
  const returnTo = safeReturnPath(fd.get('returnTo'))
  const back = returnTo.startsWith('/admin/mentions') ? returnTo : '/admin/mentions'
  const [action, id] = String(fd.get('one') ?? '').split(':')
  const result = await runButton(back, async () => moderateMentions(await getCurrentUser(), action, [id]))
  if (!result.ok) backTo(back, 'error', result.message)
  expireFromAction(result.changes)
  backTo(back, 'notice', (await siteTranslator('admin.moderation'))('mentionsUpdated', { count: result.count }))
}
