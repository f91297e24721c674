import { headers } from 'next/headers'
import proxyaddr from 'proxy-addr'
import { PEER_HEADER } from '@/lib/http/peer-address'
import { configuredOrigin } from '@/lib/public-address'

type Trust = (address: string, hop: number) => boolean

/**
 * Which hops may tell us the client's address (TRUSTED_PROXIES): unset, none — the socket's address
 * is the client's; a number, that many proxies in front (nginx alone: 1); or a comma-separated list of
 * proxy addresses and ranges (`127.0.0.1, 10.0.0.0/8`, or proxy-addr's names `loopback`, `uniquelocal`).
 */
export function trustedProxies(value: string | undefined = process.env.TRUSTED_PROXIES): Trust {
  const text = value?.trim()
  if (!text) return () => false
  if (/^\d+$/.test(text)) {
    const hops = Number(text)
    return (_address, hop) => hop < hops
  }
  return proxyaddr.compile(
    text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
}

/**
 * The client's address from a request's headers, for rate limits: the socket's, or — through trusted
 * proxies only — the address the nearest trusted proxy reports. A client-written X-Forwarded-For
 * never changes it.
 */
export function clientAddressOf(h: Headers, trust: Trust = trustedProxies()): string {
  const forwarded = h.get('x-forwarded-for') ?? ''
  // Without the stamp (a server not started through instrumentation), the last hop Next recorded.
  const peer = h.get(PEER_HEADER) || forwarded.split(',').at(-1)?.trim() || 'unknown'
  const request = {
    headers: { 'x-forwarded-for': forwarded },
    connection: { remoteAddress: peer },
    socket: { remoteAddress: peer },
  }
  return proxyaddr(request as never, trust)
}

/** The client's address for the current request (server actions, route handlers). */
export async function clientIp(): Promise<string> {
  return clientAddressOf(await headers())
}

/**
 * Whether a state-changing request came from the blog's own pages: its Origin is the public origin
 * (or, with none configured, names the host the request came to, as Next checks for server actions).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (!origin) return false
  const configured = configuredOrigin()
  if (configured) return origin === configured
  const host = request.headers.get('host')
  try {
    return !!host && new URL(origin).host === host
  } catch {
    return false
  }
}
