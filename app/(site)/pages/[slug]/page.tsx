import type { Metadata } from 'next'
import { translator } from '@/lib/i18n'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PostArticle } from '@/app/_ui/post-article'
import { SiteFooter, SiteHeader } from '@/app/_ui/site-header'
import { cachedPage } from '@/lib/public/cached'
import { pagePath } from '@/lib/paths'
import { siteUrl } from '@/lib/public-address'
import { siteLocaleOf, publicSiteInfo } from '@/lib/settings'

// Pages (About, Contact…): like a post without byline, date or comments, cached (lib/public/cached.ts).
const BUILD_PLACEHOLDER = '-'

export async function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER }]
}

type Props = { params: Promise<{ slug: string }> }

const viewFor = async (slug: string) => (slug === BUILD_PLACEHOLDER ? null : cachedPage(slug))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await viewFor((await params).slug)
  if (!view) return {}
  return {
    title: translator(view.site.language, 'post')('titles.post', { post: view.page.title, site: view.site.title }),
    description: view.page.excerpt ?? undefined,
    alternates: { canonical: siteUrl(pagePath(view.page.slug)) },
  }
}

export default async function Page({ params }: Props) {
  const view = await viewFor((await params).slug)
  if (!view) notFound()
  const shown = publicSiteInfo(view.site)
  return (
    <>
      <SiteHeader site={shown} />
      <main id="main" className="page">
        {view.parents.length > 0 ? (
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <ol>
              {view.parents.map((parent) => (
                <li key={parent.slug}>
                  <Link href={pagePath(parent.slug)}>{parent.title}</Link>
                </li>
              ))}
              <li aria-current="page">{view.page.title}</li>
            </ol>
          </nav>
        ) : null}
        <PostArticle post={view.page} locale={siteLocaleOf(view.site)} />
      </main>
      <SiteFooter site={shown} />
    </>
  )
}
