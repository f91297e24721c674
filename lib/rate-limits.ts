import ipaddr from 'ipaddr.js'
import type { DB } from '@/db'
import { getDb } from '@/db'
import { deleteRateLimitsBefore, hitRateLimit } from '@/db/queries/rate-limits'

// Limits on what a stranger can make the blog do. Those that guard a write (a comment, a mail) are
// counted in the database, so they hold however many app instances serve the blog; the one that
// guards a read (search) is counted in each instance's memory, so reading never writes.

export const LIMITS = {
  commentsPerUser: { max: 10, windowSeconds: 10 * 60 },
  commentsPerIp: { max: 30, windowSeconds: 10 * 60 },
  /** One address asked for from one client: the sixth within the hour is refused, other clients still may. */
  signInEmailsPerAddressAndClient: { max: 5, windowSeconds: 60 * 60 },
  /** One address, from anywhere: a mailbox gets at most this many of the blog's sign-in or confirmation mails an hour. */
  signInEmailsPerAddress: { max: 10, windowSeconds: 60 * 60 },
  signInEmailsPerClient: { max: 20, windowSeconds: 60 * 60 },
  /** Refused forms sent without JavaScript, kept for their page (lib/forms/kept.ts). */
  keptFormsPerClient: { max: 30, windowSeconds: 10 * 60 },
} as const

export type LimitName = keyof typeof LIMITS

/** The longest window: a counter untouched for longer counts nothing, and is pruned. */
const LONGEST_WINDOW_SECONDS = Math.max(...Object.values(LIMITS).map((l) => l.windowSeconds))

/** Limits an owner may change: many readers behind one address (a school, an office) need more. */
const FROM_ENVIRONMENT: Partial<Record<LimitName, string>> = { signInEmailsPerClient: 'SIGN_IN_EMAILS_PER_CLIENT' }

function maxOf(name: LimitName): number {
  const configured = Number(process.env[FROM_ENVIRONMENT[name] ?? ''])
  return Number.isSafeInteger(configured) && configured > 0 ? configured : LIMITS[name].max
}

/** How many leading bits of an IPv6 address are one client (RATE_LIMIT_IPV6_PREFIX, default 64: one household or server). */
function ipv6PrefixLength(): number {
  const configured = Number(process.env.RATE_LIMIT_IPV6_PREFIX)
  return Number.isSafeInteger(configured) && configured >= 16 && configured <= 128 ? configured : 64
}

/**
 * The client an address counts as, for limits: an IPv4 address as it is; an IPv6 address by its
 * network (a /64 by default), since whoever has one address of a /64 usually has all 2^64 of them.
 * An IPv4 address written as IPv6 (::ffff:1.2.3.4) is that IPv4 address.
 */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address
  const parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv4') return parsed.toString()
  const v6 = parsed as ipaddr.IPv6
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString()
  const prefix = ipv6PrefixLength()
  const bytes = v6.toByteArray().map((byte, i) => {
    const kept = Math.min(8, Math.max(0, prefix - i * 8))
    return byte & ((0xff << (8 - kept)) & 0xff)
  })
  return `${ipaddr.fromByteArray(bytes).toString()}/${prefix}`
}

/** Counts one use of `name` by `who` (a person, or a clientKey); returns false once the window's allowance is spent. */
export async function allow(name: LimitName, who: string, now: Date = new Date(), db: DB = getDb()): Promise<boolean> {
  const { windowSeconds } = LIMITS[name]
  return (await hitRateLimit(db, `${name}:${who}`, windowSeconds, now)) <= maxOf(name)
}

/**
 * Counts one sign-in or confirmation mail to `email` asked for by the client at `address`: refused
 * past five an hour for the address from that client, ten an hour for the address from anywhere,
 * or twenty an hour from that client to any address.
 */
export async function allowSignInMail(
  email: string,
  address: string,
  now: Date = new Date(),
  db: DB = getDb(),
): Promise<boolean> {
  const client = clientKey(address)
  const to = email.trim().toLowerCase()
  return (
    (await allow('signInEmailsPerAddressAndClient', `${to} ${client}`, now, db)) &&
    (await allow('signInEmailsPerAddress', to, now, db)) &&
    (await allow('signInEmailsPerClient', client, now, db))
  )
}

/** Forgets counters whose window ended long ago (housekeeping; they would count from zero anyway). */
export async function pruneRateLimits(now: Date = new Date(), db: DB = getDb()): Promise<number> {
  return deleteRateLimitsBefore(db, new Date(now.getTime() - LONGEST_WINDOW_SECONDS * 1000))
}

/*
 * Read limits: in this instance's memory (a GET never writes), each a fixed window per client,
 * holding at most MEMORY_KEYS clients (the least recently counted go first), so a flood of
 * addresses cannot grow it.
 */
const READ_LIMITS = {
  /** Searches are the dearest page a reader can ask for. */
  searchesPerClient: { max: 30, windowSeconds: 60 },
} as const
const MEMORY_KEYS = 10_000
const counters = new Map<string, { since: number; hits: number }>()

/** Counts one read of `name` by the client at `address`, in this instance; false once its allowance is spent. */
export function allowRead(name: keyof typeof READ_LIMITS, address: string, now: number = Date.now()): boolean {
  const { max, windowSeconds } = READ_LIMITS[name]
  const key = `${name}:${clientKey(address)}`
  const current = counters.get(key)
  const counter = current && now - current.since < windowSeconds * 1000 ? current : { since: now, hits: 0 }
  counter.hits++
  counters.delete(key)
  counters.set(key, counter)
  if (counters.size > MEMORY_KEYS) counters.delete(counters.keys().next().value!)
  return counter.hits <= max
}
