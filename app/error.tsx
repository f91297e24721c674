'use client'

import Link from 'next/link'
import { SiteFooter, SiteHeader } from './_ui/site-header'

// The server logged the real error; the browser gets only its digest, to quote in a report.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="page page--message">
        <h1>Something went wrong</h1>
        <p>Sorry — this page could not be shown just now. Please try again in a moment.</p>
        <p>
          <button type="button" onClick={reset}>
            Try again
          </button>{' '}
          or <Link href="/">go to the latest posts</Link>.
        </p>
        {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
      </main>
      <SiteFooter />
    </>
  )
}
