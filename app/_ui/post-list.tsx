import Link from 'next/link'
import type { PostSummary } from '@/lib/posts/views'
import type { SiteLocale } from '@/lib/dates'
import { postPath } from '@/lib/paths'
import { PostMeta } from './post-meta'
import { translator } from '@/lib/i18n'

/** A page of post summaries with newer/older links; `pagePath(n)` is the address of page n. */
export function PostList(props: {
  posts: PostSummary[]
  page: number
  hasPrevious: boolean
  hasNext: boolean
  pagePath: (page: number) => string
  site: SiteLocale
}) {
  const { posts, page, hasPrevious, hasNext, pagePath, site } = props
  const t = translator(site.language, 'post')
  return (
    <>
      {posts.length === 0 ? <p>{t('nothingYet')}</p> : null}
      {posts.map((post) => (
        <article key={post.slug} className="post-summary">
          {post.pinned ? <p className="post-summary__pinned">{t('pinned')}</p> : null}
          <h2 className="post-summary__title">
            <Link href={postPath(post.slug)}>{post.title}</Link>
          </h2>
          <PostMeta
            authorName={post.authorName}
            authorSlug={post.authorSlug}
            publishedAt={post.publishedAt}
            locale={site}
          >
            {' · '}
            <Link href={`${postPath(post.slug)}#comments`}>{t('commentCount', { count: post.commentCount })}</Link>
          </PostMeta>
          {post.excerpt ? <p className="post-summary__excerpt">{post.excerpt}</p> : null}
        </article>
      ))}
      {hasPrevious || hasNext ? (
        <nav className="pagination" aria-label={t('morePosts')}>
          {hasNext ? (
            <Link rel="next" href={pagePath(page + 1)}>
              {t('olderPosts')}
            </Link>
          ) : null}
          {hasPrevious ? (
            <Link rel="prev" href={pagePath(page - 1)}>
              {t('newerPosts')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
