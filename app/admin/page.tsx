import Link from 'next/link'
import type { ReactNode } from 'react'
import { requirePageCapability } from '@/lib/auth/guard'
import { can } from '@/lib/people/permissions'
import { translator } from '@/lib/i18n'
import { getSiteLocale } from '@/lib/settings'

export const instant = false

export default async function AdminHome() {
  const viewer = await requirePageCapability('admin.enter', '/admin')
  const t = translator((await getSiteLocale()).language, 'admin.home')
  const item = (href: string, key: 'posts' | 'comments' | 'people' | 'settings' | 'audit') => (
    <li>{t.rich(key, { link: (chunks: ReactNode) => <Link href={href}>{chunks}</Link> })}</li>
  )
  return (
    <main id="main" className="page">
      <h1>{t('hello', { name: viewer.name })}</h1>
      <ul>
        {can(viewer, 'posts.write') ? item('/admin/posts', 'posts') : null}
        {can(viewer, 'comments.moderate') ? item('/admin/comments', 'comments') : null}
        {can(viewer, 'people.manage') ? item('/admin/people', 'people') : null}
        {can(viewer, 'settings.manage') ? item('/admin/settings', 'settings') : null}
        {can(viewer, 'audit.read') ? item('/admin/audit', 'audit') : null}
      </ul>
    </main>
  )
}
