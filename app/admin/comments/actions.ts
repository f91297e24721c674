'use server'

import { editAsModerator, moderateComments, replyAsModerator } from '@/lib/comments/moderation'
import { safeReturnPath } from '@/lib/auth/redirects'
import { buttonAction, formAction, notice } from '@/lib/forms/actions'
import { parseId } from '@/lib/params'
import { siteTranslator } from '@/lib/i18n'

/** The queue page (with its filters) the moderator came from. */
const queue = (values: Record<string, string>) => {
  const returnTo = safeReturnPath(values.returnTo)
  return returnTo.startsWith('/admin/comments') ? returnTo : '/admin/comments'
}

/** One row's button ("approve:12") or a bulk action over the ticked comments. */
export const moderateAction = buttonAction({
  back: queue,
  run: (values, { viewer }, fd) => {
    const one = values.one ?? ''
    return one
      ? moderateComments(viewer, one.split(':')[0], [one.split(':')[1]])
      : moderateComments(viewer, values.action ?? '', fd.getAll('ids'))
  },
  done: async (result, values) =>
    notice(queue(values), (await siteTranslator('admin.moderation'))('commentsUpdated', { count: result.count })),
})

/** A comment's admin page, where the moderator replies to it or edits it. */
const commentPage = (values: Record<string, string>) => `/admin/comments/${parseId(values.commentId) ?? ''}`

/** Replies to a comment as the signed-in moderator, from the comment's admin page. */
export const moderatorReplyAction = formAction({
  run: (values, { viewer }) =>
    replyAsModerator(viewer, { commentId: values.commentId, body: values.body, formToken: values.formToken }),
  done: async (reply, values) =>
    notice(commentPage(values), (await siteTranslator('admin.moderation'))('replyPublished', { id: reply.id })),
  keep: ['body'],
  page: commentPage,
  form: 'reply',
})

/** Saves a new text for a comment, from its admin page. */
export const moderatorEditAction = formAction({
  run: (values, { viewer }) => editAsModerator(viewer, { commentId: values.commentId, body: values.body }),
  done: async (edited, values) =>
    notice(commentPage(values), (await siteTranslator('admin.moderation'))('textSaved', { id: edited.id })),
  keep: ['body'],
  page: commentPage,
  form: 'edit',
})
