'use server'

import { redirect } from 'next/navigation'
import { changeRole, setBan } from '@/lib/admin/people'
import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'

function back(key: 'notice' | 'error', message: string): never {
  redirect(`/admin/people?${new URLSearchParams({ [key]: message })}`)
}

async function run(work: () => Promise<{ ok: boolean; message: string }>): Promise<never> {
  let result: { ok: boolean; message: string }
  try {
    result = await work()
  } catch (error) {
    if (error instanceof PermissionDenied) back('error', error.message)
    throw error
  }
  back(result.ok ? 'notice' : 'error', result.message)
}

/** Role changes and bans from the people list. */
export async function peopleAction(fd: FormData): Promise<void> {
  const viewer = await getCurrentUser()
  const userId = String(fd.get('userId') ?? '')
  const intent = String(fd.get('intent') ?? '')
  if (intent === 'role') await run(() => changeRole(viewer, userId, fd.get('role')))
  if (intent === 'ban' || intent === 'unban') await run(() => setBan(viewer, userId, intent === 'ban'))
  back('error', 'Choose what to change.')
}
