import Link from 'next/link'
import type { ReactNode } from 'react'
import { type SiteLocale, formatDate, localYearMonth } from '@/lib/dates'
import { archivePath } from '@/lib/posts/archives'
import { translator } from '@/lib/i18n'

/**
 * "By <author> · <date> · …extras": the byline of a post, in listings and on the post itself. The
 * author links to their page and the date to its month's archive (both in the site's time zone).
 */
export function PostMeta(props: {
  authorName: string
  authorSlug: string | null
  publishedAt: string | null
  locale: SiteLocale
  children?: ReactNode
}) {
  const { authorName, authorSlug, publishedAt, locale, children } = props
  const t = translator(locale.language, 'post')
  return (
    <p className="post-meta">
      <span>
        {t.rich('byline', {
          author: () =>
            authorSlug ? (
              <Link href={archivePath({ kind: 'author', slug: authorSlug })}>{authorName}</Link>
            ) : (
              authorName
            ),
        })}
      </span>
      {publishedAt ? (
        <>
          {' · '}
          <Link href={archivePath({ kind: 'date', ...localYearMonth(publishedAt, locale.timeZone) })}>
            <time dateTime={publishedAt}>{formatDate(publishedAt, locale)}</time>
          </Link>
        </>
      ) : null}
      {children}
    </p>
  )
}
