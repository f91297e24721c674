import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { cachedArchive, cachedOldAddress } from '@/lib/public/cached'
import { siteUrl } from '@/lib/public-address'
import { type ArchiveScope, archivePath } from '@/lib/posts/archives'
import { PostList } from './post-list'
import { publicSiteInfo } from '@/lib/settings'
import { SiteFooter, SiteHeader } from './site-header'
import { parseLaterPage } from '@/lib/params'
import { translator } from '@/lib/i18n'

// One renderer for every archive — /tags/<slug>, /authors/<slug>, /<year>, /<year>/<month>, and
// their /page/<n> — each cached like the home page (lib/public/cached.ts).

/** The only parameter value rendered at build time (Cache Components needs one). */
export const ARCHIVE_BUILD_PLACEHOLDER = '-'

/** Page 1 has no /page/ part; anything but a number from 2 up is not a page. */
export const laterPageNumber = parseLaterPage

const isPlaceholder = (scope: ArchiveScope) =>
  (scope.kind === 'date' ? scope.year : scope.slug) === ARCHIVE_BUILD_PLACEHOLDER

async function viewFor(scope: ArchiveScope, page: number | null) {
  if (scope.kind === 'date' && !scope.month && page === 1 && !/^\d+$/.test(scope.year) && !isPlaceholder(scope)) {
    const target = await cachedOldAddress(scope.year)
    if (target) permanentRedirect(target)
  }
  return !isPlaceholder(scope) && page ? cachedArchive(scope, page) : null
}

export async function archiveMetadata(scope: ArchiveScope, page: number | null): Promise<Metadata> {
  const view = await viewFor(scope, page)
  if (!view) return {}
  const t = translator(view.site.language, 'archives')
  return {
    title: t('pageTitle', {
      title: view.page > 1 ? t('paged', { title: view.title, page: view.page }) : view.title,
      site: view.site.title,
    }),
    description: view.description,
  }
}

export async function ArchivePage({ scope, page }: { scope: ArchiveScope; page: number | null }) {
  const view = await viewFor(scope, page)
  if (!view) notFound()
  const shown = publicSiteInfo(view.site)
  const t = translator(view.site.language, 'archives')
  return (
    <>
      <SiteHeader site={shown} />
      <link rel="canonical" href={siteUrl(archivePath(scope, view.page))} />
      {view.feedBase ? (
        <>
          <link
            rel="alternate"
            type="application/rss+xml"
            title={`${view.title} (RSS)`}
            href={`${view.feedBase}/feed.xml`}
          />
          <link
            rel="alternate"
            type="application/atom+xml"
            title={`${view.title} (Atom)`}
            href={`${view.feedBase}/feed.atom`}
          />
          <link
            rel="alternate"
            type="application/feed+json"
            title={`${view.title} (JSON Feed)`}
            href={`${view.feedBase}/feed.json`}
          />
        </>
      ) : null}
      <main id="main" className="page">
        <h1>{view.page > 1 ? t('paged', { title: view.title, page: view.page }) : view.title}</h1>
        {view.feedBase ? (
          <p className="archive__feeds">
            {t('follow')} <a href={`${view.feedBase}/feed.xml`}>RSS</a> ·{' '}
            <a href={`${view.feedBase}/feed.atom`}>Atom</a> · <a href={`${view.feedBase}/feed.json`}>JSON Feed</a>
          </p>
        ) : null}
        <PostList {...view} pagePath={(n) => archivePath(scope, n)} />
      </main>
      <SiteFooter site={shown} />
    </>
  )
}
