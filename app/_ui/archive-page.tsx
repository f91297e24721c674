import type { Metadata } from 'next'
import { cacheLife, cacheTag } from 'next/cache'
import { notFound, permanentRedirect } from 'next/navigation'
import { cacheTags } from '@/lib/cache/tags'
import { siteUrl } from '@/lib/public-address'
import { type ArchiveScope, archivePath, loadArchiveView } from '@/lib/posts/archives'
import { LISTING_FRESH_SECONDS } from '@/lib/posts/views'
import { resolveOldAddress } from '@/lib/wordpress/old-addresses'
import { PostList } from './post-list'
import { SiteHeader } from './site-header'

// One renderer for every archive — /tags/<slug>, /authors/<slug>, /<year>, /<year>/<month>, and
// their /page/<n> — each cached like the home page.

/** The only parameter value rendered at build time (Cache Components needs one). */
export const ARCHIVE_BUILD_PLACEHOLDER = '-'

async function loadArchive(scope: ArchiveScope, page: number) {
  'use cache'
  cacheTag(cacheTags.listings, cacheTags.settings, cacheTags.people)
  const view = await loadArchiveView(scope, page)
  cacheLife({ stale: 60, revalidate: view?.freshFor ?? LISTING_FRESH_SECONDS, expire: 86_400 })
  return view
}

/** Page 1 has no /page/ part; anything but a number from 2 up is not a page. */
export const laterPageNumber = (raw: string) => (/^[1-9]\d{0,5}$/.test(raw) && raw !== '1' ? Number(raw) : null)

const isPlaceholder = (scope: ArchiveScope) => (scope.kind === 'date' ? scope.year : scope.slug) === ARCHIVE_BUILD_PLACEHOLDER

/** A single-segment address that is no year may be an imported post's or page's old /slug. */
async function oldWordPressAddress(slug: string) {
  'use cache'
  cacheTag(cacheTags.listings)
  cacheLife({ stale: 60, revalidate: 60, expire: 86_400 })
  return resolveOldAddress({ segments: [slug] })
}

async function viewFor(scope: ArchiveScope, page: number | null) {
  if (scope.kind === 'date' && !scope.month && page === 1 && !/^\d+$/.test(scope.year) && !isPlaceholder(scope)) {
    const target = await oldWordPressAddress(scope.year)
    if (target) permanentRedirect(target)
  }
  return !isPlaceholder(scope) && page ? loadArchive(scope, page) : null
}

export async function archiveMetadata(scope: ArchiveScope, page: number | null): Promise<Metadata> {
  const view = await viewFor(scope, page)
  if (!view) return {}
  return {
    title: `${view.title}${view.page > 1 ? `, page ${view.page}` : ''} – ${view.site.title}`,
    description: view.description,
  }
}

export async function ArchivePage({ scope, page }: { scope: ArchiveScope; page: number | null }) {
  const view = await viewFor(scope, page)
  if (!view) notFound()
  return (
    <>
      <SiteHeader site={view.site} />
      <link rel="canonical" href={siteUrl(archivePath(scope, view.page))} />
      {view.feedBase ? (
        <>
          <link rel="alternate" type="application/rss+xml" title={`${view.title} (RSS)`} href={`${view.feedBase}/feed.xml`} />
          <link rel="alternate" type="application/atom+xml" title={`${view.title} (Atom)`} href={`${view.feedBase}/feed.atom`} />
          <link rel="alternate" type="application/feed+json" title={`${view.title} (JSON Feed)`} href={`${view.feedBase}/feed.json`} />
        </>
      ) : null}
      <main id="main" className="page">
        <h1>
          {view.title}
          {view.page > 1 ? `, page ${view.page}` : ''}
        </h1>
        {view.feedBase ? (
          <p className="archive__feeds">
            Follow: <a href={`${view.feedBase}/feed.xml`}>RSS</a> · <a href={`${view.feedBase}/feed.atom`}>Atom</a> ·{' '}
            <a href={`${view.feedBase}/feed.json`}>JSON Feed</a>
          </p>
        ) : null}
        <PostList {...view} pagePath={(n) => archivePath(scope, n)} />
      </main>
    </>
  )
}
