import { TZDateMini } from '@date-fns/tz'
import type { Language } from '@/lib/i18n/languages'

/*
 * Dates as the site shows them: in its time zone and date and time formats (Settings), the same on
 * every server whatever the machine's own zone. What is stored and what `<time datetime>` carries
 * stays UTC; only what a person reads, and what an editor types as "Publish at", is local.
 */

/** The date formats an owner chooses from, by their WordPress names (WordPress users know them). */
export const DATE_FORMATS = {
  'j F Y': '18 March 2013',
  'F j, Y': 'March 18, 2013',
  'Y-m-d': '2013-03-18',
  'd/m/Y': '18/03/2013',
  'm/d/Y': '03/18/2013',
} as const
export type DateFormatName = keyof typeof DATE_FORMATS

export const TIME_FORMATS = { 'H:i': '13:40', 'g:i a': '1:40 pm' } as const
export type TimeFormatName = keyof typeof TIME_FORMATS

/** The site's language and clock: how words and dates are shown. */
export interface SiteLocale {
  /** The site's language: words, month names and plural rules. */
  language: Language
  timeZone: string
  dateFormat: DateFormatName
  timeFormat: TimeFormatName
}

/** The IANA name of time zone `zone` as this server spells it (europe/lisbon → Europe/Lisbon), or null if it knows none such. */
export function canonicalTimeZone(zone: string): string | null {
  if (!zone || zone.length > 64 || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return null
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** Every IANA time zone name, for the settings' list (UTC first). */
export function timeZoneNames(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]
}

interface LocalParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

const partsFormats = new Map<string, Intl.DateTimeFormat>()

/** The wall-clock reading of `instant` in `zone`: year, month, day, hour (00–23), minute, second. */
export function localParts(instant: Date | string, zone: string): LocalParts {
  let format = partsFormats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    partsFormats.set(zone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]))
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  }
}

const monthNames = new Map<string, string[]>()

/** January…December in `language`, as Intl (CLDR) writes them in a date. */
function monthsIn(language: string): string[] {
  let names = monthNames.get(language)
  if (!names) {
    const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' })
    names = Array.from(
      { length: 12 },
      (_, m) => format.formatToParts(Date.UTC(2013, m, 18)).find((p) => p.type === 'month')!.value,
    )
    monthNames.set(language, names)
  }
  return names
}

const joiners = new Map<string, { at: string; am: string; pm: string }>()

/** How `language` joins a date to its time (" at ", " um ", " في ") and names the halves of a 12-hour day, as Intl (CLDR) has them. */
function wordsIn(language: string) {
  let words = joiners.get(language)
  if (!words) {
    const long = new Intl.DateTimeFormat(language, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).formatToParts(Date.UTC(2013, 2, 18, 13, 40))
    const hour = long.findIndex((p) => p.type === 'hour')
    const before = long.slice(0, hour).findLastIndex((p) => p.type !== 'literal')
    const at =
      long
        .slice(before + 1, hour)
        .map((p) => p.value)
        .join('') || ' '
    const half = (h: number) =>
      new Intl.DateTimeFormat(language, { hour: 'numeric', hour12: true, timeZone: 'UTC' })
        .formatToParts(Date.UTC(2013, 2, 18, h))
        .find((p) => p.type === 'dayPeriod')?.value ?? ''
    // English as WordPress writes it: "1:40 pm".
    words = language === 'en' ? { at, am: 'am', pm: 'pm' } : { at, am: half(1), pm: half(13) }
    joiners.set(language, words)
  }
  return words
}

/** "18 March 2013", or the site's chosen format, in its zone. */
export function formatDate(iso: string | Date, locale: SiteLocale): string {
  return dateOf(localParts(iso, locale.timeZone), locale)
}

function dateOf({ year, month, day }: LocalParts, locale: SiteLocale): string {
  const name = monthsIn(locale.language)[Number(month) - 1]
  const d = String(Number(day))
  switch (locale.dateFormat) {
    case 'F j, Y':
      return `${name} ${d}, ${year}`
    case 'Y-m-d':
      return `${year}-${month}-${day}`
    case 'd/m/Y':
      return `${day}/${month}/${year}`
    case 'm/d/Y':
      return `${month}/${day}/${year}`
    default:
      return `${d} ${name} ${year}`
  }
}

/** "13:40", or "1:40 pm", in the site's zone. */
export function formatTime(iso: string | Date, locale: SiteLocale): string {
  return timeOf(localParts(iso, locale.timeZone), locale)
}

function timeOf({ hour, minute }: LocalParts, locale: SiteLocale): string {
  if (locale.timeFormat === 'g:i a') {
    const h = Number(hour)
    const { am, pm } = wordsIn(locale.language)
    return `${h % 12 === 0 ? 12 : h % 12}:${minute} ${h < 12 ? am : pm}`
  }
  return `${hour}:${minute}`
}

/** "18 March 2013 at 13:40". */
export function formatDateTime(iso: string | Date, locale: SiteLocale): string {
  const parts = localParts(iso, locale.timeZone)
  return `${dateOf(parts, locale)}${wordsIn(locale.language).at}${timeOf(parts, locale)}`
}

/** The year and month (01–12) an instant falls in, in the site's zone: where its archive is. */
export function localYearMonth(iso: string | Date, zone: string): { year: string; month: string } {
  const { year, month } = localParts(iso, zone)
  return { year, month }
}

/** The value of a `datetime-local` field showing `instant` in `zone`: "2026-03-29T09:00:00". */
export function toLocalInput(instant: Date, zone: string): string {
  const p = localParts(instant, zone)
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`
}

/**
 * The instant a wall-clock time in `zone` names ("2026-03-29T09:00", as a `datetime-local` field
 * sends it), or null when it is not a date and time. A time that a daylight-saving change skips
 * (02:30 on the night clocks go forward) is taken as the same time after the change, as clocks read it.
 */
export function fromLocalInput(value: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.trim())
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0))
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  // Not a real day (31 April): the Date would roll over into the next month.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null
  return new Date(new TZDateMini(year, month - 1, day, hour, minute, second, 0, zone).getTime())
}

/** The first instant of a local day, month or year in `zone`, for archive ranges. */
export function startOfLocal(year: number, month: number, zone: string): Date {
  return new Date(new TZDateMini(year, month - 1, 1, 0, 0, 0, 0, zone).getTime())
}
