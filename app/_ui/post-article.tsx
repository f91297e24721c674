import Link from 'next/link'
import { PostMeta } from '@/app/_ui/post-meta'
import { postPath } from '@/lib/paths'
import { archivePath } from '@/lib/posts/archives'
import type { PostLink, PostView } from '@/lib/posts/views'
import type { SiteLocale } from '@/lib/dates'
import { translator } from '@/lib/i18n'
import { POST_IMAGE_SIZES, uploadedImageSizes } from '@/lib/uploads/paths'

/** A post as readers see it: title, byline, image with credit, body, tags, and links onwards. */
export function PostArticle(props: {
  post: PostView['post']
  locale: SiteLocale
  older?: PostLink | null
  newer?: PostLink | null
  related?: PostLink[]
  commentCount?: number
}) {
  const { post, locale, older = null, newer = null, related = [], commentCount } = props
  const image = post.featuredImage
  const sizes = image ? uploadedImageSizes(image.url) : null
  const t = translator(locale.language, 'post')
  return (
    <article className="post">
      <header className="post__header">
        <h1 className="post__title">{post.title}</h1>
        {post.kind === 'page' ? null : (
          <PostMeta
            authorName={post.authorName}
            authorSlug={post.authorSlug}
            publishedAt={post.publishedAt}
            locale={locale}
          >
            {' · '}
            <span>{t('readingTime', { minutes: post.readingMinutes })}</span>
            {commentCount === undefined ? null : (
              <>
                {' · '}
                <a href="#comments">{t('commentCount', { count: commentCount })}</a>
              </>
            )}
          </PostMeta>
        )}
      </header>
      {image ? (
        <figure className="post__image">
          {/* eslint-disable-next-line @next/next/no-img-element -- a local file served as is; no optimizer round-trip */}
          <img
            src={image.url}
            alt={image.alt}
            width={sizes?.width ?? 1200}
            height={sizes?.height ?? 630}
            srcSet={sizes?.srcset ?? undefined}
            sizes={sizes?.srcset ? POST_IMAGE_SIZES : undefined}
            fetchPriority="high"
            decoding="async"
          />
          {image.caption || image.credit ? (
            <figcaption>
              {image.caption ? <span>{image.caption} </span> : null}
              {image.credit ? (
                <span className="post__credit">
                  {t.rich('imageCredit', {
                    credit: () => (image.creditUrl ? <a href={image.creditUrl}>{image.credit}</a> : image.credit),
                  })}
                </span>
              ) : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <div className="post__body prose" dangerouslySetInnerHTML={{ __html: post.html }} />
      <footer className="post__footer">
        {post.tags.length > 0 ? (
          <>
            <h2 className="visually-hidden">{t('tags')}</h2>
            <ul className="tags">
              {post.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={archivePath({ kind: 'tag', slug: tag.slug })}>{tag.name}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {older || newer ? (
          <nav className="post-nav" aria-label={t('morePosts')}>
            {older ? (
              <Link rel="prev" href={postPath(older.slug)}>
                <span className="post-nav__label">{t('previousPost')}</span> {older.title}
              </Link>
            ) : null}
            {newer ? (
              <Link rel="next" href={postPath(newer.slug)}>
                <span className="post-nav__label">{t('nextPost')}</span> {newer.title}
              </Link>
            ) : null}
          </nav>
        ) : null}
        {related.length > 0 ? (
          <section className="related" aria-labelledby="related-title">
            <h2 id="related-title">{t('relatedPosts')}</h2>
            <ul>
              {related.map((r) => (
                <li key={r.slug}>
                  <Link href={postPath(r.slug)}>{r.title}</Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </footer>
    </article>
  )
}
