import Link from 'next/link'
import type { PublicSiteInfo } from '@/lib/settings'

/**
 * The blog's masthead with the search box (a plain GET form). Without `site` (pages that cannot
 * read settings) it shows a plain home link.
 */
export function SiteHeader({ site, query }: { site?: PublicSiteInfo; query?: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <p className="site-title">
          <Link href="/">{site?.title ?? 'Back to the blog'}</Link>
        </p>
        {site?.tagline ? <p className="site-tagline">{site.tagline}</p> : null}
        {site?.navigation?.length ? (
          <nav aria-label="Site" className="site-nav">
            <ul>
              {site.navigation.map((link) => (
                <li key={link.href}>
                  <Link href={link.href}>{link.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <form role="search" action="/search" method="get" className="site-search">
          <label htmlFor="site-search-q" className="visually-hidden">
            Search posts
          </label>
          <input id="site-search-q" type="search" name="q" defaultValue={query} maxLength={200} placeholder="Search posts" />
          <button type="submit">Search</button>
        </form>
      </div>
    </header>
  )
}
