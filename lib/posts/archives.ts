import type { DB } from '@/db'
import { getDb } from '@/db'
import { findAuthorBySlug, findTagBySlug, type PostFilter } from '@/db/queries/posts'
import { type HomeView, loadListing } from './views'
import { startOfLocal } from '@/lib/dates'
import { getSiteSettings } from '@/lib/settings'
import { type Language, translator } from '@/lib/i18n'

// Archives: the posts with a tag, by an author, or from a year or month — each a paginated listing
// with its own title, description, address and (for tags and authors) feeds.

export type ArchiveScope =
  { kind: 'tag'; slug: string } | { kind: 'author'; slug: string } | { kind: 'date'; year: string; month?: string }

export interface ArchiveView extends HomeView {
  /** "Posts tagged “Digital”", "Posts by SimonDigital", "Posts from March 2013". */
  title: string
  description: string
  /** The address of the archive's first page, e.g. /tags/digital or /2013/03. */
  path: string
  /** Where its feeds live (`${feedBase}/feed.xml` …), for tags and authors. */
  feedBase: string | null
}

/**
 * The time range of /YYYY or /YYYY/MM on the site's clock (`timeZone`): a post published at
 * 23:30 on 31 March in Lisbon's summer (22:30 UTC) is in March. Null if those are not a real year and month.
 */
export function dateRange(
  year: string,
  month: string | undefined,
  timeZone: string,
): { from: Date; until: Date } | null {
  if (!/^\d{4}$/.test(year) || (month !== undefined && !/^(0[1-9]|1[0-2])$/.test(month))) return null
  const y = Number(year)
  if (y < 1970) return null
  if (month === undefined) return { from: startOfLocal(y, 1, timeZone), until: startOfLocal(y + 1, 1, timeZone) }
  const m = Number(month)
  return { from: startOfLocal(y, m, timeZone), until: startOfLocal(y, m + 1, timeZone) }
}

/** "March 2013" (or just "2013") in `language`, as Intl (CLDR) names a month of a year. */
function periodName(year: string, month: string | undefined, language: Language): string {
  if (month === undefined) return year
  return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(year), Number(month) - 1, 15),
  )
}

/** The address of page `page` of an archive. */
export function archivePath(scope: ArchiveScope, page = 1): string {
  const base =
    scope.kind === 'tag'
      ? `/tags/${encodeURIComponent(scope.slug)}`
      : scope.kind === 'author'
        ? `/authors/${encodeURIComponent(scope.slug)}`
        : `/${scope.year}${scope.month ? `/${scope.month}` : ''}`
  return page === 1 ? base : `${base}/page/${page}`
}

/** What an archive lists and how it is named, or null when its tag, author or date does not exist. */
export async function resolveArchive(
  scope: ArchiveScope,
  db: DB = getDb(),
): Promise<{ filter: PostFilter; title: string; description: string; feedBase: string | null } | null> {
  const site = await getSiteSettings(db)
  const t = translator(site.language, 'archives')
  if (scope.kind === 'tag') {
    const tag = await findTagBySlug(db, scope.slug)
    if (!tag) return null
    const names = { tag: tag.name, site: site.title }
    return {
      filter: { tagSlug: tag.slug },
      title: t('tag.title', names),
      description: t('tag.description', names),
      feedBase: archivePath(scope),
    }
  }
  if (scope.kind === 'author') {
    const author = await findAuthorBySlug(db, scope.slug, new Date())
    if (!author) return null
    const names = { author: author.name, site: site.title }
    return {
      filter: { authorSlug: author.slug },
      title: t('author.title', names),
      description: t('author.description', names),
      feedBase: archivePath(scope),
    }
  }
  const range = dateRange(scope.year, scope.month, site.timeZone)
  if (!range) return null
  const names = { period: periodName(scope.year, scope.month, site.language), site: site.title }
  return {
    filter: { from: range.from, until: range.until },
    title: t('date.title', names),
    description: t('date.description', names),
    feedBase: null,
  }
}

/** Page `page` of an archive, or null when the tag, author, date or page does not exist. Public. */
export async function loadArchiveView(
  scope: ArchiveScope,
  page: number,
  db: DB = getDb(),
): Promise<ArchiveView | null> {
  const archive = await resolveArchive(scope, db)
  const view = archive && (await loadListing(archive.filter, page, db))
  // An archive with nothing in it is a 404 (a tag with no live posts yet still has its page).
  if (!archive || !view || (view.posts.length === 0 && (page > 1 || scope.kind === 'date'))) return null
  return {
    ...view,
    title: archive.title,
    description: archive.description,
    path: archivePath(scope),
    feedBase: archive.feedBase,
  }
}
