import Link from 'next/link'
import type { PublicSiteInfo } from '@/lib/settings'
import { DEFAULT_LANGUAGE, type Language, translator } from '@/lib/i18n'

/**
 * The blog's masthead with the search box (a plain GET form), and the look the owner chose (accent,
 * custom CSS, logo, a line under the header; lib/look/). Without `site` (pages that cannot read
 * settings, such as the error page) it shows a plain home link in Plateau's own colours.
 */
export function SiteHeader({ site, query }: { site?: PublicSiteInfo; query?: string }) {
  const look = site?.look
  const t = translator(site?.language ?? DEFAULT_LANGUAGE, 'site')
  return (
    <>
      {/* React puts these in the head, after Plateau's own stylesheet. */}
      {look?.accentCss ? (
        <style href="plateau-accent" precedence="plateau-look">
          {look.accentCss}
        </style>
      ) : null}
      {look?.customCssPath ? <link rel="stylesheet" href={look.customCssPath} precedence="plateau-custom" /> : null}
      <header className="site-header">
        <div className="site-header__inner">
          <p className="site-title">
            <Link href="/">
              {look?.logo ? (
                // eslint-disable-next-line @next/next/no-img-element -- an uploaded image, drawn at its own size
                <img
                  className="site-logo"
                  src={look.logo.url}
                  alt={look.logo.alt}
                  width={look.logo.width}
                  height={look.logo.height}
                />
              ) : (
                (site?.title ?? t('backToBlog'))
              )}
            </Link>
          </p>
          {site?.tagline ? <p className="site-tagline">{site.tagline}</p> : null}
          {site?.navigation?.length ? (
            <nav aria-label={t('siteNav')} className="site-nav">
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
              {t('searchPosts')}
            </label>
            <input
              id="site-search-q"
              type="search"
              name="q"
              defaultValue={query}
              maxLength={200}
              placeholder={t('searchPosts')}
            />
            <button type="submit">{t('search')}</button>
          </form>
        </div>
      </header>
      {look?.headerText ? <p className="site-announcement">{look.headerText}</p> : null}
    </>
  )
}

/** The footer: the owner's line, or Plateau's (in `language` where there is no `site`, as in the admin). */
export function SiteFooter({ site, language }: { site?: PublicSiteInfo; language?: Language }) {
  return (
    <footer className="site-footer">
      <p>{site?.look.footerText || translator(site?.language ?? language ?? DEFAULT_LANGUAGE, 'site')('poweredBy')}</p>
    </footer>
  )
}
