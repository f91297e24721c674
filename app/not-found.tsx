import type { Metadata } from 'next'
import Link from 'next/link'
import { cachedSiteInfo, whileBuilding } from '@/lib/public/cached'
import { translator } from '@/lib/i18n'
import { SiteFooter, SiteHeader } from './_ui/site-header'

export async function generateMetadata(): Promise<Metadata> {
  const { language } = await cachedSiteInfo(whileBuilding())
  return { title: translator(language, 'notFound')('title') }
}

// In the site's language, with its header (Plateau's own when prerendered at build, with no database).
export default async function NotFound() {
  const site = await cachedSiteInfo(whileBuilding())
  const t = translator(site.language, 'notFound')
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--message">
        <h1>{t('title')}</h1>
        <p>{t('text')}</p>
        <p>
          <Link href="/">{t('home')}</Link>
        </p>
      </main>
      <SiteFooter site={site} />
    </>
  )
}
