import type { Metadata } from 'next'
import Link from 'next/link'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedSiteInfo } from '@/lib/public/cached'
import { isMailTopic, readUnsubscribeLink, topicSentence } from '@/lib/mail/unsubscribe'

export const instant = false
export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

// Opened from an email's visible link: it asks once (a GET never changes anything, so a mail
// scanner following the link stops nothing); the button posts to the one-click address.
export default async function UnsubscribePage({ searchParams }: Props) {
  const query = await searchParams
  const done = isMailTopic(query.done) ? query.done : null
  const link = readUnsubscribeLink(query)
  const site = await cachedSiteInfo()
  return (
    <>
      <SiteHeader site={site} />
      <main id="main" className="page page--narrow">
        <h1>Unsubscribe</h1>
        {done ? (
          <p role="status" className="notice">
            Done: you will get no more {topicSentence(done)}. You can turn them on again on <Link href="/profile">your profile</Link>.
          </p>
        ) : link ? (
          <form method="post" action={`/api/unsubscribe?${new URLSearchParams({ u: link.userId, topic: link.topic, sig: String(query.sig), from: 'page' })}`}>
            <p>Stop {topicSentence(link.topic)}?</p>
            <button type="submit" className="button">
              Unsubscribe
            </button>
          </form>
        ) : (
          <p role="alert">
            This unsubscribe link is not valid (it may have been cut short when it was copied), so nothing was changed. Sign in and choose which emails you get on{' '}
            <Link href="/profile">your profile</Link>.
          </p>
        )}
      </main>
      <SiteFooter site={site} />
    </>
  )
}
