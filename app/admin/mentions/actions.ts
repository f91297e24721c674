'use server'

import { moderateMentions } from '@/lib/mentions/moderation'
import { safeReturnPath } from '@/lib/auth/redirects'
import { buttonAction, notice } from '@/lib/forms/actions'
import { siteTranslator } from '@/lib/i18n'

/** The mentions page (with its filters) the moderator came from. */
const queue = (values: Record<string, string>) => {
  const returnTo = safeReturnPath(values.returnTo)
  return returnTo.startsWith('/admin/mentions') ? returnTo : '/admin/mentions'
}

/** One row's button ("spam:12") on the mentions page. */
export const moderateMentionAction = buttonAction({
  back: queue,
  run: (values, { viewer }) => {
    const [action, id] = (values.one ?? '').split(':')
    return moderateMentions(viewer, action, [id])
  },
  done: async (result, values) =>
    notice(queue(values), (await siteTranslator('admin.moderation'))('mentionsUpdated', { count: result.count })),
})
