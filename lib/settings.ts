import { z } from 'zod'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { readSettings } from '@/db/queries/settings'

// Each field falls back to its default when missing or invalid, so a bad stored value can never take
// the site down; the admin settings form (which validates strictly) is where mistakes are reported.
const siteSettingsSchema = z.object({
  title: z.string().min(1).catch('Plateau'),
  tagline: z.string().catch('A blog with conversations worth reading'),
  postsPerPage: z.number().int().min(1).max(100).catch(10),
})

export type SiteSettings = z.infer<typeof siteSettingsSchema>

/** The site's settings with defaults filled in. Anyone may call it; it reads one query. */
export async function getSiteSettings(db: DB = getDb()): Promise<SiteSettings> {
  return siteSettingsSchema.parse(await readSettings(db))
}
