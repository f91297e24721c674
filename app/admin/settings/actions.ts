'use server'

import { updateTag } from 'next/cache'
import { redirect } from 'next/navigation'
import { saveSettings } from '@/lib/admin/settings'
import { getCurrentUser } from '@/lib/auth/session'
import { cacheTags } from '@/lib/cache-tags'

export type SettingsFormState =
  | { status: 'idle' }
  | { status: 'invalid'; fieldErrors: Record<string, string>; values: Record<string, string>; attempt: number }

/** Saves the settings form; public pages pick the change up at once. */
export async function saveSettingsAction(prev: SettingsFormState, fd: FormData): Promise<SettingsFormState> {
  const values = Object.fromEntries([...fd.entries()].filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, String(v)]))
  const result = await saveSettings(await getCurrentUser(), values)
  if (!result.ok) return { status: 'invalid', fieldErrors: result.fieldErrors, values, attempt: prev.status === 'invalid' ? prev.attempt + 1 : 1 }
  if (result.changed.length > 0) updateTag(cacheTags.settings)
  redirect(`/admin/settings?saved=${result.changed.length}`)
}
