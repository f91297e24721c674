import { z } from 'zod'
import { refusal, type Changed } from '@/lib/result'
import type { DB } from '@/db'
import { getDb, inTransaction } from '@/db'
import { insertAuditEntries } from '@/db/queries/audit'
import { writeSetting } from '@/db/queries/settings'
import { requireCapability } from '@/lib/people/permissions'
import type { Viewer } from '@/lib/people/viewer'
import { getSiteSettings, type SiteSettings } from '@/lib/settings'
import { publicChanges } from '@/lib/changes'
import { navigationText } from './navigation'
import { checkAccent, type LookSentences } from '@/lib/look/accent'
import { checkCustomCss, CUSTOM_CSS_MAX_LENGTH } from '@/lib/look/custom-css'
import { uploadedImageSizes, UPLOADS_PATH } from '@/lib/uploads/paths'
import { findUpload } from '@/db/queries/uploads'
import { searchInLanguage } from '@/lib/posts/search'
import { LANGUAGE_CODES, LANGUAGES } from '@/lib/i18n/languages'
import { translator, type Translator } from '@/lib/i18n'
import { canonicalTimeZone, DATE_FORMATS, type DateFormatName, TIME_FORMATS, type TimeFormatName } from '@/lib/dates'

// The settings form, validated strictly: every mistake is reported beside its field and nothing is
// saved until all are right. (Reading settings is lenient instead: see lib/settings.ts.)

/** The settings form's sentences, in the site's language (the catalog's admin.settings). */
type T = Translator<'admin.settings'>

const whole = (t: T, field: string, min: number, max: number) => {
  const label = t(`fields.${field}.label` as never)
  return z.coerce
    .number({ error: t('errors.whole', { label }) })
    .int(t('errors.whole', { label }))
    .min(min, t('errors.atLeast', { label, min }))
    .max(max, t('errors.atMost', { label, max }))
}
const wordList = (t: T) =>
  z
    .string()
    .max(20_000, t('errors.listTooLong'))
    .transform((text) => [
      ...new Set(
        text
          .split('\n')
          .map((w) => w.trim())
          .filter(Boolean),
      ),
    ])

/** Navigation links, one per line: "Label | /path" (or a full https:// address). */
const navigationLines = (t: T) =>
  z
    .string()
    .max(5_000, t('errors.linksTooLong'))
    .transform((text, ctx) => {
      const links = []
      for (const [i, line] of text
        .split('\n')
        .map((l) => l.trim())
        .entries()) {
        if (!line) continue
        const [label, href] = line.split('|').map((part) => part?.trim() ?? '')
        if (!label || !href || !/^(\/|https?:\/\/)\S*$/i.test(href)) {
          ctx.addIssue({ code: 'custom', message: t('errors.linkLine', { line: i + 1 }) })
          return z.NEVER
        }
        links.push({ label: label.slice(0, 60), href })
      }
      return links
    })

/** An image uploaded to this blog, by its address (/uploads/…), or '' for none. */
const uploadedImage = (t: T, what: 'logo' | 'icon') =>
  z
    .string()
    .trim()
    .refine((address) => address === '' || uploadedImageSizes(address) !== null, t('errors.notUploaded', { what }))

const settingsFormSchema = (t: T, look: LookSentences) =>
  z.object({
    title: z.string().trim().min(1, t('errors.titleMissing')).max(120, t('errors.titleTooLong')),
    tagline: z.string().trim().max(200, t('errors.taglineTooLong')),
    postsPerPage: whole(t, 'postsPerPage', 1, 100),
    commentDepth: whole(t, 'commentDepth', 1, 10),
    holdFirstComment: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
    linkLimit: whole(t, 'linkLimit', 1, 50),
    moderationWords: wordList(t),
    blockWords: wordList(t),
    floodSeconds: whole(t, 'floodSeconds', 0, 3600),
    minSubmitSeconds: whole(t, 'minSubmitSeconds', 0, 60),
    editMinutes: whole(t, 'editMinutes', 0, 1440),
    commentsPerPage: whole(t, 'commentsPerPage', 1, 500),
    closeCommentsAfterDays: whole(t, 'closeCommentsAfterDays', 0, 36_500),
    commentOrder: z.enum(['oldest', 'newest'], { error: t('errors.commentOrder') }),
    uploadMaxMegabytes: whole(t, 'uploadMaxMegabytes', 1, 100),
    importMaxMegabytes: whole(t, 'importMaxMegabytes', 1, 2000),
    navigation: navigationLines(t),
    language: z.enum(LANGUAGE_CODES, {
      error: t('errors.language', {
        languages: Object.values(LANGUAGES)
          .map((l) => l.name)
          .join(', '),
      }),
    }),
    timeZone: z
      .string()
      .trim()
      .transform((zone, ctx) => {
        const known = canonicalTimeZone(zone)
        if (known) return known
        ctx.addIssue({ code: 'custom', message: t('errors.timeZone', { zone: zone.slice(0, 60) }) })
        return z.NEVER
      }),
    dateFormat: z.enum(Object.keys(DATE_FORMATS) as [DateFormatName, ...DateFormatName[]], {
      error: t('errors.dateFormat'),
    }),
    timeFormat: z.enum(Object.keys(TIME_FORMATS) as [TimeFormatName, ...TimeFormatName[]], {
      error: t('errors.timeFormat'),
    }),
    // The look: lib/look/ checks the colour and the CSS; the images are checked against the uploads below.
    accentColor: z
      .string()
      .trim()
      .transform((text, ctx) => {
        if (text === '') return ''
        const checked = checkAccent(text, look)
        if (checked.ok) return checked.colours.light
        ctx.addIssue({ code: 'custom', message: checked.message })
        return z.NEVER
      }),
    logoUrl: uploadedImage(t, 'logo'),
    logoAlt: z.string().trim().max(200, t('errors.logoAltTooLong')),
    iconUrl: uploadedImage(t, 'icon'),
    headerText: z.string().trim().max(300, t('errors.headerTooLong')),
    footerText: z.string().trim().max(500, t('errors.footerTooLong')),
    customCss: z
      .string()
      .max(CUSTOM_CSS_MAX_LENGTH + 1000, t('errors.cssTooLong', { max: CUSTOM_CSS_MAX_LENGTH }))
      .transform((text, ctx) => {
        const checked = checkCustomCss(text.replace(/\r\n/g, '\n'), look)
        if (checked.ok) return text.replace(/\r\n/g, '\n').trim()
        ctx.addIssue({ code: 'custom', message: checked.message })
        return z.NEVER
      }),
  })

