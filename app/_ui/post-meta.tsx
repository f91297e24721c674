import Link from 'next/link'
import type { ReactNode } from 'react'
import { formatDate } from '@/lib/dates'
import { archivePath } from '@/lib/posts/archives'

/**
 * "By <author> · <date> · …extras": the byline of a post, in listings and on the post itself. The
 * author links to their page and the date to its month's archive.
 */
export function PostMeta(props: { authorName: string; authorSlug: string | null; publishedAt: string | null; children?: ReactNode }) {
  const { authorName, authorSlug, publishedAt, children } = props
  return (
    <p className="post-meta">
      <span>By {authorSlug ? <Link href={archivePath({ kind: 'author', slug: authorSlug })}>{authorName}</Link> : authorName}</span>
      {publishedAt ? (
        <>
          {' · '}
          <Link href={archivePath({ kind: 'date', year: publishedAt.slice(0, 4), month: publishedAt.slice(5, 7) })}>
            <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>
          </Link>
        </>
      ) : null}
      {children}
    </p>
  )
}
