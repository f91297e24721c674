import { describe, expect, it } from 'vitest'
import {
  canonicalTimeZone,
  type SiteLocale,
  formatDate,
  formatDateTime,
  fromLocalInput,
  localYearMonth,
  toLocalInput,
} from './dates'

const site = (
  timeZone: string,
  dateFormat: SiteLocale['dateFormat'] = 'j F Y',
  timeFormat: SiteLocale['timeFormat'] = 'H:i',
  language: SiteLocale['language'] = 'en',
): SiteLocale => ({
  language,
  timeZone,
  dateFormat,
  timeFormat,
})

describe('dates on the site’s clock', () => {
  it('shows an instant in the site’s zone and format, whatever the server’s own zone', () => {
    const instant = '2013-03-18T23:30:00Z'
    expect(formatDateTime(instant, site('UTC'))).toBe('18 March 2013 at 23:30')
    expect(formatDateTime(instant, site('Asia/Tokyo'))).toBe('19 March 2013 at 08:30')
    expect(formatDateTime(instant, site('America/Los_Angeles', 'F j, Y', 'g:i a'))).toBe('March 18, 2013 at 4:30 pm')
    expect(formatDate(instant, site('Asia/Kolkata', 'Y-m-d'))).toBe('2013-03-19')
    // In the site's language: its month names, its word between date and time, its halves of the day.
    expect(formatDateTime(instant, site('Europe/Berlin', 'j F Y', 'H:i', 'de'))).toBe('19 März 2013 um 00:30')
    expect(formatDateTime(instant, site('Africa/Cairo', 'j F Y', 'g:i a', 'ar'))).toBe('19 مارس 2013 في 1:30 ص')
    expect(formatDate(instant, site('Europe/Lisbon', 'd/m/Y'))).toBe('18/03/2013')
    expect(formatDate(instant, site('Europe/Lisbon', 'm/d/Y'))).toBe('03/18/2013')
    expect(formatDateTime('2013-03-18T00:05:00Z', site('UTC', 'j F Y', 'g:i a'))).toBe('18 March 2013 at 12:05 am')
    expect(formatDateTime('2013-03-18T12:05:00Z', site('UTC', 'j F Y', 'g:i a'))).toBe('18 March 2013 at 12:05 pm')
  })

  it('files a post under the month it was published in on the site’s clock', () => {
    expect(localYearMonth('2013-03-31T22:30:00Z', 'UTC')).toEqual({ year: '2013', month: '03' })
    expect(localYearMonth('2013-03-31T22:30:00Z', 'Europe/Berlin')).toEqual({ year: '2013', month: '04' })
    expect(localYearMonth('2014-01-01T03:00:00Z', 'America/New_York')).toEqual({ year: '2013', month: '12' })
  })

  it('reads "Publish at" on the site’s clock across a daylight-saving change, and shows it back as typed', () => {
    // Lisbon moves from WET (UTC+0) to WEST (UTC+1) at 01:00 UTC on 28 March 2027.
    expect(fromLocalInput('2027-03-27T09:00', 'Europe/Lisbon')?.toISOString()).toBe('2027-03-27T09:00:00.000Z')
    expect(fromLocalInput('2027-03-28T09:00', 'Europe/Lisbon')?.toISOString()).toBe('2027-03-28T08:00:00.000Z')
    // And back on 31 October 2027.
    expect(fromLocalInput('2027-10-31T09:00:00', 'Europe/Lisbon')?.toISOString()).toBe('2027-10-31T09:00:00.000Z')
    // New York: UTC−5 in winter, UTC−4 from 14 March 2027.
    expect(fromLocalInput('2027-03-13T09:00', 'America/New_York')?.toISOString()).toBe('2027-03-13T14:00:00.000Z')
    expect(fromLocalInput('2027-03-14T09:00', 'America/New_York')?.toISOString()).toBe('2027-03-14T13:00:00.000Z')
    // East of UTC, no daylight saving.
    expect(fromLocalInput('2027-03-28T09:00', 'Asia/Tokyo')?.toISOString()).toBe('2027-03-28T00:00:00.000Z')
    for (const [typed, zone] of [
      ['2027-03-28T09:00:00', 'Europe/Lisbon'],
      ['2027-03-13T09:00:00', 'America/New_York'],
      ['2027-07-01T23:59:59', 'Asia/Tokyo'],
    ] as const) {
      expect(toLocalInput(fromLocalInput(typed, zone)!, zone)).toBe(typed)
    }
    // A time the change skips (01:30 does not happen in Lisbon that night) is the same reading after it.
    expect(fromLocalInput('2027-03-28T01:30', 'Europe/Lisbon')?.toISOString()).toBe('2027-03-28T01:30:00.000Z')
  })

  it('refuses what is not a date and time', () => {
    for (const typed of ['', 'tomorrow', '2027-02-30T09:00', '2027-13-01T09:00', '2027-01-01T24:00', '2027-01-01'])
      expect(fromLocalInput(typed, 'UTC'), typed).toBeNull()
  })

  it('knows IANA time zones by name and nothing else', () => {
    expect(canonicalTimeZone('Europe/Lisbon')).toBe('Europe/Lisbon')
    expect(canonicalTimeZone('asia/tokyo')).toBe('Asia/Tokyo')
    expect(canonicalTimeZone('UTC')).toBe('UTC')
    for (const zone of ['', 'Mars/Olympus', '+09:00', 'Asia/Tokyo</style>', 'x'.repeat(100)])
      expect(canonicalTimeZone(zone), zone).toBeNull()
  })
})
