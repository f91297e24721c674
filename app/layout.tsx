import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {/* Feed autodiscovery; React hoists these into <head>. */}
        <link rel="alternate" type="application/rss+xml" title="Posts (RSS)" href="/feed.xml" />
        <link rel="alternate" type="application/atom+xml" title="Posts (Atom)" href="/feed.atom" />
        <link rel="alternate" type="application/feed+json" title="Posts (JSON Feed)" href="/feed.json" />
        <link rel="alternate" type="application/rss+xml" title="Comments (RSS)" href="/comments/feed.xml" />
        <link rel="alternate" type="application/atom+xml" title="Comments (Atom)" href="/comments/feed.atom" />
        <link rel="alternate" type="application/feed+json" title="Comments (JSON Feed)" href="/comments/feed.json" />
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  )
}
