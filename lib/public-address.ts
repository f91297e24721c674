import type { DB } from '@/db'
import { getDb } from '@/db'
import { readSettings, writeSetting } from '@/db/queries/settings'

// The blog's one public address. Sign-in links, feeds, sitemaps, canonical links and emails are built
// from it, never from a request's Host or forwarded headers (which whoever sends the request writes).
// It is AUTH_URL when set, else the address the owner confirmed on the setup page (kept in settings,
// as WordPress keeps its site address). Until one is known, only requests to a loopback name
// (localhost, 127.0.0.1, [::1]) may sign in, so the Quick start works on the owner's own machine.

const ADDRESS_KEY = 'site.address'

/** An address as an origin (`https://blog.example.com`), or null when it is not an http(s) URL. */
export function parseOrigin(address: string | null | undefined): string | null {
  if (!address) return null
  try {
    const url = new URL(address.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

/** The configured public origin, if this process knows one (AUTH_URL, or the stored address once loaded). */
export function configuredOrigin(): string | null {
  return parseOrigin(process.env.AUTH_URL)
}

/**
 * The public origin: AUTH_URL, else the stored address (which it then hands to Auth.js through
 * AUTH_URL, so every link it builds uses it), else null. Anyone may call it; at most one query.
 */
export async function loadPublicOrigin(db: DB = getDb()): Promise<string | null> {
  const known = configuredOrigin()
  if (known) return known
  const stored = parseOrigin(String((await readSettings(db))[ADDRESS_KEY] ?? ''))
  if (stored) process.env.AUTH_URL = stored
  return stored
}

/** Stores the address the owner confirmed and starts using it in this process. Only the setup flow calls it. */
export async function savePublicOrigin(origin: string, db: DB = getDb()): Promise<void> {
  await writeSetting(db, ADDRESS_KEY, origin)
  if (!parseOrigin(process.env.AUTH_URL)) process.env.AUTH_URL = origin
}

/** The blog on this machine, for links while no public address is known: the port `next start` listens on. */
export function localOrigin(): string {
  return `http://localhost:${process.env.PORT || 3000}`
}

/** The origin links are built from: the configured one, else this machine's. Never the request's. */
export function linkOrigin(): string {
  return configuredOrigin() ?? localOrigin()
}

/** A full URL of a path on the blog (canonical links, feeds, emails). */
export function absoluteUrl(path: string): string {
  return `${linkOrigin()}${path}`
}

/**
 * A full URL of a path when a public address is known, else the path itself: cached pages render
 * once for every visitor, so without an address a relative link is the honest one.
 */
export function siteUrl(path: string): string {
  const origin = configuredOrigin()
  return origin ? `${origin}${path}` : path
}

/** Whether a host name (with or without port) names this machine: localhost, *.localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string | null | undefined): boolean {
  if (!host) return false
  let name: string
  try {
    name = new URL(`http://${host}`).hostname.toLowerCase()
  } catch {
    return false
  }
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '[::1]'
}

/** Whether a URL is on the public origin, or (with none known) on this machine: where a sign-in link may point. */
export function isOwnUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const origin = configuredOrigin()
  return origin ? parsed.origin === origin : isLoopbackHost(parsed.host)
}

export const UNKNOWN_ADDRESS_MESSAGE =
  'This blog does not know its public address yet, so it cannot send sign-in links for it. Its owner should set AUTH_URL (for example AUTH_URL=https://blog.example.com) or confirm the address on the setup page.'

/**
 * Why a request may not start or finish a sign-in, or null when it may: with no public address known,
 * its Host (and any forwarded host) must be a loopback name. Auth.js's route and the sign-in forms ask it.
 */
export async function signInHostProblem(headers: Headers, db: DB = getDb()): Promise<string | null> {
  if (await loadPublicOrigin(db)) return null
  const forwarded = headers.get('x-forwarded-host')
  return isLoopbackHost(headers.get('host')) && (forwarded === null || isLoopbackHost(forwarded))
    ? null
    : UNKNOWN_ADDRESS_MESSAGE
}
