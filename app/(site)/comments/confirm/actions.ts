'use server'

import { cookies } from 'next/headers'
import { confirmUnconfirmedComment } from '@/lib/comments/written-first'
import { buttonAction } from '@/lib/forms/actions'
import { commentPath, replyPath } from '@/lib/paths'
import { linkOrigin } from '@/lib/public-address'
import { commentIsThreaded } from '@/lib/comments/visibility'

/** Confirms a comment written before signing in: signs its writer in and posts it (or keeps it, refused, on their reply page). */
export const confirmCommentAction = buttonAction({
  back: () => '/comments/confirm',
  run: ({ token }, { client }) => confirmUnconfirmedComment(token, { ip: client }),
  done: async ({ session, postSlug, comment }) => {
    // The session Auth.js would have made after a sign-in link, under its own cookie.
    const secure = linkOrigin().startsWith('https:')
    ;(await cookies()).set(`${secure ? '__Secure-' : ''}authjs.session-token`, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      expires: session.expires,
    })
    if (!comment.ok) return comment.keptAt ?? replyPath(postSlug)
    return commentIsThreaded(comment)
      ? commentPath(comment.postSlug, comment.id)
      : `${replyPath(comment.postSlug)}?held=${comment.id}#your-comments`
  },
})
