import { z } from 'zod'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { insertAuditEntries } from '@/db/queries/audit'
import { writeSetting } from '@/db/queries/settings'
import { requireCapability } from '@/lib/auth/permissions'
import type { Viewer } from '@/lib/auth/viewer'
import { getSiteSettings, type SiteSettings } from '@/lib/settings'
import { publicChanges, type PublicChanges } from '@/lib/public/tags'
import { navigationText } from './navigation'
import { checkAccent } from '@/lib/look/accent'
import { checkCustomCss, CUSTOM_CSS_MAX_LENGTH } from '@/lib/look/custom-css'
import { uploadedImageSizes, UPLOADS_PATH } from '@/lib/uploads/paths'
import { findUpload } from '@/db/queries/uploads'
import { searchInLanguage } from '@/lib/posts/search'
import { LANGUAGE_CODES, LANGUAGES } from '@/lib/i18n/languages'
import { canonicalTimeZone, DATE_FORMATS, type DateFormatName, TIME_FORMATS, type TimeFormatName } from '@/lib/dates'

// The settings form, validated strictly: every mistake is reported beside its field and nothing is
// saved until all are right. (Reading settings is lenient instead: see lib/settings.ts.)

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`)
const wordList = z
  .string()
  .max(20_000, 'Keep the list under 20,000 characters.')
  .transform((text) => [...new Set(text.split('\n').map((w) => w.trim()).filter(Boolean))])

/** Navigation links, one per line: "Label | /path" (or a full https:// address). */
const navigationLines = z
  .string()
  .max(5_000, 'Keep the links under 5,000 characters.')
  .transform((text, ctx) => {
    const links = []
    for (const [i, line] of text.split('\n').map((l) => l.trim()).entries()) {
      if (!line) continue
      const [label, href] = line.split('|').map((part) => part?.trim() ?? '')
      if (!label || !href || !/^(\/|https?:\/\/)\S*$/i.test(href)) {
        ctx.addIssue({ code: 'custom', message: `Line ${i + 1}: write a label, a bar and an address, e.g. “About | /pages/about”.` })
        return z.NEVER
      }
      links.push({ label: label.slice(0, 60), href })
    }
    return links
  })

/** An image uploaded to this blog, by its address (/uploads/…), or '' for none. */
const uploadedImage = (what: string) =>
  z
    .string()
    .trim()
    .refine((address) => address === '' || uploadedImageSizes(address) !== null, `${what} must be an image uploaded here: upload one with the button, or paste the address of one (it starts with /uploads/).`)

export const settingsFormSchema = z.object({
  title: z.string().trim().min(1, 'The blog needs a title.').max(120, 'Keep the title under 120 characters.'),
  tagline: z.string().trim().max(200, 'Keep the tagline under 200 characters.'),
  postsPerPage: whole('Posts per page', 1, 100),
  commentDepth: whole('Threading depth', 1, 10),
  holdFirstComment: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  linkLimit: whole('The link limit', 1, 50),
  moderationWords: wordList,
  blockWords: wordList,
  floodSeconds: whole('The wait between comments', 0, 3600),
  minSubmitSeconds: whole('The minimum time to write', 0, 60),
  editMinutes: whole('The edit window', 0, 1440),
  commentsPerPage: whole('Comments per page', 1, 500),
  closeCommentsAfterDays: whole('Days before comments close', 0, 36_500),
  commentOrder: z.enum(['oldest', 'newest'], { error: 'Choose oldest or newest first.' }),
  uploadMaxMegabytes: whole('The upload limit', 1, 100),
  importMaxMegabytes: whole('The import limit', 1, 2000),
  navigation: navigationLines,
  language: z.enum(LANGUAGE_CODES, { error: `Choose one of the languages Plateau speaks: ${Object.values(LANGUAGES).map((l) => l.name).join(', ')}.` }),
  timeZone: z
    .string()
    .trim()
    .transform((zone, ctx) => {
      const known = canonicalTimeZone(zone)
      if (known) return known
      ctx.addIssue({ code: 'custom', message: `“${zone.slice(0, 60)}” is not a time zone this server knows: choose one from the list, such as Europe/Lisbon or Asia/Tokyo.` })
      return z.NEVER
    }),
  dateFormat: z.enum(Object.keys(DATE_FORMATS) as [DateFormatName, ...DateFormatName[]], { error: 'Choose one of the date formats listed.' }),
  timeFormat: z.enum(Object.keys(TIME_FORMATS) as [TimeFormatName, ...TimeFormatName[]], { error: 'Choose the 24-hour or the 12-hour clock.' }),
  // The look: lib/look/ checks the colour and the CSS; the images are checked against the uploads below.
  accentColor: z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (text === '') return ''
      const checked = checkAccent(text)
      if (checked.ok) return checked.colours.light
      ctx.addIssue({ code: 'custom', message: checked.message })
      return z.NEVER
    }),
  logoUrl: uploadedImage('The logo'),
  logoAlt: z.string().trim().max(200, 'Keep the logo’s description under 200 characters.'),
  iconUrl: uploadedImage('The site icon'),
  headerText: z.string().trim().max(300, 'Keep the line under the header under 300 characters.'),
  footerText: z.string().trim().max(500, 'Keep the footer under 500 characters.'),
  customCss: z
    .string()
    .max(CUSTOM_CSS_MAX_LENGTH + 1000, `Keep the custom CSS under ${CUSTOM_CSS_MAX_LENGTH.toLocaleString('en')} characters.`)
    .transform((text, ctx) => {
      const checked = checkCustomCss(text.replace(/\r\n/g, '\n'))
      if (checked.ok) return text.replace(/\r\n/g, '\n').trim()
      ctx.addIssue({ code: 'custom', message: checked.message })
      return z.NEVER
    }),
})

export type SettingsField = keyof z.input<typeof settingsFormSchema>

/** Each setting as the form shows it: text as typed, a list one per line, a ticked box 'on'. */
export function settingsAsForm(settings: SiteSettings): Record<string, string> {
  return Object.fromEntries(
    Object.keys(settingsFormSchema.shape).map((key) => {
      const value = settings[key as keyof SiteSettings]
      if (key === 'navigation') return [key, navigationText(settings.navigation)]
      if (typeof value === 'boolean') return [key, value ? 'on' : '']
      return [key, Array.isArray(value) ? value.join('\n') : String(value)]
    }),
  )
}

const sameText = (a: unknown, b: unknown) => String(a ?? '').replace(/\r\n/g, '\n') === String(b ?? '').replace(/\r\n/g, '\n')

/** The `shown` field: the form's values as it was loaded (JSON), or null when absent or garbled. */
function shownValues(raw: unknown): Record<string, string> | null {
  if (typeof raw !== 'string' || raw.length > 100_000) return null
  try {
    const parsed: unknown = JSON.parse(raw)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : null
  } catch {
    return null
  }
}

/** The logo and icon must be images uploaded here (not only addresses that look like one), and the logo needs words for people who cannot see it. */
async function checkLookImages(data: z.output<typeof settingsFormSchema>, fieldErrors: Partial<Record<SettingsField, string>>, db: DB): Promise<void> {
  for (const [field, what] of [['logoUrl', 'The logo'], ['iconUrl', 'The site icon']] as const) {
    const address = data[field]
    if (address && !(await findUpload(address.slice(UPLOADS_PATH.length), db))) fieldErrors[field] = `${what} must be an image uploaded here; nothing was uploaded at ${address}.`
  }
  if (data.logoUrl && !data.logoAlt) fieldErrors.logoAlt = 'Describe the logo for people who cannot see it, e.g. the blog’s name as it is written there.'
}

/** The current settings for the form. Admins only; throws PermissionDenied. */
export async function loadSettingsForm(viewer: Viewer | null, db: DB = getDb()): Promise<SiteSettings> {
  requireCapability(viewer, 'settings.manage')
  return getSiteSettings(db)
}

/**
 * Saves the settings form; they apply at once. Returns each field's error on bad input (nothing is
 * saved then), the names of the settings that changed and what readers will see change. Admins only;
 * throws PermissionDenied.
 */
export async function saveSettings(
  viewer: Viewer | null,
  form: Record<string, unknown>,
  db: DB = getDb(),
): Promise<{ ok: true; changed: string[]; changes: PublicChanges } | { ok: false; fieldErrors: Partial<Record<SettingsField, string>> }> {
  const actor = requireCapability(viewer, 'settings.manage')
  const parsed = settingsFormSchema.safeParse(form)
  const fieldErrors: Partial<Record<SettingsField, string>> = {}
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as SettingsField] ??= issue.message
  else await checkLookImages(parsed.data, fieldErrors, db)
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors }
  const before = await getSiteSettings(db)
  // A field the person left as the form showed it keeps what is stored now: someone else (an
  // import adding a header link, another admin) may have changed it since the form was loaded.
  const shown = shownValues(form.shown)
  const untouched = (key: string) => shown !== null && key in shown && sameText(shown[key], key === 'holdFirstComment' ? (form[key] === 'on' ? 'on' : '') : form[key])
  const changed = Object.entries(parsed.data).filter(([k, v]) => !untouched(k) && JSON.stringify(before[k as keyof SiteSettings]) !== JSON.stringify(v))
  await db.transaction().execute(async (trx) => {
    for (const [key, value] of changed) await writeSetting(key, value, trx)
    // Search stems and folds words as the site's language does: its index is rebuilt with it.
    if (changed.some(([key]) => key === 'language')) await searchInLanguage(parsed.data.language, trx)
    await insertAuditEntries(
      changed.map(([key, value]) => ({ actorId: actor.id, action: 'settings.change', subject: `setting:${key}`, detail: { from: before[key as keyof SiteSettings], to: value } })),
      trx,
    )
  })
  return { ok: true, changed: changed.map(([k]) => k), changes: publicChanges({ settings: changed.length > 0 }) }
}
