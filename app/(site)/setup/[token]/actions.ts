'use server'

import { redirect } from 'next/navigation'
import { claimOwnership } from '@/lib/auth/owner'
import { getCurrentUser } from '@/lib/auth/session'
import { formError, type FormState } from '@/lib/forms'

export async function claimOwnershipAction(prev: FormState, fd: FormData): Promise<FormState> {
  const result = await claimOwnership(await getCurrentUser(), String(fd.get('token') ?? ''))
  if (!result.ok) return formError(prev, result.message, {})
  redirect('/profile?owner=1')
}
