'use server'

import { redirect } from 'next/navigation'
import { saveSettings } from '@/lib/admin/settings'
import { PermissionDenied } from '@/lib/auth/permissions'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromAction } from '@/lib/cache/expire'

export type SettingsFormState =
  | { status: 'idle' }
  | { status: 'invalid'; message?: string; fieldErrors: Record<string, string>; values: Record<string, string>; attempt: number }

/** Saves the settings form; public pages pick the change up at once. */
export async function saveSettingsAction(prev: SettingsFormState, fd: FormData): Promise<SettingsFormState> {
  const values = Object.fromEntries([...fd.entries()].filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, String(v)]))
  const attempt = prev.status === 'invalid' ? prev.attempt + 1 : 1
  let result: Awaited<ReturnType<typeof saveSettings>>
  try {
    result = await saveSettings(await getCurrentUser(), values)
  } catch (error) {
    // Signed out meanwhile, or no longer an admin: say so and keep what was typed.
    if (error instanceof PermissionDenied) return { status: 'invalid', message: 'Nothing was saved: only admins can change the settings. Sign in again as an admin.', fieldErrors: {}, values, attempt }
    throw error
  }
  if (!result.ok) return { status: 'invalid', fieldErrors: result.fieldErrors, values, attempt }
  expireFromAction(result.changes)
  redirect(`/admin/settings?saved=${result.changed.length}`)
}
