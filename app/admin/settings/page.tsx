import { SiteLanguage } from '@/app/_ui/site-language'
import { SettingsForm } from '@/app/_ui/settings-form'
import { loadSettingsForm, settingsAsForm } from '@/lib/admin/settings'
import { requirePageCapability } from '@/lib/auth/guard'
import { loadKeptForm } from '@/lib/forms/kept'
import { timeZoneNames } from '@/lib/dates'
import { messagesFor, translator } from '@/lib/i18n'
import { titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('admin.settings', 'title')

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const raw = await searchParams
  const viewer = await requirePageCapability('settings.manage', '/admin/settings')
  const settings = await loadSettingsForm(viewer)
  const kept = await loadKeptForm(viewer.id, raw.form)
  const saved = typeof raw.saved === 'string' ? Number(raw.saved) : null
  const t = translator(settings.language, 'admin.settings')
  return (
    <main id="main" className="page">
      <h1>{t('title')}</h1>
      {saved !== null ? (
        <p role="status" className="notice">
          {t('saved', { count: saved })}
        </p>
      ) : null}
      <SiteLanguage
        language={settings.language}
        timeZone={settings.timeZone}
        messages={messagesFor(settings.language, ['client', 'admin.settings', 'admin.upload'])}
      >
        <SettingsForm
          settings={settings}
          shown={JSON.stringify(settingsAsForm(settings))}
          restored={kept}
          timeZones={timeZoneNames()}
        />
      </SiteLanguage>
    </main>
  )
}
