import type { Metadata } from 'next'
import Link from 'next/link'
import { PostMeta } from '@/app/_ui/post-meta'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { postPath } from '@/lib/paths'
import { cachedSearch, cachedSiteInfo } from '@/lib/public/cached'
import { loadSearchView, searchTerms, type SearchView } from '@/lib/posts/search'
import { translator } from '@/lib/i18n'
import { allowRead } from '@/lib/rate-limits'
import { clientIp } from '@/lib/request'

// Rendered for each request (results depend on the query); a plain GET form, so it works without
// JavaScript. Result pages are not for search engines. Results are cached for a minute per set of
// words (however they were typed), and each client may search a limited number of times a minute.
export const instant = false

async function search(q: unknown, page: unknown): Promise<SearchView> {
  const typed = typeof q === 'string' ? q.trim() : ''
  const words = searchTerms(typed).join(' ')
  if (!words) return loadSearchView(typed, undefined)
  if (!allowRead('searchesPerClient', await clientIp()))
    return { ...(await loadSearchView('', undefined)), query: typed, notice: 'limited' }
  return { ...(await cachedSearch(words, typeof page === 'string' ? page : undefined)), query: typed.slice(0, 200) }
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = await searchParams
  const query = typeof q === 'string' ? q.trim().slice(0, 80) : ''
  const t = translator((await cachedSiteInfo()).language, 'search')
  return { title: query ? t('resultsFor', { query }) : t('title'), robots: { index: false } }
}

const searchPath = (query: string, page: number) =>
  `/search?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams
  const view = await search(params.q, params.page)
  const searched = view.query !== '' && view.notice === null
  const t = translator(view.site.language, 'search')
  const tPost = translator(view.site.language, 'post')

  return (
    <>
      <SiteHeader site={view.site} query={view.query} />
      <main id="main" className="page">
        <h1>{searched ? t('resultsFor', { query: view.query }) : t('title')}</h1>
        {view.notice ? (
          <p role="status" className="notice">
            {t(`notices.${view.notice}`)}
          </p>
        ) : null}
        {!searched ? (
          <p>{t('intro')}</p>
        ) : view.results.length === 0 ? (
          <p role="status">
            {t.rich(view.page > 1 ? 'noMore' : 'nothing', { link: (chunks) => <Link href="/">{chunks}</Link> })}
          </p>
        ) : (
          <ol className="search-results">
            {view.results.map((post) => (
              <li key={post.slug} className="post-summary">
                <h2 className="post-summary__title">
                  <Link href={postPath(post.slug)}>{post.title}</Link>
                </h2>
                <PostMeta
                  authorName={post.authorName}
                  authorSlug={post.authorSlug}
                  publishedAt={post.publishedAt}
                  locale={view.site}
                >
                  {' · '}
                  <Link href={`${postPath(post.slug)}#comments`}>
                    {tPost('commentCount', { count: post.commentCount })}
                  </Link>
                </PostMeta>
                <p className="search-results__snippet" dangerouslySetInnerHTML={{ __html: post.snippetHtml }} />
              </li>
            ))}
          </ol>
        )}
        {view.hasPrevious || view.hasNext ? (
          <nav className="pagination" aria-label={t('moreResultsNav')}>
            {view.hasNext ? (
              <Link rel="next" href={searchPath(view.query, view.page + 1)}>
                {t('moreResults')}
              </Link>
            ) : null}
            {view.hasPrevious ? (
              <Link rel="prev" href={searchPath(view.query, view.page - 1)}>
                {t('previousResults')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </main>
      <SiteFooter site={view.site} />
    </>
  )
}
