import { translator, type Translator } from '@/lib/i18n/catalogs'

/** The sentences the look's checks refuse with. */
export type LookSentences = Translator<'admin.settings.look'>
/*
 * The accent colour an owner chooses, checked for contrast as WCAG 2.2 AA asks of text (4.5:1):
 * links and headings' rules are drawn in it on the page's backgrounds, and buttons put text on it.
 * The colour chosen is the light scheme's; the dark scheme gets the nearest lighter tint of it that
 * reads as well on the dark backgrounds.
 */

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5

/** The backgrounds the accent is drawn on (app/globals.css): page, surface, quotes. */
export const LIGHT_BACKGROUNDS = ['#fbfaf7', '#ffffff', '#f2eee6']
export const DARK_BACKGROUNDS = ['#15161a', '#1d1f24', '#23252b']
/** The text drawn on the accent (buttons): --on-accent. */
export const LIGHT_ON_ACCENT = '#ffffff'
export const DARK_ON_ACCENT = '#1d1e22'

type Rgb = [number, number, number]

const HEX = /^#([0-9a-f]{6})$/i

/** "#RRGGBB" as lower case, or null. */
export function parseHexColour(text: string): string | null {
  const match = HEX.exec(text.trim())
  return match ? `#${match[1].toLowerCase()}` : null
}

const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb
const hex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`

/** Relative luminance, as WCAG 2 defines it. */
function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** `colour` mixed with `other`, `amount` (0–1) of the way. */
function mix(colour: string, other: string, amount: number): string {
  const a = rgb(colour)
  const b = rgb(other)
  return hex(a.map((v, i) => v + (b[i] - v) * amount) as Rgb)
}

const worst = (colour: string, backgrounds: string[]) => Math.min(...backgrounds.map((bg) => contrastRatio(colour, bg)))

export interface AccentColours {
  light: string
  lightHover: string
  dark: string
  darkHover: string
}

const ratio = (n: number) => `${Math.floor(n * 10) / 10}:1`

/**
 * The colours the site is drawn with for an accepted accent, or the sentence saying why it is refused
 * (in the language of `t`: the settings form hands the site's).
 */
export function checkAccent(
  text: string,
  t: LookSentences = translator('en', 'admin.settings.look'),
): { ok: true; colours: AccentColours } | { ok: false; message: string } {
  const colour = parseHexColour(text)
  if (!colour) return { ok: false, message: t('accentFormat') }
  const onBackground = worst(colour, LIGHT_BACKGROUNDS)
  if (onBackground < MIN_CONTRAST)
    return { ok: false, message: t('accentTooLight', { colour, contrast: ratio(onBackground) }) }
  const underText = contrastRatio(colour, LIGHT_ON_ACCENT)
  if (underText < MIN_CONTRAST)
    return { ok: false, message: t('accentButtonText', { colour, contrast: ratio(underText) }) }
  // The dark scheme: the least lightening of the colour that reads on every dark background and under dark text.
  let dark = colour
  for (
    let step = 1;
    step <= 20 && (worst(dark, DARK_BACKGROUNDS) < MIN_CONTRAST || contrastRatio(dark, DARK_ON_ACCENT) < MIN_CONTRAST);
    step++
  ) {
    dark = mix(colour, '#ffffff', step / 20)
  }
  return {
    ok: true,
    colours: { light: colour, lightHover: mix(colour, '#000000', 0.2), dark, darkHover: mix(dark, '#ffffff', 0.3) },
  }
}
