import { cacheLife, cacheTag } from 'next/cache'
import { buildCommentsFeed, buildPostsFeed, buildSitemap, type FeedFormat, type FeedScope } from '@/lib/public/feeds'
import { type ArchiveScope, loadArchiveView } from '@/lib/posts/archives'
import { loadPageView } from '@/lib/posts/pages'
import { loadSearchView, type SearchView } from '@/lib/posts/search'
import {
  type CommentSelection,
  findMovedPost,
  LISTING_FRESH_SECONDS,
  loadHomeView,
  loadPostView,
} from '@/lib/posts/views'
import { slugFromAddress } from '@/lib/slugs'
import { resolveOldAddress } from '@/lib/wordpress/old-addresses'
import { cacheTags } from '@/lib/public/tags'
import { defaultSiteSettings, getSiteSettings, publicSiteInfo, type PublicSiteInfo } from '@/lib/settings'
import { customCssVersion, defaultIconSvg, servedCustomCss } from '@/lib/look'
import { uploadedImageSizes } from '@/lib/uploads/paths'

/*
 * Every cached read a public page, feed or the sitemap makes, with its tags and its lifetime: the
 * one place to look for "how fresh is this page, and which write refreshes it". Writes say what they
 * changed as `PublicChanges` (./tags.ts turns that into tags) and expire it through ./expire.ts;
 * lib/public/cache/ shares entries and expiries between instances.
 *
 *   loader            tags                                     lifetime when nothing is written
 *   home, archives    listings, settings, people               until the next scheduled post is due, at most a minute stale
 *   post              post:<slug>, settings, people, listings  forever (a day if its comments close after N days); a minute while it 404s
 *   page (About…)     post:<slug>, settings, people, listings  forever
 *   search results    listings, settings, people               a minute (five at most)
 *   posts feeds       listings, settings, people               a minute
 *   comment feeds     post:<slug> for one post's; none (site)  five minutes
 *   sitemap           listings                                 five minutes
 *   old /slug         listings                                 a minute
 *   site info, look   settings                                 forever (icon and custom CSS too)
 *
 * A slug from an address goes through slugFromAddress first (decoded, NFC), so a post's tag is the
 * one its writes expire however the address was typed.
 *
 * A new comment expires only its post: listings show comment counts at most a minute late. Post
 * pages carry the listings tag for their previous / next links.
 */

const LISTING_LIFE = { stale: 60, expire: 86_400 }

/** A page of the home page's posts, or null past the last page. */
export async function cachedHome(page: number) {
  'use cache'
  cacheTag(cacheTags.listings, cacheTags.settings, cacheTags.people)
  const view = await loadHomeView(page)
  cacheLife({ ...LISTING_LIFE, revalidate: view?.freshFor ?? LISTING_FRESH_SECONDS })
  return view
}

/** A page of a tag's, an author's, a year's or a month's posts, or null when there is none. */
export async function cachedArchive(scope: ArchiveScope, page: number) {
  'use cache'
  if (scope.kind !== 'date') scope = { ...scope, slug: slugFromAddress(scope.slug) }
  cacheTag(cacheTags.listings, cacheTags.settings, cacheTags.people)
  const view = await loadArchiveView(scope, page)
  cacheLife({ ...LISTING_LIFE, revalidate: view?.freshFor ?? LISTING_FRESH_SECONDS })
  return view
}

/** Where an imported post's or page's old single-segment WordPress address (/slug) now lives. */
export async function cachedOldAddress(slug: string) {
  'use cache'
  cacheTag(cacheTags.listings)
  cacheLife({ ...LISTING_LIFE, revalidate: 60 })
  return resolveOldAddress({ segments: [slug] })
}

/** A post with the comments `selection` asks for; when there is none, where it moved (an old slug), if anywhere. */
export async function cachedPost(slug: string, selection: CommentSelection) {
  'use cache'
  slug = slugFromAddress(slug)
  cacheTag(cacheTags.post(slug), cacheTags.settings, cacheTags.people, cacheTags.listings)
  const view = await loadPostView(slug, selection)
  if (view) {
    // Comments that close after N days: look again daily so the form goes when they close.
    cacheLife(view.post.commentsOpen && view.site.closeCommentsAfterDays > 0 ? 'days' : 'max')
    return { view, movedTo: null }
  }
  // Nothing here (yet): look again within a minute, so a scheduled post shows up on its own time.
  cacheLife({ stale: 60, revalidate: 60, expire: 300 })
  return { view: null, movedTo: await findMovedPost(slug) }
}

