import type { Metadata } from 'next'
import { connection } from 'next/server'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { emailDelivery } from '@/lib/auth/providers'
import { translator } from '@/lib/i18n'

export const instant = false
export async function generateMetadata(): Promise<Metadata> {
  await connection()
  return {
    title: translator((await cachedSiteInfo()).language, 'signIn')('checkEmail.title'),
    robots: { index: false },
  }
}

export default async function CheckEmailPage() {
  await connection()
  const site = await cachedSiteInfo()
  const t = translator(site.language, 'signIn.checkEmail')
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>{t('title')}</h1>
        <p>{t('text')}</p>
        {emailDelivery() === 'log' ? <p className="notice">{t('noMailServer')}</p> : null}
      </main>
      <SiteFooter site={site} />
    </>
  )
}
