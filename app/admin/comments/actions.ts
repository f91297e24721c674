'use server'

import { editAsModerator, moderateComments, replyAsModerator } from '@/lib/admin/moderation'
import { getCurrentUser } from '@/lib/auth/session'
import { safeReturnPath } from '@/lib/auth/redirects'
import { expireFromAction } from '@/lib/public/expire'
import { backTo, runButton, runForm } from '@/lib/form-actions'
import { formError, type FormState } from '@/lib/forms'
import { parseId } from '@/lib/params'
import { siteTranslator } from '@/lib/i18n'

/** The queue page (with its filters) the moderator came from. */
function queueOf(fd: FormData): string {
  const returnTo = safeReturnPath(fd.get('returnTo'))
  return returnTo.startsWith('/admin/comments') ? returnTo : '/admin/comments'
}

/** One row's button ("approve:12") or a bulk action over the ticked comments. */
export async function moderateAction(fd: FormData): Promise<void> {
  const one = String(fd.get('one') ?? '')
  const [action, ids] = one ? [one.split(':')[0], [one.split(':')[1]]] : [String(fd.get('action') ?? ''), fd.getAll('ids')]
  const result = await runButton(queueOf(fd), async () => moderateComments(await getCurrentUser(), action, ids))
  if (!result.ok) backTo(queueOf(fd), 'error', result.message)
  expireFromAction(result.changes)
  backTo(queueOf(fd), 'notice', (await siteTranslator('admin.moderation'))('commentsUpdated', { count: result.count }))
}

type ModeratorResult = Awaited<ReturnType<typeof replyAsModerator>>

/** A reply or an edit from a comment's admin page: refresh the post and say so, or keep what was typed. */
function moderatorForm(form: 'reply' | 'edit', run: (values: Record<string, string>) => Promise<ModeratorResult>, notice: 'replyPublished' | 'textSaved') {
  const page = (values: Record<string, string>) => `/admin/comments/${parseId(values.commentId) ?? ''}`
  return (prev: FormState, fd: FormData) =>
    runForm(
      prev,
      fd,
      async (values) => {
        const result = await run(values)
        if (!result.ok) return formError(prev, result.message, { body: values.body ?? '' }, result.field)
        expireFromAction(result.changes)
        backTo(page(values), 'notice', (await siteTranslator('admin.moderation'))(notice, { id: result.id }))
      },
      { page, form },
    )
}

const reply = moderatorForm('reply', async (values) => replyAsModerator(await getCurrentUser(), { commentId: values.commentId, body: values.body, formToken: values.formToken }), 'replyPublished')
const edit = moderatorForm('edit', async (values) => editAsModerator(await getCurrentUser(), { commentId: values.commentId, body: values.body }), 'textSaved')

/** Replies to a comment as the signed-in moderator, from the comment's admin page. */
export async function moderatorReplyAction(prev: FormState, fd: FormData): Promise<FormState> {
  return reply(prev, fd)
}

/** Saves a new text for a comment, from its admin page. */
export async function moderatorEditAction(prev: FormState, fd: FormData): Promise<FormState> {
  return edit(prev, fd)
}
