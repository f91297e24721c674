import Link from 'next/link'
import type { ReactNode } from 'react'
import { type DateSettings, formatDate, localYearMonth } from '@/lib/dates'
import { archivePath } from '@/lib/posts/archives'

/**
 * "By <author> · <date> · …extras": the byline of a post, in listings and on the post itself. The
 * author links to their page and the date to its month's archive (both in the site's time zone).
 */
export function PostMeta(props: { authorName: string; authorSlug: string | null; publishedAt: string | null; dates: DateSettings; children?: ReactNode }) {
  const { authorName, authorSlug, publishedAt, dates, children } = props
  return (
    <p className="post-meta">
      <span>By {authorSlug ? <Link href={archivePath({ kind: 'author', slug: authorSlug })}>{authorName}</Link> : authorName}</span>
      {publishedAt ? (
        <>
          {' · '}
          <Link href={archivePath({ kind: 'date', ...localYearMonth(publishedAt, dates.timeZone) })}>
            <time dateTime={publishedAt}>{formatDate(publishedAt, dates)}</time>
          </Link>
        </>
      ) : null}
      {children}
    </p>
  )
}
