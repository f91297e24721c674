'use server'

import { redirect } from 'next/navigation'
import { saveSettings } from '@/lib/admin/settings'
import { getCurrentUser } from '@/lib/auth/session'
import { expireFromAction } from '@/lib/public/expire'
import { runForm } from '@/lib/form-actions'
import { formFailure, type FormState } from '@/lib/forms'
import { siteTranslator } from '@/lib/i18n'

/** Saves the settings form; public pages pick the change up at once. */
export async function saveSettingsAction(prev: FormState, fd: FormData): Promise<FormState> {
  // Signed out meanwhile, or no longer an admin: say so and keep what was typed.
  const t = await siteTranslator('admin.settings')
  return runForm(
    prev,
    fd,
    async (values) => {
      const result = await saveSettings(await getCurrentUser(), values)
      if (!result.ok) return formFailure(prev, { message: t('fixFields'), fieldErrors: result.fieldErrors, values })
      expireFromAction(result.changes)
      redirect(`/admin/settings?saved=${result.changed.length}`)
    },
    { refused: t('refused'), page: () => '/admin/settings' },
  )
}
