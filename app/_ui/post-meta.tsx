import type { ReactNode } from 'react'
import { formatDate } from '@/lib/dates'

/** "By <author> · <date> · …extras": the byline of a post, in listings and on the post itself. */
export function PostMeta({ authorName, publishedAt, children }: { authorName: string; publishedAt: string | null; children?: ReactNode }) {
  return (
    <p className="post-meta">
      <span>By {authorName}</span>
      {publishedAt ? (
        <>
          {' · '}
          <time dateTime={publishedAt}>{formatDate(publishedAt)}</time>
        </>
      ) : null}
      {children}
    </p>
  )
}
