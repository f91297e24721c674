import Link from 'next/link'

/** The blog's masthead. Without `site` (pages that cannot read settings) it shows a plain home link. */
export function SiteHeader({ site }: { site?: { title: string; tagline: string } }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <p className="site-title">
          <Link href="/">{site?.title ?? 'Back to the blog'}</Link>
        </p>
        {site?.tagline ? <p className="site-tagline">{site.tagline}</p> : null}
      </div>
    </header>
  )
}
