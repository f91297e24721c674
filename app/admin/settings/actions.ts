'use server'

import { redirect } from 'next/navigation'
import { saveSettings } from '@/lib/admin/settings'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromAction } from '@/lib/public/expire'
import { runForm } from '@/lib/form-actions'
import { formFailure, type FormState } from '@/lib/forms'

/** Saves the settings form; public pages pick the change up at once. */
export async function saveSettingsAction(prev: FormState, fd: FormData): Promise<FormState> {
  // Signed out meanwhile, or no longer an admin: say so and keep what was typed.
  return runForm(
    prev,
    fd,
    async (values) => {
      const result = await saveSettings(await getCurrentUser(), values)
      if (!result.ok) return formFailure(prev, { message: 'Nothing was saved: fix the fields marked below.', fieldErrors: result.fieldErrors, values })
      expireFromAction(result.changes)
      redirect(`/admin/settings?saved=${result.changed.length}`)
    },
    { refused: 'Nothing was saved: only admins can change the settings. Sign in again as an admin.', page: () => '/admin/settings' },
  )
}
