import { headers } from 'next/headers'

/** The client's address as the nearest proxy reports it (X-Forwarded-For, X-Real-IP), for rate limits. */
export async function clientIp(): Promise<string> {
  const h = await headers()
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip')?.trim() || 'unknown'
}

/** The origin AUTH_URL names, if it is set and valid. */
function configuredOrigin(): string | null {
  const configured = process.env.AUTH_URL
  if (!configured) return null
  try {
    return new URL(configured).origin
  } catch {
    return null
  }
}

/** The blog's public origin: AUTH_URL when set (behind a proxy), else the address the request came to. */
export function publicOrigin(request: Request): string {
  return configuredOrigin() ?? new URL(request.url).origin
}

/**
 * A full URL of a path on the blog, for canonical links and social cards, when AUTH_URL says where the
 * blog lives; else the path itself (cached pages do not read the request, so they cannot guess).
 */
export function siteUrl(path: string): string {
  const origin = configuredOrigin()
  return origin ? `${origin}${path}` : path
}

/**
 * Whether a state-changing request came from the blog's own pages (its Origin names this host), as
 * Next checks for server actions; route handlers that take cookies and change things ask this first.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  if (!origin || !host) return false
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