type SettingsForm = ReturnType<typeof settingsFormSchema>
const FORM_FIELDS = Object.keys(
  settingsFormSchema(translator('en', 'admin.settings'), translator('en', 'admin.settings.look')).shape,
)

export type SettingsField = keyof z.input<SettingsForm>

/** Each setting as the form shows it: text as typed, a list one per line, a ticked box 'on'. */
export function settingsAsForm(settings: SiteSettings): Record<string, string> {
  return Object.fromEntries(
    FORM_FIELDS.map((key) => {
      const value = settings[key as keyof SiteSettings]
      if (key === 'navigation') return [key, navigationText(settings.navigation)]
      if (typeof value === 'boolean') return [key, value ? 'on' : '']
      return [key, Array.isArray(value) ? value.join('\n') : String(value)]
    }),
  )
}

const sameText = (a: unknown, b: unknown) =>
  String(a ?? '').replace(/\r\n/g, '\n') === String(b ?? '').replace(/\r\n/g, '\n')

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
async function checkLookImages(
  t: T,
  data: z.output<SettingsForm>,
  fieldErrors: Partial<Record<SettingsField, string>>,
  db: DB,
): Promise<void> {
  for (const [field, what] of [
    ['logoUrl', 'logo'],
    ['iconUrl', 'icon'],
  ] as const) {
    const address = data[field]
    if (address && !(await findUpload(db, address.slice(UPLOADS_PATH.length))))
      fieldErrors[field] = t('errors.nothingAt', { what, address })
  }
  if (data.logoUrl && !data.logoAlt) fieldErrors.logoAlt = t('errors.logoAltMissing')
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
): Promise<Changed<{ changed: string[] }>> {
  const actor = requireCapability(viewer, 'settings.manage')
  const { language } = await getSiteSettings(db)
  const t = translator(language, 'admin.settings')
  const parsed = settingsFormSchema(t, translator(language, 'admin.settings.look')).safeParse(form)
  const fieldErrors: Partial<Record<SettingsField, string>> = {}
  if (!parsed.success)
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as SettingsField] ??= issue.message
  else await checkLookImages(t, parsed.data, fieldErrors, db)
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return refusal(t('fixFields'), { fieldErrors })
  const before = await getSiteSettings(db)
  // A field the person left as the form showed it keeps what is stored now: someone else (an
  // import adding a header link, another admin) may have changed it since the form was loaded.
  const shown = shownValues(form.shown)
  const untouched = (key: string) =>
    shown !== null &&
    key in shown &&
    sameText(shown[key], key === 'holdFirstComment' ? (form[key] === 'on' ? 'on' : '') : form[key])
  const changed = Object.entries(parsed.data).filter(
    ([k, v]) => !untouched(k) && JSON.stringify(before[k as keyof SiteSettings]) !== JSON.stringify(v),
  )
  await inTransaction(db, async (trx) => {
    for (const [key, value] of changed) await writeSetting(trx, key, value)
    // Search stems and folds words as the site's language does: its index is rebuilt with it.
    if (changed.some(([key]) => key === 'language')) await searchInLanguage(parsed.data.language, trx)
    await insertAuditEntries(
      trx,
      changed.map(([key, value]) => ({
        actorId: actor.id,
        action: 'settings.change',
        subject: `setting:${key}`,
        detail: { from: before[key as keyof SiteSettings], to: value },
      })),
    )
  })
  return { ok: true, changed: changed.map(([k]) => k), changes: publicChanges({ settings: changed.length > 0 }) }
}
