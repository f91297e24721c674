import Link from 'next/link'
import type { PostSummary } from '@/lib/posts/views'
import { commentCountLabel } from '@/lib/text'
import type { DateSettings } from '@/lib/dates'
import { postPath } from '@/lib/paths'
import { PostMeta } from './post-meta'

/** A page of post summaries with newer/older links; `pagePath(n)` is the address of page n. */
export function PostList(props: { posts: PostSummary[]; page: number; hasPrevious: boolean; hasNext: boolean; pagePath: (page: number) => string; site: DateSettings }) {
  const { posts, page, hasPrevious, hasNext, pagePath, site } = props
  return (
    <>
      {posts.length === 0 ? <p>Nothing has been published here yet.</p> : null}
      {posts.map((post) => (
        <article key={post.slug} className="post-summary">
          {post.pinned ? <p className="post-summary__pinned">Pinned</p> : null}
          <h2 className="post-summary__title">
            <Link href={postPath(post.slug)}>{post.title}</Link>
          </h2>
          <PostMeta authorName={post.authorName} authorSlug={post.authorSlug} publishedAt={post.publishedAt} dates={site}>
            {' · '}
            <Link href={`${postPath(post.slug)}#comments`}>{commentCountLabel(post.commentCount)}</Link>
          </PostMeta>
          {post.excerpt ? <p className="post-summary__excerpt">{post.excerpt}</p> : null}
        </article>
      ))}
      {hasPrevious || hasNext ? (
        <nav className="pagination" aria-label="More posts">
          {hasNext ? (
            <Link rel="next" href={pagePath(page + 1)}>
              Older posts
            </Link>
          ) : null}
          {hasPrevious ? (
            <Link rel="prev" href={pagePath(page - 1)}>
              Newer posts
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
