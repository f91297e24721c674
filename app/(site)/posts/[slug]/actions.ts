'use server'

import { redirect } from 'next/navigation'
import { renameAccount } from '@/lib/auth/account'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromAction } from '@/lib/public/expire'
import { commentPath, postPath, replyPath, shortCommentPath } from '@/lib/paths'
import { forgetRefusedComments, keepRefusedComment } from '@/lib/comments/drafts'
import { deleteComment, editComment, postComment } from '@/lib/comments/posting'
import { runForm } from '@/lib/form-actions'
import { formError, type FormState } from '@/lib/forms'
import { keepUnconfirmedComment } from '@/lib/comments/written-first'
import { clientIp } from '@/lib/request'
import { parseId } from '@/lib/params'

const text = (fd: FormData, name: string) => {
  const v = fd.get(name)
  return typeof v === 'string' ? v : ''
}

// The comment form says "script" once its JavaScript runs; a plain HTML post gets its refusal back
// through a redirect to the reply page instead of as form state.
const sentByScript = (fd: FormData) => fd.get('via') === 'script'

/**
 * Where to show a comment just posted or edited. The page's script finds it on the post (and follows
 * its short link if it is on another page of comments); without script the short link does that.
 */
const landOn = (fd: FormData, slug: string, id: number) => (sentByScript(fd) ? commentPath(slug, id) : shortCommentPath(id))
const optionalId = (fd: FormData, name: string) => parseId(text(fd, name))

/** Posts a comment or reply from the comment form. */
export async function postCommentAction(prev: FormState, fd: FormData): Promise<FormState> {
  const body = text(fd, 'body')
  let viewer = await getCurrentUser()
  // A first comment from someone without a display name carries the name they chose with it.
  if (viewer && !viewer.hasName && text(fd, 'name').trim()) {
    const named = await renameAccount(viewer, text(fd, 'name'))
    if (!named.ok) return formError(prev, named.message, { body, name: text(fd, 'name') }, 'name')
    expireFromAction(named.changes)
    viewer = await getCurrentUser()
  }
  const result = await postComment(
    viewer,
    { postId: text(fd, 'postId'), parentId: text(fd, 'parentId'), body, honeypot: text(fd, 'website'), formToken: text(fd, 'formToken'), follow: text(fd, 'follow') },
    { ip: await clientIp() },
  )
  if (!result.ok) {
    if (sentByScript(fd)) return formError(prev, result.message, { body }, result.field)
    const postId = optionalId(fd, 'postId')
    redirect(postId ? await keepRefusedComment(viewer, { postId, parentId: optionalId(fd, 'parentId'), commentId: null, body, message: result.message }) : '/')
  }
  await forgetRefusedComments(viewer!, Number(text(fd, 'postId')))
  expireFromAction(result.changes)
  if (result.status === 'approved') {
    redirect(landOn(fd, result.postSlug, result.id))
  }
  redirect(`${replyPath(result.postSlug)}?held=${result.id}#your-comments`)
}

/** Saves a new text for a comment, from the edit form. */
export async function editCommentAction(prev: FormState, fd: FormData): Promise<FormState> {
  const body = text(fd, 'body')
  const viewer = await getCurrentUser()
  const result = await editComment(viewer, { commentId: text(fd, 'commentId'), body })
  if (!result.ok) {
    const postId = optionalId(fd, 'postId')
    if (sentByScript(fd) || !postId) return formError(prev, result.message, { body }, result.field)
    redirect(await keepRefusedComment(viewer, { postId, parentId: null, commentId: optionalId(fd, 'commentId'), body, message: result.message }))
  }
  expireFromAction(result.changes)
  // Shown on its post (approved): back to it there; else to the reply page, where its author sees it.
  if (result.changes.posts.length > 0) {
    redirect(landOn(fd, result.postSlug, result.id))
  }
  redirect(`${replyPath(result.postSlug)}#your-comments`)
}

/** Deletes a comment, from its Delete button. */
export async function deleteCommentAction(prev: FormState, fd: FormData): Promise<FormState> {
  const result = await deleteComment(await getCurrentUser(), text(fd, 'commentId'))
  if (!result.ok) return formError(prev, result.message, {})
  expireFromAction(result.changes)
  redirect(`${postPath(result.postSlug)}#comments`)
}

/** Keeps a signed-out reader's comment until they confirm their email (the mail is sent meanwhile). */
export async function keepCommentAction(prev: FormState, fd: FormData): Promise<FormState> {
  return runForm(
    prev,
    fd,
    async (values) => {
      const result = await keepUnconfirmedComment({ ...values, honeypot: values.website ?? '' }, { ip: await clientIp() })
      // What was typed comes back, never echoing the hidden field.
      const typed = { name: values.name ?? '', email: values.email ?? '', body: values.body ?? '', follow: values.follow ?? '' }
      if (!result.ok) return formError(prev, result.message, typed, result.field)
      redirect(`${replyPath(result.postSlug)}?kept=1#respond`)
    },
    // Sent without script, a refusal goes back to the reply page (the slug only builds that address).
    { page: (values) => replyPath(values.slug ?? '', { to: parseId(values.parentId) ?? undefined }) },
  )
}
