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

/** Counts one use of `name` by `who`; returns false once the window's allowance is spent. */
export async function allow(name: LimitName, who: string, now: Date = new Date(), db: DB = getDb()): Promise<boolean> {
  const { max, windowSeconds } = LIMITS[name]
  return (await hitRateLimit(`${name}:${who}`, windowSeconds, now, db)) <= max
}
