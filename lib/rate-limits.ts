import type { DB } from '@/db'
import { getDb } from '@/db'
import { hitRateLimit } from '@/db/queries/rate-limits'

// Limits are counted in the database, so they hold however many app instances serve the blog.
export const LIMITS = {
  commentsPerUser: { max: 10, windowSeconds: 10 * 60 },
  commentsPerIp: { max: 30, windowSeconds: 10 * 60 },
  /** One address asked for from one client: the sixth within the hour is refused, other clients still may. */
  signInEmailsPerAddressAndClient: { max: 5, windowSeconds: 60 * 60 },
  signInEmailsPerClient: { max: 20, windowSeconds: 60 * 60 },
  /** Searches are the dearest page a reader can ask for. */
  searchesPerClient: { max: 30, windowSeconds: 60 },
} as const

export type LimitName = keyof typeof LIMITS

/** Limits an owner may change: many readers behind one address (a school, an office) need more. */
const FROM_ENVIRONMENT: Partial<Record<LimitName, string>> = { signInEmailsPerClient: 'SIGN_IN_EMAILS_PER_CLIENT' }

function maxOf(name: LimitName): number {
  const configured = Number(process.env[FROM_ENVIRONMENT[name] ?? ''])
  return Number.isSafeInteger(configured) && configured > 0 ? configured : LIMITS[name].max
}

/** Counts one use of `name` by `who`; returns false once the window's allowance is spent. */
export async function allow(name: LimitName, who: string, now: Date = new Date(), db: DB = getDb()): Promise<boolean> {
  const { windowSeconds } = LIMITS[name]
  const max = maxOf(name)
  return (await hitRateLimit(`${name}:${who}`, windowSeconds, now, db)) <= max
}
