'use client'

import './globals.css'

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="page page--message">
          <h1>Something went wrong</h1>
          <p>Sorry — the blog could not be shown just now. Please reload the page in a moment.</p>
          {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  )
}
