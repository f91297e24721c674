'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { confirmUnconfirmedComment } from '@/lib/comments/written-first'
import { commentPath, replyPath } from '@/lib/paths'
import { expireFromAction } from '@/lib/public/expire'
import { linkOrigin } from '@/lib/public-address'
import { clientIp } from '@/lib/request'

/** Confirms a comment written before signing in: signs its writer in and posts it (or keeps it, refused, on their reply page). */
export async function confirmCommentAction(fd: FormData): Promise<void> {
  const result = await confirmUnconfirmedComment(fd.get('token'), { ip: await clientIp() })
  if (!result.ok) redirect(`/comments/confirm?refused=${result.reason}`)
  // The session Auth.js would have made after a sign-in link, under its own cookie.
  const secure = linkOrigin().startsWith('https:')
  ;(await cookies()).set(`${secure ? '__Secure-' : ''}authjs.session-token`, result.session.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: result.session.expires })
  const { comment } = result
  if (!comment.ok) redirect(comment.keptAt ?? replyPath(result.postSlug))
  expireFromAction(comment.changes)
  redirect(comment.status === 'approved' ? commentPath(comment.postSlug, comment.id) : `${replyPath(comment.postSlug)}?held=${comment.id}#your-comments`)
}