/** A published page (About, Contact…), or null. */
export async function cachedPage(slug: string) {
  'use cache'
  slug = slugFromAddress(slug)
  cacheTag(cacheTags.post(slug), cacheTags.settings, cacheTags.people, cacheTags.listings)
  cacheLife('max')
  return loadPageView(slug)
}

/**
 * What every reader page shows of the site (title, header links, language and clock, the look), for
 * pages with nothing else cached, and the root layout's `<html lang dir>`.
 *
 * What Next prerenders at build (the root layout, the not-found page) passes `whileBuilding()`: there
 * is no database then, and a page prerendered at build must not carry the settings tag (it would hang
 * on its next request once the tag is expired), so the build gets the defaults, untagged. Being its
 * own argument, that entry is never the one a request reads (Next hands a build's cache entries on
 * to the server).
 */
export async function cachedSiteInfo(building?: true): Promise<PublicSiteInfo> {
  'use cache'
  cacheLife('max')
  if (building) return publicSiteInfo(defaultSiteSettings())
  cacheTag(cacheTags.settings)
  return publicSiteInfo(await getSiteSettings())
}

/** `true` while Next builds (for `cachedSiteInfo`), else nothing. */
export const whileBuilding = (): true | undefined =>
  process.env.NEXT_PHASE === 'phase-production-build' ? true : undefined

/** The site icon: the owner's upload, or Plateau's drawn in the accent colour. */
export async function cachedSiteIcon(): Promise<{ kind: 'upload'; url: string } | { kind: 'default'; svg: string }> {
  'use cache'
  cacheTag(cacheTags.settings)
  cacheLife('max')
  const site = await getSiteSettings()
  return site.iconUrl && uploadedImageSizes(site.iconUrl)
    ? { kind: 'upload', url: site.iconUrl }
    : { kind: 'default', svg: defaultIconSvg(site.accentColor) }
}

/** The custom CSS as served, and its fingerprint. */
export async function cachedCustomCss(): Promise<{ css: string; version: string }> {
  'use cache'
  cacheTag(cacheTags.settings)
  cacheLife('max')
  const { customCss } = await getSiteSettings()
  return { css: servedCustomCss(customCss), version: customCssVersion(customCss) }
}

/** Search results for normalised `words` (however they were typed, the same entry). */
export async function cachedSearch(words: string, page: string | undefined): Promise<SearchView> {
  'use cache'
  cacheTag(cacheTags.listings, cacheTags.settings, cacheTags.people)
  cacheLife({ stale: 60, revalidate: 60, expire: 300 })
  return loadSearchView(words, page)
}

/** The posts feed (the site's, a tag's or an author's) linking to `origin`; null for an unknown tag or author. */
export async function cachedPostsFeed(origin: string, format: FeedFormat, scope?: FeedScope): Promise<string | null> {
  'use cache'
  if (scope && scope.kind !== 'site') scope = { ...scope, slug: slugFromAddress(scope.slug) }
  cacheTag(cacheTags.listings, cacheTags.settings, cacheTags.people)
  cacheLife({ ...LISTING_LIFE, revalidate: 60 })
  return buildPostsFeed(origin, format, scope)
}

/** The site's comments feed, or one post's. */
export async function cachedCommentsFeed(origin: string, format: FeedFormat, postSlug?: string): Promise<string> {
  'use cache'
  if (postSlug) postSlug = slugFromAddress(postSlug)
  if (postSlug) cacheTag(cacheTags.post(postSlug))
  cacheLife({ stale: 300, revalidate: 300, expire: 86_400 })
  return buildCommentsFeed(origin, format, postSlug)
}

/** The sitemap linking to `origin`. */
export async function cachedSitemap(origin: string): Promise<string> {
  'use cache'
  cacheTag(cacheTags.listings)
  cacheLife({ stale: 300, revalidate: 300, expire: 86_400 })
  return buildSitemap(origin)
}
