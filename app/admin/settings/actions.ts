'use server'

import { saveSettings } from '@/lib/admin/settings'
import { formAction } from '@/lib/forms/actions'
import { siteTranslator } from '@/lib/i18n'

/** Saves the settings form; public pages pick the change up at once. */
export const saveSettingsAction = formAction({
  run: (values, { viewer }) => saveSettings(viewer, values),
  done: (saved) => `/admin/settings?saved=${saved.changed.length}`,
  page: () => '/admin/settings',
  // Signed out meanwhile, or no longer an admin: say so and keep what was typed.
  refused: async () => (await siteTranslator('admin.settings'))('refused'),
})
