import type { DB } from '@/db'
import { getDb } from '@/db'
import {
  lastCacheTagEventId,
  listCacheTagEventsAfter,
  recordCacheTagEvents,
  type CacheTagEvent,
} from '@/db/queries/cache-tags'

/*
 * Cache invalidation shared by every app instance. Each instance keeps its own page cache in memory
 * (Next's default), but an invalidation (updateTag after a publish, a comment, a setting…) is also
 * written to the database; every instance reads the new ones at most a second later and expires the
 * same tags in its own cache (lib/public/cache/handler.mjs, the `default` cache handler). The handler is a
 * plain module Next loads by itself, so the database side is handed to it here, at start-up.
 */

export interface SharedCacheTags {
  latestId(): Promise<number>
  after(id: number, limit: number): Promise<CacheTagEvent[]>
  record(tags: string[], expireSeconds: number | null): Promise<void>
}

const holder = globalThis as typeof globalThis & { __plateauSharedCacheTags?: SharedCacheTags }

export function sharedCacheTags(db: DB = getDb()): SharedCacheTags {
  return {
    latestId: () => lastCacheTagEventId(db),
    after: (id, limit) => listCacheTagEventsAfter(db, id, limit),
    record: (tags, expireSeconds) => recordCacheTagEvents(db, tags, expireSeconds, new Date()),
  }
}

/** Called once at start-up (instrumentation → lib/startup). */
export function registerSharedCacheTags(db: DB = getDb()): void {
  holder.__plateauSharedCacheTags = sharedCacheTags(db)
}

/**
 * For command-line tools, which run outside the app: tells every running instance on this database
 * to expire `tags` in its page cache (each applies it within a second).
 */
export async function invalidateEverywhere(tags: string[], db: DB = getDb()): Promise<void> {
  await sharedCacheTags(db).record(tags, null)
}
