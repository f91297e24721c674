'use server'

import { redirect } from 'next/navigation'
import { deleteAccount, renameAccount, signOutEverywhere } from '@/lib/auth/account'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromAction } from '@/lib/public/expire'
import { formError, formValues, type FormState } from '@/lib/forms'
import { saveMailChoices, stopFollowing } from '@/lib/mail/choices'
import { parseId } from '@/lib/params'

export async function renameAction(prev: FormState, fd: FormData): Promise<FormState> {
  const name = String(fd.get('name') ?? '')
  const result = await renameAccount(await getCurrentUser(), name)
  if (!result.ok) return formError(prev, result.message, { name }, 'name')
  expireFromAction(result.changes)
  redirect('/profile?saved=1')
}

export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(await getCurrentUser())
  redirect('/')
}

export async function deleteAccountAction(prev: FormState, fd: FormData): Promise<FormState> {
  const result = await deleteAccount(await getCurrentUser(), fd.get('confirm') === 'yes')
  if (!result.ok) return formError(prev, result.message, {}, 'confirm')
  expireFromAction(result.changes)
  redirect('/?account=deleted')
}

export async function saveMailChoicesAction(prev: FormState, fd: FormData): Promise<FormState> {
  const result = await saveMailChoices(await getCurrentUser(), formValues(fd))
  if (!result.ok) return formError(prev, result.message, formValues(fd))
  redirect('/profile?emails=saved')
}

export async function stopFollowingAction(fd: FormData): Promise<void> {
  await stopFollowing(await getCurrentUser(), parseId(fd.get('postId')))
  redirect('/profile?emails=saved')
}
