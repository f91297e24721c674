import { createHash } from 'node:crypto'
import { type AccentColours, checkAccent } from './accent'
import { checkCustomCss } from './custom-css'
import { uploadedImageSizes } from '@/lib/uploads/paths'

/*
 * The look an owner gives the blog in Settings, as the pages draw it: the accent as a few CSS
 * variables (a style element in the head of every reader page), the custom CSS as a stylesheet of
 * its own at an address that changes with its content (cached for good by browsers), and the site
 * icon at /site-icon. Each is checked again here, so a bad stored value falls back to Plateau's own.
 */

/** The accent's CSS variables for both colour schemes, or '' for Plateau's own colours. */
export function accentCss(accentColor: string | undefined): string {
  if (!accentColor) return ''
  const checked = checkAccent(accentColor)
  if (!checked.ok) return ''
  const { light, lightHover, dark, darkHover }: AccentColours = checked.colours
  // `html:root` outweighs globals.css's `:root`, whichever stylesheet comes first.
  return `html:root{--accent:${light};--accent-hover:${lightHover}}@media (prefers-color-scheme:dark){html:root{--accent:${dark};--accent-hover:${darkHover}}}`
}

/** The accent colour to draw the default icon with. */
export function iconColour(accentColor: string | undefined): string {
  const checked = accentColor ? checkAccent(accentColor) : null
  return checked?.ok ? checked.colours.light : '#8a3b1f'
}

/** The custom CSS as served (parsed and written out again), or '' when there is none or it no longer passes. */
export function servedCustomCss(customCss: string | undefined): string {
  if (!customCss?.trim()) return ''
  const checked = checkCustomCss(customCss)
  return checked.ok ? checked.css : ''
}

/** A short fingerprint of the custom CSS as stored: its address changes when it does. (Pages draw it without parsing the CSS; /custom.css parses it once, cached.) */
export function customCssVersion(customCss: string): string {
  return createHash('sha256').update(customCss.trim()).digest('hex').slice(0, 16)
}

/** Where a page links the custom CSS, or null when there is none. */
export function customCssPath(customCss: string | undefined): string | null {
  return customCss?.trim() ? `/custom.css?v=${customCssVersion(customCss)}` : null
}

/** What a reader page draws of the look: see SiteHeader and SiteFooter. */
export interface SiteLook {
  /** CSS variables for the accent, or ''. */
  accentCss: string
  customCssPath: string | null
  logo: { url: string; alt: string; width: number; height: number } | null
  headerText: string
  footerText: string
}

/** The look as pages draw it, from the settings. */
export function siteLook(settings: {
  accentColor: string
  customCss: string
  logoUrl: string
  logoAlt: string
  headerText: string
  footerText: string
}): SiteLook {
  const size = settings.logoUrl ? uploadedImageSizes(settings.logoUrl) : null
  return {
    accentCss: accentCss(settings.accentColor),
    customCssPath: customCssPath(settings.customCss),
    logo:
      size && settings.logoAlt.trim()
        ? { url: settings.logoUrl, alt: settings.logoAlt.trim(), width: size.width, height: size.height }
        : null,
    headerText: settings.headerText.trim(),
    footerText: settings.footerText.trim(),
  }
}

/** Plateau's icon (a plateau under the sky), in the accent colour. */
export function defaultIconSvg(accentColor: string | undefined): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${iconColour(accentColor)}"/><path d="M4 24 L11 13 H21 L28 24 Z" fill="#fbfaf7"/></svg>`
}
