import { headers } from 'next/headers'

/** The client's address as the nearest proxy reports it (X-Forwarded-For, X-Real-IP), for rate limits. */
export async function clientIp(): Promise<string> {
  const h = await headers()
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip')?.trim() || 'unknown'
}

/** The blog's public origin: AUTH_URL when set (behind a proxy), else the address the request came to. */
export function publicOrigin(request: Request): string {
  const configured = process.env.AUTH_URL
  if (configured) {
    try {
      return new URL(configured).origin
    } catch {
      // fall through to the request's own address
    }
  }
  return new URL(request.url).origin
}
