'use client'

import Link from 'next/link'
import { useTranslations } from 'next-intl'

// The server logged the real error; the browser gets only its digest, to quote in a report. (A
// client component, so its header is drawn here: the site's header reads the catalogs on the server.)
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('client.error')
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="site-title">
            <Link href="/">{t('backToBlog')}</Link>
          </p>
        </div>
      </header>
      <main id="main" className="page page--message">
        <h1>{t('title')}</h1>
        <p>{t('text')}</p>
        <p>
          {t.rich('retry', {
            button: (chunks) => (
              <button type="button" onClick={reset}>
                {chunks}
              </button>
            ),
            link: (chunks) => <Link href="/">{chunks}</Link>,
          })}
        </p>
        {error.digest ? <p className="muted">{t('reference', { digest: error.digest })}</p> : null}
      </main>
    </>
  )
}
