'use server'

import { commentPath, postPath, replyPath, shortCommentPath } from '@/lib/paths'
import { commentFormPage, deleteComment, editComment, postCommentFromForm } from '@/lib/comments/posting'
import { formAction } from '@/lib/forms/actions'
import { SENT_BY } from '@/lib/forms/state'
import { keepUnconfirmedComment } from '@/lib/comments/written-first'
import { parseId } from '@/lib/params'
import { commentIsThreaded } from '@/lib/comments/visibility'

/**
 * Where to show a comment just posted or edited. The page's script finds it on the post (and follows
 * its short link if it is on another page of comments); without script the short link does that.
 */
const landOn = (values: Record<string, string>, slug: string, id: number) =>
  values[SENT_BY] === 'script' ? commentPath(slug, id) : shortCommentPath(id)

/** Posts a comment or reply from the comment form (held ones are shown on the reply page). */
export const postCommentAction = formAction({
  run: (values, { viewer, client }) => postCommentFromForm(viewer, values, { ip: client }),
  done: (posted, values) =>
    commentIsThreaded(posted)
      ? landOn(values, posted.postSlug, posted.id)
      : `${replyPath(posted.postSlug)}?held=${posted.id}#your-comments`,
  keep: ['body', 'name', 'follow'],
  page: (values) => commentFormPage(values),
})

/** Saves a new text for a comment, from the edit form: back to it on its post if shown there, else to the reply page. */
export const editCommentAction = formAction({
  run: (values, { viewer }) => editComment(viewer, { commentId: values.commentId, body: values.body }),
  done: (edited, values) =>
    edited.changes.posts.length > 0
      ? landOn(values, edited.postSlug, edited.id)
      : `${replyPath(edited.postSlug)}#your-comments`,
  keep: ['body'],
  page: (values) => commentFormPage(values),
})

/** Deletes a comment, from its Delete button. */
export const deleteCommentAction = formAction({
  run: (values, { viewer }) => deleteComment(viewer, values.commentId),
  done: (deleted) => `${postPath(deleted.postSlug)}#comments`,
  keep: [],
})

/** Keeps a signed-out reader's comment until they confirm their email (the mail is sent meanwhile). */
export const keepCommentAction = formAction({
  run: (values, { client }) => keepUnconfirmedComment({ ...values, honeypot: values.website ?? '' }, { ip: client }),
  done: (kept) => `${replyPath(kept.postSlug)}?kept=1#respond`,
  // What was typed comes back, never echoing the hidden field.
  keep: ['name', 'email', 'body', 'follow'],
  // Sent without script, a refusal goes back to the reply page (the slug only builds that address).
  page: (values) => replyPath(values.slug ?? '', { to: parseId(values.parentId) ?? undefined }),
})
