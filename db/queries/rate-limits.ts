import type { Kysely } from 'kysely'
import type { Database } from '../types'

/**
 * Counts one hit against `key` in a fixed window of `windowSeconds` and returns the hits in the
 * current window, this one included. One atomic upsert, so it holds across app instances.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  key: string,
  windowSeconds: number,
  now: Date = new Date(),
): Promise<number> {
  const windowStart = new Date(now.getTime() - windowSeconds * 1000)
  const row = await db
    .insertInto('rateLimit')
    .values({ key, windowStartedAt: now, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        hits: eb
          .case()
          .when('rateLimit.windowStartedAt', '<=', windowStart)
          .then(1)
          .else(eb('rateLimit.hits', '+', 1))
          .end(),
        windowStartedAt: eb
          .case()
          .when('rateLimit.windowStartedAt', '<=', windowStart)
          .then(now)
          .else(eb.ref('rateLimit.windowStartedAt'))
          .end(),
      })),
    )
    .returning('hits')
    .executeTakeFirstOrThrow()
  return Number(row.hits)
}

/** Deletes the counters whose window began before `before`; returns how many. */
export async function deleteRateLimitsBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db.deleteFrom('rateLimit').where('windowStartedAt', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
