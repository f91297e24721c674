'use server'

import { updateTag } from 'next/cache'
import { redirect } from 'next/navigation'
import { moderateComments } from '@/lib/admin/moderation'
import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { safeReturnPath } from '@/lib/auth/redirects'
import { cacheTags } from '@/lib/cache-tags'

function back(fd: FormData, key: 'notice' | 'error', message: string): never {
  const returnTo = safeReturnPath(fd.get('returnTo'))
  const url = new URL(returnTo.startsWith('/admin/comments') ? returnTo : '/admin/comments', 'http://localhost')
  url.searchParams.delete('notice')
  url.searchParams.delete('error')
  url.searchParams.set(key, message)
  redirect(`${url.pathname}${url.search}`)
}

/** One row's button ("approve:12") or a bulk action over the ticked comments. */
export async function moderateAction(fd: FormData): Promise<void> {
  const one = String(fd.get('one') ?? '')
  const [action, ids] = one ? [one.split(':')[0], [one.split(':')[1]]] : [String(fd.get('action') ?? ''), fd.getAll('ids')]
  let result: Awaited<ReturnType<typeof moderateComments>>
  try {
    result = await moderateComments(await getCurrentUser(), action, ids)
  } catch (error) {
    if (error instanceof PermissionDenied) back(fd, 'error', error.message)
    throw error
  }
  if (!result.ok) back(fd, 'error', result.message)
  for (const slug of result.changedPosts) updateTag(cacheTags.post(slug))
  back(fd, 'notice', `${result.count} comment${result.count === 1 ? '' : 's'} updated.`)
}
