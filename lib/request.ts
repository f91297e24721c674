import { headers } from 'next/headers'

/** The client's address as the nearest proxy reports it (X-Forwarded-For, X-Real-IP), for rate limits. */
export async function clientIp(): Promise<string> {
  const h = await headers()
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip')?.trim() || 'unknown'
}
