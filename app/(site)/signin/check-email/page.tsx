import type { Metadata } from 'next'
import { connection } from 'next/server'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { emailDelivery } from '@/lib/auth/providers'

export const instant = false
export const metadata: Metadata = { title: 'Check your email', robots: { index: false } }

export default async function CheckEmailPage() {
  await connection()
  const site = await cachedSiteInfo()
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>Check your email</h1>
        <p>A sign-in link is on its way. Open it in this browser to sign in; it works once and expires in 24 hours.</p>
        {emailDelivery() === 'log' ? (
          <p className="notice">No mail server is configured (SMTP_URL), so the link is in the server’s log.</p>
        ) : null}
      </main>
      <SiteFooter site={site} />
    </>
  )
}
