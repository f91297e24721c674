import type { Metadata } from 'next'
import { SettingsForm } from '@/app/_ui/settings-form'
import { loadSettingsForm, settingsAsForm } from '@/lib/admin/settings'
import { requirePageCapability } from '@/lib/auth/guard'
import { loadKeptForm } from '@/lib/kept-forms'
import { timeZoneNames } from '@/lib/dates'

export const instant = false
export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams
  const viewer = await requirePageCapability('settings.manage', '/admin/settings')
  const settings = await loadSettingsForm(viewer)
  const kept = await loadKeptForm(viewer.id, raw.form)
  const saved = typeof raw.saved === 'string' ? Number(raw.saved) : null
  return (
    <main id="main" className="page">
      <h1>Settings</h1>
      {saved !== null ? (
        <p role="status" className="notice">
          {saved === 0 ? 'Nothing changed.' : `Saved ${saved} setting${saved === 1 ? '' : 's'}; the blog uses them now.`}
        </p>
      ) : null}
      <SettingsForm settings={settings} shown={JSON.stringify(settingsAsForm(settings))} restored={kept} timeZones={timeZoneNames()} />
    </main>
  )
}
