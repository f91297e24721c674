import Link from 'next/link'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { isMailTopic, readUnsubscribeLink, topicSentence } from '@/lib/mail/unsubscribe'
import { translator } from '@/lib/i18n'
import { NOT_INDEXED, titled } from '@/app/_ui/page-title'

export const instant = false
export const generateMetadata = titled('unsubscribe', 'title', NOT_INDEXED)

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// Opened from an email's visible link: it asks once (a GET never changes anything, so a mail
// scanner following the link stops nothing); the button posts to the one-click address.
export default async function UnsubscribePage({ searchParams }: Props) {
  const query = await searchParams
  const done = isMailTopic(query.done) ? query.done : null
  const link = readUnsubscribeLink(query)
  const site = await cachedSiteInfo()
  const t = translator(site.language, 'unsubscribe')
  const profile = (chunks: React.ReactNode) => <Link href="/profile">{chunks}</Link>
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>{t('title')}</h1>
        {done ? (
          <p role="status" className="notice">
            {t.rich('done', { emails: topicSentence(done, site.language), profile })}
          </p>
        ) : link ? (
          <form
            method="post"
            action={`/api/unsubscribe?${new URLSearchParams({ u: link.userId, topic: link.topic, sig: String(query.sig), from: 'page' })}`}
          >
            <p>{t('ask', { emails: topicSentence(link.topic, site.language) })}</p>
            <button type="submit" className="button">
              {t('title')}
            </button>
          </form>
        ) : (
          <p role="alert">{t.rich('invalid', { profile })}</p>
        )}
      </main>
      <SiteFooter site={site} />
    </>
  )
}
