import { z } from 'zod'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { readSettings } from '@/db/queries/settings'
import { type SiteLook, siteLook } from '@/lib/look'
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from '@/lib/i18n/languages'
import { rememberLanguage } from '@/lib/i18n/remembered'
import {
  canonicalTimeZone,
  DATE_FORMATS,
  type DateFormatName,
  type SiteLocale,
  TIME_FORMATS,
  type TimeFormatName,
} from '@/lib/dates'

// Each field falls back to its default when missing or invalid, so a bad stored value can never take
// the site down; the admin settings form (which validates strictly) is where mistakes are reported.
// Comment defaults are WordPress's.
const words = z.array(z.string()).catch([])
const siteSettingsSchema = z.object({
  title: z.string().min(1).catch('Plateau'),
  tagline: z.string().catch('A blog with conversations worth reading'),
  postsPerPage: z.number().int().min(1).max(100).catch(10),
  /** Feeds carry whole posts (true) or their excerpts. */
  feedFullContent: z.boolean().catch(true),
  /** How many levels a thread may have; replies deeper than this attach at the deepest level. */
  commentDepth: z.number().int().min(1).max(10).catch(5),
  /** Hold a commenter's comments until one of theirs has been approved. */
  holdFirstComment: z.boolean().catch(true),
  /** Hold a comment with this many links or more. */
  linkLimit: z.number().int().min(1).catch(2),
  /** Words (one per entry) that hold a comment for moderation. */
  moderationWords: words,
  /** Words that send a comment to spam. */
  blockWords: words,
  /** Seconds a person must wait between two comments. */
  floodSeconds: z.number().int().min(0).catch(15),
  /** A form sent back sooner than this after it was shown is a bot's. */
  minSubmitSeconds: z.number().int().min(0).catch(3),
  /** Minutes during which a person may edit their comment. */
  editMinutes: z.number().int().min(0).catch(15),
  /** Top-level threads on one page of a post's comments. */
  commentsPerPage: z.number().int().min(1).max(500).catch(50),
  /** Close comments on posts published this many days ago (0: never). */
  closeCommentsAfterDays: z.number().int().min(0).catch(0),
  /** Which top-level threads come first. */
  commentOrder: z.enum(['oldest', 'newest']).catch('oldest'),
  /** Links in the site's header (pages such as About), in order. */
  navigation: z.array(z.object({ label: z.string().min(1), href: z.string().min(1) })).catch([]),
  /** The largest image an editor may upload, in megabytes. */
  uploadMaxMegabytes: z.number().int().min(1).max(100).catch(10),
  /** The largest WordPress export an admin may upload, in megabytes. */
  importMaxMegabytes: z.number().int().min(1).max(2000).catch(200),
  /** The language the site speaks to readers, commenters and editors (lib/i18n/): words, dates, plurals, direction, search. */
  language: z.enum(LANGUAGE_CODES).catch(DEFAULT_LANGUAGE),
  /** The site's time zone (IANA): every date shown, "Publish at" and the archives by month follow it. */
  timeZone: z
    .string()
    .refine((zone) => canonicalTimeZone(zone) !== null)
    .catch('UTC'),
  /** How dates are written, by WordPress's name for the format. */
  dateFormat: z.enum(Object.keys(DATE_FORMATS) as [DateFormatName, ...DateFormatName[]]).catch('j F Y'),
  /** How times are written: 24-hour or 12-hour clock. */
  timeFormat: z.enum(Object.keys(TIME_FORMATS) as [TimeFormatName, ...TimeFormatName[]]).catch('H:i'),
  // The look (lib/look/): each checked when saved, and again when drawn, so a bad stored value falls back to Plateau's own.
  /** The accent colour (#rrggbb), or '' for Plateau's. */
  accentColor: z.string().catch(''),
  /** An image uploaded here (/uploads/…) shown in place of the title in the header, or ''. */
  logoUrl: z.string().catch(''),
  logoAlt: z.string().catch(''),
  /** An image uploaded here used as the browser tab's icon, or '' for Plateau's. */
  iconUrl: z.string().catch(''),
  /** A line shown under the header on every reader page (an announcement), or ''. */
  headerText: z.string().catch(''),
  /** The footer's line, or '' for Plateau's. */
  footerText: z.string().catch(''),
  /** CSS for the reader pages (checked by lib/look/custom-css.ts), or ''. */
  customCss: z.string().catch(''),
})

export type SiteSettings = z.infer<typeof siteSettingsSchema>

/** The site's settings with defaults filled in. Anyone may call it; it reads one query. */
export async function getSiteSettings(db: DB = getDb()): Promise<SiteSettings> {
  const settings = siteSettingsSchema.parse(await readSettings(db))
  // For the pages answered without the database (proxy.ts).
  rememberLanguage(settings.language)
  return settings
}

/** The settings of a blog that has set none. */
export const defaultSiteSettings = (): SiteSettings => siteSettingsSchema.parse({})

/** Just the language and clock things are shown with, to hand to a component (never the whole settings: they hold the moderation words). */
export const siteLocaleOf = ({ language, timeZone, dateFormat, timeFormat }: SiteLocale): SiteLocale => ({
  language,
  timeZone,
  dateFormat,
  timeFormat,
})

/** The site's date settings. Anyone may call it. */
export async function getSiteLocale(db: DB = getDb()): Promise<SiteLocale> {
  return siteLocaleOf(await getSiteSettings(db))
}

/** The settings a public page shows (title, tagline, header links, language and clock, the look's parts), kept small for the page cache. */
export type PublicSiteInfo = Pick<SiteSettings, 'title' | 'tagline'> &
  Partial<Pick<SiteSettings, 'navigation'>> &
  SiteLocale & { look: SiteLook }

export const publicSiteInfo = (site: SiteSettings): PublicSiteInfo => ({
  title: site.title,
  tagline: site.tagline,
  navigation: site.navigation,
  ...siteLocaleOf(site),
  look: siteLook(site),
})
