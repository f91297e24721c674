import { configuredOrigin } from '@/lib/public-address'
import { contentSecurityPolicy, securityHeaders as baseSecurityHeaders } from './content-security-policy.mjs'

// The headers every response carries, and the Content-Security-Policy for each kind of page.
//
// Pages that render per request anyway (admin, sign-in, profile, setup) get a nonce: only scripts the
// server wrote into that response run ('strict-dynamic' lets those load Next's chunks). Public pages
// are rendered once and served from the cache to every reader, so they cannot carry a per-request
// nonce; their policy allows the blog's own scripts and Next's inline bootstrap ('unsafe-inline'),
// and nothing from elsewhere. What readers write reaches those pages only through the Markdown
// sanitizer, which keeps no HTML, scripts or event handlers.

/** Paths rendered per request, which get the nonce policy. */
export function isPerRequestPath(pathname: string): boolean {
  return /^\/(admin|signin|profile|setup)(\/|$)/.test(pathname)
}

/** The headers besides the policy that every response carries (HSTS once the public address is https). */
export function securityHeaders(): Record<string, string> {
  return baseSecurityHeaders(configuredOrigin())
}

export { contentSecurityPolicy }

/** Whether a path's percent-encoding is valid UTF-8 (`%ff`, a lone `%` and overlong `%c0%ae` are not). */
export function isWellEncodedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

/** Longest path segment any page has (slugs are at most 80 characters; encoded non-Latin ones take more). */
export const MAX_SEGMENT_LENGTH = 400

export function hasOverlongSegment(pathname: string): boolean {
  return pathname.split('/').some((segment) => segment.length > MAX_SEGMENT_LENGTH)
}
