import type { Metadata } from 'next'
import Link from 'next/link'
import { SiteFooter, SiteHeader } from './_ui/site-header'

export const metadata: Metadata = { title: 'Page not found' }

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="page page--message">
        <h1>Page not found</h1>
        <p>There is nothing at this address. The post may have moved, or it is not published yet.</p>
        <p>
          <Link href="/">Go to the latest posts</Link>
        </p>
      </main>
      <SiteFooter />
    </>
  )
}
