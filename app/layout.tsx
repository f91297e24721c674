import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { cachedSiteInfo, whileBuilding } from '@/lib/public/cached'
import { directionOf, messagesFor, translator } from '@/lib/i18n'
import { SiteLanguage } from './_ui/site-language'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Plateau', template: '%s' },
  // The owner's icon, or Plateau's in their accent colour (app/site-icon/route.ts).
  icons: { icon: '/site-icon' },
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#15161a' },
  ],
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { language, timeZone } = await cachedSiteInfo(whileBuilding())
  const t = translator(language, 'site')
  return (
    <html lang={language} dir={directionOf(language)}>
      <body>
        {/* Feed autodiscovery; React hoists these into <head>. */}
        <link rel="alternate" type="application/rss+xml" title={t('feeds.posts', { format: 'RSS' })} href="/feed.xml" />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={t('feeds.posts', { format: 'Atom' })}
          href="/feed.atom"
        />
        <link
          rel="alternate"
          type="application/feed+json"
          title={t('feeds.posts', { format: 'JSON Feed' })}
          href="/feed.json"
        />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={t('feeds.comments', { format: 'RSS' })}
          href="/comments/feed.xml"
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={t('feeds.comments', { format: 'Atom' })}
          href="/comments/feed.atom"
        />
        <link
          rel="alternate"
          type="application/feed+json"
          title={t('feeds.comments', { format: 'JSON Feed' })}
          href="/comments/feed.json"
        />
        <a className="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <SiteLanguage language={language} timeZone={timeZone} messages={messagesFor(language, ['client'])}>
          {children}
        </SiteLanguage>
      </body>
    </html>
  )
}
