'use server'

import { redirect } from 'next/navigation'
import { claimOwnership } from '@/lib/auth/owner'
import { getCurrentUser } from '@/lib/auth/session'
import { formError, type FormState } from '@/lib/forms'

export async function claimOwnershipAction(prev: FormState, fd: FormData): Promise<FormState> {
  const address = String(fd.get('address') ?? '')
  const result = await claimOwnership(await getCurrentUser(), { token: String(fd.get('token') ?? ''), address })
  if (!result.ok) return formError(prev, result.message, { address }, result.field)
  redirect('/profile?owner=1')
}
