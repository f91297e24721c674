import type { DB } from '@/db'
import { getDb } from '@/db'
import { findPublishedPageBySlug, listParentPages } from '@/db/queries/posts'
import { getSiteSettings, type SiteSettings } from '@/lib/settings'
import { postDetails, type PostView } from './views'

export interface PageView {
  site: SiteSettings
  page: PostView['post']
  /** The published pages it sits under, outermost first. */
  parents: { slug: string; title: string }[]
}

/** A published page (About, Contact…) by slug, or null. Public. */
export async function loadPageView(slug: string, db: DB = getDb()): Promise<PageView | null> {
  const [row, site] = await Promise.all([findPublishedPageBySlug(db, slug, new Date()), getSiteSettings(db)])
  return row ? { site, page: postDetails(row, [], site), parents: await listParentPages(db, row.id, new Date()) } : null
}
