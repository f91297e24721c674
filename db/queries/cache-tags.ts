import type { Kysely } from 'kysely'
import type { Database } from '../types'

export interface CacheTagEvent {
  id: number
  tag: string
  expireSeconds: number | null
}

/** Records invalidated cache tags for the other app instances; forgets events older than a day. */
export async function recordCacheTagEvents(
  db: Kysely<Database>,
  tags: string[],
  expireSeconds: number | null,
  now: Date = new Date(),
): Promise<void> {
  if (tags.length === 0) return
  await db
    .insertInto('cacheTagEvent')
    .values(tags.map((tag) => ({ tag, expireSeconds, createdAt: now })))
    .execute()
  await db
    .deleteFrom('cacheTagEvent')
    .where('createdAt', '<', new Date(now.getTime() - 86_400_000))
    .execute()
}

/** Events after the one with id `afterId`, oldest first (at most `limit`). */
export async function listCacheTagEventsAfter(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<CacheTagEvent[]> {
  const rows = await db
    .selectFrom('cacheTagEvent')
    .select(['id', 'tag', 'expireSeconds'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: Number(r.id),
    tag: r.tag,
    expireSeconds: r.expireSeconds === null ? null : Number(r.expireSeconds),
  }))
}

/** The id of the newest event (0 if none): where an instance that starts now begins reading. */
export async function lastCacheTagEventId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('cacheTagEvent')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}
