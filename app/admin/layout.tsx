import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { SiteFooter } from '@/app/_ui/site-header'
import { translator } from '@/lib/i18n'
import { cachedSiteInfo, whileBuilding } from '@/lib/public/cached'

export async function generateMetadata(): Promise<Metadata> {
  const t = translator((await cachedSiteInfo(whileBuilding())).language, 'admin')
  return { title: { default: t('title'), template: t('pageTitle', { page: '%s' }) }, robots: { index: false } }
}

const SECTIONS = [
  ['/admin/posts', 'posts'],
  ['/admin/comments', 'comments'],
  ['/admin/mentions', 'mentions'],
  ['/admin/people', 'people'],
  ['/admin/settings', 'settings'],
  ['/admin/audit', 'audit'],
  ['/admin/mail', 'mail'],
  ['/admin/import', 'import'],
  ['/', 'viewBlog'],
] as const

// Navigation only: every admin page and action checks the viewer's capability itself (lib/auth/guard).
// In the site's language; each admin page hands its client parts their sentences (SiteLanguage) once
// it has checked who is asking.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { language } = await cachedSiteInfo(whileBuilding())
  const t = translator(language, 'admin')
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner admin-header">
          <p className="site-title">
            <Link href="/admin">{t('title')}</Link>
          </p>
          <nav aria-label={t('title')}>
            <ul className="admin-nav">
              {SECTIONS.map(([href, key]) => (
                <li key={href}>
                  <Link href={href}>{t(`nav.${key}`)}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      {children}
      <SiteFooter language={language} />
    </>
  )
}
