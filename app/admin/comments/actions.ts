'use server'

import { redirect } from 'next/navigation'
import { editAsModerator, moderateComments, replyAsModerator } from '@/lib/admin/moderation'
import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { safeReturnPath } from '@/lib/auth/redirects'
import { expireFromAction } from '@/lib/public/expire'
import { backTo, formError, runButton, type FormState } from '@/lib/forms'

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
  backTo(queueOf(fd), 'notice', `${result.count} comment${result.count === 1 ? '' : 's'} updated.`)
}

type ModeratorResult = Awaited<ReturnType<typeof replyAsModerator>>

/** After a reply or an edit from a comment's admin page: refresh the post, or keep what was typed. */
async function finish(prev: FormState, fd: FormData, run: () => Promise<ModeratorResult>, notice: (id: number) => string): Promise<FormState> {
  const body = String(fd.get('body') ?? '')
  let result: ModeratorResult
  try {
    result = await run()
  } catch (error) {
    if (error instanceof PermissionDenied) return formError(prev, error.message, { body })
    throw error
  }
  if (!result.ok) return formError(prev, result.message, { body }, result.field)
  expireFromAction(result.changes)
  redirect(`/admin/comments/${String(fd.get('commentId'))}?notice=${encodeURIComponent(notice(result.id))}`)
}

/** Replies to a comment as the signed-in moderator, from the comment's admin page. */
export async function moderatorReplyAction(prev: FormState, fd: FormData): Promise<FormState> {
  const raw = { commentId: fd.get('commentId'), body: fd.get('body'), formToken: fd.get('formToken') }
  return finish(prev, fd, async () => replyAsModerator(await getCurrentUser(), raw), (id) => `Your reply is published (comment ${id}).`)
}

/** Saves a new text for a comment, from its admin page. */
export async function moderatorEditAction(prev: FormState, fd: FormData): Promise<FormState> {
  const raw = { commentId: fd.get('commentId'), body: fd.get('body') }
  return finish(prev, fd, async () => editAsModerator(await getCurrentUser(), raw), () => 'The comment’s text is saved.')
}
